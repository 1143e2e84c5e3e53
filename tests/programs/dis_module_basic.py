# dis.dis of cpjit code objects: CPython 3.11's listing, byte for byte (offsets, EXTENDED_ARG,
# PRECALL, relative jumps, exception tables, line numbers).
import dis
import io
import re


def show(x, **kw):
    s = io.StringIO()
    dis.dis(x, file=s, **kw)
    # Nested code objects are shown with their address and file (an absolute path).
    out = re.sub(r" at 0x[0-9a-f]+", " at 0x?", s.getvalue())
    print(re.sub(r'file "[^"]*"', 'file "?"', out))


def loops(n, xs):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        if i > 100:
            break
        total += i
    else:
        total = -total
    while n > 0 and xs:
        n -= 1
        xs = xs[1:]
    return total


def exceptions(d, k):
    try:
        v = d[k]
    except KeyError as e:
        print("missing", e)
        v = None
    except (TypeError, ValueError):
        raise
    else:
        v = v * 2
    finally:
        d.clear()
    return v


def withs(path, lock):
    with lock:
        x = 1
    with open(path) as f, lock as g:
        return f.read(), g


def comprehensions(xs):
    a = [x * 2 for x in xs if x]
    b = {x: y for x, y in zip(xs, xs)}
    c = {x for x in xs}
    d = list(x + 1 for x in xs)
    return a, b, c, d


def closures(a):
    b = a + 1

    def inner(c):
        nonlocal b
        b += c
        return a + b + c

    return inner


def generators(xs):
    yield 1
    x = yield
    yield from xs
    return x


async def coroutines(aw, it):
    x = await aw
    async for y in it:
        x += y
    async with aw as z:
        pass
    return [v async for v in it]


def calls(f, obj, *args, **kwargs):
    f(1, 2, key=3)
    obj.method(4, 5)
    f(*args, **kwargs)
    obj.attr.other = obj[1:2]
    obj[3:4] = f(a=1, b=2)
    return f"{obj!r:>10} {f}"


def boolops(a, b, c):
    x = a and b or c
    y = not a
    if a is None or b is not None:
        return 1 < a < b
    return x, y


def matches(cmd):
    match cmd:
        case ["go", direction]:
            return direction
        case {"x": x, **rest}:
            return x, rest
        case str() | bytes():
            return "s"
        case _:
            return None


class K:
    attr = 1

    def method(self):
        return super().method()


for fn in (loops, exceptions, withs, comprehensions, closures, generators, coroutines, calls,
           boolops, matches, K.method):
    print("#", fn.__qualname__)
    show(fn)

show(K)
show("a = b + 1\nprint(a)")
code = compile("def f(x):\n    return x\nlambda y: y\n", "<mod>", "exec")
show(code)
