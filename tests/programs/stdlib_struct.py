import struct
for f,v in [('h',70000),('B',-1),('b',200),('i','x'),('d','x'),('?',2),('c',b'ab'),('q',2**64), ('<Q', -1), ('<I', 2**32), ('<e', 1e10), ('<h', 40000)]:
  try: print(struct.pack(f,v))
  except Exception as e: print(f, type(e).__name__, e)
try: struct.unpack('i', b'abc')
except Exception as e: print(type(e).__name__, e)
try: struct.pack('ii', 1)
except Exception as e: print(type(e).__name__, e)
print(struct.pack('5s', b'ab'), struct.pack('3p', b'abcdef'), struct.calcsize('@bid'), struct.calcsize('=bid'))
print(struct.pack('<hdf?e', -3, 1.5, 2.25, True, 0.333), struct.pack('>QqIi', 2**64-1, -2**63, 7, -7))
print(struct.unpack('<hdf?e', struct.pack('<hdf?e', -3, 1.5, 2.25, True, 0.333)))
print(struct.unpack('>QqIi', struct.pack('>QqIi', 2**64-1, -2**63, 7, -7)))
for x in [1e-8, 65504.0, 65519.0, 6.1e-5, -0.0, float('inf'), 5.96e-8, 3.0e-8]:
    b = struct.pack('<e', x); print(b, struct.unpack('<e', b))
print(list(struct.iter_unpack('<H', b'abcdef')), struct.unpack_from('<H', b'xxab', 2))
s = struct.Struct('!I2s'); print(s.size, s.format, s.pack(1, b'hi'))
ba = bytearray(8); struct.pack_into('<I', ba, 2, 0xdeadbeef); print(ba)
print(struct.pack('@ci', b'a', 5), struct.pack('@iq', 1, 2))
