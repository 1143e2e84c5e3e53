def f(a, b, *, c):
    pass
def g(x, /, y):
    pass
tests = [
    lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3), lambda: f(1, 2, c=3, d=4),
    lambda: f(1, a=1, b=2, c=3), lambda: g(x=1, y=2), lambda: g(1, 2, 3), lambda: f(),
    lambda: (lambda: 1)(1), lambda: (lambda a, b=1: 1)(1, 2, 3),
]
for t in tests:
    try:
        t()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
class K:
    def m(self, a):
        pass
for t in [lambda: K().m(), lambda: K().m(1, 2), lambda: K.m()]:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
