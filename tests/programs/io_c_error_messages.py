# The io classes' errors are worded as CPython's C _io words them (cpjit's io is built on
# _pyio, whose messages differ); also heapq's and deque.index's.
import io, os, tempfile, heapq, collections


def T(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = tempfile.mkdtemp()
p = os.path.join(d, "f")
f = open(p, "w")
T(lambda: f.write(5)); T(lambda: f.write(b"x")); T(lambda: f.write(None))
f.close()
T(lambda: f.write("x")); T(lambda: f.read()); T(lambda: f.readline())
f = open(p, "wb")
T(lambda: f.write("s")); T(lambda: f.write(5)); T(lambda: f.write(bytearray(b"ok")))
f.close()
f = open(p, "rb", buffering=0)
f.close()
T(lambda: f.read()); T(lambda: f.write(b"x")); T(lambda: f.seek(0))
f = open(p, "r")
T(lambda: f.write("x")); T(lambda: f.seek(0, 5)); T(lambda: f.read("x")); T(lambda: f.read(2))
f.close()
os.remove(p)
os.rmdir(d)
s = io.StringIO("hello")
T(lambda: s.write(5)); T(lambda: s.seek(-1)); T(lambda: s.seek(1, 1)); T(lambda: s.seek(0, 3))
T(lambda: s.seek("x")); T(lambda: s.read("x")); T(lambda: s.truncate(-1)); T(lambda: s.readline(None))
T(lambda: s.fileno()); T(lambda: s.detach())
s.close()
T(lambda: s.write("x")); T(lambda: s.getvalue()); T(lambda: s.read())
b = io.BytesIO(b"abc")
T(lambda: b.write("s")); T(lambda: b.seek(-1)); T(lambda: b.seek(0, 3)); T(lambda: b.seek("x"))
T(lambda: b.truncate(-1)); T(lambda: b.read("x")); T(lambda: b.write(memoryview(b"xy")))
T(lambda: b.getvalue()); T(lambda: b.fileno())
b.close()
T(lambda: b.write(b"x")); T(lambda: b.getvalue()); T(lambda: b.read())
T(lambda: io.BytesIO("x")); T(lambda: io.BytesIO(bytearray(b"q")).read())
T(lambda: heapq.heapify(None)); T(lambda: heapq.heappush(None, 1)); T(lambda: heapq.heappop(()))
dq = collections.deque([1, 2, 3, 2])
T(lambda: dq.index(5)); T(lambda: dq.index(2)); T(lambda: dq.index(2, 2)); T(lambda: dq.index(2, -1))
T(lambda: dq.index(1, 1)); T(lambda: dq.index(3, 0, -1)); T(lambda: dq.index(3, 0, 2))
