# Assigning a class's __bases__ (CPython's type_set_bases): the MRO of the class and of every
# class below it is recomputed, so attribute and method lookups, super() calls, isinstance and
# specialized sites in hot loops see the new bases at once; and the errors CPython raises (not a
# tuple, empty, not classes, an inheritance cycle, an inconsistent MRO, a class made on object
# alone given Python bases).
class A:
    kind = "A"

    def f(self):
        return "A"


class B:
    kind = "B"

    def f(self):
        return "B"


class M(A):
    def f(self):
        return "M>" + super().f()


class L(M):
    pass


def run(obj, n, switch_at, bases):
    out = []
    for i in range(n):
        if i == switch_at:
            M.__bases__ = bases
        out.append((obj.f(), obj.kind, isinstance(obj, A), isinstance(obj, B)))
    return out


l = L()
r = run(l, 60, 30, (B,))
print(r[28:32], r[-1])
print(M.__mro__, L.__mro__, M.__bases__, A.__subclasses__(), B.__subclasses__())
r = run(l, 60, 10, (A,))
print(r[8:12], r[-1])
print(L.__mro__)


class C1:
    pass


class C2(C1):
    pass


for bad in [[B], (), (1,), (C2,)]:
    try:
        C1.__bases__ = bad
    except TypeError as e:
        print(type(e).__name__, e)


class X:
    pass


class Y:
    pass


try:
    X.__bases__ = (Y,)
except TypeError as e:
    print(e)


class P(A):
    pass


class Q(B):
    pass


class R(P, Q):
    pass


print(R.__mro__)
try:
    Q.__bases__ = (P,)
    print(R.__mro__)
    Q.__bases__ = (B,)
except TypeError as e:
    print("TypeError", e)
try:
    P.__bases__ = (Q,)
    print(R.__mro__)
except TypeError as e:
    print("TypeError", e)
print(R().f(), R.__mro__)


# Classes whose instances are not plain keep their layout: typing.NamedTuple sets a
# namedtuple's bases to (tuple,) or (tuple, Generic); slots and built-in bases must match.
import typing

T = typing.TypeVar("T")


class NT(typing.NamedTuple):
    x: int
    y: int = 0


class GT(typing.NamedTuple, typing.Generic[T]):
    a: T


print(NT(1), NT.__bases__, GT(3), GT.__mro__, GT[int])


class S:
    __slots__ = ("a",)


class S2:
    __slots__ = ("b",)


class T2(S):
    pass


try:
    T2.__bases__ = (S2,)
except TypeError as e:
    print(e)


class U(list):
    pass


class V(U):
    pass


class W(list):
    pass


V.__bases__ = (W,)
print(V.__mro__, V([1, 2]))
try:
    V.__bases__ = (dict,)
except TypeError as e:
    print(e)
class C: pass
for n in ("__bases__", "__name__", "__qualname__"):
    try:
        delattr(C, n)
    except Exception as e:
        print(type(e).__name__, e)
try:
    del int.__bases__
except Exception as e:
    print(type(e).__name__, e)
print(C.__name__, C.__bases__)
try:
    del int.real
except Exception as e: print(type(e).__name__, e)
try:
    del list.append
except Exception as e: print(type(e).__name__, e)
class K: x = 1
del K.x
print(hasattr(K, "x"))
try:
    del K.y
except Exception as e: print(type(e).__name__, e)
