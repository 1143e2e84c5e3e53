class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        print("get", k)
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
    def __len__(self):
        return len(self.d)
    def __contains__(self, k):
        return k in self.d
g = Grid()
g[1, 2] = 5
g["a"] = 1
print(g[1, 2], g[9], len(g), (1, 2) in g, "zz" in g)
del g["a"]
print(len(g), bool(g))
class Sl:
    def __getitem__(self, i):
        return i
s = Sl()
print(s[1:5], s[::2], s[1, 2:3], s[...])
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
