# Built-ins that hold values in Rust while Python code runs: every dunder below calls churn(),
# a Python function (a safepoint) that allocates, so under CPJIT_GC_STRESS (tests/programs.rs
# runs this with a collection at every safepoint) a value the built-in forgot to root is freed
# and reused. Built-ins called from Rust with arguments held only in Rust (f(*it), map(type, ...), __getattr__, __len__/__getitem__ sequences, ...).
from helpers.gc_churn import It, K, churn

print(max(*It(10)).n, min(*It(10), key=lambda k: K(-k.n)).n)
print(sorted(*[It(10)], key=lambda k: K(-k.n))[0].n)
def f(*a, **k): churn(); return len(a), sorted(k)
print(f(*It(5), **{str(i): K(i) for i in range(5)}))
d = {}
d.update({K(i): K(i) for i in range(10)}); print(len(d))
class M:
    def keys(self): churn(); return It(10, lambda i: K(i))
    def __getitem__(self, k): churn(); return K(k.n * 2)
d2 = dict(M()); print(sorted(v.n for v in d2.values()))
d3 = {**M()}; print(len(d3))
print(f(**M()) if False else 0)
print(list(map(K, range(5)))[-1].n, list(map(dict, [[(K(1), 2)], [(K(3), 4)]]))[1].popitem()[1])
class G:
    def __getattr__(self, name):
        churn(); return K(len(name))
    @property
    def p(self):
        churn(); return K(7)
g = G()
print(getattr(g, "abc").n, getattr(g, "xy", None).n, g.p.n, hasattr(g, "q"))
print("{0.abcd} {0.p}".format(g), "{0[1]}".format([K(1), K(2)]))
l = [K(i % 4) for i in range(12)]
l.remove(K(3)); print(len(l), l.index(K(2), K(1)), K(9) in tuple(l), K(1) in {K(1): 1}.keys())
print(sorted({K(i): K(-i) for i in range(8)}.items(), key=lambda kv: kv[1].n)[0][0].n)
print(list(zip(*[It(3), It(4)]))[-1][0].n, dict(zip(It(4), It(4)))[K(2)].n)
print(str.join(",", map(repr, It(4))), "-".join(str(k) for k in It(3)))
print(tuple(map(lambda *a: K(sum(x.n for x in a)), It(3), It(3), It(3)))[2].n)
s = {K(i) for i in range(10)}; s.difference_update(It(5)); print(len(s), len(s | set(It(12))), len(s ^ frozenset(It(3))))
print(list(reversed(range(K(5)))), [K(1), K(2)] * K(2) if False else 0)
class Seq:
    def __len__(self): churn(); return 4
    def __getitem__(self, i):
        churn()
        if i >= 4: raise IndexError
        return K(i * 10)
print([k.n for k in Seq()], [k.n for k in reversed(Seq())], K(20) in Seq(), list(Seq())[-1].n, sorted(Seq())[1].n)
print(max(Seq()).n, sum(Seq(), K(0)).n, tuple(Seq())[0].n, [k.n for k in enumerate(Seq())[1] if False] if False else 0)
import operator
print(operator.attrgetter("abc.n")(g) if False else 0, operator.methodcaller("__format__", "z")(K(4)))
