# Attribute and method sites that see several sibling classes in turn: compiled code probes the
# site's polymorphic inline cache on a type-version miss. Classes changed while the loop runs,
# instances with a materialized __dict__, an instance attribute shadowing a method, deleted
# attributes.
class Base:
    def __init__(self, v):
        self.v = v
        self.w = v * 2

    def get(self):
        return self.v

    def twice(self):
        return self.w


class A(Base):
    pass


class B(Base):
    def get(self):
        return self.v + 100


class C(Base):
    pass


def run(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % len(objs)]
        s += o.v + o.w + o.get() + o.twice()
        if i == n // 3:
            C.get = lambda self: -1
        if i == n // 2:
            objs[1].get = lambda: 1000
        if i == 2 * n // 3:
            objs[0].__dict__["extra"] = 1
        if i == 3 * n // 4:
            del objs[2].w
            objs[2].w = 5
    return s


objs = [A(1), B(2), C(3), A(4)]
print(run(objs, 4000))


class D:
    __slots__ = ("v", "w")

    def __init__(self, v):
        self.v = v
        self.w = v


def mixed(n):
    things = [A(1), D(2), B(3), D(4), C(5)]
    s = 0
    for i in range(n):
        t = things[i % 5]
        s += t.v + t.w
        if i == n // 2:
            del things[3].w
            try:
                things[3].w
            except AttributeError as e:
                print("deleted:", e)
            things[3].w = 9
    return s


print(mixed(3000))


def missing(n):
    objs = [A(1), B(2), C(3)]
    found = 0
    for i in range(n):
        o = objs[i % 3]
        try:
            found += o.extra
        except AttributeError:
            found -= 1
        if i == n // 2:
            objs[1].extra = 7
    return found


print(missing(3000))


def stores(n):
    objs = [A(1), B(2), C(3)]
    for i in range(n):
        o = objs[i % 3]
        o.v = i
        o.w = o.v + 1
        if i == n // 2:
            del objs[0].w
            objs[1].__dict__["w"] = -1
    return [(o.v, o.w) for o in objs]


print(stores(3000))
