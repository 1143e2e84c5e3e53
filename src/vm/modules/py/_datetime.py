# cpjit: `_datetime`, the classes of the pure-Python datetime module (cpjit has no C datetime).
# datetime.py ends with `from _datetime import *`; imported from there, this module raises
# ImportError so datetime keeps its pure-Python classes (as CPython does without _datetime).
# Imported on its own (as test.support.import_helper does for the "fast" tests), it is those
# same classes.
"""Fast implementation of the datetime type."""

import sys as _sys

if _sys._getframe(1).f_globals.get('__name__') == 'datetime':
    raise ImportError('cpjit has no C _datetime: datetime uses its pure-Python classes')

_dt = _sys.modules.get('datetime')
if _dt is None:
    _self = _sys.modules.get(__name__)
    _sys.modules[__name__] = None
    try:
        import datetime as _dt
    finally:
        _sys.modules[__name__] = _self
    del _self

from datetime import (MAXYEAR, MINYEAR, UTC, date, datetime, time, timedelta, timezone,
                      tzinfo)

del _dt, _sys
