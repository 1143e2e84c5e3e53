d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), len(d))
del d["a"]
d["a"] = 4
print(d)
print(d.keys(), d.values(), d.items())
print(d.get("zz"), d.get("zz", 0), d.setdefault("e", 5), d)
print(d.pop("e"), d.pop("nope", -1), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys([1, 2], 0))
print({**d, "b": 99}, d | {"q": 0})
print("x" in d, "nope" not in d, {1: 2} == {1: 2})
for k, v in d.items():
    print(k, v, end="; ")
print()
c = d.copy()
c.clear()
print(c, d)
