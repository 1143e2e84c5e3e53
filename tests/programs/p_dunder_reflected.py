class M:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, M):
            return M(self.v + o.v)
        if isinstance(o, int):
            return M(self.v + o)
        return NotImplemented
    __radd__ = __add__
    def __rsub__(self, o):
        return M(o - self.v)
    def __rtruediv__(self, o):
        return M(o / self.v)
    def __lt__(self, o):
        return NotImplemented
    def __eq__(self, o):
        return isinstance(o, M) and self.v == o.v
    def __index__(self):
        return self.v
    def __repr__(self):
        return f"M({self.v})"
print(M(1) + 2, 2 + M(1), M(1) + M(2), 10 - M(3), 1 / M(4))
print([10, 20, 30][M(1)], bin(M(5)), hex(M(255)), range(M(3)))
print(M(1) == M(1), M(1) == 1, M(1) != M(2))
try:
    M(1) < M(2)
except TypeError as e:
    print("TypeError:", e)
try:
    M(1) + "s"
except TypeError as e:
    print("TypeError:", e)
