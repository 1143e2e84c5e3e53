# Collections triggered inside compiled loops that allocate; cycles and weakref callbacks run.
import gc
import weakref

class Node:
    def __init__(self, v):
        self.v = v
        self.other = None

def churn(n):
    keep = []
    i = 0
    while i < n:
        a = Node(i)
        b = Node(-i)
        a.other = b
        b.other = a
        if i % 1000 == 0:
            keep.append(a)
        i += 1
    return len(keep), sum(k.v for k in keep)

print(churn(200_000))

dead = []
class Tracked:
    pass

def make(n):
    refs = []
    for i in range(n):
        t = Tracked()
        t.self = t
        refs.append(weakref.ref(t, lambda r: dead.append(1)))
    return refs

refs = make(5000)
gc.collect()
print(sum(1 for r in refs if r() is None) == len(dead), len(refs))

def strings(n):
    s = []
    x = None
    while x is not None or len(s) < n:
        s.append(str(len(s)) * 3)
        x = None
    return len(s), s[-1]
print(strings(50_000))
