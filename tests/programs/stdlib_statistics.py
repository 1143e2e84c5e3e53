# statistics: averages, spread, quantiles, NormalDist, correlation and regression, errors.
import statistics as st
from fractions import Fraction
from decimal import Decimal

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low([1, 3, 5, 7]),
      st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]))
print(st.mode([1, 1, 2, 3, 3, 3, 4]), st.mode("aabbbc"), st.multimode("aabbcd"))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]))
print(st.pvariance(data), st.variance(data), st.pstdev(data), st.stdev(data))
print(st.mean([Fraction(1, 2), Fraction(1, 3)]), st.variance([Decimal("1.5"), Decimal("2.5"), Decimal("4")]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4), st.quantiles(range(1, 101), n=10, method="inclusive"))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x[::-1]), st.linear_regression(x, [2 * v + 1 for v in x]))
nd = st.NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, round(nd.cdf(130), 10), round(nd.inv_cdf(0.975), 10), round(nd.pdf(100), 12))
print(nd + 5, nd * 2, round(nd.overlap(st.NormalDist(110, 15)), 10), [round(q, 6) for q in nd.quantiles(4)])
print(st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), round(nd.zscore(85), 10))
for f, a in ((st.mean, []), (st.variance, [1]), (st.stdev, [1]), (st.median, []), (st.mode, []),
             (st.geometric_mean, [0, 1]), (st.harmonic_mean, [-1, 2]), (st.quantiles, [1])):
    try:
        print(f(a))
    except st.StatisticsError as e:
        print(f.__name__, "StatisticsError", e)
try:
    st.correlation([1, 1], [1, 2])
except st.StatisticsError as e:
    print("StatisticsError", e)

# The math functions statistics builds on.
import math
for f in (math.erf, math.erfc, math.gamma, math.lgamma, math.cbrt, math.asinh, math.exp2):
    print(f.__name__, [f(x) for x in (0.5, 2.0, -1.5)])
print(math.acosh(2), math.atanh(0.5), math.remainder(7, 2), math.nextafter(1, 2), math.ulp(1.0))
for f, x in ((math.gamma, 0), (math.lgamma, -2), (math.acosh, 0.5), (math.atanh, 1), (math.gamma, 200)):
    try:
        print(f(x))
    except (ValueError, OverflowError) as e:
        print(f.__name__, type(e).__name__, e)
