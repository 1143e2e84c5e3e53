# LOAD_METHOD on instances of built-in subclasses and of slotted classes that keep a __dict__
# (LOAD_METHOD_WITH_VALUES guards the type version and the instance dict): list methods and
# methods the subclass defines, then an instance attribute that shadows a method, a method
# rebound on the class, and a dictless slotted class beside them.
class OC(list):
    def total(self):
        return sum(self)


class SD:
    __slots__ = ("a", "__dict__")

    def __init__(self, a):
        self.a = a

    def get(self):
        return self.a


class SN:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a

    def get(self):
        return self.a + 1


def fill(oc, n):
    for i in range(n):
        oc.append(i)
        if i % 3 == 0:
            oc.pop()
    return oc.total(), len(oc)


def gets(objs):
    t = 0
    for o in objs:
        t += o.get()
    return t


print(fill(OC(), 200))
objs = [SD(i) for i in range(50)] + [SN(i) for i in range(50)]
print(gets(objs))
oc = OC()
print(fill(oc, 100))
oc.append = lambda x: print("shadowed append", x)
oc.total = lambda: "shadowed total"
print(fill(oc, 4))
objs[3].get = lambda: 1000
print(gets(objs))
OC.total = lambda self: -len(self)
print(fill(OC(), 60))
SD.get = lambda self: self.a * 2
print(gets(objs))


class Str(str):
    def shout(self):
        return self.upper() + "!"


def shouts(n):
    s = Str("hi")
    r = []
    for i in range(n):
        r.append(s.shout())
        r.append(s.lower())
    return "".join(r)


print(shouts(30))
