b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]))
print(b + b" world", b * 2, b"ell" in b, b.upper(), b.find(b"l"))
print(bytes([65, 66, 67]), bytes(3), bytes("é", "utf-8"))
print(b"a,b".split(b","), b"-".join([b"x", b"y"]), b"  x ".strip())
print(b.hex(), bytes.fromhex("deadbeef"), b"\x00\xff\n")
ba = bytearray(b"abc")
ba[0] = 120
ba.append(100)
print(ba, bytes(ba), len(ba))
print(b"abc" == b"abc", b"abc" < b"abd", b.decode(), b.replace(b"l", b"L"))
print(repr(b"'"), repr(b'"'), repr(b"'\""))
