# Subclasses of bytearray: construction through __init__, methods, repr/str naming the subclass,
# __slots__, pickling and copying (bytearray's own __reduce_ex__).
class B(bytearray):
    pass
b = B(b"hello")
print(b, type(b).__name__, len(b), b[1], b.upper(), bytes(b), isinstance(b, bytearray))
b.append(33); b.extend(b"xy"); b += b"zz"
print(b, type(b))
b[0] = 72
print(b, b == bytearray(b"Hello!xyzz"), b.decode())
print(memoryview(b).tobytes())
class C(bytearray):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.extra = 1
c = C("abc", "ascii")
print(c, c.extra, c.__dict__)
print(B(3), B(), B([1,2,3]))
print(repr(B(b"x")), str(B(b"x")))
import pickle, copy
print(pickle.loads(pickle.dumps(B(b"abc"))), copy.copy(B(b"q")), copy.deepcopy(C(b"w")))
b2 = B(b"abc"); b2.x = 5
print(pickle.loads(pickle.dumps(b2, 2)).x)
try:
    bytearray.__init__(b"abc", b"x")
except TypeError as e:
    print(e)
print(b"".join([B(b"a"), b"b"]), B(b"ab") + b"c", b"c" + B(b"ab"))
print(B(b"a,b").split(b","), B(b"abc")[1:], type(B(b"abc")[1:]))
print(hash(bytes(B(b'a'))) == hash(b'a'))
class S(bytearray):
    __slots__ = ('tag',)
s = S(b'slot'); s.tag = 'T'
print(s, s.tag, pickle.loads(pickle.dumps(s)).tag)
try:
    s.other = 1
except AttributeError as e:
    print('AttributeError', e)
print(str(S(b'1')), f"{B(b'f')}", [B(b'l')])
