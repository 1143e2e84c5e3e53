//! `posix`'s permission, ownership and link calls (chmod, fchmod, chown, fchown, lchown,
//! link, symlink, readlink), descriptor flags (get_inheritable, set_inheritable,
//! get_blocking, set_blocking), umask and the process's user and group ids, over rustix.
//! The keyword-taking functions are Python wrappers in `SRC` over the `_`-prefixed primitives.

use super::def;
use super::posix::{fs_str, os_error, path_arg, with_borrowed_fd};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::compare::truthy;
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::nargs;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm, m: Value) {
    let fns: [(&'static str, BuiltinFn); 20] = [
        ("getrandom", getrandom),
        ("_statvfs", statvfs),
        ("_truncate", truncate),
        ("_chmod", chmod),
        ("fchmod", fchmod),
        ("_chown", chown),
        ("fchown", fchown),
        ("_link", link),
        ("_symlink", symlink),
        ("_readlink", readlink),
        ("get_inheritable", get_inheritable),
        ("set_inheritable", set_inheritable),
        ("get_blocking", get_blocking),
        ("set_blocking", set_blocking),
        ("umask", umask),
        ("getuid", |vm, a, k| id_fn(vm, a, k, "getuid")),
        ("geteuid", |vm, a, k| id_fn(vm, a, k, "geteuid")),
        ("getgid", |vm, a, k| id_fn(vm, a, k, "getgid")),
        ("getegid", |vm, a, k| id_fn(vm, a, k, "getegid")),
        ("getppid", |vm, a, k| id_fn(vm, a, k, "getppid")),
    ];
    for (name, f) in fns {
        def(vm, m, name, f);
    }
}

/// The Python part: the signatures with keywords, over the primitives.
pub const SRC: &str = r#"
from _cpjit_structseq import structseq as _structseq
statvfs_result = _structseq('os', 'statvfs_result',
    ('f_bsize', 'f_frsize', 'f_blocks', 'f_bfree', 'f_bavail', 'f_files', 'f_ffree', 'f_favail',
     'f_flag', 'f_namemax'), extra=('f_fsid',))
del _structseq

def statvfs(path):
    return statvfs_result(_statvfs(path, False))

def fstatvfs(fd):
    return statvfs_result(_statvfs(fd, True))

def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    if dir_fd is not None:
        raise NotImplementedError('cpjit does not support os.chmod with dir_fd')
    _chmod(path, mode, follow_symlinks)

def lchown(path, uid, gid):
    _chown(path, uid, gid, False)

def chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True):
    if dir_fd is not None:
        raise NotImplementedError('cpjit does not support os.chown with dir_fd')
    _chown(path, uid, gid, follow_symlinks)

def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True):
    if src_dir_fd is not None or dst_dir_fd is not None:
        raise NotImplementedError('cpjit does not support os.link with src_dir_fd or dst_dir_fd')
    _link(src, dst, follow_symlinks)

def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    if dir_fd is not None:
        raise NotImplementedError('cpjit does not support os.symlink with dir_fd')
    _symlink(src, dst)

GRND_NONBLOCK = 1
GRND_RANDOM = 2

def truncate(path, length):
    if isinstance(path, int):
        return ftruncate(path, length)
    _truncate(path, length)

def readlink(path, *, dir_fd=None):
    if dir_fd is not None:
        raise NotImplementedError('cpjit does not support os.readlink with dir_fd')
    return _readlink(path)
"#;

fn errno_error(vm: &mut Vm, e: rustix::io::Errno, f1: Option<Value>, f2: Option<Value>) -> Value {
    let e = std::io::Error::from_raw_os_error(e.raw_os_error());
    os_error(vm, e, f1, f2)
}

fn bad_fd(vm: &mut Vm) -> Value {
    errno_error(vm, rustix::io::Errno::BADF, None, None)
}

/// Runs `f` on descriptor `fd`; EBADF if cpjit has no such descriptor open.
fn on_fd<R>(
    vm: &mut Vm,
    fd: i64,
    f: impl FnOnce(std::os::fd::BorrowedFd<'_>) -> rustix::io::Result<R>,
) -> PyResult<R> {
    match with_borrowed_fd(fd, f) {
        Some(Ok(r)) => Ok(r),
        Some(Err(e)) => Err(errno_error(vm, e, None, None)),
        None => Err(bad_fd(vm)),
    }
}

fn is_int(v: Value) -> bool {
    crate::vm::types::subclass::int_arg(v).is_some()
}

fn mode_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<rustix::fs::Mode> {
    let m = index_of(vm, v, fname)?;
    Ok(rustix::fs::Mode::from_raw_mode(m as u32))
}

/// `_chmod(path, mode, follow_symlinks)`: fchmod for a descriptor, else fchmodat.
fn chmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "chmod", args, kw, 0, 3, 3)?;
    let mode = mode_arg(vm, args[1], "chmod")?;
    let follow = truthy(vm, args[2])?;
    if is_int(args[0]) {
        let fd = index_of(vm, args[0], "chmod")?;
        on_fd(vm, fd, |f| rustix::fs::fchmod(f, mode))?;
        return Ok(vm.none);
    }
    let p = path_or_fd_arg(vm, args[0], "chmod")?;
    // Linux's fchmodat takes no AT_SYMLINK_NOFOLLOW: as the C library does, a path that is not
    // a symlink is changed, a symlink's own mode cannot be.
    if !follow && std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(vm.err(
            "NotImplementedError",
            "chmod: follow_symlinks unavailable on this platform",
        ));
    }
    let flags = rustix::fs::AtFlags::empty();
    match rustix::fs::chmodat(rustix::fs::CWD, &p, mode, flags) {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(errno_error(vm, e, Some(args[0]), None)),
    }
}

/// A descriptor given where a path may be (an int: `is_int`), with CPython's `_fd_converter`
/// range errors.
fn path_fd(vm: &mut Vm, v: Value) -> PyResult<i64> {
    use crate::vm::runtime::num::IntVal;
    match crate::vm::types::subclass::int_arg(v) {
        Some(IntVal::Small(n)) if i32::try_from(n).is_ok() => Ok(n),
        Some(IntVal::Small(n)) if n < 0 => Err(vm.overflow_error("fd is less than minimum")),
        Some(IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => {
            Err(vm.overflow_error("fd is less than minimum"))
        }
        _ => Err(vm.overflow_error("fd is greater than maximum")),
    }
}

/// `_statvfs(path or fd, fstatvfs)`: statvfs(3)'s ten `statvfs_result` fields, then `f_fsid`.
/// `os.statvfs` names the path or descriptor in its error, as CPython's path_error does (and
/// descriptor -1, its "no descriptor", is statvfs(NULL): EFAULT); `os.fstatvfs` names nothing.
fn statvfs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "statvfs", args, kw, 0, 2, 2)?;
    let fd_only = truthy(vm, args[1])?;
    let st = if fd_only || is_int(args[0]) {
        let fd = if fd_only {
            crate::vm::runtime::num::index_c(vm, args[0], "int", |n| i32::try_from(n).is_ok())?
        } else {
            path_fd(vm, args[0])?
        };
        let named = (!fd_only).then_some(args[0]);
        if fd == -1 && !fd_only {
            return Err(errno_error(vm, rustix::io::Errno::FAULT, named, None));
        }
        match with_borrowed_fd(fd, |f| rustix::fs::fstatvfs(f)) {
            Some(Ok(st)) => st,
            Some(Err(e)) => return Err(errno_error(vm, e, named, None)),
            None => return Err(errno_error(vm, rustix::io::Errno::BADF, named, None)),
        }
    } else {
        let p = path_or_fd_arg(vm, args[0], "statvfs")?;
        match rustix::fs::statvfs(&p) {
            Ok(st) => st,
            Err(e) => return Err(errno_error(vm, e, Some(args[0]), None)),
        }
    };
    let fields = [
        st.f_bsize,
        st.f_frsize,
        st.f_blocks,
        st.f_bfree,
        st.f_bavail,
        st.f_files,
        st.f_ffree,
        st.f_favail,
        st.f_flag.bits(),
        st.f_namemax,
        st.f_fsid,
    ];
    let items = fields
        .iter()
        .map(|&v| vm.new_bigint(num_bigint::BigInt::from(v)))
        .collect();
    Ok(vm.new_tuple(items))
}

/// The path of a function that also takes a descriptor (`path_arg`'s message names integers).
fn path_or_fd_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<std::path::PathBuf> {
    match path_arg(vm, v, fname, "path") {
        Ok((p, _)) => Ok(p),
        Err(e) if vm.isinstance(e, vm.t.exc("TypeError")) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "{fname}: path should be string, bytes, os.PathLike or integer, not {tn}"
            )))
        }
        Err(e) => Err(e),
    }
}

fn fchmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "fchmod", args, kw, 0, 2, 2)?;
    let fd = index_of(vm, args[0], "fchmod")?;
    let mode = mode_arg(vm, args[1], "fchmod")?;
    on_fd(vm, fd, |f| rustix::fs::fchmod(f, mode))?;
    Ok(vm.none)
}

/// A uid or gid argument: -1 (no change) is None.
fn id_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Option<u32>> {
    let n = index_of(vm, v, fname)?;
    if n == -1 {
        return Ok(None);
    }
    u32::try_from(n).map(Some).map_err(|_| {
        let what = if n < 0 {
            "less than minimum"
        } else {
            "greater than maximum"
        };
        vm.err("OverflowError", format!("uid is {what}"))
    })
}

fn owner(u: Option<u32>) -> Option<rustix::fs::Uid> {
    u.map(rustix::fs::Uid::from_raw)
}

fn group(g: Option<u32>) -> Option<rustix::fs::Gid> {
    g.map(rustix::fs::Gid::from_raw)
}

/// `_chown(path, uid, gid, follow_symlinks)`.
fn chown(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "chown", args, kw, 0, 4, 4)?;
    let (u, g) = (id_arg(vm, args[1], "chown")?, id_arg(vm, args[2], "chown")?);
    let follow = truthy(vm, args[3])?;
    if is_int(args[0]) {
        let fd = index_of(vm, args[0], "chown")?;
        on_fd(vm, fd, |f| rustix::fs::fchown(f, owner(u), group(g)))?;
        return Ok(vm.none);
    }
    let p = path_or_fd_arg(vm, args[0], "chown")?;
    let flags = if follow {
        rustix::fs::AtFlags::empty()
    } else {
        rustix::fs::AtFlags::SYMLINK_NOFOLLOW
    };
    match rustix::fs::chownat(rustix::fs::CWD, &p, owner(u), group(g), flags) {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(errno_error(vm, e, Some(args[0]), None)),
    }
}

fn fchown(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "fchown", args, kw, 0, 3, 3)?;
    let fd = index_of(vm, args[0], "fchown")?;
    let (u, g) = (
        id_arg(vm, args[1], "fchown")?,
        id_arg(vm, args[2], "fchown")?,
    );
    on_fd(vm, fd, |f| rustix::fs::fchown(f, owner(u), group(g)))?;
    Ok(vm.none)
}

/// `_link(src, dst, follow_symlinks)`: linkat(2).
fn link(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "link", args, kw, 0, 3, 3)?;
    let (a, _) = path_arg(vm, args[0], "link", "src")?;
    let (b, _) = path_arg(vm, args[1], "link", "dst")?;
    let flags = if truthy(vm, args[2])? {
        rustix::fs::AtFlags::SYMLINK_FOLLOW
    } else {
        rustix::fs::AtFlags::empty()
    };
    match rustix::fs::linkat(rustix::fs::CWD, &a, rustix::fs::CWD, &b, flags) {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(errno_error(vm, e, Some(args[0]), Some(args[1]))),
    }
}

/// `_symlink(src, dst)`: symlinkat(2).
fn symlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "symlink", args, kw, 0, 2, 2)?;
    let (a, _) = path_arg(vm, args[0], "symlink", "src")?;
    let (b, _) = path_arg(vm, args[1], "symlink", "dst")?;
    match rustix::fs::symlinkat(&a, rustix::fs::CWD, &b) {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(errno_error(vm, e, Some(args[0]), Some(args[1]))),
    }
}

/// `_readlink(path)`: the link's target, bytes for a bytes path, else str.
fn readlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "readlink", args, kw, 0, 1, 1)?;
    let (p, was_bytes) = path_arg(vm, args[0], "readlink", "path")?;
    match rustix::fs::readlinkat(rustix::fs::CWD, &p, Vec::new()) {
        Ok(t) => {
            let b = t.into_bytes();
            if was_bytes {
                Ok(vm.new_bytes(b))
            } else {
                fs_str(vm, &b)
            }
        }
        Err(e) => Err(errno_error(vm, e, Some(args[0]), None)),
    }
}

fn get_inheritable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "get_inheritable", args, kw, 0, 1, 1)?;
    let fd = index_of(vm, args[0], "get_inheritable")?;
    let fl = on_fd(vm, fd, |f| rustix::io::fcntl_getfd(f))?;
    Ok(vm.bool_val(!fl.contains(rustix::io::FdFlags::CLOEXEC)))
}

fn set_inheritable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "set_inheritable", args, kw, 0, 2, 2)?;
    let fd = index_of(vm, args[0], "set_inheritable")?;
    let inh = truthy(vm, args[1])?;
    on_fd(vm, fd, |f| {
        let mut fl = rustix::io::fcntl_getfd(f)?;
        fl.set(rustix::io::FdFlags::CLOEXEC, !inh);
        rustix::io::fcntl_setfd(f, fl)
    })?;
    Ok(vm.none)
}

fn get_blocking(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "get_blocking", args, kw, 0, 1, 1)?;
    let fd = index_of(vm, args[0], "get_blocking")?;
    let fl = on_fd(vm, fd, |f| rustix::fs::fcntl_getfl(f))?;
    Ok(vm.bool_val(!fl.contains(rustix::fs::OFlags::NONBLOCK)))
}

fn set_blocking(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "set_blocking", args, kw, 0, 2, 2)?;
    let fd = index_of(vm, args[0], "set_blocking")?;
    let blocking = truthy(vm, args[1])?;
    on_fd(vm, fd, |f| {
        let mut fl = rustix::fs::fcntl_getfl(f)?;
        fl.set(rustix::fs::OFlags::NONBLOCK, !blocking);
        rustix::fs::fcntl_setfl(f, fl)
    })?;
    Ok(vm.none)
}

fn umask(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "umask", args, kw, 0, 1, 1)?;
    let m = index_of(vm, args[0], "umask")?;
    let old = rustix::process::umask(rustix::fs::Mode::from_raw_mode(m as u32));
    Ok(vm.new_int(old.as_raw_mode() as i64))
}

fn id_fn(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult {
    nargs(vm, name, args, kw, 0, 0, 0)?;
    use rustix::process as p;
    let n = match name {
        "getuid" => p::getuid().as_raw() as i64,
        "geteuid" => p::geteuid().as_raw() as i64,
        "getgid" => p::getgid().as_raw() as i64,
        "getegid" => p::getegid().as_raw() as i64,
        _ => p::getppid()
            .map(|p| p.as_raw_nonzero().get() as i64)
            .unwrap_or(0),
    };
    Ok(vm.new_int(n))
}

/// `getrandom(size, flags=0)`: getrandom(2).
fn getrandom(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = crate::vm::types::split_kw(args, kw);
    let (mut size, mut flags) = (pos.first().copied(), pos.get(1).copied());
    for (k, v) in kws {
        match k {
            "size" => size = Some(v),
            "flags" => flags = Some(v),
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for getrandom()"
                )))
            }
        }
    }
    let Some(size) = size.filter(|_| pos.len() <= 2) else {
        return Err(vm.type_error("getrandom() missing required argument 'size' (pos 1)"));
    };
    let n = crate::vm::types::exc::ssize_index(vm, size)?;
    if n < 0 {
        return Err(errno_error(vm, rustix::io::Errno::INVAL, None, None));
    }
    let fl = match flags {
        Some(f) => index_of(vm, f, "getrandom")? as u32,
        None => 0,
    };
    let fl = rustix::rand::GetRandomFlags::from_bits_retain(fl);
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        match rustix::rand::getrandom(&mut buf[got..], fl) {
            Ok(k) => got += k,
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(errno_error(vm, e, None, None)),
        }
    }
    Ok(vm.new_bytes(buf))
}

/// `_truncate(path, length)`: the file at path cut or extended to length bytes.
fn truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "truncate", args, kw, 0, 2, 2)?;
    let p = path_or_fd_arg(vm, args[0], "truncate")?;
    let len = index_of(vm, args[1], "truncate")?;
    if len < 0 {
        return Err(errno_error(
            vm,
            rustix::io::Errno::INVAL,
            Some(args[0]),
            None,
        ));
    }
    let r = std::fs::OpenOptions::new()
        .write(true)
        .open(&p)
        .and_then(|f| f.set_len(len as u64));
    match r {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(os_error(vm, e, Some(args[0]), None)),
    }
}
