# LOAD_FAST without its unbound check where every path binds the local (jit::bound), and with it
# everywhere else: locals bound on one branch only, deleted, bound in a loop, read in exception
# handlers, parameters deleted, in compiled loops under --jit.
def maybe(n):
    out = []
    for i in range(n):
        if i % 3:
            x = i
        try:
            out.append(x)
        except UnboundLocalError as e:
            out.append(str(e))
        if i % 5 == 0:
            try:
                del x
            except UnboundLocalError:
                out.append("nothing to delete")
    return out[:8], len(out)

print(maybe(100))

def params(a, b=2, *rest, k=1, **kw):
    total = 0
    for i in range(50):
        total += a + b + k + len(rest) + len(kw)
        if i == 40:
            del a
            try:
                total += a
            except UnboundLocalError as e:
                total += 1000
                print(e)
            a = 7
    return total

print(params(1), params(1, 2, 3, k=4, z=5))

def handler_reads(n):
    got = []
    for i in range(n):
        try:
            if i % 4 == 0:
                raise ValueError(i)
            y = i * 2
        except ValueError:
            try:
                got.append(y)
            except UnboundLocalError:
                got.append(None)
    return got[:6], len(got)

print(handler_reads(60))

def loop_carried(n):
    for i in range(n):
        if i > 3:
            print("prev", prev)
        prev = i
        if i == 5:
            return prev

print(loop_carried(10))
