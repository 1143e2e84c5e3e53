# zlib over cpjit's flate2 (zlib-rs) module: one-shot and streaming compression and
# decompression in zlib, raw and gzip framing, checksums, and the error cases. Compressed bytes
# are checked by round trip and by decompressing CPython-made streams (compressors may differ
# in the exact bytes they choose).
import zlib
import gzip
import io

data = b''.join(b'line %d: the quick brown fox jumps over the lazy dog\n' % i for i in range(500))
print(len(data), zlib.crc32(data), zlib.adler32(data))
print(zlib.crc32(b''), zlib.adler32(b''), zlib.crc32(b'abc', 12345), zlib.adler32(b'abc', 7))
print(zlib.crc32(b'abc', -1), zlib.crc32(b'def', zlib.crc32(b'abc')) == zlib.crc32(b'abcdef'))
print(zlib.adler32(bytes(range(256)) * 300), zlib.crc32(memoryview(b'xyz')),
      zlib.crc32(bytearray(b'xyz')))

for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print('level', level, zlib.decompress(c) == data, len(c) < len(data) or level == 0)

for wbits in (9, 12, 15, -9, -15, 25, 31):
    c = zlib.compress(data, 6, wbits)
    print('wbits', wbits, zlib.decompress(c, wbits) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data,
      zlib.decompress(zlib.compress(data), 47) == data,
      zlib.decompress(zlib.compress(data), 0) == data)

# Streams CPython's zlib made (zlib, raw, gzip framing).
made = bytes.fromhex('789ccb48cdc9c95728cf2fca49e1cac0c10600f9ae0d33')
print(zlib.decompress(made))
print(zlib.decompress(bytes.fromhex('cb48cdc9c95728cf2fca49e1cac0c10600'), -15))
print(gzip.decompress(gzip.compress(data)) == data)
print(zlib.decompress(bytes.fromhex('1f8b0800000000000003cb48cdc9c95748afca2ce0ca403001962b'
                                    '961f16000000'), 31))
print(zlib.compress(b'hello world\n' * 3) == made)

# Streaming, in pieces, with flushes.
co = zlib.compressobj(9, zlib.DEFLATED, -12)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.compress(b'tail'))
parts.append(co.flush(zlib.Z_FULL_FLUSH))
parts.append(co.flush())
stream = b''.join(parts)
do = zlib.decompressobj(-12)
out = b''.join(do.decompress(stream[i:i + 77]) for i in range(0, len(stream), 77))
print(out == data + b'tail', do.eof, do.unused_data, do.unconsumed_tail)

# max_length, unconsumed_tail, flush, unused_data.
c = zlib.compress(data) + b'EXTRA'
do = zlib.decompressobj()
first = do.decompress(c, 100)
print(len(first), len(do.unconsumed_tail) > 0, do.eof)
rest = do.decompress(do.unconsumed_tail)
print(first + rest == data, do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b'more'), do.unused_data, do.flush())
do = zlib.decompressobj()
part = do.decompress(c[:50])
print(do.eof, len(part + do.flush()) > 0)

do = zlib.decompressobj(31)
g = zlib.compress(b'gzip data ' * 20, wbits=31) + b'after'
print(do.decompress(g[:5]) + do.decompress(g[5:]), do.eof, do.unused_data)

# zdict.
zd = b'the quick brown fox jumps over the lazy dog'
co = zlib.compressobj(zdict=zd)
c = co.compress(data) + co.flush()
do = zlib.decompressobj(zdict=zd)
print(do.decompress(c) == data)

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_FINISH,
      zlib.Z_SYNC_FLUSH, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print(issubclass(zlib.error, Exception), zlib.error.__module__)

# gzip module files in memory.
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb') as f:
    f.write(data)
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read() == data)


def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print('no error')


err(lambda: zlib.decompress(b'not compressed data'))
err(lambda: zlib.decompress(zlib.compress(data)[:40]))
err(lambda: zlib.decompress(b'x\x9c' + b'\xff' * 20))
err(lambda: zlib.compress('text'))
err(lambda: zlib.compress(data, 10))
err(lambda: zlib.compressobj(wbits=99))
err(lambda: zlib.decompressobj(wbits=99))
err(lambda: zlib.decompressobj().decompress(b'', -1))
err(lambda: zlib.decompressobj().flush(0))
err(lambda: zlib.crc32('text'))
err(lambda: zlib.adler32(5))
err(lambda: zlib.decompress(b''))
err(lambda: zlib.compressobj().compress(1.5))
