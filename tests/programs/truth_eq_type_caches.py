# Truthiness and ==/!= of plain instances are answered from per-class caches keyed by the
# version tag; every change to the class or a base must be seen at once.
import math


class Base:
    pass


class Node(Base):
    pass


def truths(objs):
    return [bool(o) for o in objs] + [1 if o else 0 for o in objs]


nodes = [Node() for _ in range(3)]
for _ in range(200):
    r = truths(nodes)
print("plain:", r)

Base.__len__ = lambda self: 0
print("base __len__ 0:", truths(nodes))
Node.__bool__ = lambda self: True
print("own __bool__ True:", truths(nodes))
del Node.__bool__
print("after del __bool__:", truths(nodes))
del Base.__len__
print("after del __len__:", truths(nodes))


class Bad:
    pass


b = Bad()
for _ in range(100):
    assert b
Bad.__bool__ = lambda self: 1
try:
    bool(b)
except TypeError as e:
    print("TypeError:", e)

a, c = Node(), Node()
for _ in range(300):
    r = (a == a, a == c, a != a, a != c, nodes[0] in nodes, c in nodes)
print("identity:", r)
Base.__eq__ = lambda self, other: type(self) is type(other)
print("base __eq__:", a == c, a != c, a == 1, a != 1, c in nodes)
Node.__ne__ = lambda self, other: "ne!"
print("own __ne__:", a != c, a == c)
del Node.__ne__
del Base.__eq__
print("back to identity:", a == c, a != c, a == a)


class Other:
    def __eq__(self, other):
        return "Other.__eq__"


print("mixed:", a == Other(), Other() == a, a != Other())

print(math.sqrt(16.0), math.sqrt(2), math.sqrt(True))
for args in [(), (1, 2)]:
    try:
        math.sqrt(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    math.sqrt(x=1.0)
except TypeError as e:
    print("TypeError:", e)
try:
    math.sqrt(-1.0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.sqrt("1")
except TypeError as e:
    print("TypeError:", e)
