d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d, d.setdefault("x", 10), d)
d.update({"y": 5}, z=6)
print(d)
del d["b"]
print(d, d.popitem(), d)
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("abc", range(3))))
print({k: v * 2 for k, v in [("p", 1), ("q", 2)]})
c = d.copy(); c["new"] = 1; print("new" in d, "new" in c)
print(dict.fromkeys(["a", "b"], 0), {1: "int", 1.0: "float?"})
e = {}
for w in "the quick the lazy the end".split():
    e[w] = e.get(w, 0) + 1
print(e, sorted(e.items(), key=lambda kv: (-kv[1], kv[0])))
print({1: 2} == {1: 2}, {1: 2} != {1: 3}, {**{"a": 1}, "b": 2})
print(d.keys(), d.values(), d.items())
m = {"a": 1} | {"b": 2}
print(m)
for k in {"z": 1, "y": 2, "x": 3}:
    print(k, end=" ")
print()
