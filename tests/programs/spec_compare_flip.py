# A compare+branch site sees ints, then floats (incl. nan), then strs, then user objects.
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v

def lt_count(pairs):
    n = 0
    for a, b in pairs:
        if a < b:
            n += 1
    return n

nan = float("nan")
print(lt_count([(i, 50) for i in range(100)]))
print(lt_count([(i * 0.5, 25.0) for i in range(100)]))
print(lt_count([(nan, 1.0)] * 10 + [(1.0, nan)] * 10))
print(lt_count([(str(i), "5") for i in range(100)]))
print(lt_count([(V(i), V(10)) for i in range(30)]))
print(lt_count([(1, 2.5), (3.5, 2), (True, 2)] * 20))

def eq_count(xs, y):
    return sum(1 for x in xs if x == y)
print(eq_count(["a", "b", "a"] * 50, "a"), eq_count([1, 2, 1] * 50, 1), eq_count([1.0, 1, "1"] * 5, 1))
