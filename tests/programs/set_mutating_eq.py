# Set operations whose keys' __eq__ empties the sets being combined (CPython's test_set
# TestBinaryOpsMutating / TestMethodsMutating): nothing may crash. Which keys survive depends on
# the probe order, so only completion is printed; CPython may report "changed size during
# iteration", which is accepted here as it is there.
import operator
from random import randrange, seed

seed(12345)


def make_sets(c1, c2):
    class Bad:
        def __init__(self, n):
            self.n = n

        def __eq__(self, other):
            if not enabled:
                return False
            # (a frozenset or list operand is not cleared)
            if randrange(20) == 0 and isinstance(set1, set):
                set1.clear()
            if randrange(20) == 0 and isinstance(set2, set):
                set2.clear()
            return bool(randrange(2))

        def __hash__(self):
            return randrange(2)

    enabled = False
    set1 = c1(Bad(i) for i in range(randrange(40)))
    set2 = c2(Bad(i) for i in range(randrange(40)))
    enabled = True
    return set1, set2


OPS = [
    ("==", operator.eq), ("!=", operator.ne), ("<", operator.lt), ("<=", operator.le),
    (">", operator.gt), (">=", operator.ge), ("&", operator.and_), ("|", operator.or_),
    ("-", operator.sub), ("^", operator.xor), ("&=", operator.iand), ("|=", operator.ior),
    ("-=", operator.isub), ("^=", operator.ixor),
]
METHODS = [
    "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
    "isdisjoint", "update", "intersection_update", "difference_update",
    "symmetric_difference_update",
]

for c1 in (set, frozenset):
    for c2 in (set, frozenset):
        for name, f in OPS:
            for _ in range(12):
                s1, s2 = make_sets(c1, c2)
                try:
                    f(s1, s2)
                except RuntimeError as e:
                    assert "changed size during iteration" in str(e), e
            print(c1.__name__, c2.__name__, name, "ok")
for c2 in (set, frozenset, list, tuple, dict.fromkeys):
    for m in METHODS:
        for _ in range(12):
            s1, s2 = make_sets(set, c2)
            try:
                getattr(s1, m)(s2)
            except RuntimeError as e:
                assert "changed size during iteration" in str(e), e
        print("set", getattr(c2, "__name__", "?"), m, "ok")

# Membership, add and discard whose __eq__ mutates the set probed.
class Key:
    def __init__(self, n, victim=None):
        self.n = n
        self.victim = victim

    def __hash__(self):
        return self.n % 3

    def __eq__(self, other):
        if self.victim is not None:
            self.victim.clear()
        return isinstance(other, Key) and self.n == other.n


s = {Key(i) for i in range(10)}
probe = Key(4, s)
print(probe in s, len(s))
s = {Key(i) for i in range(10)}
s.add(Key(25, s))
print(len(s))
s = {Key(i) for i in range(10)}
s.discard(Key(7, s))
print(len(s))
