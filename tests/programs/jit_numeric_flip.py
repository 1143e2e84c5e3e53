# Arithmetic sites whose operands flip between ints and floats inside compiled code (the shape of
# bm_barnes_hut's QuadTree.calculate_force: `fx, fy = 0, 0` then `fx += child_fx`, where a child
# returns `0, 0` or floats). The specializer keeps rewriting those sites between their int, float
# and mixed forms; the JIT compiles them in a form covering both (BINARY_OP_NUMERIC_FLOAT) once
# they flip, instead of leaving compiled code at every int operand (tests/jit_vm.rs).


def force(d):
    if d == 0:
        return 0, 0
    if d == 1:
        return 0.5, 0.25
    fx, fy = 0, 0
    a, b = force(d - 1)
    fx += a
    fy += b
    a, b = force(d - 2)
    fx += a
    fy -= b
    return fx * 2, fy / 4


def mixed(n):
    total = 0
    for i in range(n):
        x = i if i % 3 else i * 0.5
        total += x * 1.5 - 2
    return total


t = 0.0
for i in range(2000):
    x, y = force(8)
    t += x + y
print(t)
print([mixed(k) for k in (10, 100, 1000)])
print(sum(mixed(50) for _ in range(300)))
