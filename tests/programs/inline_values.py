# Instance attributes kept as values with keys shared per class: every way a program can see
# them (order, __dict__, vars, dir, deletion, __class__, many attributes, shadowing) must match
# CPython, including at sites that were specialized before the change.
import copy


class P:
    kind = "class attr"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


def get_x(o):
    return o.x


def get_kind(o):
    return o.kind


def set_x(o, v):
    o.x = v


def call_norm(o):
    return o.norm()


ps = [P(i, i + 1) for i in range(40)]
print(sum(get_x(p) for p in ps), sum(call_norm(p) for p in ps), get_kind(ps[0]))
for p in ps:
    set_x(p, p.x + 1)
print(sum(get_x(p) for p in ps))

# Attributes added in another order than the first instances did.
q = P(1, 2)
del q.x
q.z = 3
q.x = 4
print(vars(q), q.__dict__ == {"y": 2, "z": 3, "x": 4}, get_x(q))
r = P.__new__(P)
r.y = 1
r.x = 2
print(vars(r), list(r.__dict__), get_x(r))

# __dict__ touched mid-loop: the instance keeps working through its dict.
for i, p in enumerate(ps[:5]):
    if i == 2:
        d = p.__dict__
        d["x"] = 100
        d["w"] = 5
    print(get_x(p), call_norm(p), sorted(vars(p)))
print(ps[2].w, "w" in dir(ps[2]), "w" in dir(ps[3]))

# An instance attribute shadowing a method and a class attribute after sites specialized.
s = P(3, 4)
for _ in range(3):
    print(call_norm(s), get_kind(s))
s.norm = lambda: "instance norm"
s.kind = "instance kind"
print(call_norm(s), get_kind(s), call_norm(ps[0]), get_kind(ps[0]))
del s.norm
print(call_norm(s))
P.kind = "new class attr"
print(get_kind(ps[1]), get_kind(s))

# Many attributes: beyond the shared keys' room.
class Wide:
    pass


w = Wide()
for i in range(40):
    setattr(w, "a%d" % i, i)
print(len(vars(w)), list(vars(w))[:3], list(vars(w))[-2:], w.a35)
w2 = Wide()
w2.b = 1
w2.a0 = 2
print(vars(w2))
names = ["".join(["n", str(i)]) for i in range(3)]  # not interned
w3 = Wide()
for n in names:
    setattr(w3, n, n.upper())
print(vars(w3), w3.n1, getattr(w3, "n" + "2"))
delattr(w3, "n" + "0")
print(vars(w3), hasattr(w3, "n0"))
try:
    del w3.n0
except AttributeError as e:
    print("AttributeError:", e)

# __class__ assignment between classes with different shared keys.
class Q:
    def __init__(self):
        self.b = "qb"
        self.a = "qa"


qq = Q()
pp = P(7, 8)
pp.__class__ = Q
print(vars(pp), pp.x, type(pp).__name__)
pp.b = 1
print(vars(pp))

# Subclass instances at the same sites.
class P2(P):
    def __init__(self, x, y):
        self.extra = 0
        super().__init__(x, y)


mixed = [P(1, 2), P2(3, 4), P(5, 6), P2(7, 8)]
print([get_x(m) for m in mixed], [call_norm(m) for m in mixed], vars(mixed[1]))

# __dict__ replaced, copy and equality of dicts.
c = P(1, 1)
c2 = copy.copy(c)
c2.x = 9
print(vars(c), vars(c2))
c.__dict__ = {"x": "from new dict"}
print(get_x(c), vars(c), hasattr(c, "y"))
try:
    c.__dict__ = 3
except TypeError as e:
    print("TypeError:", e)
print(P(1, 2).__dict__ == P(1, 2).__dict__)

# An attribute set only on some instances.
class Opt:
    def __init__(self, flag):
        if flag:
            self.a = 1
        self.b = 2


os_ = [Opt(i % 2 == 0) for i in range(6)]
print([vars(o) for o in os_])
print([getattr(o, "a", None) for o in os_])
for o in os_:
    o.a = 5
print([list(vars(o)) for o in os_])
