# memoryview over array.array (the buffer protocol of arrays), multi-dimensional casts, and
# bytes-like arguments taking any buffer (bytes methods, binascii, base64).
import array
import base64
import binascii

a = array.array('i', [1, 2, 3, -1])
m = memoryview(a)
print(m.format, m.itemsize, m.shape, m.strides, m.nbytes, m.readonly, m.obj is a, len(m))
print(m.tobytes(), m.tolist(), m[1], m[-1], bytes(m[1:3]), m[1:3].tolist())
b = m.cast('B')
print(b.format, len(b), b[4], b.tolist()[:8])
b[0] = 7
print(a, m[0], m == array.array('i', [7, 2, 3, -1]), m == a, m == array.array('i', [0]))
print(memoryview(array.array('d', [1.5, -2.0])).tolist(), memoryview(array.array('u', 'ab')).format)
try:
    memoryview(array.array('u', 'ab')).tolist()
except NotImplementedError as e:
    print(e)

x = memoryview(b"123456").cast('B', (2, 3))
print(x.ndim, x.shape, x.strides, len(x), x.tolist(), x.tobytes(), bytes(x))
print(x == memoryview(b"123456"), x.cast('B').shape, x.toreadonly().shape)
y = memoryview(bytearray(range(8))).cast('B', [2, 2, 2])
print(y.tolist(), y.strides, memoryview(b"12345678").cast('I', (2,)).shape)
for bad in [lambda: x[0], lambda: list(x), lambda: x.cast('B', (6, 1)),
            lambda: memoryview(b'1234').cast('B', (3,)), lambda: memoryview(b'12').cast('B', (0, 2))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

print(b"abc".replace(memoryview(b"b"), array.array('B', b"xy")), memoryview(b"b") in b"abc")
print(bytes(array.array('h', [1, 2])), bytearray(array.array('B', [65, 66])), b"-".join([b"a"]))
print(base64.b64encode(array.array('B', b'abc')), base64.b64decode(array.array('B', b'YWJj')))
print(base64.b32encode(memoryview(b"abcd").cast('B', (2, 2))), binascii.hexlify(array.array('H', [1, 258])))
print(binascii.crc32(array.array('B', b"abc")), binascii.a2b_base64(memoryview(b"YWJj")))
for f, arg in [(binascii.b2a_base64, []), (binascii.a2b_base64, []), (binascii.hexlify, "ab"),
               (base64.encodebytes, memoryview(b"1234").cast('I'))]:
    try:
        f(arg)
    except TypeError as e:
        print(e)
