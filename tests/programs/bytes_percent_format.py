# Issue 12: printf-style bytes formatting (bytes % args), CPython's _PyBytes_FormatEx.
print(b"%d %s %r %x %c %%" % (3, b"x", "y", 255, 65))
print(b"%(a)s-%(b)d" % {b"a": b"1", b"b": 2})
print(bytearray(b"%s|%b") % (b"q", bytearray(b"r")), type(bytearray(b"%s") % b"q").__name__)
print(b"%5s|%-5s|%.2s" % (b"ab", b"cd", b"efgh"))
print(b"%a %r" % ("\xe9", b"\xff"), b"%c%c" % (b"z", 0xFF))
print(b"%s" % memoryview(b"mv"), b"%i %05.1f %e %g %o %X %#x" % (-4, 2.25, 1e10, 1.5, 8, 255, 255))
print(b"\xff\x00%s\x80" % b"\xfe")


class WithBytes:
    def __bytes__(self):
        return b"<WithBytes>"


print(b"%s" % WithBytes(), b"%s" % (WithBytes(),), b"no args" % ())
for fmt, args in [(b"%s", [1]), (b"%s", "str"), (b"%c", 256), (b"%c", b"ab"), (b"%c", "a"), (b"%d", b"1"),
                  (b"%s %s", (b"1",)), (b"%s", (b"1", b"2")), (b"%(a)s", {"a": 1}), (b"%y", 1), (b"%", ()),
                  (b"%(a", {b"a": 1}), (b"%*d", (b"x", 1)), (b"%x", 1.5)]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
