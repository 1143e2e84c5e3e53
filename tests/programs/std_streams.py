# sys.stdin / sys.stdout / sys.stderr offer CPython's interface: attributes, the buffer and raw
# layers, their errors, reconfigure(), and output written through print, write and
# buffer.write in CPython's order (children run with and without -u: the order differs).
import os
import subprocess
import sys

NAMES = ["buffer", "raw", "read", "read1", "readall", "readline", "readlines", "readinto",
         "peek", "write", "writelines", "flush", "close", "closed", "detach", "fileno", "isatty",
         "readable", "writable", "seekable", "tell", "seek", "truncate", "reconfigure", "name",
         "mode", "encoding", "errors", "newlines", "line_buffering", "write_through", "closefd",
         "__enter__", "__exit__", "__iter__", "__next__"]


def report(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for s in (sys.stdin, sys.stdout, sys.stderr, sys.stdin.buffer, sys.stdin.buffer.raw):
    print(type(s).__name__, type(s).__module__, [n for n in NAMES if hasattr(s, n)])
for s in (sys.stdout, sys.stderr):
    print(type(s.buffer).__name__ in ("BufferedWriter", "FileIO"), [n for n in NAMES if hasattr(s.buffer, n)][:8])
print(repr(sys.stdout), repr(sys.stdin), repr(sys.stderr))
print(repr(sys.stdin.buffer), repr(sys.stdin.buffer.raw))
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s.name, s.mode, s.encoding, s.fileno(), s.isatty(), s.readable(), s.writable(),
          s.closed, s.newlines, s.buffer.name, s.buffer.mode, getattr(s.buffer, "raw", s.buffer).closefd, s._CHUNK_SIZE)
print(sys.stdout.seekable(), sys.stdin.buffer.raw.mode, sys.stderr.errors, sys.stdin.line_buffering)
print(sys.__stdout__ is sys.stdout, sys.stdout.buffer is sys.stdout.buffer)

# Errors, as CPython words them.
report("text write bytes", sys.stdout.write, b"x")
report("text write int", sys.stdout.write, 3)
report("text write 0 args", sys.stdout.write)
report("buffer write str", sys.stdout.buffer.write, "x")
report("buffer write int", sys.stdout.buffer.write, 3)
report("buffer writelines str", sys.stdout.buffer.writelines, ["x"])
report("writelines int", sys.stdout.writelines, 3)
report("stdout read", sys.stdout.read)
report("stdout readline", sys.stdout.readline)
report("stdout buffer read", sys.stdout.buffer.read)
report("stdout tell", sys.stdout.tell)
report("stdout seek", sys.stdout.seek, 0)
report("stdout buffer seek", sys.stdout.buffer.seek, 0)
report("stdin write", sys.stdin.write, "x")
report("stdin buffer write", sys.stdin.buffer.write, b"x")
report("stdin raw write", sys.stdin.buffer.raw.write, b"x")
report("stdin read str", sys.stdin.read, "x")
report("stdin readline str", sys.stdin.readline, "x")
report("stdin buffer readline str", sys.stdin.buffer.readline, "x")
report("stdin truncate", sys.stdin.truncate)
report("reconfigure positional", sys.stdout.reconfigure, 1)
report("reconfigure errors int", sys.stdout.reconfigure, errors=3)
report("reconfigure encoding int", sys.stdout.reconfigure, encoding=3)
report("reconfigure unknown kw", sys.stdout.reconfigure, foo=3)
report("reconfigure line_buffering str", sys.stdout.reconfigure, line_buffering="x")
report("reconfigure write_through float", sys.stdout.reconfigure, write_through=1.5)
report("reconfigure newline int", sys.stdout.reconfigure, newline=3)
report("reconfigure newline x", sys.stdout.reconfigure, newline="x")
report("reconfigure encoding unknown", sys.stdout.reconfigure, encoding="nonesuch")
sys.stdout.foo = 1
print(sys.stdout.foo, vars(sys.stdout), vars(sys.stdin.buffer.raw))
report("stdin read", sys.stdin.read)
report("stdin buffer read", sys.stdin.buffer.read, 4)
report("stdin readlines", sys.stdin.readlines)
report("stdin buffer iter", list, sys.stdin.buffer)

# reconfigure: encodings and handlers apply to later writes.
sys.stdout.reconfigure(encoding="latin-1", errors="replace")
print(sys.stdout.encoding, sys.stdout.errors, repr(sys.stdout))
report("latin-1 write", sys.stdout.write, "caf\u00e9 \u20ac\n")
sys.stdout.reconfigure(errors="strict")
report("latin-1 strict", sys.stdout.write, "\u20ac\n")
sys.stdout.reconfigure(encoding="utf-8", line_buffering=True)
print(sys.stdout.encoding, sys.stdout.errors, sys.stdout.line_buffering)
sys.stdout.reconfigure(line_buffering=False, errors="surrogateescape")
print(sys.stdout.line_buffering, sys.stdout.errors)
sys.stdout.flush()

CHILD = r'''
import sys
out = sys.stdout
out.write("a"); out.buffer.write(b"b"); print("c")
print("d"); out.buffer.write(b"e\n"); print("f")
out.write("A" * 8000); out.buffer.write(b"X"); out.write("B" * 500); out.buffer.write(b"Y\n")
print(type(out.buffer).__name__, out.write_through, out.line_buffering, out.buffer.write(b"xyz"))
out.writelines(["l", "m\n"]); out.buffer.writelines([b"n", bytearray(b"o"), memoryview(b"p\n")])
print("g", flush=True); out.buffer.write(b"h\n")
sys.stderr.write("s"); sys.stderr.buffer.write(b"t"); sys.stderr.write("u\n")
sys.stdout = __import__("io").TextIOWrapper(out.detach(), encoding="utf-8", line_buffering=True)
print("after detach", sys.stdout.encoding)
try:
    out.write("x")
except ValueError as e:
    print("ValueError", e)
sys.stdout.close()
try:
    print("closed")
except ValueError as e:
    sys.stderr.write("ValueError\n")
'''
env = dict(os.environ)
env.pop("PYTHONUNBUFFERED", None)
for flags in ([], ["-u"]):
    r = subprocess.run([sys.executable, *flags, "-c", CHILD], capture_output=True, env=env)
    out = r.stdout.replace(b"A" * 8000, b"A*8000").replace(b"B" * 500, b"B*500")
    print(flags, r.returncode, out, r.stderr)

# Closing stdout: later writes raise, as in CPython.
sys.stdout.close()
try:
    print("not shown")
except ValueError as e:
    sys.stderr.write("ValueError: %s\n" % e)
print("stderr still works", file=sys.stderr)
