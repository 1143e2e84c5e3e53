# Small-int arithmetic that overflows into big ints inside a specialized site, and back.
def grow(x, n):
    for _ in range(n):
        x = x * 3 + 1
    return x

print(grow(1, 10))
print(grow(1, 40))
print(grow(1, 100) % 1000003)
acc = 0
for i in range(2000):
    acc = acc + (1 << 46) if i % 2 == 0 else acc - (1 << 46)
print(acc)
def sub(a, b):
    return a - b
print([sub(-(1 << 47), i) for i in range(3)])
print([sub(1 << 47, i) for i in range(3)])
def mul(a, b):
    return a * b
print([mul(1 << 30, 1 << i) for i in range(15, 20)])
