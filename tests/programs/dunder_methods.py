class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "Vec(" + ", ".join(map(repr, self.c)) + ")"
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __contains__(self, x):
        return x in self.c
    def __iter__(self):
        return iter(self.c)
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.c])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return self * -1
    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c
    def __lt__(self, o):
        return sum(self.c) < sum(o.c)
    def __bool__(self):
        return any(self.c)
    def __call__(self, x):
        return [x * a for a in self.c]
    def __hash__(self):
        return hash(tuple(self.c))
v = Vec(1, 2, 3)
w = Vec(4, 5, 6)
print(v + w, v * 2, 3 * v, -v, len(v), v[1], 2 in v, list(v), v == Vec(1, 2, 3), v != w)
v[0] = 10
print(v, v < w, sorted([w, v]), bool(Vec(0, 0)), bool(v), v(2), max([v, w]))
print({v: 1}[Vec(10, 2, 3)])
class Num:
    def __init__(self, n): self.n = n
    def __radd__(self, o): return Num(o + self.n)
    def __add__(self, o): return Num(self.n + (o.n if isinstance(o, Num) else o))
    def __repr__(self): return f"Num({self.n})"
print(sum([Num(1), Num(2)]), 5 + Num(1), Num(1) + 5)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
