# A property read from a hot site; the property is replaced, removed, and __getattr__ added.
class T:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v * 2

t = T()
out = []
for i in range(300):
    if i == 100:
        T.v = property(lambda self: -1)
    if i == 200:
        del T.v
        t.v = 42
    out.append(t.v)
print(out[98:102], out[198:202], out[-1])
class U:
    @property
    def p(self):
        raise AttributeError("no p")
    def __getattr__(self, n):
        return "fallback " + n
u = U()
print([u.p for _ in range(3)])
