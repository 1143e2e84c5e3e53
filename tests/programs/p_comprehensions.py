print([x * 2 for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print([[i * j for j in range(4)] for i in range(3)])
print({x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", [3, 2, 1]) if v > 1})
print(sorted({x % 5 for x in range(20)}))
print([x if x % 2 else -x for x in range(6)])
m = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*m)], [v for row in m for v in row])
x = "outer"
print([x for x in range(3)], x)
n = 10
print([n + i for i in range(3)])
def f():
    k = 3
    return [k * i for i in range(3)]
print(f())
print({(i, j): i * j for i in range(2) for j in range(2)})
