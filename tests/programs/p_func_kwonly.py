def f(a, *, b, c=5):
    return a, b, c
print(f(1, b=2), f(1, c=3, b=4))
def g(a, b, /, c, *, d):
    return a + b + c + d
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4))
def h(x, /, y=10):
    return x * y
print(h(2), h(2, 3), h(2, y=4))
def k(pos, /, **kw):
    return pos, kw
print(k(1, pos=2))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
