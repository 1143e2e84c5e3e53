# Small built-ins the call fuzzer found missing: object's ordering slots (NotImplemented),
# int.as_integer_ratio, float.__getformat__, sys.get_asyncgen_hooks, sys.getdlopenflags,
# sys.getallocatedblocks.
import sys

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

class A:
    pass
a, b = A(), A()
for op in ("__lt__", "__le__", "__gt__", "__ge__"):
    show(op, lambda: getattr(object, op)(a, b))
    show(op + " bound", lambda: getattr(a, op)(1))
    show(op + " exc", lambda: getattr(ArithmeticError(), op)(1))
    show(op + " none", lambda: getattr(object, op)(a))
    show(op + " kw", lambda: getattr(object, op)(a, other=1))
    show(op + " memoryview", lambda: getattr(memoryview, op)(memoryview(b"a"), 1))
    show(op + " memoryview foreign", lambda: getattr(memoryview, op)(5, 1))
show("a < b", lambda: a < b)
show("mv < mv", lambda: memoryview(b"a") < memoryview(b"b"))
show("a >= 1", lambda: a >= 1)
class L:
    def __lt__(self, o):
        return "L.lt"
show("L() > a", lambda: a > L())
show("sorted", lambda: sorted([A(), A()]))
import functools
@functools.total_ordering
class T:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __eq__(self, o):
        return self.v == o.v
print(T(1) <= T(2), T(3) >= T(2), T(1) > T(2))
print((5).as_integer_ratio(), (-7).as_integer_ratio(), True.as_integer_ratio(), (10**30).as_integer_ratio())
class I(int):
    pass
r = I(4).as_integer_ratio()
print(r, type(r[0]).__name__)
show("ratio foreign", lambda: int.as_integer_ratio(1.5))
show("ratio arg", lambda: (1).as_integer_ratio(2))
print(float.__getformat__("double"), float.__getformat__("float"))
show("getformat bad", lambda: float.__getformat__("int"))
show("getformat type", lambda: float.__getformat__(1))
show("getformat none", lambda: float.__getformat__())
h = sys.get_asyncgen_hooks()
print(h, h.firstiter, h.finalizer, tuple(h), type(h).__name__, len(h))
show("hooks arg", lambda: sys.get_asyncgen_hooks(1))
print(sys.getdlopenflags())
show("dlopen arg", lambda: sys.getdlopenflags(1))
n = sys.getallocatedblocks()
print(type(n).__name__, n > 0)
show("blocks arg", lambda: sys.getallocatedblocks(1))
