# asend/athrow/aclose on async generators, driven by hand: the awaitables' state machine
# (CPython 3.11's genobject.c), GeneratorExit handling, and values passing through awaits.
import os, sys, types

# Every generator stays referenced to the end, and the run ends with os._exit: what happens when
# an unfinished generator is collected (CPython closes it at once, cpjit does not) stays out.
_kept = []


def keep(g):
    _kept.append(g)
    return g


@types.coroutine
def suspend(tag):
    got = yield ('suspend', tag)
    return got


def step(aw, value=None, how='send'):
    """One step of an awaitable: what it yields to the event loop, its result, or its error."""
    try:
        if how == 'send':
            r = aw.send(value)
        elif how == 'next':
            r = next(aw)
        else:
            r = aw.throw(*value)
        return ('yield', r)
    except StopIteration as e:
        return ('result', e.value)
    except BaseException as e:
        return ('raise', type(e).__name__, str(e))


async def gen():
    try:
        yield 1
        try:
            yield 2
        except ValueError as e:
            print("  gen caught", repr(e))
            yield 'after ValueError'
        yield 3
    finally:
        print("  gen finally")


g = keep(gen())
print(step(g.asend(None)))
print(step(g.athrow(ValueError)))          # not inside the inner try: propagates
print(step(g.asend(None)))                 # finished: StopAsyncIteration
print(step(g.aclose()))                    # closing a finished generator: done at once

g = keep(gen())
print(step(g.__anext__()))
print(step(g.__anext__()))
print(step(g.athrow(ValueError, ValueError('boom'))))
print(step(g.athrow(ValueError('again'))))
print(step(g.__anext__()))

# aclose() of a suspended generator runs its finally and finishes.
g = keep(gen())
print(step(g.__anext__()))
c = g.aclose()
print(type(c).__name__, c.__await__() is c)
print(step(c))
print(step(c))                              # reused
print(step(g.__anext__()))                  # closed
print(step(g.aclose()))
print(step(g.athrow(KeyError)))             # finished: StopIteration (nothing to do)

# aclose() before the first iteration: nothing runs.
g = keep(gen())
print(step(g.aclose()), g.ag_frame)


# A generator that awaits inside finally: aclose() passes the await through.
async def slow_close():
    try:
        yield 'x'
    finally:
        v = await suspend('cleanup')
        print("  cleanup got", v)


g = keep(slow_close())
print(step(g.__anext__()))
c = g.aclose()
print(step(c))
print("running?", g.ag_running, g.ag_await is not None)
print(step(c, 'reply'))
print("running?", g.ag_running)


# Ignoring GeneratorExit.
async def stubborn():
    while True:
        try:
            yield 'still here'
        except GeneratorExit:
            print("  ignoring GeneratorExit")


g = keep(stubborn())
print(step(g.__anext__()))
print(step(g.aclose()))
print(step(g.__anext__()))


async def stubborn_after_await():
    try:
        yield 1
    except GeneratorExit:
        await suspend('in handler')
        yield 2


g = keep(stubborn_after_await())
print(step(g.__anext__()))
c = g.aclose()
print(step(c))
print(step(c))

# The awaitables' own send/throw/close.
g = keep(gen())
a = g.__anext__()
print(step(a, 'not None'))                  # just-started generator
print(step(a))                              # the failed send closed nothing: still usable?
g = keep(gen())
a = g.asend(None)
a.close()
print(step(a))                              # closed awaitable
a = g.__anext__()
print(step(a, (RuntimeError, 'via throw'), 'throw'))
print(step(a))

g = keep(slow_close())
print(step(g.__anext__()))
c = g.aclose()
print(step(c))
print(step(c, (KeyError('thrown into aclose'),), 'throw'))

g = keep(slow_close())
print(step(g.__anext__()))
c = g.aclose()
print(step(c))
print(step(c, (GeneratorExit,), 'throw'))

# athrow() with a non-None first send.
g = keep(gen())
print(step(g.__anext__()))
t = g.athrow(ValueError)
print(step(t, 'x'))
print(step(t))
print(step(t))

# next() on the awaitables.
g = keep(gen())
a = g.__anext__()
print(step(a, how='next'))
print(step(a, how='next'))


# Values yielded by awaits pass through asend, athrow and aclose awaitables.
async def chatty():
    while True:
        try:
            got = await suspend('before yield')
            x = yield got
            print("  sent in:", x)
        except ZeroDivisionError:
            got = await suspend('handling')
            yield ('handled', got)


g = keep(chatty())
a = g.asend(None)
print(step(a))
print(step(a, 'r1'))
a = g.asend('hello')
print(step(a))
print(step(a, 'r2'))
t = g.athrow(ZeroDivisionError)
print(step(t))
print(step(t, 'r3'))
c = g.aclose()
print(step(c))

# Running checks.
g = keep(chatty())
a1 = g.__anext__()
print(step(a1))
a2 = g.__anext__()
print(step(a2))
print(step(g.athrow(ValueError)))
print(step(g.aclose()))
print(step(a1, 'r'))
print(step(a2))

sys.stdout.flush()
os._exit(0)
