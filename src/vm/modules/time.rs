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
    def(vm, m, "monotonic", perf_counter);
    def(vm, m, "process_time", process_time);
    def(vm, m, "time", time);
    def(vm, m, "sleep", sleep);
    def(vm, m, "perf_counter_ns", perf_counter_ns);
    def(vm, m, "time_ns", time_ns);
    def(vm, m, "monotonic_ns", perf_counter_ns);
    def(vm, m, "process_time_ns", perf_counter_ns);
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
    def __new__(cls, seq, dict=None):
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

def gmtime(secs=None):
    if secs is None:
        secs = time()
    if isinstance(secs, float):
        secs = int(secs // 1)
    elif not isinstance(secs, int):
        try:
            f = type(secs).__index__
        except AttributeError:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(secs).__name__) from None
        secs = f(secs)
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
    return struct_time((y, m, d, hh, mm, ss, wday, yday, 0, 'UTC', 0))

def localtime(secs=None):
    return gmtime(secs)

def _tuple_arg(t, name):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9 and not isinstance(t, struct_time):
        raise TypeError('%s(): illegal time tuple argument' % name)
    return t

def mktime(t):
    t = _tuple_arg(t, 'mktime')
    y, mo, d, hh, mi, ss = t[:6]
    y += (mo - 1) // 12
    mo = (mo - 1) % 12 + 1
    days = _days_before_year(y) - _days_before_year(1970) + _DAYS_BEFORE_MONTH[mo] + d - 1
    if mo > 2 and _is_leap(y):
        days += 1
    return float(days * 86400 + hh * 3600 + mi * 60 + ss)

_DAY_NAMES = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTH_NAMES = ('', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December')

def strftime(format, t=None):
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
            s = strftime('%' + f, t)
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
        elif f == 'Z': out.append('UTC')
        elif f == 'z': out.append('+0000')
        elif f == 'D': out.append(strftime('%m/%d/%y', t))
        elif f == 'F': out.append(strftime('%Y-%m-%d', t))
        elif f == 'T': out.append(strftime('%H:%M:%S', t))
        elif f == 'R': out.append(strftime('%H:%M', t))
        elif f == 'c': out.append(strftime('%a %b %e %H:%M:%S %Y', t))
        elif f == 'x': out.append(strftime('%m/%d/%y', t))
        elif f == 'X': out.append(strftime('%H:%M:%S', t))
        elif f == 'n': out.append('\n')
        elif f == 't': out.append('\t')
        elif f == '%': out.append('%')
        elif f == 'U': out.append('%02d' % ((yd + 6 - (wd + 1) % 7) // 7))
        elif f == 'W': out.append('%02d' % ((yd + 6 - wd) // 7))
        else:
            # glibc copies a directive it does not know.
            out.append('%' + f)
    return ''.join(out)

def asctime(t=None):
    return strftime('%a %b %e %H:%M:%S %Y', _tuple_arg(t, 'asctime'))

def ctime(secs=None):
    return asctime(localtime(secs))

def get_clock_info(name):
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
    nargs(vm, "perf_counter", args, kw, 0, 0, 0)?;
    Ok(Value::from_f64(epoch().elapsed().as_secs_f64()))
}
fn perf_counter_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "perf_counter_ns", args, kw, 0, 0, 0)?;
    Ok(vm.new_int(epoch().elapsed().as_nanos() as i64))
}
fn process_time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    perf_counter(vm, args, kw)
}
fn time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time", args, kw, 0, 0, 0)?;
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::from_f64(d.as_secs_f64()))
}
fn time_ns(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "time_ns", args, kw, 0, 0, 0)?;
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok(vm.new_bigint(num_bigint::BigInt::from(d.as_nanos())))
}
fn sleep(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sleep", args, kw, 0, 1, 1)?;
    let Some(s) = num::float_of(vm, args[0])? else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout();
    if !vm.sandbox {
        std::thread::sleep(
            std::time::Duration::try_from_secs_f64(s).unwrap_or(std::time::Duration::MAX),
        );
    }
    Ok(vm.none)
}
