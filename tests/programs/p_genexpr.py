g = (x * x for x in range(5))
print(type(g).__name__, sum(g), sum(g))
print(sum(x for x in range(100) if x % 3 == 0))
print(max(len(w) for w in "the quick brown fox".split()))
print(list((i, j) for i in range(3) for j in range(i)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(",".join(str(i) for i in range(5)))
it = (c.upper() for c in "abc")
print(next(it), list(it))
def lazy():
    for i in range(3):
        print("produce", i)
        yield i
print([v for v in (y * 10 for y in lazy())])
print(sorted((x % 4 for x in range(10)), reverse=True))
