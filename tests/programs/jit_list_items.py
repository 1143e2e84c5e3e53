# Lists in hot loops: the stencils read and write an exact list's items in place (subscripts,
# stores, unpacking, iteration, appends in comprehensions); list subclasses, wrong lengths,
# bad indices, lists changed while iterated and full lists take the runtime function.


class L(list):
    pass


def subscr(l, idx):
    out = []
    for i in idx:
        try:
            out.append(l[i])
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


l = list(range(10, 20))
for _ in range(30):
    r = subscr(l, range(-12, 12))
print(r)
print(subscr(l, [True, False, 2**70, -2**70, 1.0, None, -1, -10, -11, 9, 10]))
print(subscr(L(l), [0, -1, 20]), subscr([], [0, -1]))


def store(l, idx):
    n = 0
    for i in idx:
        try:
            l[i] = i * 2
            n += 1
        except (IndexError, TypeError) as e:
            n -= 100
            last = type(e).__name__ + ": " + str(e)
    return n, l, last


for _ in range(20):
    r = store([0] * 6, [0, 1, -1, -6, 5, 6, -7])
print(r)
print(store(L([0] * 3), [0, 2, 3]), store([1, 2], [True, 1.5]))


def iterate(seq):
    s = 0
    for x in seq:
        s += x
    return s


for _ in range(40):
    r = iterate(list(range(50))), iterate(tuple(range(30)))
print(r, iterate(L([1, 2, 3])), iterate([]), iterate(()))


def grow_while_iterating(n):
    l = [1, 2, 3]
    seen = []
    for x in l:
        seen.append(x)
        if len(l) < n:
            l.append(x + 3)
    return len(seen), seen[-3:]


for _ in range(20):
    r = grow_while_iterating(40)
print(r)


def shrink_while_iterating():
    l = list(range(20))
    seen = []
    for x in l:
        seen.append(x)
        if x == 5:
            del l[8:]
        if x == 3:
            l[6] = -1
    return seen


for _ in range(20):
    r = shrink_while_iterating()
print(r)


def exhausted_stays_exhausted():
    l = [1, 2]
    it = iter(l)
    a = [x for x in it]
    l.append(3)
    b = [x for x in it]
    return a, b


for _ in range(20):
    r = exhausted_stays_exhausted()
print(r)


def comprehensions(n):
    a = [i * i for i in range(n)]
    b = [x for x in a if x % 3]
    c = [[j for j in range(i % 4)] for i in range(n)]
    return len(a), sum(b), sum(len(x) for x in c), a[-1:]


for n in range(0, 200, 7):
    r = comprehensions(n)
print(r, comprehensions(1000))


def unpack(seqs):
    out = []
    for s in seqs:
        try:
            a, b, c = s
            out.append(a + b + c)
        except (ValueError, TypeError) as e:
            out.append(str(e))
    return out


for _ in range(20):
    r = unpack([[1, 2, 3], [4, 5, 6]] * 5 + [[1, 2], [1, 2, 3, 4], L([7, 8, 9]), (1, 1, 1), None])
print(r[-6:])


def swap_sort(l):
    n = len(l)
    for i in range(n):
        for j in range(n - 1 - i):
            if l[j] > l[j + 1]:
                l[j], l[j + 1] = l[j + 1], l[j]
    return l


print(swap_sort([(i * 7919) % 101 for i in range(60)])[:10])


def append_other(n):
    out = [L(), [], L([1])]
    for i in range(n):
        out[i % 3].append(i)
    return [len(x) for x in out], type(out[0]).__name__
print(append_other(300))
