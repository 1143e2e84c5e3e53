# `_bz2` (BZ2Compressor/BZ2Decompressor over the bzip2 crate) and the stdlib bz2 module over it.
import bz2, _bz2, io, pickle
data = b"hello world " * 1000 + bytes(range(256)) * 50
c = bz2.compress(data)
print(len(c), c[:16], c == bz2.compress(data))
print(bz2.decompress(c) == data)
print(bz2.decompress(c + c) == data * 2)
for lvl in (1, 5, 9):
    print(lvl, len(bz2.compress(data, lvl)))
comp = _bz2.BZ2Compressor(3)
parts = [comp.compress(data[i:i+1000]) for i in range(0, len(data), 1000)]
parts.append(comp.flush())
blob = b"".join(parts)
print(len(blob), bz2.decompress(blob) == data)
for e in [lambda: comp.flush(), lambda: comp.compress(b"x"), lambda: _bz2.BZ2Compressor(0),
          lambda: _bz2.BZ2Compressor(10), lambda: bz2.decompress(b"not bz2 data at all"),
          lambda: pickle.dumps(_bz2.BZ2Compressor()), lambda: pickle.dumps(_bz2.BZ2Decompressor()),
          lambda: _bz2.BZ2Compressor().compress("str"), lambda: bz2.decompress(c[:-5])]:
    try:
        print(e())
    except Exception as ex:
        print(type(ex).__name__, ex)
d = _bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
out = d.decompress(c[:100], 10)
print(len(out), d.eof, d.needs_input)
out += d.decompress(b"", 5000)
print(len(out), d.eof, d.needs_input)
out += d.decompress(c[100:] + b"TRAILER")
print(len(out), out == data, d.eof, d.needs_input, d.unused_data)
try:
    d.decompress(b"x")
except EOFError as ex:
    print("EOFError", ex)
# byte at a time
d = _bz2.BZ2Decompressor()
res = b"".join(d.decompress(c[i:i+1]) for i in range(len(c)))
print(res == data, d.eof)
buf = io.BytesIO()
with bz2.BZ2File(buf, "wb") as f:
    f.write(data)
    f.write(b"more\nlines\n")
buf.seek(0)
with bz2.open(buf, "rb") as f:
    print(len(f.read(100)), f.readline()[:20], len(f.read()))
buf = io.BytesIO()
with bz2.open(buf, "wt", encoding="utf-8") as f:
    f.write("line one\nline two\n")
buf.seek(0)
with bz2.open(buf, "rt", encoding="utf-8") as f:
    print(f.readlines())
print(bz2.decompress(b""))
print(bz2.compress(b""))
print(_bz2.BZ2Decompressor.__module__, _bz2.BZ2Compressor.__name__)
