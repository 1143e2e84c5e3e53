from array import array, typecodes, ArrayType
import array as array_mod, pickle, copy
print(typecodes, ArrayType is array)
for c in typecodes:
    a = array(c)
    print(c, a.itemsize, repr(a), len(a))
for c in 'bBhHiIlLqQ':
    for v in (10**30, -10**30, -1, 200, -200, 70000, -70000, 2**32, 2**31, 2**63, 2**64):
        try:
            a = array(c, [v])
            print(c, v, 'ok', a[0])
        except Exception as e:
            print(c, v, type(e).__name__, e)
for c, v in (('b', 1.5), ('d', 'x'), ('u', 3), ('u', 'ab'), ('b', 'x'), ('f', None)):
    try: array(c, [v])
    except Exception as e: print(c, repr(v), type(e).__name__, e)
for bad in ('z', 'bb', 5):
    try: array(bad)
    except Exception as e: print(type(e).__name__, e)
try: array('b', 'abc')
except Exception as e: print(type(e).__name__, e)
print(array('b', b'\x01\xff'), array('u', 'hi'), array('f', [1.5, 2]), array('d', range(3)))
a = array('i', [1, 2, 3])
print(a[1:], a[::-1], a * 2, 2 * a, a + a, a.buffer_info()[1], a == array('i', [1, 2, 3]),
      a < array('i', [1, 2, 4]), a != array('d', [1, 2, 3]), a == [1, 2, 3])
for expr in ("a + array('d')", "a[5]", "a[-4]", "a.index(9)", "a.remove(9)", "array('i').pop()",
             "a.pop(10)", "a.__setitem__(0, 'x')", "a.frombytes(b'123')", "a.__setitem__(slice(1, 2), [1])",
             "a.__setitem__(slice(None, None, 2), array('i', [1]))", "a.tounicode()",
             "a.extend(array('d', [1.0]))", "a.fromlist((1,))", "a['x']", "a + [1]", "a * 'x'",
             "array('i').fromunicode('x')", "a.__delitem__(7)"):
    try:
        print(expr, '->', eval(expr))
    except Exception as e:
        print(expr, '->', type(e).__name__, e)
a = array('d', [0.5]) * 5
a[2] = 7
a[-1] = 3
print(a, len(a), a.count(0.5), a.index(7.0), 7 in a, 8 in a)
a.append(1.25); a.insert(0, -1); a.insert(-100, -2); a.insert(100, 99)
print(a, a.pop(), a.pop(0), a)
a.remove(0.5); a.reverse()
print(a, a.tolist())
del a[1]; del a[::2]
print(a)
a[1:1] = array('d', [8, 9])
print(a)
a[:] = array('d', [4, 5, 6, 7])
a[::2] = array('d', [0, 0])
print(a)
a += array('d', [1])
a *= 2
print(a)
a.extend([1, 2]); a.extend(array('d', [3])); a.fromlist([4.5])
print(a)
b = array('h', [1, 256, -2])
raw = b.tobytes(); print(raw, bytes(b))
b.byteswap(); print(b)
c = array('h'); c.frombytes(raw); print(c)
u = array('u', 'héllo'); u.fromunicode('!'); print(u, u.tounicode(), u[1])
q = array('Q', [2**64 - 1]); print(q, q[0])
print(pickle.loads(pickle.dumps(array('i', [5, 6]))), copy.copy(a) == a, copy.deepcopy(a) is not a)
print(list(array('B', [1, 2, 3])), sum(array('i', range(10))), sorted(array('b', [3, 1, 2])))
print(array('i', [1, 2, 3, 2]).index(2, 2), array('f', [0.1])[0])
class Sub(array):
    pass
s = Sub('i', [1, 2])
print(type(s).__name__, s, type(s[:1]).__name__, isinstance(s, array))
print(array('b', [1, 2, 3, 4, 5])[1:4:2], array('i', [1, 2]) <= array('i', [1, 2]), array('i') > array('i'))
