# math functions CPython 3.11 has beyond the basics: inverse hyperbolics, cbrt, exp2, erf/erfc,
# gamma/lgamma, nextafter, remainder, ulp, with CPython's domain and range errors. Values go
# through "%.12g": cpjit computes some of them with a different libm than CPython's C library,
# which may differ in the last bit.
import math

def show(name, *args):
    f = getattr(math, name)
    try:
        r = f(*args)
        print(name, args, "%.12g" % r if isinstance(r, float) else r)
    except Exception as e:
        print(name, args, type(e).__name__, e)

inf, nan = math.inf, math.nan
for x in (0.0, -0.0, 0.5, 1.0, 1.5, 2.0, 10.25, -0.3, -0.99, -1.0, 1e-8, 1e300, inf, -inf, nan, 7, True):
    for name in ("acosh", "asinh", "atanh", "cbrt", "exp2", "erf", "erfc", "gamma", "lgamma", "ulp"):
        show(name, x)
for x in (3, 5.0, 23, 24.0, 171.0, 172.0, -2.5, -1e-300, 1e-300, -170.5, 0.25, 1e308, -3.0, -inf):
    show("gamma", x)
    show("lgamma", x)
for x in (1024, 1023.5, -1080, 2000.0):
    show("exp2", x)
print(math.gamma(5) == 24.0, math.gamma(23) == 1124000727777607680000.0, math.lgamma(2.0))
print("%.12g" % math.cbrt(27.0), math.cbrt(-8.0), math.exp2(10), math.erf(0.0), math.erfc(0.0))
for a, b in ((1.0, 2.0), (1.0, 0.0), (0.0, 1.0), (0.0, -1.0), (-0.0, 1.0), (inf, 0.0), (1.0, nan),
             (5e-324, 0.0), (1.7976931348623157e308, inf), (2.0, 2.0)):
    print("nextafter", a, b, math.nextafter(a, b))
for a, b in ((10.0, 3.0), (11.0, 3.0), (-10.0, 3.0), (5.0, 2.0), (7.0, 2.0), (1.0, inf),
             (inf, 1.0), (1.0, 0.0), (nan, 1.0), (1.0, nan), (-0.0, 1.0), (1e308, 1e-308), (3, 2)):
    show("remainder", a, b)
for x in (1.0, 0.0, 5e-324, 1e300, -2.0, 1.7976931348623157e308, 2 ** 52, 0.1):
    print("ulp", x, math.ulp(x))
for name in ("acosh", "cbrt", "gamma", "ulp", "nextafter", "remainder"):
    for args in ((), ("1",), (None,), (1, 2, 3)):
        show(name, *args)
show("nextafter", 1.0)
show("erf", 2 ** 2000)
# CPython's argument-count messages for every math function (isclose and prod differ: not yet).
for n in sorted(dir(math)):
    f = getattr(math, n)
    if not callable(f) or n in ("isclose", "prod"):
        continue
    for a in ((), (1, 2, 3, 4, 5, 6, 7, 8)):
        try:
            f(*a)
        except TypeError as e:
            print(n, e)
        except Exception as e:
            print(n, type(e).__name__)
    try:
        f(x=1)
    except TypeError as e:
        print(n, e)
