//! `fcntl`: the descriptor commands rustix wraps — F_GETFD/F_SETFD, F_GETFL/F_SETFL,
//! F_DUPFD/F_DUPFD_CLOEXEC, F_GET_SEALS/F_ADD_SEALS — and `flock`, on descriptors from posix's
//! table (no `unsafe`: rustix takes a borrowed descriptor). What would need the raw call (record
//! locks through a `struct flock` buffer, `lockf`, `ioctl`, other commands) raises
//! NotImplementedError naming it. Arguments and messages are CPython's (`fcntlmodule.c`).

use rustix::fs::{FlockOperation, OFlags, SealFlags};
use rustix::io::FdFlags;
use std::os::fd::BorrowedFd;

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call::call;
use crate::vm::runtime::num::index_c;
use crate::vm::value::Value;

use super::posix::{adopt_fd, os_error, with_borrowed_fd};

const CONSTANTS: &[(&str, i64)] = &[
    ("DN_ACCESS", 1),
    ("DN_ATTRIB", 32),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_MODIFY", 2),
    ("DN_MULTISHOT", 2147483648),
    ("DN_RENAME", 16),
    ("FASYNC", libc::O_ASYNC as i64),
    ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
    ("F_ADD_SEALS", libc::F_ADD_SEALS as i64),
    ("F_DUPFD", libc::F_DUPFD as i64),
    ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
    ("F_EXLCK", 4),
    ("F_GETFD", libc::F_GETFD as i64),
    ("F_GETFL", libc::F_GETFL as i64),
    ("F_GETLEASE", libc::F_GETLEASE as i64),
    ("F_GETLK", libc::F_GETLK as i64),
    ("F_GETLK64", libc::F_GETLK as i64),
    ("F_GETOWN", libc::F_GETOWN as i64),
    ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ as i64),
    ("F_GETSIG", 11),
    ("F_GET_SEALS", libc::F_GET_SEALS as i64),
    ("F_NOTIFY", libc::F_NOTIFY as i64),
    ("F_OFD_GETLK", libc::F_OFD_GETLK as i64),
    ("F_OFD_SETLK", libc::F_OFD_SETLK as i64),
    ("F_OFD_SETLKW", libc::F_OFD_SETLKW as i64),
    ("F_RDLCK", libc::F_RDLCK as i64),
    ("F_SEAL_GROW", libc::F_SEAL_GROW as i64),
    ("F_SEAL_SEAL", libc::F_SEAL_SEAL as i64),
    ("F_SEAL_SHRINK", libc::F_SEAL_SHRINK as i64),
    ("F_SEAL_WRITE", libc::F_SEAL_WRITE as i64),
    ("F_SETFD", libc::F_SETFD as i64),
    ("F_SETFL", libc::F_SETFL as i64),
    ("F_SETLEASE", libc::F_SETLEASE as i64),
    ("F_SETLK", libc::F_SETLK as i64),
    ("F_SETLK64", libc::F_SETLK as i64),
    ("F_SETLKW", libc::F_SETLKW as i64),
    ("F_SETLKW64", libc::F_SETLKW as i64),
    ("F_SETOWN", libc::F_SETOWN as i64),
    ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ as i64),
    ("F_SETSIG", 10),
    ("F_SHLCK", 8),
    ("F_UNLCK", libc::F_UNLCK as i64),
    ("F_WRLCK", libc::F_WRLCK as i64),
    ("LOCK_EX", libc::LOCK_EX as i64),
    ("LOCK_MAND", 32),
    ("LOCK_NB", libc::LOCK_NB as i64),
    ("LOCK_READ", 64),
    ("LOCK_RW", 192),
    ("LOCK_SH", libc::LOCK_SH as i64),
    ("LOCK_UN", libc::LOCK_UN as i64),
    ("LOCK_WRITE", 128),
];

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("fcntl");
    vm.roots.push(m);
    let fns: [(&'static str, BuiltinFn); 4] = [
        ("fcntl", fcntl),
        ("flock", flock),
        ("lockf", |vm, _, _| {
            Err(unsupported(vm, "fcntl.lockf() (POSIX record locks)"))
        }),
        ("ioctl", |vm, _, _| Err(unsupported(vm, "fcntl.ioctl()"))),
    ];
    for (name, f) in fns {
        super::def(vm, m, name, f);
    }
    for &(name, v) in CONSTANTS {
        let i = vm.new_int(v);
        super::set_attr(vm, m, name, i);
    }
    let doc = vm.new_str(
        "This module performs file control and I/O control on file\n\
         descriptors.  It is an interface to the fcntl() and ioctl() Unix\n\
         routines.  File descriptors can be obtained with the fileno() method of\n\
         a file or socket object.",
    );
    super::set_attr(vm, m, "__doc__", doc);
    vm.roots.pop();
    Ok(m)
}

fn unsupported(vm: &mut Vm, what: &str) -> Value {
    vm.err(
        "NotImplementedError",
        format!("cpjit does not support {what}"),
    )
}

/// The `fd` argument: an int, or an object whose `fileno()` gives one (CPython's
/// `PyObject_AsFileDescriptor`).
fn fd_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let fd = if crate::vm::runtime::num::is_int(v) {
        v
    } else {
        let k = vm.intern("fileno");
        match crate::vm::runtime::attr::getattr_opt(vm, v, k)? {
            Some(m) => call(vm, m, &[], &[])?,
            None => {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."))
            }
        }
    };
    let n = index_c(vm, fd, "int", |n| i32::try_from(n).is_ok())?;
    if n < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({n})"
        )));
    }
    Ok(n)
}

fn bad_fd(vm: &mut Vm) -> Value {
    os_error(
        vm,
        std::io::Error::from_raw_os_error(libc::EBADF),
        None,
        None,
    )
}

/// The module's argument check: keywords refused naming the module (`fcntl.flock()`), counts as
/// Argument Clinic words them (`flock expected 2 arguments, got 1`: `types::nargs`).
fn check_count(
    vm: &mut Vm,
    name: &str,
    a: &[Value],
    k: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !k.is_empty() {
        return Err(vm.type_error(format!("fcntl.{name}() takes no keyword arguments")));
    }
    crate::vm::types::nargs(vm, name, a, &[], 0, min, max)
}

/// What a command gives back: an int, or a new descriptor.
enum Out {
    Int(i64),
    Fd(std::os::fd::OwnedFd),
}

/// `fcntl(fd, cmd, arg=0)`: the commands rustix wraps, with an integer argument.
fn fcntl(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    check_count(vm, "fcntl", a, k, 2, 3)?;
    let fd = fd_arg(vm, a[0])?;
    let cmd = index_c(vm, a[1], "int", |n| i32::try_from(n).is_ok())? as i32;
    let arg = match a.get(2) {
        None => 0,
        Some(&v) if as_bytes(v).is_some() || as_str(v).is_some() => {
            return Err(unsupported(vm, "fcntl.fcntl() with a buffer argument"))
        }
        Some(&v) => index_c(vm, v, "int", |n| {
            i32::try_from(n).is_ok() || u32::try_from(n).is_ok()
        })?,
    };
    // A new descriptor is adopted into posix's table after the borrow of it ends.
    type Op = fn(BorrowedFd<'_>, i64) -> rustix::io::Result<Out>;
    let op: Op = match cmd {
        libc::F_GETFD => |f, _| Ok(Out::Int(rustix::io::fcntl_getfd(f)?.bits() as i64)),
        libc::F_SETFD => |f, arg| {
            rustix::io::fcntl_setfd(f, FdFlags::from_bits_retain(arg as u32)).map(|()| Out::Int(0))
        },
        libc::F_GETFL => |f, _| Ok(Out::Int(rustix::fs::fcntl_getfl(f)?.bits() as i64)),
        libc::F_SETFL => |f, arg| {
            rustix::fs::fcntl_setfl(f, OFlags::from_bits_retain(arg as u32)).map(|()| Out::Int(0))
        },
        libc::F_GET_SEALS => |f, _| Ok(Out::Int(rustix::fs::fcntl_get_seals(f)?.bits() as i64)),
        libc::F_ADD_SEALS => |f, arg| {
            rustix::fs::fcntl_add_seals(f, SealFlags::from_bits_retain(arg as u32))
                .map(|()| Out::Int(0))
        },
        libc::F_DUPFD_CLOEXEC => {
            |f, arg| Ok(Out::Fd(rustix::io::fcntl_dupfd_cloexec(f, arg as i32)?))
        }
        libc::F_DUPFD => |f, arg| {
            let new = rustix::io::fcntl_dupfd_cloexec(f, arg as i32)?;
            rustix::io::fcntl_setfd(&new, FdFlags::empty())?;
            Ok(Out::Fd(new))
        },
        _ => {
            let what = format!("fcntl.fcntl() command {cmd}");
            return Err(unsupported(vm, &what));
        }
    };
    let r = with_borrowed_fd(fd, |f| op(f, arg).map_err(std::io::Error::from));
    match r {
        Some(Ok(Out::Int(n))) => Ok(vm.new_int(n)),
        Some(Ok(Out::Fd(fd))) => Ok(vm.new_int(adopt_fd(fd))),
        Some(Err(e)) => Err(os_error(vm, e, None, None)),
        None => Err(bad_fd(vm)),
    }
}

/// `flock(fd, operation)`: LOCK_SH, LOCK_EX or LOCK_UN, with LOCK_NB.
fn flock(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    check_count(vm, "flock", a, k, 2, 2)?;
    let fd = fd_arg(vm, a[0])?;
    let op = index_c(vm, a[1], "int", |n| i32::try_from(n).is_ok())? as i32;
    let nb = op & libc::LOCK_NB != 0;
    let operation = match (op & !libc::LOCK_NB, nb) {
        (libc::LOCK_SH, false) => FlockOperation::LockShared,
        (libc::LOCK_SH, true) => FlockOperation::NonBlockingLockShared,
        (libc::LOCK_EX, false) => FlockOperation::LockExclusive,
        (libc::LOCK_EX, true) => FlockOperation::NonBlockingLockExclusive,
        (libc::LOCK_UN, false) => FlockOperation::Unlock,
        (libc::LOCK_UN, true) => FlockOperation::NonBlockingUnlock,
        _ => {
            let e = std::io::Error::from_raw_os_error(libc::EINVAL);
            return Err(os_error(vm, e, None, None));
        }
    };
    loop {
        match with_borrowed_fd(fd, |f| rustix::fs::flock(f, operation)) {
            Some(Ok(())) => return Ok(vm.none),
            // A blocking lock interrupted by a signal: run the handlers, then wait again.
            Some(Err(rustix::io::Errno::INTR)) => super::signal::check(vm)?,
            Some(Err(e)) => return Err(os_error(vm, e.into(), None, None)),
            None => return Err(bad_fd(vm)),
        }
    }
}
