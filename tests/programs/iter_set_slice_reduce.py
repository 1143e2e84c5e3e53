# __reduce__ of enumerate, map, filter, zip, reversed, set, frozenset, slice, Ellipsis and
# NotImplemented (CPython's tuples; a foreign self is a TypeError), reversed.__length_hint__ and
# __setstate__, zip.__setstate__, and copy/pickle-style rebuilding from the reduce values.
import copy

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

it = iter([1, 2, 3])
e = enumerate(it, 5)
r = e.__reduce__()
print(r[0] is enumerate, r[1][0] is it, r[1][1])
next(e)
print(e.__reduce__()[1][1])
m = map(abs, [1, -2], [3])
r = m.__reduce__()
print(r[0] is map, r[1][0] is abs, len(r[1]))
f = filter(None, [0, 1])
print(f.__reduce__()[0] is filter, f.__reduce__()[1][0])
z = zip([1], [2])
r = z.__reduce__()
print(r[0] is zip, len(r), len(r[1]))
zs = zip([1], [2], strict=True)
print(zs.__reduce__()[2])
z.__setstate__(True)
print(len(z.__reduce__()))
z.__setstate__(0)
print(len(z.__reduce__()))
rv = reversed((1, 2, 3, 4))
print(rv.__reduce__(), rv.__length_hint__())
next(rv)
print(rv.__reduce__(), rv.__length_hint__())
rv.__setstate__(1)
print(list(rv), rv.__length_hint__(), rv.__reduce__())
rv = reversed((1, 2, 3))
rv.__setstate__(10)
print(list(rv))
rv = reversed("abc")
rv.__setstate__(-5)
print(list(rv))
print(set([3]).__reduce__(), frozenset([1]).__reduce__())
print(slice(1, 2, 3).__reduce__(), slice(None).__reduce__())
print(Ellipsis.__reduce__(), NotImplemented.__reduce__())
print(copy.copy(slice(1, 5)), copy.deepcopy({1, 2}), copy.copy(frozenset([4])))
for label, call in [
    ("enumerate foreign", lambda: enumerate.__reduce__(5)),
    ("map foreign", lambda: map.__reduce__([])),
    ("filter foreign", lambda: filter.__reduce__(None)),
    ("zip foreign", lambda: zip.__reduce__(1.5)),
    ("reversed foreign", lambda: reversed.__reduce__(())),
    ("set foreign", lambda: set.__reduce__(frozenset())),
    ("frozenset foreign", lambda: frozenset.__reduce__(set())),
    ("slice foreign", lambda: slice.__reduce__(1)),
    ("ellipsis foreign", lambda: type(...).__reduce__(None)),
    ("notimpl foreign", lambda: type(NotImplemented).__reduce__(None)),
    ("hint foreign", lambda: reversed.__length_hint__([])),
    ("setstate foreign", lambda: zip.__setstate__(map(abs, []), 1)),
    ("setstate str", lambda: reversed((1,)).__setstate__("x")),
    ("setstate none", lambda: reversed((1,)).__setstate__()),
]:
    try:
        call()
        print(label, "ok")
    except TypeError:
        print(label, "TypeError")
# A Python subclass: __reduce__ sees the instance (its class and __dict__), and copy rebuilds it.
class S(set):
    pass
s = S([1])
s.x = 5
for r in (s.__reduce__(), set.__reduce__(s)):
    print(r[0] is S, r[1], r[2])
c = copy.copy(s)
print(type(c).__name__, sorted(c), c.x)
class F(frozenset):
    pass
print(type(copy.deepcopy(F([3]))).__name__)
class Z(zip):
    pass
print(Z([1], [2]).__reduce__()[0] is Z)
for arg in ("x", 2 ** 70, 1.5, True):
    try:
        r = reversed((1, 2))
        r.__setstate__(arg)
        print(list(r))
    except Exception as e:
        print(type(e).__name__, e)
