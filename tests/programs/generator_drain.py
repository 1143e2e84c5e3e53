# Generators drained by the built-ins that collect them (vm/ops/drain.rs): list/tuple/sorted/join
# take every value, set/frozenset only values with built-in hashing (others are yielded to the
# consumer, which runs __hash__/__eq__ between the generator's steps as with next()); sent values,
# gi_running, exception state, StopIteration, nested and recursive drains, GC, exceptions.
import sys
def g(n):
    for i in range(n):
        x = yield i
        print("sent", x, end=" ")
print(list(g(3)))
print(tuple(x*x for x in range(5)))
print(set(x % 3 for x in range(10)))
print(sorted((-x for x in range(5))))
print("-".join(str(x) for x in range(4)))
class H:
    def __init__(s, v): s.v = v
    def __hash__(s): print("hash", s.v); return hash(s.v)
    def __eq__(s, o): print("eq", s.v); return isinstance(o, H) and s.v == o.v
def gen():
    for i in range(4):
        print("gen", i)
        yield i
        yield H(i)
print(len(set(gen())))
def gen2():
    print("start")
    yield 1
    yield "a"
    yield (1, "b")
    yield (1, [2])
    print("after list-tuple")
    yield 3
print(len(set(gen2())) if False else "skip")
try:
    print(set(gen2()))
except TypeError as e:
    print("TypeError", e)
def bad():
    yield 1
    raise ValueError("boom")
try:
    list(bad())
except ValueError as e:
    print("ValueError", e)
def stop():
    yield 1
    raise StopIteration
try:
    list(stop())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__))
def running():
    g = yield
    yield g.gi_running
gg = running(); next(gg)
print(gg.send(gg))
def selfref():
    yield me.gi_running
    yield me.gi_frame.f_lineno
me = selfref()
print(list(me))
def nested():
    yield list(x for x in range(3))
    yield tuple(y for y in nested2())
def nested2():
    yield from (z*2 for z in range(3))
    yield from [9]
print(list(nested()))
def exc_state():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
try:
    raise IndexError
except IndexError:
    print(list(exc_state()), sys.exc_info()[0])
print(list(exc_state()))
print(any(x > 2 for x in range(10)), all(x < 5 for x in range(10)))
g3 = (x for x in range(5))
print(next(g3), list(g3), list(g3))
print(frozenset(x for x in "abcab") == frozenset("abc"))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally")
print(list(fin()))
def leaves(node, depth=0):
    if not isinstance(node, (list, tuple)):
        yield node, depth
        return
    for child in node:
        yield from leaves(child, depth + 1)
print(sorted(leaves([1, (2, [3, [4, 5]], 6), [[7]]])))
def tree(n):
    if n == 0:
        yield 0
        return
    yield n
    yield list(tree(n - 1))
print(list(tree(4)))
def mixed():
    for v in [1, "s", 2.5, (1, 2), H(9), 3, H(3), None]:
        print("mixed yields", type(v).__name__)
        yield v
print(len(set(mixed())))
def self_next():
    yield 1
    try:
        next(sg)
    except ValueError as e:
        print("inner", e)
    yield 2
sg = self_next()
print(list(sg))
def catcher():
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            yield i
        except KeyError as e:
            print("caught", e)
            yield -i
print(tuple(catcher()))
import gc
def churn():
    for i in range(2000):
        yield [i] * 3
print(sum(len(x) for x in list(churn())))
gc.collect()
print(list(zip((a for a in range(3)), (b for b in "xyz"))))
print(dict((k, k * 2) for k in range(3)))
print(max(x for x in [3, 1, 2]), min((x for x in [3, 1, 2]), default=0))
print(bytes(x for x in range(65, 70)), bytearray(x for x in range(65, 68)))
print(" ".join(w.upper() for w in "a b c".split()))
l = []
l.extend(x for x in range(3))
print(l, list(map(str, (x for x in range(3)))), list(enumerate(x for x in "ab")))
print(frozenset(x for x in [(1, (2, 3)), (1, (2, 3))]))
