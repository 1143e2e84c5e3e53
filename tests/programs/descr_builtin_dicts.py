# getset_descriptor / member_descriptor objects in the dicts of built-in types and classes, as
# CPython has them: type.__dict__['__name__'], int.__dict__['real'], object.__dict__['__class__'],
# a function type's members and getsets, a class's __dict__ and __weakref__ descriptors; their
# __get__/__set__/__delete__, names, reprs and errors; dir/vars/inspect.getmembers seeing them.
import inspect
import types
import weakref


def t(f):
    try:
        r = f()
    except BaseException as e:
        print(' ', type(e).__name__, e)
    else:
        print(' ', r)


def descrs(obj):
    return sorted((k, type(v).__name__) for k, v in vars(obj).items()
                  if type(v).__name__ in ('getset_descriptor', 'member_descriptor'))


class C:
    x = 1


class D(C):
    pass


class E(int):
    pass


class X(Exception):
    pass


class S:
    __slots__ = ('a', '__dict__')


class S2:
    __slots__ = ('__weakref__',)


class M(type):
    pass


class K(metaclass=M):
    pass


for obj in [type, object, int, float, complex, bool, types.FunctionType, C, D, E, X, S, S2, M, K]:
    print(obj.__name__, descrs(obj))
print(list(C.__dict__), list(D.__dict__), list(E.__dict__), list(X.__dict__))
print(list(S.__dict__), list(S2.__dict__), list(K.__dict__))

print('__name__' in type.__dict__, '__class__' in object.__dict__, 'real' in int.__dict__)
for d in [type.__dict__['__name__'], type.__dict__['__mro__'], int.__dict__['real'],
          float.__dict__['imag'], complex.__dict__['real'], object.__dict__['__class__'],
          types.FunctionType.__dict__['__code__'], types.FunctionType.__dict__['__globals__'],
          C.__dict__['__dict__'], C.__dict__['__weakref__'], S.__dict__['a']]:
    print(repr(d), type(d).__name__, d.__name__, d.__qualname__, d.__objclass__)

print(int.real, int.numerator, float.real, complex.imag, C.__weakref__)
print(types.FunctionType.__code__, types.FunctionType.__name__, type.__name__, type.__mro__)
print(C.__dict__['__dict__'] is not C.__dict__, type(C.__dict__).__name__)

print('__get__')
real = int.__dict__['real']
print(real.__get__(5), real.__get__(True), real.__get__(None, int) is real, real.__get__(7, int))
t(lambda: real.__get__('x'))
t(lambda: real.__get__(None))
t(lambda: real.__get__(None, None))
t(lambda: real.__get__())
print(type.__dict__['__name__'].__get__(int), type.__dict__['__mro__'].__get__(C))
print(type.__dict__['__dict__'].__get__(C)['x'], object.__dict__['__class__'].__get__(3))
t(lambda: type.__dict__['__name__'].__get__(3))
t(lambda: type.__dict__['__abstractmethods__'].__get__(C))


def f(a, b=1):
    'doc'


print(types.FunctionType.__dict__['__name__'].__get__(f),
      types.FunctionType.__dict__['__defaults__'].__get__(f),
      types.FunctionType.__dict__['__doc__'].__get__(f))
c = C()
c.y = 2
print(C.__dict__['__dict__'].__get__(c), C.__dict__['__weakref__'].__get__(c))
r = weakref.ref(c)
print(C.__dict__['__weakref__'].__get__(c) is r, c.__weakref__ is r)
t(lambda: C.__dict__['__dict__'].__get__(3))

print('__set__ / __delete__')
t(lambda: real.__set__(5, 1))
t(lambda: real.__delete__(5))
t(lambda: complex.__dict__['real'].__set__(1j, 2))
t(lambda: type.__dict__['__mro__'].__set__(C, ()))
fn = types.FunctionType.__dict__
fn['__name__'].__set__(f, 'g')
fn['__doc__'].__set__(f, 'new doc')
fn['__defaults__'].__set__(f, (5,))
print(f.__name__, f.__doc__, f.__defaults__)
fn['__doc__'].__delete__(f)
print(f.__doc__)
t(lambda: fn['__globals__'].__set__(f, {}))
t(lambda: fn['__name__'].__set__(f, 3))
t(lambda: fn['__name__'].__delete__(f))
t(lambda: fn['__name__'].__set__(3, 'x'))
type.__dict__['__name__'].__set__(K, 'KK')
print(K.__name__, K.__qualname__)
t(lambda: type.__dict__['__name__'].__set__(int, 'x'))
C.__dict__['__dict__'].__set__(c, {'z': 3})
print(vars(c))
S.__dict__['a'].__set__(S(), 1)
s = S()
S.__dict__['a'].__set__(s, 4)
print(S.__dict__['a'].__get__(s), s.a)
S.__dict__['a'].__delete__(s)
t(lambda: s.a)

print('attribute access is unchanged')
print(C.__name__, C.__qualname__, C.__module__, C.__bases__, D.__mro__, C.__base__)
print(type(C.__dict__).__name__, sorted(C.__dict__)[:2], c.__class__.__name__, (5).real,
      (2.5).imag, (1 + 2j).real, True.numerator, f.__code__.co_name, f.__qualname__)
c.__dict__ = {'w': 1}
print(c.w, vars(c))
c.__class__ = D
print(type(c).__name__)
f.__qualname__ = 'q'
print(f.__qualname__)
t(lambda: setattr(f, '__globals__', {}))
t(lambda: setattr((5), 'real', 1))
t(lambda: setattr(C, '__mro__', ()))
t(lambda: C.__abstractmethods__)
t(lambda: type.__abstractmethods__)
t(lambda: object().__dict__)
t(lambda: S2().__dict__)


class P:
    __dict__ = 'custom'


print(P.__dict__ != 'custom', P().__dict__, '__weakref__' in P.__dict__)

print('dir / getmembers')
print(sorted(set(dir(C)) - set(dir(object))), sorted(set(dir(type)) - set(dir(object))))
print([n for n, _ in inspect.getmembers(C) if not n.startswith('__') or n in ('__dict__', '__weakref__')])
print(len([n for n, _ in inspect.getmembers(type)]), sorted(vars(type))[:8])
print(sorted(n for n in dir(types.FunctionType) if n not in dir(object)))

print('super')


class Meta(type):
    def names(cls):
        return super().__name__, super().__qualname__, super().__class__.__name__


class Q(metaclass=Meta):
    pass


print(Q.names(), super(D, D()).__class__.__name__, super(D, D).__dict__ is C.__dict__['__dict__'])
