# BINARY_OP_NUMERIC_FLOAT: float results from unboxed numbers (mixed int/float + - * /, int / int,
# float ** float) must equal CPython's, and every case it leaves to the generic form (zero
# divisors, overflowing or complex powers, big ints, bools, subclasses) must raise or return
# exactly what CPython does. Each site runs hot (specialized), then sees other types (misses).
import math


def show(tag, f):
    try:
        r = f()
    except Exception as e:
        print(tag, type(e).__name__, e)
    else:
        print(tag, type(r).__name__, repr(r))


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def div(a, b):
    return a / b


def pw(a, b):
    return a ** b


def iadd(a, b):
    a += b
    return a


def idiv(a, b):
    a /= b
    return a


def ipow(a, b):
    a **= b
    return a


class F(float):
    pass


class I(int):
    pass


ops = [add, sub, mul, div, pw, iadd, idiv, ipow]
# Warm every site up with the kinds it specializes on.
warm = [(1.5, 2), (3, 0.25), (7, 2), (2.5, 1.5), (0.1, 3.0)]
for f in ops:
    acc = 0.0
    for i in range(200):
        for a, b in warm:
            try:
                acc += f(a, b)
            except (TypeError, ZeroDivisionError, OverflowError):
                pass
    print(f.__name__, "warm", repr(acc))

cases = [
    (1, 2.0), (2.0, 1), (-3, 0.5), (0.5, -3), (7, 2), (-7, 2), (1, 3), (2**47 - 1, 3.0),
    (2**47, 3.0), (2**60, 3.0), (2**60, 3), (10**20, 7), (1, 0), (1.0, 0), (0, 0.0),
    (-0.0, 0), (0, -0.0), (-0.0, -0.0), (0.0, -1), (float("inf"), 2), (2, float("inf")),
    (float("nan"), 1), (1, float("nan")), (float("-inf"), float("inf")), (True, 2.5),
    (2.5, False), (F(1.5), 2), (2, F(1.5)), (I(3), 0.5), (1e308, 10), (1e308, 1e308),
    (10.0, 400.0), (10.0, -400.0), (2.0, 0.5), (-8.0, 1 / 3), (-2.0, 2.0), (0.0, -1.0),
    (0.0, 0.0), (1.0, float("nan")), (float("nan"), 0.0), (4.0, 0.5), (1.5, 2), (2, 0.5),
    ("a", 2), (2, "a"), (None, 1.0), (1.0, None), (3 + 0j, 2.0),
]
for f in ops:
    for a, b in cases:
        show(f"{f.__name__}({a!r}, {b!r})", lambda: f(a, b))

# A hot site whose operand kinds change: float, int/int division, then big ints.
def mixed_loop(xs):
    t = 0.0
    for x in xs:
        t = t * 0.5 + x / 3
    return t


print(repr(mixed_loop(range(1000))))
print(repr(mixed_loop([1.5] * 100 + [2**70] * 3 + [7] * 50)))
print(math.isclose(mixed_loop(range(50)), mixed_loop([float(i) for i in range(50)])))
