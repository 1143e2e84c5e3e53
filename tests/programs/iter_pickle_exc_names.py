# Sequence iterators' __reduce__/__setstate__/__length_hint__ (list, tuple, str, bytes,
# bytearray, list_reverseiterator; exhausted ones reduce to an empty sequence; cpjit has no
# separate str_iterator for non-ASCII strings), enumerate's
# argument errors, AttributeError/NameError name and obj (keywords and lookups),
# sys.__excepthook__ writing to the current sys.stderr.
import io
import operator
import pickle
import sys

for seq in ([1, 2, 3], (1, 2, 3), "hello", b"abc", bytearray(b"xyz")):
    it = iter(seq)
    print(type(it).__name__, it.__reduce__(), operator.length_hint(it))
    next(it)
    print(it.__reduce__(), operator.length_hint(it))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        c = pickle.loads(pickle.dumps(it, proto))
        assert list(c) == list(seq)[1:], (seq, proto)
    it.__setstate__(2)
    print(list(it), it.__reduce__(), operator.length_hint(it))
    it = iter(seq)
    it.__setstate__(-5)
    print(next(it))
    it.__setstate__(99)
    print(list(it))
r = reversed([1, 2, 3])
print(type(r).__name__, r.__reduce__()[1:], operator.length_hint(r))
next(r)
r2 = pickle.loads(pickle.dumps(r))
print(list(r2), operator.length_hint(r))
r.__setstate__(5)
print(list(r), r.__reduce__()[1:])
print(operator.length_hint(reversed(range(5))), operator.length_hint(iter(range(3))))
try:
    iter([1]).__setstate__("x")
except TypeError as e:
    print("TypeError", e)

for args in [(), (1,), ("abc", "a"), ("abc", 2, 3)]:
    try:
        enumerate(*args)
    except TypeError as e:
        print("TypeError", e)
print(list(enumerate(iterable="ab", start=5)))

e = AttributeError("Ouch")
print(e.name, e.obj, e.args)
s = object()
e = AttributeError("Ouch", name="carry", obj=s)
print(e.name, e.obj is s, e.args)
print(NameError("x", name="y").name, NameError().name)
for bad in [lambda: AttributeError(x=1), lambda: NameError(obj=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


class A:
    blech = None


a = A()
for get in (lambda: a.bluch, lambda: object.__getattribute__(a, "bluch"), lambda: getattr(a, "bluch")):
    try:
        get()
    except AttributeError as e:
        print(e.name, e.obj is a, e)


class G:
    blech = None

    def __getattr__(self, name):
        raise AttributeError()


g = G()
try:
    g.bluch
except AttributeError as e:
    print(e.name, e.obj is g)
    err = io.StringIO()
    old, sys.stderr = sys.stderr, err
    try:
        sys.__excepthook__(*sys.exc_info())
    finally:
        sys.stderr = old
    print(err.getvalue().splitlines()[-1])
try:
    undefined_name_here
except NameError as e:
    print(e.name)

# range iterators pickle as the values left (the reduce value itself differs from CPython's).
it = iter(range(2, 20, 3))
next(it)
print(list(pickle.loads(pickle.dumps(it))), list(it), operator.length_hint(it))
it = reversed(range(5))
next(it)
print(list(pickle.loads(pickle.dumps(it))))
it = iter(range(sys.maxsize - 3, sys.maxsize))
print(list(pickle.loads(pickle.dumps(it))))


# zip() passes on what __iter__ raised.
class Failing:
    def __iter__(self):
        raise RuntimeError("boom")


mine = TypeError("mine")


class Bad:
    def __iter__(self):
        raise mine


try:
    zip([1], Failing())
except RuntimeError as e:
    print("RuntimeError", e)
try:
    zip(Bad())
except TypeError as e:
    print(e is mine)
try:
    zip([1], 5)
except TypeError as e:
    print("TypeError", e)


# dir() with a mapping as eval's locals.
class M:
    def __getitem__(self, key):
        if key == "a":
            return 12
        raise KeyError(key)

    def keys(self):
        return ["z", "x", "y"]


print(eval("dir()", {}, M()), eval("a", {}, M()))
