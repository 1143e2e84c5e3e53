# LOAD_METHOD on a class object (LOAD_METHOD_CLASS): classmethods called on their class, on a
# subclass and through `cls`, plain functions and values called through the class, a staticmethod
# and a metaclass beside them (not specialized), and a classmethod rebound on the class while a
# loop calls it.
class Strength:
    def __init__(self, v):
        self.v = v

    @classmethod
    def stronger(cls, a, b):
        return a.v < b.v

    @classmethod
    def strongest(cls, a, b):
        if cls.stronger(a, b):
            return a
        return b

    @classmethod
    def name(cls):
        return cls.__name__

    def plain(x):
        return x * 2

    @staticmethod
    def static(x):
        return x + 100

    factor = len


class Sub(Strength):
    pass


def run(n):
    t = 0
    a, b = Strength(1), Strength(2)
    for i in range(n):
        t += Strength.strongest(a, b).v
        t += Sub.strongest(b, a).v
        t += Strength.plain(i) + Strength.static(i) + Strength.factor("abc")
        if i % 50 == 0:
            t += len(Sub.name() + Strength.name())
    return t


print(run(300))


def rebinding(n):
    t = 0
    for i in range(n):
        t += Strength.name() == "Strength"
        if i == n // 2:
            Strength.name = classmethod(lambda cls: "renamed " + cls.__name__)
    return t


print(rebinding(200), Strength.name(), Sub.name())
Strength.stronger = lambda a, b: True
print(run(10))


class Meta(type):
    def hello(cls):
        return "meta " + cls.__name__


class WithMeta(metaclass=Meta):
    @classmethod
    def make(cls):
        return cls.__name__


print([WithMeta.make() + WithMeta.hello() for _ in range(40)][-1])
