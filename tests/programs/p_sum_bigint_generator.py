# sum() over a generator whose running total is a big int: the total must stay alive while the
# generator runs (regression: it was only rooted around the addition).
def gen(n):
    for i in range(n):
        yield i * 10**15

print(sum(gen(3000)))
print(sum((x * x for x in range(2000)), 10**20))
print(sum([10**30, 1.5, 2]))
