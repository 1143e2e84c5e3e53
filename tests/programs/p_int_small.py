a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(a, b), divmod(-a, b), divmod(a, -b))
print(abs(-42), -(-3), +7, ~5, ~-1)
print(0, -0, 1_000_000, 0x1F, 0o17, 0b1011)
print(7 == 7.0, 3 < 4 <= 4, 10 != 11)
x = 0
for i in range(10):
    x += i * i
print(x)
print(int.bit_length(255), (1023).bit_length(), (-8).bit_length())
