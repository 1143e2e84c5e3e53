import asyncio

async def fetch(session, url):
    async with session.get(url) as resp:
        data = await resp.read()
    return data

async def consume(aiter):
    total = 0
    async for item in aiter:
        if item is None:
            continue
        total += item
    else:
        total += 1
    return total

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def comps(aiter, xs):
    a = [x async for x in aiter]
    b = [await f for f in xs]
    c = (y async for y in aiter if y)
    return a, b, c

async def nested(lock, other):
    async with lock, other as o:
        return await o
