big = 10 ** 20
r = range(big, big + 10, 3)
print(r, len(r), list(r), r[0], r[-1], r[1:3], r[::-1], big + 3 in r, big + 4 in r, 5 in r, r.start, r.stop, r.step)
print(list(reversed(r)), r.index(big + 6), r.count(big + 9), r == range(big, big + 10, 3), bool(range(big, big)), type(iter(r)).__name__)
print(range(-big, big, big)[1], list(range(-big, big, big)), range(0, 2**50, 2**48), list(range(0, 2**50, 2**48)))
print(range(2**47 - 2, 2**47 + 2)[2], list(range(2**47 - 2, 2**47 + 2)), sum(range(2**60, 2**60 + 5)))
print(range(big)[big - 1], range(big)[-big], range(big)[5:big:big // 2], 3.0 in range(5), range(5).index(3.0), range(5).index(True))
print(range(10)[::3], range(10)[2:100], range(0, 10, 2**46)[::2**46], range(big) == range(big), range(big, 0, -7)[:3])
for f in [lambda: len(range(big)), lambda: range(big)[big], lambda: range(big).index(-1), lambda: range(0, big, 0),
          lambda: range(1.5), lambda: range(big)["a"]]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
it = iter(range(big, big + 2))
print(next(it), next(it), next(it, "done"))
n = 0
for i in range(2**62, 2**62 + 1000, 7):
    n += i & 1
print(n, max(range(2**50, 2**50 + 3)), list(enumerate(range(big, big + 2))))
print(range(big)[big])
