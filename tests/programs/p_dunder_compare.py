class Ver:
    def __init__(self, *p):
        self.p = p
    def __eq__(self, o):
        return isinstance(o, Ver) and self.p == o.p
    def __lt__(self, o):
        return self.p < o.p
    def __le__(self, o):
        return self.p <= o.p
    def __gt__(self, o):
        return self.p > o.p
    def __ge__(self, o):
        return self.p >= o.p
    def __hash__(self):
        return hash(self.p)
    def __repr__(self):
        return "v" + ".".join(map(str, self.p))
vs = [Ver(1, 2), Ver(1, 0, 5), Ver(0, 9), Ver(1, 2)]
print(sorted(vs), max(vs), min(vs))
print(vs[0] == vs[3], vs[0] != vs[1], vs[0] is vs[3], vs[1] < vs[0], vs[2] >= vs[1])
print(len({vs[0], vs[3]}), vs[0] == (1, 2))
d = {Ver(1): "one"}
print(d[Ver(1)])
class NoEq:
    pass
n = NoEq()
print(n == n, n == NoEq(), n != NoEq())
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
print(OnlyLt(2) > OnlyLt(1), OnlyLt(1) < OnlyLt(2))
