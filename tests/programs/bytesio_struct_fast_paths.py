# BytesIO's write/read/getvalue/__init__ fast paths and struct.pack/unpack's cached-format path
# must behave exactly as the general paths (and CPython) do.
import io
import struct


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


b = io.BytesIO()
t("write end", lambda: b.write(b"hello"))
t("write empty", lambda: b.write(b""))
t("tell", b.tell)
b.seek(1)
t("write middle", lambda: b.write(b"EY"))
t("value", b.getvalue)
b.seek(3)
t("write over end", lambda: b.write(b"LOWORLD"))
t("value", b.getvalue)
b.seek(15)
t("write past end", lambda: b.write(b"!"))
t("value", b.getvalue)
t("write bytearray", lambda: b.write(bytearray(b"ba")))
t("write memoryview", lambda: b.write(memoryview(b"mv")))
t("write str", lambda: b.write("str"))
t("write int", lambda: b.write(5))
b.seek(0)
t("read 3", lambda: b.read(3))
t("read 0", lambda: b.read(0))
t("read -1", lambda: b.read(-1))
t("read at end", lambda: b.read(2))
b.seek(2)
t("read None", lambda: b.read(None))
b.seek(2)
t("read big", lambda: b.read(10 ** 6))
t("read float", lambda: b.read(1.5))
t("read str", lambda: b.read("x"))
b.seek(100)
t("read past end", lambda: b.read(3))

c = io.BytesIO(b"xyz")
c.close()
t("closed write", lambda: c.write(b"a"))
t("closed read", lambda: c.read(1))
t("closed getvalue", c.getvalue)

t("init bytes", lambda: io.BytesIO(b"init").getvalue())
t("init empty", lambda: io.BytesIO(b"").getvalue())
t("init None", lambda: io.BytesIO(None).getvalue())
t("init bytearray", lambda: io.BytesIO(bytearray(b"ba")).getvalue())
t("init str", lambda: io.BytesIO("text"))
t("init int", lambda: io.BytesIO(3))
t("init position", lambda: io.BytesIO(b"init").tell())


class Bytes(bytes):
    pass


s = io.BytesIO()
t("bytes subclass write", lambda: s.write(Bytes(b"sub")))
t("value", s.getvalue)

# struct: the first call compiles and caches the format; later calls take the cached path.
for i in range(3):
    t("pack <B", lambda: struct.pack("<B", 200))
    t("pack <B range", lambda: struct.pack("<B", 256))
    t("pack <B float", lambda: struct.pack("<B", 1.0))
    t("pack <I too many", lambda: struct.pack("<I", 1, 2))
    t("pack <I too few", lambda: struct.pack("<I"))
    t("pack 2h", lambda: struct.pack("<2h", -1, 7))
    t("pack <d", lambda: struct.pack("<d", 1.5))
    t("pack <d int", lambda: struct.pack("<d", 2))
    t("unpack <I", lambda: struct.unpack("<I", b"\x01\x00\x00\x00"))
    t("unpack <I short", lambda: struct.unpack("<I", b"\x01\x00"))
    t("unpack <I bytearray", lambda: struct.unpack("<I", bytearray(b"\x02\x00\x00\x00")))
    t("unpack <I memoryview", lambda: struct.unpack("<I", memoryview(b"\x03\x00\x00\x00")))
    t("unpack <I str", lambda: struct.unpack("<I", "abcd"))
    t("unpack >q", lambda: struct.unpack(">q", b"\xff" * 8))
    t("pack bytes fmt", lambda: struct.pack(b"<H", 513))
    t("unpack bytes fmt", lambda: struct.unpack(b"<H", b"\x01\x02"))
t("unpack_from str", lambda: struct.unpack_from("<I", "abcd"))
t("Struct.unpack str", lambda: struct.Struct("<I").unpack("abcd"))
t("iter_unpack str", lambda: struct.iter_unpack("<I", "abcd"))
t("unpack int", lambda: struct.unpack("<I", 5))
t("pack bad fmt", lambda: struct.pack("<Z", 1))
t("pack list fmt", lambda: struct.pack([], 1))
