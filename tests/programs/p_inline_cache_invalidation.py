# The interpreter's inline caches (attribute, method, global sites) must notice every change:
# class attributes replaced, data descriptors added later, instance attributes deleted or
# shadowing methods, __class__ reassigned, globals shadowing builtins and deleted again, slots.
import math


class A:
    kind = "A"

    def __init__(self, v):
        self.v = v

    def get(self):
        return ("A.get", self.v)


class B:
    kind = "B"

    def __init__(self, v):
        self.w = 0
        self.v = v

    def get(self):
        return ("B.get", self.v)


def read_v(o):
    return o.v


def read_kind(o):
    return o.kind


def call_get(o):
    return o.get()


objs = [A(1), B(2), A(3), B(4)]
for _ in range(3):
    print([read_v(o) for o in objs], [read_kind(o) for o in objs], [call_get(o) for o in objs])

a = A(5)
print(read_kind(a))
A.kind = "A2"
print(read_kind(a))
a.kind = "instance"
print(read_kind(a))
del a.kind
print(read_kind(a))

print(call_get(a))
a.get = lambda: "shadowed"
print(call_get(a))
del a.get
print(call_get(a))
A.get = lambda self: ("new A.get", self.v)
print(call_get(a))

print(read_v(a))
A.v = property(lambda self: "property wins")
print(read_v(a))
del A.v
print(read_v(a))
del a.v
try:
    read_v(a)
except AttributeError as e:
    print("AttributeError:", e)
a.v = 7
print(read_v(a))
a.__class__ = B
print(read_v(a), read_kind(a), call_get(a))


def set_v(o, x):
    o.v = x


b = B(0)
for i in range(3):
    set_v(b, i)
    print(b.v, b.__dict__)


class Guarded:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, ("guarded", v))


g = Guarded()
set_v(g, 1)
set_v(b, 9)
set_v(g, 2)
print(g.v, b.v)


def use_len(x):
    return len(x)


print(use_len("abc"))
len = lambda x: "global len"
print(use_len("abc"))
del len
print(use_len("abcd"))


def use_pi():
    return math.pi


print(use_pi())
math.pi = 3
print(use_pi())


class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


def read_x(o):
    return o.x


def write_y(o, v):
    o.y = v


ps = [P(i) for i in range(3)]
for p in ps:
    write_y(p, p.x * 10)
print([read_x(p) for p in ps], [p.y for p in ps])
del ps[1].x
for p in ps:
    try:
        print(read_x(p))
    except AttributeError as e:
        print("AttributeError:", e)
try:
    write_y(A(0), 1) or print("A accepts y")
    ps[0].z = 1
except AttributeError as e:
    print("AttributeError:", e)
for bad in (3, int, P):
    try:
        A(0).__class__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    (5).__class__ = A
except TypeError as e:
    print("TypeError:", e)
