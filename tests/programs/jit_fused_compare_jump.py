# Fused compare-and-jump stencils (COMPARE_OP_INT_JUMP / COMPARE_OP_FLOAT_JUMP with the
# POP_JUMP_IF after them), the inline small-int `>>` `%` `//` of BINARY_OP_SMALL_INT, POP_JUMP_IF
# on values other than bools, and sites whose guards keep failing (compiled as calls after the
# region is thrown away): each loop runs long enough to be compiled and then changes its types.
import math

def count_below(xs, limit):
    n = 0
    for x in xs:
        if x < limit:
            n += 1
        if x >= limit:
            n -= 0
    return n

print(count_below(list(range(200)), 150))
# ints turn into floats, big ints and strs under the same compiled compare
print(count_below([1.5] * 50 + [2 ** 70] * 50 + list(range(100)), 99))
print(count_below(["a", "b", "zz"] * 40, "b"))

def float_cmp(xs):
    out = []
    for x in xs:
        out.append((x < 1.0, x <= 1.0, x == 1.0, x != 1.0, x > 1.0, x >= 1.0))
        if x != x:
            out.append("nan")
        elif x > 0.5:
            out.append("big")
    return out

r = float_cmp([0.25 * i for i in range(40)] + [math.nan, math.inf, -math.inf, 1.0])
print(r[-12:])
print(sum(1 for t in r if t == "big"))

def shifts(n):
    acc = []
    for i in range(n):
        acc.append((i * 7919) >> (i % 70))
        acc.append(-(i * 7919) >> (i % 5))
        acc.append((i - 50) % 7)
        acc.append((i - 50) // 7)
        acc.append((50 - i) % -7)
        acc.append((50 - i) // -7)
    return acc

s = shifts(120)
print(len(s), s[:12], s[-12:], sum(s))
for bad in (-1, 0):
    try:
        print(shifts(3)[0] >> bad if bad else 5 % bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)

def mixed_truth(xs):
    n = 0
    for x in xs:
        if x:
            n += 1
        while not x:
            break
    return n

print(mixed_truth([0, 1, 2, None, True, False, [], [1], "", "x", 0.0, 2.5, (), (0,)] * 30))

G = 0
def bump(n):
    global G
    for i in range(n):
        G += i % 3
        if G > 10 ** 6:
            G = 0
    return G

print(bump(5000), G)
print(math.floor(7.5), [math.pi > 3 for _ in range(40)].count(True))

class Rich:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < (other.v if isinstance(other, Rich) else other)
    def __bool__(self):
        return self.v % 2 == 0

def flip_many(n):
    hits = 0
    for i in range(n):
        a = i if i % 3 else Rich(i)
        if a < 50:
            hits += 1
        if a:
            hits += 100
    return hits

print(flip_many(300))

# `and` / `or` (JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP): bools inline, other values through
# the runtime function, in the same compiled loop.
def short_circuit(n):
    c = 0
    for i in range(n):
        a = (i % 3 == 0) and (i % 5 == 0)
        b = (i % 2 == 0) or (i % 7 == 0)
        x = (i and [i]) or None
        y = (i % 4 and "s") or ""
        z = (i > 10 and i < 20) or (i == 2 and "two")
        c += (a is True) + 2 * (b is True) + 3 * (x is not None) + 4 * len(y) + 5 * (z == "two")
    return c

print(short_circuit(3000), short_circuit(1), short_circuit(25))
