# struct format sizes, and repeat counts too large for the total size (struct.error, found before
# anything is built, as CPython's prepare_s does).
import struct
import sys
for f in ['', 'b', '3b', 'bH', '<bH', '@bHi', 'x3s2xq', '5p', '0s', '?e3fd', '=bhilq', '!2Hx', ' b h ', '3x', 'bq0q']:
    s = struct.Struct(f)
    print(f, s.size, struct.calcsize(f))
print(struct.pack('<bH3s2xq', 1, 2, b'ab', 7), struct.unpack('@bHi', struct.pack('@bHi', -1, 65535, -5)))
print(struct.pack('5p', b'abc'), struct.unpack('x3s2xq', b'\0abc\0\0' + bytes(10)))
hugecount = '{}b'.format(sys.maxsize+1)
try:
    struct.calcsize(hugecount)
except Exception as e:
    print(type(e).__name__, e)
hugecount2 = '{}b{}H'.format(sys.maxsize//2, sys.maxsize//2)
try:
    struct.calcsize(hugecount2)
except Exception as e:
    print(type(e).__name__, e)
