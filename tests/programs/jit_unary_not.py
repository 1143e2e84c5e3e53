# UNARY_NOT in compiled code: True/False/None/small ints inline, other values by their truth.
class T:
    def __bool__(self): return False
class L:
    def __len__(self): return 3
vals = [True, False, None, 0, 1, -5, 2**60, 0.0, 1.5, "", "x", [], [1], T(), L(), (), 2**48, -(2**47)]
def f(n):
    out = []
    for i in range(n):
        out.append(not vals[i % len(vals)])
    return out
r = f(500)
print(r[:len(vals)], r.count(True))
class Bad:
    def __bool__(self): raise ValueError("no truth")
try:
    f2 = [not v for v in [1, Bad()]]
except ValueError as e:
    print("raised", e)
