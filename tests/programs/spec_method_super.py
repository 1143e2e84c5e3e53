# LOAD_METHOD on a super object (LOAD_METHOD_SUPER): zero-argument and two-argument super()
# calling a base method from a hot loop, a diamond whose MRO puts a sibling after the class,
# a built-in base's method (list.append on a list subclass), the same site seeing two instance
# types, a base method rebound and a base class given a new method while the loop runs, a
# class-bound super in a classmethod and an unbound super (neither specialized), and errors
# raised by the method found through super.
class Base:
    def f(self, x):
        return x + 1

    def g(self):
        return "Base.g"

    def fails(self, x):
        if x == 7:
            raise ValueError("seven")
        return x


class Mid(Base):
    def f(self, x):
        return super().f(x) * 2

    def g(self):
        return "Mid.g<" + super().g() + ">"

    def fails(self, x):
        return super().fails(x) + 1


class Leaf(Mid):
    def f(self, x):
        return super(Leaf, self).f(x) + 100


class Left(Base):
    def g(self):
        return "Left.g<" + super().g() + ">"


class Right(Base):
    def g(self):
        return "Right.g<" + super().g() + ">"


class Diamond(Left, Right):
    def g(self):
        return "Diamond.g<" + super().g() + ">"


class Items(list):
    def append(self, x):
        super().append(x * 10)

    @classmethod
    def make(cls, n):
        # super() in a classmethod is bound to the class: not specialized.
        return super().__new__(cls), n


def run(n):
    t = 0
    m, leaf = Mid(), Leaf()
    for i in range(n):
        t += m.f(i) + leaf.f(i)
    return t


def polymorphic(n):
    # Mid.f's super().f site sees Mid and Leaf instances in turn.
    objs = [Mid(), Leaf()]
    t = 0
    for i in range(n):
        t += objs[i % 2].f(i)
    return t


def rebinding(n):
    m = Mid()
    out = []
    for i in range(n):
        if i == n // 2:
            Base.f = lambda self, x: x - 1
        out.append(m.f(i))
    return sum(out), out[n // 2 - 2 : n // 2 + 2]


def shadowing(n):
    # A method added to Mid's base between Leaf and Base changes what Leaf's super finds.
    leaf = Leaf()
    out = []
    for i in range(n):
        if i == n // 2:
            Mid.f = lambda self, x: -x
        out.append(leaf.f(i))
    return sum(out), out[n // 2 - 2 : n // 2 + 2]


def raising(n):
    m = Mid()
    caught = 0
    t = 0
    for i in range(n):
        try:
            t += m.fails(i % 10)
        except ValueError as e:
            caught += 1
            last = str(e)
    return t, caught, last


print(run(300))
print(polymorphic(300))
print([Diamond().g() for _ in range(40)][-1])
items = Items()
for i in range(50):
    items.append(i)
print(len(items), items[:3], items[-1])
print(Items.make(3)[1], type(Items.make(3)[0]).__name__)
print(raising(200))
print(rebinding(200))
print(shadowing(200))
unbound = super(Mid)
print(type(unbound).__name__, unbound.__thisclass__.__name__)
for _ in range(30):
    s = super(Mid, Mid())
    r = s.g()
print(r)
try:
    for i in range(30):
        super(Leaf, Mid()).f(i)
except TypeError as e:
    print("TypeError:", e)


# Zero-argument super()'s errors, in CPython's order of checks.
def no_args():
    return super().g()


class Deleted(Base):
    def g(self):
        del self
        return super().g()


class Rebound(Base):
    def g(self):
        self = 3
        return super().g()


class LocalClass(Base):
    def g(self):
        __class__ = 5
        return super().g()


for f in (no_args, lambda: Deleted().g(), lambda: Rebound().g(), lambda: LocalClass().g()):
    try:
        f()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
