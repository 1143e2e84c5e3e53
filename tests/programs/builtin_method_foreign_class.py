# A built-in type's method stored on an unrelated class refuses that class's instances (CPython's
# descr_check) wherever it is called from: attribute access, an explicit call, and the
# operations that look the dunder up on the type (len(), ==, +, [], iter(), ...). It used to
# run the built-in on an object it could not read (an internal error).
from helpers.show import show


def W(name, fn):
    return type("W", (), {name: fn})()


show("len", lambda: len(W("__len__", list.__len__)))
show("dict len", lambda: len(W("__len__", dict.__len__)))
show("eq", lambda: W("__eq__", int.__eq__) == 1)
show("add", lambda: W("__add__", int.__add__) + 1)
show("getitem dict", lambda: W("__getitem__", dict.__getitem__)[1])
show("getitem list", lambda: W("__getitem__", list.__getitem__)[0])
show("iter", lambda: iter(W("__iter__", list.__iter__)))
show("repr", lambda: repr(W("__repr__", list.__repr__)))
show("str", lambda: str(W("__str__", str.__str__)))
show("bool", lambda: bool(W("__bool__", int.__bool__)))
show("contains", lambda: 1 in W("__contains__", set.__contains__))
show("lt", lambda: W("__lt__", str.__lt__) < "a")
show("neg", lambda: -W("__neg__", float.__neg__))
show("index", lambda: [1][W("__index__", int.__index__)])
show("next", lambda: next(W("__next__", type(iter([])).__next__)))
show("format", lambda: format(W("__format__", int.__format__), "d"))
show("mul", lambda: W("__mul__", str.__mul__) * 2)
show("attribute", lambda: W("f", list.append).f)
show("explicit", lambda: W("f", list.append).f(1))
show("own instance", lambda: W("f", object.__repr__).f()[:10])


class L(list):
    size = list.__len__


show("subclass", lambda: L([1, 2]).size())
