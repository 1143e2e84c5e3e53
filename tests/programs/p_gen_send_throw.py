def averager():
    total = 0
    n = 0
    avg = None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n
a = averager()
print(next(a), a.send(10), a.send(20), a.send(60))
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
c = catcher()
print(next(c))
print(c.throw(ValueError("oops")))
print(next(c))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = closer()
print(next(g))
g.close()
print("closed")
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
def echo():
    r = yield
    while True:
        r = yield r * 2
e = echo()
next(e)
print([e.send(i) for i in range(4)])
def sub():
    x = yield "s1"
    print("sub got", x)
    return x * 2
def deleg():
    r = yield from sub()
    yield ("deleg", r)
d = deleg()
print(next(d), d.send(21))
