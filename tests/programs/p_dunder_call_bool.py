class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return x + self.n + y
a = Adder(10)
print(a(1), a(1, y=2), callable(a), callable(5), callable(len), callable(Adder))
class Empty:
    def __bool__(self):
        return False
class Sized:
    def __len__(self):
        return 0
class Plain:
    pass
for o in (Empty(), Sized(), Plain()):
    print(type(o).__name__, bool(o), "yes" if o else "no", not o)
class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
