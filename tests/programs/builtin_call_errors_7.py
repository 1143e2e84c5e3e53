# Call-fuzzer campaigns 1250-1349: str.split/rsplit convert maxsplit (Py_ssize_t) before checking
# sep, int.__round__(None) is a TypeError (round(x, None) is not), a sequence repeated a huge
# negative number of times overflows as a positive one does, bytearray.pop converts its index first.
class MyStr(str): pass
for f in [lambda: MyStr('s').rsplit([], -10**30), lambda: 'a b'.rsplit(None, -10**30), lambda: 'a b'.split(' ', 10**30), lambda: 'a b'.rsplit([], 1),
          lambda: bool.__round__(2, None), lambda: (2).__round__(None), lambda: True.__round__(None), lambda: (2).__round__(), lambda: int.__round__(True, None),
          lambda: str.__rmul__('ab', -10**30), lambda: 'ab' * -10**30, lambda: 'ab'.__rmul__(2), lambda: 'ab'.__mul__(-10**30), lambda: [1].__rmul__(-10**30),
          lambda: bytearray(b'xy').pop(len), lambda: bytearray(b'').pop(), lambda: bytearray(b'').pop('x'), lambda: bytearray(b'xy').pop(5)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for f in [lambda: b'a' * -10**30, lambda: (1,) * -10**30, lambda: -10**30 * 'a', lambda: 'a' * -5, lambda: round(2, None), lambda: round(2.5, None), lambda: (2.5).__round__(None)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)

# Campaign 1350-1449: int(base=...) without a value is a TypeError; BaseException.__setstate__
# refuses non-str attribute names (the ones before are set).
class MyExc2(Exception): pass
for f in [lambda: ArithmeticError.__setstate__(MyExc2('e'), {'a': 1, 2: 'b'}), lambda: int(base=[]), lambda: int(base=10), lambda: int(base=5.0)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
e2 = MyExc2('x')
try:
    e2.__setstate__({'a': 1, 3: 4, 'b': 2})
except TypeError as e:
    print(e, e2.a, hasattr(e2, 'b'))
# Campaign 1450-1549: list.insert and str.replace convert their index/count as Py_ssize_t.
for f in [lambda: [1].insert(-10**30, 0), lambda: [1].insert('x', 0), lambda: [1].insert(10**30, 0), lambda: 'aa'.replace('a', 'b', 'x'), lambda: 'aa'.replace('a', 'b', 10**30), lambda: 'aa'.replace('a', 'b', -1), lambda: 'aaa'.replace('a', 'b', 2)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
