# Frames of modules CPython writes in C are not on the stack Python code sees: sys._getframe,
# f_back chains, traceback.extract_stack, warnings' stack levels and logging's caller.
import codecs
import collections
import functools
import io
import itertools
import logging
import os
import sys
import traceback
import warnings


def caller(x=None):
    f = sys._getframe(1)
    print("caller", f.f_code.co_name, len(traceback.extract_stack()) - BASE)
    return x


def base():
    return len(traceback.extract_stack())


BASE = base() - 1

list(itertools.groupby([1], key=caller))
d = collections.defaultdict(lambda: caller(5))
d[1]
list(itertools.starmap(caller, [(1,)]))
sorted([2, 1], key=caller)
functools.reduce(lambda a, b: caller(a), [1, 2])


def warn_here(level):
    warnings.warn("w%d" % level, UserWarning, stacklevel=level)


def outer(level):
    warn_here(level)


with warnings.catch_warnings(record=True) as got:
    warnings.simplefilter("always")
    outer(1)
    outer(2)
    outer(3)
    list(itertools.starmap(warn_here, [(1,), (2,)]))
    codecs.decode(b"\\q", "unicode_escape")
    b"\\q".decode("unicode_escape")
for w in got:
    print(w.category.__name__, w.message, os.path.basename(w.filename), w.lineno)

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(funcName)s:%(lineno)d %(message)s"))
log = logging.getLogger("t")
log.addHandler(handler)
log.propagate = False


def log_item(x):
    log.warning("item %s", x)
    return x


list(map(log_item, [1]))
list(itertools.starmap(log_item, [(2,)]))
collections.defaultdict(lambda: log_item(3))[0]
print(stream.getvalue(), end="")
