# C.__dict__ / vars(C) are read-only mappingproxy views of the class dict (item assignment and
# deletion raise TypeError, so class attributes change only through setattr/delattr).
class A:
    x = [1]
    def m(self): return 1
a = A()
def f(o): return o.x
print(f(a))
try:
    A.__dict__["x"] = 5
except TypeError as e:
    print("TypeError:", e)
d = A.__dict__
print(type(d).__name__, d["x"], d.get("y", 0), "m" in d, "zz" in d, len(d) > 3)
print(sorted(k for k in d if not k.startswith("__")), sorted(vars(A).keys())[-2:])
print(type(vars(A).copy()).__name__, d.get("x"))
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    del d["x"]
except TypeError as e:
    print("TypeError:", e)
class E:
    k = 1
print(repr(vars(E))[:40])
print(f(a), vars(a))
