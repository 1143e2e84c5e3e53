"""Built-in methods with CPython's checks, found by the call fuzzer (tools/call_fuzz.py):
bytearray.__init__/__alloc__ and bytes()/bytearray() argument rules, object.__init__ with extra
arguments, object.__dir__/type.__dir__, __subclasshook__, the exception classes' own __str__,
bool's |, &, ^, property() arity, staticmethod.__call__, str.__format__, super.__init__,
memoryview.__delitem__/toreadonly/__getattribute__/__ne__, type.__delattr__ on built-in types,
and the "descriptor ... needs an argument" message of slot wrappers."""
class U: pass
class MyStr(str): pass
class MyList(list): pass
class MyExc(Exception): pass
def gen():
    yield 1
def fn(): pass
def t(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r)[:60])
    except Exception as e:
        print(label, type(e).__name__, e)
t(1, lambda: bytearray.__init__(iter([1, 2]), MyStr('s'), fn))
t(2, lambda: bytearray.__init__(1, x=range(3)))
t(3, lambda: bytearray.__init__(bytearray(), x=range(3)))
t(4, lambda: bytearray.__init__(bytearray(), [1, [2]], 7, -1))
t(5, lambda: bytearray.__init__(bytearray(), ..., ..., 2.5))
t(6, lambda: bytearray.__init__(bytearray(), '', MyList([1])))
t(7, lambda: bytearray(n=b'ab c'))
t(8, lambda: bytearray(2**64))
t(9, lambda: bytearray(-1))
t(10, lambda: bytearray(2**63))
t(11, lambda: bool.__init__(bytearray(b'xy'), maxsplit=1))
t(12, lambda: bool.__init__(U, True))
t(13, lambda: bool.__init__(U(), 1))
t(14, lambda: bool.__init__(set(), args=-0.0))
t(15, lambda: bool.__init__(int, U, type, ''))
t(16, lambda: bool.__init__(True, 1))
t(17, lambda: object.__init__(U(), 1))
t(18, lambda: bool.__init__(MyExc('e'), ' ', 2))
t(19, lambda: type.__dir__(bytearray(b'xy'), bytearray(b'xy')))
t(20, lambda: type.__dir__())
t(21, lambda: type.__dir__('12'))
t(22, lambda: sorted(type.__dir__(int))[:3])
t(23, lambda: type.__dir__(int, 1))
t(24, lambda: ArithmeticError.__dir__([3, 1, 2], type))
t(25, lambda: ArithmeticError.__dir__())
t(26, lambda: len(ArithmeticError.__dir__(ValueError())) > 5)
t(27, lambda: ArithmeticError.__subclasshook__(sep=1))
t(28, lambda: ArithmeticError.__subclasshook__(True, U(), args=range(3)))
t(29, lambda: ArithmeticError.__subclasshook__(True))
t(30, lambda: ArithmeticError.__subclasshook__())
t(31, lambda: object.__subclasshook__(1, 2))
t(32, lambda: UnicodeDecodeError.__str__(ValueError('x')))
t(33, lambda: UnicodeDecodeError.__str__(UnicodeDecodeError('utf-8', b'x', 0, 1, 'r')))
t(34, lambda: bool.__ror__(2**64, 2.5))
t(35, lambda: bool.__ror__(2, (1, 'a')))
t(36, lambda: bool.__ror__(True, 1))
t(37, lambda: bool.__ror__(True, True))
t(38, lambda: bool.__ror__(True))
t(39, lambda: bool.__or__(2, True))
t(40, lambda: bool.__and__(2, True))
t(41, lambda: bool.__rxor__(2, True))
t(42, lambda: property(7, (1+2j), int, frozenset({3}), 7))
t(43, lambda: type(property(1, 2, 3, 4)).__name__)
t(44, lambda: property(fget=1, x=2))
t(45, lambda: staticmethod.__call__(len))
t(46, lambda: staticmethod.__call__(staticmethod(len), 'ab'))
t(47, lambda: staticmethod.__call__('x'))
t(48, lambda: str.__format__(MyStr('s'), range(-2, 5, 2)))
t(49, lambda: str.__format__('s', 1))
t(50, lambda: str.__format__(1, ''))
t(51, lambda: super.__init__(()))
t(52, lambda: super.__init__(-1))
t(53, lambda: super.__init__({}, float('-inf')))
t(54, lambda: super.__init__((1, 'a'), end=1))
t(55, lambda: super.__init__(super(int, 1), int, 1))
t(56, lambda: memoryview.__delitem__(memoryview(b'x'), 0))
t(57, lambda: memoryview.__delitem__(1, 0))
t(58, lambda: memoryview.__delitem__())
t(59, lambda: memoryview.__delitem__(memoryview(bytearray(b'x')), 0))
t(60, lambda: memoryview.toreadonly(memoryview(bytearray(b'x'))).readonly)
t(61, lambda: memoryview.toreadonly('x'))
t(62, lambda: memoryview.toreadonly())
t(63, lambda: memoryview.toreadonly(memoryview(b''), 1))
t(64, lambda: memoryview.__getattribute__(-10**30, 'a'))
t(65, lambda: memoryview.__getattribute__(memoryview(b'a'), 'nbytes'))
t(66, lambda: memoryview.__ne__(0, float('nan')))
t(67, lambda: memoryview.__ne__(memoryview(b'a'), b'a'))
t(68, lambda: memoryview.__eq__(0, 1))
t(69, lambda: type.__delattr__(type, 'utf-8'))
t(70, lambda: type.__delattr__(int, 'x'))
t(71, lambda: type.__delattr__(U, 'x'))
t(72, lambda: type.__delattr__(1, 'x'))
t(73, lambda: type.__setattr__(int, 'x', 1))
t(74, lambda: bytearray.__alloc__())
t(75, lambda: bytearray.__alloc__(bytearray(b'ab')) > 0)
t(76, lambda: bytearray.__alloc__(b''))
t(77, lambda: bytearray.__alloc__(bytearray(), 1))
t(78, lambda: (bytearray().__alloc__(), bytearray(b'a').__alloc__() >= 1))
t(79, lambda: memoryview.__delitem__(memoryview(b'x'), 'a'))
t(80, lambda: memoryview.__getattribute__())
t(81, lambda: memoryview.__getattribute__(memoryview(b'a'), 1))
t(82, lambda: memoryview.__getattribute__(memoryview(b'a'), 'zz'))
t(83, lambda: super.__init__(super(int, 1), 1))
t(84, lambda: super.__init__(super(int, 1), int, 'x'))
t(85, lambda: super.__init__(super(int, 1)))
t(86, lambda: type.__dir__(U)[:0])
t(87, lambda: object.__dir__(1)[:0])
t(88, lambda: object.__dir__())
t(89, lambda: object.__init__())
t(90, lambda: ArithmeticError.__subclasshook__(int))

# bytes() / bytearray() sources and argument checks
class Ix:
    def __index__(self):
        return 3
for args, kw in [((b'x', 'utf-8'), {}), (('x',), {'errors': 'strict'}), ((), {'encoding': 'utf-8'}),
                 ((None, 'utf-8'), {}), (('x', 'utf-8', 'strict', 1), {}), ((1.5,), {}), (([300],), {}),
                 (([-1],), {}), ((['a'],), {}), (('x', 1), {}), (('x', 'utf-8', 1), {}),
                 ((), {'source': 'x', 'encoding': 'ascii'}), ((None,), {}), ((Ix(),), {}), ((2**64,), {}),
                 ((2**63,), {}), ((-1,), {}), ((2**62,), {}), ((3,), {}), ((True,), {}), ((range(3),), {}),
                 ((memoryview(b'ab'),), {}), ((bytearray(b'cd'),), {}), (('\xe9', 'latin-1'), {}),
                 (('x',), {'x': 1}), (('x', 'ascii'), {'encoding': 'ascii'}), ((), {'errors': 'strict'})]:
    for f in [bytes, bytearray]:
        try:
            print(f.__name__, [type(a).__name__ for a in args], kw, f(*args, **kw))
        except Exception as e:
            print(f.__name__, [type(a).__name__ for a in args], kw, type(e).__name__, e)
b = bytearray(b'abc')
print(bytearray.__init__(b, [1, 2]), b, bytearray.__init__(b), b, b.__init__('xy', 'ascii'), b)
# object.__init__ with arguments
class New:
    def __new__(cls, *a):
        return super().__new__(cls)
class Init:
    def __init__(self, *a):
        super().__init__(*a)
print(type(New(1, 2)).__name__, New(1).__init__(5))
t(100, lambda: Init(1))
t(101, lambda: type(Init()).__name__)
t(102, lambda: object.__init__(New(), 1))
# super.__init__ re-binds
class A:
    def f(self):
        return 'A'
class B(A):
    def f(self):
        return 'B'
s = super(B, B())
print(s.f())
super.__init__(s, A, B())
print(s.f() if hasattr(s, 'f') else 'no f', repr(s)[:24])
# staticmethod.__call__, bool's operators, memoryview
print(staticmethod(len)('abc'), staticmethod.__call__(staticmethod(max), 1, 5))
print(bool.__or__(True, False), bool.__and__(True, 1), bool.__xor__(True, True), True | 2, bool.__rand__(False, True))
mv = memoryview(bytearray(b'abc'))
ro = mv.toreadonly()
print(ro.readonly, mv.readonly, ro.tobytes(), ro == mv, ro != mv, mv != b'abd', mv.__ne__(1))
for f in [lambda: ro.__setitem__(0, 1), lambda: ro.__delitem__(0), lambda: mv.__delitem__(0)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
print(sorted(object.__dir__(B()))[-1], 'f' in type.__dir__(B), '__init__' in object.__dir__(B()))
print(sorted(type.__dir__(int)) == sorted(set(type.__dir__(int))), len(type.__dir__(int)) > 40)
