//! The operating-system layer's only `unsafe`: the few C library calls that no well-kept crate
//! wraps safely for what cpjit needs. Everything else the `_signal`, `termios` and `posix`
//! (process) modules and `cpjit bench` ask of the OS goes through the safe APIs of rustix, nix
//! and errno; this module gives the rest safe functions, each block below with its `// SAFETY:`.
//!
//! Why each group cannot be safe elsewhere:
//! - The signal handler: installing a C handler (sigaction(2)) cannot be made safe by any
//!   crate (nix's and rustix's `sigaction` are `unsafe fn`s: no type can check that a handler
//!   is async-signal-safe), and querying a disposition takes the same raw struct. The handler
//!   writes the wakeup byte with write(2) on a raw descriptor number: it may not touch the
//!   `posix` module's table of open files (a `RefCell`, not async-signal-safe), so it cannot
//!   borrow a Rust-owned descriptor for rustix's safe `write`.
//! - Signal sets and the calls taking a signal number (pthread_sigmask, sigpending, sigwait,
//!   kill, killpg, raise, pthread_kill): Python accepts every signal number 1..NSIG, the
//!   realtime ones (SIGRTMIN..SIGRTMAX) included, and any pid (kill(-1, sig) too); nix's
//!   `Signal` and `SigSet` name only the classic signals, and rustix makes a realtime `Signal`
//!   only through an `unsafe` constructor and has no negative `Pid`.
//! - setitimer/getitimer, strsignal(3) and wait4(2) with its rusage: no crate wraps them
//!   (rustix's wait functions pass no rusage; nix has no itimer or strsignal).
//! - zlibVersion(3): libz-sys binds it as a raw `unsafe fn`; flate2 does not expose it.
//! - liblzma (`lzma`, below): the `_lzma` module's streams, filter chains and filter properties
//!   through lzma-sys's raw bindings, which no crate wraps for the delta filter, the properties
//!   codec or a decoder's check.

pub mod lzma;

use std::io;

/// What the process does on a signal (sigaction's `sa_handler`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// cpjit's handler: the signal is recorded for its Python handler.
    Recorded,
    /// A handler cpjit did not install (one set before it started).
    Foreign,
}

/// The process's handler for a signal with a Python handler: async-signal-safe (the atomics of
/// `signal::record` and one write(2)), errno preserved.
extern "C" fn on_signal(sig: libc::c_int) {
    let saved = errno::errno();
    let fd = crate::vm::modules::signal::record(sig);
    if fd >= 0 {
        let b = sig as u8;
        // SAFETY: write(2) is async-signal-safe and reads one byte from `b`, which outlives the
        // call. The descriptor is a number only: a closed or full one just loses the wakeup byte
        // (CPython reports that later; cpjit does not).
        unsafe {
            libc::write(fd, &b as *const u8 as *const libc::c_void, 1);
        }
    }
    errno::set_errno(saved);
}

fn on_signal_address() -> libc::sighandler_t {
    on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
}

/// The current disposition of `sig`; an error for the signals the C library reserves.
pub fn disposition(sig: i32) -> io::Result<Disposition> {
    // SAFETY: an all-zero sigaction is a valid value of that plain C struct; with a null new
    // action, sigaction(2) only fills `old`, which is valid and writable for the call.
    let old = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return Err(io::Error::last_os_error());
        }
        old
    };
    Ok(match old.sa_sigaction {
        libc::SIG_DFL => Disposition::Default,
        libc::SIG_IGN => Disposition::Ignore,
        h if h == on_signal_address() => Disposition::Recorded,
        _ => Disposition::Foreign,
    })
}

/// Sets the process's action for `sig` to the default, ignoring it, or cpjit's handler
/// (`Recorded`; `Foreign` is not a choice and installs cpjit's handler too). `restart`: with
/// SA_RESTART (system calls the signal interrupts restart instead of failing with EINTR).
pub fn set_disposition(sig: i32, to: Disposition, restart: bool) -> io::Result<()> {
    let handler = match to {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Recorded | Disposition::Foreign => on_signal_address(),
    };
    let mut flags = libc::SA_ONSTACK;
    if restart {
        flags |= libc::SA_RESTART;
    }
    // SAFETY: an all-zero sigaction is a valid value of that plain C struct; its mask is emptied
    // and its handler is SIG_DFL, SIG_IGN or `on_signal`, which is async-signal-safe.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_sigaction = handler;
        act.sa_flags = flags;
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// A set of signal numbers, realtime signals included.
pub struct SigSet(libc::sigset_t);

impl SigSet {
    pub fn empty() -> SigSet {
        // SAFETY: an all-zero sigset_t is a valid value of that plain C struct, emptied by
        // sigemptyset, which only writes it.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            SigSet(set)
        }
    }

    /// Adds `sig` (a number out of range is left out, as sigaddset(3) does with EINVAL).
    pub fn add(&mut self, sig: i32) {
        // SAFETY: `self.0` is an initialized sigset_t that sigaddset only updates.
        unsafe { libc::sigaddset(&mut self.0, sig) };
    }

    pub fn contains(&self, sig: i32) -> bool {
        // SAFETY: `self.0` is an initialized sigset_t that sigismember only reads.
        unsafe { libc::sigismember(&self.0, sig) == 1 }
    }
}

/// Blocks every signal in the calling thread.
pub fn block_all_signals_in_this_thread() {
    // SAFETY: a zeroed sigset_t filled by sigfillset; pthread_sigmask only reads it (no old
    // mask is asked for).
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// pthread_sigmask(3) on the calling thread: the previous mask.
pub fn pthread_sigmask(how: i32, set: &SigSet) -> io::Result<SigSet> {
    let mut old = SigSet::empty();
    // SAFETY: both are initialized sigset_t values; the call reads `set` and writes `old`.
    let r = unsafe { libc::pthread_sigmask(how, &set.0, &mut old.0) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(old)
}

/// sigpending(2): the signals blocked and waiting.
pub fn sigpending() -> io::Result<SigSet> {
    let mut set = SigSet::empty();
    // SAFETY: `set.0` is an initialized sigset_t that sigpending fills.
    if unsafe { libc::sigpending(&mut set.0) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(set)
}

/// sigwait(3): waits for one of the signals of `set` (blocked) and returns its number.
pub fn sigwait(set: &SigSet) -> io::Result<i32> {
    let mut sig: libc::c_int = 0;
    // SAFETY: `set.0` is an initialized sigset_t the call reads; `sig` receives the number.
    let r = unsafe { libc::sigwait(&set.0, &mut sig) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(sig)
}

/// raise(3): sends `sig` to the calling thread.
pub fn raise(sig: i32) -> io::Result<()> {
    // SAFETY: raise(3) takes a number and has no memory effects.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// pthread_kill(3) on the calling thread.
pub fn pthread_kill_self(sig: i32) -> io::Result<()> {
    // SAFETY: the calling thread's own handle, which stays valid during the call; pthread_kill
    // has no memory effects.
    let r = unsafe { libc::pthread_kill(libc::pthread_self(), sig) };
    if r != 0 {
        return Err(io::Error::from_raw_os_error(r));
    }
    Ok(())
}

/// kill(2) (`group`: killpg(3)), any pid and signal number the caller gives.
pub fn kill(pid: i32, sig: i32, group: bool) -> io::Result<()> {
    // SAFETY: kill(2) and killpg(3) take numbers and have no memory effects.
    let r = unsafe {
        if group {
            libc::killpg(pid, sig)
        } else {
            libc::kill(pid, sig)
        }
    };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// setitimer(2): arms interval timer `which`; the previous setting.
pub fn setitimer(which: i32, new: &libc::itimerval) -> io::Result<libc::itimerval> {
    // SAFETY: an all-zero itimerval is a valid value of that plain C struct; the call reads
    // `new` and writes `old`, both valid for it.
    unsafe {
        let mut old: libc::itimerval = std::mem::zeroed();
        if libc::setitimer(which as _, new, &mut old) != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(old)
    }
}

/// getitimer(2): interval timer `which`'s current setting.
pub fn getitimer(which: i32) -> io::Result<libc::itimerval> {
    // SAFETY: an all-zero itimerval is a valid value of that plain C struct, which the call
    // fills.
    unsafe {
        let mut cur: libc::itimerval = std::mem::zeroed();
        if libc::getitimer(which as _, &mut cur) != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(cur)
    }
}

/// strsignal(3): the C library's description of `sig` (None if it returns none).
pub fn strsignal(sig: i32) -> Option<String> {
    // SAFETY: strsignal returns null or a NUL-terminated string valid until the next call,
    // copied at once (cpjit calls it from one thread).
    unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned())
    }
}

/// wait4(2) on child `pid` (blocking): its wait status and resource usage. Reaps the child.
pub fn wait4(pid: i32) -> io::Result<(i32, libc::rusage)> {
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value of that plain C struct; `status` and `usage`
    // are valid and writable for the call.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::wait4(pid, &mut status, 0, &mut usage) == -1 {
            return Err(io::Error::last_os_error());
        }
        Ok((status, usage))
    }
}

/// The version of the libz cpjit is linked to (flate2's backend): `zlib.ZLIB_RUNTIME_VERSION`.
pub fn zlib_version() -> String {
    // SAFETY: zlibVersion() takes no arguments and returns a pointer to a NUL-terminated string
    // constant in the library, valid for the life of the process.
    let p = unsafe { libz_sys::zlibVersion() };
    // SAFETY: as above: non-null, NUL-terminated and never freed.
    unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned()
}
