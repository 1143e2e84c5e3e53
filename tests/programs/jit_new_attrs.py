# New instance attributes stored by compiled code (STORE_ATTR_INSTANCE_VALUE's stencil adds a
# value at or above the instance's high mark): constructors run hot, attributes added in another
# order, deleted and re-added, more attributes than the first allocation holds, and instances
# whose __dict__ was materialized.


class P:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Q:
    def __init__(self, a, flip):
        if flip:
            self.second = a * 2
            self.first = a
        else:
            self.first = a
            self.second = a * 2


class Wide:
    def fill(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)
        self.last = n
        return self


def make(n):
    out = []
    for i in range(n):
        out.append(P(i, i + 1, i + 2))
    return out


ps = make(300)
print(sum(p.x + p.y + p.z for p in ps), vars(ps[7]))

qs = [Q(i, i % 3 == 0) for i in range(60)]
print([list(vars(q)) for q in qs[:4]], sum(q.first + q.second for q in qs))


def redo(objs):
    for o in objs:
        del o.y
    for o in objs:
        o.y = -1
        o.w = 5
    return [vars(o) for o in objs[:2]]


print(redo(make(40)))


def with_dict(objs):
    for i, o in enumerate(objs):
        if i % 7 == 0:
            o.__dict__["extra"] = i
        o.z = i * 10
        o.tail = i
    return [vars(o) for o in objs[:8]]


print(with_dict(make(50)))
print(vars(Wide().fill(12)))


def setter(n):
    out = []
    for i in range(n):
        w = Wide()
        w.k0 = i
        w.k1 = i
        w.k2 = i
        w.k3 = i
        w.k4 = i
        w.k5 = i
        w.k6 = i
        w.k7 = i
        w.k8 = i
        w.k9 = i
        out.append(w)
    return out


print(vars(setter(40)[-1]))
