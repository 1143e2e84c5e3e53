class Temp:
    scale = "C"
    count = 0
    def __init__(self, c):
        self._c = c
        Temp.count += 1
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
t = Temp(100)
print(t.c, t.f, Temp.convert(0), t.convert(10))
t.c = 37
print(t.f)
try:
    t.c = -300
except ValueError as e:
    print("err", e)
u = Temp.from_f(212)
print(u.c, Temp.count, type(u).__name__)
try:
    t.f = 1
except AttributeError as e:
    print("AttributeError")
