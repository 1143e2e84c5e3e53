# Generators and closures around and inside compiled loops.
def counter():
    n = 0
    def bump(k):
        nonlocal n
        n += k
        return n
    return bump

def gen(n):
    for i in range(n):
        if i % 3 == 0:
            yield i * i
        else:
            yield -i

def consume(n):
    b = counter()
    total = 0
    for v in gen(n):
        total += b(1) + v
    return total, b(0)

for r in range(3):
    print(consume(300 + r))

def pipeline(n):
    sq = (x * x for x in range(n))
    ev = (x for x in sq if x % 2 == 0)
    return sum(ev), [f(2) for f in [lambda x, k=k: x + k for k in range(5)]]

print(pipeline(1000))

def send_loop():
    def acc():
        total = 0
        while True:
            v = yield total
            if v is None:
                return total
            total += v
    g = acc()
    next(g)
    for i in range(500):
        g.send(i)
    try:
        g.send(None)
    except StopIteration as e:
        return e.value
print(send_loop())

def delegate(n):
    yield from range(n)
    yield from gen(n)
print(sum(delegate(200)))
