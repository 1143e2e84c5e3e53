# BINARY_OP_SMALL_INT: // % & | ^ >> on two small ints, and the misses that send a site back to
# the generic form: a zero divisor, negative operands (floor semantics), a shift out of range, a
# big int, a float, a bool, and a user class with the dunder.


def run(op, pairs):
    out = []
    for a, b in pairs:
        try:
            out.append(op(a, b))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def floordiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def band(a, b):
    return a & b


def bor(a, b):
    return a | b


def bxor(a, b):
    return a ^ b


def rshift(a, b):
    return a >> b


class N:
    def __init__(self, v):
        self.v = v

    def __floordiv__(self, o):
        return "N//%r" % (o,)

    def __mod__(self, o):
        return "N%%%r" % (o,)

    def __and__(self, o):
        return "N&%r" % (o,)

    def __or__(self, o):
        return "N|%r" % (o,)

    def __xor__(self, o):
        return "N^%r" % (o,)

    def __rshift__(self, o):
        return "N>>%r" % (o,)


small = [(a, b) for a in range(-7, 8) for b in range(-3, 4)]
flips = [(1 << 62, 3), (-(1 << 70), 7), (7.5, 2), (True, 3), (N(1), 2), (9, 0), (5, -1),
         (1, 64), (-1, 70), (12345678901, 100000), (3, 2)]
for op in (floordiv, mod, band, bor, bxor, rshift):
    for round_ in range(3):
        r = run(op, small * 20)
        print(op.__name__, round_, sum(x for x in r if isinstance(x, int)), r[:8])
        print(op.__name__, "flips", run(op, flips))

# In-place forms on a hot loop whose operand turns big mid-run.
x = 1
acc = 0
for i in range(200):
    x = (x * 3) if i < 100 else x
    acc ^= x % 1000003
    acc |= i >> 1
    y = x
    y //= 7
    y %= 1 << 40
    acc ^= y & 0xFFFF
print(acc, x % 97)
