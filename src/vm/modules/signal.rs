//! `_signal`: operating-system signal handling. The module's Python part (`py/_signal.py`) keeps
//! the table of Python handlers; this half installs the process's handler for a signal that has
//! a Python one, and the interpreter runs the Python handlers at its next check.
//!
//! As in CPython, the C-level handler only records the signal (a flag per signal number) and
//! writes the signal number's byte to the wakeup descriptor (`signal.set_wakeup_fd`, which
//! asyncio's event loop selects on). The interpreter looks at the flags every
//! `CHECK_INTERVAL` steps (calls and backward jumps: `eval::spend_step`), when a blocking call
//! (`select`, `waitpid`, `time.sleep`) is interrupted, and right after a call that sends the
//! process a signal (`os.kill`, `signal.raise_signal`, `signal.pthread_kill`); then
//! `_signal._dispatch(signum)` calls the Python handler with the interrupted frame.
//!
//! As CPython installs it, the handler has no SA_RESTART (unless `siginterrupt(sig, False)`):
//! a blocking call the signal interrupts fails with EINTR, and the calls cpjit makes on
//! Python's behalf (`os.read`, `os.write`, `select`, `waitpid`, `time.sleep`) then run the
//! Python handlers and retry, or propagate a handler's exception (PEP 475).
//!
//! The calls into the C library this needs and no crate wraps safely (the handler itself,
//! sigaction, signal sets, itimers, strsignal) are `crate::sys`'s; alarm and pause are nix's.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use super::posix::{os_error, with_borrowed_fd};
use crate::sys::{self, Disposition, SigSet};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::BuiltinFn;
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::nargs;
use crate::vm::value::Value;

/// Signal numbers are 1..NSIG (Linux: 64 signals).
pub const NSIG: usize = 65;

/// Steps (calls and backward jumps) between two looks at the pending-signal flags.
pub const CHECK_INTERVAL: u64 = 1 << 14;

static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// `siginterrupt(sig, False)` was called: the handler is installed with SA_RESTART.
static RESTARTS: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];

/// What the process's handler (`sys`'s, for a signal with a Python handler) does: records the
/// signal for the next check and returns the wakeup descriptor (-1: none) it then writes the
/// signal's number to. Async-signal-safe: atomics only.
pub(crate) fn record(sig: i32) -> i32 {
    if (0..NSIG as i32).contains(&sig) {
        PENDING[sig as usize].store(true, Ordering::SeqCst);
    }
    ANY_PENDING.store(true, Ordering::SeqCst);
    WAKEUP_FD.load(Ordering::SeqCst)
}

/// Blocks every signal in the calling thread (the launcher thread, which only waits for the
/// interpreter's thread: signals sent to the process are then delivered to the interpreter's
/// thread, where they interrupt its blocking calls).
pub fn block_in_this_thread() {
    sys::block_all_signals_in_this_thread();
}

/// Whether a signal is waiting for its Python handler.
#[inline]
pub fn pending() -> bool {
    ANY_PENDING.load(Ordering::Relaxed)
}

/// Runs the Python handlers of the signals received since the last check (in signal-number
/// order, as CPython does). A handler's exception propagates; the signals not yet handled stay
/// pending for the next check.
pub fn check(vm: &mut Vm) -> PyResult<()> {
    if !ANY_PENDING.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for sig in 1..NSIG {
        if !PENDING[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        if let Err(e) = dispatch(vm, sig) {
            if PENDING.iter().any(|p| p.load(Ordering::SeqCst)) {
                ANY_PENDING.store(true, Ordering::SeqCst);
            }
            return Err(e);
        }
    }
    Ok(())
}

fn dispatch(vm: &mut Vm, sig: usize) -> PyResult<()> {
    let key = vm.new_str("_signal");
    let Some(m) = crate::vm::runtime::dict::dict_get_str(vm, vm.modules, key) else {
        return Ok(());
    };
    let name = vm.intern("_dispatch");
    let Some(f) = crate::vm::runtime::attr::getattr_opt(vm, m, name)? else {
        return Ok(());
    };
    let n = vm.new_int(sig as i64);
    crate::vm::runtime::call::call(vm, f, &[n], &[])?;
    Ok(())
}

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_disposition", disposition),
        ("_install", install),
        ("_set_wakeup_fd", set_wakeup_fd),
        ("_siginterrupt", siginterrupt),
        ("alarm", alarm),
        ("pause", pause),
        ("raise_signal", raise_signal),
        ("pthread_kill", pthread_kill),
        ("_pthread_sigmask", pthread_sigmask),
        ("_sigpending", sigpending),
        ("_sigwait", sigwait),
        ("_setitimer", setitimer),
        ("_getitimer", getitimer),
        ("_strsignal", strsignal),
    ];
    super::native_with_python(vm, "_signal", fns, include_str!("py/_signal.py"))
}

/// OSError (or its errno's subclass) for a failed call.
fn io_error(vm: &mut Vm, e: std::io::Error) -> Value {
    os_error(vm, e, None, None)
}

/// A signal number argument, checked as CPython checks it.
fn signum(vm: &mut Vm, v: Value, what: &str) -> PyResult<i32> {
    let n = index_of(vm, v, what)?;
    if !(1..NSIG as i64).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

/// `_disposition(sig)`: the process's current action for `sig`: 0 default, 1 ignore, 2 a
/// handler (cpjit's or one installed before it started).
fn disposition(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_disposition", a, k, 0, 1, 1)?;
    let sig = signum(vm, a[0], "_disposition")?;
    Ok(vm.new_int(match sys::disposition(sig) {
        Ok(Disposition::Default) => 0,
        Ok(Disposition::Ignore) => 1,
        Ok(Disposition::Recorded | Disposition::Foreign) => 2,
        // Signals the C library reserves (32, 33): report them as set elsewhere.
        Err(_) => 2,
    }))
}

fn install_action(sig: i32, kind: i64) -> std::io::Result<()> {
    let to = match kind {
        0 => Disposition::Default,
        1 => Disposition::Ignore,
        _ => Disposition::Recorded,
    };
    sys::set_disposition(sig, to, RESTARTS[sig as usize].load(Ordering::Relaxed))
}

/// `_install(sig, kind)`: sets the process's action for `sig` (kind 0: default, 1: ignore,
/// 2: record it for the Python handler).
fn install(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "_install", a, k, 0, 2, 2)?;
    let sig = signum(vm, a[0], "signal")?;
    let kind = index_of(vm, a[1], "signal")?;
    if let Err(e) = install_action(sig, kind) {
        return Err(os_error(vm, e, None, None));
    }
    Ok(vm.none)
}

/// `_siginterrupt(sig, flag)`: whether a system call the signal interrupts fails with EINTR
/// (True) or restarts (False); re-installs a handler already set.
fn siginterrupt(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "siginterrupt", a, k, 0, 2, 2)?;
    let sig = signum(vm, a[0], "siginterrupt")?;
    let flag = crate::vm::runtime::compare::truthy(vm, a[1])?;
    RESTARTS[sig as usize].store(!flag, Ordering::Relaxed);
    if matches!(sys::disposition(sig), Ok(Disposition::Recorded)) {
        if let Err(e) = install_action(sig, 2) {
            return Err(os_error(vm, e, None, None));
        }
    }
    Ok(vm.none)
}

/// `_set_wakeup_fd(fd)`: the descriptor the handler writes each signal's number to (-1: none);
/// returns the previous one. The descriptor must be open and non-blocking.
fn set_wakeup_fd(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "set_wakeup_fd", a, k, 0, 1, 1)?;
    let fd = index_of(vm, a[0], "set_wakeup_fd")?;
    if fd != -1 {
        if fd < 0 || fd > i32::MAX as i64 {
            return Err(vm.value_error(format!("fd {fd} is out of range")));
        }
        let flags = match with_borrowed_fd(fd, |fd| rustix::fs::fcntl_getfl(fd)) {
            Some(Ok(flags)) => flags,
            Some(Err(e)) => return Err(io_error(vm, e.into())),
            None => return Err(io_error(vm, rustix::io::Errno::BADF.into())),
        };
        if !flags.contains(rustix::fs::OFlags::NONBLOCK) {
            return Err(vm.value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    let old = WAKEUP_FD.swap(fd as i32, Ordering::SeqCst);
    Ok(vm.new_int(old as i64))
}

/// `signal.alarm(seconds)`: the seconds left of the previous alarm.
fn alarm(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "alarm", a, k, 0, 1, 1)?;
    let secs = index_of(vm, a[0], "alarm")?;
    let left = match secs.clamp(0, u32::MAX as i64) as u32 {
        0 => nix::unistd::alarm::cancel(),
        secs => nix::unistd::alarm::set(secs),
    };
    Ok(vm.new_int(left.unwrap_or(0) as i64))
}

/// `signal.pause()`: waits for a signal, then runs its Python handler.
fn pause(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "pause", a, k, 0, 0, 0)?;
    vm.flush_stdout();
    nix::unistd::pause();
    check(vm)?;
    Ok(vm.none)
}

/// `signal.raise_signal(sig)`: sends `sig` to the interpreter's thread and runs its handler.
fn raise_signal(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "raise_signal", a, k, 0, 1, 1)?;
    let sig = signum(vm, a[0], "raise_signal")?;
    if let Err(e) = sys::raise(sig) {
        return Err(io_error(vm, e));
    }
    check(vm)?;
    Ok(vm.none)
}

/// `signal.pthread_kill(thread_id, sig)`: cpjit runs one thread, whose ident is
/// `threading.get_ident()`; any other id raises ProcessLookupError (ESRCH).
fn pthread_kill(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "pthread_kill", a, k, 0, 2, 2)?;
    let tid = index_of(vm, a[0], "pthread_kill")?;
    let sig = index_of(vm, a[1], "pthread_kill")?;
    if tid != 1 {
        return Err(io_error(vm, rustix::io::Errno::SRCH.into()));
    }
    if let Err(e) = sys::pthread_kill_self(sig as i32) {
        return Err(io_error(vm, e));
    }
    check(vm)?;
    Ok(vm.none)
}

fn sigset_of(vm: &mut Vm, v: Value) -> PyResult<SigSet> {
    let mut set = SigSet::empty();
    for x in crate::vm::runtime::iter::collect(vm, v)? {
        let n = index_of(vm, x, "sigset")?;
        if !(1..NSIG as i64).contains(&n) {
            return Err(vm.value_error(format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        set.add(n as i32);
    }
    Ok(set)
}

fn list_of_sigset(vm: &mut Vm, set: &SigSet) -> Value {
    let mut out = Vec::new();
    for n in 1..NSIG as i32 {
        if set.contains(n) {
            out.push(vm.new_int(n as i64));
        }
    }
    vm.new_list(out)
}

/// `_pthread_sigmask(how, signals)`: the previous mask, as a list of signal numbers.
fn pthread_sigmask(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "pthread_sigmask", a, k, 0, 2, 2)?;
    let how = index_of(vm, a[0], "pthread_sigmask")?;
    let set = sigset_of(vm, a[1])?;
    let old = match sys::pthread_sigmask(how as i32, &set) {
        Ok(old) => old,
        Err(e) => return Err(io_error(vm, e)),
    };
    // A signal unblocked now may have been delivered already.
    check(vm)?;
    Ok(list_of_sigset(vm, &old))
}

fn sigpending(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "sigpending", a, k, 0, 0, 0)?;
    match sys::sigpending() {
        Ok(set) => Ok(list_of_sigset(vm, &set)),
        Err(e) => Err(io_error(vm, e)),
    }
}

/// `_sigwait(signals)`: waits for one of the (blocked) signals and returns its number.
fn sigwait(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "sigwait", a, k, 0, 1, 1)?;
    let set = sigset_of(vm, a[0])?;
    vm.flush_stdout();
    match sys::sigwait(&set) {
        Ok(sig) => Ok(vm.new_int(sig as i64)),
        Err(e) => Err(io_error(vm, e)),
    }
}

fn timeval(secs: f64) -> libc::timeval {
    let whole = secs.trunc();
    let mut usec = ((secs - whole) * 1e6).round() as i64;
    let mut sec = whole as i64;
    if usec >= 1_000_000 {
        sec += 1;
        usec -= 1_000_000;
    }
    // A positive time below a microsecond still arms the timer (as CPython rounds up).
    if sec == 0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval {
        tv_sec: sec,
        tv_usec: usec,
    }
}

fn secs_of(t: &libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

/// An itimer call's (delay, interval), or its errno as an int (the Python part raises
/// ItimerError).
fn itimer_result(vm: &mut Vm, r: std::io::Result<libc::itimerval>) -> PyResult {
    match r {
        Ok(v) => {
            let a = vm.new_float(secs_of(&v.it_value));
            let b = vm.new_float(secs_of(&v.it_interval));
            Ok(vm.new_tuple(vec![a, b]))
        }
        Err(e) => Ok(vm.new_int(e.raw_os_error().unwrap_or(0) as i64)),
    }
}

/// `_setitimer(which, seconds, interval)`: the previous (delay, interval); errors are
/// returned as the errno (the Python part raises ItimerError).
fn setitimer(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "setitimer", a, k, 0, 3, 3)?;
    let which = index_of(vm, a[0], "setitimer")?;
    let mut secs = [0.0; 2];
    for (i, s) in secs.iter_mut().enumerate() {
        *s = match crate::vm::runtime::num::float_of(vm, a[i + 1])? {
            Some(x) => x,
            None => {
                let tn = vm.type_name(a[i + 1]);
                return Err(vm.type_error(format!("must be real number, not {tn}")));
            }
        };
    }
    let new = libc::itimerval {
        it_value: timeval(secs[0]),
        it_interval: timeval(secs[1]),
    };
    itimer_result(vm, sys::setitimer(which as libc::c_int, &new))
}

fn getitimer(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "getitimer", a, k, 0, 1, 1)?;
    let which = index_of(vm, a[0], "getitimer")?;
    itimer_result(vm, sys::getitimer(which as libc::c_int))
}

/// `_strsignal(sig)`: the C library's description, None for an unknown signal.
fn strsignal(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "strsignal", a, k, 0, 1, 1)?;
    let sig = signum(vm, a[0], "strsignal")?;
    match sys::strsignal(sig) {
        Some(s) if !s.contains("Unknown signal") => Ok(vm.new_str_owned(s)),
        _ => Ok(vm.none),
    }
}
