def f(a, b=10, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, d=6, e=7, g=8))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def h(*args, **kwargs):
    return args, kwargs
print(h(), h(1, 2, a=3), h(*[1, 2], **{"k": "v"}))
print(f(*(1, 2), **{"c": 9}))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(15)])
sq = lambda x: x * x
print(sq(7), (lambda *a: sum(a))(1, 2, 3), list(map(lambda x: x + 1, [1, 2])))
def defaults(x=[]):
    x.append(1)
    return x
print(defaults(), defaults())
def noret():
    pass
print(noret())
print(f.__name__, fact.__qualname__, sq.__name__)
def outer():
    def inner():
        return "inner"
    return inner
print(outer()(), outer().__qualname__)
