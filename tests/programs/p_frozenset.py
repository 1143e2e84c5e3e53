f = frozenset([3, 1, 2])
g = frozenset({2, 3, 4})
print(sorted(f), sorted(f | g), sorted(f & g), sorted(f - g))
print(type(f | g).__name__, f == frozenset({1, 2, 3}), f == {1, 2, 3})
d = {f: "key"}
print(d[frozenset([1, 2, 3])])
print(hash(frozenset()) == hash(frozenset()), len(f), 2 in f)
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s))
print(frozenset(), frozenset({5}))
print(f.union([9]) == {1, 2, 3, 9}, f.issuperset({1}))
