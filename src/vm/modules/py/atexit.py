# cpjit's atexit (CPython writes it in C): the callbacks run, last registered first, when the
# main program ends (src/vm/run.rs calls _run_exitfuncs if this module was imported).

_callbacks = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _clear():
    del _callbacks[:]


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    import sys
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            print("Exception ignored in atexit callback:", repr(func), file=sys.stderr)
            sys.excepthook(type(exc), exc, exc.__traceback__)
