class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("open", self.n)
        return self
    def __exit__(self, *a):
        print("close", self.n, a[0].__name__ if a[0] else None)
        return False
def work():
    with Res(1) as r1:
        with Res(2):
            raise IndexError("deep")
try:
    work()
except IndexError as e:
    print("handled", e)
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.types)
with Suppress(KeyError, ZeroDivisionError):
    1 / 0
print("suppressed")
try:
    with Suppress(KeyError):
        [][0]
except IndexError:
    print("not suppressed")
