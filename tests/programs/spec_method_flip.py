# A method call site whose receivers change class, get shadowing instance attributes, or are builtins.
class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        return "B"
class C(A):
    pass

def call(o):
    return o.f()

objs = [A(), B(), C()] * 50
print("".join(call(o) for o in objs)[:12])
c = C()
c.f = lambda: "inst"
print(call(c), call(C()))
A.f = lambda self: "A2"
print(call(A()), call(B()), call(C()))
def upper(s):
    return s.upper()
print([upper(x) for x in ["a", "b"] * 3])
class S(str):
    def upper(self):
        return "sub"
print(upper(S("q")), upper("q"))
