import os.path as osp, sys
from collections import OrderedDict as OD
x: int = 1
y = [i for i in range(3)]

def outer(a, /, b, *args, c=1, **kw):
    z = a
    def middle():
        nonlocal z
        z = 2
        def inner():
            return z + b + x
        return inner
    g = (j * a for j in args)
    return middle, g, lambda q: q + c

class A:
    attr = 1
    __private = 2
    def method(self):
        return __class__, self.__private, attr
    def sup(self):
        return super().sup()
    class Nested:
        def f(self):
            return A
    def attr(self):
        return attr

def walrus(items):
    if any((hit := v) > 2 for v in items):
        return hit
    return [last := w for w in items], last

def glob():
    global newname
    newname = 1
    del sys
    for k, v in {}.items():
        pass
    try:
        pass
    except Exception as exc:
        pass
    with open("f") as fh:
        pass
