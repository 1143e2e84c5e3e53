# _functools (CPython's C module, here native reduce plus the Python part): partial's
# flattening, read-only attributes, repr (recursive too), pickling and __setstate__ checks,
# subclasses; reduce's errors; cmp_to_key's wrapper (obj field, comparisons, errors, hashing);
# _lru_cache_wrapper's hits and misses, bounded eviction order, typed keys, keyword keys,
# method binding, copying and pickling.
import _functools
import functools
import collections.abc
import copy
import pickle
from collections import namedtuple

partial = _functools.partial
print(functools.partial is partial, functools.reduce is _functools.reduce,
      functools.cmp_to_key is _functools.cmp_to_key)
print(partial.__module__, partial.__name__, type(_functools.cmp_to_key).__name__,
      _functools.reduce.__module__, _functools.cmp_to_key.__module__)


def f(*args, **kw):
    return args, sorted(kw.items())


p = partial(f, 1, a=2)
q = partial(p, 3, b=4)
print(q.func is f, q.args, q.keywords, q(5, c=6), q(a=9))
print(repr(partial(f)).replace(repr(f), "F"), repr(partial(f, 1, "x", k=[1])).replace(repr(f), "F"))
for attr in ("func", "args", "keywords"):
    try:
        setattr(p, attr, None)
    except AttributeError as e:
        print(attr, "AttributeError", e)
try:
    del p.__dict__
except TypeError as e:
    print("TypeError", e)
p.extra = 1
print(partial(p).func is p, p.extra)
for bad in [(), (1,)]:
    try:
        partial(*bad)
    except TypeError as e:
        print("TypeError", e)


class P(partial):
    pass


s = P(f, 1)
print(repr(s).replace(repr(f), "F"), P(s).func is s, partial(s).func is f, s(2))
s.attr = 1
print(P(s).func is s, partial(s).func is s)
r = partial(f)
r.__setstate__((r, (), {}, None))
print(repr(r).replace(repr(f), "F"))
r.__setstate__((f, [1, 2] and (1, 2), None, {"attr": 3}))
print(r.args, r.keywords, r.attr, r())
for st in [(f, (), {}), (f, (), {}, {}, None), [f, (), {}, None], (None, (), {}, None),
           (f, None, {}, None), (f, [], {}, None), (f, (), [], None)]:
    try:
        r.__setstate__(st)
        print("ok")
    except TypeError as e:
        print("TypeError")
t = partial(max, [3, 1], key=abs)
t2 = pickle.loads(pickle.dumps(t))
print(type(t2).__name__, t2.args, t2.keywords, t2(), copy.copy(t).args is t.args,
      copy.deepcopy(t).args == t.args)
print(t.__reduce__()[0] is partial, t.__reduce__()[2][3])
print(partial[int])

red = _functools.reduce
print(red(lambda a, b: a * b, range(1, 8)), red(lambda a, b: a + b, [], 10),
      red(lambda a, b: a + b, ["x"]), red(lambda a, b: a + b, "abc", "-"))
for args in [(max, []), (max, 3), (max,), (max, [1], 1, 2)]:
    try:
        red(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    red(max, [1], initial=0)
except TypeError as e:
    print("TypeError", e)


def cmp(a, b):
    return (a > b) - (a < b)


K = _functools.cmp_to_key(cmp)
print(sorted([5, 2, 9, 1], key=K), sorted("banana", key=_functools.cmp_to_key(mycmp=cmp)))
k1, k2 = K(1), K(obj=2)
print(k1 < k2, k1 <= k2, k1 == k2, k1 != k2, k1 > k2, k1 >= k2, k1.obj, K.obj)
k1.obj = 7
print(k1 > k2)
try:
    hash(k1)
except TypeError:
    print("unhashable")
for bad in [lambda: k1 < 3, lambda: type(K)(), lambda: K(), lambda: K(1, 2), lambda: K(x=1),
            lambda: K < k1, lambda: _functools.cmp_to_key()]:
    try:
        print(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class C:
    cmp_to_key = _functools.cmp_to_key


print(sorted([3, 1, 2], key=C().cmp_to_key(cmp)))
print(isinstance(k1, collections.abc.Hashable), type(K).__hash__)

Info = namedtuple("CacheInfo", "hits misses maxsize currsize")
calls = []


def sq(x, y=0):
    calls.append(x)
    return x * x + y


w = _functools._lru_cache_wrapper(sq, 2, False, Info)
print([w(i) for i in (1, 2, 1, 3, 2, 1)], calls, w.cache_info())
w.cache_clear()
print(w.cache_info(), w(2, y=1), w(2, y=1), w(y=1, x=2), w.cache_info())
u = _functools._lru_cache_wrapper(sq, None, True, Info)
print(u(2), u(2.0), u(2), u.cache_info())
z = _functools._lru_cache_wrapper(sq, 0, False, Info)
print(z(3), z(3), z.cache_info())
print(_functools._lru_cache_wrapper(sq, -5, False, Info).cache_info())
for bad in [(3, 1, False, Info), (sq, "x", False, Info)]:
    try:
        _functools._lru_cache_wrapper(*bad)
    except TypeError as e:
        print("TypeError", e)


@functools.lru_cache(maxsize=3)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__,
      fib.cache_parameters(), copy.copy(fib) is fib, copy.deepcopy(fib) is fib,
      pickle.loads(pickle.dumps(fib)) is fib)


class M:
    @functools.lru_cache
    def meth(self, x):
        return (id(self) != 0, x)


m = M()
print(m.meth(3), m.meth(3), M.meth.cache_info(), M.__dict__["meth"].__get__(None, M) is M.meth)
try:
    fib([1])
except TypeError as e:
    print("TypeError", e)
