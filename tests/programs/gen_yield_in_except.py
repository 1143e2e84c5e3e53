# A generator or coroutine that yields (awaits) inside an except block handles its exception
# again when resumed: sys.exc_info() and a bare raise see it, whatever the resumer handles.
import asyncio, sys
async def sub():
    await asyncio.sleep(0)
async def main():
    try:
        raise ValueError("x")
    except BaseException:
        await sub()
        raise
try:
    asyncio.run(main())
except ValueError as e:
    print("ok", e)

def g():
    try:
        raise KeyError(1)
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
        raise
it = g(); print(next(it))
try:
    raise TypeError
except TypeError:
    print(next(it))
try:
    next(it)
except KeyError as e: print("gen ok", e)

def g2():
    yield sys.exc_info()[0]
    try:
        raise KeyError(1)
    except KeyError:
        pass
    yield sys.exc_info()[0]
it = g2()
try:
    raise TypeError
except TypeError:
    print(next(it))
    print(next(it))
print(next(g2()))

# The task's wakeup throws the very exception it is handling into the coroutine.
async def inner(w, w2):
    try:
        await w
    except BaseException:
        print('before', sys.exc_info()[0])
        await w2
        print('after', sys.exc_info()[0])
        raise
async def outer(w, w2):
    return await inner(w, w2)
async def main():
    loop = asyncio.get_running_loop()
    w = loop.create_future(); w2 = loop.create_future()
    t = loop.create_task(outer(w, w2))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    w2.set_result(1)
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled ok")
    except RuntimeError as e:
        print("BAD", e)
asyncio.run(main())
