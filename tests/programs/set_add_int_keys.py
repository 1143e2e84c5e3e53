# set.add / set() of ints: tables of immediate keys only take a one-pass probe; what it must keep
# from CPython's set_add_entry: equal floats already present, -1 and -2 sharing a hash, slots of
# removed keys reused (which decides iteration order), resizes, and object keys turning it off.
def build(n):
    s = set()
    for i in range(n):
        s.add(i * 7 % 13)
    return s


print(build(40), len(build(1000)))
s = {1.0, 2.5, -1, -2}
s.add(1)
s.add(-1)
s.add(-2)
s.add(2)
print(s, [type(x).__name__ for x in s])
s = set(range(20))
for i in range(0, 20, 3):
    s.discard(i)
for i in (100, 3, 6, 40, 9, 0):
    s.add(i)
print(s, list(s))
print(set(x * x % 17 for x in range(50)), frozenset(i % 5 for i in range(12)))


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other


t = {K(5), 3}
t.add(5)
t.add(4)
print(sorted(x if isinstance(x, int) else x.v for x in t))
big = set()
for i in range(100000):
    big.add(i * 2654435761 % 1000003)
print(len(big), sum(big) % 9973, list(big)[:5])
