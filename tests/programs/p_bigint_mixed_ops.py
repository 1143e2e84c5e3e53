# Big-int arithmetic on operands of many sizes and both signs (multi-limb, and past the sizes where
# big-int libraries switch division and multiplication algorithms), mixed with small ints:
# one checksum line per operation, so a wrong result names the operation.
seed = 12345


def rnd(bits):
    global seed
    x = 0
    while bits > 0:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        x = (x << 32) | (seed >> 32)
        bits -= 32
    return x


vals = [0, 1, -1, 7, -7, 2**63 - 1, -2**63, 2**64, -2**64 - 1, 10**30]
for bits in (65, 130, 700, 4200, 9000, 20000):
    for sign in (1, -1):
        vals.append(sign * rnd(bits))
        vals.append(sign * (rnd(bits // 2) << (bits // 2)))
vals.append(3 ** 5000)
vals.append(-(3 ** 5000) + 1)

M = (1 << 61) - 1
sums = {}


def dec(a):
    """str(a), or the ValueError past the 4300-digit limit."""
    try:
        return str(a)
    except ValueError as e:
        return "ValueError: " + str(e)


def note(op, r):
    sums[op] = (sums.get(op, 0) * 1000003 + hash(r)) % M


for a in vals:
    for b in vals:
        note("+", a + b)
        note("-", a - b)
        note("*", a * b)
        note("&", a & b)
        note("|", a | b)
        note("^", a ^ b)
        note("<", (a < b, a <= b, a == b, a != b, a > b, a >= b))
        if b:
            note("//", a // b)
            note("%", a % b)
            note("divmod", divmod(a, b))
            q, r = divmod(a, b)
            if q * b + r != a or (r and (r < 0) != (b < 0)):
                print("divmod identity broken", a, b)
    note("neg", (-a, abs(a), ~a))
    note("shift", (a << 3, a >> 3, a << 100, a >> 100, a >> 70000))
    note("bits", (a.bit_length(), a.bit_count()))
    note("str", (dec(a), repr(a) if a.bit_length() < 9000 else "", "%d" % a if a.bit_length() < 9000 else ""))
    note("format", (format(a, "x"), format(a, ",") if a.bit_length() < 9000 else "", "%x" % a))
    note("hex", (hex(a), oct(a), bin(a)[-50:]))
    note("pow", (a ** 2, a ** 3, pow(a, 3, 1000000007), pow(a, 65537, 2**127 - 1)))
    n = (a.bit_length() + 8) // 8
    for order in ("big", "little"):
        bs = a.to_bytes(n, order, signed=True)
        note("bytes", bs)
        if int.from_bytes(bs, order, signed=True) != a:
            print("from_bytes round trip broken", order, a)
    note("float", float(a) if a.bit_length() < 1000 else a.bit_length())
    if a:
        note("truediv", (a / 7 if a.bit_length() < 1000 else 0.0, 7 / a if abs(a) > 10 else 0.0, a / (a + 3) if a != -3 else 0.0))
    note("hash", hash(a))
    note("int(str)", int(dec(a)) == a if a.bit_length() < 9000 else dec(a))

for op in sorted(sums):
    print(op, sums[op])
print(len(vals), "values")
print(str(3 ** 5000)[:40], str(3 ** 5000)[-40:])
for big in (3 ** 10000, -(3 ** 10000)):
    for conv in (str, repr, lambda x: "%d" % x, lambda x: f"{x}", lambda x: format(x, "d"), lambda x: f"{x:,}"):
        try:
            print(len(conv(big)))
        except ValueError as e:
            print("ValueError:", e)
    print(len(hex(big)), len("%x" % big), len(f"{big:_x}"))
print(-(10**40) // 7, -(10**40) % 7, (10**40) // -7, (10**40) % -7)
print(divmod(-(2**200), 3**50), divmod(2**200, -(3**50)))
print(pow(-(2**100), 3), pow(2**100, -1, 10**9 + 7))
