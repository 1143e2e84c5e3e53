print((5).__add__(2.0), (5).__radd__(2), (2.0).__add__(1), (2.0).__rsub__(5), (1j).__mul__(2), (1j).__rmul__(2.5))
print((1).__eq__(1.0), (1.0).__eq__(1), (1).__lt__(2), (1j).__lt__(2j), (1j).__eq__(1j), (3).__truediv__(2), (7).__floordiv__(2))
print((2).__pow__(10), (2).__pow__(10, 1000), (2).__rpow__(3), (2.0).__pow__(0.5), (5).__and__(3), (5).__lshift__(2), (5).__invert__())
print((-3).__abs__(), (-2.5).__abs__(), (3+4j).__abs__(), (0).__bool__(), (2.7).__floor__(), (2.2).__ceil__(), (-2.7).__trunc__(), (2.9).__int__(), (5).__float__())
print((5).__add__("a"), (5.0).__mul__(1j), int.__add__(1, 2), float.__neg__(2.0), (True).__and__(False), (True).__add__(True))
print(hasattr(1, "__floordiv__"), hasattr(1j, "__floordiv__"), hasattr(1.0, "__and__"), hasattr(1j, "__lt__"))
print(sum([1, 2]), divmod(7, 2), 1 + 2, 2 ** 0.5, -(3), abs(-4))
for f in [lambda: (1).__add__(), lambda: int.__add__(1.0, 2), lambda: (1).__truediv__(0), lambda: (float("inf")).__floor__(),
          lambda: divmod(1, "a"), lambda: 1 + "a", lambda: (1j).__floordiv__(2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
d = {"a": 1, "b": 2, "c": 3}
e = {"b": 20, "d": 40}
print(sorted(d.keys() & e.keys()), sorted(d.keys() | e), sorted(d.keys() - e.keys()), sorted(d.keys() ^ e.keys()))
print(sorted(d.items() & {("a", 1), ("z", 0)}), d.keys().isdisjoint(e), d.keys().isdisjoint(["x"]), d.items().isdisjoint([("a", 1)]))
print({"a", "q"} & d.keys(), sorted(["b", "x"] - d.keys()) if False else "skip", type(d.keys() & e.keys()).__name__)
print(d.keys() == {"a", "b", "c"}, d.keys() < {"a", "b", "c", "d"}, d.keys() >= {"a"}, d.items() == {("a", 1), ("b", 2), ("c", 3)})
k = d.keys()
k2 = k - {"a"}
print(sorted(k2), len(k), "a" in k)
for f in [lambda: d.values() & e.values(), lambda: d.keys() & 5, lambda: d.keys() < 5]:
    try:
        print(f())
    except Exception as e2:
        print(type(e2).__name__, e2)
