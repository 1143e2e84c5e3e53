# Binary operators between instances of random Python classes (methods that return a value, NotImplemented,
# raise or take a default; reflected methods; subclasses) and built-in values: every outcome as CPython's,
# also where compiled code pushes the left operand's method frame.
import operator, random, sys
rng = random.Random(3)
OPS = [("add", operator.add), ("sub", operator.sub), ("mul", operator.mul), ("truediv", operator.truediv),
       ("floordiv", operator.floordiv), ("mod", operator.mod), ("pow", operator.pow), ("lshift", operator.lshift),
       ("and", operator.and_), ("or", operator.or_), ("xor", operator.xor), ("matmul", operator.matmul), ("rshift", operator.rshift)]
log = []
def mk(name, base, behave):
    ns = {}
    for op, _ in OPS:
        b = behave.get(op)
        if b == "val":
            ns[f"__{op}__"] = (lambda op: lambda s, o: (name, op, type(o).__name__))(op)
        elif b == "ni":
            ns[f"__{op}__"] = lambda s, o: NotImplemented
        elif b == "raise":
            def r(s, o, op=op): raise KeyError(op)
            ns[f"__{op}__"] = r
        elif b == "kw":
            ns[f"__{op}__"] = lambda s, o, extra=1: ("kw", extra)
        rb = behave.get("r" + op)
        if rb == "val":
            ns[f"__r{op}__"] = (lambda op: lambda s, o: (name, "r" + op))(op)
        elif rb == "ni":
            ns[f"__r{op}__"] = lambda s, o: NotImplemented
    return type(name, (base,), ns)
classes = []
for i in range(6):
    base = rng.choice([object] + classes) if classes else object
    behave = {}
    for op, _ in OPS:
        behave[op] = rng.choice([None, "val", "val", "ni", "raise", "kw"])
        behave["r" + op] = rng.choice([None, "val", "ni"])
    classes.append(mk(f"C{i}", base, behave))
vals = [c() for c in classes] + [1, 2.5, "s", [1], None]
def run(n):
    out = []
    for i in range(n):
        a = vals[rng.randrange(len(vals))]; b = vals[rng.randrange(len(vals))]
        name, f = OPS[rng.randrange(len(OPS))]
        try:
            if name == "add": r = a + b
            elif name == "sub": r = a - b
            elif name == "mul": r = a * b
            elif name == "truediv": r = a / b
            elif name == "mod": r = a % b
            else: r = f(a, b)
            out.append(repr(r)[:40])
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e)[:60])
    return out
for line in run(1500):
    print(line)
