a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(1 + 2.0, 3 * 0.5, 10 / 4, 10 // 4.0, 2 ** 0.5)
print(-a, abs(-a), +a)
print(0.1 * 3, 1.1 + 2.2, 3.0 - 2.9)
print(1e300 * 1e-300, 2.0 ** 62, 2.0 ** 63)
s = 0.0
for i in range(1, 11):
    s += 1 / i
print(s)
print(sum([0.1] * 10), 0.1 * 10)
print(float(2 ** 53 + 1), int(float(2 ** 53 + 1)))
print(3.0 == 3, 3.5 > 3, hash(3.0) == hash(3))
