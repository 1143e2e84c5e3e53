import math


class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))


p = Pos(-5)
print(p, p + 1, 1 + p, type(p + 1).__name__, repr(p), p == 5, hash(p) == hash(5), -p, p * 2, p < 7)
print(int(p), float(p), f"{p:03d}", str(p), [0, 1, 2, 3, 4, 5, 6][p], {5: "x"}[p], bool(Pos(0)))
p.tag = "t"
print(p.tag, p.__dict__, p.bit_length(), p.real, divmod(p, 2), abs(Pos(3)), max(Pos(3), 2))
print("%d %s %r" % (p, p, p), "{} {}".format(p, p), math.sqrt(Pos(4)), p ** 2, p & 1, list(range(Pos(3))))


class Celsius(float):
    def describe(self):
        return f"{self:.1f}C"


c = Celsius(21.456)
print(c, c.describe(), c + 1, round(c, 1), c.is_integer(), type(c + 1).__name__)


class Money(float):
    def __repr__(self):
        return f"${float(self):.2f}"


m = Money(2.5)
print(m, [m], m + 1, str(m), f"{m}", f"{m:.1f}", m * 2, int(m), round(m))


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("bob")
print(n, repr(n), n.shout(), len(n), n + "x", n == "bob", n[0], "o" in n, list(n), f"[{n:>5}]")
print(n.split("o"), type(n.upper()).__name__, "%s-%r" % (n, n), ", ".join([n, Name("al")]), n[::-1])
print({n: 1}["bob"], sorted([Name("b"), Name("a")]), int(Name("12")), str.upper(n), list(reversed(n)))


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s[0], s[1:], list(reversed(s)), sum(s), 3 in s, type(s).__name__)
s += [4]
print(s, type(s).__name__, s.pop(), s, Stack([1]) + Stack([2]), type(s.copy()).__name__)
s[0] = 10
del s[1]
print(s, s == [10, 3], sorted(s), bool(Stack()), [x * 2 for x in s], isinstance(s, list))


class Counter(dict):
    def __missing__(self, k):
        return 0


d = Counter(a=1)
d["b"] = d["b"] + 2
print(d, d["a"], d["zz"], len(d), list(d), d.get("q"), "a" in d, type(d).__name__, dict(d))


class Vec(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


v = Vec(1, 2)
a, b = v
print(v, v.x, v[1], len(v), v + (3,), type(v).__name__, v == (1, 2), hash(v) == hash((1, 2)), a, b)


class Range(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n


r = Range(3)
print(r, r.n, vars(r))


class Bag(set):
    pass


bag = Bag([1, 2, 2])
bag.add(5)
print(bag, len(bag), 5 in bag, bag | {9}, Bag(), type(bag).__name__)
match Pos(3):
    case int(x):
        print("int pattern", x)
match Stack([1, 2]):
    case [first, second]:
        print("sequence pattern", first, second)
match Counter(k=1):
    case {"k": val}:
        print("mapping pattern", val)
try:
    object.__new__(Pos)
except TypeError as e:
    print("TypeError:", e)
try:
    class Both(int, str):
        pass
except TypeError as e:
    print("TypeError:", e)
