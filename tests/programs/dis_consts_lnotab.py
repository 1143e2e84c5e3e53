# Constant numbering as CPython 3.11's (trailing unused constants trimmed, no implicit
# `return None` constant after a final return), co_lnotab, dis.show_code / code_info, and
# dis.dis(show_caches=True).
import dis
import io
import re


def f1(x):
    "doc"
    return T(**x)


def f2(x):
    "doc"
    if x:
        return T(**x)


def f3(x):
    "doc"
    return T(**x)
    y = 1


def f4(x):
    "doc"
    while True:
        if x:
            return T(**x)


def f5(src, pos):
    while True:
        before = pos
        pos = skip(src, pos)
        if pos == before:
            return pos


def f6(x):
    "doc"
    try:
        return T(**x)
    finally:
        pass


def f7(x):
    "doc"
    raise T(**x)


lam = lambda: 1


def f8(a, b):
    x = a
    y = b

    z = x + y



    return z + 1000000


for f in (f1, f2, f3, f4, f5, f6, f7, lam, f8):
    co = f.__code__
    print(f.__name__, co.co_consts, co.co_lnotab.hex(), len(co.co_code))


def clean(s):
    s = re.sub(r" at 0x[0-9a-f]+", "", s)
    return re.sub(r'(file "|Filename: +)[^"\n]*', r"\1?", s)


for f in (f4, f8):
    s = io.StringIO()
    dis.dis(f, file=s, show_caches=True)
    print(clean(s.getvalue()))
    print(clean(dis.code_info(f)))
