d = dict.fromkeys("abc", 0)
for ch in "abcabca":
    d[ch] += 1
print(d)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
print(sorted(d.items(), key=lambda kv: -kv[1]))
print(list(d.keys())[0], next(iter(d.values())))
d2 = {1: "x"}
d2 |= {2: "y"}
print(d2, {1: 1} == {1: 1.0}, len(d2))
try:
    d2[99]
except KeyError as e:
    print("KeyError", e)
m = {(1, 2): "tuple key", 3.0: "float", True: "bool", None: "none"}
print(m[(1, 2)], m[3], m[1], m[None], len(m))
print(dict(sorted({"z": 1, "a": 2}.items())))
print({i: {j for j in range(i)} for i in range(4)})
