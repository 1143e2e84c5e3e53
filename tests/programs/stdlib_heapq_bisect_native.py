# The native _heapq and _bisect (CPython's C modules): the same heaps as heapq.py (including the
# cache-friendly heapify past 2500 items), max-heap helpers, list subclasses, errors with their
# messages, comparisons that change the list, bisect over any sequence, keys, lo/hi, insort
# through a non-list's insert().
import _heapq
import _bisect
import random

print(sorted(n for n in dir(_heapq) if not n.startswith("__")))
print(sorted(n for n in dir(_bisect) if not n.startswith("__")))
print(_heapq.heappush.__module__, _bisect.bisect_left.__module__, len.__module__)

rng = random.Random(7)
for n in (0, 1, 2, 5, 17, 2600, 5001):
    data = [rng.randrange(1000) for _ in range(n)]
    h = list(data)
    _heapq.heapify(h)
    m = list(data)
    _heapq._heapify_max(m)
    print(n, h[:12], m[:12], sum(h[i] * i for i in range(len(h))) % 100003)
    out = [_heapq.heappop(h) for _ in range(len(h))]
    print(out == sorted(data), [_heapq._heappop_max(m) for _ in range(min(5, len(m)))])

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    _heapq.heappush(h, x)
print(h, _heapq.heapreplace(h, 6), h, _heapq.heappushpop(h, 0), _heapq.heappushpop(h, 4), h)
m = [9, 7, 8, 1, 2, 3]
print(_heapq._heapreplace_max(m, 4), m)
print(_heapq.heappushpop([], 3))


class L(list):
    pass


s = L([4, 1, 3])
_heapq.heapify(s)
_heapq.heappush(s, 0)
print(type(s).__name__, s, _heapq.heappop(s), s)

pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
_heapq.heapify(pairs)
print([_heapq.heappop(pairs) for _ in range(4)])


def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(_heapq.heappop, [])
show(_heapq.heapreplace, [], 1)
show(_heapq.heappush, (), 1)
show(_heapq.heapify, {})
show(_heapq.heappop)
show(_heapq.heappush, [])
show(_heapq.heappush, [], 1, 2)
show(_heapq.heappush, [], item=1)
show(_heapq.heapify, [1, "a", 2])


class Evil(int):
    def __lt__(self, o):
        heap.clear()
        return NotImplemented


heap = []
_heapq.heappush(heap, Evil(0))
show(_heapq.heappushpop, heap, 1)


class Shrink:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        if self.v == 3:
            del big[-1]
        return self.v < o.v


big = [Shrink(v) for v in (1, 2, 4, 3, 5, 6)]
show(_heapq.heapify, big)
big = [Shrink(v) for v in (0, 1, 2)]
show(_heapq.heappush, big, Shrink(3))

data = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 2, 4, 8, 9):
    print(x, _bisect.bisect_left(data, x), _bisect.bisect_right(data, x),
          _bisect.bisect_left(data, x, 2, 5), _bisect.bisect_right(data, x, lo=1, hi=None))
print(_bisect.bisect_left(range(0, 100, 3), 50), _bisect.bisect_right("acegik", "f"))
recs = [("a", 1), ("b", 3), ("c", 3), ("d", 9)]
print(_bisect.bisect_left(recs, 3, key=lambda r: r[1]), _bisect.bisect_right(recs, 3, key=lambda r: r[1]))
lst = [1, 3, 5]
_bisect.insort_left(lst, 3)
_bisect.insort_right(lst, 4, 0, 4)
_bisect.insort(lst, 0) if hasattr(_bisect, "insort") else _bisect.insort_right(lst, 0)
print(lst)
keyed = [("a", 1), ("b", 5)]
_bisect.insort_left(keyed, ("z", 3), key=lambda r: r[1])
print(keyed)


class Seq:
    def __init__(self):
        self.items = list(range(0, 20, 2))
        self.inserted = []

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def insert(self, i, x):
        self.inserted.append((i, x))


s = Seq()
print(_bisect.bisect_right(s, 7), _bisect.insort_left(s, 8), s.inserted)


class Huge:
    def __len__(self):
        return 2**63 - 1

    def __getitem__(self, i):
        return i


print(_bisect.bisect_left(Huge(), 2**63 - 5), _bisect.bisect_right(Huge(), 2**62, 2**62 - 9, 2**63 - 1))

show(_bisect.bisect_left, data, 1, -1)
show(_bisect.bisect_left, data)
show(_bisect.bisect_right, 10, 10)
show(_bisect.bisect_right, data, 1, 0, 3, None)
show(_bisect.bisect_right, data, 1, lo="x")
show(_bisect.bisect_right, data, 1, 2**70)
show(_bisect.bisect_right, data, 1, bogus=1)
show(_bisect.bisect_left, data, "x")
show(_bisect.insort_right, (1, 2), 3)
show(_bisect.bisect_left, data, 3, hi=-1)
