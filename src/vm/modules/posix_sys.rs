//! posix's system information and process calls: `uname` (nix), `times` (getrusage(2) for the
//! CPU times, the monotonic clock for the elapsed time: both count from a fixed point as times(2)
//! does, at a finer grain), `getloadavg` (/proc/loadavg, what the C library's reads), `system`
//! (`/bin/sh -c`, the wait status as system(3) returns it), and the flag constants CPython's
//! module defines on Linux. Without `uname`, `platform.system()` said 'linux' and
//! `platform.machine()` ''.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::types::nargs;
use crate::vm::value::Value;

use super::posix::{fs_encode, fs_str, os_error};

pub fn install(vm: &mut Vm, m: Value) {
    let fns: [(&'static str, BuiltinFn); 4] = [
        ("uname", uname),
        ("times", times),
        ("getloadavg", getloadavg),
        ("system", system),
    ];
    for (name, f) in fns {
        super::def(vm, m, name, f);
    }
    let consts: &[(&str, i64)] = &[
        ("O_ACCMODE", libc::O_ACCMODE as i64),
        ("O_ASYNC", libc::O_ASYNC as i64),
        ("O_DIRECT", libc::O_DIRECT as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_DSYNC", libc::O_DSYNC as i64),
        ("O_FSYNC", libc::O_FSYNC as i64),
        ("O_LARGEFILE", libc::O_LARGEFILE as i64),
        ("O_NDELAY", libc::O_NDELAY as i64),
        ("O_NOATIME", libc::O_NOATIME as i64),
        ("O_NOCTTY", libc::O_NOCTTY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_PATH", libc::O_PATH as i64),
        ("O_RSYNC", libc::O_RSYNC as i64),
        ("O_SYNC", libc::O_SYNC as i64),
        ("O_TMPFILE", libc::O_TMPFILE as i64),
        ("SEEK_DATA", libc::SEEK_DATA as i64),
        ("SEEK_HOLE", libc::SEEK_HOLE as i64),
        ("WCONTINUED", libc::WCONTINUED as i64),
        ("WUNTRACED", libc::WUNTRACED as i64),
        ("WEXITED", libc::WEXITED as i64),
        ("WSTOPPED", libc::WSTOPPED as i64),
        ("WNOWAIT", libc::WNOWAIT as i64),
        ("CLD_EXITED", libc::CLD_EXITED as i64),
        ("CLD_KILLED", libc::CLD_KILLED as i64),
        ("CLD_DUMPED", libc::CLD_DUMPED as i64),
        ("CLD_TRAPPED", libc::CLD_TRAPPED as i64),
        ("CLD_STOPPED", libc::CLD_STOPPED as i64),
        ("CLD_CONTINUED", libc::CLD_CONTINUED as i64),
        ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
        ("PRIO_PGRP", libc::PRIO_PGRP as i64),
        ("PRIO_USER", libc::PRIO_USER as i64),
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
        ("NGROUPS_MAX", 65536),
        ("TMP_MAX", 238328),
    ];
    for &(name, v) in consts {
        let i = vm.new_int(v);
        super::set_attr(vm, m, name, i);
    }
}

/// The Python part: the result types (struct sequences, as `os.uname_result` and
/// `os.times_result` are in CPython).
pub const SRC: &str = r#"
from _cpjit_structseq import structseq as _structseq
uname_result = _structseq('posix', 'uname_result',
                          ('sysname', 'nodename', 'release', 'version', 'machine'))
times_result = _structseq('posix', 'times_result',
                          ('user', 'system', 'children_user', 'children_system', 'elapsed'))
del _structseq
"#;

fn uname(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    use std::os::unix::ffi::OsStrExt;
    nargs(vm, "posix.uname", a, k, 0, 0, 0)?;
    let u = nix::sys::utsname::uname()
        .map_err(|e| os_error(vm, std::io::Error::from(e), None, None))?;
    let mut items = Vec::with_capacity(5);
    for s in [
        u.sysname(),
        u.nodename(),
        u.release(),
        u.version(),
        u.machine(),
    ] {
        let v = fs_str(vm, s.as_bytes())?;
        vm.roots.push(v);
        items.push(v);
    }
    vm.roots.truncate(vm.roots.len() - 5);
    super::struct_seq(vm, "posix", "uname_result", items)
}

fn times(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    use nix::sys::resource::{getrusage, UsageWho};
    nargs(vm, "posix.times", a, k, 0, 0, 0)?;
    let secs = |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 * 1e-6;
    let own = getrusage(UsageWho::RUSAGE_SELF).map_err(|e| os_error(vm, e.into(), None, None))?;
    let children =
        getrusage(UsageWho::RUSAGE_CHILDREN).map_err(|e| os_error(vm, e.into(), None, None))?;
    let now = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
    let items = vec![
        Value::from_f64(secs(own.user_time())),
        Value::from_f64(secs(own.system_time())),
        Value::from_f64(secs(children.user_time())),
        Value::from_f64(secs(children.system_time())),
        Value::from_f64(now.tv_sec as f64 + now.tv_nsec as f64 * 1e-9),
    ];
    super::struct_seq(vm, "posix", "times_result", items)
}

fn getloadavg(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "posix.getloadavg", a, k, 0, 0, 0)?;
    let loads: Option<Vec<f64>> = std::fs::read_to_string("/proc/loadavg").ok().and_then(|s| {
        let v: Vec<f64> = s
            .split_whitespace()
            .take(3)
            .filter_map(|x| x.parse().ok())
            .collect();
        (v.len() == 3).then_some(v)
    });
    match loads {
        Some(v) => Ok(vm.new_tuple(v.into_iter().map(Value::from_f64).collect())),
        None => Err(vm.err("OSError", "Load averages are unobtainable")),
    }
}

/// `system(command)`: the command run by `/bin/sh -c`, its wait status (as `waitpid` gives it:
/// `waitstatus_to_exitcode` decodes it); 127 << 8 when the shell cannot be run, as system(3).
fn system(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::process::ExitStatusExt;
    let cmd = super::clinic_one_arg(vm, a, k, "system", "command")?;
    let path = super::posix::fspath(vm, cmd, None)?;
    let bytes = match as_str(path) {
        Some(s) => fs_encode(vm, &s.s)?,
        None => as_bytes(path).map(|b| b.to_vec()).unwrap_or_default(),
    };
    if bytes.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    // The child writes to the same descriptor. Under -u CPython has written everything printed
    // so far, which cpjit still holds: it goes first. Buffered, CPython's buffer keeps it (up to
    // 8 KiB) until later, so the shell's output comes first, as here.
    if crate::vm::builtins::stdio::writes_through(vm, 1) {
        vm.flush_stdout();
    }
    let status = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(std::ffi::OsStr::from_bytes(&bytes))
        .status();
    let raw = match status {
        Ok(s) => s.into_raw() as i64,
        Err(_) => 127 << 8,
    };
    crate::vm::modules::signal::check(vm)?;
    Ok(vm.new_int(raw))
}
