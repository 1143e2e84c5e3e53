# __slots__ attributes in compiled loops (LOAD_ATTR_SLOT / STORE_ATTR_SLOT stencils): set slots
# inline; unset slots, deleted slots, other classes at the same site and a class whose version
# changes go to the slow path with CPython's results and errors.
class P:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = i
        self.y = i * 2

class Q:
    __slots__ = ("y", "x")

    def __init__(self, i):
        self.x = -i
        self.y = i

def walk(ps):
    s = 0
    for p in ps:
        p.x = p.x + 1
        s += p.x + p.y
    return s

ps = [P(i) for i in range(300)]
print(walk(ps), walk(ps))
print(walk(ps[:50] + [Q(i) for i in range(50)] + ps[:50]))

def read_z(ps):
    out = []
    for p in ps:
        try:
            out.append(p.z)
        except AttributeError as e:
            out.append(str(e))
    return out

for p in ps[::2]:
    p.z = "set"
r = read_z(ps[:40])
print(r[:3], r.count("set"))

def deleting(ps):
    n = 0
    for i, p in enumerate(ps):
        if i % 7 == 0:
            del p.y
        try:
            n += p.y
        except AttributeError:
            n -= 1
    return n

print(deleting([P(i) for i in range(200)]))

class R(P):
    __slots__ = ("w",)

    def __init__(self, i):
        super().__init__(i)
        self.w = i

print(walk([R(i) for i in range(100)]))
P.extra = 1  # the class's version changes: the guards fail, the slow path answers
print(walk(ps), P.extra, ps[3].extra)
