# itertools objects as classes: reprs, argument errors, __reduce__/__setstate__, copy and
# pickle of part-consumed iterators, subclasses, tee's shared buffer.
import copy
import operator
import pickle
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)


def err(f, *args, **kw):
    try:
        f(*args, **kw)
    except Exception as e:
        return f"{type(e).__name__}: {e}"
    return "no error"


def roundtrip(it, n=2):
    for _ in range(n):
        next(it, None)
    out = []
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        out.append(list(islice(pickle.loads(pickle.dumps(it, proto)), 8)))
    out.append(list(islice(copy.deepcopy(it), 8)))
    assert all(o == out[0] for o in out), out
    return out[0]


print(repr(count()), repr(count(3)), repr(count(3, 5)), repr(count(1.5, 1)), repr(count(2, 1.0)))
print(repr(repeat("a")), repr(repeat("a", 3)), repr(repeat("a", -2)))
print(err(count, "a"), "|", err(repeat, 1, 1.5), "|", err(repeat, 1, None))
print(err(cycle), "|", err(chain, [1], x=2), "|", err(islice, [1], -1))
print(err(islice, [1], 0, 1, 0), "|", err(combinations, "ab", -1), "|", err(permutations, "ab", 1.0))
print(err(product, "ab", repeat=-1), "|", err(tee, [], -1), "|", err(zip_longest, [1], 3))
print(operator.length_hint(repeat(None, 7)), err(repeat(None).__length_hint__))

print(roundtrip(count(5)), roundtrip(count(1, 0.5)))
print(roundtrip(cycle("abc"), 4), roundtrip(repeat("x", 5)))
print(roundtrip(accumulate([1, 2, 3, 4])), roundtrip(accumulate([1, 2], initial=5), 0))
print(roundtrip(accumulate([None, 1, 2], operator.is_not), 1))
print(roundtrip(chain("ab", "cd")), roundtrip(chain.from_iterable(["xy", "z"]), 1))
print(roundtrip(compress("abcdef", [1, 0, 1, 1])), roundtrip(dropwhile(bool, [1, 0, 2, 3]), 1))
print(roundtrip(takewhile(bool, [1, 2, 0, 3]), 1), roundtrip(filterfalse(None, [0, 1, 0, []])))
print(roundtrip(starmap(operator.add, [(1, 2), (3, 4), (5, 6)]), 1))
print(roundtrip(islice(range(20), 2, 15, 3)), roundtrip(zip_longest("ab", "c", fillvalue="-"), 1))
print(roundtrip(product("ab", range(2))), roundtrip(combinations(range(4), 2), 3))
print(roundtrip(combinations_with_replacement("ab", 2), 1), roundtrip(permutations(range(3)), 3))
print(list(map(tuple, roundtrip(product("ab", repeat=0), 0))))

g = groupby("aabbbcd")
k, grp = next(g)
print(k, list(grp), [(k, list(v)) for k, v in pickle.loads(pickle.dumps(g))])
g = groupby([1, -1, 2], key=abs)
k, grp = next(g)
print(k, list(pickle.loads(pickle.dumps(grp))))

c = cycle("defg")
c.__setstate__((list("abc"), 0))
print("".join(islice(c, 12)))
c = cycle("defg")
c.__setstate__((list("abc"), 1))
print("".join(islice(c, 12)))
p = product((1, 2), (3,))
p.__setstate__((0, 0x1000))
print(list(p))

a, b = tee(range(100))
print(list(islice(a, 60))[-1], next(b), type(a).__name__)
a2 = pickle.loads(pickle.dumps(a))
print(next(a2), next(a), next(b), list(islice(copy.copy(b), 3)))
c, d = tee(a)
print(next(c), next(d), next(a))
print(err(pairwise("ab").__reduce__))


class Sub(chain):
    def __init__(self, *args, newarg=None):
        self.newarg = newarg


s = Sub("ab", [1], newarg=3)
print(type(s).__name__, list(s), s.newarg, err(type("C", (cycle,), {}), "ab", x=1))
print([(x, y) for x, y in pairwise(range(4))], list(zip_longest(range(3), "ab")))
