class Proxy:
    def __init__(self, target):
        self._t = target
    def __getattr__(self, name):
        print("getattr", name)
        return getattr(self._t, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._t)
class Dyn:
    x = 1
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.x, d.get_foo(), hasattr(d, "zzz"), getattr(d, "zzz", "dflt"))
class Rec:
    def __setattr__(self, k, v):
        print("setattr", k, v)
        object.__setattr__(self, k, v)
    def __delattr__(self, k):
        print("delattr", k)
        object.__delattr__(self, k)
r = Rec()
r.a = 1
del r.a
print(hasattr(r, "a"))
class GA:
    def __getattribute__(self, n):
        return "always " + n
print(GA().anything)
