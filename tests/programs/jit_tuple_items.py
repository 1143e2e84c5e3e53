# Tuple unpacking and tuple subscripts in hot loops: the stencils read an exact tuple's items
# in place; everything else (tuple subclasses, lists, wrong lengths, non-sequences, bool and
# big-int indices, out-of-range indices) takes the runtime function or raises as CPython does.


class T(tuple):
    pass


def unpack_two(xs):
    out = 0
    for t in xs:
        try:
            a, b = t
            out += a * 10 + b
        except (ValueError, TypeError) as e:
            out -= 1
            last = str(e)
    return out, last


pairs = [(1, 2), (3, 4)] * 50 + [T((5, 6)), [7, 8], (1, 2, 3), (9,), 5, "ab", (1, 2)]
print(unpack_two(pairs))


def unpack_n(t):
    n = len(t)
    if n == 0:
        () = t
        return ()
    if n == 1:
        a, = t
        return a
    if n == 3:
        a, b, c = t
        return c, b, a
    if n == 4:
        a, b, c, d = t
        return d, c, b, a
    if n == 5:
        a, b, c, d, e = t
        return e, a
    if n == 8:
        a, b, c, d, e, f, g, h = t
        return h, g, a
    if n == 9:
        a, b, c, d, e, f, g, h, i = t
        return i, a
    a, b, *rest = t
    return rest


for k in range(60):
    for n in (0, 1, 3, 4, 5, 8, 9, 11):
        r = unpack_n(tuple(range(k, k + n)))
    if k % 20 == 0:
        print(k, r, unpack_n((k,) * 8), unpack_n(T(range(3))))


def wrong(t):
    try:
        a, b, c = t
        return a + b + c
    except ValueError as e:
        return str(e)


for t in [(1, 2, 3)] * 40 + [(1, 2), (1, 2, 3, 4), [4, 5, 6], T((7, 8, 9)), ((1,), (2,), (3,))]:
    r = wrong(t)
print(r, wrong((1, 2)), wrong((1, 2, 3, 4)), wrong([4, 5, 6]), wrong(T((7, 8, 9))))


def subscr(t, idx):
    out = []
    for i in idx:
        try:
            out.append(t[i])
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


t = tuple(range(10, 20))
for _ in range(30):
    r = subscr(t, range(-12, 12))
print(r)
print(subscr(t, [True, False, 2**70, -2**70, 1.0, None, -1, -10, -11, 9, 10]))
print(subscr(T(t), [0, -1, 20]), subscr(list(t), [0, -1, 20]), subscr("abc", [0, -1, 5]))
print(subscr((), [0, -1]))


def swap_loop(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, (a + b) % 1000
        p = (a, b, i)
        x, y, z = p
        a = x
    return a, b, p[-1], p[0]


print(swap_loop(500))


def nested(n):
    s = 0
    pts = [((i, i + 1), (i * 2, -i)) for i in range(n)]
    for (x1, y1), (x2, y2) in pts:
        s += x1 * x2 - y1 * y2
    for p in pts:
        s += p[0][1] - p[1][0] + p[-1][-1]
    return s


print(nested(300))
