//! Child processes: `_posixsubprocess.fork_exec` (what `subprocess.Popen` calls on POSIX),
//! `posix.waitpid`, and the `select` module's `select()`.
//!
//! cpjit starts children through std's `Command` rather than a raw fork: the pipes and files
//! `subprocess` hands over become the child's standard streams; `waitpid` is the system call
//! itself, so any child can be waited for (a process group, any child). What `fork_exec`
//! cannot do that way
//! (a `preexec_fn`, `pass_fds`, a umask, `setsid`, supplementary groups) raises
//! NotImplementedError naming it.

use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

use super::posix::{dup_fd, os_error, path_arg};
use super::{def, set_attr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::runtime::iter::collect;
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::nargs;
use crate::vm::value::Value;

pub fn create_posixsubprocess(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_posixsubprocess");
    vm.roots.push(m);
    def(vm, m, "fork_exec", fork_exec);
    vm.roots.pop();
    Ok(m)
}

/// An argv item or path: str, bytes or os.PathLike, as the OS sees it.
fn os_string(vm: &mut Vm, v: Value, what: &str) -> PyResult<std::ffi::OsString> {
    let (p, _) = path_arg(vm, v, "fork_exec", what)?;
    Ok(p.into_os_string())
}

/// The child's end of one standard stream: descriptor `fd` (-1: inherit the parent's).
fn stdio_for(vm: &mut Vm, fd: i64) -> PyResult<Stdio> {
    if fd < 0 {
        return Ok(Stdio::inherit());
    }
    match dup_fd(fd) {
        Some(Ok(o)) => Ok(Stdio::from(o)),
        Some(Err(e)) => Err(os_error(vm, e, None, None)),
        None => Err(os_error(
            vm,
            std::io::Error::from_raw_os_error(9),
            None,
            None,
        )),
    }
}

fn unsupported(vm: &mut Vm, what: &str) -> Value {
    vm.not_implemented(format!("subprocess with {what}"))
}

/// `fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list, p2cread, p2cwrite,
/// c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals,
/// call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn, allow_vfork)`:
/// starts the child and returns its pid. An exec failure raises the OSError the child would
/// have reported through the error pipe (errno, message, the executable as given).
fn fork_exec(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "fork_exec", args, kw, 0, 23, 23)?;
    let none = vm.none;
    let argv: Vec<std::ffi::OsString> = if args[0] == none {
        Vec::new()
    } else {
        let items = collect(vm, args[0])?;
        let mut v = Vec::with_capacity(items.len());
        for x in items {
            v.push(os_string(vm, x, "args")?);
        }
        v
    };
    let mut exes = Vec::new();
    for x in collect(vm, args[1])? {
        exes.push(os_string(vm, x, "executable_list")?);
    }
    let errpipe_write = index_of(vm, args[13], "fork_exec")?;
    for k in collect(vm, args[3])? {
        if index_of(vm, k, "fork_exec")? != errpipe_write {
            return Err(unsupported(vm, "pass_fds"));
        }
    }
    let cwd = if args[4] == none {
        None
    } else {
        Some(os_string(vm, args[4], "cwd")?)
    };
    let env: Option<Vec<(std::ffi::OsString, std::ffi::OsString)>> = if args[5] == none {
        None
    } else {
        let mut v = Vec::new();
        for x in collect(vm, args[5])? {
            let s = os_string(vm, x, "env")?;
            let b = s.as_bytes();
            let Some(eq) = b.iter().position(|&c| c == b'=') else {
                continue;
            };
            v.push((
                std::ffi::OsStr::from_bytes(&b[..eq]).to_os_string(),
                std::ffi::OsStr::from_bytes(&b[eq + 1..]).to_os_string(),
            ));
        }
        Some(v)
    };
    let fds: Vec<i64> = [6, 9, 11]
        .iter()
        .map(|&i| index_of(vm, args[i], "fork_exec"))
        .collect::<PyResult<_>>()?;
    let truthy = |vm: &mut Vm, v: Value| crate::vm::runtime::compare::truthy(vm, v);
    if truthy(vm, args[15])? {
        return Err(unsupported(vm, "start_new_session"));
    }
    let pgid = index_of(vm, args[16], "fork_exec")?;
    let gid = if args[17] == none {
        None
    } else {
        Some(index_of(vm, args[17], "fork_exec")? as u32)
    };
    if args[18] != none {
        return Err(unsupported(vm, "extra_groups"));
    }
    let uid = if args[19] == none {
        None
    } else {
        Some(index_of(vm, args[19], "fork_exec")? as u32)
    };
    if index_of(vm, args[20], "fork_exec")? >= 0 {
        return Err(unsupported(vm, "umask"));
    }
    if args[21] != none {
        return Err(unsupported(vm, "preexec_fn"));
    }
    // Try each candidate path as execvpe does: the first error other than "not found" is the
    // one reported, else the last.
    let mut saved: Option<std::io::Error> = None;
    let mut last: Option<std::io::Error> = None;
    for exe in &exes {
        let mut cmd = Command::new(exe);
        if let Some(a0) = argv.first() {
            cmd.arg0(a0);
        }
        cmd.args(argv.iter().skip(1));
        if let Some(env) = &env {
            cmd.env_clear();
            cmd.envs(env.iter().map(|(k, v)| (k, v)));
        }
        if let Some(d) = &cwd {
            cmd.current_dir(d);
        }
        if pgid >= 0 {
            cmd.process_group(pgid as i32);
        }
        if let Some(g) = gid {
            cmd.gid(g);
        }
        if let Some(u) = uid {
            cmd.uid(u);
        }
        cmd.stdin(stdio_for(vm, fds[0])?);
        cmd.stdout(stdio_for(vm, fds[1])?);
        cmd.stderr(stdio_for(vm, fds[2])?);
        match cmd.spawn() {
            Ok(child) => {
                // Dropping the handle neither waits for nor kills the child: `waitpid` reaps it.
                return Ok(vm.new_int(child.id() as i64));
            }
            Err(e) => {
                let code = e.raw_os_error().unwrap_or(0);
                if saved.is_none() && code != 2 && code != 20 {
                    saved = Some(std::io::Error::from_raw_os_error(code));
                }
                last = Some(e);
            }
        }
    }
    let e = saved
        .or(last)
        .unwrap_or_else(|| std::io::Error::from_raw_os_error(2));
    // subprocess names the executable as it was given: the path when it had a directory part
    // (then it is the only candidate), else the bare name.
    let shown = match exes.as_slice() {
        [one] => one.clone(),
        [first, ..] => std::path::Path::new(first)
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default(),
        [] => std::ffi::OsString::new(),
    };
    let name = vm.new_str(&shown.to_string_lossy());
    Err(os_error(vm, e, Some(name), None))
}

/// `os.waitpid(pid, options)`: waitpid(2), (pid, wait status); an interrupted wait runs the
/// signal handlers and waits again (PEP 475).
pub fn waitpid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "waitpid", args, kw, 0, 2, 2)?;
    let pid = index_of(vm, args[0], "waitpid")?;
    let options = index_of(vm, args[1], "waitpid")?;
    let (Ok(pid), Ok(options)) = (i32::try_from(pid), i32::try_from(options)) else {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    };
    if options & libc::WNOHANG == 0 {
        vm.flush_stdout();
    }
    loop {
        match wait_for(pid, options) {
            Ok(r) => {
                let (p, s) = r.map_or((0, 0), |(p, s)| (p.as_raw_pid(), s.as_raw()));
                let (p, s) = (vm.new_int(p as i64), vm.new_int(s as i64));
                return Ok(vm.new_tuple(vec![p, s]));
            }
            Err(rustix::io::Errno::INTR) => super::signal::check(vm)?,
            Err(e) => return Err(os_error(vm, e.into(), None, None)),
        }
    }
}

/// waitpid(2) with the pid's every meaning: a child (> 0), any child of the process group
/// (0), any child (-1), any child of group -pid (< -1). None: WNOHANG and no child to report.
fn wait_for(
    pid: i32,
    options: i32,
) -> rustix::io::Result<Option<(rustix::process::Pid, rustix::process::WaitStatus)>> {
    use rustix::process::{Pid, WaitOptions};
    let options = WaitOptions::from_bits_retain(options as u32);
    match pid {
        -1 => rustix::process::wait(options),
        0 => rustix::process::waitpid(None, options),
        // The kernel's answer to a group that cannot be negated.
        i32::MIN => Err(rustix::io::Errno::SRCH),
        p => match Pid::from_raw(p.abs()) {
            Some(child) if p > 0 => rustix::process::waitpid(Some(child), options),
            Some(group) => rustix::process::waitpgid(group, options),
            None => unreachable!("pid 0 is matched above"),
        },
    }
}

/// `os.kill(pid, sig)` (`killpg`: to a process group); a signal sent to this process has its
/// handler run before the call returns.
pub fn kill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    send_signal(vm, args, kw, "kill", false)
}

pub fn killpg(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    send_signal(vm, args, kw, "killpg", true)
}

fn send_signal(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, group: bool) -> PyResult {
    nargs(vm, name, args, kw, 0, 2, 2)?;
    let pid = index_of(vm, args[0], name)?;
    let sig = index_of(vm, args[1], name)?;
    let (Ok(pid), Ok(sig)) = (i32::try_from(pid), i32::try_from(sig)) else {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    };
    if let Err(e) = crate::sys::kill(pid, sig, group) {
        return Err(os_error(vm, e, None, None));
    }
    super::signal::check(vm)?;
    Ok(vm.none)
}

pub fn create_select(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("select");
    vm.roots.push(m);
    def(vm, m, "select", select);
    let oserr = Value::from_ptr(vm.t.exc("OSError"));
    set_attr(vm, m, "error", oserr);
    let pb = vm.new_int(4096);
    set_attr(vm, m, "PIPE_BUF", pb);
    vm.roots.pop();
    Ok(m)
}

/// A select() list item's descriptor: an int, or what its `fileno()` returns.
fn fileno_of(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if crate::vm::runtime::num::int_of(v).is_some() {
        let fd = index_of(vm, v, "select")?;
        if fd < 0 {
            return Err(vm.value_error(format!(
                "file descriptor cannot be a negative integer ({fd})"
            )));
        }
        return Ok(fd);
    }
    let k = vm.intern("fileno");
    let Some(f) = crate::vm::runtime::attr::getattr_opt(vm, v, k)? else {
        return Err(vm.type_error("argument must be an int, or have a fileno() method."));
    };
    let r = crate::vm::runtime::call::call(vm, f, &[], &[])?;
    if crate::vm::runtime::num::int_of(r).is_none() {
        return Err(vm.type_error("fileno() returned a non-integer"));
    }
    fileno_of(vm, r)
}

/// `select.select(rlist, wlist, xlist[, timeout])`, through poll(2).
fn select(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    nargs(vm, "select", args, kw, 0, 3, 4)?;
    let timeout = match args.get(3) {
        None => None,
        Some(&t) if t == vm.none => None,
        Some(&t) => {
            let Some(secs) = crate::vm::runtime::num::float_of(vm, t)? else {
                return Err(vm.type_error("timeout must be a float or None"));
            };
            if secs < 0.0 {
                return Err(vm.value_error("timeout must be non-negative"));
            }
            Some(secs)
        }
    };
    let mut lists: [Vec<(Value, i64)>; 3] = Default::default();
    for (i, list) in lists.iter_mut().enumerate() {
        for v in collect(vm, args[i])? {
            let fd = fileno_of(vm, v)?;
            list.push((v, fd));
        }
    }
    let wanted = [PollFlags::IN, PollFlags::OUT, PollFlags::PRI];
    // Each descriptor is polled through a duplicate (the same open file), owned here.
    let mut owned = Vec::new();
    let mut which = Vec::new();
    for (i, list) in lists.iter().enumerate() {
        for (j, &(_, fd)) in list.iter().enumerate() {
            match dup_fd(fd) {
                Some(Ok(o)) => owned.push(o),
                Some(Err(e)) => return Err(os_error(vm, e, None, None)),
                None => {
                    return Err(os_error(
                        vm,
                        std::io::Error::from_raw_os_error(9),
                        None,
                        None,
                    ))
                }
            }
            which.push((i, j));
        }
    }
    let mut pfds: Vec<PollFd<'_>> = owned
        .iter()
        .zip(&which)
        .map(|(o, &(i, _))| PollFd::new(o, wanted[i]))
        .collect();
    let ts = timeout.map(|s| Timespec {
        tv_sec: s.trunc() as i64,
        tv_nsec: ((s.fract() * 1e9) as i64).min(999_999_999),
    });
    let deadline =
        timeout.map(|s| std::time::Instant::now() + std::time::Duration::from_secs_f64(s.min(1e9)));
    let mut ts = ts;
    loop {
        match poll(&mut pfds, ts.as_ref()) {
            Ok(_) => break,
            Err(e) if e == rustix::io::Errno::INTR => {
                // PEP 475: run the signal handlers, then wait out the rest of the timeout.
                super::signal::check(vm)?;
                if let Some(d) = deadline {
                    let left = d.saturating_duration_since(std::time::Instant::now());
                    ts = Some(Timespec {
                        tv_sec: left.as_secs() as i64,
                        tv_nsec: left.subsec_nanos() as i64,
                    });
                }
            }
            Err(e) => {
                let e = std::io::Error::from_raw_os_error(e.raw_os_error());
                return Err(os_error(vm, e, None, None));
            }
        }
    }
    let mut out: [Vec<Value>; 3] = Default::default();
    for (p, &(i, j)) in pfds.iter().zip(&which) {
        let got = p.revents();
        let ready = match i {
            0 => got.intersects(PollFlags::IN | PollFlags::HUP | PollFlags::ERR),
            1 => got.intersects(PollFlags::OUT | PollFlags::ERR),
            _ => got.intersects(PollFlags::PRI),
        };
        if ready {
            out[i].push(lists[i][j].0);
        }
    }
    let [r, w, x] = out;
    let (r, w, x) = (vm.new_list(r), vm.new_list(w), vm.new_list(x));
    Ok(vm.new_tuple(vec![r, w, x]))
}
