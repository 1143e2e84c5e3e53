class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "B-str"
    def __repr__(self):
        return "B-repr"
class C(B):
    def __str__(self):
        return "C-str"
class F:
    def __format__(self, spec):
        return f"F[{spec}]"
print(A(), str(A()), repr(A()), [A()], f"{A()}", f"{A()!r}")
print(B(), str(B()), repr(B()), [B(), C()], (C(),), {1: C()})
print(f"{B()} {B()!r} {C()!s}", "%s %r" % (B(), B()))
print(format(F(), "xyz"), f"{F():>10}")
