print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.23456, 3), round(123.456, -1), round(-0.5))
print(round(7), round(1234, -2), round(1250, -2), round(1350, -2))
print(type(round(2.5)), type(round(2.5, 1)))
print(int(2.99), int(-2.99), 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2)
print(divmod(7.5, 2), divmod(-7.5, 2))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.1))
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f}")
