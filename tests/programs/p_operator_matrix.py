vals = [-1, 2**70, 1.5, float("inf"), -2.5j, True, None, "s", b"b", [1], range(2**60, 2**60 + 2), {"k": 1}.items()]
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
       "//": lambda a, b: a // b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b, "&": lambda a, b: a & b,
       "|": lambda a, b: a | b, "<<": lambda a, b: a << b,
       "==": lambda a, b: a == b, "<": lambda a, b: a < b,
       "in": lambda a, b: a in b}
count = 0
for a in vals:
    for b in vals:
        for op, f in ops.items():
            if isinstance(b, int) and b > 100 and op in ("**", "<<", "*"):
                continue
            if isinstance(a, int) and a > 100 and op == "*":
                continue
            if isinstance(a, bytes) and op == "%":
                continue
            try:
                r = f(a, b)
                s = repr(r)
                if isinstance(r, (set, frozenset)):
                    s = repr(sorted(r, key=repr))
            except Exception as e:
                s = type(e).__name__ + ": " + str(e)
            count += 1
            print(repr(a)[:12], op, repr(b)[:12], s[:60])
print(count)
