# Python calls and returns that compiled code switches in place (_CALL_PY / _RETURN) and the
# cases it leaves to the runtime function: recursion to the limit, frames crossing frame-stack
# chunks, methods, closures, defaults, keywords, generators, exceptions through the frames,
# tracebacks and frame introspection from callees, a function's code replaced while hot.
import sys
import traceback


def add(a, b):
    return a + b


def loop_calls(n):
    t = 0
    for i in range(n):
        t = add(t, i)
    return t


print("plain", loop_calls(3000))


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def plus(self, y):
        return self.x + y


def methods(n):
    p = P(3)
    s = 0
    for i in range(n):
        s += p.get() + p.plus(i)
    return s


print("methods", methods(3000))


def make_adder(k):
    def adder(v):
        return v + k
    return adder


def closures(n):
    f = make_adder(7)
    s = 0
    for i in range(n):
        s = f(s) - i
    return s


print("closures", closures(3000))


def with_default(a, b=10):
    return a * b


def kw(a, *, c=2):
    return a + c


def mixed(n):
    s = 0
    for i in range(n):
        s += with_default(i) + with_default(i, 2) + kw(i, c=i) + kw(i)
    return s


print("defaults/keywords", mixed(3000))


def gen(n):
    for i in range(n):
        yield i


def gens(n):
    s = 0
    for i in range(n):
        s += sum(gen(3))
    return s


print("generators", gens(2000))


def boom(i):
    if i % 500 == 499:
        raise ValueError("boom %d" % i)
    return i


def catches(n):
    s = 0
    for i in range(n):
        try:
            s += boom(i)
        except ValueError as e:
            s -= 1
            last = str(e)
    return s, last


print("exceptions", catches(3000))


def depth(n):
    if n == 0:
        return len(traceback.extract_stack())
    return depth(n - 1)


def depths(n):
    return [depth(k) - depth(0) for k in range(n)]


print("stack depths", depths(40)[-5:])


def where(n):
    if n == 0:
        f = sys._getframe(1)
        return f.f_code.co_name, f.f_lineno
    return where(n - 1)


print("caller frame", [where(k) for k in range(30)][-1])


def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)


def to_the_limit():
    try:
        recurse(10 ** 6)
    except RecursionError as e:
        return "RecursionError: " + str(e)


for _ in range(3):
    print(to_the_limit())
print("after the limit", recurse(500))


def big_frame(n):
    # 200 locals: deep recursion of these fills a frame-stack chunk (1M words) and goes on in
    # the next one, and the returns cross back.
    a0 = a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = n
    b0 = b1 = b2 = b3 = b4 = b5 = b6 = b7 = b8 = b9 = n
    c = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9]
    d0=d1=d2=d3=d4=d5=d6=d7=d8=d9=e0=e1=e2=e3=e4=e5=e6=e7=e8=e9=f0=f1=f2=f3=f4=f5=f6=f7=f8=f9=0
    g0=g1=g2=g3=g4=g5=g6=g7=g8=g9=h0=h1=h2=h3=h4=h5=h6=h7=h8=h9=i0=i1=i2=i3=i4=i5=i6=i7=i8=i9=0
    j0=j1=j2=j3=j4=j5=j6=j7=j8=j9=k0=k1=k2=k3=k4=k5=k6=k7=k8=k9=l0=l1=l2=l3=l4=l5=l6=l7=l8=l9=0
    m0=m1=m2=m3=m4=m5=m6=m7=m8=m9=o0=o1=o2=o3=o4=o5=o6=o7=o8=o9=p0=p1=p2=p3=p4=p5=p6=p7=p8=p9=0
    if n == 0:
        return sum(c)
    return big_frame(n - 1) + 1


sys.setrecursionlimit(20000)
for _ in range(3):
    print("big frames", big_frame(9000))


def swap_target():
    return 1


def other():
    return 2


def calls_swap(n):
    s = 0
    for i in range(n):
        if i == n // 2:
            swap_target.__code__ = other.__code__
        s += swap_target()
    return s


print("code replaced", calls_swap(2000))


def raiser(n):
    if n == 0:
        raise KeyError("deep")
    return raiser(n - 1)


try:
    raiser(20)
except KeyError:
    tb = traceback.format_exc().splitlines()
    # (The frame line without the file's path, which depends on the checkout.)
    print("traceback", len(tb), tb[-1], tb[-3].strip().split(", ", 1)[1])
