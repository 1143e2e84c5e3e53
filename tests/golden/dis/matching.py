def literal(x):
    match x:
        case 1:
            return "one"
        case "two" | "deux":
            return 2
        case None:
            return "none"
        case -3:
            return "neg"
        case _:
            return "other"

def sequences(seq):
    match seq:
        case []:
            return 0
        case [a]:
            return a
        case [a, b, *rest]:
            return a, b, rest
        case (first, *_, last):
            return first, last

def mappings(m):
    match m:
        case {"x": x, "y": y}:
            return x + y
        case {"kind": "circle", **rest}:
            return rest
        case {}:
            return None

class Point:
    __match_args__ = ("x", "y")

def classes(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(x, 0) if x > 0:
            return "positive x axis"
        case Point(x=px, y=py) as pt:
            return px, py, pt
        case int() | float() as num:
            return num
        case [Point(x=0), *others]:
            return others

def guard_only(v):
    match v:
        case [x, y] if x == y:
            return "same"
        case (x, y) | [x, y, _]:
            return x, y
        case other:
            return other
