# Built-ins that hold values in Rust while Python code runs: every dunder below calls churn(),
# a Python function (a safepoint) that allocates, so under CPJIT_GC_STRESS (tests/programs.rs
# runs this with a collection at every safepoint) a value the built-in forgot to root is freed
# and reused. dict(pairs), dict(mapping), update, {**m}, f(**m), views.
from helpers.gc_churn import It, K, churn

print(len(list(It(30))), len(tuple(It(30))))
d = dict((K(i), K(i * 2)) for i in range(30)); print(sorted(k.n for k in d))
d2 = dict(It(10, lambda i: (K(i), str(i)))); print(len(d2))
d.update((K(i), i) for i in range(20, 40)); print(len(d))
d.update(It(5, lambda i: [K(i + 100), i])); print(len(d))
l = []; l.extend(It(20)); print(len(l), l[-1].n)
l += It(5); print(len(l))
s = set(); s.update(It(20)); print(len(s))
fs = frozenset(It(25)); print(len(fs))
print(K(3) in [K(i) for i in range(5)], [K(i) for i in range(6)].index(K(4)), [K(1), K(2), K(1)].count(K(1)))
print((K(3),) == (K(3),), [K(1), K(2)] < [K(1), K(3)])
print({K(1): 2} == {K(1): 2})
