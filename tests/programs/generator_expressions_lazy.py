log = []
def src():
    for i in range(5):
        log.append(f"produce {i}")
        yield i
g = (x * 2 for x in src())
print(log)
print(next(g), log)
print(list(g), len(log))
def first_match(pred, it):
    return next((x for x in it if pred(x)), None)
print(first_match(lambda v: v > 3, range(10)), first_match(lambda v: v > 30, range(10)))
nums = [3, 8, 1, 9]
print(max(n for n in nums), sorted(n % 3 for n in nums), "".join(str(n) for n in nums))
print(any(n > 8 for n in nums), all(n > 0 for n in nums), sum(1 for n in nums if n & 1))
