# Attribute loads and stores, bound-method calls, small objects.
class Counter:
    def __init__(self, step):
        self.value = 0
        self.step = step

    def bump(self):
        self.value += self.step
        return self

    def get(self):
        return self.value


def run(n):
    counters = [Counter(k % 5 + 1) for k in range(10)]
    for i in range(n):
        counters[i % 10].bump()
    return sum(c.get() for c in counters)


result = run(60_000)
