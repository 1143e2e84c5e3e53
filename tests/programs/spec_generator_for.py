# FOR_ITER over generators that raise, return early, or are closed; nested generators.
def g(n, fail_at=None):
    for i in range(n):
        if i == fail_at:
            raise ValueError(f"fail {i}")
        yield i

def consume(it):
    t = 0
    for x in it:
        t += x
    return t

print(consume(g(100)), consume(g(0)), consume(iter([1, 2])))
try:
    consume(g(100, fail_at=50))
except ValueError as e:
    print("ValueError:", e)
def outer():
    for x in g(5):
        yield from g(x)
print(list(outer()))
gen = g(10)
for x in gen:
    if x == 3:
        gen.close()
print(x)
