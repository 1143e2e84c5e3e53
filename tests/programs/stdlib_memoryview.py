# memoryview over bytes and bytearray: attributes, cast, tolist, slices, item assignment.
m = memoryview(b'abcdefgh')
print(m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides, len(m), m[0], m[1:3].tobytes(), m.tolist())
c = m.cast('I'); print(c.format, c.itemsize, len(c), c.tolist(), c[1], c.nbytes, c.shape)
print(m.hex(), m == b'abcdefgh', list(m[:2]), m.cast('c').tolist()[:2], m.cast('b')[0])
for f in [lambda: memoryview('x'), lambda: memoryview(b'abc').cast('I'), lambda: m.cast('I').cast('H'), lambda: m[10], lambda: m.cast('Z'), lambda: m.__setitem__(0, 1)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
mb = memoryview(bytearray(b'xyz')); mb[0] = 65; print(mb.obj, mb.readonly)
mb[1:3] = b'QQ'; print(mb.obj)
print(hash(memoryview(b'ab')) == hash(b'ab'))
with memoryview(b'ab') as v: print(v[1])
print(type(m), isinstance(m, memoryview))
