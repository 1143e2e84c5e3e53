//! The `time` module: the clocks, sleep, gmtime, localtime, mktime, strftime and asctime
//! (Rust), and struct_time's class, ctime, tzset, strptime (the module's Python part).
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
    for (name, f) in [
        ("gmtime", gmtime as crate::vm::object::BuiltinFn),
        ("localtime", localtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("asctime", asctime),
        ("_new_struct_time", new_struct_time),
        ("_struct_time_fields", struct_time_fields),
    ] {
        def_bound(vm, m, name, f);
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
    # No __dict__, as CPython's: tm_zone and tm_gmtoff are kept in the instance's first value
    # (Rust: `EXTRA`), which no Python name reaches.
    __slots__ = ()
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
               'tm_yday', 'tm_isdst')
    def __new__(cls, *args, **kwargs):
        # structseq_new's Argument Clinic signature: (sequence, dict=None); the instance is
        # built by _new_struct_time (Rust), which gmtime & co. call directly.
        if kwargs or len(args) != 1:
            seq, dict = _bind_clinic('structseq', args, kwargs, ('sequence', 'dict'), 1)
        else:
            seq, = args
            dict = _NOW
        if not isinstance(seq, (list, tuple)):
            try:
                seq = iter(seq)
            except TypeError:
                raise TypeError('constructor requires a sequence') from None
        # Any given dict argument (None too) must be a dict.
        if dict is not _NOW and not isinstance(dict, type({})):
            raise TypeError('time.struct_time() takes a dict as second arg, if any')
        if not isinstance(seq, (list, tuple)):
            seq = tuple(seq)
        if dict is not _NOW and dict is not None and 9 <= len(seq) < 11:
            # The fields the sequence leaves out come from the dict (unpickling).
            seq = tuple(seq) + tuple(dict.get(n) for n in ('tm_zone', 'tm_gmtoff')[len(seq) - 9:])
        return _new_struct_time(cls, seq)
    def __repr__(self):
        return 'time.struct_time(' + ', '.join(
            [n + '=' + repr(v) for n, v in zip(self._fields, self)]) + ')'
    def __reduce__(self):
        return (struct_time, (tuple(self), {'tm_zone': self.tm_zone,
                                            'tm_gmtoff': self.tm_gmtoff}))

# Its fields are read-only member descriptors (Rust).
_struct_time_fields(struct_time)
import _cpjit
_cpjit.c_type(struct_time)
del _cpjit

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

def ctime(*args, **kwargs):
    _check_args('ctime', args, kwargs, 0, 1, 'parse')
    return asctime(localtime(*args))

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

// ---------------------------------------------------------------------------------------------
// struct_time and the calendar functions. They are bound to the module (`__self__`, as C
// module functions are): `args[0]` is the module, whose dict holds `struct_time`, `timezone`
// and `tzname` (tzset rebinds the last two).

use crate::vm::object::{as_builtin, as_module, as_tuple, type_data, BuiltinFn, TypeObject};
use crate::vm::runtime::dict::dict_get_str;

/// A module function with the module as its bound `self` (`args[0]`).
fn def_bound(vm: &mut Vm, m: Value, name: &'static str, f: BuiltinFn) {
    let b = vm.new_builtin(name, f, m);
    if let Some(bd) = as_builtin(b) {
        bd.module = as_module(m).map_or(Value::NULL, |md| md.name);
    }
    crate::vm::modules::set_attr(vm, m, name, b);
}

/// The module global `name` (None when it was deleted).
fn global(vm: &mut Vm, m: Value, name: &'static str) -> Value {
    let d = as_module(m).unwrap().dict;
    let k = vm.sname(name);
    dict_get_str(vm, d, k).unwrap_or(vm.none)
}

/// The argument checks of CPython's METH_VARARGS functions: keywords refused under the plain
/// name, then PyArg_ParseTuple's count ("takes at most 1 argument (2 given)"), or a METH_O
/// function's ("time.mktime() takes exactly one argument (2 given)") when `meth_o`.
fn check_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    (lo, hi): (usize, usize),
    meth_o: bool,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len();
    if (lo..=hi).contains(&n) {
        return Ok(());
    }
    if meth_o {
        return Err(vm.type_error(format!("{name}() takes exactly one argument ({n} given)")));
    }
    let (k, how) = match (n < lo, lo == hi) {
        (_, true) => (lo, "exactly"),
        (true, false) => (lo, "at least"),
        (false, false) => (hi, "at most"),
    };
    let s = if k == 1 { "" } else { "s" };
    Err(vm.type_error(format!("{name}() takes {how} {k} argument{s} ({n} given)")))
}

const TIME_T_RANGE: &str = "timestamp out of range for platform time_t";

/// CPython's `_PyTime_ObjectToTime_t` rounding down: a 64-bit time_t.
fn time_t(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        let f = v.as_f64();
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(-9.223372036854775808e18..9.223372036854775808e18).contains(&f) {
            return Err(vm.overflow_error(TIME_T_RANGE));
        }
        return Ok(f as i64);
    }
    match num::index_value(vm, v)? {
        Some(num::IntVal::Small(i)) => Ok(i),
        Some(num::IntVal::Big(b)) => i64::try_from(&b).map_err(|_| vm.overflow_error(TIME_T_RANGE)),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// The current time as a time_t.
fn now_secs() -> i64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs_f64().ceil() as i64),
    }
}

/// The optional seconds argument of gmtime/localtime/ctime (omitted or None: now).
fn secs_arg(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<i64> {
    check_args(vm, name, args, kw, (0, 1), false)?;
    match args.first() {
        Some(&v) if v != vm.none => time_t(vm, v),
        _ => Ok(now_secs()),
    }
}

const DAYS_BEFORE_MONTH: [i64; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// glibc's `gmtime_r` of `secs`: (year, mon 1-12, mday, hour, min, sec, wday Monday=0, yday
/// 1-366), or EOVERFLOW when the year does not fit struct tm's int.
fn civil(vm: &mut Vm, secs: i64) -> PyResult<[i64; 8]> {
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    // days since 1970-01-01 -> civil date (Howard Hinnant's algorithm)
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    if i32::try_from(y - 1900).is_err() {
        return Err(errno_error(vm, rustix::io::Errno::OVERFLOW));
    }
    let yday = DAYS_BEFORE_MONTH[m as usize] + d + i64::from(m > 2 && is_leap(y));
    let wday = (days + 3).rem_euclid(7);
    Ok([y, m, d, rem / 3600, rem / 60 % 60, rem % 60, wday, yday])
}

/// The `struct_time` class of module `m`.
fn struct_time_class(vm: &mut Vm, m: Value) -> PyResult<*const TypeObject> {
    let c = global(vm, m, "struct_time");
    match crate::vm::object::as_type(c) {
        Some(_) => Ok(c.as_ptr::<TypeObject>() as *const TypeObject),
        None => Err(vm.type_error("time.struct_time is not a class")),
    }
}

/// The instance value of a struct_time holding its (tm_zone, tm_gmtoff): the class declares
/// `__slots__ = ()`, so the instance has no other values.
const EXTRA: usize = 0;

/// (tm_zone, tm_gmtoff) of struct_time instance `obj`.
fn extra_of(obj: Value) -> Option<[Value; 2]> {
    let e = crate::vm::object::as_instance(obj)?.value(EXTRA)?;
    as_tuple(e).filter(|t| t.len() == 2).map(|t| [t[0], t[1]])
}

/// A `cls` instance over the 9 sequence fields, with `tm_zone` and `tm_gmtoff` (`EXTRA`).
fn make_struct_time(
    vm: &mut Vm,
    cls: *const TypeObject,
    items: Vec<Value>,
    extra: [Value; 2],
) -> PyResult {
    let t = vm.new_tuple(items);
    vm.roots.push(t);
    let e = vm.new_tuple(extra.to_vec());
    vm.roots.push(e);
    let obj = crate::vm::types::subclass::new_ext_instance(vm, cls, t);
    crate::vm::types::instance::set_slot(vm, obj, EXTRA, e);
    vm.roots.truncate(vm.roots.len() - 2);
    Ok(obj)
}

/// gmtime/localtime's result: the civil time of `secs` in a zone `gmtoff` seconds east.
fn struct_tm(vm: &mut Vm, m: Value, secs: i64, zone: Value, gmtoff: i64) -> PyResult {
    let cls = struct_time_class(vm, m)?;
    let Some(local) = secs.checked_add(gmtoff) else {
        return Err(vm.overflow_error(TIME_T_RANGE));
    };
    let f = civil(vm, local)?;
    let mut items: Vec<Value> = f.iter().map(|&i| vm.new_int(i)).collect();
    items.push(vm.new_int(0));
    let off = vm.new_int(gmtoff);
    make_struct_time(vm, cls, items, [zone, off])
}

fn gmtime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let secs = secs_arg(vm, "gmtime", &args[1..], kw)?;
    let zone = vm.sname("GMT");
    struct_tm(vm, args[0], secs, zone, 0)
}

/// The zone's offset east of UTC (-timezone) and its name (tzname[0]).
fn local_zone(vm: &mut Vm, m: Value) -> PyResult<(i64, Value)> {
    let tz = global(vm, m, "timezone");
    let off = match num::index_value(vm, tz)? {
        Some(num::IntVal::Small(i)) => i.checked_neg(),
        _ => None,
    };
    let Some(off) = off else {
        return Err(vm.type_error("time.timezone must be an int"));
    };
    let names = global(vm, m, "tzname");
    let name = match as_tuple(names) {
        Some(t) if !t.is_empty() => t[0],
        _ => vm.sname("UTC"),
    };
    Ok((off, name))
}

fn localtime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let m = args[0];
    let secs = secs_arg(vm, "localtime", &args[1..], kw)?;
    let (off, name) = local_zone(vm, m)?;
    struct_tm(vm, m, secs, name, off)
}

/// `_new_struct_time(cls, seq)`: structseq_new for a list or tuple of 9 to 11 items (the
/// Python `__new__` binds the arguments and makes any other iterable a tuple).
fn new_struct_time(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "_new_struct_time", args, kw, 1, 2, 2)?;
    let (cls, seq) = (args[1], args[2]);
    if crate::vm::object::as_type(cls).is_none() {
        return Err(vm.type_error("_new_struct_time() argument 1 must be a class"));
    }
    let items: Vec<Value> = match (as_tuple(seq), crate::vm::object::as_list(seq)) {
        (Some(t), _) => t.to_vec(),
        (_, Some(l)) => l.to_vec(),
        _ => crate::vm::runtime::iter::collect(vm, seq)?,
    };
    let n = items.len();
    if n < 9 {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({n}-sequence given)"
        )));
    }
    if n > 11 {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({n}-sequence given)"
        )));
    }
    let extra = [
        items.get(9).copied().unwrap_or(vm.none),
        items.get(10).copied().unwrap_or(vm.none),
    ];
    let cls = cls.as_ptr::<TypeObject>() as *const TypeObject;
    make_struct_time(vm, cls, items[..9].to_vec(), extra)
}

const FIELDS: [&str; 11] = [
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];

/// `_struct_time_fields(cls)`: installs the read-only member descriptors of the fields.
fn struct_time_fields(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "_struct_time_fields", args, kw, 1, 1, 1)?;
    let cls = args[1];
    let mty = vm.t.member_descriptor;
    let bty = vm.t.builtin_function;
    for (i, name) in FIELDS.iter().enumerate() {
        let idx = vm.new_int(i as i64);
        let mk = |vm: &mut Vm, n: &'static str, f: BuiltinFn| {
            vm.heap.alloc(
                bty,
                crate::vm::object::BuiltinData {
                    module: Value::NULL,
                    name: n,
                    f,
                    bound: idx,
                    owner: cls,
                },
            )
        };
        let fget = mk(vm, "__get__", field_get);
        vm.roots.push(fget);
        let fset = mk(vm, "__set__", field_set);
        vm.roots.push(fset);
        let fdel = mk(vm, "__delete__", field_set);
        vm.roots.push(fdel);
        let doc = vm.intern(name);
        let d = vm.heap.alloc(
            mty,
            crate::vm::object::PropertyData {
                fget,
                fset,
                fdel,
                doc,
                name: Value::NULL,
            },
        );
        vm.roots.push(d);
        let r = crate::vm::runtime::attr::setattr(vm, cls, doc, d);
        vm.roots.truncate(vm.roots.len() - 4);
        r?;
    }
    Ok(vm.none)
}

/// A field's getter: `args` are (index, instance).
fn field_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let i = args[0].as_small_int() as usize;
    let obj = args.get(1).copied().unwrap_or(vm.none);
    check_field_owner(vm, obj, i)?;
    if i < 9 {
        let b = crate::vm::types::subclass::base_value(obj).unwrap();
        return Ok(as_tuple(b).map_or(vm.none, |t| t[i]));
    }
    Ok(extra_of(obj).map_or(vm.none, |e| e[i - 9]))
}

/// The check CPython's member descriptors make: `obj` is a struct_time (a tuple subclass
/// instance); otherwise the TypeError naming field `i`.
fn check_field_owner(vm: &mut Vm, obj: Value, i: usize) -> PyResult<()> {
    let ok = crate::vm::types::subclass::base_value(obj).is_some_and(|b| as_tuple(b).is_some())
        && type_data(vm.type_of(obj)).ext.is_some();
    if ok {
        return Ok(());
    }
    let tn = vm.type_name(obj);
    Err(vm.type_error(format!(
        "descriptor '{}' for 'time.struct_time' objects doesn't apply to a '{tn}' object",
        FIELDS[i]
    )))
}

fn field_set(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Err(vm.attribute_error("readonly attribute"))
}

/// CPython's `gettmarg` and `checktm` (when `check`): the 9 fields of a tuple as C ints
/// (`__index__`), normalized as glibc's struct tm sees them back in Python's conventions:
/// [year, mon 1-12, mday, hour, min, sec, wday Monday=0, yday 1-366, isdst].
fn tm_arg(vm: &mut Vm, t: Value, func: &str, check: bool) -> PyResult<[i64; 9]> {
    let tuple_t = vm.t.tuple;
    if !vm.isinstance(t, tuple_t) {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    }
    let b = crate::vm::types::subclass::base_value(t).unwrap_or(t);
    let items = as_tuple(b).map(|x| x.to_vec()).unwrap_or_default();
    if items.len() != 9 {
        return Err(vm.type_error(format!("{func}(): illegal time tuple argument")));
    }
    // The items are the tuple's own (rooted by it) while __index__ runs.
    let mut f = [0i64; 9];
    for (i, &v) in items.iter().enumerate() {
        if v.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        f[i] = c_int(vm, v)? as i64;
    }
    if f[0] < i32::MIN as i64 + 1900 {
        return Err(vm.overflow_error("year out of range"));
    }
    // struct tm's fields: tm_mon 0-11, tm_wday Sunday=0 (C's remainder), tm_yday 0-365.
    let (mut mon, mut mday, mut yday) = (f[1] - 1, f[2], f[7] - 1);
    let wday = (f[6] + 1) % 7;
    if check {
        let range = |vm: &mut Vm, msg: &str| Err(vm.value_error(msg));
        if mon == -1 {
            mon = 0;
        } else if !(0..=11).contains(&mon) {
            return range(vm, "month out of range");
        }
        if mday == 0 {
            mday = 1;
        } else if !(0..=31).contains(&mday) {
            return range(vm, "day of month out of range");
        }
        if !(0..=23).contains(&f[3]) {
            return range(vm, "hour out of range");
        }
        if !(0..=59).contains(&f[4]) {
            return range(vm, "minute out of range");
        }
        if !(0..=61).contains(&f[5]) {
            return range(vm, "seconds out of range");
        }
        if wday < 0 {
            return range(vm, "day of week out of range");
        }
        if yday == -1 {
            yday = 0;
        } else if !(0..=365).contains(&yday) {
            return range(vm, "day of year out of range");
        }
    }
    let wd = (wday + 6).rem_euclid(7);
    Ok([f[0], mon + 1, mday, f[3], f[4], f[5], wd, yday + 1, f[8]])
}

/// A tuple argument of strftime/asctime: omitted means the local time now.
fn tm_or_now(vm: &mut Vm, m: Value, t: Option<Value>, func: &str) -> PyResult<[i64; 9]> {
    match t {
        Some(t) => tm_arg(vm, t, func, true),
        None => {
            let (off, _) = local_zone(vm, m)?;
            let Some(s) = now_secs().checked_add(off) else {
                return Err(vm.overflow_error(TIME_T_RANGE));
            };
            let c = civil(vm, s)?;
            Ok([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], 0])
        }
    }
}

fn days_before_year(y: i64) -> i64 {
    let y = y - 1;
    y * 365 + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

fn mktime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let m = args[0];
    check_args(vm, "time.mktime", &args[1..], kw, (1, 1), true)?;
    let [y, mo, d, hh, mi, ss, ..] = tm_arg(vm, args[1], "mktime", false)?;
    let y = y + (mo - 1).div_euclid(12);
    let mo = (mo - 1).rem_euclid(12) + 1;
    let mut days = days_before_year(y) - days_before_year(1970) + DAYS_BEFORE_MONTH[mo as usize];
    days += d - 1 + i64::from(mo > 2 && is_leap(y));
    let (off, _) = local_zone(vm, m)?;
    let secs = days as i128 * 86400 + (hh * 3600 + mi * 60 + ss) as i128 - off as i128;
    Ok(Value::from_f64(secs as f64))
}

const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTH_NAMES: [&str; 13] = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// What strftime's %Z and %z print: the struct_time's own tm_zone/tm_gmtoff, else the zone's
/// (glibc prints neither when tm_isdst is negative and the tuple names no zone).
struct Zone {
    name: String,
    /// Whether `name` is the struct_time's tm_zone.
    own_name: bool,
    gmtoff: i64,
}

/// glibc's strftime over the fields `tm_arg` gives, with its flags (_ - 0 ^ #) and widths.
fn format_tm(fmt: &str, t: &[i64; 9], z: &Zone, out: &mut String) {
    use std::fmt::Write;
    let [y, mo, d, hh, mi, ss, wd, yd, isdst] = *t;
    let c: Vec<char> = fmt.chars().collect();
    let n = c.len();
    let mut i = 0;
    while i < n {
        if c[i] != '%' || i + 1 == n {
            out.push(c[i]);
            i += 1;
            continue;
        }
        let mut f = c[i + 1];
        i += 2;
        let (mut flags, mut width) = (String::new(), String::new());
        while "_-0^#".contains(f) && i < n {
            flags.push(f);
            f = c[i];
            i += 1;
        }
        while f.is_ascii_digit() && i < n {
            width.push(f);
            f = c[i];
            i += 1;
        }
        let mut s = String::new();
        let s_ref = if flags.is_empty() && width.is_empty() {
            &mut *out
        } else {
            &mut s
        };
        let dir = |s: &mut String, f: &str| format_tm(f, t, z, s);
        let _ = match f {
            'Y' => write!(s_ref, "{y}"),
            'm' => write!(s_ref, "{mo:02}"),
            'd' => write!(s_ref, "{d:02}"),
            'e' => write!(s_ref, "{d:2}"),
            'H' => write!(s_ref, "{hh:02}"),
            'I' => write!(s_ref, "{:02}", (hh + 11).rem_euclid(12) + 1),
            'M' => write!(s_ref, "{mi:02}"),
            'S' => write!(s_ref, "{ss:02}"),
            'p' => write!(s_ref, "{}", if hh < 12 { "AM" } else { "PM" }),
            'y' => write!(s_ref, "{:02}", y.rem_euclid(100)),
            'C' => write!(s_ref, "{:02}", y.div_euclid(100)),
            'j' => write!(s_ref, "{yd:03}"),
            'a' => write!(s_ref, "{}", &DAY_NAMES[wd as usize][..3]),
            'A' => write!(s_ref, "{}", DAY_NAMES[wd as usize]),
            'b' | 'h' => write!(s_ref, "{}", &MONTH_NAMES[mo as usize][..3]),
            'B' => write!(s_ref, "{}", MONTH_NAMES[mo as usize]),
            'w' => write!(s_ref, "{}", (wd + 1) % 7),
            'u' => write!(s_ref, "{}", wd + 1),
            'Z' if isdst < 0 && !z.own_name => Ok(()),
            'Z' => write!(s_ref, "{}", z.name),
            'z' if isdst < 0 => Ok(()),
            'z' => {
                let o = z.gmtoff;
                let sign = if o < 0 { '-' } else { '+' };
                write!(s_ref, "{sign}{:02}{:02}", o.abs() / 3600, o.abs() / 60 % 60)
            }
            'D' | 'x' => Ok(dir(s_ref, "%m/%d/%y")),
            'F' => Ok(dir(s_ref, "%Y-%m-%d")),
            'T' | 'X' => Ok(dir(s_ref, "%H:%M:%S")),
            'R' => Ok(dir(s_ref, "%H:%M")),
            'c' => Ok(dir(s_ref, "%a %b %e %H:%M:%S %Y")),
            'n' => write!(s_ref, "\n"),
            't' => write!(s_ref, "\t"),
            '%' => write!(s_ref, "%"),
            'U' => write!(s_ref, "{:02}", (yd + 6 - (wd + 1) % 7).div_euclid(7)),
            'W' => write!(s_ref, "{:02}", (yd + 6 - wd).div_euclid(7)),
            // glibc copies a directive it does not know.
            _ => write!(s_ref, "%{f}"),
        };
        if flags.is_empty() && width.is_empty() {
            continue;
        }
        if flags.contains('^') || (flags.contains('#') && "aAbBh".contains(f)) {
            s = s.to_uppercase();
        } else if flags.contains('#') && "pZ".contains(f) {
            s = s.to_lowercase();
        }
        let digit_first = s.starts_with(|ch: char| ch.is_ascii_digit());
        if flags.contains('-') && s.starts_with(['0', ' ']) && s.len() > 1 {
            let t = s.trim_start_matches(['0', ' ']);
            s = if t.is_empty() { "0".into() } else { t.into() };
        } else if !width.is_empty() {
            let w: usize = width.parse().unwrap_or(0);
            let pad = if flags.contains('_') || !digit_first {
                ' '
            } else {
                '0'
            };
            let len = s.chars().count();
            if w > len {
                s = std::iter::repeat(pad)
                    .take(w - len)
                    .chain(s.chars())
                    .collect();
            }
        } else if flags.contains('_') && s.starts_with('0') && s.len() > 1 {
            s.replace_range(..1, " ");
        }
        out.push_str(&s);
    }
}

/// %Z/%z of a time tuple: a struct_time's tm_zone/tm_gmtoff when set, else the local zone's.
fn zone_of(vm: &mut Vm, m: Value, t: Option<Value>) -> PyResult<Zone> {
    let (off, name) = local_zone(vm, m)?;
    let mut z = Zone {
        name: crate::vm::interp::str_of(name).to_string(),
        own_name: false,
        gmtoff: off,
    };
    let Some(t) = t else { return Ok(z) };
    let cls = struct_time_class(vm, m)?;
    if vm.type_of(t) != cls {
        return Ok(z);
    }
    if let Some([zone, gmtoff]) = extra_of(t) {
        if zone != vm.none {
            let Some(s) = crate::vm::object::as_str(zone) else {
                let tn = vm.type_name(zone);
                return Err(
                    vm.type_error(format!("bad argument type for built-in operation: {tn}"))
                );
            };
            z.name = s.s.to_string();
            z.own_name = !z.name.is_empty();
        }
        if gmtoff != vm.none {
            z.gmtoff = c_int(vm, gmtoff)? as i64;
        }
    }
    Ok(z)
}

fn strftime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let m = args[0];
    let a = &args[1..];
    if !kw.is_empty() {
        return Err(vm.type_error("strftime() takes no keyword arguments"));
    }
    if a.is_empty() || a.len() > 2 {
        let what = if a.is_empty() {
            "least 1 argument"
        } else {
            "most 2 arguments"
        };
        let n = a.len();
        return Err(vm.type_error(format!("strftime() takes at {what} ({n} given)")));
    }
    let Some(fs) = crate::vm::object::as_str(a[0]) else {
        let tn = if a[0] == vm.none {
            "None".to_string()
        } else {
            vm.type_name(a[0])
        };
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {tn}")));
    };
    let fmt = fs.s.to_string();
    let t = tm_or_now(vm, m, a.get(1).copied(), "strftime")?;
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let z = zone_of(vm, m, a.get(1).copied())?;
    let mut out = String::with_capacity(fmt.len() + 16);
    format_tm(&fmt, &t, &z, &mut out);
    Ok(vm.new_str(&out))
}

/// `asctime([t])`: "%a %b %e %H:%M:%S %Y" of a checked time tuple.
fn asctime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let m = args[0];
    let a = &args[1..];
    if !kw.is_empty() {
        return Err(vm.type_error("asctime() takes no keyword arguments"));
    }
    if a.len() > 1 {
        let n = a.len();
        return Err(vm.type_error(format!("asctime expected at most 1 argument, got {n}")));
    }
    let t = tm_or_now(vm, m, a.first().copied(), "asctime")?;
    let z = Zone {
        name: String::new(),
        own_name: false,
        gmtoff: 0,
    };
    let mut out = String::new();
    format_tm("%a %b %e %H:%M:%S %Y", &t, &z, &mut out);
    Ok(vm.new_str(&out))
}
