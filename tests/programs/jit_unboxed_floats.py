# Float arithmetic results stay unboxed in f64 registers (their "shadows") for the next float
# operation: through deeper expressions, slow paths (NaN results) that must make the shadow
# valid again, type flips that exit, and values that go to memory and come back.
import math

def chain(n):
    zr = zi = 0.0
    cr, ci = -0.12, 0.6
    acc = 0.0
    for _ in range(n):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        acc += zr * zi - (zr + zi) * (zr - zi)
    return zr, zi, acc

print(chain(500))

def nan_then_more(vals):
    # x - x is NaN for infinities: the subtraction's slow path, then its result (in a register,
    # its shadow loaded again) feeds the multiplication and addition.
    out = []
    for x in vals:
        r = (x - x) * 2.0 + 1.0
        out.append(r != r)
    return out.count(True), len(out)

print(nan_then_more([1.0, math.inf, -2.5, -math.inf, 0.0] * 100))

def deep(a, b, c, d):
    # Deeper than the register cache: shadows shift with the values they belong to.
    s = 0.0
    for i in range(300):
        f = float(i)
        s += a * (b - (c * (d + f)))
        s = s * 0.5 - a * (b + c * (d - f))
    return s

print(deep(1.5, 2.25, -0.125, 3.0))

def flips(vals):
    # An operand that is not a float where floats were seen: the guard exits, with the
    # unboxed result stored boxed.
    t = 0.0
    for a, b in vals:
        t = t + (a * b - a) * 0.5
    return t

print(flips([(1.5, 2.0)] * 200 + [(3, 4), (2.5, True), (1, 1.0)] + [(0.25, 8.0)] * 50))

def mixed(n):
    # Results that go through locals and come back (boxed), mixed with int arithmetic.
    x = 0.5
    k = 0
    for i in range(n):
        y = x * 1.0001
        k = k + i % 3
        x = y - x * 0.0001 + k * 1e-9
    return x, k

print(mixed(1000))
