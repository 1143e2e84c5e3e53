# list.extend / list += / set.update / dict.update take each item as the iterator produces it:
# a generator reading the container sees it grow, and items before an error stay added (CPython's
# order; cpjit collected all items first). Never drained (vm/ops/drain.rs): the generator could
# observe the container between its steps.
l = [1, 2]
l.extend(len(l) for _ in range(3))
print(l)
l = [1]
l += (len(l) for _ in range(3))
print(l)
d = {}
d.update((k, len(d)) for k in "abc")
print(d)
s = set()
s.update(len(s) for _ in range(3))
print(s)
b = bytearray(b"x")
b.extend(len(b) + 65 for _ in range(3))
print(b)
from collections import deque
q = deque([0])
q.extend(len(q) for _ in range(3))
print(q)
def pairs_then_fail():
    yield ("x", 1)
    yield ("y", 2)
    raise KeyError("stop")
d = {}
try:
    d.update(pairs_then_fail())
except KeyError as e:
    print("KeyError", e, d)
try:
    d.update([("a", 1), "abc"])
except ValueError as e:
    print(e, d)
try:
    d.update([("b", 1), 5])
except TypeError as e:
    print(e, d)
l = [1, 2]
l.extend(l); print(l)
l += l; print(l)
l += (1, 2); print(l)
def lf():
    yield 1
    raise ValueError
l = [0]
try:
    l.extend(lf())
except ValueError:
    print("partial", l)
s = {1}
try:
    s.update(lf())
except ValueError:
    print("partial set", s)
print(dict((k, len(d)) for k in "ab"), dict([("q", 1)], z=2))
try:
    [].extend(5)
except TypeError as e:
    print(e)
s = {0, 1, 2, 3, 4}
s.difference_update(len(s) - 1 for _ in range(3))
print(sorted(s))
s = {1, 2, 3}
s.difference_update({1}, [2], {3: 0})
print(s)
s = {1, 2}
s.difference_update(s)
print(s)
try:
    {1}.difference_update([[1]])
except TypeError as e:
    print(e)
