# Built-ins that hold values in Rust while Python code runs: every dunder below calls churn(),
# a Python function (a safepoint) that allocates, so under CPJIT_GC_STRESS (tests/programs.rs
# runs this with a collection at every safepoint) a value the built-in forgot to root is freed
# and reused. all/any, hash of tuples, itertools and operator (their classes are Python code in cpjit; their arguments come from Rust iterators).
from helpers.gc_churn import It, K, churn

print(all(It(10)), any(It(10)), sorted(x.n for x in It(5)))
print(isinstance(K(1), (K, int)), [k.n for k in list(iter(It(5)))])
print(hash((K(1), K(2))) == hash((K(1), K(2))))
import itertools, operator
print([k.n for k in itertools.chain(It(3), It(4))])
print([k.n for k in itertools.islice(It(20), 2, 10, 3)])
print([(a, [x.n for x in g]) for a, g in itertools.groupby(It(10), key=lambda k: k.n // 3)])
print([k.n for k in itertools.accumulate(It(6), lambda a, b: K(a.n + b.n))])
print(len(list(itertools.product(It(3), It(3)))), len(list(itertools.permutations(It(4), 2))))
print(sorted(k.n for k in itertools.filterfalse(lambda k: k.n % 2, It(10))))
print([[x.n for x in t] for t in itertools.zip_longest(It(2), It(3), fillvalue=K(0))])
print(operator.itemgetter(K(1))([5, 6, 7]), [k.n for k in itertools.starmap(lambda a, b: K(a + b), [(1, 2), (3, 4)])])
