class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"flat3 {x} {y}"
        case Point(x=0, y=y):
            return f"on y axis {y}"
        case Point(x, 0):
            return f"on x axis {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=x, y=y):
            return f"somewhere {x},{y}"
        case (1, 2) | [3, 4]:
            return "seq"
        case {"type": "circle", "r": r, **rest}:
            return f"circle {r} {rest}"
        case bool(b):
            return f"bool {b}"
        case int(i) | float(i):
            return f"number {i}"
        case str() as s if len(s) > 3:
            return f"long str {s}"
        case dict(d):
            return f"dict {len(d)}"
        case tuple((a, b)):
            return f"tuple {a} {b}"
        case None:
            return "none"
        case _:
            return "other"
for v in [Point(0, 0), Point3(1, 2, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7), (1, 2), [3, 4],
          {"type": "circle", "r": 2, "c": 1}, True, 3, 2.5, "hello", "hi", {"a": 1}, (8, 9), None, object]:
    print(where(v))
def errs(v, k):
    try:
        match v:
            case Point(1, 2, 3) if k == 0: pass
            case int(1, 2) if k == 1: pass
            case _: print("no error")
    except TypeError as e:
        print("TypeError:", e)
errs(Point(1, 2), 0)
errs(5, 1)
class Bad:
    __match_args__ = ("a", "a")
    a = 1
try:
    match Bad():
        case Bad(x, y): pass
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1): pass
except TypeError as e:
    print("TypeError:", e)
class K:
    a = "k"
    b = "k"
try:
    match {"k": 2, "j": 3}:
        case {K.a: a, K.b: b}: pass
except ValueError as e:
    print(type(e).__name__, e)
match {"k": 1}:
    case {"z": _}: print("z")
    case {"k": 1 | 2 as v}: print("k", v)
match "abc":
    case [*_]: print("str is seq")
    case _: print("str not seq")
match range(3):
    case [0, *rest]: print("range", rest)
