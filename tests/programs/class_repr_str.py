class P:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return f"P<{self.x}>"
    def __repr__(self):
        return f"P({self.x!r})"
p = P("a")
print(p, str(p), repr(p), [p], (p,), {"k": p}, f"{p}", f"{p!r}", "%s %r" % (p, p))
class OnlyRepr:
    def __repr__(self):
        return "OR"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
class Fmt:
    def __format__(self, spec):
        return f"Fmt[{spec}]"
print(f"{Fmt():abc}", format(Fmt(), "x"), "{:zz}".format(Fmt()))
