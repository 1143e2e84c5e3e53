d = dict.fromkeys("abc", 0)
d.update(a=1)
d.update([("d", 4)])
print(d, d.pop("b"), d.pop("zz", "dflt"), d.setdefault("e"), d)
print(list(d.items())[0], "a" in d.keys(), 4 in d.values(), ("d", 4) in d.items())
k = d.keys()
d["new"] = 1
print(len(k), list(k)[-1])
c = {i: str(i) for i in range(3)}
c2 = c.copy()
c2[0] = "zero"
print(c, c2, c == c2, {1: 1} == {1: 1.0})
print(sorted(c.items(), reverse=True), dict(sorted(c2.items())))
c.clear()
print(c, bool(c))
