# Frame objects: sys._getframe(), f_back chains, f_locals, the writable f_trace members, the
# frame type's attributes and errors, traceback frames, and what logging/inspect read of them.
import sys
import re
import inspect
import logging


def outer(n):
    tag = "outer"
    return middle(n + 1)


def middle(m):
    cell = [m]

    def inner():
        return cell, sys._getframe()

    _, fr = inner()
    names = []
    f = fr
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    print(names)
    back = fr.f_back
    # (Names bound before the frame object was made: cpjit's frame objects are snapshots.)
    print(sorted(set(back.f_locals) & {"cell", "inner", "m"}), back.f_locals["m"],
          back.f_back.f_locals["tag"])
    print(fr.f_back is fr.f_back, fr.f_back.f_back.f_code is outer.__code__)
    print(fr.f_globals is globals(), fr.f_builtins is vars(__builtins__))
    return fr


fr = outer(1)
print(sys._getframe().f_lineno, sys._getframe(0).f_code.co_name, sys._getframe().f_back)
print(type(fr).__name__, fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes, type(fr.f_lasti))
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(fr)).split(", line")[0].replace(__file__, "FILE"))
fr.f_trace = print
print(fr.f_trace is print)
del fr.f_trace
print(fr.f_trace)
fr.f_trace_lines = False
print(fr.f_trace_lines)
for attempt in ["fr.foo = 1", "fr.f_back = 1", "fr.f_trace_lines = 3", "del fr.f_trace_lines",
                "fr.f_locals = {}", "del fr.f_code", "fr.f_globals = {}"]:
    try:
        exec(attempt)
        print("ok", attempt)
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(k for k in type(fr).__dict__ if k.startswith("f_")))
print({k: type(v).__name__ for k, v in type(fr).__dict__.items() if k.startswith("f_")})
fr.clear()
print(fr.f_locals)

try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)
for depth in ["x", True, 2 ** 70, -1, 1.5]:
    try:
        print(sys._getframe(depth).f_code.co_name)
    except Exception as e:
        print(type(e).__name__, e)

try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    f = tb.tb_frame
    print(f.f_code.co_name, tb.tb_lineno, f.f_back, f.f_locals is globals(), type(f).__name__)


def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield 2


it = gen()
print(next(it), it.gi_frame.f_code.co_name, type(it.gi_frame.f_locals))


def who_called():
    return inspect.currentframe().f_back.f_code.co_name


def caller():
    return who_called(), [fi.function for fi in inspect.stack()][:3]


print(caller())
print(type(__builtins__).__name__, __builtins__ is sys.modules["builtins"])

logging.basicConfig(stream=sys.stdout, format="%(funcName)s:%(lineno)d %(message)s")


def log_here():
    logging.warning("from log_here")


log_here()
logging.getLogger().warning("at module level")
