# list.sort() detects a list changed while it sorts, even when the change is undone (CPython
# empties the list for the sort and checks for any storage afterwards); the list seen inside
# the comparisons and the key function is empty.
def attempt(name, make_lt, key=None):
    class C:
        def __init__(self, i):
            self.i = i
        def __lt__(self, other):
            make_lt(L)
            return self.i < other.i
    L = [C(i) for i in (3, 1, 2, 5, 4)]
    try:
        if key is None:
            L.sort()
        else:
            L.sort(key=lambda c: key(L, c))
        print(name, "ok", [c.i for c in L])
    except Exception as e:
        print(name, type(e).__name__, e, len(L))

seen = []
attempt("nothing", lambda L: seen.append(len(L)))
print("lengths seen", sorted(set(seen)))
attempt("append", lambda L: L.append(0))
counter = [0]
def flip(L):
    counter[0] += 1
    if L:
        L.pop()
    else:
        L.append(0)
attempt("append-pop", flip)
attempt("pop-empty", lambda L: L.pop())
attempt("key-append", None, key=lambda L, c: (L.append(1), c.i)[1])
attempt("key-len", None, key=lambda L, c: len(L) + c.i)
L2 = [3, 1, 2]
L2.sort(key=lambda x: -x)
print(L2)
