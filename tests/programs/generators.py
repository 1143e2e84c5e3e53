def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)))
g = count(3)
print(next(g), next(g), next(g), next(g, "done"))
def echo():
    r = yield "start"
    while True:
        r = yield f"got {r}"
e = echo()
print(next(e), e.send(1), e.send("x"))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def ret():
    yield 1
    return "value"
def deleg():
    r = yield from ret()
    yield r
print(list(deleg()))
squares = (x * x for x in range(5))
print(list(squares), list(squares))
print(sum(x for x in range(10) if x % 2))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closing()
print(next(c))
c.close()
print("closed")
