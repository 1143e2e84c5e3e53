b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(b" dl"), b.split(), b.split(b","), b.rsplit(None, 1), b"a,b,c".rsplit(b",", 1))
print(b"abcabc".find(b"c", 3), b"abcabc".rfind(b"b"), b"abcabc".count(b"bc"), b"abc".find(99), b"abc".index(b"c"))
print(b"x".join([b"a", bytearray(b"b")]), b"abc".startswith((b"x", b"a")), b"abc".endswith(b"bc", 0, 3))
print(b"aaa".replace(b"a", b"bb", 2), b"ab".replace(b"", b"-"), b"\xde\xad".hex(":"), b"\x01\x02\x03".hex("-", 2), b"abc".hex(" ", -2))
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"), b"abc".upper().lower(), b"AbC".swapcase())
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("latin-1"), b"\xff".decode("utf-8", "replace"), b"\xffa".decode(errors="ignore"))
print("é".encode(), "é".encode("latin-1"), "aé".encode("ascii", "replace"), "x".encode(encoding="ascii"))
print(b"123".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" ".isspace(), b"AB".isupper(), b"ab".islower(), b"a=b".partition(b"="))
ba = bytearray(b"hello")
ba[1:3] = b"EY"
ba.extend([33, 34])
ba += b"!"
print(ba, ba.pop(), ba, ba[0], ba[1:3], ba.upper(), len(ba), b"ell" in ba, 104 in ba, bytearray(3), bytearray())
ba.reverse(); print(ba, ba.copy(), ba == bytes(ba), ba.removeprefix(b"!"))
for f in [lambda: b"\xff".decode(), lambda: b"abc".index(b"z"), lambda: bytes.fromhex("0g"), lambda: "a" in b"abc",
          lambda: b"".join(["a"]), lambda: b"a".split(b""), lambda: b"a".strip("a"), lambda: b"a".startswith("a"),
          lambda: b"a".find("a"), lambda: hash(bytearray(b"x")), lambda: "é".encode("ascii"), lambda: b"x".decode("nope"),
          lambda: bytearray(b"x").append(256), lambda: b"\xe9\x80".decode(), lambda: [1] in b"a", lambda: b"ab"[5]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
try:
    b"a\xffb".decode()
except UnicodeDecodeError as e:
    print(e.start, e.end, e.reason, e.encoding, e.object)
data = "naïve café".encode("utf-8")
print(data, len(data), data.decode("utf-8"), data.decode("ascii", "backslashreplace"), data.split(b" "))
print(b"x".join(bytes([c]) for c in b"abc"), bytes(range(65, 70)).lower(), bytearray(b"hi") + b"!", b"!" + bytearray(b"hi"))
print(b"a=b=c".rpartition(b"="), b"abc".rpartition(b"x"), b"ab".isascii(), b"\xff".isascii(), b"Hello World".istitle(), b"hello".istitle())
print(b"a\nb\r\nc\rd".splitlines(), b"a\nb\r\n".splitlines(True), b"".splitlines(), bytearray(b"x\ny").splitlines(keepends=True))
print(b"ab".center(7, b"*"), b"ab".center(6), b"abc".center(6), b"ab".ljust(5, b"-"), b"ab".rjust(5), b"-42".zfill(6), b"7".zfill(3), b"+".zfill(3))
print(b"hELLO wORLD".capitalize(), b"hello wOrld 2x".title(), b"a\tbc\td".expandtabs(), b"a\tb".expandtabs(4), len(b"abc"), b"abc".__len__())
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"hello".translate(None, b"l"), b"abc".translate(t, delete=b"b"), len(t))
for f in [lambda: b"a".center(5, b"ab"), lambda: b"a".center(5, "x"), lambda: bytes.maketrans(b"a", b"bc"), lambda: b"a".translate(b"x"),
          lambda: b"a".rpartition(b"")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
b"\xc3\x28".decode("utf-8")
