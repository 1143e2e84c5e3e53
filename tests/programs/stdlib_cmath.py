# cmath: every function on a grid of special values (signed zeros, subnormals, huge, inf, nan),
# random arguments, log bases, and CPython's errors.
import cmath, math
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 1e-310, -1e-310, 1e-20, 1e20, -1e300, 1.7e308, math.inf, -math.inf, math.nan, -0.9999999]
fns = ['sqrt','exp','log','log10','cos','sin','tan','acos','asin','atan','cosh','sinh','tanh','acosh','asinh','atanh']
def fmt(z):
    return '(%r, %r)' % (z.real, z.imag)
lines = 0
for f in fns:
    g = getattr(cmath, f)
    for x in vals:
        for y in vals:
            try: r = fmt(g(complex(x, y)))
            except (ValueError, OverflowError) as e: r = type(e).__name__ + ': ' + str(e)
            print(f, x, y, r)
for x in vals:
    for y in vals:
        for name, call in [('rect', lambda: fmt(cmath.rect(x, y))), ('polar', lambda: cmath.polar(complex(x, y))), ('phase', lambda: cmath.phase(complex(x, y))), ('isinf', lambda: (cmath.isinf(complex(x,y)), cmath.isnan(complex(x,y)), cmath.isfinite(complex(x,y))))]:
            try: r = call()
            except (ValueError, OverflowError) as e: r = type(e).__name__ + ': ' + str(e)
            print(name, x, y, r)
for b in [2, 10, 0, 1, 1j, -1, math.e]:
    for z in [0, 1, 8, -8, 1j, 1+1j, 0.0]:
        try: r = fmt(cmath.log(z, b))
        except (ValueError, OverflowError, ZeroDivisionError) as e: r = type(e).__name__ + ': ' + str(e)
        print('log', z, b, r)

import random
rng = random.Random(11)
for i in range(300):
    z = complex(rng.uniform(-4, 4) * 10 ** rng.randint(-5, 5), rng.uniform(-4, 4) * 10 ** rng.randint(-5, 5))
    out = []
    for f in fns:
        try: out.append(fmt(getattr(cmath, f)(z)))
        except (ValueError, OverflowError) as e: out.append(type(e).__name__)
    print(fmt(z), ' '.join(out))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(sorted(n for n in dir(cmath) if not n.startswith('__')))
class C:
    def __complex__(self): return 3+4j
class F:
    def __float__(self): return 2.0
class I:
    def __index__(self): return 4
class Bad:
    def __complex__(self): return 1.5
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(True), cmath.exp(10**10 // 10**9))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isclose(0j, 1e-10, abs_tol=1e-9))
print(cmath.isclose(a=1, b=1), cmath.isclose(complex('inf'), complex('inf')), cmath.isclose(complex('inf'), 1))
for f in [lambda: cmath.sqrt('a'), lambda: cmath.sqrt(None), lambda: cmath.sqrt(Bad()), lambda: cmath.exp(1000),
          lambda: cmath.log(0), lambda: cmath.log(1, 1), lambda: cmath.log(2, 0), lambda: cmath.log(0, 2),
          lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.isclose(1), lambda: cmath.sqrt(),
          lambda: cmath.log(), lambda: cmath.log(1, 2, 3), lambda: cmath.rect(1), lambda: cmath.phase(1, 2),
          lambda: cmath.sqrt(10 ** 400), lambda: cmath.sqrt(x=1), lambda: cmath.atanh(1), lambda: cmath.cosh(1e6j + 800),
          lambda: cmath.rect('a', 1), lambda: cmath.isclose(1, 2, 3)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
