# Types flip at hot sites inside loops the JIT compiled: int -> float -> str -> user __add__.
class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Money(self.v + (other.v if isinstance(other, Money) else other))
    def __repr__(self):
        return f"Money({self.v})"

def total(items):
    t = items[0]
    for x in items[1:]:
        t = t + x
    return t

def scale(items, k):
    out = []
    for x in items:
        out.append(x * k)
    return out

for rnd in range(3):
    print(total(list(range(200))))
    print(total([0.5 * i for i in range(200)]))
    print(total([str(i % 10) for i in range(60)]))
    print(total([Money(i) for i in range(50)]))
    print(total([1, 2.5, 3, 4.25] * 20))
    print(scale([1, 2, 3] * 30, 3)[-3:], scale([1.5, 2.5] * 30, 2)[-2:], scale(["ab"] * 40, 2)[-1])

def cmp_flip(vals, pivot):
    n = 0
    i = 0
    while i < len(vals):
        if vals[i] < pivot:
            n += 1
        i += 1
    return n

print(cmp_flip(list(range(300)), 150), cmp_flip([i / 3 for i in range(300)], 50.5),
      cmp_flip(["a", "b", "c"] * 50, "b"), cmp_flip(list(range(300)), 149.5))
