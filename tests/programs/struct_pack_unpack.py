# struct.pack/unpack (their item loops in Rust for plain arguments, Python for the rest) against
# CPython: every code in both byte orders, ranges and their two kinds of error, conversions.
import struct, array
fmts = ["<b", ">B", "<h", ">H", "=i", "!I", "<l", ">L", "<q", ">Q", "@n", "@N", "@P", "<e", ">f", "<d", "?", "c", "5s", "0s", "7p", "0p", "1p",
        "@bhilq", "<bhilq", ">3h2x4s?", "@cdi", "=ffe", "@?i?d"]
vals = {"b": [0, -128, 127, True], "B": [0, 255, 7], "h": [-32768, 32767, 5], "H": [65535, 0], "i": [-2**31, 2**31-1], "I": [2**32-1, 3],
        "l": [-2**63, 2**63-1], "L": [2**64-1, 0], "q": [-2**63, 2**63-1, 2**40], "Q": [2**64-1, 2**63], "n": [-5, 2**62], "N": [2**64-1],
        "P": [0, 2**63], "e": [1.5, -0.0, 65504.0, 3], "f": [1.25, -3.5e38, 2], "d": [1e308, -0.1, float("inf"), 7], "?": [True, 0, 5, None, 2**70],
        "c": [b"x", bytearray(b"y")], "s": [b"hello world", b"", bytearray(b"ab")], "p": [b"pascal string", b""]}
import itertools
def codes(fmt):
    out = []
    i = 0
    f = fmt.lstrip("<>=!@")
    num = ""
    for ch in f:
        if ch.isdigit(): num += ch; continue
        if ch in "sp": out.append(ch)
        elif ch != "x": out.extend([ch] * int(num or 1))
        num = ""
    return out
for fmt in fmts:
    cs = codes(fmt)
    for combo in itertools.islice(itertools.product(*[vals[c] for c in cs]), 6):
        try:
            p = struct.pack(fmt, *combo)
            u = struct.unpack(fmt, p)
            print(fmt, combo, p.hex(), u, struct.unpack_from(fmt, b"\0" + p, 1) == u, list(struct.iter_unpack(fmt, p * 2))[:1] == [u] if p else None)
        except Exception as e:
            print(fmt, combo, type(e).__name__, e)
bad = [("<b", 128), ("<B", -1), ("<h", 2**15), ("<Q", -1), ("<q", 2**63), ("@l", 2**64), ("<e", 1e10), ("<f", 1e300), ("<i", 1.5), ("<i", "x"),
       ("c", b"xy"), ("c", "x"), ("5s", "str"), ("?", []), ("<d", "1.0"), ("<d", 2**2000), ("<i", 2**100), ("<I", True)]
for fmt, v in bad:
    try: print(fmt, repr(v), struct.pack(fmt, v).hex())
    except Exception as e: print(fmt, repr(v), type(e).__name__, e)
class I:
    def __index__(self): return 7
class F:
    def __float__(self): return 2.5
print(struct.pack("<i", I()), struct.pack("<d", F()), struct.pack("?", []), struct.pack("?", [1]))
print(struct.unpack("<i", memoryview(b"abcd")), struct.unpack("<h", bytearray(b"ab")), struct.unpack("<2h", array.array("h", [1, 2])))
s = struct.Struct("<hd"); print(s.size, s.format, s.pack(1, 2.0), s.unpack(s.pack(-1, 0.5)))
buf = bytearray(12); struct.pack_into("<hd", buf, 2, 3, 4.5); print(buf.hex())
for args in [("<h",), ("<h", 1, 2)]:
    try: struct.pack(*args)
    except Exception as e: print(type(e).__name__, e)
try: struct.unpack("<h", b"abc")
except Exception as e: print(type(e).__name__, e)
