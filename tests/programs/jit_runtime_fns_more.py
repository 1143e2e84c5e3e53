# The runtime functions compiled code calls for the instructions without a stencil of their own
# (jit::ops): slot and class attributes, unpacking, numeric float ops, the one-argument built-in
# calls, generic CALL (keywords, bound built-ins, classes, Python functions with defaults),
# JUMP_IF_*_OR_POP, subscripts and slices, iteration, containment, unary ops, closures. Each hot
# loop flips the types it was specialized for, so guards fail (misses run the family's generic
# form in compiled code) and errors raised inside runtime functions are caught inside and
# outside the loop.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    __slots__ = ("y", "x")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class K:
    tag = "k"


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        if self.n < 0:
            raise ValueError("negative length")
        return self.n


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 7


class WithMeta(metaclass=Meta):
    pass


class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        if self.v is None:
            raise RuntimeError("no truth")
        return self.v


class Neg:
    def __neg__(self):
        return "negated"


def slots(n):
    total = 0
    for i in range(n):
        o = P(i, 2) if i % 50 else Q(i, 3)
        o.x = o.x + 1
        total += o.x * o.y
    try:
        P(1, 2).y = 5
        del_p = P(1, 2)
        del del_p.x
        print(del_p.x)
    except AttributeError as e:
        print("AttributeError", e)
    return total


def classes(n):
    acc = []
    for i in range(n):
        acc.append(K.tag)
        if i == n // 2:
            K.tag = "changed"
    return acc[0], acc[-1], len(acc)


def unpack(n):
    s = 0
    seqs = [(1, 2), [3, 4], (5, 6, 7), "ab", (8,)]
    for i in range(n):
        t = seqs[0] if i % 40 else seqs[i // 40 % 5]
        try:
            a, b = t
            s += a if isinstance(a, int) else len(a)
        except ValueError as e:
            s -= 1
            if i < 200:
                print("ValueError", e)
        x, y, z = (i, i + 1, i + 2) if i % 30 else [i, i, i]
        s += z - x
    return s


def numeric(n):
    s = 0.0
    vals = [1.5, 2, 0.25, 3]
    for i in range(n):
        a = vals[i % 4]
        try:
            s += a / (i % 13) + a ** 0.5 - 2 * a
        except ZeroDivisionError:
            s += 1
    return round(s, 6)


def builtins_1(n):
    out = 0
    objs = [[1, 2], (1,), "abc", Sized(4), Sized(-1), {1: 2}]
    for i in range(n):
        o = objs[i % 6]
        try:
            out += len(o)
        except ValueError:
            out -= 100
        out += isinstance(o, list) + isinstance(i, WithMeta) + (type(o) is tuple)
        out += len(str(i if i % 3 or type(o) is Sized else o))
        out += len(tuple(o if i % 2 and type(o) is not Sized else [i]))
    return out


def appends(n):
    class L(list):
        pass

    lists = [[], L()]
    for i in range(n):
        lst = lists[1 if i % 100 == 99 else 0]
        lst.append(i)
    return len(lists[0]), len(lists[1])


def with_defaults(a, b=10, *, c=100):
    return a + b + c


def calls(n):
    s = 0
    push = [].append
    for i in range(n):
        s += with_defaults(i)
        s += with_defaults(i, 2)
        s += with_defaults(i, c=1)
        s += int("7", base=10) + max(i, 3, key=abs)
        push(i)
        s += sorted([3, 1, 2], reverse=True)[0]
    try:
        with_defaults()
    except TypeError as e:
        print("TypeError", e)
    return s


def jumps(n):
    s = 0
    vals = [0, 1, "", "x", None, [], [0]]
    for i in range(n):
        v = vals[i % 7]
        s += len(str(v or "default"))
        s += len(str(v and "both"))
    try:
        for i in range(n):
            t = Truth(True if i < n - 1 else None)
            s += 1 if (t or 0) else 2
    except RuntimeError as e:
        print("RuntimeError", e, s)
    return s


def subscripts(n):
    data = list(range(20))
    text = "abcdefghij"
    d = {"a": 1}
    s = 0
    for i in range(n):
        k = i % 10
        s += sum(data[k : k + 3]) + len(text[k:]) + data[::-1][k]
        data[k : k + 2] = [data[k + 1], data[k]]
        s += d["a"] if i % 20 else len(text[k])
        try:
            s += data[(i % 25) + 1]
        except IndexError:
            s -= 1
    return s, data[:5]


def iteration(n):
    s = 0
    sources = [range(3), (1, 2), [4], "ab", {1: 2}, iter([9])]
    for i in range(n):
        for v in sources[i % 5]:
            s += v if isinstance(v, int) else len(v)
        s += 1 if i in sources[i % 3] else 0
    try:
        for v in 5:
            pass
    except TypeError as e:
        print("TypeError", e)
    return s


def unary(n):
    s = 0
    vals = [3, 2.5, True, Neg()]
    out = []
    for i in range(n):
        v = vals[i % 4]
        r = -v
        out.append(r if i < 8 else None)
        s += not v
        s += ~i
    print(out[:8])
    return s


def closures(n):
    fs = []
    for i in range(n):
        def f(x, i=i):
            return x + i

        def g():
            return fs

        fs.append(f)
    return sum(f(1) for f in fs), len(g())


def polymorphic(n):
    class A:
        def __init__(self):
            self.v = 1

        def m(self):
            return self.v

    class B:
        def __init__(self):
            self.w = 0
            self.v = 2

        def m(self):
            return self.v * 10

    objs = [A(), B(), A(), B(), A()]
    s = 0
    for i in range(n):
        o = objs[i % 5]
        s += o.v + o.m()
        o.v = o.v + 0
    return s


N = 3000
print(slots(N))
print(classes(N))
print(unpack(N))
print(numeric(N))
print(builtins_1(N))
print(appends(N))
print(calls(N))
print(jumps(N))
print(subscripts(N))
print(iteration(N))
print(unary(N))
print(closures(300))
print(polymorphic(N))
