# lzma.LZMAFile / lzma.open (binary and text) over `_lzma`, and the stdlib users of lzma:
# tarfile's 'w:xz'/'r:xz' and shutil's xztar archives, in a temporary directory.
import hashlib, io, lzma, os, shutil, tarfile, tempfile


def h(b):
    return "%d:%s" % (len(b), hashlib.sha256(b).hexdigest()[:16])


data = b"".join(b"record %05d %s\n" % (i, b"abc" * (i % 11)) for i in range(4000))
buf = io.BytesIO()
with lzma.LZMAFile(buf, "wb", preset=4) as f:
    print(f.write(data[:50000]), f.write(memoryview(data[50000:])), f.tell())
print("file", h(buf.getvalue()))
buf.seek(0)
with lzma.LZMAFile(buf) as f:
    print(f.read(10), f.readline(), len(f.read(1000)), f.tell(), f.seekable())
    f.seek(100000)
    print(f.tell(), f.read(12), f.peek(1)[:1])
    f.seek(5)
    print(f.read(7), sum(1 for _ in f), f.read())
buf.seek(0)
with lzma.open(buf, "rb") as f:
    print(f.read() == data)

for kw in ({"format": lzma.FORMAT_ALONE}, {"check": lzma.CHECK_SHA256},
           {"format": lzma.FORMAT_RAW, "filters": [{"id": lzma.FILTER_DELTA, "dist": 2},
                                                   {"id": lzma.FILTER_LZMA2, "preset": 1}]}):
    b = io.BytesIO()
    with lzma.open(b, "wb", **kw) as f:
        f.write(data)
    raw = b.getvalue()
    rkw = dict(kw)
    rkw.pop("check", None)
    with lzma.open(io.BytesIO(raw), "rb", **rkw) as f:
        print("open", sorted(kw), h(raw), f.read() == data)

b = io.BytesIO()
with lzma.open(b, "wt", encoding="utf-8", newline="\n") as f:
    f.write("héllo wörld\n")
    f.write("second line ✓\n" * 3)
print("text", h(b.getvalue()))
b.seek(0)
with lzma.open(b, "rt", encoding="utf-8") as f:
    print(f.readline(), f.readlines())
b.seek(0)
with lzma.open(b, "rt", encoding="latin-1", errors="replace") as f:
    print(repr(f.read(20)))

# Two streams in a row, then trailing garbage, read through LZMAFile.
two = lzma.compress(b"one\n") + lzma.compress(b"two\n", format=lzma.FORMAT_ALONE)
print(lzma.LZMAFile(io.BytesIO(two)).read())
try:
    print(lzma.LZMAFile(io.BytesIO(lzma.compress(b"x") + b"garbage!" * 4)).read())
except lzma.LZMAError as e:
    print("LZMAError", e)
try:
    lzma.LZMAFile(io.BytesIO(lzma.compress(b"abc" * 100)[:-7])).read()
except EOFError as e:
    print("EOFError", e)

old = os.getcwd()
with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    try:
        os.mkdir("src")
        with open("src/a.txt", "wb") as f:
            f.write(data)
        with open("src/b.bin", "wb") as f:
            f.write(bytes(range(256)) * 64)
        with lzma.open("plain.xz", "wb") as f:
            f.write(data)
        with open("plain.xz", "rb") as f:
            print("path file", h(f.read()))
        with lzma.open("plain.xz") as f:
            print(f.read() == data, f.name if hasattr(f, "name") else "-")
        with lzma.open("plain.txt.xz", "wt", encoding="ascii") as f:
            print(f.write("text mode file\n" * 10))
        with lzma.open("plain.txt.xz", "rt", encoding="ascii") as f:
            print(f.read().count("\n"))
        with lzma.open("plain.xz", "ab") as f:
            f.write(b"appended")
        print(lzma.open("plain.xz").read()[-20:])
        with tarfile.open("arch.tar.xz", "w:xz", preset=1) as tf:
            for name in ("src/a.txt", "src/b.bin"):
                info = tf.gettarinfo(name)
                info.mtime = 1000000000
                info.uid = info.gid = 0
                info.uname = info.gname = "root"
                info.mode = 0o644
                with open(name, "rb") as f:
                    tf.addfile(info, f)
        with tarfile.open("arch.tar.xz", "r:xz") as tf:
            print([(m.name, m.size) for m in tf.getmembers()])
            print(h(tf.extractfile("src/b.bin").read()))
            tf.extractall("out")
        with open("out/src/a.txt", "rb") as f:
            print("extracted", f.read() == data)
        with tarfile.open("arch.tar.xz") as tf:
            print("auto", tf.getnames())
        with open("arch.tar.xz", "rb") as f:
            print("tar.xz", h(f.read()))
        name = shutil.make_archive("shut", "xztar", root_dir="src")
        print(os.path.basename(name), [f for f in shutil.get_archive_formats() if f[0] == "xztar"])
        shutil.unpack_archive(name, "unpacked")
        print(sorted(os.listdir("unpacked")))
        with open("unpacked/b.bin", "rb") as f:
            print(f.read() == bytes(range(256)) * 64)
    finally:
        os.chdir(old)
