a, b, c = "xyz"
print(a, b, c)
(a, b), c = [1, 2], 3
print(a, b, c)
first, *mid, last = range(6)
print(first, mid, last)
*_, z = [1, 2, 3]
print(z)
d = {"k1": 1, "k2": 2}
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
print([*range(3), *"ab"], (*[1, 2],), {**d, "k3": 3}, {*[1, 1, 2]})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), **{"a": 1}, **{"b": 2}))
x = y = 5
print(x, y)
m, n = n, m = 1, 2
print(m, n)
