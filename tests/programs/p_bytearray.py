ba = bytearray(b"abc")
alias = ba
ba += b"de"
ba *= 2
print(alias, alias is ba)
del ba[0]
del ba[::2]
print(ba)
ba.insert(0, 65); ba.insert(-1, 66); ba.insert(100, 67); ba.remove(ord("e"))
print(ba, type(iter(ba)).__name__ if False else "", bytes(ba) + ba, ba + bytes(ba), type(ba[1:]).__name__, ba * 2, 2 * ba)
x = b"ab"
y = x
x += b"c"
print(x, y, bytearray(b"hello").find(b"l"), bytearray(b"a b").split(), bytearray(b"xyz").hex())
for f in [lambda: ba.remove(0), lambda: ba.insert(0, 256), lambda: bytearray(b"")[0], lambda: b"a" + "b", lambda: bytearray(b"a") + [1]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: b"x".decode("nope"), lambda: "x".encode("bogus-codec"), lambda: b"x".decode("Latin-1"), lambda: "é".encode("ISO-8859-1"), lambda: b"".decode("nope")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: bytes(5, errors="x"), lambda: bytes(5, "utf-8"), lambda: bytearray([1], "ascii"), lambda: bytes("é", "latin-1"), lambda: bytearray("ab", "ascii"), lambda: bytes("x", encoding=5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
