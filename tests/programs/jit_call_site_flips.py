# A call site in compiled code that sees a builtin and a Python function in turn, in long phases:
# the specializer rewrites it between CALL_PY_EXACT_ARGS and CALL_BUILTIN_FAST (and CALL) while
# the region compiled for one form keeps running. Each phase's result must be CPython's.
def f(g, x):
    return g(x)


def py(x):
    return x + 1


def drive(n, pick):
    t = 0
    for i in range(n):
        t += f(pick(i), -i)
    return t


print(drive(400, lambda i: py if i % 2 else abs))
for phase in range(8):
    g = abs if phase % 2 == 0 else py
    print(drive(3000, lambda i: g))
# A builtin that raises at the flipped site, caught around the compiled loop.
try:
    drive(50, lambda i: len)
except TypeError as e:
    print("TypeError:", e)
print(drive(100, lambda i: py))
