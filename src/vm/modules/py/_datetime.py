# cpjit: `_datetime`, the classes of the pure-Python datetime module (cpjit has no C datetime).
# datetime.py ends with `from _datetime import *`; imported from there, this module raises
# ImportError so datetime keeps its pure-Python classes (as CPython does without _datetime).
# Imported on its own (as test.support.import_helper does for the "fast" tests), it is those
# same classes.
"""Fast implementation of the datetime type."""

import sys as _sys



def _c_behaviour(g):
    # Adjusts the pure-Python classes in datetime's namespace `g` where they behave differently
    # from CPython's C ones: error messages, reprs naming the type as its tp_name does.
    import _cpjit
    date, time, datetime, timedelta, timezone, tzinfo = (
        g['date'], g['time'], g['datetime'], g['timedelta'], g['timezone'], g['tzinfo'])
    MINYEAR, MAXYEAR, _index, _days_in_month = (
        g['MINYEAR'], g['MAXYEAR'], g['_index'], g['_days_in_month'])
    c_types = (date, time, datetime, timedelta, timezone, tzinfo, g['_IsoCalendarDate'])
    for t in c_types:
        _cpjit.c_type(t)

    def arg_type(v):
        # As Argument Clinic's messages name an argument's type.
        return "None" if v is None else type(v).__name__

    def c_int(v):
        # The "i" argument format.
        if type(v) is int and -0x80000000 <= v <= 0x7fffffff:
            return v
        v = _index(v)
        if v > 0x7fffffff:
            raise OverflowError("signed integer is greater than maximum")
        if v < -0x80000000:
            raise OverflowError("signed integer is less than minimum")
        return v

    def _check_date_fields(year, month, day):
        year, month, day = c_int(year), c_int(month), c_int(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError(f"year {year} is out of range")
        if not 1 <= month <= 12:
            raise ValueError("month must be in 1..12")
        if not 1 <= day <= _days_in_month(year, month):
            raise ValueError("day is out of range for month")
        return year, month, day

    def _check_time_fields(hour, minute, second, microsecond, fold):
        hour, minute, second, microsecond = (
            c_int(hour), c_int(minute), c_int(second), c_int(microsecond))
        if not 0 <= hour <= 23:
            raise ValueError("hour must be in 0..23")
        if not 0 <= minute <= 59:
            raise ValueError("minute must be in 0..59")
        if not 0 <= second <= 59:
            raise ValueError("second must be in 0..59")
        if not 0 <= microsecond <= 999999:
            raise ValueError("microsecond must be in 0..999999")
        if fold not in (0, 1):
            raise ValueError("fold must be either 0 or 1")
        return hour, minute, second, microsecond, fold

    g['_check_date_fields'] = _check_date_fields
    g['_check_time_fields'] = _check_time_fields

    def method(cls, name, f):
        f.__name__ = name
        f.__qualname__ = f"{cls.__name__}.{name}"
        setattr(cls, name, f)

    def reworded(cls, name, exc, old, new):
        # `name` of `cls` (a method taking `other` and, for `_cmp`, `allow_mixed`), raising
        # exc(new) where _pydatetime raises exc(old). Fixed signatures, not *args/**kwargs:
        # datetime.now() subtracts datetimes to probe for a fold, so this runs on every call.
        orig = cls.__dict__[name]

        if name == '_cmp':
            def f(self, other, allow_mixed=False):
                try:
                    return orig(self, other, allow_mixed)
                except exc as e:
                    if e.args != (old,):
                        raise
                raise exc(new)
        else:
            def f(self, other):
                try:
                    return orig(self, other)
                except exc as e:
                    if e.args != (old,):
                        raise
                raise exc(new)
        method(cls, name, f)

    reworded(datetime, '__sub__', TypeError, "cannot mix naive and timezone-aware time",
             "can't subtract offset-naive and offset-aware datetimes")
    reworded(datetime, '_cmp', TypeError, "cannot compare naive and aware datetimes",
             "can't compare offset-naive and offset-aware datetimes")
    reworded(time, '_cmp', TypeError, "cannot compare naive and aware times",
             "can't compare offset-naive and offset-aware times")

    # The reprs name the type by its tp_name: datetime.date for the C type, the bare class
    # name for a subclass (not the module and qualified name _pydatetime gives).
    def repr_of(cls):
        orig = cls.__dict__['__repr__']

        def __repr__(self):
            r = orig(self)
            t = type(self)
            if t not in c_types:
                prefix = f"{t.__module__}.{t.__qualname__}("
                if r.startswith(prefix):
                    r = f"{t.__name__}({r[len(prefix):]}"
            return r
        method(cls, '__repr__', __repr__)

    for cls in (date, time, datetime, timedelta):
        repr_of(cls)

    def iso_repr(self):
        return f'datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, weekday={self[2]})'
    method(g['_IsoCalendarDate'], '__repr__', iso_repr)

    def strftime_of(cls):
        orig = cls.__dict__['strftime']

        def strftime(self, format):
            if not isinstance(format, str):
                raise TypeError(f"strftime() argument 1 must be str, not {arg_type(format)}")
            return orig(self, format)
        strftime.__doc__ = orig.__doc__
        method(cls, 'strftime', strftime)

    for cls in (date, time):
        strftime_of(cls)

    py_fromordinal = date.__dict__['fromordinal'].__func__

    def fromordinal(cls, n):
        if _index(n) < 1:
            raise ValueError("ordinal must be >= 1")
        return py_fromordinal(cls, n)
    fromordinal.__doc__ = py_fromordinal.__doc__
    fromordinal.__name__ = 'fromordinal'
    fromordinal.__qualname__ = 'date.fromordinal'
    date.fromordinal = classmethod(fromordinal)

    py_timezone_new = timezone.__dict__['__new__']
    tz_omitted = timezone._Omitted

    def timezone_new(cls, offset, name=tz_omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not "
                            + arg_type(offset))
        if name is not tz_omitted and not isinstance(name, str):
            raise TypeError(f"timezone() argument 2 must be str, not {arg_type(name)}")
        try:
            return py_timezone_new(cls, offset, name)
        except ValueError as e:
            if not e.args[0].startswith("offset must be a timedelta strictly"):
                raise
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24)"
                         f" and timedelta(hours=24), not {offset!r}.")
    timezone_new.__name__ = '__new__'
    timezone_new.__qualname__ = 'timezone.__new__'
    timezone.__new__ = staticmethod(timezone_new)

    py_timedelta_new = timedelta.__dict__['__new__']
    components = ('microseconds', 'milliseconds', 'seconds', 'minutes', 'hours', 'days',
                  'weeks')

    def timedelta_new(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0,
                      hours=0, weeks=0):
        values = (microseconds, milliseconds, seconds, minutes, hours, days, weeks)
        for name, v in zip(components, values):
            if not isinstance(v, (int, float)):
                raise TypeError(f"unsupported type for timedelta {name} component: "
                                f"{type(v).__name__}")
        try:
            return py_timedelta_new(cls, days, seconds, microseconds, milliseconds, minutes,
                                    hours, weeks)
        except OverflowError as e:
            msg = e.args[0]
            if not msg.startswith("timedelta # of days is too large: "):
                raise
            d = int(msg.rpartition(' ')[2])
        if -0x80000000 <= d <= 0x7fffffff:
            raise OverflowError(f"days={d}; must have magnitude <= 999999999")
        raise OverflowError("Python int too large to convert to C int")
    timedelta_new.__name__ = '__new__'
    timedelta_new.__qualname__ = 'timedelta.__new__'
    timedelta.__new__ = staticmethod(timedelta_new)


if _sys._getframe(1).f_globals.get('__name__') == 'datetime':
    _c_behaviour(_sys._getframe(1).f_globals)
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
