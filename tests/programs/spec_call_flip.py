# A call site that sees Python functions with different arities, defaults, bound methods,
# builtins, classes and lambdas.
def one(a):
    return a
def two(a, b=5):
    return a + b
class K:
    def __init__(self, v):
        self.v = v
    def m(self, x):
        return self.v + x

def apply(f, x):
    return f(x)

out = []
for i in range(100):
    out.append(apply(one, i))
for i in range(100):
    out.append(apply(two, i))
k = K(1000)
for i in range(100):
    out.append(apply(k.m, i))
for i in range(50):
    out.append(apply(abs, -i))
for i in range(50):
    out.append(apply(K, i).v)
for i in range(50):
    out.append(apply(lambda q: q * 2, i))
print(sum(out), out[99:101], out[299:301])
try:
    apply(lambda: 1, 1)
except TypeError as e:
    print("TypeError:", e)
