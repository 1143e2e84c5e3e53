# `%` and `//` by a small-int constant compile to a multiplication by a magic number (the
# constant-divisor variants of BINARY_OP_SMALL_INT/BINARY_OP): every sign, the small-int limits,
# divisors up to 65535, in-place forms, and left operands that are not small ints (slow path).
def f(n):
    s = 0
    for i in range(-n, n):
        s += i % 7 + i // 7 * 3 + (i * 12345) % 65535 + (i * 99991) // 65535 + i % 2 + i // 2
        x = i
        x %= 13
        y = i
        y //= 13
        s += x - y
        s += (i * 1000003) % 255 - (-i * 7777777) // 3
    return s
print(f(3000))
print([(-2**47) // 2, (-2**47) % 3, (2**47 - 1) // 65535, (2**47-1) % 65535, -1 // 7, -7 // 7, -8 // 7, -8 % 7])
def g(vals):
    out = []
    for v in vals:
        out.append((v % 7, v // 7))
    return out
print(g([1, 2.5, -3, 10**20, True, -2**47, 2**47-1] * 30)[-7:])
