# Globals and builtins read in hot loops: the stencils compare the dicts' key shapes with the
# inline cache and read the cached entry in place; a global rebound, added, deleted or shadowing
# a builtin, a builtin replaced, and code run under other globals all stay correct.
import builtins

K = 3


def f(n):
    s = 0
    for i in range(n):
        s += K + abs(-i) + len("ab")
    return s


print(f(100))
K = 10
print(f(100))


def shadow(n):
    global len
    s = 0
    for i in range(n):
        s += len([1, 2, 3])
        if i == n // 3:
            len = lambda x: 100
        if i == 2 * n // 3:
            del len
    return s


print(shadow(90))


def replaced_builtin(n):
    s = 0
    saved = builtins.abs
    for i in range(n):
        s += abs(-2)
        if i == n // 2:
            builtins.abs = lambda x: 1000
    builtins.abs = saved
    return s


print(replaced_builtin(60), abs(-5))


def grow_globals(n):
    s = 0
    for i in range(n):
        s += K
        globals()["g%d" % i] = i
    return s, len([k for k in globals() if k.startswith("g") and k[1:].isdigit()])


print(grow_globals(50))


def missing(n):
    out = []
    for i in range(n):
        try:
            out.append(MAYBE)
        except NameError as e:
            out.append(str(e))
        if i == n // 2:
            globals()["MAYBE"] = i
    return out[0], out[-1]


print(missing(40))

src = """
def h(n):
    t = 0
    for i in range(n):
        t += Z + len('abc')
    return t
"""
for z in (1, 2):
    d = {"Z": z}
    exec(src, d)
    print(d["h"](50))
