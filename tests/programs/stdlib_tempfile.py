# tempfile: named and anonymous temporary files and directories, cleanup, prefixes/suffixes.
import os, tempfile

d = tempfile.mkdtemp(prefix="cpjit-", suffix=".d")
print(os.path.isdir(d), os.path.basename(d).startswith("cpjit-"), d.endswith(".d"))
fd, path = tempfile.mkstemp(dir=d, suffix=".txt", text=True)
os.write(fd, b"hello\n")
os.close(fd)
with open(path) as f:
    print(repr(f.read()), path.startswith(d), path.endswith(".txt"))

with tempfile.TemporaryFile(dir=d) as f:
    f.write(b"anonymous")
    f.seek(0)
    print(f.read(), f.mode)

with tempfile.NamedTemporaryFile("w+", dir=d, suffix=".log", delete=True) as f:
    f.write("named\nfile\n")
    f.flush()
    f.seek(0)
    print(f.readlines(), os.path.exists(f.name), f.name.endswith(".log"))
    name = f.name
print(os.path.exists(name))

with tempfile.NamedTemporaryFile(dir=d, delete=False) as f:
    f.write(b"kept")
    kept = f.name
print(os.path.exists(kept), open(kept, "rb").read())
os.unlink(kept)

with tempfile.TemporaryDirectory(dir=d, prefix="inner") as td:
    p = os.path.join(td, "sub", "x.bin")
    os.makedirs(os.path.dirname(p))
    with open(p, "wb") as f:
        f.write(bytes(range(5)))
    print(sorted(os.listdir(td)), os.path.getsize(p), os.path.basename(td).startswith("inner"))
print(os.path.exists(td))

with tempfile.SpooledTemporaryFile(max_size=10, dir=d) as f:
    f.write(b"small")
    print(f._rolled)
    f.write(b" and now larger than ten")
    print(f._rolled)
    f.seek(0)
    print(f.read())

t = tempfile.TemporaryDirectory(dir=d)
print(os.path.isdir(t.name))
t.cleanup()
print(os.path.isdir(t.name))
print(isinstance(tempfile.gettempdir(), str), isinstance(tempfile.gettempdirb(), bytes),
      tempfile.gettempprefix(), len(next(tempfile._get_candidate_names())))
os.unlink(path)
os.rmdir(d)
print(os.path.exists(d))
