vals = [0, 1, "", "a", [], [0], None, 0.0, {}, set(), (), (0,)]
print([bool(v) for v in vals])
print([v for v in vals if v])
print(True and "yes", False or "no", None or 0 or [], 1 and 2 or 3, not [])
def t(x):
    print("eval", x)
    return x
print(t(0) and t(1), t(1) or t(2), t(0) or t(0) or t(3))
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]), True + True + False)
print(bool.__name__, isinstance(False, int), True == 1, False is False, str(True), repr(False))
x = 5
print(0 < x < 10, 10 < x < 20, x == 5 == 5.0, x is not None)
