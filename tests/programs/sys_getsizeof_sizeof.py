# sys.getsizeof, __sizeof__ (object's and the checked-self ones of int, str, bytes, bytearray, list,
# dict, set, frozenset, type), sys.call_tracing, sys.get_coroutine_origin_tracking_depth. The sizes
# are cpjit's own (its heap blocks), so only their type, sign and order are compared.
import sys
class C: pass
class L(list): pass
for o in (1, 2**100, 1.5, "abc", b"x", bytearray(3), [1,2], (1,), {1:2}, {1}, frozenset(), C(), L(), int, C, None, True, ValueError()):
    s = sys.getsizeof(o)
    print(type(o).__name__, type(s).__name__, s > 0, type(o).__sizeof__(o) <= s)
print(sys.getsizeof([1]*100) > sys.getsizeof([]))
print(sys.getsizeof("a" * 1000) > sys.getsizeof("a"))
for call in (lambda: list.__sizeof__(5), lambda: dict.__sizeof__([]), lambda: object.__sizeof__(5) > 0,
             lambda: int.__sizeof__("x"), lambda: type.__sizeof__(5), lambda: str.__sizeof__(b""),
             lambda: ArithmeticError.__sizeof__(5) > 0, lambda: ArithmeticError.__sizeof__(),
             lambda: sys.getsizeof(), lambda: sys.getsizeof(1, 2, 3),
             lambda: sys.getsizeof(object=1) > 0, lambda: sys.getsizeof(x=1), lambda: sys.getsizeof(1, object=2),
             lambda: bool.__sizeof__(True) > 0, lambda: set.__sizeof__(frozenset()), lambda: frozenset.__sizeof__(set())):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
try:
    [].__sizeof__(1)
except TypeError:
    print("TypeError for an argument")
class Neg:
    def __sizeof__(self): return -1
class Str:
    def __sizeof__(self): return "x"
class Bad:
    def __sizeof__(self): raise TypeError("no")
class Big:
    def __sizeof__(self): return 2**100
for o in (Neg(), Str(), Bad(), Big()):
    for args in ((), (42,)):
        try:
            print(sys.getsizeof(o, *args))
        except Exception as e:
            print(type(e).__name__, e)
class NoSize:
    __sizeof__ = None
print(sys.call_tracing(max, (1, 5, 2)))
for a in ((max,), (max, [1]), (max, (1,), 2)):
    try:
        sys.call_tracing(*a)
    except TypeError as e:
        print(e)
print(sys.get_coroutine_origin_tracking_depth())
