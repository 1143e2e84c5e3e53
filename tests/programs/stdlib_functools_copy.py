# functools, copy, operator, heapq, bisect, abc and itertools as everyday code uses them.
import functools, copy, operator, heapq, bisect, abc, itertools

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info().hits > 0)
print(functools.reduce(operator.add, range(10)), functools.reduce(lambda a, b: a * b, [1, 2, 3, 4], 1))
add5 = functools.partial(operator.add, 5)
print(add5(10), add5.func is operator.add, add5.args)
def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a) * 2
    return inner
@deco
def square(x):
    "Square it."
    return x * x
print(square(3), square.__name__, square.__doc__, square.__wrapped__(3))
print(sorted(['bb', 'a', 'ccc'], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
class C:
    @functools.cached_property
    def val(self):
        print('computing')
        return 42
c = C()
print(c.val, c.val)

orig = {'a': [1, 2], 'b': {'c': [3]}}
sh, dp = copy.copy(orig), copy.deepcopy(orig)
orig['a'].append(9)
print(sh['a'], dp['a'], dp == {'a': [1, 2], 'b': {'c': [3]}})
class Node:
    def __init__(self, v): self.v, self.children = v, []
n = Node(1); n.children.append(Node(2)); n.children.append(n)
m = copy.deepcopy(n)
print(m.v, m.children[0].v, m.children[1] is m, m is not n)

print(operator.itemgetter(1)([5, 6]), operator.attrgetter('v')(n), operator.methodcaller('upper')('x'))
print(sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=operator.itemgetter(0, 1)))

h = [5, 1, 8, 3, 2]
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(3)], heapq.nsmallest(2, [9, 4, 7]), heapq.nlargest(2, [9, 4, 7]))
print(list(heapq.merge([1, 4], [2, 3])))
a = [1, 3, 5, 7]
bisect.insort(a, 4)
print(a, bisect.bisect_left(a, 5), bisect.bisect_right(a, 5), bisect.bisect(a, 0))

class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
class Impl(Base):
    def run(self): return 'ran'
try:
    Base()
except TypeError as e:
    print('TypeError', e)
print(Impl().run(), isinstance(Impl(), Base), issubclass(Impl, Base))
class Duck: pass
Base.register(Duck)
print(isinstance(Duck(), Base))

print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.chain([1], (2, 3))))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.product('ab', repeat=2)))
print(list(itertools.permutations([1, 2, 3], 2))[:4], list(itertools.combinations('abcd', 2))[:3])
print([(k, list(g)) for k, g in itertools.groupby('aabbbc')], list(itertools.zip_longest([1, 2], [3], fillvalue=0)))
