def f(a, b=2, c=3):
    return a + b * c
print(f(1), f(1, 5), f(1, c=10), f(a=2, b=0))
def g(x, acc=[]):
    acc.append(x)
    return acc
print(g(1), g(2), g(3, []))
def h(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(h(), h())
print(f.__name__, f.__defaults__)
