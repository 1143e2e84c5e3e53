import math
print(math.sqrt(16), math.sqrt(2), math.pi, math.e, math.inf, -math.inf)
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.floor(-3.5), math.ceil(-3.5))
print(math.sin(0), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.atan(1))
print(math.exp(1), math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024))
print(math.pow(2, 10), math.fabs(-3), math.factorial(10), math.gcd(12, 18), math.hypot(3, 4))
print(math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.degrees(math.pi), math.radians(180), math.copysign(1, -0.0), math.fmod(7, 3))
print(math.comb(10, 3), math.perm(5, 2), math.isqrt(99), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
from math import sqrt as s, pi
print(s(81), round(pi, 3))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
