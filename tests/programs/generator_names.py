# A generator's (coroutine's, async generator's) __name__/__qualname__ come from its function's
# current names; they can be reassigned to strings only and not deleted.
def func():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


g = func()
print(g.__name__, g.__qualname__)
func.__qualname__ = "func_qualname"
func.__name__ = "func_name"
print(func().__name__, func().__qualname__, g.__name__)
coro.__name__ = "renamed"
c = coro()
print(c.__name__, c.__qualname__)
c.close()
agen.__qualname__ = "A.agen"
print(agen().__qualname__)
g.__name__ = "name"
g.__qualname__ = "qualname"
print(g.__name__, g.__qualname__)
for op in (lambda: setattr(g, "__name__", 123), lambda: setattr(g, "__qualname__", None),
           lambda: delattr(g, "__name__"), lambda: delattr(g, "__qualname__")):
    try:
        op()
    except TypeError as e:
        print("TypeError", e)


def outer():
    return (x for x in "a")


print(outer().__name__, outer().__qualname__, (x for x in "b").__qualname__)
