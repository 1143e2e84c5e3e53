# fractions.Fraction: construction from ints, strings, floats and Decimals, arithmetic with
# ints, floats and complex, comparisons, rounding, limit_denominator, hashing, errors.
from fractions import Fraction as F
from decimal import Decimal
import math

print(F(3, 4), F(-6, 8), F(5), F("3/7"), F(" -1.25e1 "), F("0.1"), F(0.5), F(Decimal("1.1")))
print(repr(F(1, 3)), str(F(2, 1)), F(1, 3).numerator, F(1, 3).denominator)
a, b = F(1, 3), F(2, 5)
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, +a, abs(-a), a ** 2, a ** -2, b ** F(1, 1))
print(a + 1, 1 - a, a * 2.0, 2 ** F(1, 2), a + 1j, divmod(F(7, 2), F(1, 3)))
print(a < b, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, a != b, max(a, b), sorted([b, a, F(0)]))
print(math.floor(F(-7, 2)), math.ceil(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(22, 7), 3),
      math.trunc(F(-7, 2)), int(F(9, 4)), float(F(1, 8)))
print(F(3.141592653589793).limit_denominator(1000), F(1, 3).limit_denominator(2),
      F("1.5").as_integer_ratio(), F(10, 4).is_integer() if hasattr(F, "is_integer") else "n/a")
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), len({F(1, 2), 0.5, F(2, 4)}))
print(F.from_float(0.1), F.from_decimal(Decimal("-2.50")), bool(F(0)), bool(F(1, 9)))
print(sum([F(1, n) for n in range(1, 11)]), math.prod([F(n, n + 1) for n in range(1, 6)]))
print(f"{F(1, 3):}", format(F(5, 4)), F(7, 3).__round__(), F(-7, 3).__floor__())
for bad in (lambda: F(1, 0), lambda: F("1/0"), lambda: F("x"), lambda: F(1.5, 2),
            lambda: F(float("nan")), lambda: F(float("inf")), lambda: F(1, 2) / 0,
            lambda: F([1])):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
