# Exception constructors that parse their arguments (Unicode errors, SyntaxError details),
# BaseException.__reduce__/__setstate__, per-class __init__ descriptors (issue 12).
from helpers.show import show
e = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte')
print(e, e.args, e.encoding, e.object, e.start, e.end, e.reason)
print(UnicodeDecodeError('utf-8', bytearray(b'abc'), 0, 2, 'bad'))
print(UnicodeEncodeError('ascii', '\xe9\u20ac\U0001d11e', 0, 1, 'nope'))
print(UnicodeEncodeError('ascii', '\xe9\u20ac\U0001d11e', 1, 2, 'nope'))
print(UnicodeEncodeError('ascii', '\xe9\u20ac\U0001d11e', 2, 3, 'nope'))
print(UnicodeEncodeError('ascii', 'abc', 0, 3, 'nope'))
print(UnicodeTranslateError('abc', 1, 2, 'why'), UnicodeTranslateError('abc', 1, 3, 'why'))
show("decode 2 args", lambda: UnicodeDecodeError('a', 'b'))
show("decode list", lambda: UnicodeDecodeError('a', [1], 0, 1, 'r'))
show("encode int", lambda: UnicodeEncodeError(1, 'x', 0, 1, 'r'))
show("encode float start", lambda: UnicodeEncodeError('a', 'x', 0.5, 1, 'r'))
show("encode big start", lambda: UnicodeEncodeError('a', 'x', 2**64, 1, 'r'))
show("translate 1 arg", lambda: UnicodeTranslateError(2**64))
show("translate bad", lambda: UnicodeTranslateError('x', 0, 1, 5))
e = SyntaxError('m', ('dir/f.py', 1, 2, 'x = ', 1, 3))
print(e, e.args, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
print(SyntaxError('m', ('f.py', 3, 2, 'x')), SyntaxError('m', (None, 3, 2, 'x')), SyntaxError('m', ('f', None, 2, 'x')))
show("syntax short", lambda: SyntaxError((1, 'a'), (1, 'a')))
show("syntax long", lambda: SyntaxError('m', (1, 2, 3, 4, 5, 6, 7)))
show("syntax int details", lambda: SyntaxError('m', 5))
show("indentation short", lambda: IndentationError(int, frozenset({3})))
print(SyntaxError('just msg'), SyntaxError(), SyntaxError('a', 'b', 'c'))
print(ValueError(1, 2).__reduce__())
class E(Exception): pass
x = E(1); x.a = 5
print(x.__reduce__())
x.__setstate__({'b': 6}); print(x.b)
show("setstate int", lambda: x.__setstate__(5))
show("EOFError.__init__(ValueError)", lambda: EOFError.__init__(ValueError('x')))
show("ValueError.__init__ subclass", lambda: ValueError.__init__(UnicodeError('x'), 1, 2))
show("ArithmeticError.__reduce__(list)", lambda: ArithmeticError.__reduce__([]))
try:
    compile('x x', 'f', 'exec')
except SyntaxError as e:
    print(e, e.args[0])
try:
    eval('(')
except SyntaxError as e:
    print(str(e))
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e, e.start, e.end)
try:
    '\xe9'.encode('ascii')
except UnicodeEncodeError as e:
    print(e, e.start, e.end)
