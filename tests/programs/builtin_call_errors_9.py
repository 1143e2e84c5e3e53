# Call-fuzzer campaign 2100-2599: compile() binds and converts its arguments as Argument Clinic
# does (flags, dont_inherit, optimize and _feature_version are C ints converted before the mode
# is checked, mode is a str with no NUL, optimize must be -1..2, 'func_type' needs
# PyCF_ONLY_AST); bytearray.extend iterates any non-buffer (a str too) and names the type of a
# non-iterable.
def gen():
    yield 1
class MyStr(str): pass
class Idx:
    def __index__(self): return 0
for f in [lambda: compile(gen(), ' ', '12', True, -10**30), lambda: compile('x', ' ', '12', 2**40), lambda: compile('x', ' ', '12', 0, 0, 2**40),
          lambda: compile('x', ' ', '12', 1.5), lambda: compile('x', ' ', '12', 0, 1.5), lambda: compile('x', ' ', 'eval', 0, 1.5),
          lambda: compile('x', 's', 'eval', 0, 0, -1, 1), lambda: compile('x', 's', 'eval', 0, 0, -1, _feature_version=1.5),
          lambda: compile('x', 's', 'eval', _feature_version=1, x=2), lambda: compile('x', 's', 'eval', 0, 0, -1, _feature_version=1, x=2),
          lambda: compile('x', 's', 'eval', 0, 0, -1, flags=2), lambda: compile('x', 's'), lambda: compile(source='x', filename='s'),
          lambda: compile('x', 's', 'eval', optimize=3), lambda: compile('x', 's', 'bad', optimize=-2), lambda: compile('x', 's', 'ev\0al'),
          lambda: compile('x', 's', None), lambda: compile('x', 's', MyStr('eval')).co_filename, lambda: compile('x', 's', 'eval', 0, 2**31),
          lambda: compile('x', 's', 'eval', 0, 0, 1.5), lambda: compile('x', 's', 'func_type'), lambda: compile('x', 's', 'bad', 0x400),
          lambda: compile(1, 's', 'exec', 0, 0, 5), lambda: compile('x', 's', 'eval', -1), lambda: compile('x', 's', 'eval', Idx(), Idx(), Idx()).co_name,
          lambda: eval(compile('1+2', 's', 'eval', dont_inherit=True, optimize=-1, _feature_version=-1)),
          lambda: bytearray.extend(bytearray(b'xy'), ''), lambda: bytearray(b'xy').extend('ab'), lambda: bytearray(b'xy').extend(1),
          lambda: bytearray(b'xy').extend(iter('a')), lambda: bytearray(b'xy').extend(None), lambda: bytearray(b'x').extend(memoryview(b'yz')),
          lambda: bytearray(b'x').extend(x for x in (65, 300)), lambda: bytearray(b'x').extend([Idx(), True]), lambda: bytearray(b'x').extend({}),
          lambda: bytearray(b'x').extend(range(97, 100))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
# A bytearray is changed only once every item has converted.
b = bytearray(b'ab')
try: b.extend([99, 'd'])
except TypeError as e: print(b, e)
# object.__setattr__ / __delattr__ on objects that are not instances of classes (functions,
# modules, built-in objects) take their kind's setters: a function's fields and __dict__,
# read-only members ("readonly attribute") and getsets ("... is not writable"), for deletion too.
import math, types
def fn(): pass
class C:
    def m(self): pass
for f in [lambda: object.__setattr__(fn, '', 1) or getattr(fn, ''), lambda: object.__setattr__(fn, 'x', 1) or fn.x,
          lambda: object.__setattr__(fn, '__name__', 'g') or fn.__name__, lambda: object.__setattr__(math, 'y', 1) or math.y,
          lambda: object.__setattr__(fn, '__doc__', 'd') or fn.__doc__, lambda: object.__delattr__(fn, 'x') or hasattr(fn, 'x'),
          lambda: object.__setattr__(1, 'real', 1), lambda: object.__setattr__([], 'append', 1), lambda: object.__setattr__(fn, '__code__', 1),
          lambda: object.__setattr__(fn, '__dict__', {'a': 1}) or fn.a, lambda: object.__setattr__(property(), '__doc__', 1),
          lambda: object.__setattr__(fn, '__class__', C), lambda: object.__setattr__(math, '__class__', C), lambda: object.__setattr__(math, '__class__', 1),
          lambda: object.__setattr__(math, '__class__', type(math)), lambda: object.__setattr__(slice(1), 'start', 1),
          lambda: object.__delattr__(math, 'y') or hasattr(math, 'y'), lambda: object.__delattr__(math, 'zz'), lambda: object.__delattr__(fn, 'zz'),
          lambda: delattr(math, 'zz'), lambda: delattr(math, '__dict__'), lambda: delattr(fn, '__name__'), lambda: delattr(fn, '__code__'),
          lambda: delattr(fn, '__defaults__') or fn.__defaults__, lambda: delattr(fn, '__doc__') or fn.__doc__, lambda: delattr(fn, '__dict__'),
          lambda: delattr(fn, '__annotations__') or fn.__annotations__, lambda: delattr(fn, '__module__') or fn.__module__,
          lambda: delattr(fn, '__globals__'), lambda: delattr(fn, '__closure__'), lambda: delattr(fn, '__call__'), lambda: delattr(fn, '__class__'),
          lambda: setattr(fn, '__dict__', 1), lambda: setattr(fn, '__globals__', {}), lambda: setattr(fn, '__builtins__', {}),
          lambda: setattr(fn, '__class__', int), lambda: setattr(fn, '__kwdefaults__', None) or fn.__kwdefaults__]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
objs = {'complex': (1j, ['real', 'imag']), 'range': (range(3), ['start', 'stop', 'step']), 'slice': (slice(1), ['start', 'stop', 'step']),
        'property': (property(), ['fget', 'fset', 'fdel', '__doc__']), 'classmethod': (classmethod(len), ['__func__', '__wrapped__']),
        'staticmethod': (staticmethod(len), ['__func__', '__wrapped__']), 'super': (super(C, C()), ['__thisclass__', '__self__', '__self_class__']),
        'code': (C.m.__code__, ['co_name', 'co_argcount', 'co_consts']), 'method': (C().m, ['__func__', '__self__', 'x']),
        'builtin': (len, ['__module__', '__name__', '__doc__']), 'int': (1, ['real', 'numerator']), 'float': (1.0, ['real']),
        'gen': ((x for x in []), ['gi_code', 'gi_frame', 'gi_running'])}
for k, (o, names) in objs.items():
    for n in names:
        for how in ('set', 'del', 'oset'):
            try:
                if how == 'set': setattr(o, n, 5)
                elif how == 'del': delattr(o, n)
                else: object.__setattr__(o, n, 5)
                r = 'ok'
            except Exception as e: r = '%s %s' % (type(e).__name__, e)
            print(k, n, how, r)
print(len.__module__, property().__doc__)
# Message-level comparison of campaign 2100-2119: which dunders are slot wrappers (int.__index__)
# and which are methods (set/frozenset/dict.__contains__); class methods are named by the class
# they are bound to; dict() / dict.__init__ say "dict expected" and use dict's own update;
# classmethod / staticmethod / reversed unpack as PyArg_UnpackTuple does; sys functions are
# module-qualified; memoryview binds 'object' as Argument Clinic does; round() looks __round__
# up before ndigits is converted; str.maketrans converts y and z first; an exception class's
# __new__ is the one CPython defines it on (KeyError's is LookupError's).
class S(set): pass
class D(dict): pass
class E(dict):
    def update(self, *a, **k): print('E.update called')
import sys
for f in [lambda: frozenset.__contains__([3], 1), lambda: set.__contains__(1), lambda: set.__contains__(), lambda: dict.__contains__('x', 1),
          lambda: bool.__index__(), lambda: bool.__index__(None), lambda: int.__index__(True), lambda: repr(int.__index__), lambda: repr(set.__contains__),
          lambda: repr(dict.__contains__), lambda: repr(list.__getitem__), lambda: repr(tuple.__getitem__),
          lambda: set.__class_getitem__(), lambda: S.__class_getitem__(1, 2), lambda: tuple.__class_getitem__(1, x=2), lambda: dict.__class_getitem__(int),
          lambda: object.__init_subclass__(1, 2), lambda: S.__init_subclass__(x=2), lambda: ArithmeticError.__init_subclass__(1), lambda: S.__init_subclass__(),
          lambda: dict(1, 2), lambda: D(1, 2, 3), lambda: dict.__init__({}, 1, 2), lambda: {}.update(1, 2), lambda: dict(x=1), lambda: E({'a': 1}, b=2),
          lambda: classmethod(), lambda: classmethod(1, 2), lambda: classmethod(x=1), lambda: staticmethod(1, 2, 3), lambda: staticmethod(f=1),
          lambda: reversed(), lambda: reversed(1, 2), lambda: reversed(x=1), lambda: sys.getrecursionlimit(1), lambda: sys.setrecursionlimit(),
          lambda: sys.intern(), lambda: sys.intern(x=1), lambda: sys.displayhook(),
          lambda: str.maketrans(set(), 1.5), lambda: str.maketrans({}, None), lambda: str.maketrans('a', 'b', None), lambda: str.maketrans(1, x=1),
          lambda: str.maketrans('ab', MyStr('cd'), MyStr('e')), lambda: str.maketrans(1, 'a'),
          lambda: round({}, 'x'), lambda: round(1.5, 'x'), lambda: round(5, 'x'), lambda: round(complex(1), 'x'), lambda: round(5, None),
          lambda: memoryview(), lambda: memoryview(b'', object=1), lambda: memoryview(x=1), lambda: memoryview(b'', 1), lambda: bytes(memoryview(object=b'a')),
          lambda: AttributeError.__new__(1), lambda: AttributeError.__new__(), lambda: KeyError.__new__(ValueError), lambda: KeyError.__new__(IndexError, 1),
          lambda: BlockingIOError.__new__(int), lambda: BlockingIOError.__new__(FileNotFoundError, 2, 'x'), lambda: ValueError.__new__(KeyError),
          lambda: ExceptionGroup.__new__(1), lambda: SystemExit.__new__(5), lambda: TabError.__new__(1), lambda: ConnectionError.__new__(TypeError)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
# Seeds 2120-2139 (messages): math.isclose and math.prod, exec and eval bind as Argument Clinic
# does (eval takes no keywords at all; exec's closure is keyword-only and needs a code object);
# super() and bytes/bytearray.maketrans refuse keywords in CPython's words; BaseExceptionGroup's
# methods check self before their arguments, as the C descriptors do.
import math
eg = ExceptionGroup('m', [ValueError(), TypeError()])
B = BaseExceptionGroup
class MyEG(ExceptionGroup): pass
for f in [lambda: super(x=1), lambda: super(1, 2, 3), lambda: super(int, x=1), lambda: bytes.maketrans(1), lambda: bytes.maketrans(1, x=2), lambda: bytearray.maketrans(),
          lambda: bytearray.maketrans(x=1), lambda: bytes.maketrans(b'a', 1), lambda: b'x'.maketrans(b'a', b'b', b'c'), lambda: bytearray.maketrans(b'a', b'b')[97],
          lambda: exec('1', x=1), lambda: exec(), lambda: exec(1, 2, 3, 4, 5), lambda: exec('1', {}, {}, {}), lambda: exec('1', globals={}), lambda: exec('1', closure=None),
          lambda: eval(), lambda: eval(1, 2, 3, 4), lambda: eval('1', x=1), lambda: eval('1', globals={}), lambda: eval(source='1'), lambda: exec(source='1'), lambda: eval(x=1),
          lambda: exec('1', None, None, closure=1), lambda: exec('1', 1, None, closure=1), lambda: eval('1+1', None, None), lambda: eval('x', {'x': 4}),
          lambda: math.isclose(1), lambda: math.isclose(1, 2, 3), lambda: math.isclose('a', 1, base=2), lambda: math.isclose(1, 1.0000000001),
          lambda: math.isclose(1, 1.1, rel_tol=0.2), lambda: math.isclose(a=1, b=1), lambda: math.isclose(1, 2, abs_tol='x', rel_tol='y'),
          lambda: math.prod(1, 2, 3), lambda: math.prod([2, 3], start=2), lambda: math.prod(iterable=[1]), lambda: math.prod([1], 2), lambda: math.prod(), lambda: math.prod([1], x=1),
          lambda: B.__str__(), lambda: B.__str__(1), lambda: B.__str__(eg, 1), lambda: B.__str__(eg, x=1), lambda: eg.__str__(1, 2), lambda: B.__str__(1, x=2), lambda: str(eg),
          lambda: B.derive(), lambda: B.derive(1), lambda: B.derive(eg), lambda: B.derive(eg, 1, 2), lambda: B.derive(eg, x=1), lambda: B.derive(1, x=1), lambda: eg.derive(),
          lambda: eg.derive([ValueError()]), lambda: eg.split(), lambda: eg.split(ValueError, 2), lambda: eg.split(ValueError), lambda: eg.subgroup(TypeError), lambda: eg.split(x=1),
          lambda: eg.subgroup(1, 2), lambda: B.__class_getitem__(), lambda: B.__class_getitem__(1, 2), lambda: B.__class_getitem__(x=2), lambda: ExceptionGroup.__class_getitem__(1, 2),
          lambda: B.__class_getitem__(int), lambda: MyEG[int], lambda: B.__init__(), lambda: B.__init__(1), lambda: B.__init__(eg, 1, 2, 3), lambda: B.__init__(eg, x=1),
          lambda: B.subgroup(eg), lambda: MyEG('a', [ValueError()]).split(ValueError), lambda: ExceptionGroup('x', [KeyError(1)]).args]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
except* ValueError as e: print('V', repr(e))
except* TypeError as e: print('T', repr(e))
# Seeds 2140-2159 (messages): int() binds (x, /, base) as Argument Clinic does; class methods
# dict.fromkeys / bytes.fromhex are named by their class; time's functions check their arguments
# as the C ones do (struct_time as structseq(sequence, dict)); a Python function reports an
# unexpected keyword (or positional-only names passed by keyword) before too many positionals.
import time
T = time.struct_time
class D2(dict): pass
def f(a, b=1): pass
def g(a, /, b): pass
def h(a, *, k): pass
class R:
    def getstate(self): pass
for c in [lambda: int(0, -1, sep=None, start=7), lambda: int(1, base=2, x=3), lambda: int(x=1), lambda: int('1', 2, base=3), lambda: int(base=2), lambda: int('11', base=2),
          lambda: dict.fromkeys(x=1), lambda: D2.fromkeys(1, 2, 3), lambda: bytes.fromhex(x=1), lambda: bytearray.fromhex(), lambda: __import__('sys').call_tracing(x=1),
          lambda: T(1), lambda: T(range(9), 1), lambda: T(range(9), {}), lambda: T(sequence=range(9)), lambda: T(range(9), sequence=1), lambda: T(range(3)), lambda: T(range(12)),
          lambda: T(range(9), None), lambda: T(range(9), dict=None), lambda: T(dict={}), lambda: T(), lambda: T(1, 2, 3), lambda: T(range(9), x=1), lambda: T(x=1, y=2, z=3),
          lambda: T(range(11)).tm_zone, lambda: T([1, 2, 3, 4, 5, 6, 7, 8, 9]).tm_mon,
          lambda: time.gmtime(1, 2), lambda: time.gmtime(x=1), lambda: time.gmtime(0), lambda: time.gmtime(None).tm_year > 2000, lambda: time.gmtime().tm_year > 2000,
          lambda: time.localtime(1, 2), lambda: time.localtime(x=1), lambda: time.mktime(), lambda: time.mktime(1, 2), lambda: time.mktime(t=1),
          lambda: time.asctime(1, 2), lambda: time.asctime(x=1), lambda: time.asctime(time.gmtime(0)), lambda: time.asctime(None),
          lambda: time.ctime(1, 2), lambda: time.ctime(x=1), lambda: len(time.ctime()), lambda: time.ctime(None)[:3].isalpha(),
          lambda: time.get_clock_info(), lambda: time.get_clock_info(1, 2), lambda: time.get_clock_info(name='time'), lambda: time.get_clock_info(1),
          lambda: time.get_clock_info('time').adjustable, lambda: time.clock_gettime_ns(x=1), lambda: time.clock_gettime_ns(),
          lambda: f(1, 2, 3, x=1), lambda: f(1, 2, 3, a=1), lambda: f(1, 2, 3), lambda: g(1, 2, 3, a=1), lambda: g(a=1, b=2), lambda: g(1, a=1, z=2), lambda: g(1, z=2, a=1),
          lambda: g(1, b=2, a=3), lambda: h(1, 2, k=3), lambda: h(1, 2, k=3, z=1), lambda: R().getstate(1, 2, base=3), lambda: R().getstate(x=1), lambda: f(1, b=2, b2=3),
          lambda: (lambda a, /, **k: k)(1, a=2), lambda: (lambda *a, b: 0)(1, 2, z=3), lambda: f(), lambda: f(b=1, c=2)]:
    try: print(c())
    except Exception as e: print(type(e).__name__, e)
# Seeds 2160-2179 (messages): eval checks locals before globals and words a non-mapping globals apart;
# NameError/AttributeError/ImportError keyword errors name the class whose __init__ parses them
# and count first; complex() binds (real, imag) as Argument Clinic does; mappingproxy has
# __getitem__; BaseExceptionGroup.__new__() with nothing is 'not enough arguments'.
import random, _random, types
Rn = _random.Random
class MyEG2(ExceptionGroup): pass
class K:
    x = 1
for f in [lambda: 0 <= random.random() < 1, lambda: random.getrandbits(8) < 256, lambda: random.Random(5).random(), lambda: random.Random(5).getrandbits(20),
          lambda: eval('1', 1), lambda: eval('1', 1, 2), lambda: eval('1', {}, 2), lambda: eval('1', None, 2), lambda: eval('1', types.MappingProxyType({})), lambda: eval('1', []),
          lambda: exec('1', 1), lambda: exec('1', 1, 2), lambda: exec('1', {}, 2), lambda: exec('1', None, 2), lambda: exec('1', types.MappingProxyType({})),
          lambda: NameError(1, x=1, y=2), lambda: NameError(1, name=1, y=2), lambda: AttributeError(x=1, y=2, z=3), lambda: ImportError(a=1, b=2, c=3),
          lambda: ImportError(1, name=1, x=2), lambda: UnboundLocalError(k=1), lambda: ModuleNotFoundError(x=1), lambda: AttributeError(name=1, name2=2),
          lambda: ModuleNotFoundError('m', name='n').name, lambda: complex(1, 2, x=3, y=4), lambda: complex(1, x=1), lambda: complex(real=1, imag=2), lambda: complex(1, real=2),
          lambda: complex(imag=2), lambda: complex(1, 2, 3), lambda: time.clock_settime_ns(1, 2, x=3), lambda: BaseExceptionGroup.__new__(), lambda: BaseExceptionGroup.__new__(x=1),
          lambda: BaseExceptionGroup.__new__(1), lambda: BaseExceptionGroup('a', [ValueError()]), lambda: MyEG2('a', [ValueError()]), lambda: BaseExceptionGroup('a', [KeyboardInterrupt()]),
          lambda: hasattr(types.MappingProxyType, '__getitem__'), lambda: type(K.__dict__).__getitem__(K.__dict__, 'x'), lambda: eval('x', {}, K.__dict__)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
# Seeds 2180-2199 (messages): "not iterable" and math's "must be real number" name the
# argument's own type when it is an instance of a subclass of a built-in (not the base's).
class MyFloat(float): pass
class MyInt(int): pass
class MyList(list): pass
class MyDict(dict): pass
for f in [lambda: sorted(MyInt(3)), lambda: iter(MyInt(3)), lambda: list(MyInt(3)), lambda: math.prod(MyInt(3)), lambda: TabError(int, MyInt(3)), lambda: sorted(MyList([3, 1])),
          lambda: list(MyStr('ab')), lambda: list(MyDict(a=1)), lambda: math.hypot(MyStr('s')), lambda: math.exp(MyList([1])), lambda: math.sqrt(MyFloat(4.0)),
          lambda: math.floor(MyInt(3)), lambda: math.log(MyDict(k=1), 2), lambda: math.fabs(MyInt(-2)), lambda: math.sqrt(MyInt(9)), lambda: math.sqrt(MyStr('s')),
          lambda: [x for x in MyInt(2)]]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
# object's and type's attribute slots look an instance of a str subclass up by its string value
# (object.__getattribute__(1, MyStr('real')) was an AttributeError for attribute ''), and the
# attribute-name TypeError names the argument's own type.
class K2: pass
k2 = K2()
for f in [lambda: object.__getattribute__(1, MyStr('real')), lambda: getattr(1, MyStr('real')), lambda: object.__getattribute__(slice(1), MyStr('s')),
          lambda: object.__setattr__(k2, MyStr('a'), 1) or vars(k2), lambda: object.__delattr__(k2, MyStr('a')) or vars(k2), lambda: getattr((), MyInt(3)),
          lambda: type.__setattr__(K2, MyStr('z'), 5) or K2.z, lambda: type.__getattribute__(K2, MyStr('z')), lambda: type.__delattr__(K2, MyStr('z')) or hasattr(K2, 'z'),
          lambda: object.__getattribute__(k2, 5)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
# abs/float/int/round name an argument that is an instance of a subclass of a non-numeric
# built-in by its own type, and still convert subclasses of str, bytes, int, float, complex.
class MyBytes(bytes): pass
class MyComplex(complex): pass
class MyBA(bytearray): pass
for f in [lambda: abs(MyDict(k=1)), lambda: abs(MyInt(-3)), lambda: abs(MyFloat(-2.5)), lambda: abs(MyComplex(3, 4)), lambda: abs(MyList()),
          lambda: float(MyDict(k=1)), lambda: float(MyStr('1.5')), lambda: float(MyStr('x')), lambda: float(MyBytes(b'2')), lambda: float(MyInt(3)), lambda: float(MyComplex(1)),
          lambda: float(MyBA(b'7')), lambda: float(MyList()), lambda: int(MyDict(k=1)), lambda: int(MyStr('12')), lambda: int(MyStr('x')), lambda: int(MyBytes(b'5')),
          lambda: int(MyFloat(2.5)), lambda: int(MyComplex(1)), lambda: int(MyBA(b'9')), lambda: round(MyList([1])), lambda: round(MyInt(5), -1), lambda: round(MyFloat(2.567), 2),
          lambda: round(MyDict(), 'x')]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
