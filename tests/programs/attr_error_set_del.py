# object.__setattr__ on a plain object() raises as `o.x = 1` does (it used to give the object a
# __dict__), object() has no __dict__, and AttributeErrors from assignment and deletion carry
# no name/obj (so no "Did you mean" either), while those from lookups do; the ones the runtime
# raises without either have them as None.
import json
import traceback

o = object()
for f in (lambda: object.__setattr__(o, "x", 1), lambda: o.__setattr__("y", 2),
          lambda: object.__delattr__(o, "x"), lambda: setattr(o, "z", 1)):
    try:
        f()
    except AttributeError as e:
        print(e, e.name, e.obj)
print(hasattr(o, "__dict__"), hasattr(o, "x"), "__dict__" in dir(o))
try:
    vars(o)
except TypeError as e:
    print(e)


class P:
    pass


p = P()
object.__setattr__(p, "a", 1)
print(p.a, vars(p))
for v in (1, "s", [], (), 1.5, None):
    try:
        object.__setattr__(v, "q", 1)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


def fn():
    pass


object.__setattr__(fn, "attr", 5)
print(fn.attr)
e = ValueError("x")
object.__setattr__(e, "extra", 1)
print(e.extra)


class A:
    __slots__ = ("bb",)


cases = [lambda: A().bb, lambda: setattr(A(), "b", 1), lambda: delattr(A(), "bb"), lambda: delattr(P(), "x"),
         lambda: setattr(object(), "x", 1), lambda: delattr(json, "zz"), lambda: delattr(P, "zz"),
         lambda: P().zz, lambda: json.dumpz, lambda: P.zz, lambda: setattr(1, "real", 2)]
for c in cases:
    try:
        c()
    except AttributeError as e:
        print(e.name, type(e.obj).__name__, traceback.format_exception_only(type(e), e))
for f in (lambda: exec("import no_such_mod_q"), lambda: exec("from json import qq")):
    try:
        f()
    except ImportError as e:
        print(type(e).__name__, e.name, e.path is None or e.path.endswith("__init__.py"), e.msg == str(e))
print(ImportError("a", "b").msg, ImportError().msg, ImportError("m", name="n").msg)
A().b = 1
