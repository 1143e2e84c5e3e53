def gen(n):
    print("start")
    for i in range(n):
        yield i * i
    print("end")
g = gen(3)
print(type(g).__name__)
print(next(g), next(g), next(g))
print(next(g, "exhausted"))
print(list(gen(4)))
def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for f in fibs():
    if f > 100:
        break
    out.append(f)
print(out)
def ret():
    yield 1
    return "value"
g = ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
