class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "y"), getattr(p, "y", "unset"))
try:
    print(p.y)
except AttributeError as e:
    print("AE", e)
try:
    p.z = 1
except AttributeError as e:
    print("AE", e)
try:
    vars(p)
except TypeError as e:
    print("TE", e)
print(P.x, type(P.x).__name__, P.__slots__)
p.y = 5
del p.y
try:
    del p.y
except AttributeError as e:
    print("AE", e)
class Q(P):
    pass
q = Q(2)
q.z = 3
print(q.x, q.z, q.__dict__)
class R(P):
    __slots__ = ("__dict__",)
r = R(3)
r.w = 4
print(r.w, r.__dict__, r.x)
class S:
    __slots__ = "only"
s = S()
s.only = 1
print(s.only)
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("VE", e)
class W(P):
    __slots__ = ()
w = W(9)
try:
    w.q = 1
except AttributeError as e:
    print("AE", e)
class Prop:
    __slots__ = ("_v",)
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 2
pr = Prop()
pr.v = 4
print(pr.v, pr._v)
class GA:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name.startswith("x"):
            return "fake " + name
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "missing " + name
    def meth(self):
        return "meth"
g = GA()
print(g.xyz, g.real, g.nothing, g.meth(), getattr(g, "xa"), hasattr(g, "q"))
class Counting:
    def __init__(self):
        object.__setattr__(self, "n", 0)
    def __getattribute__(self, name):
        d = object.__getattribute__(self, "__dict__")
        d["n"] = d["n"] + 1
        return object.__getattribute__(self, name)
c = Counting()
c.n; c.n
print(object.__getattribute__(c, "n"))
class Sub(GA):
    pass
print(Sub().xq, Sub().meth())
class Strict:
    def __getattribute__(self, name):
        raise AttributeError(name)
try:
    Strict().foo
except AttributeError as e:
    print("AE", e)
print(hasattr(Strict(), "anything"))
