# Async generators under asyncio: consumers in tasks, sleeps inside, cancellation thrown through
# __anext__(), contextlib's asynccontextmanager/aclosing, and asyncio.run finalizing unfinished
# async generators (loop.shutdown_asyncgens: firstiter registered them, aclose() runs them).
import asyncio
import contextlib
import sys

# Generators left unfinished stay referenced here until asyncio.run's shutdown closes them (so
# that no collection decides when they are closed).
parked = []
# The order in which shutdown_asyncgens closes them is the order of a WeakSet (by address): what
# they print then is collected and shown sorted.
phase = ['running']
shutdown_notes = []


def note(msg):
    if phase[0] == 'shutdown':
        shutdown_notes.append(msg)
    else:
        print(msg)


async def ticker(name, n, delay=0):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield f"{name}{i}"
    finally:
        note(f"  {name} finally")


async def consume(name, n):
    out = []
    async for v in ticker(name, n):
        out.append(v)
    return out


async def squares(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


@contextlib.asynccontextmanager
async def resource(name):
    print(f"  open {name}")
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0)
        print(f"  close {name}")


async def endless():
    i = 0
    try:
        while True:
            await asyncio.sleep(0)
            yield i
            i += 1
    except GeneratorExit:
        note("  endless got GeneratorExit")
        raise
    finally:
        note("  endless finally")


async def cancellable():
    try:
        while True:
            yield 'tick'
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  generator saw CancelledError")
        raise


async def main():
    print(await asyncio.gather(consume('a', 3), consume('b', 2)))
    print([x async for x in squares(5)])
    print(sum([x async for x in squares(4) if x % 2 == 0]))
    async with resource('db') as r:
        print("  using", r)
    try:
        async with resource('file'):
            raise ValueError('inside')
    except ValueError as e:
        print("  propagated", e)

    # aclosing closes at once.
    async with contextlib.aclosing(endless()) as g:
        async for v in g:
            if v == 2:
                break
    print("after aclosing")

    # anext with default under asyncio.
    it = squares(1)
    print(await anext(it), await anext(it, 'empty'))

    # Cancelling a task blocked inside an async generator's await.
    async def reader():
        async for v in cancellable():
            print("  read", v)

    t = asyncio.create_task(reader())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled")

    # asyncio.wait_for on a slow __anext__.
    slow = ticker('slow', 5, delay=5)
    parked.append(slow)
    try:
        await asyncio.wait_for(anext(slow), 0.01)
    except asyncio.TimeoutError:
        print("timed out")

    # Left unfinished, for asyncio.run's shutdown_asyncgens.
    g = endless()
    parked.append(g)
    print(await anext(g), await anext(g))
    h = ticker('h', 10)
    parked.append(h)
    print(await anext(h))
    loop = asyncio.get_running_loop()
    # (Finished ones may still be in the loop's WeakSet until collected.)
    print("unfinished, tracked by the loop:",
          sorted(x.__name__ for x in loop._asyncgens if x.ag_frame is not None))
    phase[0] = 'shutdown'
    return 'main done'


print(asyncio.run(main()))
print(sorted(shutdown_notes))
print([g.ag_frame is None for g in parked])
print(sys.get_asyncgen_hooks())


# shutdown_asyncgens by hand, with a generator that fails while closing.
async def bad_close():
    try:
        yield 1
    finally:
        raise RuntimeError('cannot close')


async def main2():
    loop = asyncio.get_running_loop()
    seen = []
    loop.set_exception_handler(lambda loop, ctx: seen.append(ctx['message']))
    g = bad_close()
    parked.append(g)
    await anext(g)
    await loop.shutdown_asyncgens()
    print([m.split(' at ')[0] for m in seen])
    return 'main2 done'

import warnings
warnings.simplefilter('ignore')
print(asyncio.run(main2()))
