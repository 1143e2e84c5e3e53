# Keyword arguments bound to a Python function's parameters (call::bind_args and its fast path
# bind_kw_fast): keywords for positional and keyword-only parameters, defaults and keyword-only
# defaults filling the rest, positional-only parameters, keyword names built at run time (equal
# but not the interned string), a __defaults__ longer than the parameters, replaced
# __kwdefaults__, methods, and the errors, in a loop long enough to specialize and compile.
def f(a, b=2, *, c, d=4):
    return (a, b, c, d)


def g(a, /, b=1):
    return a, b


class C:
    def meth(self, x, y=2):
        return x, y


def run(n):
    t = 0
    c = C()
    for i in range(n):
        a, b, cc, d = f(i, c=i)
        t += a + b + cc + d
        a, b, cc, d = f(c=1, a=i, d=i)
        t += a + b + cc + d
        x, y = c.meth(y=i, x=1)
        t += x + y
        x, y = g(i, b=2)
        t += x + y
    return t


print(run(500))
print(f(1, c=3), f(1, 5, c=3, d=6), f(c=1, a=2), f(a=0, b=1, c=2, d=3))
name = "".join(["c"])
print(f(1, **{name: 9}), f(**{"".join("a"): 1, name: 2}))
for bad in (
    "f(1, 2, a=3, c=1)",
    "f(1)",
    "f(1, e=2, c=1)",
    "g(a=1)",
    "f(1, 2, 3, c=1)",
    "f(1, **{name: 1, 'b': 2, 'a': 3})",
):
    for _ in range(20):
        try:
            eval(bad)
        except TypeError as e:
            msg = str(e)
    print(bad, "->", msg)


def h(a):
    return a


h.__defaults__ = (1, 2, 3)
print(h(), h(a=5))


def k(a, b):
    return a, b


k.__defaults__ = (7, 8, 9)
print(k(), k(b=1), k(0))


def kwd(*, x=1, y):
    return x, y


print(kwd(y=2))
kwd.__kwdefaults__ = {"x": 1, "y": 5}
print(kwd(), kwd(x=3), kwd(**{"".join("y"): 7}))
try:
    kwd.__kwdefaults__ = {"x": 1}
    kwd(x=1)
except TypeError as e:
    print(e)
kwd.__kwdefaults__ = None
try:
    kwd()
except TypeError as e:
    print(e)


# A __defaults__ longer than the parameters on the other binding paths: positional calls in a
# loop (CALL_PY_WITH_DEFAULTS), *args (the general binder) and the too-many-arguments error.
def two(a, b):
    return a, b


two.__defaults__ = (7, 8, 9)
print([two(i) for i in range(20)][-1], two())


def star(a, b, *rest):
    return a, b, rest


star.__defaults__ = (7, 8, 9)
print(star(), star(1), star(1, 2, 3))
try:
    two(1, 2, 3)
except TypeError as e:
    print(e)
