# Class instantiation as CALL_ALLOC_AND_ENTER_INIT: the instance is made in place of the call's
# result and __init__'s frame is pushed (under --jit, entered in its compiled code); __init__'s
# None return leaves the instance. Around it: an __init__ that returns a value (TypeError at the
# call, caught inside and outside the hot loop) or raises, subclasses, __slots__ classes, a list
# subclass and a metaclass (not specialized), __init__ rebound while a loop instantiates, and
# recursion through __init__ ending in RecursionError.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    pass


class Bad:
    def __init__(self, v):
        self.v = v
        if v == 50:
            return 5


class Raise:
    def __init__(self, v):
        if v == 70:
            raise ValueError("boom %d" % v)
        self.v = v


def run():
    tot = 0
    for i in range(100):
        p = P(i, i + 1)
        q = Q(i, 2)
        tot += p.x + p.y + q.y
        try:
            b = Bad(i)
            tot += b.v
        except TypeError as e:
            print("caught", e)
        try:
            r = Raise(i)
            tot += r.v
        except ValueError as e:
            print("caught", e)
    return tot


print(run())


def hot(n):
    t = 0
    for i in range(n):
        p = P(i, 1)
        t += p.x - p.y
    return t


print(hot(5000))


def mk(n):
    return [P(i, 0).x for i in range(n)]


print(sum(mk(40)))


def newinit(self, x, y):
    self.x = -x
    self.y = y


P.__init__ = newinit
print(sum(mk(40)), hot(100))


class M(type):
    pass


class W(metaclass=M):
    def __init__(self, a):
        self.a = a


print(sum(W(i).a for i in range(30)))


def deep(n):
    class R:
        def __init__(self, k):
            self.k = k if k == 0 else R(k - 1).k + 1

    return R(n).k


print(deep(100))
try:
    deep(5000)
except RecursionError:
    print("RecursionError")


def bad_in_loop():
    n = 0
    for i in range(60):
        try:
            Bad(50)
        except TypeError:
            n += 1
    return n


print(bad_in_loop())


class S:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class S2(S):
    __slots__ = ("c",)

    def __init__(self, a, b):
        S.__init__(self, a, b)
        self.c = a * b


t = 0
for i in range(60):
    s = S(i, 2)
    s2 = S2(i, 3)
    t += s.a + s.b + s2.c
print(t)


class OC(list):
    def __init__(self, n):
        self.n = n


print(sum(len(OC(i)) + OC(i).n for i in range(40)))


def gen_init():
    class G:
        def __init__(self, v):
            yield v

    try:
        G(1)
    except TypeError as e:
        print("TypeError", e)


for _ in range(20):
    gen_init()
Bad(50)
