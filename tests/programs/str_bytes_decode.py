# Issue 12: str(b, encoding[, errors]) decodes as CPython's str() does.
print(str(b"abc", "ascii"), str(b"ab\xff", "ascii", "replace"), str(b"x", errors="strict"))
print(str(bytearray(b"hi"), "utf-8"), str(b"caf\xc3\xa9", encoding="utf-8"), str(memoryview(b"mv"), "latin-1"))
print(repr(str(b"a\xffb", "utf-8", "ignore")), repr(str(b"a\xffb", "utf-8", "backslashreplace")))
for args, kw in [((1, "ascii"), {}), (("s", "ascii"), {}), ((b"\xff", "ascii"), {}), ((b"x", "no-such-codec"), {}),
                 ((b"x", 1), {}), ((b"x", "ascii", 2), {}), ((b"x",), {"encoding": "ascii", "bogus": 1})]:
    try:
        print(repr(str(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)
