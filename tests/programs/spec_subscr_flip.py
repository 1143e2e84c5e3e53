# Subscript sites: list -> tuple -> dict -> str -> user __getitem__, negative and out-of-range indexes.
class G:
    def __getitem__(self, k):
        return k * 10

def first(c, k):
    return c[k]

res = []
for i in range(60):
    res.append(first([1, 2, 3], i % 3))
for i in range(60):
    res.append(first((7, 8, 9), -1 - i % 3))
for i in range(60):
    res.append(first({0: "a", 1: "b"}, i % 2))
for i in range(60):
    res.append(first("héllo", i % 5))
for i in range(20):
    res.append(first(G(), i))
print(res[::7])
for c, k in [([1], 5), ((1,), -2), ({}, "k"), ("ab", 9), ([1], 2 ** 70)]:
    try:
        first(c, k)
    except (IndexError, KeyError) as e:
        print(type(e).__name__, e)
def put(c, k, v):
    c[k] = v
l = [0] * 5
d = {}
for i in range(100):
    put(l, i % 5, i)
    put(d, i % 7, i)
put(l, -1, "last")
print(l, d)
try:
    put(l, 10, 1)
except IndexError as e:
    print("IndexError:", e)
