n = 7 ** 500
s = str(n)
print(len(s))
print(s[:30], s[-30:])
m = int(s)
print(m == n, m % 1000003)
print(str(-(10 ** 200))[:5], len(str(10 ** 999)))
fib = [0, 1]
for i in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[-1])
print(sum(fib) % (10 ** 9 + 7))
