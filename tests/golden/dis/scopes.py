counter = 0

def use_global():
    global counter
    counter += 1
    return counter

def make_adder(n):
    def add(x):
        return x + n
    return add

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

def comprehensions(xs):
    a = [x * 2 for x in xs if x]
    b = {x: x ** 2 for x in xs}
    c = {x for x in xs}
    d = list(x for x in xs)
    e = [(x, y) for x in xs for y in xs if x != y]
    return a, b, c, d, e

def closure_in_comp(xs, k):
    return [x + k for x in xs]

def gen(n):
    for i in range(n):
        yield i * 2
    yield from range(3)
    return 5

def lambdas(xs):
    return sorted(xs, key=lambda v: -v), (lambda a, b=1, *c, d, e=2, **f: a)

def defaults(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw

class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    @staticmethod
    def origin():
        return Point(0, 0)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Child(Point):
    def norm(self):
        return super().norm() * 2

def annotated(a: int, b: str = "x") -> bool:
    return True
