# Issue 12: generator close()/throw() through `yield from` reach the innermost generator (its
# handlers run), `yield from` over a non-generator iterator returns StopIteration.value,
# gen.throw(type, value) builds the exception as CPython does, StopIteration subclasses have
# .value.

log = []


def innermost():
    try:
        yield "i1"
        yield "i2"
    except GeneratorExit:
        log.append("innermost GeneratorExit")
        raise
    finally:
        log.append("innermost finally")


def middle():
    try:
        r = yield from innermost()
        log.append(("middle got", r))
    finally:
        log.append("middle finally")


def outer():
    try:
        yield from middle()
    finally:
        log.append("outer finally")


g = outer()
print(next(g))
print(g.close(), log)
log.clear()
print(g.close(), log)  # closing again does nothing

# close(): the inner generator swallows GeneratorExit and returns: close() succeeds.
def swallow():
    try:
        yield 1
    except GeneratorExit:
        log.append("swallowed")
    return "done"


def deleg(it):
    r = yield from it
    log.append(("deleg resumed", r))
    yield "after"


log.clear()
g = deleg(swallow())
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
print(log)

# close(): the inner generator yields on GeneratorExit: RuntimeError from the inner close,
# thrown into the outer generator.
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        log.append("stubborn ignores")
    yield 2


def catching_outer():
    try:
        yield from stubborn()
    except RuntimeError as e:
        log.append(("outer caught", str(e)))


log.clear()
g = catching_outer()
next(g)
print(g.close(), log)

# throw(): caught by the innermost generator, which goes on yielding.
def inner_catch():
    try:
        yield 1
    except ValueError as e:
        log.append(("inner caught", repr(e)))
        yield 99
    return 5


def outer2():
    r = yield from inner_catch()
    log.append(("outer2 r", r))
    yield r


log.clear()
g = outer2()
next(g)
print(g.throw(ValueError("x")))
print(next(g))
print(log)

# throw(): caught by the inner generator, which returns: the outer goes on with the value.
def inner_return():
    try:
        yield 1
    except KeyError:
        return "returned"


def outer3():
    r = yield from inner_return()
    yield ("outer3", r)


g = outer3()
next(g)
print(g.throw(KeyError))

# throw(): not caught inside: the outer generator's handler around `yield from` gets it.
def inner_plain():
    yield 1
    yield 2


def outer4():
    try:
        yield from inner_plain()
    except ZeroDivisionError as e:
        yield ("outer4 caught", type(e).__name__)


g = outer4()
next(g)
print(g.throw(ZeroDivisionError))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

# throw(type, value) forms.
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("  caught", type(e).__name__, e.args)


def via_yield_from():
    yield from catcher()


for make in (catcher, via_yield_from):
    print(make.__name__)
    g = make()
    next(g)
    g.throw(ValueError, "v")
    g.throw(ValueError, ("a", "b"))
    g.throw(ValueError, ValueError("instance"))
    g.throw(ValueError, None)
    g.throw(ValueError, KeyError("not a ValueError"))
    g.throw(LookupError, KeyError("a KeyError is a LookupError"))
    g.throw(ValueError("plain"))
    g.throw(ValueError("with None"), None)
    for bad in [(ValueError("x"), "value"), (42,), (int,), (ValueError, 1, "tb")]:
        try:
            g.throw(*bad)
        except TypeError as e:
            print("  TypeError", e)
    g.close()

# An exception class whose __new__ returns something else.
class Odd(Exception):
    def __new__(cls, *a):
        return 7


g = catcher()
next(g)
g.throw(Odd)  # the TypeError is thrown into the generator
try:
    raise Odd
except TypeError as e:
    print("TypeError", e)

# throw() and close() on a delegate that is a plain iterator with throw/close methods.
class Delegate:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("from next")
        return self.n

    def throw(self, *args):
        print("  Delegate.throw", [a if isinstance(a, type) else repr(a) for a in args])
        raise StopIteration("from throw")

    def close(self):
        print("  Delegate.close")


def over_delegate():
    r = yield from Delegate()
    yield ("over_delegate r", r)


g = over_delegate()
print(next(g))
print(g.throw(IndexError))
g = over_delegate()
next(g)
print(g.throw(IndexError, "why"))
g = over_delegate()
next(g)
g.close()
print(list(over_delegate()))

# A delegate without throw/close: the exception is raised at the `yield from` itself.
class Bare:
    def __iter__(self):
        return self

    def __next__(self):
        return "bare"


def over_bare():
    try:
        yield from Bare()
    except IndexError:
        yield "over_bare caught"
    finally:
        print("  over_bare finally")


g = over_bare()
next(g)
print(g.throw(IndexError))
g.close()
g = over_bare()
next(g)
g.close()

# A delegate whose close() raises: the error is raised in the delegating generator.
class BadClose(Bare):
    def close(self):
        raise KeyError("close failed")


def over_bad_close():
    try:
        yield from BadClose()
    except KeyError as e:
        print("  over_bad_close caught", e)


g = over_bad_close()
next(g)
print(g.close())

# yield from over non-generator iterators returns StopIteration.value.
class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == self.n:
            raise StopIteration(("total", self.n))
        self.i += 1
        return self.i


def collect():
    r = yield from Counter(3)
    yield r
    r = yield from [1, 2]
    yield r
    r = yield from iter(range(2))
    yield r


print(list(collect()))

# StopIteration subclasses have .value.
class MyStop(StopIteration):
    pass


class MyStop2(MyStop):
    def __init__(self, a, b):
        super().__init__(a, b)


print(MyStop(7).value, MyStop().value, MyStop(1, 2).value, MyStop2("x", "y").value)
s = MyStop(3)
s.value = 4
print(s.value, s.args)


class RaisesSub:
    def __iter__(self):
        return self

    def __next__(self):
        raise MyStop("sub value")


def over_sub():
    r = yield from RaisesSub()
    yield r


print(list(over_sub()))


class MyExit(SystemExit):
    pass


print(MyExit(3).code, MyExit().code)

# Re-entering a generator that delegates while it runs.
def reenter():
    yield from inner_reenter()


def inner_reenter():
    try:
        yield 1
    except ValueError:
        try:
            g.throw(KeyError)
        except ValueError as e:
            print("ValueError", e)
        yield 2


g = reenter()
next(g)
print(g.throw(ValueError))
