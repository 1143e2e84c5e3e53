# Float and int power / math.fmod / math.modf special cases of issue 12.
import math

print(0.0 ** float("-inf"), (-0.0) ** float("-inf"), 0.0 ** float("inf"))
try:
    0.0 ** -1.0
except ZeroDivisionError as e:
    print(e)
print(math.fmod(float("nan"), 0.0), math.fmod(float("inf"), float("nan")), math.fmod(5.0, float("inf")))
for a, b in [(float("inf"), 1.0), (1.0, 0.0)]:
    try:
        math.fmod(a, b)
    except ValueError as e:
        print(a, b, e)
print(math.modf(-100.0), math.modf(2.5), math.modf(float("-inf")), math.modf(-0.0))
print(0 ** (1 << 65), 1 ** (1 << 65), (-1) ** (1 << 65), (-1) ** ((1 << 65) + 1))
