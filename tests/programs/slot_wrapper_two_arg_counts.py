# The two-argument slot wrappers (__setattr__, __setitem__, __set__) unpack their arguments with
# PyArg_UnpackTuple and an empty name: the count error starts with a space in CPython.
class D: pass
class P:
    @property
    def p(self): return 1
cases = [
    lambda: object.__setattr__(1),
    lambda: object.__setattr__(D(), 'x'),
    lambda: object.__setattr__(D(), 'x', 1, 2),
    lambda: D.__setattr__('z', 3),
    lambda: D().__setattr__('z'),
    lambda: list.__setitem__([], 1),
    lambda: list.__setitem__([1], 0, 2, 3),
    lambda: dict.__setitem__({}, 1),
    lambda: [].__setitem__(),
    lambda: bytearray(b'a').__setitem__(0),
    lambda: property().__set__(1),
    lambda: P.p.__set__(P()),
    lambda: object.__delattr__(D()),
    lambda: list.__delitem__([]),
    lambda: object.__getattribute__(1),
    lambda: (1).__pow__(),
    lambda: (1).__pow__(1, 2, 3),
    lambda: property().__get__(),
    lambda: 'a'.__repr__(1),
    lambda: (1).__add__(),
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except Exception as e:
        print(i, type(e).__name__, repr(str(e)))
