# The interpreter's small-int and float fast paths must agree with the generic operators:
# floor division and modulo signs, true division of ints, mixed int/float, shifts and bit ops,
# results at the small-int boundary (2**47) and the errors left to the slow path.
vals = [0, 1, -1, 7, -7, 3, -3, 2**46, -2**46, 2**47 - 1, -2**47, 10**20]
for x in vals:
    row = []
    for y in vals:
        row.append((x + y, x - y, x * y))
        if y:
            row.append((x // y, x % y, x / y, divmod(x, y)))
        row.append((x & y, x | y, x ^ y))
        if 0 <= y < 70:
            row.append((x >> y, x << y))
    print(x, row)
fl = [0.0, -0.0, 1.5, -2.25, 1e300, -1e-300, float("inf")]
for x in vals[:8]:
    for y in fl:
        r = [x + y, y + x, x - y, y - x, x * y, y * x]
        if y:
            r.append(x / y)
        if x:
            r.append(y / x)
        print(x, y, r)
ops = [("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("/", lambda a, b: a / b)]
for a, b in [(1, 0), (1.5, 0), (1, 0.0), (0, 0)]:
    for name, op in ops:
        try:
            op(a, b)
        except ZeroDivisionError as e:
            print(name, type(a).__name__, type(b).__name__, e)
x = 5
x //= -2
y = -5
y %= 3
z = 7
z /= 2
print(x, y, z, 1 >> 100, -1 >> 100, (2**47 - 1) + 1, -2**47 - 1, 2**46 * 4)
