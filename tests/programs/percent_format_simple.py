# str % args through the direct path (only %d/%s/%% with small ints and exact strs) and every
# way out of it to the general formatter.
class S(str):
    pass


class T(tuple):
    pass


cases = [
    ("w%d", 5), ("w%d", -7), ("%d%%", 3), ("%s-%s", ("a", 1)), ("%s", "x"), ("%d/%d", (2**47 - 1, -(2**47))),
    ("%d", 2**60), ("%s", 1.5), ("%d", True), ("%s", S("sub")), ("%s|%s", T(("a", "b"))),
    ("%5d", 3), ("%x", 255), ("%s", (1,)), ("plain", ()), ("%%", ()), ("%(a)s", {"a": 1}),
    ("", ()), ("é%sü", "ß"), ("%d", 3.7), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%", 1),
    ("100%%", 5), ("%d", "x"), ("%s", None), ("%r", "q"), ("a%sb%dc", ("mid", 42)),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)
words = ["w%d" % (i % 7) for i in range(30)]
print(words[:10], len(set(words)))
