r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], 8 in r, 9 in r)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(-3, 3)))
print(range(10).index(4), range(0, 10, 2).count(4), reversed(range(3)).__class__.__name__)
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(7)))
print(range(3) == range(3), range(0) == range(5, 5), range(10 ** 20)[-1], len(range(10 ** 6)))
total = 0
for i in range(1000):
    total += i % 7
print(total)
print(range(1, 4)[::-1], list(range(1, 4)[::-1]))
