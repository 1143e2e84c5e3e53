print({100, 1, 33, 8, 64, 2})
print({-1, -2, 5, 2 ** 40, 7})
s = set()
for i in range(20, 0, -3):
    s.add(i * 7)
print(s)
s.discard(35)
s.add(1000)
print(s, len(s))
print(frozenset([9, 17, 1, 25]), set(range(10, 0, -1)))
print({i * 8 for i in range(10)})
d = {}
for k in [33, 1, 17, 65]:
    d[k] = k % 16
print(d, set(d.values()))
