"""Values for the gc_roots_* programs: every dunder calls churn(), a Python function (a safepoint)
that allocates, so a value a built-in holds only in Rust while the dunder runs is freed and its
memory reused under CPJIT_GC_STRESS."""


def churn(n=3):
    # a Python call (a safepoint) that allocates objects of several sizes
    junk = [[i] * 3 for i in range(n)]
    junk.append({"a": n, "b": (n, n)})
    junk.append(str(n) * 5)
    return len(junk)

class K:
    """Value whose every dunder calls Python code that allocates."""
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        churn(); return hash(self.n)
    def __eq__(self, o):
        churn(); return isinstance(o, K) and self.n == o.n
    def __lt__(self, o):
        churn(); return self.n < o.n
    def __gt__(self, o):
        churn(); return self.n > o.n
    def __le__(self, o):
        churn(); return self.n <= o.n
    def __ge__(self, o):
        churn(); return self.n >= o.n
    def __index__(self):
        churn(); return self.n
    def __int__(self):
        churn(); return self.n
    def __float__(self):
        churn(); return float(self.n)
    def __repr__(self):
        churn(); return "K(%d)" % self.n
    def __str__(self):
        churn(); return "k%d" % self.n
    def __format__(self, spec):
        churn(); return "F%d%s" % (self.n, spec)
    def __add__(self, o):
        churn(); return K(self.n + (o.n if isinstance(o, K) else o))
    __radd__ = __add__
    def __mul__(self, o):
        churn(); return K(self.n * (o.n if isinstance(o, K) else o))
    __rmul__ = __mul__
    def __bool__(self):
        churn(); return self.n % 2 == 0
    def __len__(self):
        churn(); return self.n

class It:
    """Iterable whose __iter__/__next__ call Python code; yields fresh objects."""
    def __init__(self, n, make=None):
        self.n = n; self.i = 0; self.make = make or (lambda i: K(i))
    def __iter__(self):
        churn(); return self
    def __next__(self):
        churn()
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.make(self.i - 1)
