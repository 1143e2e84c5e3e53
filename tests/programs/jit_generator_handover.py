# Generators whose compiled code, resumed by `next`, leaves the frame to the interpreter: a guard
# failing after the resume, an exception raised and caught inside, one raised out of the
# generator, a deopt inside a function the generator called, and a re-raise whose traceback must
# name the generator's frame once.
import traceback


def flips(items):
    total = 0
    for x in items:
        total = total + x  # int, then float, then str: the guard fails after a resume
        yield total


def catches(n):
    for i in range(n):
        try:
            if i % 7 == 3:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield -e.args[0]


def escapes(n):
    for i in range(n):
        if i == n - 1:
            raise KeyError(i)
        yield i


def helper(x):
    return x * 2 if x < 500 else x * 2.5


def calls(n):
    for i in range(n):
        yield helper(i)


def reraises(n):
    for i in range(n):
        try:
            yield 1 // (i - n + 1)
        except ZeroDivisionError:
            raise


for rnd in range(3):
    print(list(flips(list(range(60)) + [0.5] * 30))[-3:])
    try:
        print(list(flips(["a"] * 40 + [1])))
    except TypeError as e:
        print("TypeError", e)
    print(sum(catches(200)))
    g = escapes(100)
    got = []
    try:
        for v in g:
            got.append(v)
    except KeyError as e:
        print("KeyError", e, len(got), next(g, "done"))
    print(sum(calls(1000)))
    try:
        for _ in reraises(80):
            pass
    except ZeroDivisionError:
        tb = traceback.format_exc().splitlines()
        print(len(tb), tb[-1], sum("in reraises" in l for l in tb))
