# Attribute sites that see several classes in turn (a base class's method run on instances of
# sibling subclasses): the JIT serves the classes its specialized stencil does not guard for from
# the site's attribute cache. Every way that cache could go stale is exercised while the loop runs.


class Base:
    def __init__(self, k):
        self.k = k
        self.n = 0

    def step(self):
        self.n = self.n + self.k
        return self.kind()

    def kind(self):
        return "base"


class A(Base):
    def kind(self):
        return "a"


class B(Base):
    def kind(self):
        return "b"


class C(Base):
    pass


class D(Base):
    def kind(self):
        return "d"


class Slotted:
    __slots__ = ("k", "n")

    def __init__(self, k):
        self.k = k
        self.n = 0

    def step(self):
        self.n = self.n + self.k
        return "s"


def run(objs, rounds):
    seen = {}
    total = 0
    for r in range(rounds):
        for o in objs:
            kind = o.step()
            seen[kind] = seen.get(kind, 0) + 1
            total += o.k + o.n
    return total, sorted(seen.items())


objs = [A(1), B(2), C(3), D(4), A(5), B(6)]
print(run(objs, 300))

# A dict-backed instance among values-backed ones (its __dict__ materialized).
d = C(7)
d.__dict__["extra"] = 1
objs.append(d)
print(run(objs, 200))

# A method rebound on one class while the site is warm.
B.kind = lambda self: "b2"
print(run(objs, 200))

# A data descriptor appears for an instance attribute's name on one class: its instances'
# attribute now comes from the property.
D.k = property(lambda self: 100)
try:
    print(run(objs, 50))
except AttributeError as e:
    print("AttributeError", e)

# An instance loses an attribute: the load raises inside the hot function.
del objs[0].n
try:
    print(run(objs, 50))
except AttributeError as e:
    print("AttributeError", e)
objs[0].n = 0

# Instances of a __slots__ class join the same call site.
objs = objs + [Slotted(9), Slotted(10)]
print(run(objs, 200))

# An instance attribute shadows a method on one object.
objs[1].kind = lambda: "shadow"
print(run(objs, 100))
