# Built-ins that hold values in Rust while Python code runs: every dunder below calls churn(),
# a Python function (a safepoint) that allocates, so under CPJIT_GC_STRESS (tests/programs.rs
# runs this with a collection at every safepoint) a value the built-in forgot to root is freed
# and reused. copy.copy/deepcopy through __reduce__ and object.__reduce_ex__ (slots, copyreg).
from helpers.gc_churn import It, K, churn

import copy
class R:
    def __init__(self, xs): self.xs = xs
    def __reduce__(self):
        churn(); return (R, ([K(x.n + 1) for x in self.xs],))
r2 = copy.copy(R([K(1), K(2)])); print([x.n for x in r2.xs])
r3 = copy.deepcopy([R([K(3)]), {K(4): R([K(5)])}]); print(r3[0].xs[0].n, len(r3[1]))
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = K(1); self.b = [K(2)]
s2 = copy.copy(S()); print(s2.a.n, s2.b[0].n)
print(R([K(8)]).__reduce_ex__(2)[1][0][0].n)
