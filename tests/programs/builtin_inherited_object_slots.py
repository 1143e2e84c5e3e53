# Built-in types that inherit object's __str__ / __repr__ in CPython (int, float, complex, bool
# have no __str__ of their own; iterators no __repr__), found by the call fuzzer; enum relies on
# it (an IntEnum's str() is int.__repr__ of the value).
import enum

for t in (bool, int, float, complex, str, bytes, enumerate, zip, map, filter, reversed, type(iter([])), type(iter(range(1)))):
    print(t.__name__, "__str__" in vars(t), "__repr__" in vars(t), t.__str__ is object.__str__)
print(bool.__str__([]), int.__str__("s"), enumerate.__repr__(5).split(" at ")[0], repr(enumerate([])).split(" at ")[0])


class C(enum.IntEnum):
    A = 1


class F(float, enum.Enum):
    X = 1.5


class S(str, enum.Enum):
    Q = "q"


class I(int):
    def __repr__(self):
        return "I!"


print(str(C.A), repr(C.A), format(C.A), f"{C.A}", str(F.X), str(S.Q), repr(S.Q), str(I(3)), int.__repr__(I(4)))
