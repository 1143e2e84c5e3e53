# A method inherited through a chain; a base class gains an override mid-loop; instance __class__ changes.
class A:
    def who(self):
        return "A"
class B(A):
    pass
class C(B):
    pass
class D(A):
    def who(self):
        return "D"

c = C()
out = []
for i in range(300):
    if i == 100:
        B.who = lambda self: "B"
    if i == 200:
        c.__class__ = D
    out.append(c.who())
print(out[99], out[100], out[199], out[200], out[-1])
print(C().who(), B().who(), A().who())
