import os
from math import sqrt as root, pi

def arith(a, b):
    return (a + b) * (a - b) / 2 ** 3 // 7 % 5

def consts():
    x = 2 * 3 + 1
    y = -1
    z = (1, 2, (3, 4))
    s = "ab" + "cd"
    return x, y, z, s

def branches(x):
    if x > 10:
        r = "big"
    elif x > 5:
        r = "medium"
    else:
        r = "small"
    return r

def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i
        if total > 100:
            break
    else:
        total = -1
    while n > 0:
        n -= 1
    return total

def calls(f, xs, **kw):
    f(1, 2)
    f(1, key=3)
    f(*xs)
    f(*xs, **kw)
    f(0, *xs, a=1, **kw)
    return print(len(xs), sep="")

def attrs(obj):
    obj.x = obj.y + 1
    obj.count += 1
    del obj.z
    return obj.method(1, 2).other

def boolean(a, b, c):
    if a and b or not c:
        return a or b
    return a and b and c

def chained(a, b, c):
    if a < b < c:
        return 1
    return a == b != c

def ternary(x):
    return "yes" if x else "no"

def unpack(seq):
    a, b = seq
    a, *rest = seq
    first, *mid, last = seq
    a, b = b, a
    return [*seq, 1], {**{}, 'k': a}

def containers(a, b):
    l = [a, b, 3]
    t = (a, b)
    s = {a, b}
    d = {'a': a, 'b': b}
    d2 = {a: 1, b: 2}
    return l, t, s, d, d2, [1, 2, 3], {1, 2}, {}

def subscripts(x, i):
    x[i] = x[i + 1]
    x[1:2] = x[::2]
    del x[0]
    x[i] += 1
    return x[1:], x[:-1], x[i:i + 2]

def fstrings(name, width):
    return f"hello {name!r:>{width}} and {width:3d} {name}"

def membership(x, ys):
    return x in ys, x not in ys, x is None, x is not None, x in [1, 2, 3]

def none_checks(x):
    if x is None:
        return 0
    if x is not None:
        return 1
