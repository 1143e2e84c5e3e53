s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
s.add(4); s.discard(10); s.remove(1)
print(s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < a, a.issuperset({1}))
print(a.union([9]), a.intersection(b), a.difference(b), a.isdisjoint({7}))
print(set([1, 1, 2]), set(), frozenset([3, 3]), len(frozenset()))
print(sorted({"banana", "apple"}), {x % 3 for x in range(10)})
c = {10, 20}
c |= {30}
c -= {10}
print(sorted(c), set(range(5)) == {0, 1, 2, 3, 4})
print({1, 2} == frozenset({1, 2}), hash(frozenset({1})) == hash(frozenset({1})))
