# property.__init__ sets the accessors again (a subclass's __init__ may pass other functions than
# its constructor got), and property subclasses with their own __set__.
class lazy(property):
    def __init__(self, func):
        super().__init__(lambda s: func(s) * 10)
class C:
    @lazy
    def x(self): return 4
    y = property(lambda s: 1)
print(C().x, C().y, type(C.__dict__['x']).__name__)
p = property(lambda s: 1)
p.__init__(lambda s: 2)
class D:
    z = p
print(D().z)
try:
    property.__init__(5)
except TypeError as e: print(e)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e: print(e)
try:
    property(x=1)
except TypeError as e: print(e)
q = property(doc="hello"); print(q.__doc__, q.fget)
class P(property):
    pass
class C2:
    @P
    def x(self): return 1
print(type(C2.__dict__['x']).__name__, C2().x)
q = property.__new__(P, lambda s: 2)
print(type(q).__name__)
class R(property):
    def __set__(self, obj, v): print("R.__set__", v)
class D:
    y = R(lambda s: 3)
d = D(); d.y = 5; print(d.y)
