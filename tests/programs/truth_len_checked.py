# bool(x), `not x` and `if x` on an object whose __len__ returns a bad length raise as len()
# does (found by the jit_vm differential fuzz): a negative length is a ValueError, a non-int a
# TypeError, a too-big int an OverflowError. In a hot loop too, so the compiled forms see it.
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class Meta(type):
    def __len__(cls):
        return -2

class WithMeta(metaclass=Meta):
    pass

VALUES = [Sized(-1), Sized(0), Sized(3), Sized(1 << 70), Sized('a'), Sized(True), WithMeta]
out = []
for i in range(60):
    x = VALUES[i % len(VALUES)]
    for f in (lambda: not x, lambda: bool(x), lambda: 1 if x else 0, lambda: x and 5):
        try:
            r = f()
            out.append(r if not isinstance(r, Sized) else 'S')
        except Exception as e:
            out.append(type(e).__name__ + ': ' + str(e))
for line in out[:28]:
    print(line)
print(len(out), out == (out[:28] * 9)[:240])
