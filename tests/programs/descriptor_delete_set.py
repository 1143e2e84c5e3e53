# Issue 12: `del obj.attr` calls a data descriptor's __delete__; a descriptor with only one of
# __set__/__delete__ refuses the other; property's messages name it (from __set_name__).


class Full:
    def __get__(self, obj, owner=None):
        return ("get", type(obj).__name__ if obj is not None else None)

    def __set__(self, obj, value):
        print("  Full.__set__", value)

    def __delete__(self, obj):
        print("  Full.__delete__", type(obj).__name__)


class OnlySet:
    def __get__(self, obj, owner=None):
        return "OnlySet.get"

    def __set__(self, obj, value):
        print("  OnlySet.__set__", value)


class OnlyDelete:
    def __get__(self, obj, owner=None):
        return "OnlyDelete.get"

    def __delete__(self, obj):
        print("  OnlyDelete.__delete__")


class C:
    full = Full()
    s = OnlySet()
    d = OnlyDelete()

    @property
    def p(self):
        return "p"

    q = property(lambda self: "q")
    r = property(lambda self: "r", lambda self, v: print("  r.fset", v), lambda self: print("  r.fdel"))


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)


c = C()
print(c.full)
c.full = 5
del c.full
attempt("del c.s", lambda: exec("del c.s"))
attempt("c.d = 1", lambda: exec("c.d = 1"))
attempt("del c.d", lambda: exec("del c.d"))
c.__dict__["d"] = "shadow"
print(c.d)  # a data descriptor wins over the instance dict
del c.d  # ... and for deletion too
print(c.__dict__)
attempt("del c.p", lambda: exec("del c.p"))
attempt("c.p = 1", lambda: exec("c.p = 1"))
attempt("del c.q", lambda: exec("del c.q"))
c.r = 3
del c.r
attempt("delattr", lambda: delattr(c, "full"))
attempt("object.__delattr__", lambda: object.__delattr__(c, "full"))
attempt("Full.__delete__ direct", lambda: C.__dict__["full"].__delete__(c))

# property's own __set__/__delete__/__set_name__.
p = property(lambda self: 1)
attempt("p.__set__", lambda: p.__set__(c, 1))
attempt("p.__delete__", lambda: p.__delete__(c))
print(p.__set_name__(C, "named"))
attempt("p.__delete__ named", lambda: p.__delete__(c))
attempt("p.getter copy keeps the name", lambda: p.getter(lambda s: 2).__set__(c, 1))
attempt("p.__set_name__()", lambda: p.__set_name__(C))

# Deleting through __slots__ and a class-level descriptor on a subclass.
class Slotted:
    __slots__ = ("a",)


s = Slotted()
s.a = 1
del s.a
attempt("del s.a again", lambda: exec("del s.a"))


class Sub(C):
    pass


del Sub().full
