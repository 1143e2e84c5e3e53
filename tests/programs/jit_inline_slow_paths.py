# Stencils with an inline fast path and the runtime function as their slow path: every way out of
# the fast path must give what the interpreter gives (run hot, so --jit compiles the loops).

# BINARY_OP on small ints for % // & | ^ (and in-place forms), and every operand that is not.
def arith(n):
    acc = []
    for i in range(-n, n):
        for d in (7, -7, 3, -1, 1):
            acc.append((i % d, i // d, i & d, i | d, i ^ d))
        x = i
        x %= 5
        y = i
        y //= -3
        z = i
        z &= 12
        z |= 1
        z ^= 6
        acc.append((x, y, z))
    return acc

r = arith(40)
print(len(r), r[:3], r[-3:], sum(t[0] + t[1] for t in r if len(t) == 5))

def big_edges():
    out = []
    m = -(2 ** 47)
    for k in range(40):
        vals = [m, m + k, 2 ** 47 - 1, 2 ** 60 + k, 1.5, True]
        for a in vals:
            out.append((a % 3, a // -1, a // 2))
    for k in range(40):
        out.append((m // -1, m % -1))
    return out

e = big_edges()
print(len(e), e[:7], e[-1])

def zero_div(n):
    caught = 0
    for i in range(n):
        try:
            i % (i % 3)
        except ZeroDivisionError as exc:
            caught += 1
            msg = str(exc)
        try:
            i // (i % 2)
        except ZeroDivisionError as exc:
            caught += 1
            msg2 = str(exc)
    return caught, msg, msg2

print(zero_div(60))

def mixed(n):
    out = []
    for i in range(n):
        a = i if i % 4 else "s%d"
        b = 3 if i % 5 else 2.5
        try:
            out.append(a % b)
        except TypeError as exc:
            out.append(str(exc))
        out.append(i & 6 | (i ^ 3))
    return out

m = mixed(60)
print(m[:12], m[-4:])

# Instance attributes and methods: type flips, a materialized __dict__, a deleted attribute,
# a method shadowed by an instance attribute, and a new attribute stored in a hot loop.
class P:
    def __init__(self, v):
        self.v = v
        self.w = v * 2

    def get(self):
        return self.v

class Q(P):
    def get(self):
        return -self.v

def attrs(objs, n):
    total = 0
    for i in range(n):
        o = objs[i % len(objs)]
        o.v = o.v + 1
        total += o.get() + o.w
        try:
            total += o.u
        except AttributeError:
            total += 1000
    return total

ps = [P(i) for i in range(6)]
print(attrs(ps, 200))
ps.append(Q(10))
print(attrs(ps, 200))
ps[0].__dict__["extra"] = 1
print(attrs(ps, 200))
del ps[1].w
try:
    attrs(ps, 200)
except AttributeError as exc:
    print("AttributeError", exc)
ps[1].w = 0
ps[2].get = lambda: 99
print(attrs(ps, 200))
ps[3].u = 5
print(attrs(ps, 200))
P.get = lambda self: 7
print(attrs(ps, 200))

def new_attrs(n):
    out = []
    for i in range(n):
        p = P(i)
        p.z = i
        p.v = p.z + p.w
        out.append(p.v)
    return sum(out)

print(new_attrs(300))

# Globals and builtins: rebound, deleted and shadowed while hot.
K = 3

def glob(n):
    s = 0
    for i in range(n):
        s += K + len((i,))
    return s

print(glob(100))
K = 4
print(glob(100))
len = lambda t: 10
print(glob(100))
del len
print(glob(100))
del K
try:
    glob(100)
except NameError as exc:
    print("NameError", exc)
