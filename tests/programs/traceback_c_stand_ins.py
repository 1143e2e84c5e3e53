# Modules CPython writes in C add no traceback entries: only Python frames appear (cpjit writes
# _struct, itertools, _codecs, _io, ... in Python and must not show their frames).
import codecs
import itertools
import os
import struct
import sys
import traceback


def frames(fn):
    try:
        fn()
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(type(e).__name__, [(os.path.basename(f.filename), f.name) for f in tb])


def key(x):
    raise ValueError(x)


frames(lambda: open("/nonexistent/file"))
frames(lambda: struct.pack("i", "x"))
frames(lambda: list(itertools.groupby([1, 2], key=key)))
frames(lambda: sorted([3, 1], key=key))
frames(lambda: codecs.decode(b"\\x4", "unicode_escape"))
frames(lambda: b"\xff".decode("utf-8"))
frames(lambda: list(itertools.starmap(key, [(1,)])))


def closed_file():
    f = open(__file__)
    f.close()
    f.read()


frames(closed_file)
frames(lambda: sys.stdout.write(5))
# The context of an exception raised inside such a module is still chained.
def chained():
    try:
        raise KeyError("k")
    except KeyError:
        struct.pack("i", "x")


try:
    chained()
except struct.error as e:
    print(repr(e.__context__), len(traceback.extract_tb(e.__traceback__)))
