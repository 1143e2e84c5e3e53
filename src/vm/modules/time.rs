//! The `time` module: perf_counter, time, sleep, monotonic, process_time (Rust), and
//! struct_time, gmtime, localtime, mktime, strftime, asctime, ctime (the module's Python part).
//! cpjit reads no time-zone database: local time is UTC (timezone 0, tzname ('UTC', 'UTC')),
//! as on these machines.

use super::def;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::runtime::num;
use crate::vm::types::nargs;
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("time");
    vm.roots.push(m);
    def(vm, m, "perf_counter", perf_counter);
    def(vm, m, "monotonic", monotonic);
    def(vm, m, "process_time", process_time);
    def(vm, m, "time", time);
    def(vm, m, "sleep", sleep);
    def(vm, m, "perf_counter_ns", perf_counter_ns);
    def(vm, m, "time_ns", time_ns);
    def(vm, m, "monotonic_ns", monotonic_ns);
    def(vm, m, "_getenv", getenv);
    def(vm, m, "process_time_ns", process_time_ns);
    def(vm, m, "thread_time", thread_time);
    def(vm, m, "thread_time_ns", thread_time_ns);
    def(vm, m, "clock_gettime", clock_gettime);
    def(vm, m, "clock_gettime_ns", clock_gettime_ns);
    def(vm, m, "clock_getres", clock_getres);
    def(vm, m, "clock_settime", clock_settime);
    def(vm, m, "clock_settime_ns", clock_settime_ns);
    def(vm, m, "pthread_getcpuclockid", pthread_getcpuclockid);
    for (name, id) in CLOCKS {
        let v = vm.new_int(*id as i64);
        crate::vm::modules::set_attr(vm, m, name, v);
    }
    let d = crate::vm::object::as_module(m).unwrap().dict;
    let r = crate::vm::run::exec_source(vm, TIME_SRC.as_bytes(), "<frozen time>", d);
    vm.roots.pop();
    r?;
    Ok(m)
}

const TIME_SRC: &str = r#"
timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')
_STRUCT_TM_ITEMS = 11

class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    __module__ = 'time'
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
               'tm_yday', 'tm_isdst')
    def __new__(cls, *args, **kwargs):
        # structseq_new's Argument Clinic signature: (sequence, dict=None).
        seq, dict = _bind_clinic('structseq', args, kwargs, ('sequence', 'dict'), 1)
        if not isinstance(seq, (list, tuple)):
            try:
                seq = iter(seq)
            except TypeError:
                raise TypeError('constructor requires a sequence') from None
        # Any given dict argument (None too) must be a dict.
        if dict is not _NOW and not isinstance(dict, type({})):
            raise TypeError('time.struct_time() takes a dict as second arg, if any')
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)'
                            % len(seq))
        if len(seq) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)'
                            % len(seq))
        self = tuple.__new__(cls, seq[:9])
        self._extra = seq[9:] + (None,) * (11 - len(seq))
        return self
    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])
    def __repr__(self):
        return 'time.struct_time(' + ', '.join(
            [n + '=' + repr(v) for n, v in zip(self._fields, self)]) + ')'
    def __reduce__(self):
        return (struct_time, (tuple(self) + self._extra,))

def _days_before_year(y):
    y -= 1
    return y * 365 + y // 4 - y // 100 + y // 400

def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)

def _time_t(secs):
    # CPython's _PyTime_ObjectToTime_t (rounding down): a 64-bit time_t.
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if not -9.223372036854775808e18 <= secs <= 9.223372036854775808e18:
            raise OverflowError('timestamp out of range for platform time_t')
        secs = int(secs // 1)
    elif not isinstance(secs, int):
        try:
            f = type(secs).__index__
        except AttributeError:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(secs).__name__) from None
        secs = f(secs)
    if not -2**63 <= secs < 2**63:
        raise OverflowError('timestamp out of range for platform time_t')
    return secs

def _check_args(name, args, kwargs, lo, hi, style):
    # The argument checks of CPython's C functions: METH_VARARGS ones refuse keywords under
    # their plain name, then PyArg_ParseTuple ('parse': "takes at most 1 argument (2 given)")
    # or PyArg_UnpackTuple ('unpack': "expected at most 1 argument, got 2") count them;
    # METH_O ones ('o') name themselves qualified ("time.mktime() takes exactly one argument").
    if kwargs:
        raise TypeError('%s() takes no keyword arguments' % name)
    n = len(args)
    if lo <= n <= hi:
        return
    if style == 'o':
        raise TypeError('%s() takes exactly one argument (%d given)' % (name, n))
    k, how = (lo, 'exactly' if lo == hi else 'at least') if n < lo else (hi, 'exactly' if lo == hi else 'at most')
    s = '' if k == 1 else 's'
    if style == 'unpack':
        raise TypeError('%s expected %s%d argument%s, got %d'
                        % (name, '' if how == 'exactly' else how + ' ', k, s, n))
    raise TypeError('%s() takes %s %d argument%s (%d given)' % (name, how, k, s, n))

def _bind_clinic(name, args, kwargs, names, required):
    # _PyArg_UnpackKeywords for positional-or-keyword parameters (_NOW for one not given).
    n = len(args) + len(kwargs)
    if n > len(names):
        raise TypeError('%s() takes at most %d %sargument%s (%d given)'
                        % (name, len(names), '' if args else 'keyword ',
                           '' if len(names) == 1 else 's', n))
    out = list(args) + [_NOW] * (len(names) - len(args))
    for i, k in enumerate(names):
        if k in kwargs and i >= len(args):
            out[i] = kwargs[k]
    for i in range(required):
        if out[i] is _NOW:
            raise TypeError("%s() missing required argument '%s' (pos %d)" % (name, names[i], i + 1))
    for k in kwargs:
        if k in names and names.index(k) < len(args):
            raise TypeError("argument for %s() given by name ('%s') and position (%d)"
                            % (name, k, names.index(k) + 1))
        if k not in names:
            raise TypeError("'%s' is an invalid keyword argument for %s()" % (k, name))
    return out

def gmtime(*args, **kwargs):
    _check_args('gmtime', args, kwargs, 0, 1, 'parse')
    return _gmtime(*args)

def _gmtime(secs=None):
    if secs is None:
        secs = time()
    secs = _time_t(secs)
    days, rem = divmod(secs, 86400)
    hh, rem = divmod(rem, 3600)
    mm, ss = divmod(rem, 60)
    # days since 1970-01-01 -> civil date (Howard Hinnant's algorithm)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    if m <= 2:
        y += 1
    wday = (days + 3) % 7
    yday = _DAYS_BEFORE_MONTH[m] + d + (1 if m > 2 and _is_leap(y) else 0)
    if not -2**31 <= y - 1900 < 2**31:
        # glibc's gmtime_r: the year does not fit struct tm's int.
        import posix
        raise OSError(75, posix.strerror(75))
    return struct_time((y, m, d, hh, mm, ss, wday, yday, 0, 'UTC', 0))

def localtime(*args, **kwargs):
    _check_args('localtime', args, kwargs, 0, 1, 'parse')
    return _localtime(*args)

def _localtime(secs=None):
    t = _gmtime(secs)
    if timezone:
        t = _gmtime(_timegm(t) - timezone)
    return struct_time(tuple(t)[:9] + (tzname[0], -timezone))

def _tz_offset(s):
    # POSIX TZ offset [+-]hh[:mm[:ss]] (west of Greenwich positive); None if malformed.
    sign = 1
    if s[:1] in '+-':
        sign = -1 if s[0] == '-' else 1
        s = s[1:]
    parts = s.split(':')
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() and 1 <= len(p) <= 2 for p in parts):
        return None
    h, m, sec = [int(p) for p in parts] + [0] * (3 - len(parts))
    if h > 24 or m > 59 or sec > 59:
        return None
    return sign * (h * 3600 + m * 60 + sec)

_UTC_NAMES = ('UTC', 'UTC0', 'GMT', 'GMT0', 'UCT', 'Universal', 'Zulu', 'Etc/UTC', 'Etc/GMT',
              'Etc/UCT', 'Etc/Universal', 'Etc/Zulu', 'GMT+0', 'GMT-0')

def tzset(*args, **kwargs):
    """Reads $TZ again. cpjit reads no time-zone database: TZ unset (the machine's zone, UTC),
    a UTC name, or a POSIX zone with a fixed offset and no daylight saving time ('EST+05')."""
    global timezone, altzone, daylight, tzname
    if kwargs:
        raise TypeError('time.tzset() takes no keyword arguments')
    if args:
        raise TypeError('time.tzset() takes no arguments (%d given)' % len(args))
    tz = _getenv('TZ')
    if tz.startswith(':'):
        tz = tz[1:]
    if tz == '' or tz in _UTC_NAMES:
        timezone = altzone = daylight = 0
        tzname = ('UTC', 'UTC')
        return
    i = 0
    if tz.startswith('<'):
        i = tz.find('>')
        name = tz[1:i] if i > 0 else ''
        i += 1
    else:
        while i < len(tz) and tz[i].isalpha():
            i += 1
        name = tz[:i]
    off = _tz_offset(tz[i:]) if len(name) >= 3 else None
    if off is None:
        raise NotImplementedError(
            'cpjit reads no time-zone database: TZ=%r is not supported (UTC or a fixed POSIX '
            'offset such as EST+05 are)' % tz)
    timezone = altzone = off
    daylight = 0
    tzname = (name, name)

def strptime(*args, **kwargs):
    if kwargs:
        raise TypeError('strptime() takes no keyword arguments')
    import _strptime
    return _strptime._strptime_time(*args)

# The default of the time-tuple arguments: only an omitted one means now (None is refused).
_NOW = object()

def _tuple_arg(t, name):
    if t is _NOW:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9 and not isinstance(t, struct_time):
        raise TypeError('%s(): illegal time tuple argument' % name)
    return t

def mktime(*args, **kwargs):
    _check_args('time.mktime', args, kwargs, 1, 1, 'o')
    t, = args
    return float(_timegm(_tuple_arg(t, 'mktime')) + timezone)

def _timegm(t):
    y, mo, d, hh, mi, ss = t[:6]
    y += (mo - 1) // 12
    mo = (mo - 1) % 12 + 1
    days = _days_before_year(y) - _days_before_year(1970) + _DAYS_BEFORE_MONTH[mo] + d - 1
    if mo > 2 and _is_leap(y):
        days += 1
    return days * 86400 + hh * 3600 + mi * 60 + ss

_DAY_NAMES = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTH_NAMES = ('', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December')

def strftime(*args, **kwargs):
    if kwargs:
        raise TypeError('strftime() takes no keyword arguments')
    if not 1 <= len(args) <= 2:
        raise TypeError('strftime() takes at %s (%d given)'
                        % ('least 1 argument' if not args else 'most 2 arguments', len(args)))
    if not isinstance(args[0], str):
        raise TypeError('strftime() argument 1 must be str, not '
                        + ('None' if args[0] is None else type(args[0]).__name__))
    return _strftime(*args)

def _strftime(format, t=_NOW):
    t = _tuple_arg(t, 'strftime')
    y, mo, d, hh, mi, ss, wd, yd = t[:8]
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 == n:
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        # glibc's flags (_ - 0 ^ #) and field width, as in '%4Y' or '%-d'.
        flags = width = ''
        while f in '_-0^#' and i < n:
            flags += f
            f = format[i]
            i += 1
        while f.isdigit() and i < n:
            width += f
            f = format[i]
            i += 1
        if flags or width:
            s = _strftime('%' + f, t)
            if '^' in flags:
                s = s.upper()
            if '-' in flags and s[:1] in '0 ' and len(s) > 1:
                s = s.lstrip('0 ') or '0'
            elif width:
                pad = ' ' if '_' in flags or not s[:1].isdigit() else '0'
                s = s.rjust(int(width), pad)
            elif '_' in flags and s[:1] == '0' and len(s) > 1:
                s = ' ' + s[1:]
            out.append(s)
            continue
        if f == 'Y': out.append(str(y))
        elif f == 'm': out.append('%02d' % mo)
        elif f == 'd': out.append('%02d' % d)
        elif f == 'e': out.append('%2d' % d)
        elif f == 'H': out.append('%02d' % hh)
        elif f == 'I': out.append('%02d' % ((hh + 11) % 12 + 1))
        elif f == 'M': out.append('%02d' % mi)
        elif f == 'S': out.append('%02d' % ss)
        elif f == 'p': out.append('AM' if hh < 12 else 'PM')
        elif f == 'y': out.append('%02d' % (y % 100))
        elif f == 'C': out.append('%02d' % (y // 100))
        elif f == 'j': out.append('%03d' % yd)
        elif f == 'a': out.append(_DAY_NAMES[wd][:3])
        elif f == 'A': out.append(_DAY_NAMES[wd])
        elif f == 'b' or f == 'h': out.append(_MONTH_NAMES[mo][:3])
        elif f == 'B': out.append(_MONTH_NAMES[mo])
        elif f == 'w': out.append(str((wd + 1) % 7))
        elif f == 'u': out.append(str(wd + 1))
        elif f == 'Z': out.append(tzname[0])
        elif f == 'z':
            o = -timezone
            out.append('%s%02d%02d' % ('-' if o < 0 else '+', abs(o) // 3600, abs(o) // 60 % 60))
        elif f == 'D': out.append(_strftime('%m/%d/%y', t))
        elif f == 'F': out.append(_strftime('%Y-%m-%d', t))
        elif f == 'T': out.append(_strftime('%H:%M:%S', t))
        elif f == 'R': out.append(_strftime('%H:%M', t))
        elif f == 'c': out.append(_strftime('%a %b %e %H:%M:%S %Y', t))
        elif f == 'x': out.append(_strftime('%m/%d/%y', t))
        elif f == 'X': out.append(_strftime('%H:%M:%S', t))
        elif f == 'n': out.append('\n')
        elif f == 't': out.append('\t')
        elif f == '%': out.append('%')
        elif f == 'U': out.append('%02d' % ((yd + 6 - (wd + 1) % 7) // 7))
        elif f == 'W': out.append('%02d' % ((yd + 6 - wd) // 7))
        else:
            # glibc copies a directive it does not know.
            out.append('%' + f)
    return ''.join(out)

def asctime(*args, **kwargs):
    _check_args('asctime', args, kwargs, 0, 1, 'unpack')
    t = args[0] if args else _NOW
    return _strftime('%a %b %e %H:%M:%S %Y', _tuple_arg(t, 'asctime'))

def ctime(*args, **kwargs):
    _check_args('ctime', args, kwargs, 0, 1, 'parse')
    return asctime(_localtime(*args))

def get_clock_info(*args, **kwargs):
    _check_args('get_clock_info', args, kwargs, 1, 1, 'parse')
    name, = args
    import types
    info = {
        'monotonic': ('clock_gettime(CLOCK_MONOTONIC)', True, False, 1e-09),
        'perf_counter': ('clock_gettime(CLOCK_MONOTONIC)', True, False, 1e-09),
        'process_time': ('clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', True, False, 1e-09),
        'time': ('clock_gettime(CLOCK_REALTIME)', False, True, 1e-09),
    }
    if not isinstance(name, str):
        raise TypeError('get_clock_info() argument 1 must be str, not ' + type(name).__name__)
    if name not in info:
        raise ValueError('unknown clock')
    impl, mono, adj, res = info[name]
    return types.SimpleNamespace(implementation=impl, monotonic=mono, adjustable=adj,
                                 resolution=res)
"#;

fn epoch() -> std::time::Instant {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::Instant::now)
}

fn perf_counter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.perf_counter", args, kw, 0, 0, 0)?;
    Ok(Value::from_f64(epoch().elapsed().as_secs_f64()))
}
fn perf_counter_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.perf_counter_ns", args, kw, 0, 0, 0)?;
    Ok(vm.new_int(epoch().elapsed().as_nanos() as i64))
}
fn monotonic(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.monotonic", args, kw, 0, 0, 0)?;
    Ok(Value::from_f64(epoch().elapsed().as_secs_f64()))
}
fn monotonic_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.monotonic_ns", args, kw, 0, 0, 0)?;
    Ok(vm.new_int(epoch().elapsed().as_nanos() as i64))
}
/// `_getenv(name)`: the process environment's value of `name` ('' when unset), for tzset.
fn getenv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_getenv", args, kw, 0, 1, 1)?;
    let name = crate::vm::interp::str_of(args[0]).to_string();
    let v = std::env::var_os(name).unwrap_or_default();
    Ok(vm.new_str(&v.to_string_lossy()))
}
fn process_time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.process_time", args, kw, 0, 0, 0)?;
    Ok(seconds(clock::clock_gettime(ClockId::ProcessCPUTime)))
}
fn process_time_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.process_time_ns", args, kw, 0, 0, 0)?;
    Ok(nanoseconds(
        vm,
        clock::clock_gettime(ClockId::ProcessCPUTime),
    ))
}
fn thread_time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.thread_time", args, kw, 0, 0, 0)?;
    Ok(seconds(clock::clock_gettime(ClockId::ThreadCPUTime)))
}
fn thread_time_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.thread_time_ns", args, kw, 0, 0, 0)?;
    Ok(nanoseconds(
        vm,
        clock::clock_gettime(ClockId::ThreadCPUTime),
    ))
}
fn time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.time", args, kw, 0, 0, 0)?;
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::from_f64(d.as_secs_f64()))
}
fn time_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.time_ns", args, kw, 0, 0, 0)?;
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(vm.new_bigint(num_bigint::BigInt::from(d.as_nanos())))
}
fn sleep(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time.sleep", args, kw, 0, 1, 1)?;
    let Some(s) = num::float_of(vm, args[0])? else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout_buffer();
    if !vm.sandbox {
        // nanosleep(2) until the time is up; a signal's handler runs when it interrupts the
        // sleep (and may raise), then the rest is slept (PEP 475).
        let d = std::time::Duration::try_from_secs_f64(s).unwrap_or(std::time::Duration::MAX);
        let mut req = Timespec {
            tv_sec: d.as_secs().min(i64::MAX as u64) as i64,
            tv_nsec: d.subsec_nanos() as i64,
        };
        loop {
            match rustix::thread::nanosleep(&req) {
                rustix::thread::NanosleepRelativeResult::Interrupted(rem) => {
                    crate::vm::modules::signal::check(vm)?;
                    req = rem;
                }
                _ => break,
            }
        }
    }
    Ok(vm.none)
}

// ---------------------------------------------------------------------------------------------
// clock_gettime & co., through rustix's system-call wrappers (no C library).

use rustix::time::{self as clock, ClockId, Timespec};

/// The `time.CLOCK_*` constants CPython has on Linux.
const CLOCKS: &[(&str, i32)] = &[
    ("CLOCK_REALTIME", 0),
    ("CLOCK_MONOTONIC", 1),
    ("CLOCK_PROCESS_CPUTIME_ID", 2),
    ("CLOCK_THREAD_CPUTIME_ID", 3),
    ("CLOCK_MONOTONIC_RAW", 4),
    ("CLOCK_BOOTTIME", 7),
    ("CLOCK_TAI", 11),
];

/// What `_PyTime_AsSecondsDouble` makes of a clock reading.
fn seconds(t: Timespec) -> Value {
    let ns = t.tv_sec as i128 * 1_000_000_000 + t.tv_nsec as i128;
    Value::from_f64(ns as f64 / 1e9)
}

fn nanoseconds(vm: &mut Vm, t: Timespec) -> Value {
    let ns = t.tv_sec as i128 * 1_000_000_000 + t.tv_nsec as i128;
    match i64::try_from(ns) {
        Ok(n) => vm.new_int(n),
        Err(_) => vm.new_bigint(num_bigint::BigInt::from(ns)),
    }
}

/// An argument parsed as a C `int` (`PyArg_Parse`'s "i": `__index__`, OverflowError outside
/// the range).
fn c_int(vm: &mut Vm, v: Value) -> PyResult<i32> {
    let Some(i) = num::index_value(vm, v)? else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let big = match i {
        num::IntVal::Small(i) => num_bigint::BigInt::from(i),
        num::IntVal::Big(b) => b,
    };
    i32::try_from(&big).map_err(|_| {
        let msg = if big.sign() == num_bigint::Sign::Minus {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        };
        vm.overflow_error(msg)
    })
}

/// The CPU-time clock id glibc's `pthread_getcpuclockid` gives the interpreter's thread (the
/// kernel's encoding `~tid << 3 | CPUCLOCK_PERTHREAD | CPUCLOCK_SCHED`).
fn own_thread_clock() -> i32 {
    let tid = rustix::thread::gettid().as_raw_nonzero().get();
    (!(tid as u32) << 3) as i32 | 6
}

/// `clock_gettime(id)` of any clock id, passed to the kernel as CPython does (negative ids
/// name the CPU-time clocks of processes and threads), with its errors.
fn read_clock(id: i32) -> Result<Timespec, rustix::io::Errno> {
    nix_clock(id, nix::time::clock_gettime)
}

/// `clock_getres(id)` of any clock id.
fn clock_resolution(id: i32) -> Result<Timespec, rustix::io::Errno> {
    nix_clock(id, nix::time::clock_getres)
}

/// `call` (nix's clock_gettime or clock_getres) on clock `id`, as rustix's types.
fn nix_clock(
    id: i32,
    call: fn(nix::time::ClockId) -> nix::Result<nix::sys::time::TimeSpec>,
) -> Result<Timespec, rustix::io::Errno> {
    let t = call(nix::time::ClockId::from_raw(id)).map_err(rustix_errno)?;
    Ok(Timespec {
        tv_sec: t.tv_sec(),
        tv_nsec: t.tv_nsec(),
    })
}

/// nix's errno as rustix's: the clock calls go through nix (any raw clock id) but the module
/// reports errors through rustix's type (`errno_error`).
fn rustix_errno(e: nix::errno::Errno) -> rustix::io::Errno {
    rustix::io::Errno::from_raw_os_error(e as i32)
}

fn errno_error(vm: &mut Vm, e: rustix::io::Errno) -> Value {
    let e = std::io::Error::from_raw_os_error(e.raw_os_error());
    crate::vm::modules::posix::os_error(vm, e, None, None)
}

/// `PyArg_ParseTuple`'s count check for a METH_VARARGS function of `n` arguments.
fn varargs(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value], n: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != n {
        let s = if n == 1 { "" } else { "s" };
        let given = args.len();
        return Err(vm.type_error(format!(
            "{name}() takes exactly {n} argument{s} ({given} given)"
        )));
    }
    Ok(())
}

fn clock_arg(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<i32> {
    varargs(vm, name, args, kw, 1)?;
    c_int(vm, args[0])
}

fn clock_gettime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let id = clock_arg(vm, "clock_gettime", args, kw)?;
    match read_clock(id) {
        Ok(t) => Ok(seconds(t)),
        Err(e) => Err(errno_error(vm, e)),
    }
}

fn clock_gettime_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // METH_VARARGS refuses keywords under its own name; PyArg_ParseTuple's format says
    // "clock_gettime" for the arity (CPython's format string is copied from clock_gettime).
    if !kw.is_empty() {
        return Err(vm.type_error("clock_gettime_ns() takes no keyword arguments"));
    }
    let id = clock_arg(vm, "clock_gettime", args, kw)?;
    match read_clock(id) {
        Ok(t) => Ok(nanoseconds(vm, t)),
        Err(e) => Err(errno_error(vm, e)),
    }
}

fn clock_getres(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let id = clock_arg(vm, "clock_getres", args, kw)?;
    match clock_resolution(id) {
        Ok(r) => Ok(Value::from_f64(r.tv_sec as f64 + r.tv_nsec as f64 * 1e-9)),
        Err(e) => Err(errno_error(vm, e)),
    }
}

fn set_clock(vm: &mut Vm, id: i32, ns: i64) -> PyResult {
    let t = Timespec {
        tv_sec: ns.div_euclid(1_000_000_000),
        tv_nsec: ns.rem_euclid(1_000_000_000),
    };
    // Any clock id goes to the kernel, as in CPython (its errno: EPERM for CPU-time clocks).
    let ts = nix::sys::time::TimeSpec::new(t.tv_sec, t.tv_nsec);
    match nix::time::clock_settime(nix::time::ClockId::from_raw(id), ts) {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(errno_error(vm, rustix_errno(e))),
    }
}

const TOO_LARGE: &str = "timestamp too large to convert to C _PyTime_t";

/// An int number of `unit`s as nanoseconds (`_PyTime_FromSecondsObject` /
/// `_PyTime_FromNanosecondsObject` for ints).
fn int_ns(vm: &mut Vm, v: num::IntVal, unit: i64) -> PyResult<i64> {
    let ns = match v {
        num::IntVal::Small(i) => i.checked_mul(unit),
        num::IntVal::Big(b) => i64::try_from(&b).ok().and_then(|i| i.checked_mul(unit)),
    };
    ns.ok_or_else(|| vm.overflow_error(TOO_LARGE))
}

/// `time.clock_settime(clk_id, time)`: seconds as a float or an integer.
fn clock_settime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    varargs(vm, "clock_settime", args, kw, 2)?;
    let id = c_int(vm, args[0])?;
    let ns = if args[1].is_float() {
        let f = args[1].as_f64();
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        // CPython goes through a timespec of time_t seconds first.
        let secs = f.floor();
        if !(secs >= i64::MIN as f64 && secs < i64::MAX as f64) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        let ns = (f * 1e9).floor();
        if !(ns >= i64::MIN as f64 && ns < i64::MAX as f64) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        ns as i64
    } else {
        let Some(i) = num::index_value(vm, args[1])? else {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        int_ns(vm, i, 1_000_000_000)?
    };
    set_clock(vm, id, ns)
}

/// `time.clock_settime_ns(clk_id, time)`: nanoseconds as an int (no `__index__`).
fn clock_settime_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // Keywords refused under its own name, the arity under "clock_settime" (its format).
    if !kw.is_empty() {
        return Err(vm.type_error("clock_settime_ns() takes no keyword arguments"));
    }
    varargs(vm, "clock_settime", args, kw, 2)?;
    let id = c_int(vm, args[0])?;
    let t = args[1];
    let int_t = vm.t.int;
    if !vm.isinstance(t, int_t) {
        let tn = vm.type_name(t);
        return Err(vm.type_error(format!("expect int, got {tn}")));
    }
    let Some(i) = num::index_value(vm, t)? else {
        unreachable!("an int instance has __index__")
    };
    let ns = int_ns(vm, i, 1)?;
    set_clock(vm, id, ns)
}

/// `time.pthread_getcpuclockid(thread_id)`: cpjit runs one thread, whose id is
/// `threading.get_ident()` (1); another id is a thread that does not exist (ESRCH, as glibc says
/// for a thread that has ended).
fn pthread_getcpuclockid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    varargs(vm, "pthread_getcpuclockid", args, kw, 1)?;
    let v = args[0];
    let int_t = vm.t.int;
    if !vm.isinstance(v, int_t) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "pthread_getcpuclockid() argument 1 must be int, not {tn}"
        )));
    }
    match num::index_value(vm, v)? {
        Some(num::IntVal::Small(1)) => Ok(vm.new_int(own_thread_clock() as i64)),
        _ => Err(errno_error(vm, rustix::io::Errno::SRCH)),
    }
}
