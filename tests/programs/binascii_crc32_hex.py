# binascii.crc32 (zlib's CRC-32, computed in Rust) against zlib.crc32 and CPython, bytes.hex
# with and without separators, hashlib hexdigest.
import binascii, zlib, hashlib
for args in [(b"",), (b"hello",), (b"hello", 1), (b"hello", -1), (b"hello", 2**40), (bytearray(b"abc"), 7), (memoryview(b"abc"),)]:
    print(binascii.crc32(*args), zlib.crc32(*args))
for bad in [("x",), (b"x", 1.5), (b"x", "y"), (), (b"a", 1, 2)]:
    try: print(binascii.crc32(*bad))
    except Exception as e: print(type(e).__name__, e)
print(binascii.crc32.__name__, binascii.hexlify(b"\x00\xff\x10abc"), binascii.hexlify(b"abcdef", "-", 2), bytes(range(256)).hex()[:80])
print(b"".hex(), bytearray(b"\x01\x02").hex(), memoryview(b"\xfe").hex(), b"abc".hex(":"), b"abcdef".hex(":", -4))
print(hashlib.sha256(b"x").hexdigest(), hashlib.md5(b"").hexdigest())
