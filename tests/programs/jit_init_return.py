# __init__ frames returning in compiled code: None leaves the new instance as the call's result
# (nothing pushed); any other value is CPython's TypeError at the call; exceptions and nested
# constructions unwind and return through the same path.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Node:
    def __init__(self, depth):
        self.kids = [Node(depth - 1) for _ in range(2)] if depth else []
        if depth == 99:
            return None


class Odd:
    def __init__(self, i):
        self.i = i
        if i % 17 == 16:
            return i


class Boom:
    def __init__(self, i):
        if i % 13 == 12:
            raise ValueError(i)
        self.i = i


def count(n):
    return 1 + sum(count(k) for k in n.kids)


def run(n):
    s = 0
    errors = []
    for i in range(n):
        v = V(i, -i)
        s += v.x - v.y
        try:
            s += Odd(i).i
        except TypeError as e:
            errors.append(str(e))
        try:
            s += Boom(i).i
        except ValueError as e:
            errors.append(repr(e))
    return s, len(errors), errors[:3]


for _ in range(3):
    r = run(200)
print(r)
print(count(Node(6)), type(V(1, 2)).__name__, V(3, 4).y)
