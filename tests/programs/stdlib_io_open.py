import io, os, tempfile, errno
s = io.StringIO()
s.write("hello\nworld\n")
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(s.readlines())
b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.readline(), b.read(), b.tell())
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "t.txt")
    with open(p, "w") as f:
        print(f.write("line1\nline2\n"), f.name == p, f.mode)
    with open(p) as f:
        print(repr(f.read()))
    with open(p, "rb") as f:
        print(f.read(), f.tell(), f.seek(2), f.read(3))
    with open(p, "a", encoding="utf-8") as f:
        print(f.write("ünï\n"))
    for line in open(p, encoding="utf-8"):
        print(repr(line))
    with open(p, "r+b") as f:
        f.seek(0, io.SEEK_END)
        print(f.tell())
        f.truncate(5)
    print(os.path.getsize(p), sorted(os.listdir(d)), [e.name for e in os.scandir(d)])
    print(os.path.isfile(p), os.path.isdir(d), os.path.exists(p + "x"))
    with open(p, "xb") if False else open(os.path.join(d, "n.bin"), "xb") as f:
        f.write(bytes(range(10)))
    try:
        open(os.path.join(d, "n.bin"), "x")
    except FileExistsError as e:
        print("FileExistsError", e.errno == errno.EEXIST)
print(type(s).__name__, isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase))
try:
    open("/nonexistent/x")
except FileNotFoundError as e:
    print("FNF", e.errno, e.strerror, e.filename)
print(errno.ENOENT, errno.errorcode[errno.ENOENT], errno.errorcode[11])
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
w.write("a\nb\n")
w.flush()
print(w.buffer.getvalue())
