class C(complex):
    def norm(self):
        return abs(self)
c = C(3, 4)
print(c, repr(c), c.norm(), c.real, c.imag, c + 1, 1 + c, c * c, -c, c == 3 + 4j, hash(c) == hash(3 + 4j), type(c).__name__, isinstance(c, complex))
print(c.conjugate(), abs(c), bool(C()), complex(c), format(c, ".1f"), f"{c}", str(c), c ** 2, c / 2, [c][0], {c: 1}[3 + 4j])
class P(complex):
    def __repr__(self):
        return "P!"
    def __add__(self, o):
        return "added"
p = P(1)
print(repr(p), p + 1, str(p), 1 + p, p - 1)
try:
    c < c
except TypeError as e:
    print(e)
class I(int): pass
print(I(1) < I(2), I(3) >= 2, 1 < I(0))
class C(complex): pass
try:
    C(1) < 1
except TypeError as e:
    print(e)
try:
    1 < C(1)
except TypeError as e:
    print(e)
