# Calling a class resolves __new__/__init__ once per class version (TypeData::ctor_cache): every
# change to the class or an ancestor must be seen by the next call, as CPython's slot updates are.
import abc


class Base:
    def __init__(self, x):
        self.x = x


class P(Base):
    pass


def make(n):
    return [P(i).x for i in range(n)]


print(make(5))


def init2(self, x):
    self.x = ("init2", x)


Base.__init__ = init2  # an ancestor's __init__ replaced
print(make(3))
P.__init__ = lambda self, x: setattr(self, "x", ("P", x))  # the class's own
print(make(3))
del P.__init__
print(make(2))


def new(cls, x):
    o = object.__new__(cls)
    o.made_by_new = x
    return o


Base.__new__ = new
p = P(7)
print(p.x, p.made_by_new)


def new2(cls, x):
    o = object.__new__(cls)
    o.made_by_new = ("new2", x)
    return o


Base.__new__ = new2
print([vars(P(i)) for i in range(2)])
del Base.__init__
print([vars(P(i)) for i in range(2)])
print(type(P(0)).__name__)


class A(abc.ABC):
    @abc.abstractmethod
    def f(self):
        ...


class C(A):
    pass


for _ in range(3):
    try:
        C()
    except TypeError as e:
        print("TypeError", e)
C.f = lambda self: 1
C.__abstractmethods__ = frozenset()
print([C().f() for _ in range(3)])
C.__abstractmethods__ = frozenset({"g"})
try:
    C()
except TypeError as e:
    print("TypeError", e)


class Meta(type):
    calls = 0

    def __call__(cls, *a):
        Meta.calls += 1
        return super().__call__(*a)


class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v


print([M(i).v for i in range(4)], Meta.calls)


class Returns:
    def __init__(self):
        return 5


for _ in range(2):
    try:
        Returns()
    except TypeError as e:
        print("TypeError", e)


class NewOther:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never")


print([NewOther() for _ in range(3)])
print(super(P, P(0)).__class__.__name__)
