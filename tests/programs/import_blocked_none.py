# A None entry in sys.modules blocks an import (test.support.import_helper blocks C accelerator
# modules that way): ModuleNotFoundError, and `try: from _x import *` fallbacks keep working.
import sys

sys.modules['_heapq'] = None
try:
    import _heapq
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _heapq import *
except ImportError as e:
    print(type(e).__name__, e)
sys.modules['blocked_pkg'] = None
try:
    import blocked_pkg.sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
del sys.modules['_heapq']
sys.modules.pop('heapq', None)
import heapq
print(heapq.nsmallest(2, [5, 1, 4]))

# repr of traceback and frame objects (their own __repr__ is object's).
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
print(repr(tb).startswith('<traceback object at 0x'), str(tb) == repr(tb), type(tb).__name__)
print(tb.tb_lineno, tb.tb_next, tb.tb_frame.f_code.co_name)
