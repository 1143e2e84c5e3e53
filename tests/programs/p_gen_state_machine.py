def traffic():
    while True:
        for state, n in (("green", 3), ("yellow", 1), ("red", 2)):
            for _ in range(n):
                cmd = yield state
                if cmd == "reset":
                    break
g = traffic()
out = [next(g)]
for i in range(8):
    out.append(g.send("reset" if i == 4 else None))
print(out)
def running_max():
    m = None
    while True:
        v = yield m
        m = v if m is None or v > m else m
r = running_max()
next(r)
print([r.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
def gen_with_return():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
def driver():
    res = yield from gen_with_return()
    yield f"total={res}"
d = driver()
next(d)
for v in (1, 2, 3):
    d.send(v)
print(d.send(None))
