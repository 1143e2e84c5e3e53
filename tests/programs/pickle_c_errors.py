# pickle's errors are those of CPython's C _pickle (cpjit runs pickle's pure-Python classes):
# local objects, failed attribute lookups and imports, input that ends, unknown opcodes.
import pickle, io, re


def T(f):
    try:
        print(repr(f())[:120])
    except Exception as e:
        print(type(e).__name__, re.sub(r"0x[0-9a-f]+", "0x?", str(e)))


def outer():
    def inner(): pass
    class Local: pass
    return inner, Local


inner, Local = outer()
T(lambda: pickle.dumps(inner)); T(lambda: pickle.dumps(Local)); T(lambda: pickle.dumps(Local()))
T(lambda: pickle.dumps(lambda: 1))
T(lambda: pickle.dumps(lambda: 1, protocol=0))


def f(): pass


f.__qualname__ = "nosuch"
T(lambda: pickle.dumps(f))


def h(): pass


h.__module__ = "fake_mod_not_importable"
T(lambda: pickle.dumps(h))
T(lambda: pickle.loads(b"")); T(lambda: pickle.load(io.BytesIO(b"")))
for data in (b"\x80\x04K", b"\x80\x04\x95\x05\x00", b"\xff", b"'", b"\\", b"\x80\x04\x8c\x05ab",
             b"(lp0\nI1", b"}q\x00X\x01\x00\x00\x00aq", pickle.dumps(list(range(5)))[:-3],
             pickle.dumps({"a": [1.5, "x"]}), pickle.dumps([1, {2: 3}], 0), b"garbage"):
    T(lambda: pickle.loads(data))


class C:
    def m(self): pass


T(lambda: pickle.loads(pickle.dumps(C.m)) is C.m)
