import math as m
from math import sqrt, floor as fl
from math import *
print(m.sqrt(9), sqrt(25), fl(2.7), pi == m.pi, gcd(8, 12))
import sys as system
print(type(system.maxsize).__name__, system.maxsize == 2 ** 63 - 1)
import math, sys
print(math is m, sys is system)
def local_import():
    import math as mm
    from math import cos
    return mm.floor(cos(0) * 5.5)
print(local_import())
