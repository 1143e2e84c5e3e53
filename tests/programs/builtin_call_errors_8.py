# Call-fuzzer campaign 1600-1649: sum() binds its arguments as Argument Clinic does
# (sum(iterable, /, start=0)) and refuses str, bytes and bytearray starts including subclasses.
class MyStr(str): pass
class MyBytes(bytes): pass
class MyBA(bytearray): pass
for f in [lambda: sum(set(), MyStr('s')), lambda: sum([], MyBytes(b'x')), lambda: sum([], MyBA(b'x')), lambda: sum([], bytearray()),
          lambda: sum([], 's'), lambda: sum([], b''), lambda: sum(), lambda: sum([], 1, 2), lambda: sum([], 1, start=2),
          lambda: sum(start=2), lambda: sum(iterable=[]), lambda: sum([], iterable=1), lambda: sum([], x=1), lambda: sum([], start=1, x=2),
          lambda: sum([], x=1, y=2), lambda: sum(5), lambda: sum([1, 2], start=3), lambda: sum([[1]], start=[])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
# Campaign 1650-1749: exec/eval check that locals is a mapping before compiling the source, also
# when globals is a dict subclass.
class MyDict(dict): pass
for f in [lambda: exec('a b\tc\n', MyDict(k=1), float('nan')), lambda: eval('a b', MyDict(), 1.5), lambda: exec('a b', {}, 1.5),
          lambda: exec('a b', 1, 1.5), lambda: eval('a b', {}, 1.5), lambda: exec('a b', None, 2), lambda: exec(1, {}, 1), lambda: eval(1, {}, 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
# Campaign 1850-1999: `in` on a str takes a str subclass needle; str.maketrans's one argument must
# be an exact dict; bytes/bytearray/memoryview.hex and pow bind their arguments as Argument Clinic
# does (sep by name and position, bytes_per_sep a C int, a bytearray sep is refused); compile's
# filename goes through PyUnicode_FSDecoder (str/bytes subclasses, os.PathLike) before the mode check.
class MyB(bytes): pass
class LenStr(str):
    def __len__(self): return 1
class P:
    def __fspath__(self): return 'pp'
for f in [lambda: MyStr('b') in 'abc', lambda: MyStr('x') in 'abc', lambda: str.__contains__('\xe9\u20ac\U0001d11e', MyStr('s')), lambda: 'abc'.__contains__(MyStr('bc')),
          lambda: 1 in 'abc', lambda: str.maketrans(MyDict(k=1)), lambda: str.maketrans({'ab': 1}), lambda: str.maketrans({'a': 1}),
          lambda: bytes.hex(b'ab c', '12', sep={1, 2}), lambda: b'ab'.hex('12', 1), lambda: b'ab'.hex(sep='1', bytes_per_sep=2, x=1),
          lambda: b'abc'.hex(':', 2**40), lambda: b'abc'.hex(':', 2.0), lambda: b'abc'.hex(':', True), lambda: b'abcd'.hex(MyStr(':'), -3),
          lambda: memoryview(b'abc').hex(':'), lambda: memoryview(b'abcd').hex(b'-', 2), lambda: memoryview(b'abc').hex(1, 2, 3), lambda: bytearray(b'ab').hex(bytes_per_sep=1),
          lambda: b'ab'.hex(bytearray(b':')), lambda: b'ab'.hex(MyB(b':')), lambda: b'ab'.hex(memoryview(b':')), lambda: b'ab'.hex(LenStr('ab')), lambda: b'ab'.hex(b'\xff'), lambda: b'ab'.hex('\xe9'),
          lambda: pow(0, -10**30, base=False), lambda: pow(0, -1, base=1), lambda: pow(2, 3, exp=1), lambda: pow(2, 3, mod=5), lambda: pow(2, exp=3), lambda: pow(base=2, exp=3, mod=5),
          lambda: pow(2), lambda: pow(), lambda: pow(2, 3, 5, 6), lambda: pow(2, 3, modulo=5),
          lambda: compile([3, 1, 2], MyStr('s'), 'a b\tc\n'), lambda: compile('x', 's', 'bad'), lambda: compile([1], 's', 'exec'),
          lambda: compile('x', MyB(b'f'), 'eval').co_filename, lambda: compile('x', P(), 'eval').co_filename, lambda: compile('x', MyStr('g'), 'eval').co_filename, lambda: compile('x', 1, 'eval')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
# Campaign 2000-2099: str.encode / bytes.decode take str subclasses for encoding and errors;
# float ** and math.pow give an infinite base (and any infinite or NaN operand) its C99 value
# instead of the complex / domain-error path of a finite negative base.
for f in [lambda: b''.decode(MyStr('s')), lambda: b'ab'.decode(MyStr('utf-8'), MyStr('strict')), lambda: bytearray(b'ab').decode(MyStr('latin-1')),
          lambda: 'ab'.encode(MyStr('utf-8'), MyStr('strict')), lambda: b''.decode('utf\x00'), lambda: b''.decode(1),
          lambda: float.__rpow__(2.5, float('-inf')), lambda: (-float('inf')).__pow__(0.5), lambda: (-1e300) ** 0.5]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
import math
inf, nan = math.inf, math.nan
for x in [-inf, inf, -0.0, 0.0, -1.0, 1.0, -2.5, 0.5, nan]:
    row = []
    for y in [-inf, -2.5, -3.0, -2.0, -0.0, 0.5, 3.0, inf, nan]:
        for f in (math.pow, pow):
            try: row.append(repr(f(x, y)))
            except Exception as e: row.append(type(e).__name__)
    print(x, row)
