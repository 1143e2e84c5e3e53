# Tracebacks through the standard library's pure-Python twins of C modules (_pyio, _pydecimal,
# datetime, pickle), which cpjit runs where CPython runs C: no frames of theirs.
import datetime
import decimal
import io
import os
import pickle
import sys
import traceback


def frames(fn):
    try:
        fn()
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(type(e).__name__, e, [(os.path.basename(f.filename), f.name) for f in tb])


frames(lambda: open("/nonexistent/file"))
frames(lambda: io.StringIO().write(5))
frames(lambda: decimal.Decimal(1) / decimal.Decimal(0))
frames(lambda: decimal.Decimal("x"))
frames(lambda: datetime.date(2023, 2, 30))
frames(lambda: datetime.timedelta(days=10**10))
frames(lambda: pickle.dumps(lambda: 1))
frames(lambda: pickle.loads(b"x"))


class Bad:
    def __reduce__(self):
        raise RuntimeError("no")


frames(lambda: pickle.dumps(Bad()))


def where():
    return sys._getframe(1).f_code.co_name


class D(datetime.tzinfo):
    def utcoffset(self, dt):
        print("utcoffset called from", where())
        return datetime.timedelta(0)


datetime.datetime(2020, 1, 1, tzinfo=D()).utcoffset()
