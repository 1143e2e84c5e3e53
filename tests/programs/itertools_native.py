# The native itertools types (modules/itertools.rs): argument checks and messages, reprs,
# __reduce__/__setstate__ at several points, subclasses overriding __new__/__init__,
# laziness, errors raised by the underlying iterators, re-entrancy and the collector.
import copy
import gc
import pickle
import sys
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, zip_longest)


def tr(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))


# Arguments and messages.
tr(lambda: count(True).__reduce__())
tr(lambda: count(1.0).__reduce__())
tr(lambda: (repr(count(5, 1.0)), repr(count(2 ** 70)), count(2 ** 70).__reduce__()))
tr(lambda: count(1, 2, 3))
tr(lambda: count('a'))
tr(lambda: count(start=3, step=2))
tr(lambda: count(foo=3))
tr(lambda: repeat(1, 2 ** 70))
tr(lambda: repeat(1, 2.0))
tr(lambda: repeat())
tr(lambda: repeat(1, 2, 3))
tr(lambda: repeat(object=1, times=-3))
tr(lambda: repeat(1, times=-3).__reduce__())
tr(lambda: repeat(1).__length_hint__())
tr(lambda: (repeat('a', 3).__length_hint__(), repr(repeat('a', 3)), repr(repeat([1]))))
tr(lambda: chain(a=1))
tr(lambda: chain().__setstate__(()))
tr(lambda: chain().__setstate__((1, 2, 3)))
tr(lambda: chain().__setstate__([]))
tr(lambda: chain().__setstate__((iter([]), 1)))
tr(lambda: chain.from_iterable())
tr(lambda: islice())
tr(lambda: islice(1))
tr(lambda: islice(1, 2, 3, 4, 5))
tr(lambda: islice(1, 2))
tr(lambda: islice([], a=1))
tr(lambda: islice([], 1).__setstate__(1.5))
tr(lambda: islice([], 1).__setstate__(2 ** 70))
for a in [(2 ** 70,), (2 ** 70, 3), (1, 2 ** 70), (1, 2, 2 ** 70), (-5,), (1.5,), ('a',),
          (None,), (None, None), (2, None, 3), (1, 8, 0), (None, 3, None)]:
    tr(lambda: list(islice(range(10), *a)))
tr(lambda: product(repeat=-1))
tr(lambda: product(x=1))
tr(lambda: product([1], repeat=2 ** 70))
tr(lambda: product([1], repeat=2 ** 62))
tr(lambda: product(1))
tr(lambda: product([1, 2]).__setstate__((1, 2)))
tr(lambda: product([1, 2]).__setstate__((1.5,)))
tr(lambda: list(product('ab', range(2), repeat=2)))
tr(lambda: list(product()))
tr(lambda: list(product([], [1])))
tr(lambda: zip_longest(a=1))
tr(lambda: zip_longest(1))
tr(lambda: zip_longest(fillvalue=1, a=2))
tr(lambda: list(zip_longest('abc', [1], fillvalue='-')))
tr(lambda: list(zip_longest()))
tr(lambda: starmap(pow))
tr(lambda: starmap(pow, [(1, 2)], x=1))
tr(lambda: list(starmap(pow, [[2, 3], (2, 4), iter([3, 2])])))
tr(lambda: list(starmap(pow, [1])))
tr(lambda: accumulate())
tr(lambda: accumulate([1], x=2))
tr(lambda: list(accumulate([1, 2, 3], initial=10)))
tr(lambda: list(accumulate([1, 2, 3], max)))
tr(lambda: list(accumulate([], initial=None)))
tr(lambda: compress())
tr(lambda: compress([1]))
tr(lambda: list(compress('abcdef', [1, 0, 1, 1])))
tr(lambda: takewhile(bool))
tr(lambda: filterfalse(bool))
tr(lambda: list(filterfalse(None, [0, 1, '', 'a', None])))
tr(lambda: list(takewhile(lambda x: x < 3, range(10))))
tr(lambda: list(dropwhile(lambda x: x < 3, [1, 5, 2, 1])))
tr(lambda: pairwise())
tr(lambda: list(pairwise('abcd')))
tr(lambda: combinations([1]))
tr(lambda: combinations([1], -1))
tr(lambda: combinations([1], 1.5))
tr(lambda: permutations([1], 1.5))
tr(lambda: permutations([1], -1))
tr(lambda: list(permutations('abc', 5)))
tr(lambda: list(combinations('abcd', 2)))
tr(lambda: list(combinations_with_replacement('abc', 2)))
tr(lambda: list(combinations_with_replacement('', 0)))
tr(lambda: list(combinations_with_replacement('', 2)))
tr(lambda: list(permutations(range(3))))
tr(lambda: list(permutations([], 0)))
tr(lambda: cycle())
tr(lambda: groupby())
tr(lambda: groupby([], k=1))
tr(lambda: combinations_with_replacement([1], r=2 ** 70))
tr(lambda: cycle([1]).__setstate__(([1],)))
tr(lambda: cycle([1]).__setstate__(((1,), 1)))
tr(lambda: cycle([1]).__setstate__(([1], 1.5)))
tr(lambda: cycle([1]).__setstate__([1]))
tr(lambda: permutations([1]).__setstate__(([1],)))
tr(lambda: permutations([1]).__setstate__(([1], (1,))))
tr(lambda: permutations([1]).__setstate__(1))
tr(lambda: groupby([1]).__setstate__((1,)))
tr(lambda: pickle.dumps(pairwise([])))
tr(lambda: pairwise([]).__reduce__())
tr(lambda: copy.copy(pairwise([1, 2, 3])))
tr(lambda: itertools._grouper(1, 2))
tr(lambda: (count.__module__, count.__name__, count.__qualname__, type(count)))
tr(lambda: chain[int])
tr(lambda: islice.__new__(int))
tr(lambda: islice.__next__(iter([])))
tr(lambda: [k for k in dir(itertools) if not k.startswith('__')])
tr(lambda: (chain.__doc__.splitlines()[0], count.__doc__.splitlines()[0]))
tr(lambda: type(chain.from_iterable.__self__))

# count: the fast mode switches to the slow one at sys.maxsize.
c = count(sys.maxsize - 1)
print(next(c), next(c), next(c), repr(c), c.__reduce__())
c = count(0.5, 0.25)
print(next(c), next(c), repr(c))
c = count(-3, -2)
print([next(c) for _ in range(3)], repr(c))


# Subclasses.
class C(count):
    pass


class D(chain):
    pass


class E(chain):
    def __init__(self, *a, **k):
        self.k = k


class N(islice):
    def __new__(cls, it, n):
        self = super().__new__(cls, it, n * 2)
        self.n = n
        return self


class R(repeat):
    def __repr__(self):
        return 'R!' + super().__repr__()


tr(lambda: (repr(C(3)), C(3).__reduce__(), type(next(C(3)))))
tr(lambda: type(D.from_iterable([[1]])))
tr(lambda: D(a=1))
e = E([1], a=2)
print(list(e), e.k, type(e).__name__)
n = N(range(10), 2)
print(list(n), n.n, isinstance(n, islice), type(n).__name__)
tr(lambda: (repr(R(1, 2)), list(R(1, 2))))
d = D('ab', 'cd')
next(d)
d2 = pickle.loads(pickle.dumps(d))
print(type(d2).__name__, list(d2), list(d))


# Pickle / copy round trips at several points.
def trip(make, steps=(0, 1, 3, 20)):
    out = []
    for k in steps:
        it = make()
        got = [x for _, x in zip(range(k), it)]
        for p in range(pickle.HIGHEST_PROTOCOL + 1):
            a = pickle.loads(pickle.dumps(it, p))
            out.append(list(islice(a, 12)))
        b = copy.deepcopy(it)
        out.append(list(islice(b, 12)))
        out.append(list(islice(it, 12)))
        assert all(o == out[-1] for o in out[-(pickle.HIGHEST_PROTOCOL + 3):]), (make, k, out)
        print(k, got, out[-1])


def second(a, b):
    return b


def lt5(x):
    return x < 5


def mod3(x):
    return x % 3


trip(lambda: islice(range(30), 2, 25, 3))
trip(lambda: islice(range(30), 5))
trip(lambda: chain('abc', [1, 2], ()))
trip(lambda: chain.from_iterable(['ab', 'cd']))
trip(lambda: count(3, 2))
trip(lambda: count(1.5))
trip(lambda: repeat('x', 5))
trip(lambda: product('ab', range(3)))
trip(lambda: product('ab', []))
trip(lambda: zip_longest('abcd', [1, 2], fillvalue=0))
trip(lambda: starmap(pow, [(2, i) for i in range(8)]))
trip(lambda: accumulate(range(10)))
trip(lambda: accumulate(range(5), initial=100))
trip(lambda: accumulate([None, 1, None, 2], second))
trip(lambda: compress(range(20), [1, 0] * 10))
trip(lambda: takewhile(lt5, range(10)))
trip(lambda: dropwhile(lt5, range(10)))
trip(lambda: filterfalse(mod3, range(20)))
trip(lambda: combinations(range(5), 3))
trip(lambda: combinations_with_replacement('abc', 2))
trip(lambda: permutations(range(4), 2))
trip(lambda: cycle('abc'))
for k in range(4):
    g = groupby('aabbbcdd')
    for _ in range(k):
        next(g)
    for p in (0, 2, pickle.HIGHEST_PROTOCOL):
        print(k, [(key, list(grp)) for key, grp in pickle.loads(pickle.dumps(g, p))])
    print(k, [(key, list(grp)) for key, grp in copy.deepcopy(g)], [key for key, _ in g])
g = groupby('aabbb')
key, grp = next(g)
next(grp)
g2, grp2 = pickle.loads(pickle.dumps((g, grp)))
print(key, list(grp2), [(k, list(x)) for k, x in g2], list(grp), [k for k, _ in g])

# setstate clamps.
p = product('ab', 'cd')
p.__setstate__((5, -3))
print(list(p))
c = combinations(range(5), 2)
next(c)
c.__setstate__((10, 10))
print(list(c))
pm = permutations(range(3))
next(pm)
pm.__setstate__(((2, 1, 0), (9, 0, -4)))
print(list(pm))
cy = cycle('ab')
cy.__setstate__((['x', 'y', 'z'], 1))
print([next(cy) for _ in range(5)])
g = groupby('aab')
k, grp = next(g)
print(k, grp.__reduce__()[0] is type(grp), list(grp))
next(g)
print(grp.__reduce__())


# Laziness and errors from the underlying iterators.
def gen(log, name, n, fail=None):
    for i in range(n):
        log.append((name, i))
        if i == fail:
            raise ValueError(f'{name} failed')
        yield i


log = []
ch = chain(gen(log, 'a', 2), gen(log, 'b', 2))
print(log)
print(next(ch), log)
print(list(ch), log)
log = []
it = islice(gen(log, 'g', 10, fail=3), 1, 6, 2)
print(next(it), log)
tr(lambda: next(it))
tr(lambda: next(it))
print(log)
log = []
z = zip_longest(gen(log, 'x', 3, fail=1), gen(log, 'y', 1))
tr(lambda: next(z))
tr(lambda: next(z))
tr(lambda: next(z))
log = []
ch = chain(gen(log, 'a', 3, fail=1), 'zz')
tr(lambda: next(ch))
tr(lambda: next(ch))
tr(lambda: list(ch))
ch = chain([1], 5, [2])
tr(lambda: [next(ch), next(ch)])
tr(lambda: next(ch))
log = []
pr = product(gen(log, 'p', 2), gen(log, 'q', 2))
print(log)
log = []
pr = product(gen(log, 'p', 2), repeat=0)
print(log, list(pr))
tr(lambda: list(groupby([1, 2, 3], key=lambda x: 1 / (x - 2))))
tr(lambda: list(accumulate([1, 'a'])))
tr(lambda: list(takewhile(lambda x: 1 / x, [2, 1, 0, 3])))


# Re-entrancy: an iterator whose __next__ changes the itertools object driving it.
class Reenter:
    def __init__(self):
        self.owner = None
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i == 2:
            self.owner.__setstate__((iter(['X', 'Y']),))
        if self.i > 4:
            raise StopIteration
        return self.i


r = Reenter()
ch = chain(r, 'end')
r.owner = ch
print(list(ch))
r = Reenter()
isl = islice(r, 0, None)
r.owner = type('O', (), {'__setstate__': lambda self, s: isl.__setstate__(7)})()
print(list(isl))
g = groupby([1, 1, 2, 2, 3])
out = []
for k, grp in g:
    out.append((k, next(grp, None)))
print(out)

# The collector: big chains and nested itertools kept alive only by the iterators.
big = chain.from_iterable(chain([[i] * 3], (str(i),)) for i in range(2000))
first = [next(big) for _ in range(5)]
gc.collect()
print(first, sum(1 for _ in big))
nested = islice(accumulate(zip_longest(map(str, range(500)), range(700), fillvalue='-'),
                           lambda a, b: (a[0], b[1])), 0, None, 7)
print(next(nested))
gc.collect()
print(list(nested)[-1])
groups = groupby(sorted(str(i) for i in range(300)), key=lambda s: s[0])
held = []
for k, grp in groups:
    held.append((k, grp))
    gc.collect()
print([(k, list(grp)) for k, grp in held][:3])
cy = cycle([object() for _ in range(100)])
for _ in range(150):
    next(cy)
gc.collect()
print(sum(1 for _ in islice(cy, 1000)))
