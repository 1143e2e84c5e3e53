# Generic BINARY_OP and COMPARE_OP sites compiled while they were generic, then specialized by
# their own runs in compiled code (the runtime function ticks the counter as the interpreter's
# arm does): the operation must stay right for every operand type that comes afterwards, and in
# the fused compare-and-jump form the specializer may pick.


def mixed(n, pick):
    total = 0
    hits = 0
    for i in range(n):
        a, b = pick(i)
        total = total + (a - b if isinstance(a, (int, float)) else len(a + b))
        if a < b:
            hits += 1
        if a == b:
            hits += 100
    return total, hits


# Phase 1: strings and numbers mixed (the sites stay generic); phase 2: only ints (they
# specialize); phase 3: floats and big ints again.
def phase1(i):
    return (str(i), str(i + 1)) if i % 3 == 0 else (i, i // 2)


def phase2(i):
    return (i, 7)


def phase3(i):
    return (i * 0.5, 3.25) if i % 2 else (i << 70, 1 << 69)


for pick in (phase1, phase2, phase3, phase2, phase1):
    print(mixed(3000, pick))


def floats_then_ints(n):
    acc = 0.0
    for i in range(n):
        x = i * 1.5 if i < n // 2 else i
        acc = acc + x * 2 - 1
        if x > 100:
            acc -= 0.25
    return acc


print(floats_then_ints(5000))
print(floats_then_ints(7))
