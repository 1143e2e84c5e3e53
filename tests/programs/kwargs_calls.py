def f(a, b=2, *, c=3, **rest):
    return a, b, c, rest
print(f(1), f(1, c=4), f(b=5, a=0), f(1, 2, c=3, d=4, e=5))
args = (1, 2)
kw = {"c": 9, "z": 0}
print(f(*args, **kw))
def g(*args):
    return len(args), args
print(g(), g(*range(5)), g(*"ab", *[1]))
class C:
    def m(self, x, *, scale=1):
        return x * scale
print(C().m(3), C().m(3, scale=4), C.m(C(), 2, scale=2))
print(dict(a=1, **{"b": 2}), sorted(**{"key": len, "reverse": True}, iterable=["aa", "b"]) if False else "skip")
print(max([3, 1, 2], key=lambda v: -v), min("hello", key=ord), sorted([3, 1], reverse=True))
print(int("11", base=3), "x".center(5, "*"), round(number=2.567, ndigits=1))
