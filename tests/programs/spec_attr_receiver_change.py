# An attribute site whose receiver class changes mid-run.
class A:
    def __init__(self):
        self.x = 1
class B:
    def __init__(self):
        self.y = 0
        self.x = 2
class C:
    x = 3
class D:
    @property
    def x(self):
        return 4
class E:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 5

def get(o):
    return o.x

objs = [A()] * 100 + [B()] * 100 + [C()] * 100 + [D()] * 100 + [E()] * 100 + [A(), B(), C(), D(), E()] * 20
print(sum(get(o) for o in objs))
try:
    get(object())
except AttributeError as e:
    print("AttributeError:", e)
