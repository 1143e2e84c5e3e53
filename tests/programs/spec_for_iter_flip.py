# One FOR_ITER site iterating lists, tuples, ranges, generators, strs and dicts in turn.
def total(it):
    s = 0
    for x in it:
        s += x if not isinstance(x, str) else len(x)
    return s

def gen(n):
    for i in range(n):
        yield i * 2

print(total([1, 2, 3] * 30))
print(total((4, 5, 6) * 30))
print(total(range(100)))
print(total(gen(100)))
print(total("abc" * 10))
print(total({1: 2, 3: 4}))
print(total([1, 2, 3] * 30))
print(total(range(10, 0, -1)))
lst = [1, 2, 3]
n = 0
for x in lst:
    if n < 5:
        lst.append(x)
    n += 1
print(n, lst)
