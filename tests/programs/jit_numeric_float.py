# Mixed float/int arithmetic in compiled loops (BINARY_OP_NUMERIC_FLOAT's stencil): + - * / with
# a float and a small int, / on two ints, in-place forms, zero divisors, big ints, infinities,
# NaNs and signed zeros, and operands that turn into other types while the loop runs.
import math


def mix(n):
    acc = 0.5
    t = 0.0
    for i in range(n):
        acc = acc * 1.0001 + i
        acc -= i * 0.5
        t += i / 3
        t = t - 1 / (i + 1)
    return acc, t


def divide(pairs):
    out = []
    for a, b in pairs:
        try:
            out.append(a / b)
        except ZeroDivisionError as e:
            out.append(("ZeroDivisionError", str(e)))
        except OverflowError as e:
            out.append(("OverflowError", str(e)))
    return out


def edge(values):
    out = []
    for v in values:
        out.append((v * 2.0, 2.0 - v, v + 0.0, v * -1.0))
    return out


def flip(values):
    total = 0.25
    for v in values:
        total = total + v
    return total


print(mix(200))
print(divide([(1, 2), (7.5, 3), (3, 0), (0, 0.0), (-0.0, 5), (2 ** 60, 3.0), (10 ** 400, 2.0), (1.0, 10 ** 400)] * 3))
print(edge([1, -3, 0, 2 ** 47 - 1, -(2 ** 47), 1.5, float("inf"), float("-inf"), -0.0, 0.0]))
nan = edge([float("nan")] * 20)[0]
print([math.isnan(x) for x in nan])
print(flip([1, 2.5, 3] * 10 + [True, 2 ** 70, 1.5]))
try:
    print(flip([1.5] * 20 + ["x"]))
except TypeError as e:
    print("TypeError", e)
print(flip([0.1] * 30 + [complex(1, 2)]))
x = 1e308
for _ in range(20):
    y = x * 10
print(y, -x * 10, 1e308 + 1e308)
