# Operand types the JIT proves within a region (jit::types): a guard on a local proves it until
# the next store; loop headers, call returns and generator resumes forget everything, since the
# interpreter may enter there with a local of any type.


def header_entry_with_big_int():
    # i crosses the small-int limit (2**47) inside the loop: the add deopts, the interpreter makes
    # a big int, and the loop header is entered again with i no longer a small int.
    i = 2**47 - 5
    total = 0
    while i < 2**47 + 5:
        total += i - (2**47 - 5)
        i += 1
    return i, total


def flip_through_call(n):
    # x changes type through a call's result: after the call nothing is known of it.
    def next_value(k):
        if k % 3 == 0:
            return k
        if k % 3 == 1:
            return k + 0.5
        return 2**60 + k

    out = []
    for k in range(n):
        x = next_value(k)
        y = x * 2
        z = x + y
        out.append(z - x)
    return out


def same_local_twice(values):
    # x * x: one guard checks the word both operands hold.
    acc = []
    for v in values:
        x = v
        acc.append(x * x)
        acc.append(x * x + x)
    return acc


def float_chain(n):
    zr = zi = 0.0
    cr, ci = -0.5, 0.25
    count = 0
    for _ in range(n):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        count += 1
        if zr * zr + zi * zi > 4.0:
            break
    return round(zr, 9), round(zi, 9), count


def store_then_flip(n):
    # t is stored from a float result, then rebound to an int on some paths: the join forgets.
    t = 0.0
    s = 0
    for k in range(n):
        t = t * 1.5 + 1.0
        if k % 4 == 0:
            t = k
        s += t < 100.0
        t = t - 1
    return t, s


def gen_locals(n):
    # A generator resumes after each yield (an entry point) with its locals rebound by send().
    x = 1
    while n:
        got = yield x + x
        x = got if got is not None else x * 2
        n -= 1


def exception_in_loop(values):
    out = []
    for v in values:
        a = v
        try:
            out.append(a * 3 + a)
            out.append(10 // (a - 2))
        except ZeroDivisionError:
            out.append("zero")
        except TypeError as e:
            out.append(type(e).__name__)
    return out


print(header_entry_with_big_int())
print(flip_through_call(12))
print(same_local_twice([3, 2.5, -7, 2**50, 1e300, True]))
print(float_chain(200))
print(store_then_flip(40))
g = gen_locals(8)
print([next(g), g.send(3), g.send(2.5), next(g), g.send(2**49), next(g), g.send("ab"), next(g)])
print(exception_in_loop([1, 2, 3.5, 2, "x", 4, 2**48]))
for rounds in range(3):
    print(float_chain(50 + rounds), header_entry_with_big_int()[1], same_local_twice([rounds, rounds + 0.5]))


def nan_results(n):
    # inf - inf and 0 * inf are NaN: the stencil's slow path boxes them.
    big = 1e308
    out = []
    for k in range(n):
        a = big * 10.0
        b = a - a
        c = b * 0.5 + 1.0
        out.append((b != b, c != c, c == c, a))
    return out[-1], len(out)


print(nan_results(30))


def small_int_ops(n):
    # % & | ^ >> of proven small ints stay small ints; // can overflow into a big int; a zero
    # divisor raises from the slow path.
    out = []
    lo = -(2**47)
    for k in range(n):
        a = k * 7 - 20
        b = (a % 5) + (a & 12) - (a | 3) + (a ^ 9) + (a >> (k % 70))
        c = lo // -1 if k == n - 1 else a // 3
        try:
            d = a % (k - 5)
        except ZeroDivisionError:
            d = "zero"
        out.append((b, c, d))
    return out[:3], out[5], out[-1]


print(small_int_ops(80))
