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
