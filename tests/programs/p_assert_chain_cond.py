x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < 2 < 3 < 2)
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) < noisy(2) < noisy(0) < noisy(5))
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
assert x == 5
assert x > 0, "must be positive"
try:
    assert x < 0, f"x={x} not negative"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare", repr(e))
print(1 if [] else 2, (lambda: "a" if x else "b")())
print(3 in [1, 2, 3] not in [[]], x is not None)
