# An instance's __weakref__: its first weak reference (a ref subclass's instance as made), or None; AttributeError where no class adds the descriptor.
import weakref
class C: pass
c = C(); print(c.__weakref__)
r = weakref.ref(c); print(c.__weakref__ is r)
class R(weakref.ref): pass
class D: pass
d = D(); r2 = R(d); print(d.__weakref__ is r2, type(d.__weakref__).__name__)
class S: __slots__ = ("a",)
try: S().__weakref__
except AttributeError as e: print("AttributeError", e)
class I(int): pass
try: I().__weakref__
except AttributeError as e: print("AttributeError", e)
