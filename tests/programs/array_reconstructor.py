# array pickling at protocol 3+: array._array_reconstructor with machine format codes (every
# layout: integers of other sizes and byte orders, floats, UTF-16/32), and its errors.
import array, pickle
from array import _array_reconstructor as rec
for tc in array.typecodes:
    a = array.array(tc, 'abc' if tc == 'u' else [1, 2, 3])
    r = a.__reduce_ex__(3)
    print(tc, r[0] is rec, r[1][1:3], pickle.loads(pickle.dumps(a, 4)) == a, a.__reduce_ex__(2)[0].__name__)
print(rec(array.array, 'd', 17, b'\x3f\xf0\x00\x00\x00\x00\x00\x00'))
print(rec(array.array, 'i', 13, b'\x00' * 7 + b'\x05'))
print(rec(array.array, 'f', 15, b'\x3f\x80\x00\x00'))
print(rec(array.array, 'u', 19, b'\x00a\x00b'))
print(rec(array.array, 'b', 3, b'\x01\x00'))
for args in [('', 'b', 0, b''), (str, 'b', 0, b''), (array.array, 'b', '', b''), (array.array, 'b', 0, ''),
             (array.array, '?', 0, b''), (array.array, 'b', 22, b''), (array.array, 'b', -2, b'')]:
    try: rec(*args)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
class A(array.array): pass
x = A('b', [1]); x.attr = 5
y = pickle.loads(pickle.dumps(x, 3)); print(type(y).__name__, y, y.attr)
