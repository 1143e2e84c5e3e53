# Set algebra and subset tests over keys whose equality runs no Python code (ints, strs, floats:
# a direct table probe) and keys with a user __eq__ (the re-entrant path), with the number of
# __eq__ calls each operation makes.

calls = 0


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v) & 3

    def __eq__(self, o):
        global calls
        calls += 1
        return isinstance(o, K) and self.v == o.v

    def __repr__(self):
        return "K(%r)" % (self.v,)


def show(label, f):
    global calls
    calls = 0
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__
    if isinstance(r, (set, frozenset)):
        r = sorted(r, key=repr)
    print(label, r, "eq calls:", calls)


free = frozenset(range(50))
fps = [frozenset(range(i, i + 5)) for i in range(0, 60, 3)]
hits = 0
for _ in range(200):
    for fp in fps:
        if fp <= free:
            n = free - fp
            hits += len(n & frozenset(range(0, 50, 7)))
print("hits", hits)

nan = float("nan")
mixed = [1, 2.5, "a", nan, -3, 2 ** 70, (1, 2), None, True, 0.0]
a, b = frozenset(mixed[:6]), frozenset(mixed[3:])
for name, f in [("sub", lambda: a - b), ("and", lambda: a & b), ("or", lambda: a | b),
                ("xor", lambda: a ^ b), ("le", lambda: a <= b), ("ge", lambda: a >= b),
                ("lt", lambda: frozenset([1, 2.0]) < frozenset([1.0, 2, 3])),
                ("nan", lambda: frozenset([nan]) <= frozenset([nan]))]:
    show(name, f)

ks = [K(i) for i in range(12)]
s1, s2 = set(ks[:8]), set(ks[4:])
s3 = {K(i) for i in range(4, 8)}
for name, f in [("k-sub", lambda: s1 - s2), ("k-and", lambda: s1 & s3), ("k-or", lambda: s1 | s3),
                ("k-xor", lambda: s1 ^ s3), ("k-le", lambda: s3 <= s1), ("k-le-big", lambda: s1 <= s3),
                ("k-issubset", lambda: s1.issubset(s3)), ("k-superset", lambda: s1.issuperset(s3)),
                ("k-mixed-sub", lambda: s1 - {4, 5, "x"}), ("k-mixed-and", lambda: {1, 2, K(1)} & s1)]:
    show(name, f)
