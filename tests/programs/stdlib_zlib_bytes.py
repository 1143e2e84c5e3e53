# Compressed bytes are CPython's own, byte for byte (the same libz): every level, raw and gzip
# framing, streaming with flushes, a preset dictionary, and gzip's file format.
import gzip
import zlib

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(300))
for level in (-1, 0, 1, 5, 6, 9):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.crc32(c), c[:16].hex())
    assert zlib.decompress(c) == data
for wbits in (8, 9, 15, -15, 31, 25, -9):
    co = zlib.compressobj(6, zlib.DEFLATED, wbits)
    out = co.compress(data[:5000]) + co.flush(zlib.Z_SYNC_FLUSH) + co.compress(data[5000:])
    out += co.flush(zlib.Z_FULL_FLUSH) + co.flush()
    print(wbits, len(out), zlib.crc32(out))
co = zlib.compressobj(zdict=b"quick brown fox lazy dog line")
z = co.compress(data) + co.flush()
print("zdict", len(z), zlib.adler32(z))
g = gzip.compress(data, compresslevel=9, mtime=0)
print("gzip", len(g), g[:10].hex(), zlib.crc32(g))
print(gzip.decompress(g) == data, zlib.compress(b"") .hex(), zlib.compress(b"a" * 100000).hex())
for wbits in (8, 15, -15, 31, 25, -9):
    c = zlib.compress(data, 6, wbits)
    print("compress", wbits, len(c), zlib.crc32(c), zlib.decompress(c, wbits if wbits != 8 else 9) == data)
