# dir() lists the attributes cpjit serves natively that CPython's type dicts hold as getset
# descriptors or __doc__ (object's __class__, functions' __name__ ... __builtins__, bound
# methods', built-in functions', ints', floats', ranges', properties'), where reading them
# works (every name dir() gives can be read: inspect.getmembers and unittest rely on it).
import collections
import enum
import functools


class A:
    __slots__ = ("x",)


class I(int):
    pass


class T(tuple):
    pass


class S(set):
    pass


class By(bytes):
    pass


class Co(enum.Enum):
    R = 1


def f():
    "d"


@functools.wraps(f)
def w():
    pass


class C:
    "cdoc"

    def m(self):
        pass


a = A()
a.x = 1
objs = [a, I(), T(), S(), By(), Co.R, A, Co, {}, set(), (), [], b"", 1.5, 2j, True, range(3),
        slice(1), Exception(), KeyError(), StopIteration(), property(), iter([]), zip(),
        map(len, []), enumerate([]), bytearray(), frozenset(), NotImplemented, Ellipsis,
        type(None), f, w, C.m, C().m, 1, "s", None, (lambda: 0)]
for o in objs:
    print(sorted(dir(o)))
for o in objs:
    for n in dir(o):
        getattr(o, n)
