# Errors and messages around async generators, as CPython 3.11 words them.
import os, sys, types

_kept = []


def keep(g):
    _kept.append(g)
    return g


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


def show(label, f):
    try:
        r = f()
        print(label, "->", r)
    except BaseException as e:
        cause = e.__cause__
        print(label, "!", type(e).__name__ + ":", e,
              "(cause: %r)" % (cause,) if cause is not None else "")


async def raises_stop_iteration():
    yield 1
    raise StopIteration('inner')


async def raises_stop_async_iteration():
    yield 1
    raise StopAsyncIteration('inner')


async def collect(ag):
    return [x async for x in ag]


show("StopIteration inside", lambda: run(collect(raises_stop_iteration())))
show("StopAsyncIteration inside", lambda: run(collect(raises_stop_async_iteration())))


async def ag():
    yield 1

g = keep(ag())
show("iter()", lambda: iter(g))
show("next()", lambda: next(g))
show("for", lambda: [x for x in g])
show("list()", lambda: list(g))
show("await", lambda: run((lambda: (yield from g))()))
show("yield from", lambda: list((lambda: (yield from g))()))
show("aiter(1)", lambda: aiter(1))
show("anext(1)", lambda: anext(1))
show("anext(1, 2)", lambda: anext(1, 2))
show("anext no args", lambda: anext())
show("asend no args", lambda: g.asend())
show("athrow no args", lambda: type(g.athrow()).__name__)
show("athrow 4 args", lambda: type(g.athrow(1, 2, 3, 4)).__name__)
g2 = keep(ag())
show("await athrow no args", lambda: run(g2.athrow()))
show("then anext", lambda: run(g2.__anext__()))
g2 = keep(ag())
show("await athrow 4 args", lambda: run(g2.athrow(1, 2, 3, 4)))
show("aclose arg", lambda: g.aclose(1))
show("athrow non-exception", lambda: run(g.athrow(42)))
show("athrow bad traceback", lambda: run(g.athrow(ValueError, None, 5)))
show("asend.send no args", lambda: g.asend(None).send())
show("len", lambda: len(g))
show("g.gi_code", lambda: g.gi_code)
show("g.__name__ = 1", lambda: setattr(g, '__name__', 1))
show("g.ag_code = 1", lambda: setattr(g, 'ag_code', 1))
g.__name__ = 'renamed'
g.__qualname__ = 'Q.renamed'
print(g.__name__, repr(g).split(' at ')[0])


async def uses_async_for_on_sync():
    async for x in [1, 2]:
        yield x


async def uses_bad_anext():
    class A:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 42
    async for x in A():
        yield x


async def uses_bad_aiter():
    class A:
        def __aiter__(self):
            return 42
    async for x in A():
        yield x


for f in (uses_async_for_on_sync, uses_bad_anext, uses_bad_aiter):
    show(f.__name__, lambda: run(collect(f())))


async def exc_in_body():
    yield 1
    1 / 0

show("ZeroDivisionError", lambda: run(collect(exc_in_body())))

# The generator raising in the middle of an await.
@types.coroutine
def fail():
    yield 'step'
    raise KeyError('k')


async def awaits_failing():
    yield 1
    await fail()
    yield 2

show("failing await", lambda: run(collect(awaits_failing())))

# Re-entering a running async generator from inside itself.
async def reenter():
    me = yield 'first'
    try:
        await me.__anext__()
    except RuntimeError as e:
        print("  inside:", e)
    try:
        await me.aclose()
    except RuntimeError as e:
        print("  inside:", e)
    try:
        await me.athrow(ValueError)
    except RuntimeError as e:
        print("  inside:", e)
    yield 'second'

g = keep(reenter())
show("first", lambda: run(g.asend(None)))
show("second", lambda: run(g.asend(g)))


# The async generator's own frame is running when it calls gen.asend().send() directly.
async def direct():
    me = yield
    aw = me.__anext__()
    try:
        aw.send(None)
    except BaseException as e:
        print("  direct:", type(e).__name__, e)
    yield 'ok'

g = keep(direct())
run(g.asend(None))
show("direct", lambda: run(g.asend(g)))

# return with a value is a SyntaxError in an async generator; so is yield from.
for src in ("async def f():\n    yield 1\n    return 2\n",
            "async def f():\n    yield from [1]\n"):
    try:
        compile(src, '<src>', 'exec')
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)

sys.stdout.flush()
os._exit(0)
