# str subscripts take any index object (int subclasses, IntEnum members, __index__), as CPython's
# _PyIndex_Check: 'xyz'[C.A] raised TypeError.
import enum
class MyInt(int): pass
class C(enum.IntEnum):
    A = 1
    B = -1
FL, ST = 1.5, "a"
class Ix:
    def __index__(self): return 2
for f in [lambda: 'a b\tc\n'.__getitem__(MyInt(3)), lambda: 'abc'[MyInt(1)], lambda: str.__getitem__('abc', MyInt(-1)), lambda: 'xyz'[C.A], lambda: 'xyz'[C.B],
          lambda: 'xyz'[Ix()], lambda: 'xyz'[FL], lambda: 'xyz'[ST], lambda: 'xyz'[2**70], lambda: 'xyz'[MyInt(5)], lambda: 'é€x'[MyInt(1)], lambda: 'xyz'[True]]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
