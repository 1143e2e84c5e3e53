# Generators drained by sum/any/all (vm/ops/drain.rs): sum takes small ints, bools and floats
# (a huge int may overflow against a float total: yielded as with next()), any takes built-in
# falsy values, all built-in truthy ones; anything else reaches the consumer between the
# generator's steps, and the generator stays suspended where CPython leaves it.
def g(n):
    for i in range(n):
        print("g", i, end="; ")
        yield i
print(sum(g(5)), sum(g(3), 10), sum((x / 2 for x in range(5)), 0.5))
print(sum(x for x in [1, 2.5, True, 10**30, 3]))
def big():
    yield 1.5
    print("before big")
    yield 10**400
    print("after big")
    yield 2
try:
    print(sum(big()))
except OverflowError as e:
    print("OverflowError", e)
class N:
    def __init__(s, v): s.v = v
    def __radd__(s, o): print("radd", o); return o + s.v
    def __add__(s, o): print("add", o); return N(s.v + o)
def mix():
    yield 1
    print("mix N")
    yield N(5)
    print("mix after N")
    yield 2
    yield 3
r = sum(mix()); print(r.v if isinstance(r, N) else r)
print(sum((x for x in [1, 2]), N(0)).v)
def truthy_gen():
    for v in [0, "", [], (), None, False, 0.0, b"", 3, "never"]:
        print("t", repr(v))
        yield v
tg = truthy_gen()
print(any(tg), next(tg))
def falsy_gen():
    for v in [1, "a", [0], (0,), True, 2.5, b"x", 10**20, 0, "never"]:
        print("f", repr(v))
        yield v
fg = falsy_gen()
print(all(fg), next(fg))
class B:
    def __bool__(s): print("bool called"); return False
def bgen():
    yield 0
    yield B()
    print("after B")
    yield 0
    yield 1
    print("unreached")
print(any(bgen()))
print(any([]), all([]), any(x for x in []), all(x for x in []))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
big_set = set(x % 7 for x in range(5000)); print(sorted(big_set))
print(sum(x for x in range(100000)), sum(x * 0.5 for x in range(3000)))
lst = [1, 2]
def grow():
    for x in lst:
        if len(lst) < 5: lst.append(x)
        yield x
print(list(grow()), lst)
class C:
    def __bool__(s):
        l2.append(0); return False
l2 = [C()]
print(any(l2), len(l2))
print(sum(iter([1, 2, 3])), any(iter([0, 1])), all((1, 0)))
try:
    sum(5)
except TypeError as e:
    print(e)
try:
    any(5)
except TypeError as e:
    print(e)
