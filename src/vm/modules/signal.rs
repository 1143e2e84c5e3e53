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

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use super::posix::os_error;
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

/// The process's handler for a signal with a Python handler: async-signal-safe (atomics and
/// one write(2)), errno preserved.
extern "C" fn on_signal(sig: libc::c_int) {
    // SAFETY: errno is thread-local; reading and restoring it is async-signal-safe.
    let saved = unsafe { *libc::__errno_location() };
    if (sig as usize) < NSIG {
        PENDING[sig as usize].store(true, Ordering::SeqCst);
    }
    ANY_PENDING.store(true, Ordering::SeqCst);
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let b = sig as u8;
        // SAFETY: write(2) is async-signal-safe; `b` outlives the call. A full or closed
        // descriptor only loses the wakeup byte (CPython reports it later; cpjit does not).
        unsafe {
            libc::write(fd, &b as *const u8 as *const libc::c_void, 1);
        }
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

/// Blocks every signal in the calling thread (the launcher thread, which only waits for the
/// interpreter's thread: signals sent to the process are then delivered to the interpreter's
/// thread, where they interrupt its blocking calls).
pub fn block_in_this_thread() {
    // SAFETY: a zeroed sigset_t filled by sigfillset; pthread_sigmask only reads it.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
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

/// OSError (or its errno's subclass) for a pthread call's error number.
fn errno_error(vm: &mut Vm, code: i32) -> Value {
    os_error(vm, std::io::Error::from_raw_os_error(code), None, None)
}

fn last_os_error(vm: &mut Vm) -> Value {
    os_error(vm, std::io::Error::last_os_error(), None, None)
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
    // SAFETY: querying only (null new action); `old` is a zeroed sigaction the call fills.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) };
    if r != 0 {
        // Signals the C library reserves (32, 33): report them as set elsewhere.
        return Ok(vm.new_int(2));
    }
    Ok(vm.new_int(match old.sa_sigaction {
        libc::SIG_DFL => 0,
        libc::SIG_IGN => 1,
        _ => 2,
    }))
}

fn install_action(sig: i32, kind: i64) -> std::io::Result<()> {
    // SAFETY: a zeroed sigaction with an empty mask and one of SIG_DFL, SIG_IGN or `on_signal`
    // (async-signal-safe) as its handler.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_sigaction = match kind {
            0 => libc::SIG_DFL,
            1 => libc::SIG_IGN,
            _ => on_signal as extern "C" fn(libc::c_int) as usize,
        };
        act.sa_flags = libc::SA_ONSTACK;
        if RESTARTS[sig as usize].load(Ordering::Relaxed) {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
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
    // SAFETY: querying the current action only.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) } == 0
        && old.sa_sigaction == on_signal as extern "C" fn(libc::c_int) as usize
    {
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
        // SAFETY: fcntl(F_GETFL) only reads the descriptor's flags.
        let flags = unsafe { libc::fcntl(fd as i32, libc::F_GETFL) };
        if flags < 0 {
            return Err(last_os_error(vm));
        }
        if flags & libc::O_NONBLOCK == 0 {
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
    // SAFETY: alarm(2) has no memory effects.
    let left = unsafe { libc::alarm(secs.clamp(0, u32::MAX as i64) as u32) };
    Ok(vm.new_int(left as i64))
}

/// `signal.pause()`: waits for a signal, then runs its Python handler.
fn pause(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "pause", a, k, 0, 0, 0)?;
    vm.flush_stdout();
    // SAFETY: pause(2) has no memory effects.
    unsafe { libc::pause() };
    check(vm)?;
    Ok(vm.none)
}

/// `signal.raise_signal(sig)`: sends `sig` to the interpreter's thread and runs its handler.
fn raise_signal(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "raise_signal", a, k, 0, 1, 1)?;
    let sig = signum(vm, a[0], "raise_signal")?;
    // SAFETY: raise(3) has no memory effects.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(last_os_error(vm));
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
        return Err(errno_error(vm, libc::ESRCH));
    }
    // SAFETY: the calling thread's own handle.
    let r = unsafe { libc::pthread_kill(libc::pthread_self(), sig as i32) };
    if r != 0 {
        return Err(errno_error(vm, r));
    }
    check(vm)?;
    Ok(vm.none)
}

fn sigset_of(vm: &mut Vm, v: Value) -> PyResult<libc::sigset_t> {
    // SAFETY: a zeroed sigset_t emptied by sigemptyset, then filled by sigaddset.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    for x in crate::vm::runtime::iter::collect(vm, v)? {
        let n = index_of(vm, x, "sigset")?;
        if !(1..NSIG as i64).contains(&n) {
            return Err(vm.value_error(format!("signal number {n} out of range [1; {}]", NSIG - 1)));
        }
        unsafe { libc::sigaddset(&mut set, n as i32) };
    }
    Ok(set)
}

fn list_of_sigset(vm: &mut Vm, set: &libc::sigset_t) -> Value {
    let mut out = Vec::new();
    for n in 1..NSIG as i32 {
        // SAFETY: `set` is an initialized sigset_t.
        if unsafe { libc::sigismember(set, n) } == 1 {
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
    // SAFETY: both sets are initialized sigset_t values.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::pthread_sigmask(how as i32, &set, &mut old) };
    if r != 0 {
        return Err(errno_error(vm, r));
    }
    // A signal unblocked now may have been delivered already.
    check(vm)?;
    Ok(list_of_sigset(vm, &old))
}

fn sigpending(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "sigpending", a, k, 0, 0, 0)?;
    // SAFETY: sigpending fills an initialized sigset_t.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(last_os_error(vm));
    }
    Ok(list_of_sigset(vm, &set))
}

/// `_sigwait(signals)`: waits for one of the (blocked) signals and returns its number.
fn sigwait(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "sigwait", a, k, 0, 1, 1)?;
    let set = sigset_of(vm, a[0])?;
    vm.flush_stdout();
    let mut sig: libc::c_int = 0;
    // SAFETY: `set` is initialized; `sig` receives the signal number.
    let r = unsafe { libc::sigwait(&set, &mut sig) };
    if r != 0 {
        return Err(errno_error(vm, r));
    }
    Ok(vm.new_int(sig as i64))
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

fn itimer_pair(vm: &mut Vm, v: &libc::itimerval) -> Value {
    let a = vm.new_float(secs_of(&v.it_value));
    let b = vm.new_float(secs_of(&v.it_interval));
    vm.new_tuple(vec![a, b])
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
    // SAFETY: both are initialized itimerval values.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which as libc::c_int as _, &new, &mut old) } != 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Ok(vm.new_int(e as i64));
    }
    Ok(itimer_pair(vm, &old))
}

fn getitimer(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "getitimer", a, k, 0, 1, 1)?;
    let which = index_of(vm, a[0], "getitimer")?;
    // SAFETY: getitimer fills an initialized itimerval.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which as libc::c_int as _, &mut cur) } != 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Ok(vm.new_int(e as i64));
    }
    Ok(itimer_pair(vm, &cur))
}

/// `_strsignal(sig)`: the C library's description, None for an unknown signal.
fn strsignal(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "strsignal", a, k, 0, 1, 1)?;
    let sig = signum(vm, a[0], "strsignal")?;
    // SAFETY: strsignal returns a NUL-terminated string valid until the next call, copied at
    // once (cpjit calls it from one thread).
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(vm.none);
    }
    let s = unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned();
    if s.contains("Unknown signal") {
        return Ok(vm.none);
    }
    Ok(vm.new_str_owned(s))
}
