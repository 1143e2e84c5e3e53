# _statistics._normal_dist_inv_cdf (AS241), which statistics.NormalDist.inv_cdf uses when the
# module exists: central region, both tails, far tails, extreme mu/sigma, argument errors.
import _statistics
import statistics

f = _statistics._normal_dist_inv_cdf
for p in (0.5, 0.3, 0.425 + 0.5, 0.0755, 0.9245, 1e-5, 1 - 1e-5, 1e-12, 1e-300, 0.999999999999):
    print(repr(f(p, 0.0, 1.0)), repr(f(p, 100, 15)))
print(f(0.25, -3, 0.5), f(0.75, 1e300, 1e-300))
nd = statistics.NormalDist(10, 2)
print([round(nd.inv_cdf(i / 10), 12) for i in range(1, 10)])
print(statistics.NormalDist().quantiles(5))
for bad in [(0.5, 0.0), (0.5, 0.0, 1.0, 2.0), ("x", 0.0, 1.0)]:
    try:
        f(*bad)
    except TypeError as e:
        print("TypeError")
print(f(True - 0.5, 0, 1) == f(0.5, 0, 1))
for a in [(0.0, 0, 1), (1.0, 0, 1), (0.5, 0, 0), (0.5, 0, -1), (float("nan"), 0, 1),
          (0.5, float("nan"), 1), (0.5, 0, float("inf")), (1e-320, 0, 1), (-0.1, 0, 1)]:
    try:
        print(a, repr(f(*a)))
    except ValueError as e:
        print(a, "ValueError", e)
try:
    f(0.5, 0, 1, x=1)
except TypeError as e:
    print(e)
