t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, (1,), ())
a, b, c = t
print(a, b, c)
a, *rest = [1, 2, 3, 4]
print(a, rest)
*init, last = "hello"
print(init, last)
x, (y, z) = 1, (2, 3)
print(x, y, z)
print(t.index(2), t.count(3), 2 in t, tuple([5, 6]), tuple("ab"))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 5), max((1, 2), (1, 3)))
a, b = b, a
print(a, b)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "x"}[(1, 2)])
nested = ((1, 2), (3, 4))
for p, q in nested:
    print(p + q)
