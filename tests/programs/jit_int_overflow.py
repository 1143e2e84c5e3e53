# Small ints overflow into big ints inside compiled loops (the stencils' overflow guards).
def grow(n):
    x = 1
    i = 0
    while i < n:
        x = x * 3 + i
        i += 1
    return x

def sums(n):
    s = 0
    for i in range(n):
        s += i * 1_000_000_007
    return s

def neg(n):
    x = -(1 << 46)
    for i in range(n):
        x = x - (1 << 45)
    return x

for n in (10, 40, 100, 200):
    print(n, grow(n))
print(sums(100_000), neg(1000))
print(grow(60) - grow(60) // 7 * 7, (1 << 47) - 1 + 1, -(1 << 47) - 1)
