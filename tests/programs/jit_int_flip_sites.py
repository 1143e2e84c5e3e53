# Multiplications whose operands are small ints on some calls and big ints on others (pi's
# digits by a spigot, as bm_pidigits): the specializer keeps rewriting those sites between the
# int form and the generic one, and compiled code must not keep exiting at them.
import itertools


def compose(a, b):
    aq, ar, as_, at = a
    bq, br, bs, bt = b
    return (aq * bq, aq * br + ar * bt, as_ * bq + at * bs, as_ * br + at * bt)


def extract(z, j):
    q, r, s, t = z
    return (q * j + r) // (s * j + t)


def pi_digits():
    z = (1, 0, 0, 1)
    x = map(lambda k: (k, 4 * k + 2, 0, 2 * k + 1), itertools.count(1))
    while 1:
        y = extract(z, 3)
        while y != extract(z, 4):
            z = compose(z, next(x))
            y = extract(z, 3)
        z = compose((10, -10 * y, 0, 1), z)
        yield y


digits = list(itertools.islice(pi_digits(), 1500))
print("".join(map(str, digits[:50])))
print(sum(digits), len(digits))
