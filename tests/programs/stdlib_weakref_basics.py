# _weakref: references cleared by the collector, callbacks, ref subclasses (KeyedRef), proxy.
import _weakref, gc
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f'Obj({self.n})'
o = Obj(1)
r = _weakref.ref(o)
print(r() is o, r() , _weakref.getweakrefcount(o))
dead = []
r2 = _weakref.ref(Obj(2), lambda w: dead.append(w))
gc.collect()
print(r2() is None, len(dead), dead[0] is r2)
del o
gc.collect()
print(r())
class KeyedRef(_weakref.ref):
    __slots__ = ('key',)
    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
got = []
x = Obj(3)
k = KeyedRef(x, lambda w: got.append(w.key), 'the-key')
print(k() is x, k.key)
del x
gc.collect()
print(got)
try:
    _weakref.ref(1)
except TypeError as e:
    print(e)
p = _weakref.proxy(Obj(5))
y = Obj(6)
p = _weakref.proxy(y)
print(p.n, repr(p)[:10])
p.n = 7
print(y.n)
a = Obj(8)
print(_weakref.ref(a) == _weakref.ref(a), hash(_weakref.ref(a)) == hash(a))
