# io.StringIO: cpjit's accumulator-based StringIO against CPython's stringio.c: newline modes,
# seeking past the end, truncation, closed and bad-argument errors, pickling, subclasses.
import io, pickle, copy
s = io.StringIO()
print(s.write("abc\n"), s.write("def"), repr(s.getvalue()), s.tell())
s.seek(0); print(repr(s.readline()), repr(s.read()), s.tell())
s.seek(10); s.write("x"); print(repr(s.getvalue()))
s.seek(1); s.write("ZZ"); print(repr(s.getvalue()), s.tell())
print(s.truncate(3), repr(s.getvalue()), s.tell())
for nl in [None, "", "\n", "\r", "\r\n"]:
    t = io.StringIO("a\nb\r\nc\rd", newline=nl)
    print(repr(nl), repr(t.getvalue()), list(t), t.newlines)
    t = io.StringIO(newline=nl); t.write("x\ny\r\nz\r"); t.seek(0); print(repr(t.read()), t.newlines, repr(t.readline(1)))
for bad in [lambda: io.StringIO(1), lambda: io.StringIO("", newline=1), lambda: io.StringIO("", newline="x"),
            lambda: io.StringIO().write(b"x"), lambda: io.StringIO().read(1.5), lambda: io.StringIO().seek(-1),
            lambda: io.StringIO().seek(1, 1), lambda: io.StringIO().seek(0, 5), lambda: io.StringIO().truncate(-1),
            lambda: io.StringIO().seek(1.5), lambda: io.StringIO().detach(), lambda: io.StringIO().fileno()]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
c = io.StringIO("q"); c.close()
for m in ["read", "write", "getvalue", "tell", "readline", "seekable", "readable", "truncate", "newlines", "line_buffering", "closed"]:
    try:
        a = getattr(c, m)
        print(m, a("x") if m == "write" else (a() if callable(a) else a))
    except Exception as e: print(m, type(e).__name__, e)
s = io.StringIO("hello\nworld\n"); s.foo = 1
s2 = pickle.loads(pickle.dumps(s)); print(repr(s2.getvalue()), s2.foo, s2.tell())
s3 = copy.copy(s); print(repr(s3.getvalue()))
print(s.__getstate__())
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), type(s).__name__, type(s).__module__, repr(s)[:16])
print(vars(io.StringIO()), s.readlines(), s.encoding, s.errors, s.isatty(), s.line_buffering)
class Sub(io.StringIO):
    def readline(self, *a): return super().readline(*a).upper()
print(list(Sub("a\nb\n")))
with io.StringIO() as w:
    print("hi", file=w); print("there", 3, file=w); print(repr(w.getvalue()))
print(w.closed)
s = io.StringIO(); s.writelines(["a", "b"]); print(s.getvalue(), s.seek(0, 2), s.read(), s.seek(0), s.read(-1), s.read(None))
s = io.StringIO("abc"); s.seek(5); print(repr(s.read()), s.tell(), repr(s.getvalue()))
s = io.StringIO("abc"); s.read(1); s.truncate(); print(repr(s.getvalue()))
