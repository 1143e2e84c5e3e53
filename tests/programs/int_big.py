def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
print(fact(50))
print(fact(30) // fact(28), fact(25) % 1000007, -fact(20) // 7, -fact(20) % 7)
a = 2 ** 200 + 12345
print(a, a.bit_length(), hex(a), a >> 100, a & 0xFFFF, a | 1, a ^ a, -a >> 3)
print(str(10 ** 50)[:10], len(str(3 ** 300)), int("9" * 40) + 1)
print(pow(7, 1000, 13), pow(2, 100, 10 ** 9 + 7), pow(3, -1, 7))
print((10 ** 30) / (10 ** 10), 10 ** 30 / 3, 2 ** 100 == 2.0 ** 100, 2 ** 100 < 2.0 ** 101)
print(abs(-10 ** 25), divmod(10 ** 25, 7), divmod(-10 ** 25, 7), max(2 ** 70, 2 ** 69))
x = 1
for i in range(100):
    x = x * 3 + 1
print(x % 1000000007, x.bit_length())
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 70) == hash(-2 ** 70))
