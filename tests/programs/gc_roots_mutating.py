# Built-ins that compare or repr the items of a container while an item's dunder (Python code
# that allocates and reaches a safepoint) empties that container: the built-in must read the
# items in place, as CPython does, or keep its copy rooted; under CPJIT_GC_STRESS
# (tests/programs.rs) a copied-out item would be freed and reused.
from helpers.gc_churn import K, churn

class E:
    def __init__(self, box, n): self.box = box; self.n = n
    def __eq__(self, o):
        self.box.clear(); churn(); [K(i) for i in range(4)]; return False
    def __lt__(self, o):
        self.box.clear(); churn(); return False
    def __hash__(self): return 1
    def __repr__(self):
        self.box.clear(); churn(); return "E"
if True:
    l = []; l.extend(E(l, i) for i in range(6)); print(E(l, 9) in l, len(l))
    l = []; l.extend(E(l, i) for i in range(6)); print(l.count(E(l, 0)), len(l))
    l = []; l.extend(E(l, i) for i in range(6))
    try: l.index(E(l, 0))
    except ValueError as e: print("ValueError")
    l = []; l.extend(E(l, i) for i in range(6))
    try: l.remove(E(l, 0))
    except ValueError as e: print("ValueError")
    l = []; l.extend(E(l, i) for i in range(6)); print(l == [E(l, 1)] * 6)
    l = []; l.extend(E(l, i) for i in range(6)); print(repr(l)[:3])
    d = {}; 
    for i in range(6): d[E(d, i)] = E(d, i)
    print(len(repr(d)) > 0)
    l = []; l.extend(E(l, i) for i in range(6))
    try: print(max(l) is not None)
    except Exception as e: print(type(e).__name__)
    l = []; l.extend(E(l, i) for i in range(6)); print(l < [E(l, 1)] * 6)
d = {}
for i in range(4): d[i] = E(d, i)
print(repr(d.items())[:12], repr(d.values())[:12])
d = {}
for i in range(4): d[i] = E(d, i)
print(d == {i: E(d, i) for i in range(4)})
s = set(); s.update(E(s, i) for i in range(1))
print(repr(s))
print(repr({i: K(i) for i in range(3)}.items()), repr({K(1), K(2)} and 1))
