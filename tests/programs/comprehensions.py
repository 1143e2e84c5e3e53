print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print({x: x ** 2 for x in range(5)})
print(sorted({x % 4 for x in range(20)}))
print(list(x + 1 for x in [1, 2]))
m = [[i * 3 + j for j in range(3)] for i in range(3)]
print(m, [row[i] for i, row in enumerate(m)], [list(r) for r in zip(*m)])
words = ["apple", "bob", "kayak", "test"]
print([w for w in words if w == w[::-1]])
print([[y for y in range(x)] for x in range(4)])
n = 10
print([i for i in range(n) if all(i % d for d in range(2, i))][2:])
