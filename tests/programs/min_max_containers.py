# min/max over lists, tuples, sets and frozensets (small ints are read in place; anything else
# takes the general path): results, ties, errors and subclasses with their own __iter__.
cases = [
    [3, 1, 2], (5, -7, 5), {4, -2, 9}, frozenset({0}), [2**60, 1], [1, 2**60], [1.5, 1],
    [1, 1.0], [True, 0], [0, False], [3, "a"], [], (), set(), frozenset(), [-(2**47), 2**47 - 1],
    [float("nan"), 1], [1, float("nan")], list(range(1000)), frozenset(range(-500, 500, 7)),
]
for c in cases:
    for f in (min, max):
        try:
            r = f(c)
            print(f.__name__, type(c).__name__, repr(r), type(r).__name__)
        except (ValueError, TypeError) as e:
            print(f.__name__, type(c).__name__, type(e).__name__, e)
    try:
        print(min(c, default="d"), max(c, default="d"))
        print(min(c, key=lambda x: -x) if c and all(isinstance(x, int) for x in c) else "-")
    except TypeError as e:
        print("TypeError", e)


class L(list):
    def __iter__(self):
        return iter([100, 200])


class S(frozenset):
    def __iter__(self):
        return iter([-1, -2])


print(min(L([1, 2, 3])), max(L([1, 2, 3])), min(S({5})), max(S({5})))
print(min(5, 3, 4), max([1, 2], [1, 3]), min("bca"), max(iter([4, 8, 2])))
