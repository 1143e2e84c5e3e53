def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def evens():
    for n in naturals():
        if n % 2 == 0:
            yield n
print(take(5, evens()))
def tree(d):
    if d == 0:
        yield "leaf"
        return
    yield from tree(d - 1)
    yield f"node{d}"
    yield from tree(d - 1)
print(list(tree(2)))
g = (i for i in range(3))
print(type(g).__name__, next(g), list(g))
def gen_with_return():
    yield 1
    return 5
try:
    g2 = gen_with_return()
    next(g2); next(g2)
except StopIteration as e:
    print("StopIteration value", e.value)
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
a = acc(); next(a)
print(a.send(5), a.send(10))
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield f"handled {e}"
t = thrower(); next(t)
print(t.throw(ValueError("boom")))
print(list(zip(naturals(), "abc")), dict(zip("xy", naturals())))
print(sum(x * x for x in range(100)), max(x % 7 for x in range(50)))
