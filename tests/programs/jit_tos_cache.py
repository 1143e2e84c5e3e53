# Top-of-stack caching in compiled code: values kept in registers between stencils must reach
# memory exactly when something else needs them (guards, slow paths, jumps, calls, exits).

def type_flip(vals):
    # BINARY_OP_ADD_INT entered with both operands in registers, then floats: the guard exits
    # with the registers stored back to the stack.
    total = 0
    for a, b in vals:
        total = total + (a + b) * 2
    return total

print(type_flip([(i, i + 1) for i in range(300)] + [(1.5, 2.25), (3, 0.5)]))

def slow_mod(n):
    # `%` with a small-int fast path whose result stays in a register; zero and float divisors
    # take the slow path, which leaves it in memory (and raises for zero).
    out = 0
    for i in range(n):
        d = i % 5
        try:
            out += (i * 7) % d
        except ZeroDivisionError:
            out -= 1
        if i % 50 == 0:
            out += int((i * 1.0) % 3.5 * 10)
    return out

print(slow_mod(400))

def deep(a, b, c, d):
    # Deeper than the cache: values spill under the ones in registers.
    s = 0
    for i in range(200):
        s += a - (b * (c - (d + i)))
        s = s % 1000003
    return s

print(deep(3, 5, 7, 11))

def joins(n):
    # A conditional expression: a value pushed just before a jump target.
    acc = 0
    for i in range(n):
        x = i if i % 3 else -i
        acc += x
        y = (acc and 1) or 2
        acc += y
    return acc

print(joins(300))

def overflow(n):
    # A small-int result that no longer fits, in the middle of an expression.
    v = 1
    for i in range(n):
        v = v * 3 + (v - 1)
    return v % 1000000007, v.bit_length()

print(overflow(60))

def floats(n):
    # NaN results take the slow path; inf stays a float.
    inf = float("inf")
    r = []
    for i in range(n):
        x = (inf * (i % 2)) - inf
        r.append(x != x)
    return sum(r), len(r)

print(floats(200))

def truthy(vals):
    # POP_JUMP_IF on a value in a register: bools, ints, None and other objects.
    c = 0
    for v in vals:
        if v:
            c += 1
        if not v:
            c += 100
    return c

print(truthy([True, False, 0, 3, None, "", "x", [], [1], 0.0] * 40))

def calls(n):
    # A call between cached values: everything is in memory when the callee runs.
    def f(x):
        return x + 1
    t = 0
    for i in range(n):
        t = t + f(i) * 2 - f(t % 7)
    return t

print(calls(300))
