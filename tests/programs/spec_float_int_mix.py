# Float sites that see ints, bools, and float subclasses; int sites that see bools.
class F(float):
    def __add__(self, o):
        return "F+"
def add(a, b):
    return a + b
def mul(a, b):
    return a * b
print([add(1.5, 2.5)] * 2 + [add(1.5, 2), add(True, 1.0), add(F(1.0), 2.0), add(2.0, F(1.0))])
print([mul(3, 4)] * 2 + [mul(True, 4), mul(3, 2.0), mul(2, "ab")])
x = 0.1
for i in range(1000):
    x = x * 1.0001 + (i if i % 100 == 0 else 0.5)
print(x)
print(add(1e308, 1e308), mul(1e308, 10.0), add(float("-inf"), float("inf")))
