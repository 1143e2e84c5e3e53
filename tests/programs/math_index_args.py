# math's integer arguments take __index__ (gcd, lcm, comb, perm, isqrt, factorial); ldexp takes an
# int only, correctly rounded, with huge exponents clamped (overflow: OverflowError).
import math
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(math.gcd(I(12), 18), math.comb(I(5), I(2)), math.perm(I(5), 2), math.isqrt(I(17)), math.factorial(I(5)), math.lcm(I(4), 6))
print(math.ldexp(0.5, 1024), math.ldexp(1.0, -1074), math.ldexp(3.0, -10**30), math.ldexp(-2.0, -2000))
for f, a in [(math.ldexp, (1.0, I(3))), (math.ldexp, (1.0, 10**30)), (math.ldexp, (1.0, 2.0)), (math.gcd, (1.5,))]:
    try: print(f(*a))
    except (TypeError, OverflowError) as e: print(type(e).__name__, e)
