# Float arithmetic in a for-range loop: boxed-float adds, multiplies, divides, compares.
def run(n):
    x = 0.0
    acc = 0.0
    for i in range(n):
        x = x * 0.5 + 1.25
        acc += x / (1.0 + i * 0.001)
        if acc > 1e6:
            acc -= 1e6
    return acc


result = run(30_000)
