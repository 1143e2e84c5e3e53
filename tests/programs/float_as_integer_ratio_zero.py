# float.as_integer_ratio() of a zero is (0, 1) (the old loop stopped shifting at a zero mantissa,
# leaving 2**1074 as the denominator); _pydecimal's Decimal(-0.0) goes through it.
import _pydecimal

for x in [0.0, -0.0, 5e-324, -5e-324, 2.5, -0.1, 1e300, 2.0**-1070, 1.0]:
    print(repr(x), x.as_integer_ratio())
print(_pydecimal.Decimal(-0.0), _pydecimal.Decimal(0.0), _pydecimal.Decimal.from_float(5e-324))
from fractions import Fraction

print(Fraction(0.0), Fraction(-0.0), Fraction.from_float(0.0))
for bad in [float("inf"), float("-inf"), float("nan")]:
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
