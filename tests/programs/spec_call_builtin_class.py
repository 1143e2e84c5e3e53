# Calls of built-in classes (CALL_BUILTIN_CLASS: the class's __new__ on the arguments where they
# are on the stack): range, set, list, dict, float, int, bool, frozenset and others in a hot
# loop, errors raised by the constructors (caught inside the loop), a generator that raises while
# a constructor consumes it, a built-in class's name rebound while a loop calls it, and the
# classes that keep their own protocol (type, object, exceptions, subclasses).
def gen(n):
    for k in range(n):
        if k == 3:
            raise KeyError(k)
        yield k


def f(n):
    t = 0
    for i in range(n):
        r = range(i % 5, 10)
        s = set([i, i + 1, i])
        l = list(r)
        d = dict([(1, i)])
        fl = float(i)
        x = int("12") + int(3.7) + int()
        b = bool(i)
        fs = frozenset(l)
        t += len(r) + len(s) + len(l) + d[1] + int(fl) + x + b + len(fs)
        try:
            int("x%d" % i)
        except ValueError as e:
            t += len(str(e))
        try:
            range()
        except TypeError as e:
            t += len(str(e))
        try:
            list(i)
        except TypeError as e:
            t += len(str(e))
        try:
            tuple(gen(i % 6))
        except KeyError as e:
            t += e.args[0]
    return t


print(f(300))


def rebound(n):
    global range
    t = 0
    for i in range(n):
        t += len(list(range(3)))
        if i == n // 2:
            range = lambda *a: [0]
    return t


print(rebound(100))
del range
print(sorted(set(range(5))), list(map(str, range(3))), tuple(range(2)), str(5), slice(1, 2))
print(bytes(3), bytearray(2), complex(1, 2), memoryview(b"ab").tobytes())


class L(list):
    pass


print([len(L(range(i))) for i in range(20)][-1], object() is not None, type(3))
print([type("T%d" % i, (), {}).__name__ for i in range(20)][-1])
print([repr(ValueError(i)) for i in range(20)][-1])
