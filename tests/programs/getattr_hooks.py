class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, getattr(d, "xa"), hasattr(d, "nope"))
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
l = Logged()
l.a = 5
print(l.a)
class Desc:
    def __get__(self, obj, owner):
        return "got" if obj is not None else "class"
    def __set__(self, obj, value):
        obj.__dict__["_d"] = value * 2
class H:
    d = Desc()
h = H()
print(h.d, H.d)
h.d = 21
print(h._d)
