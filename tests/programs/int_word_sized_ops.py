# Ints past the small-int range that still fit in 64 bits take a machine-word path for + - * & | ^
# (results may leave 64 bits, or fall back into the small range); everything must equal CPython.
import random

random.seed(5)
edges = [2**47, -2**47, 2**47 - 1, -2**47 - 1, 2**63 - 1, -2**63, 2**63, -2**63 - 1,
         0, 1, -1, 2**62, -2**62, 2**64 - 1, 2**31, -2**31]
vals = [random.randrange(-2**63, 2**63) for _ in range(60)] + edges
for x in vals[::3]:
    for y in vals[::4]:
        print(x + y, x - y, x * y, x & y, x | y, x ^ y, x // (y or 1), x % (y or 3),
              type(x ^ y).__name__)

# Zobrist-style hashing, as bm_go does it.
h = 0
for x in vals:
    h ^= x
    h = (h * 31 + x) & (2**64 - 1)
    h |= 1
print(h, h.bit_length(), -h, h >> 3, h - 2**63)


class I(int):
    def __xor__(self, other):
        return "I.__xor__"


print(I(2**50) ^ 5, 5 ^ I(2**50), int(I(2**50)) ^ 5, True ^ (2**50), (2**50) & True)
print((2**63 - 1) + 1, -(2**63) - 1, (2**62) * 4, (2**62) * -2, (-2**63) * -1)
try:
    (2**50) ^ 1.5
except TypeError as e:
    print("TypeError:", e)
