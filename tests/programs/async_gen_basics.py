# Async generators (PEP 525) driven by hand: the object, its awaitables, attributes, repr,
# async for / comprehensions, aiter()/anext().
import types, inspect


def run(coro):
    """Drives a coroutine that awaits nothing but other coroutines/async generators."""
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


@types.coroutine
def suspend(tag):
    # A bare yield: passes through every await up to run() (the "event loop").
    got = yield ('suspend', tag)
    return got


async def count(n):
    for i in range(n):
        yield i


async def with_awaits(n):
    for i in range(n):
        r = await suspend(i)
        yield (i, r)


g = count(3)
print(type(g).__name__, type(g) is types.AsyncGeneratorType)
print(repr(g).split(' at ')[0])
print(g.__name__, g.__qualname__, g.ag_code.co_name, g.ag_running, g.ag_await)
print(inspect.isasyncgen(g), inspect.isasyncgenfunction(count), inspect.isgenerator(g))
print(inspect.iscoroutine(g), inspect.isawaitable(g))
print(g.__aiter__() is g, aiter(g) is g)
print(type(g.ag_frame).__name__)
print(sorted(n for n in dir(g) if n.startswith('ag_')))
for name in ('gi_code', 'cr_code', 'gi_frame', 'cr_await', '__next__', 'send', '__iter__'):
    print(name, hasattr(g, name))

a = g.__anext__()
print(type(a).__name__, type(a.__await__()).__name__, a.__await__() is a, iter(a) is a)
try:
    a.send(None)
except StopIteration as e:
    print("first value", e.value)


class Derived:
    async def __aiter__(self):
        yield 'from __aiter__'


async def main():
    out = []
    async for v in count(4):
        out.append(v)
    print("async for", out)
    print("listcomp", [v * 10 async for v in count(5) if v % 2])
    print("setcomp", {v % 2 async for v in count(5)})
    print("dictcomp", {v: v * v async for v in count(3)})
    agen_expr = (v + 100 async for v in count(3))
    print(type(agen_expr).__name__, [x async for x in agen_expr])
    print("with awaits", [x async for x in with_awaits(3)])
    it = count(2)
    print(await anext(it), await anext(it), await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    print("nested", [[x async for x in count(i)] async for i in count(3)])
    async for v in Derived():
        print(v)
    # An async generator expression over a sync iterable, awaiting inside.
    ag = (await suspend(x) async for x in count(2))
    print([y async for y in ag])
    return 'main done'


m = main()
r = m.send(None)
# Each suspend() in with_awaits passes its value out to here; send back a reply.
steps = 0
while True:
    steps += 1
    try:
        r = m.send(('reply', r[1]))
    except StopIteration as e:
        print(e.value, "after", steps, "suspensions")
        break

# Exhausted: more __anext__ raise StopAsyncIteration.
g = count(1)
n1 = g.__anext__()
try:
    n1.send(None)
except StopIteration as e:
    print("got", e.value)
for i in range(2):
    try:
        g.__anext__().send(None)
    except StopAsyncIteration:
        print("StopAsyncIteration", i)
print(g.ag_frame, g.ag_running)

# Sending values in with asend().
async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print("echo received", received)

e = echo()
for v in (None, 'a', 'b'):
    try:
        e.asend(v).send(None)
    except StopIteration as s:
        print("asend", v, "->", s.value)
# asend(v) with send(None) sends v; send(x) on a fresh asend sends x instead.
aw = e.asend('ignored')
try:
    aw.send('wins')
except StopIteration as s:
    print("->", s.value)
try:
    e.aclose().send(None)
except StopIteration:
    print("closed")
