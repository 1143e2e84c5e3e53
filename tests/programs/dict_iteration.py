d = {}
for i in range(10):
    d[i] = i * i
print(d)
for k in list(d):
    if k % 2:
        del d[k]
print(d, len(d))
d2 = {v: k for k, v in d.items()}
print(d2)
try:
    for k in d:
        d[k + 100] = 1
except RuntimeError as e:
    print("RuntimeError", e)
inv = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    inv.setdefault(word[0], []).append(word)
print(inv)
print(list(reversed({1: 1, 2: 2, 3: 3})), sorted(d.values()), sum(d.values()))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("x", {}).get("y"))
