print(0.1 + 0.2, 1.5 * 2, 10 / 4, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 2.0 ** 0.5)
print(1e300 * 1e10, -1e300 * 1e10, 1e-320, 5e-324, 1.7976931348623157e308)
print(float("inf"), float("-inf"), float("nan"), float("1e5"), float(" 3.25 "), float("1_000.5"))
print(3.0, 3.5, -0.0, 100.0, 1e16, 1e15, 123456789012345678.0, 0.000001, 0.0000001)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(0.5), round(1.5))
print(int(3.9), int(-3.9), float(7), abs(-2.5), 2.5.is_integer(), 3.0.is_integer())
print(1.0 / 3.0, 2.0 / 3.0, 22 / 7, 1 / 7 * 7)
print(max(1.5, 2), min(1.5, 2), sum([0.1] * 10))
print(float(2 ** 60), 2 ** 60 / 3, (2 ** 100) / (2 ** 50))
print(divmod(7.5, 2), divmod(-7.5, 2))
print((0.1).as_integer_ratio(), (2.5).as_integer_ratio())
x = 1.0
for i in range(10):
    x = x * 1.1
print(x)
