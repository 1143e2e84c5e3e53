# __self__ of built-in functions and of built-in types' __new__: a module function is bound to
# its module (CPython's m_self), a type's __new__ to the type (tp_new_wrapper), which its repr
# and __reduce__ show.
import math
import pickle
import re
import sys

from helpers.show import show


def r(x):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", repr(x))


print(len.__self__ is sys.modules["builtins"], math.sqrt.__self__ is math, sys.getsizeof.__self__ is sys)
print(r(len.__self__), r(print), r(math.floor))
for t in [int, object, dict, str, list, tuple]:
    n = t.__new__
    print(r(n), n.__self__ is t, n.__qualname__, n.__name__, n.__reduce__()[1][1])
    print(pickle.loads(pickle.dumps(n)) is n)


class M(dict):
    pass


print(r(M.__new__), M.__new__.__self__, M.__new__ is dict.__new__)
print(M.__new__(M), type(M.__new__(M)).__name__)
print(int.__new__(int, "12"))

# A __new__ called for a class it cannot build names the class's "static base": the nearest
# class whose __new__ is not written in Python (a class inheriting a built-in's counts).


class N(dict):
    def __new__(cls):
        return object.__new__(cls)


class Q(M):
    pass


class Node:
    pass


class Text(Node, str):
    pass


class PN:
    def __new__(cls, *a):
        return super().__new__(cls)


class PS(PN, str):
    pass


show("object.__new__(M)", lambda: object.__new__(M))
show("N()", lambda: N())
show("object.__new__(Q)", lambda: object.__new__(Q))
show("dict.__new__(Q)", lambda: dict.__new__(Q))
show("object.__new__(Text)", lambda: object.__new__(Text))
show("str.__new__(Text)", lambda: str.__new__(Text, "x"))
show("int.__new__(bool)", lambda: int.__new__(bool))
show("PS('a')", lambda: PS("a"))
show("object.__new__(PS)", lambda: object.__new__(PS))
show("object.__new__(int)", lambda: object.__new__(int))


class T2(Node, str):
    def __new__(cls, data):
        return object.__new__(cls)


class T3(Node, str):
    def __new__(cls, data):
        return str.__new__(cls, data)


show("T2('a')", lambda: T2("a"))
show("T3('a')", lambda: (T3("a"), type(T3("a")).__name__))
show("int.__new__(T3)", lambda: int.__new__(T3, 1))
