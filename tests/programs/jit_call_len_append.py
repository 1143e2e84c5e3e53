# len() and list.append in hot loops: the stencils answer len of an exact list or tuple and
# append to an exact list with room in place; other containers, subclasses, a rebound len and
# full lists take the runtime function.
import builtins


class L(list):
    def append(self, x):
        list.append(self, x * 10)


class Sized:
    def __len__(self):
        return 7


def lengths(objs):
    total = 0
    for o in objs:
        try:
            total += len(o)
        except TypeError as e:
            total -= 1000
            last = str(e)
    return total, last


objs = [[1, 2, 3], (1, 2), "abcd", {1: 2}, {3}, L([1]), Sized(), range(9), b"xy", 5, [], ()]
for _ in range(40):
    r = lengths(objs)
print(r)


def appends(n, target):
    for i in range(n):
        target.append(i)
    return target


for _ in range(30):
    r = appends(100, [])
print(len(r), r[-3:], appends(5, L()), len(appends(10000, [0] * 3)))


def mixed_targets(n):
    a, b, c = [], L(), []
    out = [a, b, c]
    for i in range(n):
        out[i % 3].append(i)
    return len(a), b[-2:], sum(c)


print(mixed_targets(300))


def shadowed_len(n):
    total = 0
    for i in range(n):
        total += len([i] * (i % 4))
        if i == n // 2:
            builtins.len = lambda x: -1
    builtins.len = saved
    return total


saved = builtins.len
print(shadowed_len(100), len([1, 2]))


def nested(n):
    rows = []
    for i in range(n):
        row = []
        for j in range(i % 5):
            row.append((i, j))
        rows.append(row)
    return len(rows), sum(len(r) for r in rows), rows[-1]


print(nested(200))
