a = set(range(10))
b = {x for x in range(0, 20, 3)}
print(sorted(a.intersection(b)), sorted(a.union(b, {100})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
c = a.copy()
c.difference_update({1, 2, 3})
c.intersection_update(range(7))
print(sorted(c))
c.symmetric_difference_update({0, 50})
print(sorted(c))
try:
    c.remove(999)
except KeyError as e:
    print("KeyError", e)
e = set()
try:
    e.pop()
except KeyError as ex:
    print("KeyError", ex)
print({1, 2}.issuperset({1}), {1}.issubset({1, 2}), {1, 2} > {1}, {1} < {1})
print(len({0, 0.0, False}), {1, 2} | frozenset({3}) == {1, 2, 3})
seen = set()
out = []
for v in [3, 1, 3, 2, 1]:
    if v not in seen:
        seen.add(v)
        out.append(v)
print(out)
print({3}, {-1, -2} == {-2, -1}, sorted({-5, 10, 0}))
