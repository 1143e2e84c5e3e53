# A binary operator with no implementation names the operands' own types, also for instances of
# built-in subclasses whose operation ran on the wrapped base values (it named the bases).
class L(list):
    pass


class D(dict):
    pass


class I(int):
    pass


class F(float):
    pass


for a, b in ((D(), 1), (1, D()), (L(), 1.5), (D(), D()), (I(3), "x"), (F(1.5), [1]),
             (L([1]), L([2])), (I(2), I(5)), (D(a=1), {"b": 2})):
    for f in (lambda: a + b, lambda: a - b, lambda: a | b, lambda: a @ b):
        try:
            print(repr(f()))
        except TypeError as e:
            print("TypeError:", e)
x = L([1])
x += [2]
print(type(x).__name__, x)
d = D(a=1)
d |= {"b": 2}
print(type(d).__name__, d)
i = I(4)
i -= 1
print(type(i).__name__, i)
