a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
x, *y = [1]
print(x, y)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print([*range(3), *"ab", *[9]])
print({**{"a": 1}, **{"b": 2}, "c": 3})
print((*[1, 2], 3), {*[1, 2], 3})
def f(a, b, c):
    return a * 100 + b * 10 + c
print(f(*[1, 2], 3), f(**{"c": 1, "a": 2, "b": 3}))
a = b = c = [0]
print(a is b is c)
l = [0, 0, 0]
i = 0
i, l[i] = 1, 5
print(i, l)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
