# sys.set_asyncgen_hooks / get_asyncgen_hooks: firstiter runs on an async generator's first
# __anext__/asend/athrow/aclose, once. (The finalizer hook runs when an unfinished async
# generator is collected; every generator here stays referenced, and the run ends with os._exit,
# so that never happens: cpjit does not call it, see docs/design.md.)
import os, sys

_kept = []


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def agen(tag):
    yield tag + '-1'
    yield tag + '-2'


calls = []


def firstiter(g):
    calls.append(('firstiter', g.__name__, g.ag_running))
    _kept.append(g)


def finalizer(g):
    calls.append(('finalizer', g.__name__))


print(sys.get_asyncgen_hooks())
h = sys.get_asyncgen_hooks()
print(type(h).__name__, h.firstiter, h.finalizer, len(h), tuple(h))

old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h.finalizer is finalizer, h[0] is firstiter)

g = agen('a')
_kept.append(g)
print("created, calls:", calls)
a = g.__anext__()
print("after __anext__():", calls)
print(run(a), run(g.__anext__()), calls)

for make in (lambda g: g.asend(None), lambda g: g.athrow(ValueError), lambda g: g.aclose()):
    calls.clear()
    g = agen('b')
    _kept.append(g)
    make(g)
    make(g)
    print(len(calls), calls)

# Hooks captured at first iteration: changing them later does not change the generator's.
calls.clear()
g = agen('c')
_kept.append(g)
sys.set_asyncgen_hooks(firstiter=None)
run(g.__anext__())
print("firstiter None:", calls, sys.get_asyncgen_hooks().finalizer is finalizer)

# Only one given: the other is kept.
sys.set_asyncgen_hooks(firstiter=firstiter)
print(sys.get_asyncgen_hooks().finalizer is finalizer)
sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks().firstiter is firstiter, sys.get_asyncgen_hooks().finalizer)


# A firstiter that raises: the error comes out of __anext__(), and it is not called again.
def bad_firstiter(g):
    calls.append('bad')
    raise KeyError('from firstiter')


sys.set_asyncgen_hooks(firstiter=bad_firstiter)
calls.clear()
g = agen('d')
_kept.append(g)
try:
    g.__anext__()
except KeyError as e:
    print("raised", e)
print(run(g.__anext__()), calls)

# Bad arguments.
for kw in ({'firstiter': 1}, {'finalizer': 'x'}, {'firstiter': 1, 'finalizer': 2}):
    try:
        sys.set_asyncgen_hooks(**kw)
    except TypeError as e:
        print("TypeError:", e)
print(sys.get_asyncgen_hooks().firstiter is bad_firstiter)
try:
    sys.get_asyncgen_hooks(1)
except TypeError as e:
    print("TypeError:", e)
sys.set_asyncgen_hooks(firstiter=lambda g: calls.append('pos'), finalizer=None)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())

# The async comprehension's own async generator also goes through the hooks.
sys.set_asyncgen_hooks(firstiter=firstiter)
calls.clear()


async def comp():
    return [x async for x in agen('e')]

print(run(comp()), calls)
ge = (x async for x in agen('f'))
_kept.append(ge)
print(run(ge.__anext__()), calls)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())
sys.stdout.flush()
os._exit(0)
