def trace(fn):
    def wrapper(*args, **kwargs):
        r = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {r}")
        return r
    return wrapper
@trace
def add(a, b):
    return a + b
add(1, 2)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(x):
    return f"hi {x}"
print(hello("bob"))
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100))
def memo(f):
    cache = {}
    @functools.wraps(f)
    def inner(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return inner
@memo
def sq(n):
    """square"""
    return n * n
print(sq(12), sq.__name__, sq.__doc__)
p = functools.partial(int, base=2)
print(p("1010"), functools.reduce(lambda a, b: a + b, [1, 2, 3], 10))
