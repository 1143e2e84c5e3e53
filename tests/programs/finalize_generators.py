# Generator finalization: an unfinished generator is closed (GeneratorExit thrown in at its
# yield, so `finally` and `with` blocks run) when it is collected, and at exit. cpjit has no
# reference counts, so it closes at the next collection what CPython closes at `del`: this
# program prints nothing between a `del` and the gc.collect() after it, and looks at addresses
# and the reporting frame only in subprocesses, filtered.
import gc
import subprocess
import sys


def log(*a):
    print(*a)


# Closed when collected: the finally block runs once.
def simple():
    try:
        yield 1
        yield 2
    finally:
        log("simple: finally")


x = simple()
print(next(x))
del x
gc.collect()
print("after collect")


# Nested finally blocks run innermost first; a `yield from` closes its delegate first.
def inner():
    try:
        yield "inner"
    finally:
        log("inner: finally")


def outer():
    try:
        try:
            yield from inner()
        finally:
            log("outer: inner finally")
    finally:
        log("outer: outer finally")


x = outer()
print(next(x))
del x
gc.collect()


# A `with` around the yield: __exit__ sees GeneratorExit.
class CM:
    def __enter__(self):
        log("enter")
        return self

    def __exit__(self, t, v, tb):
        log("exit", t.__name__ if t else None)
        return False


def with_gen():
    with CM():
        yield 1


x = with_gen()
next(x)
del x
gc.collect()


# A generator holding an object with __del__: the generator closes (and still sees the object)
# before the object's own finalizer runs.
class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log("Res.__del__", self.name)


def holder(r):
    try:
        yield 1
    finally:
        log("holder: finally, resource", r.name)


x = holder(Res("file"))
next(x)
del x
for _ in range(3):
    gc.collect()


# Finished, closed and never-started generators are not finalized.
def noisy():
    try:
        yield 1
    finally:
        log("noisy: finally")


done = noisy()
print(list(done))
closed = noisy()
next(closed)
closed.close()
fresh = noisy()
del done, closed, fresh
gc.collect()
print("nothing more")

# A generator in a reference cycle, and one whose close raises StopIteration-free return.
box = []


def cyclic(b):
    try:
        yield 1
    finally:
        log("cyclic: finally", len(b))


x = cyclic(box)
box.append(x)
next(x)
del x, box
gc.collect()


# A hot generator (compiled under --jit) abandoned mid-loop.
def counter(n):
    total = 0
    try:
        for i in range(n):
            total += i
            yield i
    finally:
        log("counter: finally at", total)


x = counter(10**6)
for v in x:
    if v == 5000:
        break
del x, v
gc.collect()

# Generators with no handler around their yield are just dropped (nothing to see).
g = (i for i in range(10))
next(g)
del g
gc.collect()


# A started coroutine is closed as well.
class Aw:
    def __await__(self):
        yield "suspended"


async def coro():
    try:
        await Aw()
    finally:
        log("coro: finally")


c = coro()
print(c.send(None))
del c
gc.collect()


# An async generator without a finalizer hook is closed; with one, the hook gets it instead.
async def agen(tag):
    try:
        yield tag
    finally:
        log("agen: finally", tag)


def first_step(a):
    try:
        a.__anext__().send(None)
    except StopIteration as e:
        return e.value


a = agen("plain")
print(first_step(a))
del a
gc.collect()

sys.set_asyncgen_hooks(finalizer=lambda ag: log("finalizer hook:", ag.__qualname__))
a = agen("hooked")
print(first_step(a))
del a
gc.collect()
sys.set_asyncgen_hooks(None, None)


def run(code):
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    print(p.stdout, end="")
    # The addresses, and the frame that was running when the collection came (a different line
    # under cpjit, which collects later), are left out.
    err = []
    for line in p.stderr.splitlines():
        if line.startswith("  "):
            continue
        line = line.split(" at 0x")[0]
        if "RuntimeWarning: coroutine" in line:
            line = line[line.index("RuntimeWarning") :]
        err.append(line)
    print(err)


# Errors in close() are reported as unraisable: a generator that yields again after
# GeneratorExit, and one whose finally raises (no chained GeneratorExit is printed).
run(
    """
import gc
def swallow(b):
    try:
        yield 1
    except GeneratorExit:
        print("swallow: caught GeneratorExit")
    yield 2
def raising(b):
    try:
        yield 1
    finally:
        raise ValueError("from finally")
for f in (swallow, raising):
    b = []
    x = f(b)
    b.append(x)
    next(x)
    del x, b
    gc.collect()
print("after")
"""
)

# A coroutine never awaited warns.
run(
    """
import gc
async def never(): pass
c = never()
b = [c]
b.append(b)
del c, b
gc.collect()
print("after")
"""
)

# At exit: generators still alive are closed after the atexit callbacks, and one holding a file
# writes into it before the file is finalized (flushed and closed).
import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "out.txt")
run(
    """
import atexit
def writer(f):
    try:
        while True:
            f.write((yield))
    finally:
        f.write("closed by the generator\\n")
        print("writer: finally")
w = writer(open(%r, "w"))
next(w)
w.send("line\\n")
def g():
    try:
        yield 1
    finally:
        print("g: finally at exit")
x = g()
next(x)
atexit.register(print, "atexit")
print("end of program")
"""
    % path
)
with open(path) as f:
    print(repr(f.read()))
os.remove(path)
os.rmdir(tmp)
