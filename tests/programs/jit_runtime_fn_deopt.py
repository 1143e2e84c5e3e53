# Guard exits of the JIT's runtime functions (jit::ops) and of calls and returns switched between
# compiled frames (_SWITCH): each site runs hot, then its assumption breaks inside the loop.


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


class Q:
    def __init__(self, x):
        self.y = 0
        self.x = x

    def get(self):
        return self.x * 10


def attrs(n):
    objs = [P(1), Q(2)]
    t = 0
    for i in range(n):
        o = objs[0] if i < n // 2 else objs[i % 2]
        t += o.x            # LOAD_ATTR_INSTANCE_VALUE: class flips
        t += o.get()        # LOAD_METHOD_WITH_VALUES + CALL_BOUND_METHOD_EXACT_ARGS
        o.x = o.x + 0       # STORE_ATTR_INSTANCE_VALUE
    objs[0].__dict__["get"] = lambda: 100   # the instance dict shadows the method
    t += sum(objs[0].get() for _ in range(3))
    return t


def subscripts(n):
    seqs = [[1, 2, 3], (4, 5, 6), {0: 7, 1: 8, 2: 9, -1: 0}]
    t = 0
    for i in range(n):
        s = seqs[0] if i < n // 2 else seqs[i % 3]
        t += s[i % 3]       # BINARY_SUBSCR_LIST_INT -> tuple, dict
        t += s[-1]
    lst = [0] * 4
    for i in range(n):
        k = i % 4 if i < n - 5 else True
        lst[k] = i          # STORE_SUBSCR_LIST_INT: a bool index
    d = {}
    for i in range(n):
        key = i % 7 if i < n - 3 else "k"
        d[key] = d.get(key, 0) + 1   # STORE/BINARY_SUBSCR_DICT, CALL_BUILTIN_FAST
    return t, lst, sorted(d.items(), key=str)


LIMIT = 10


def globals_rebound(n):
    global LIMIT
    t = 0
    for i in range(n):
        t += LIMIT          # LOAD_GLOBAL_MODULE
        t += len("ab")      # LOAD_GLOBAL_BUILTIN
        if i == n // 2:
            LIMIT = 20      # rebinding keeps the keys: still hits
            globals()["NEW_NAME"] = 1   # a new key: the shape moves
    return t


def add(a, b):
    return a + b


def calls(n):
    f = add
    t = 0
    for i in range(n):
        if i == n - 10:
            f = max         # the callee of CALL_PY_EXACT_ARGS becomes a built-in
        t += f(i, 1)
    return t


def fact(k):
    if k == 0:
        raise ValueError("bottom")
    try:
        return k * fact(k - 1)
    except ValueError:
        if k % 3:
            raise
        return k


def safe_fact(k):
    try:
        return fact(k)
    except ValueError as e:
        return str(e)


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def make_acc():
    total = 0

    def acc(x):
        nonlocal total
        total += x
        return total

    return acc


def gens_and_closures(n):
    acc = make_acc()
    for v in evens(n):
        acc(v)
    for v in [1.5, 2.5, 3]:          # FOR_ITER_LIST, then a float in the closure's add
        acc(v)
    for v in (1, 2, 10**20):         # FOR_ITER_TUPLE and a big int
        acc(v)
    return acc(0)


def mixed_ops(n):
    t = 0
    for i in range(n):
        x = i if i < n - 4 else "s"
        t += len(str(x % 7)) if i < n - 4 else len(x * 2)   # BINARY_OP: int, then str
        if (x < 3 if i < n - 4 else x < "t"):               # COMPARE_OP: int, then str
            t += 1
    return t


def deep(k):
    return 0 if k == 0 else 1 + deep(k - 1)


for n in (40, 300):
    print(attrs(n))
    print(subscripts(n))
    print(globals_rebound(n))
    print(calls(n))
    print([safe_fact(k) for k in range(1, 12)] if n == 40 else safe_fact(9))
    print(gens_and_closures(n))
    print(mixed_ops(n))
print(deep(500))
try:
    deep(100000)
except RecursionError as e:
    print("RecursionError", e)
