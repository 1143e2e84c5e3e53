# Argument checks found by the call fuzzer: slice.indices on lengths of any size (negative ones
# refused first) and the Unicode error constructors checking their arguments in order, with a
# decode error's object converted last (any bytes-like object accepted).
from helpers.show import show as attempt


class Idx:
    def __index__(self):
        return 7


attempt("negative huge", lambda: slice(1, 2).indices(-10**30))
attempt("negative", lambda: slice(1, 2).indices(-1))
attempt("huge", lambda: slice(1, 2).indices(10**30))
attempt("huge reversed", lambda: slice(None, None, -1).indices(10**30))
attempt("huge bounds", lambda: slice(-10**40, 10**40, 3).indices(10**30))
attempt("huge step", lambda: slice(None, None, 10**25).indices(5))
attempt("float length", lambda: slice(1, 2).indices(2.5))
attempt("index length", lambda: slice(-3, None).indices(Idx()))
attempt("bad start", lambda: slice(1.5, 2).indices(5))
attempt("zero step", lambda: slice(1, 2, 0).indices(5))
attempt("no slice", lambda: slice.indices(1, 2))
for n in range(4):
    for s in [slice(None), slice(-2, None), slice(None, None, -2), slice(1, -1, 2)]:
        print(n, s, s.indices(n), range(n)[s])

attempt("decode huge start", lambda: UnicodeDecodeError("u", "abc", -10**30, ValueError("x"), "r"))
attempt("decode bad end", lambda: UnicodeDecodeError("u", "abc", 1, ValueError("x"), "r"))
attempt("decode bad reason", lambda: UnicodeDecodeError("u", "abc", 1, 2, 5))
attempt("decode str object", lambda: UnicodeDecodeError("u", "abc", 1, 2, "r"))
attempt("decode bad encoding", lambda: UnicodeDecodeError(3, "abc", 1, 2, "r"))
attempt("decode bytearray", lambda: UnicodeDecodeError("u", bytearray(b"abc"), 1, 2, "r").object)
attempt("decode memoryview", lambda: UnicodeDecodeError("u", memoryview(b"abcd")[1:], 1, 2, "r").object)
released = memoryview(b"x")
released.release()
attempt("decode released", lambda: UnicodeDecodeError("u", released, 1, 2, "r"))
attempt("decode ok", lambda: str(UnicodeDecodeError("utf-8", b"a\xff", 1, 2, "invalid")))
attempt("encode huge start", lambda: UnicodeEncodeError("u", b"abc", -10**30, 2, "r"))
attempt("encode bytes", lambda: UnicodeEncodeError("u", b"abc", 1, 2, "r"))
attempt("encode ok", lambda: str(UnicodeEncodeError("ascii", "a\xe9", 1, 2, "nope")))
attempt("translate huge", lambda: UnicodeTranslateError("abc", 10**30, 2, "r"))
attempt("translate ok", lambda: str(UnicodeTranslateError("a\u20ac", 1, 2, "no")))
attempt("count", lambda: UnicodeDecodeError("u", b"abc", 1, 2))
