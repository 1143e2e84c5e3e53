# Built-ins that consume an iterable take each item as the iterator produces it: set(genexpr)
# hashes an item before the generator runs on to the next, tuple()/list() keep every item alive
# while the generator allocates, and an error part-way leaves the right side effects.
log = []


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        log.append(("hash", self.n))
        return hash(self.n % 3)

    def __eq__(self, other):
        log.append(("eq", self.n, other.n))
        return self.n % 3 == other.n % 3

    def __repr__(self):
        return f"Key({self.n})"


def gen(n):
    for i in range(n):
        log.append(("yield", i))
        yield Key(i)


s = set(gen(5))
print(sorted(k.n for k in s))
print(log)
log.clear()
f = frozenset(gen(4))
print(sorted(k.n for k in f))
print(log)
log.clear()


def failing():
    yield Key(1)
    yield Key(2)
    raise ValueError("stop here")


target = set()
try:
    target = set(failing())
except ValueError as e:
    print("ValueError", e, target)
print(log)
log.clear()


class BadHash:
    def __hash__(self):
        raise TypeError("no hash for you")


def then_bad():
    log.append("first")
    yield 1
    log.append("second")
    yield BadHash()
    log.append("never")
    yield 3


try:
    set(then_bad())
except TypeError as e:
    print("TypeError", e)
print(log)
log.clear()

# Many allocations inside the generator while tuple()/list()/set() hold the items so far.
def boxes(n):
    for i in range(n):
        junk = [[j] * 3 for j in range(20)]
        yield (i, str(i) * 2, junk[i % 20])


t = tuple(boxes(3000))
print(len(t), t[0], t[-1], sum(x[0] for x in t))
l = list(boxes(2000))
print(len(l), l[1999][1])
st = set((x[0], x[1]) for x in boxes(2500))
print(len(st), min(st), max(st))
print(tuple(i * i for i in range(10) if i % 2))
print(set(str(i) for i in range(5)) == {"0", "1", "2", "3", "4"})
print(frozenset(x for x in "abracadabra") == frozenset("abcdr"))
print(sorted(set(x % 7 for x in range(100))))
