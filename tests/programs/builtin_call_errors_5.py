# Call-fuzzer campaign 1000-1049: exec/eval/compile take str subclasses as source, compile() checks
# its mode before the source, __build_class__ checks the name, float.__getformat__ takes a str
# subclass, _random.Random's methods are positional-only.
import random
class MyStr(str): pass
class U:
    pass
def fn(): pass
tests = [lambda: exec(MyStr('s')), lambda: eval(MyStr('1+1')), lambda: exec(MyStr('x = 5')),
  lambda: compile(U(), '12', ''), lambda: compile('x', '12', 'bad'), lambda: compile(U(), '12', 'exec'),
  lambda: __build_class__(fn, int), lambda: __build_class__(fn), lambda: __build_class__(1, 'x'),
  lambda: float.__getformat__(MyStr('s')), lambda: float.__getformat__(MyStr('double')),
  lambda: random.getrandbits(7) >= 0, lambda: float.__getformat__('x')]
for i, f in enumerate(tests):
    try: print(i, f())
    except Exception as e: print(i, type(e).__name__, e)
try:
    random.getrandbits(k=7)
except TypeError:
    print("getrandbits(k=7): TypeError")
try:
    random.seed(n=3)
except TypeError:
    print("seed(n=3): TypeError")
# Campaign 1050-1099: __build_class__ calls the body as a function of no arguments (defaults
# bound, a missing one a TypeError), issubclass checks its first argument only against a class.
def fn(x=None, *a, **k):
    return x
print(__build_class__(fn, 'utf-8'))
def fn2(x, y=2):
    return y
try:
    print(__build_class__(fn2, 'C'))
except TypeError as e:
    print(type(e).__name__, e)
for f in [lambda: issubclass(2, 3), lambda: issubclass(int, 3), lambda: issubclass(2, ()), lambda: issubclass(2, (int,)), lambda: issubclass(2, ((),)), lambda: issubclass(2, int | str)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)

# Campaign 1100-1149: to_bytes converts length (Py_ssize_t) before checking byteorder's type,
# and byteorder's value before length's sign, as Argument Clinic and the impl do.
for f in [lambda: bool.to_bytes(0, 2**64, object), lambda: (0).to_bytes(-2**70, 'big'), lambda: (0).to_bytes(-1, 'bad'), lambda: (0).to_bytes(-1, 'big'),
          lambda: (0).to_bytes('x', object), lambda: (5).to_bytes(2, 'little'), lambda: (5).to_bytes(), lambda: int.from_bytes(byteorder=5),
          lambda: int.from_bytes(b'\x01\x00', 'little'), lambda: int.from_bytes(5, 'bad'), lambda: int.from_bytes(b'\xff', signed=True),
          lambda: (-1).to_bytes(2, 'big', signed=True), lambda: (300).to_bytes(1, 'big'), lambda: (0).to_bytes(1, object())]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class MyDict(dict): pass

# Campaign 1150-1199: bytes.find/count read the slice bounds before the sub argument, startswith/
# endswith type-check every pattern even when the range is empty (a tuple's item with its own
# message), exec/eval with a dict subclass as globals compile first and then say cpjit lacks it.
for f in [lambda: b''.count(2**64, ...), lambda: b'ab'.count(2**64), lambda: b'ab'.count(300), lambda: b'ab'.count(97),
          lambda: ' '.startswith(bytearray(b'xy'), 7), lambda: ' '.startswith(b'x'), lambda: ' '.startswith('x', 7), lambda: 'abc'.endswith(1, 9),
          lambda: exec('a b\tc\n', MyDict(k=1)), ]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: b' '.startswith('x', 7), lambda: b' '.endswith(1, 9), lambda: b'abc'.startswith((b'a', 1)), lambda: b'abc'.startswith((b'z', 1)), lambda: 'abc'.startswith(('a', 1)), lambda: 'abc'.startswith(('z', 1)), lambda: ''.startswith('', 1), lambda: 'abc'.startswith('', 3), lambda: bytearray(b' ').find(b'x', 'q'), lambda: b'ab'.find(2**64, ...)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
