a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, a < a, a >= {1}, a.isdisjoint({9}), a.issubset(range(10)))
a.add(10)
a.discard(1)
a.remove(2)
print(sorted(a), len(a), 10 in a, 1 in a)
print(a.pop() in {3, 4, 10})
s = set()
print(s, set([1, 2, 2, 3]), {1, 2} == {2, 1})
u = {1, 2}
u.update([3], {4})
u |= {5}
u &= {1, 2, 3, 5, 6}
print(sorted(u))
print({x * x for x in range(6)} == {0, 1, 4, 9, 16, 25})
print(sorted({5, 3, 1}), sum({1, 2, 3}), max({4, 8, 2}))
print({1, 2, 3}, {10, 20})
