x = 2 ** 64
print(x, x - 1, x + 1, -x)
print(2 ** 100)
print(3 ** 80)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // 7 ** 10, f % 7 ** 10)
print(-f // 13, -f % 13)
print((2 ** 70) * (3 ** 40))
print(2 ** 63 - 1 + 1)
print(9223372036854775807 * 2)
print(-9223372036854775808 - 1)
big = 10 ** 50
print(big // 3, big % 3, divmod(big, 7))
print(big == 10 ** 50, big > 2 ** 160, big < 2 ** 170)
print((2 ** 200).bit_length())
print(abs(-(10 ** 30)))
