# Issue 12: methods and operations of immutable types return the object itself when nothing
# changes, as CPython's do (`b.strip()` with nothing to strip is `b`).
b = b"abc"
s = "abc"
t = (1, 2)
f = frozenset([1])
print("bytes methods", b.strip() is b, b.lstrip() is b, b.rstrip() is b, b.strip(b"x") is b)
print("bytes replace", b.replace(b"x", b"y") is b, b.replace(b"a", b"z") is b)
print("bytes pad", b.ljust(2) is b, b.rjust(3) is b, b.center(1) is b, b.zfill(3) is b)
print("bytes prefix", b.removeprefix(b"z") is b, b.removesuffix(b"z") is b)
print("bytes split", b.split()[0] is b, b.split(b",")[0] is b, b.rsplit(b",")[0] is b)
print("bytes partition", b.partition(b"z")[0] is b, b.rpartition(b"z")[2] is b)
print("bytes ops", b[:] is b, b[0:3] is b, bytes(b) is b, (b * 1) is b, b"".join([b]) is b)
print("bytes changed", b.strip(b"a") is b, b[1:] is b, (b * 2) is b, b.upper() is b)
ba = bytearray(b"abc")
print("bytearray", ba.strip() is ba, ba[:] is ba, bytearray(ba) is ba, ba.replace(b"x", b"y") is ba)


class B(bytes):
    pass


bb = B(b"abc")
print("bytes subclass", bb.strip() is bb, type(bb.strip()).__name__, bb[:] is bb)
print("str methods", s.strip() is s, s.lstrip() is s, s.rstrip() is s, s.replace("x", "y") is s)
print("str pad", s.ljust(2) is s, s.rjust(3) is s, s.center(3) is s, s.zfill(1) is s)
print("str more", s.expandtabs() is s, str(s) is s, s[:] is s, (s * 1) is s, "".join([s]) is s)
print("str parts", s.partition("z")[0] is s, s.rpartition("z")[2] is s, s.split()[0] is s, s.rsplit("z")[0] is s)
print("str format", s.format() is s, s.format_map({}) is s, s.removeprefix("z") is s, s.removesuffix("z") is s)
print("str changed", s.upper() is s, s.replace("a", "b") is s, s[1:] is s, (s * 2) is s)
print("tuple", t[:] is t, t[0:] is t, t[::1] is t, tuple(t) is t, (t * 1) is t, t[1:] is t)
print("frozenset", frozenset(f) is f, f.copy() is f)
