# Metaclasses: __new__/__call__/__prepare__, class keywords, dunders on classes, int | str, list[int].
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['added'] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls
    def __call__(cls, *a):
        print('creating', cls.__name__, a)
        return super().__call__(*a)
    def __iter__(cls):
        return iter([1, 2, 3])
    def __len__(cls):
        return 3
    def __getitem__(cls, k):
        return k * 2
    def __contains__(cls, x):
        return x == 'yes'
    def __repr__(cls):
        return '<meta ' + cls.__name__ + '>'
    def describe(cls):
        return 'I am ' + cls.__name__
    @property
    def prop(cls):
        return 'prop of ' + cls.__name__

class A(metaclass=Meta, flavour='x'):
    def __init__(self, v):
        self.v = v
class B(A):
    pass
print(type(A).__name__, A.added, B.added, A.kw, B.kw)
a = B(5)
print(a.v, list(A), len(A), A[4], 'yes' in A, 'no' in A, repr(A), A.describe(), B.prop)
print(isinstance(a, A), isinstance(A, Meta), issubclass(Meta, type))

class Checker(type):
    def __instancecheck__(cls, obj):
        return obj == 42
class Anything(metaclass=Checker):
    pass
print(isinstance(42, Anything), isinstance(41, Anything))

class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
class Recording(dict):
    def __setitem__(self, k, v):
        if not k.startswith('__'):
            print('define', k)
        super().__setitem__(k, v)
class C(metaclass=Ordered):
    x = 1
    def f(self): return super()
print(C.x, C().f() is not None)

class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class D(Base, tag='dd'):
    pass
print(D.tag)
print(int | str, int | None, list[int], dict[str, list[int]], (int | str) == (str | int))
print(isinstance(3, int | str), isinstance(3.0, int | str), type(list[int]).__name__)
T = type('T', (object,), {'z': 9})
print(T.z, T.__name__)
