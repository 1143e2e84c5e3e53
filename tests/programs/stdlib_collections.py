# collections as everyday code uses it: namedtuple, deque, defaultdict, Counter, OrderedDict,
# ChainMap, and the collections.abc checks.
from collections import namedtuple, deque, defaultdict, Counter, OrderedDict, ChainMap
import collections.abc as cabc

Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x + p.y, p._asdict(), p._replace(x=5), Point._fields, p == (1, 2))
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0])
print(P3(1, 2), P3._field_defaults, list(P3(1, 2, 3)))
a, b = p
print(a, b, isinstance(p, tuple), hash(p) == hash((1, 2)))

d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, d.maxlen, d.popleft(), d.pop(), len(d), list(reversed(d)))
d.rotate(1)
print(d, d[0], d[-1], 3 in d)
d.extend([7, 8]); d.extendleft([9])
print(d)

dd = defaultdict(list)
for w in 'apple avocado banana blueberry cherry'.split():
    dd[w[0]].append(w)
print(sorted(dd.items()), dd['z'], len(dd))
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(dict(sorted(counts.items())))

c = Counter('abracadabra')
print(c.most_common(3), c['a'], c['z'], sum(c.values()))
c.update('aaz')
print(c.most_common(2), sorted(c.elements())[:6])
print(Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=1) + Counter(a=2, b=1))

od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
od.move_to_end('b')
print(list(od), od.popitem(), od.popitem(last=False), od)

cm = ChainMap({'x': 1}, {'x': 2, 'y': 3})
print(cm['x'], cm['y'], len(cm), sorted(cm), cm.new_child({'z': 0})['z'])

print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(d, cabc.MutableSequence),
      isinstance(3, cabc.Hashable), isinstance([], cabc.Hashable), issubclass(dict, cabc.MutableMapping))
class Bag(cabc.Sized, cabc.Iterable):
    def __init__(self, *items): self.items = items
    def __len__(self): return len(self.items)
    def __iter__(self): return iter(self.items)
print(len(Bag(1, 2)), list(Bag(3)), isinstance(Bag(), cabc.Sized))
