# Calls that leave parameters to their defaults, switched in compiled code: one or two defaults
# copied from the end of __defaults__; __defaults__ rebound (longer, shorter, None) while the
# loop runs, a site seeing functions with other counts, methods, recursion and three defaults
# (no in-place form) all bind as CPython does.


def one(a, b=10):
    return a + b


def two(a, b=20, c=300):
    return a + b + c


def three(a, b=1, c=2, d=3):
    return a * b + c * d


def deep(n, acc=0):
    return acc if n == 0 else deep(n - 1, acc + n)


class C:
    def m(self, x, y=5):
        return x * y

    def n(self, x=1, y=2):
        return x - y


def run(n):
    s = 0
    errors = []
    c = C()
    for i in range(n):
        s += one(i) + two(i, 1) + three(i) + c.m(i) + c.n() + c.n(i)
        if i == n // 4:
            one.__defaults__ = (1000,)
        if i == n // 2:
            two.__defaults__ = (7,)
        if i == 3 * n // 4:
            one.__defaults__ = (1, 2, 3)
        try:
            s += two(i)
        except TypeError as e:
            errors.append(str(e))
    one.__defaults__ = None
    try:
        one(1)
    except TypeError as e:
        errors.append(str(e))
    return s, len(errors), sorted(set(errors))


print(run(200))


def flip(n):
    fs = [lambda a, b=1: a + b, lambda a, b=2, c=3: a * b * c, lambda a=4: a]
    s = 0
    for i in range(n):
        f = fs[i % 3]
        s += f(i) if i % 3 != 2 else f()
    return s


print(flip(300))
print(deep(200), deep(50, 7))
