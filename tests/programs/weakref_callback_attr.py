# weakref.ref.__callback__: the callback (None without one, and once the referent is gone),
# read-only (a member descriptor), on ref subclasses too.
import weakref, gc
class O: pass
x = O()
cb = lambda r: None
r1 = weakref.ref(x, cb); r2 = weakref.ref(x)
print(r1.__callback__ is cb, r2.__callback__)
try:
    r1.__callback__ = cb
except AttributeError as e:
    print("AttributeError", e)
class R(weakref.ref): pass
r3 = R(x, cb)
print(r3.__callback__ is cb)
del x
gc.collect()
print(r1.__callback__, r3.__callback__)
print(type(weakref.ref.__dict__['__callback__']).__name__)
