a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, a << 3, a >> 2)
print(-12 & 7, -12 | 7, -12 ^ 7, -12 >> 1, -1 >> 10)
print(1 << 70, (1 << 70) >> 65, (1 << 100) & ((1 << 64) - 1))
print((2 ** 80 - 1) ^ (2 ** 79), -(2 ** 70) >> 3)
print(bin(a), hex(255), oct(8), bin(-5), hex(-255))
print(bin(2 ** 65), hex(2 ** 70))
x = 0
for i in range(0, 64, 3):
    x |= 1 << i
print(x, bin(x).count("1"))
