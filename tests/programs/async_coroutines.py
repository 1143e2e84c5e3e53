import types
async def fib(n):
    if n <= 1:
        return n
    return await fib(n - 1) + await fib(n - 2)

c = fib(10)
print(type(c).__name__, repr(c).split(' at ')[0])
try:
    while True:
        c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)

class Awaitable:
    def __init__(self, v): self.v = v
    def __await__(self):
        x = yield ('req', self.v)
        return x * 2

async def user():
    a = await Awaitable(3)
    b = await Awaitable(4)
    return a + b

c = user()
r = c.send(None); print("yielded", r)
r = c.send(10); print("yielded", r)
try:
    c.send(20)
except StopIteration as e:
    print("done", e.value)

class ACM:
    async def __aenter__(self):
        print("enter"); return 'cm'
    async def __aexit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return True

class AIter:
    def __init__(self, n): self.i = 0; self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    async with ACM() as x:
        print("in", x)
    async with ACM():
        raise ValueError("swallowed")
    total = []
    async for i in AIter(4):
        total.append(i)
    print(total)
    print([i async for i in AIter(3)])
    try:
        await 5
    except TypeError as e:
        print("TypeError", e)
    try:
        async with 3:
            pass
    except TypeError as e:
        print("TypeError", e)
    try:
        async for i in 3:
            pass
    except TypeError as e:
        print("TypeError", e)
    return "main done"

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))

c = fib(3)
try:
    iter(c)
except TypeError as e:
    print(e)
try:
    next(c)
except TypeError as e:
    print(e)
w = c.__await__()
print(type(w).__name__)
try:
    while True: next(w)
except StopIteration as e:
    print("wrapper result", e.value)
c = fib(2)
c.close()
c = fib(1)
print(isinstance(c, types.CoroutineType))
c.close()
async def thrower():
    try:
        await Awaitable(1)
    except KeyError as e:
        return "caught " + repr(e)
c = thrower(); c.send(None)
try:
    c.throw(KeyError('k'))
except StopIteration as e:
    print(e.value)
print(fib.__code__.co_flags & 0x80)
