# Semantic differences listed in issue 12, each as CPython 3.11 behaves.

class A:
    def __getattr__(self, n):
        return "ga:" + n

print(getattr(A(), "zz"), getattr(A(), "zz", 5))

class D:
    def __dir__(self):
        return ["b", "a", "c"]

print(dir(D()))

t = (1, 2, 3, 1, 2)
print(t.index(2, 2), t.index(1, 1, 4), t.index(2, -2), t.index(1, -100, 100), t.index(2, -2**70, 2**70))
for args in [(3, 0, 2), (1, 1, 3), (2, 10)]:
    try:
        t.index(*args)
    except ValueError as e:
        print(args, e)
try:
    t.index(1, 1.5)
except TypeError as e:
    print(e)

class B:
    def m(self):
        pass

b, b2 = B(), B()
print(b.m == b.m, b.m is b.m, b.m != b.m, hash(b.m) == hash(b.m), b.m == b2.m)
l = []
print(l.append == l.append, l.append == [].append, {b.m: 1}[b.m])

class P:
    def f(self):
        return super()

print(repr(P().f()), repr(super(P, P())))
print(list(reversed(b"abc")), list(reversed(bytearray(b"xy"))))
for v in [{}.keys(), {}.items(), {}.values()]:
    try:
        hash(v)
    except TypeError as e:
        print(e)
print(repr(list.append), repr(str.__add__), repr(dict.__delitem__), repr(list.__getitem__))
