class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(1, 2)
q = Point(3, 4)
print(p, q, p + q, p == Point(1, 2), p != q, Point.count)
print(p.norm2(), Point.norm2(q), len({p, Point(1, 2)}))
print(isinstance(p, Point), type(p).__name__, type(p) is Point)
p.z = 5
print(p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "w", "dflt"))
setattr(p, "w", 1); delattr(p, "z")
print(sorted(vars(p).items()))
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, object))
