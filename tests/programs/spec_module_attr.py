# Module attribute loads and module function calls, with the module attribute rebound.
import math
def f(n):
    return [math.floor(x / 2) + math.pi for x in range(n)]
print(sum(f(100)))
math.floor = lambda x: 0
print(sum(f(100)))
del math.floor
try:
    f(1)
except AttributeError as e:
    print("AttributeError:", e)
