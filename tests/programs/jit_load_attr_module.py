# LOAD_ATTR_MODULE / LOAD_METHOD_MODULE in hot loops: values read in place from the module's
# dict, rebound, added around, deleted, and sites that see a module subclass or another object.
import math
import sys
import types

mod = types.ModuleType("mod")
mod.k = 1
mod.f = lambda x: x + 1


def attr_loop(m, n):
    s = 0
    for i in range(n):
        s += m.k
        if i == 300:
            m.k = 10          # rebound: same keys, new value
        if i == 600:
            m.extra = 5       # a key added: the dict's shape changes
        if i == 900:
            del m.extra       # and removed again
    return s


def method_loop(m, n):
    s = 0
    for i in range(n):
        s += m.f(i)
        if i == 500:
            m.f = lambda x: x * 2
    return s


print(attr_loop(mod, 1200))
print(method_loop(mod, 1000))


def deleted(m, n):
    s = 0
    for i in range(n):
        try:
            s += m.gone
        except AttributeError as e:
            print("AttributeError:", e)
            return s
        if i == 400:
            del m.gone
    return s


mod.gone = 3
print(deleted(mod, 1000))


class Sub(types.ModuleType):
    pass


sub = Sub("sub")
sub.k = 7


class NotAModule:
    k = 2


def mixed(objs, n):
    s = 0
    for i in range(n):
        s += objs[i % len(objs)].k
    return s


print(mixed([mod], 500), mixed([mod, sub], 500), mixed([sub, NotAModule()], 500))
print(mixed([mod, NotAModule(), sub, mod], 1000))


def stdlib(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + math.pi
        if sys.maxsize < 0:
            t = 0.0
    return round(t, 6)


print(stdlib(2000))
