//! `posix`: the operating-system calls `os` is built on, over Rust's `std::fs`/`std::env`:
//! environ, getcwd/chdir, listdir, stat/lstat, mkdir/rmdir, unlink/remove, rename/replace,
//! access, getpid, urandom, strerror, cpu_count, fspath, _exit. `stat_result` is a struct
//! sequence defined by the module's Python part (`POSIX_SRC`). Paths are str or bytes
//! (bytes in, bytes out for listdir); failures raise OSError subclasses with errno, message
//! and filename, as CPython's do.

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

use super::{def, set_attr};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call::call;
use crate::vm::types::{nargs, split_kw};
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("posix");
    vm.roots.push(m);
    // environ: bytes -> bytes, as CPython's posix.environ.
    let env = vm.new_dict();
    set_attr(vm, m, "environ", env);
    for (k, v) in std::env::vars_os() {
        let (k, v) = (
            vm.new_bytes(k.as_bytes().to_vec()),
            vm.new_bytes(v.as_bytes().to_vec()),
        );
        crate::vm::runtime::dict::dict_set(vm, env, k, v)?;
    }
    let fns: [(&'static str, BuiltinFn); 37] = [
        ("open", fd_open),
        ("read", fd_read),
        ("write", fd_write),
        ("close", fd_close),
        ("lseek", fd_lseek),
        ("_fstat", fstat_tuple),
        ("isatty", fd_isatty),
        ("ftruncate", fd_ftruncate),
        ("fsync", fd_fsync),
        ("device_encoding", |vm, _a, _k| Ok(vm.none)),
        ("getcwd", getcwd),
        ("getcwdb", getcwdb),
        ("chdir", chdir),
        ("listdir", listdir),
        ("_stat", stat_tuple),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("unlink", unlink),
        ("remove", unlink),
        ("rename", rename),
        ("replace", rename),
        ("access", access),
        ("getpid", getpid),
        ("urandom", urandom),
        ("strerror", strerror),
        ("cpu_count", cpu_count),
        ("fspath", fspath_fn),
        ("_exit", exit_now),
        ("pipe", pipe),
        ("dup", dup),
        ("waitpid", super::process::waitpid),
        ("kill", super::process::kill),
        ("killpg", super::process::killpg),
        ("putenv", putenv),
        ("_utime", utime_path),
        ("unsetenv", unsetenv),
        ("closerange", closerange),
    ];
    for (name, f) in fns {
        def(vm, m, name, f);
    }
    super::posix_fs::install(vm, m);
    super::posix_sys::install(vm, m);
    for (name, v) in [
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
        ("O_RDONLY", 0),
        ("O_WRONLY", 1),
        ("O_RDWR", 2),
        ("O_CREAT", 0o100),
        ("O_EXCL", 0o200),
        ("O_TRUNC", 0o1000),
        ("O_APPEND", 0o2000),
        ("O_CLOEXEC", 0o2000000),
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
    ] {
        let i = vm.new_int(v);
        set_attr(vm, m, name, i);
    }
    let have = ["HAVE_FCHMOD", "HAVE_FCHOWN"].map(|n| vm.new_str(n));
    let hf = vm.new_list(have.to_vec());
    set_attr(vm, m, "_have_functions", hf);
    let d = as_module(m).unwrap().dict;
    use crate::vm::run::exec_frozen_part;
    let name = "<frozen posix>";
    let r = exec_frozen_part(vm, POSIX_SRC.as_bytes(), name, "posix", d)
        .and_then(|_| exec_frozen_part(vm, super::posix_fs::SRC.as_bytes(), name, "posix_fs", d))
        .and_then(|_| exec_frozen_part(vm, super::posix_sys::SRC.as_bytes(), name, "posix_sys", d));
    vm.roots.pop();
    r?;
    Ok(m)
}

/// `stat`/`lstat` and `stat_result` over `_stat`.
const POSIX_SRC: &str = r#"
class stat_result(tuple):
    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    __module__ = 'os'
    _fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')
    def __new__(cls, t):
        self = tuple.__new__(cls, t[:7] + (int(t[7]), int(t[8]), int(t[9])))
        self._times = t[7:10]
        self._ns = t[10:13]
        self._extra = t[13:]
        return self
    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._times[0])
    st_mtime = property(lambda self: self._times[1])
    st_ctime = property(lambda self: self._times[2])
    st_atime_ns = property(lambda self: self._ns[0])
    st_mtime_ns = property(lambda self: self._ns[1])
    st_ctime_ns = property(lambda self: self._ns[2])
    st_blksize = property(lambda self: self._extra[0])
    st_blocks = property(lambda self: self._extra[1])
    st_rdev = property(lambda self: self._extra[2])
    def __repr__(self):
        names = self._fields + ('st_atime', 'st_mtime', 'st_ctime')
        return 'os.stat_result(' + ', '.join(
            [n + '=' + repr(v) for n, v in zip(names, self)]) + ')'
    def __reduce__(self):
        return (stat_result, (tuple(self),))

def stat(path, *, dir_fd=None, follow_symlinks=True):
    if dir_fd is not None:
        raise NotImplementedError('cpjit does not support os.stat with dir_fd')
    return stat_result(_stat(path, follow_symlinks))

class terminal_size(tuple):
    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0
    __module__ = 'os'
    def __new__(cls, t):
        t = tuple(t)
        if len(t) != 2:
            raise TypeError('os.terminal_size() takes a 2-sequence (%d-sequence given)' % len(t))
        return tuple.__new__(cls, t)
    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])
    def __repr__(self):
        return 'os.terminal_size(columns=%r, lines=%r)' % tuple(self)

def get_terminal_size(fd=1):
    # cpjit makes no ioctl calls: no descriptor reports a window size (callers such as
    # shutil.get_terminal_size fall back to $COLUMNS/$LINES or their default).
    raise OSError(25, 'Inappropriate ioctl for device')

class DirEntry:
    # os.scandir's entries: the name and joined path, with stat() and the is_* tests answered
    # from lstat/stat (cached as CPython caches them).
    __module__ = 'posix'

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def __init__(self, top, name):
        self.name = name
        sep = b'/' if isinstance(name, bytes) else '/'
        self.path = top + name if top.endswith(sep) else top + sep + name
        self._stat = None
        self._lstat = None
    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat
    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0
    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000
    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000
    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000
    def inode(self):
        return self.stat(follow_symlinks=False).st_ino
    def __fspath__(self):
        return self.path
    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

class _ScandirIterator:
    __module__ = 'posix'
    def __init__(self, top, names):
        self._top = top
        self._names = iter(names)
    def __iter__(self):
        return self
    def __next__(self):
        return DirEntry(self._top, next(self._names))
    def close(self):
        self._names = iter(())
    def __enter__(self):
        return self
    def __exit__(self, *a):
        self.close()

def scandir(path='.'):
    if path is None:
        path = '.'
    if isinstance(path, int):
        raise NotImplementedError('cpjit does not support os.scandir on a file descriptor')
    path = fspath(path)
    return _ScandirIterator(path, listdir(path))

def fstat(fd):
    return stat_result(_fstat(fd))

def lstat(path, *, dir_fd=None):
    return stat(path, dir_fd=dir_fd, follow_symlinks=False)

# Wait statuses (waitpid's second item), decoded as the C library's macros do.
WNOHANG = 1

def WIFEXITED(status):
    return status & 0x7f == 0

def WEXITSTATUS(status):
    return (status >> 8) & 0xff

def WIFSIGNALED(status):
    return 0 < status & 0x7f < 0x7f

def WTERMSIG(status):
    return status & 0x7f

def WIFSTOPPED(status):
    return status & 0xff == 0x7f

def WSTOPSIG(status):
    return (status >> 8) & 0xff

def waitstatus_to_exitcode(status):
    if WIFEXITED(status):
        return WEXITSTATUS(status)
    if WIFSIGNALED(status):
        return -WTERMSIG(status)
    raise ValueError('invalid wait status: %d' % status)


def _utime_ns(x, what):
    if isinstance(x, float):
        import math
        frac, whole = math.modf(x)
        n = math.floor(frac * 1e9)
        if n >= 1000000000:
            n -= 1000000000
            whole += 1
        elif n < 0:
            n += 1000000000
            whole -= 1
        return int(whole) * 1000000000 + n
    import operator
    return operator.index(x) * 1000000000


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    """Set the access and modified time of path."""
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two ints or None")
        a, m = _utime_ns(times[0], 'times'), _utime_ns(times[1], 'times')
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
        import operator
        a, m = operator.index(ns[0]), operator.index(ns[1])
    else:
        a = m = None
    if dir_fd is not None:
        raise NotImplementedError('cpjit does not support dir_fd in os.utime')
    if isinstance(path, int):
        raise NotImplementedError('cpjit does not support os.utime on a file descriptor')
    _utime(path, a, m, follow_symlinks)
"#;

/// `_utime(path, atime_ns, mtime_ns, follow_symlinks)`: utimensat(2); None times mean now.
fn utime_path(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "utime", args, kw, 0, 4, 4)?;
    let (p, _) = path_arg(vm, args[0], "utime", "path")?;
    let mut ts = [rustix::fs::Timespec {
        tv_sec: 0,
        tv_nsec: rustix::fs::UTIME_NOW,
    }; 2];
    for (t, &v) in ts.iter_mut().zip(&args[1..3]) {
        if v == vm.none {
            continue;
        }
        let n = crate::vm::types::subclass::int_arg(v)
            .map(|i| i.to_big())
            .ok_or_else(|| vm.type_error("utime: times must be integers"))?;
        let (q, r) =
            num_integer::Integer::div_mod_floor(&n, &num_bigint::BigInt::from(1_000_000_000));
        let sec = i64::try_from(q).map_err(|_| {
            vm.err(
                "OverflowError",
                "timestamp out of range for platform time_t",
            )
        })?;
        *t = rustix::fs::Timespec {
            tv_sec: sec,
            tv_nsec: i64::try_from(r).unwrap_or(0),
        };
    }
    let times = rustix::fs::Timestamps {
        last_access: ts[0],
        last_modification: ts[1],
    };
    let flags = if crate::vm::runtime::compare::truthy(vm, args[3])? {
        rustix::fs::AtFlags::empty()
    } else {
        rustix::fs::AtFlags::SYMLINK_NOFOLLOW
    };
    match rustix::fs::utimensat(rustix::fs::CWD, &p, &times, flags) {
        Ok(()) => Ok(vm.none),
        Err(e) => {
            // CPython's utime error names no file.
            let e = std::io::Error::from_raw_os_error(e.raw_os_error());
            Err(os_error(vm, e, None, None))
        }
    }
}

/// A path argument: str, bytes or an os.PathLike, as (text for the OS, was it bytes).
pub fn path_arg(
    vm: &mut Vm,
    v: Value,
    fname: &str,
    argname: &str,
) -> PyResult<(std::path::PathBuf, bool)> {
    let p = fspath(vm, v, Some((fname, argname)))?;
    let b = crate::vm::types::subclass::base_value(p).unwrap_or(p);
    // CPython's messages: the str's from its encoding to bytes, the bytes' from the path check.
    if as_str(b).is_some_and(|s| s.s.contains('\0')) {
        return Err(vm.value_error("embedded null byte"));
    }
    if as_bytes(b).is_some_and(|x| x.contains(&0)) {
        return Err(vm.value_error(format!("{fname}: embedded null character in {argname}")));
    }
    if let Some(s) = as_str(b) {
        let bytes = fs_encode(vm, &s.s)?;
        return Ok((
            std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)),
            false,
        ));
    }
    let bytes = as_bytes(b).map(|x| x.clone()).unwrap_or_default();
    Ok((
        std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&bytes)),
        true,
    ))
}

/// A str's bytes for the OS: UTF-8 with the surrogateescape handler (`os.fsencode`), so
/// U+DC80..U+DCFF stand for the undecodable bytes of a name; other lone surrogates raise
/// UnicodeEncodeError.
pub fn fs_encode(vm: &mut Vm, s: &str) -> PyResult<Vec<u8>> {
    if !crate::rtlib::surrogate::has_standin(s) {
        return Ok(s.as_bytes().to_vec());
    }
    crate::rtlib::codecs::encode(s, "utf-8", "surrogateescape")
        .map_err(|e| crate::vm::types::bytes::codec_error(vm, e))
}

/// A name from the OS as a str: UTF-8 with the surrogateescape handler (`os.fsdecode`).
pub fn fs_str(vm: &mut Vm, b: &[u8]) -> PyResult {
    match crate::rtlib::codecs::decode(b, "utf-8", "surrogateescape") {
        Ok(s) => Ok(vm.new_str_owned(s)),
        Err(e) => Err(crate::vm::types::bytes::codec_error(vm, e)),
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__()`.
pub fn fspath(vm: &mut Vm, v: Value, what: Option<(&str, &str)>) -> PyResult {
    let b = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    if as_str(b).is_some()
        || (as_bytes(b).is_some() && !crate::vm::types::bytes::is_bytearray(vm, b))
    {
        return Ok(v);
    }
    if let Some(r) = crate::vm::runtime::call::call_dunder(vm, v, "__fspath__", &[])? {
        let rb = crate::vm::types::subclass::base_value(r).unwrap_or(r);
        // PyOS_FSPath: str or bytes (or a subclass); a bytearray is no path.
        if as_str(rb).is_some()
            || (as_bytes(rb).is_some() && !crate::vm::types::bytes::is_bytearray(vm, rb))
        {
            return Ok(r);
        }
        let (tn, rn) = (vm.type_name(v), vm.type_name(r));
        return Err(vm.type_error(format!(
            "expected {tn}.__fspath__() to return str or bytes, not {rn}"
        )));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(match what {
        Some((f, a)) => format!("{f}: {a} should be string, bytes or os.PathLike, not {tn}"),
        None => format!("expected str, bytes or os.PathLike object, not {tn}"),
    }))
}

/// `PyUnicode_FSDecoder` (compile()'s filename): a str, bytes, an os.PathLike's `__fspath__()`,
/// or (deprecated, with a DeprecationWarning) another bytes-like object such as a bytearray or
/// memoryview; bytes are decoded as `os.fsdecode` does, and no NUL character may remain.
pub fn fs_decoder(vm: &mut Vm, v: Value) -> PyResult<String> {
    let b = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    let exact_bytes = as_bytes(b).is_some() && !crate::vm::types::bytes::is_bytearray(vm, b);
    let s = if as_str(b).is_some() || exact_bytes {
        path_text(vm, v)?
    } else if let Some(data) = crate::vm::types::memoryview::buffer_copy(vm, v) {
        // As CPython: the warning comes first (a filter may turn it into the error), then the
        // copy, which fails for a released memoryview.
        let tn = vm.tp_name(v);
        super::warn(
            vm,
            "DeprecationWarning",
            format!("path should be string, bytes, or os.PathLike, not {tn}"),
        )?;
        let data = data?;
        let t = fs_str(vm, &data)?;
        str_of(t).to_string()
    } else {
        let p = fspath(vm, v, None)?;
        path_text(vm, p)?
    };
    if s.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    Ok(s)
}

/// The text of a str, or of bytes decoded as `os.fsdecode` does (subclass values included).
fn path_text(vm: &mut Vm, p: Value) -> PyResult<String> {
    let b = crate::vm::types::subclass::base_value(p).unwrap_or(p);
    if let Some(s) = as_str(b) {
        return Ok(s.s.to_string());
    }
    let data = as_bytes(b).map(|x| x.clone()).unwrap_or_default();
    let t = fs_str(vm, &data)?;
    Ok(str_of(t).to_string())
}

/// An environment name or value for putenv/unsetenv: str, bytes or os.PathLike, no NUL.
fn env_arg(vm: &mut Vm, v: Value) -> PyResult<std::ffi::OsString> {
    let p = fspath(vm, v, None)?;
    let b = crate::vm::types::subclass::base_value(p).unwrap_or(p);
    let bytes = match as_str(b) {
        Some(s) => fs_encode(vm, &s.s)?,
        None => as_bytes(b).map(|x| x.clone()).unwrap_or_default(),
    };
    if bytes.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(std::ffi::OsStr::from_bytes(&bytes).to_os_string())
}

fn einval(vm: &mut Vm) -> Value {
    os_error(vm, std::io::Error::from_raw_os_error(22), None, None)
}

/// `os.putenv(name, value)`: the process environment (what child processes and `time.tzset`
/// see); `os.environ` calls it.
fn putenv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "putenv", args, kw, 0, 2, 2)?;
    let (k, v) = (env_arg(vm, args[0])?, env_arg(vm, args[1])?);
    if k.is_empty() {
        return Err(einval(vm));
    }
    if k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(k, v);
    Ok(vm.none)
}

fn unsetenv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "unsetenv", args, kw, 0, 1, 1)?;
    let k = env_arg(vm, args[0])?;
    if k.is_empty() || k.as_bytes().contains(&b'=') {
        return Err(einval(vm));
    }
    std::env::remove_var(k);
    Ok(vm.none)
}

fn fspath_fn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let v = match (pos, kws.as_slice()) {
        ([v], []) => *v,
        ([], [("path", v)]) => *v,
        _ => return Err(vm.type_error("fspath() takes exactly one argument")),
    };
    fspath(vm, v, None)
}

/// OSError (or the subclass for its errno) for `e`, naming `filename` when given.
pub fn os_error(
    vm: &mut Vm,
    e: std::io::Error,
    filename: Option<Value>,
    filename2: Option<Value>,
) -> Value {
    let code = e.raw_os_error().unwrap_or(0);
    let msg = strerror_text(code);
    let cls = vm.t.exc("OSError");
    let errno = vm.new_int(code as i64);
    let m = vm.new_str(&msg);
    let mut args = vec![errno, m];
    if let Some(f) = filename {
        args.push(f);
        if let Some(f2) = filename2 {
            let none = vm.none;
            args.push(none);
            args.push(f2);
        }
    }
    match call(vm, Value::from_ptr(cls), &args, &[]) {
        Ok(exc) | Err(exc) => exc,
    }
}

/// The C library's message for errno `code` (Rust's, without its " (os error N)" suffix).
fn strerror_text(code: i32) -> String {
    let s = std::io::Error::from_raw_os_error(code).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn strerror(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "strerror", args, kw, 0, 1, 1)?;
    let code = c_int(vm, args[0])?;
    let s = strerror_text(code as i32);
    Ok(vm.new_str_owned(s))
}

fn getcwd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getcwd", args, kw, 0, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => fs_str(vm, p.as_os_str().as_bytes()),
        Err(e) => Err(os_error(vm, e, None, None)),
    }
}

fn getcwdb(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getcwdb", args, kw, 0, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_bytes(p.as_os_str().as_bytes().to_vec())),
        Err(e) => Err(os_error(vm, e, None, None)),
    }
}

fn chdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "chdir", args, kw, 0, 1, 1)?;
    let (p, _) = path_arg(vm, args[0], "chdir", "path")?;
    match std::env::set_current_dir(&p) {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(os_error(vm, e, Some(args[0]), None)),
    }
}

fn listdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let arg = match (pos, kws.as_slice()) {
        ([], []) => None,
        ([v], []) | ([], [("path", v)]) => Some(*v),
        _ => return Err(vm.type_error("listdir() takes at most 1 argument")),
    };
    let (p, as_bytes_out) = match arg {
        Some(v) if v != vm.none => path_arg(vm, v, "listdir", "path")?,
        _ => (std::path::PathBuf::from("."), false),
    };
    let rd = match std::fs::read_dir(&p) {
        Ok(r) => r,
        Err(e) => {
            let f = arg.unwrap_or_else(|| vm.new_str("."));
            return Err(os_error(vm, e, Some(f), None));
        }
    };
    let mut out = Vec::new();
    for ent in rd {
        let ent = match ent {
            Ok(x) => x,
            Err(e) => return Err(os_error(vm, e, arg, None)),
        };
        let name = ent.file_name();
        let v = if as_bytes_out {
            vm.new_bytes(name.as_bytes().to_vec())
        } else {
            fs_str(vm, name.as_bytes())?
        };
        out.push(v);
    }
    Ok(vm.new_list(out))
}

/// `_stat(path, follow_symlinks)`: (mode, ino, dev, nlink, uid, gid, size, atime, mtime,
/// ctime (floats), atime_ns, mtime_ns, ctime_ns, blksize, blocks, rdev).
fn stat_tuple(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_stat", args, kw, 0, 2, 2)?;
    let (p, _) = path_arg(vm, args[0], "stat", "path")?;
    let follow = crate::vm::runtime::compare::truthy(vm, args[1])?;
    let md = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    let md = match md {
        Ok(m) => m,
        Err(e) => return Err(os_error(vm, e, Some(args[0]), None)),
    };
    Ok(metadata_tuple(vm, &md))
}

/// `_fstat(fd)`: `_stat`'s tuple for an open descriptor.
fn fstat_tuple(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "fstat", args, kw, 0, 1, 1)?;
    let fd = c_int(vm, args[0])?;
    let md = match with_fd(fd, |f| f.metadata()) {
        Some(Ok(m)) => m,
        Some(Err(e)) => return Err(os_error(vm, e, None, None)),
        None => {
            // The standard streams are not in the table: stat them through /proc.
            match std::fs::metadata(format!("/proc/self/fd/{fd}")) {
                Ok(m) if (0..=2).contains(&fd) => m,
                _ => return Err(bad_fd(vm)),
            }
        }
    };
    Ok(metadata_tuple(vm, &md))
}

fn metadata_tuple(vm: &mut Vm, md: &std::fs::Metadata) -> Value {
    let ns = |s: i64, n: i64| (s as i128) * 1_000_000_000 + n as i128;
    let times = [
        ns(md.atime(), md.atime_nsec()),
        ns(md.mtime(), md.mtime_nsec()),
        ns(md.ctime(), md.ctime_nsec()),
    ];
    let mut items = vec![
        vm.new_int(md.mode() as i64),
        vm.new_int(md.ino() as i64),
        vm.new_int(md.dev() as i64),
        vm.new_int(md.nlink() as i64),
        vm.new_int(md.uid() as i64),
        vm.new_int(md.gid() as i64),
        vm.new_int(md.size() as i64),
    ];
    for (i, t) in times.iter().enumerate() {
        let secs = [md.atime(), md.mtime(), md.ctime()][i];
        let nsec = [md.atime_nsec(), md.mtime_nsec(), md.ctime_nsec()][i];
        let _ = t;
        items.push(vm.new_float(secs as f64 + nsec as f64 * 1e-9));
    }
    for t in times {
        items.push(vm.new_bigint(num_bigint::BigInt::from(t)));
    }
    items.push(vm.new_int(md.blksize() as i64));
    items.push(vm.new_int(md.blocks() as i64));
    items.push(vm.new_int(md.rdev() as i64));
    vm.new_tuple(items)
}

/// A function of one path that returns None (mkdir's mode and dir_fd are accepted).
fn path_op(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    op: fn(&std::path::Path) -> std::io::Result<()>,
) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let mut path = pos.first().copied();
    for (k, v) in kws {
        match k {
            "path" => path = Some(v),
            "mode" | "dir_fd" => {}
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    let Some(path) = path else {
        return Err(vm.type_error(format!("{name}() missing required argument 'path' (pos 1)")));
    };
    let (p, _) = path_arg(vm, path, name, "path")?;
    match op(&p) {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(os_error(vm, e, Some(path), None)),
    }
}

/// `mkdir(path, mode=0o777, *, dir_fd=None)`: mkdir(2) with the mode (less the umask).
fn mkdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "mkdir() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let (mut path, mut mode) = (pos.first().copied(), pos.get(1).copied());
    for (k, v) in kws {
        match k {
            "path" => path = Some(v),
            "mode" => mode = Some(v),
            "dir_fd" if v == vm.none => {}
            "dir_fd" => return Err(vm.not_implemented("os.mkdir with dir_fd")),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for mkdir()"))
                )
            }
        }
    }
    let Some(path) = path else {
        return Err(vm.type_error("mkdir() missing required argument 'path' (pos 1)"));
    };
    let mode = match mode {
        Some(m) => c_int(vm, m)? as u32,
        None => 0o777,
    };
    let (p, _) = path_arg(vm, path, "mkdir", "path")?;
    let mode = rustix::fs::Mode::from_raw_mode(mode);
    match rustix::fs::mkdirat(rustix::fs::CWD, &p, mode) {
        Ok(()) => Ok(vm.none),
        Err(e) => {
            let e = std::io::Error::from_raw_os_error(e.raw_os_error());
            Err(os_error(vm, e, Some(path), None))
        }
    }
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    path_op(vm, args, kw, "rmdir", |p| std::fs::remove_dir(p))
}

fn unlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    path_op(vm, args, kw, "unlink", |p| std::fs::remove_file(p))
}

fn rename(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "rename", args, kw, 0, 2, 2)?;
    let (a, _) = path_arg(vm, args[0], "rename", "src")?;
    let (b, _) = path_arg(vm, args[1], "rename", "dst")?;
    match std::fs::rename(&a, &b) {
        Ok(()) => Ok(vm.none),
        Err(e) => Err(os_error(vm, e, Some(args[0]), Some(args[1]))),
    }
}

/// `access(path, mode)`: existence (F_OK) and the permission bits of the file's mode for its
/// owner (cpjit runs as one user; CPython asks the kernel).
fn access(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, _) = split_kw(args, kw);
    if pos.len() < 2 {
        return Err(vm.type_error("access() missing required argument 'mode' (pos 2)"));
    }
    let (p, _) = path_arg(vm, pos[0], "access", "path")?;
    let mode = c_int(vm, pos[1])?;
    let ok = match std::fs::metadata(&p) {
        Err(_) => false,
        Ok(md) => {
            let bits = md.mode();
            let need = |flag: i64, mask: u32| mode & flag == 0 || bits & mask != 0;
            need(4, 0o444) && need(2, 0o222) && need(1, 0o111)
        }
    };
    Ok(vm.bool_val(ok))
}

fn getpid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getpid", args, kw, 0, 0, 0)?;
    Ok(vm.new_int(std::process::id() as i64))
}

fn urandom(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "urandom", args, kw, 0, 1, 1)?;
    let n = c_wide(vm, args[0], "ssize_t")?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    let r = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    match r {
        Ok(()) => Ok(vm.new_bytes(buf)),
        Err(e) => Err(os_error(vm, e, None, None)),
    }
}

fn cpu_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "cpu_count", args, kw, 0, 0, 0)?;
    match std::thread::available_parallelism() {
        Ok(n) => Ok(vm.new_int(n.get() as i64)),
        Err(_) => Ok(vm.none),
    }
}

fn exit_now(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_exit", args, kw, 0, 1, 1)?;
    let code = c_int(vm, args[0])?;
    vm.flush_stdout();
    std::process::exit(code as i32)
}

// File descriptors. cpjit keeps the files `os.open` opened in a table keyed by their descriptor
// number (the kernel's), so every operation goes through std's safe `File`; 0, 1 and 2 are the
// process's standard streams.
thread_local! {
    static FILES: std::cell::RefCell<std::collections::HashMap<i64, std::fs::File>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn with_fd<R>(fd: i64, f: impl FnOnce(&mut std::fs::File) -> R) -> Option<R> {
    FILES.with(|t| t.borrow_mut().get_mut(&fd).map(f))
}

/// Takes ownership of an open descriptor: it joins the table under its own number.
pub fn adopt_fd(fd: std::os::fd::OwnedFd) -> i64 {
    use std::os::fd::AsRawFd;
    let n = fd.as_raw_fd() as i64;
    FILES.with(|t| t.borrow_mut().insert(n, std::fs::File::from(fd)));
    n
}

/// A duplicate of descriptor `fd` (a table entry, or 0, 1, 2 for the standard streams).
pub fn dup_fd(fd: i64) -> Option<std::io::Result<std::os::fd::OwnedFd>> {
    use std::os::fd::AsFd;
    if let Some(r) = with_fd(fd, |f| f.as_fd().try_clone_to_owned()) {
        return Some(r);
    }
    match fd {
        0 => Some(std::io::stdin().as_fd().try_clone_to_owned()),
        1 => Some(std::io::stdout().as_fd().try_clone_to_owned()),
        2 => Some(std::io::stderr().as_fd().try_clone_to_owned()),
        _ => None,
    }
}

/// Runs `f` on a borrowed descriptor `fd` (a table entry or a standard stream).
pub fn with_borrowed_fd<R>(fd: i64, f: impl FnOnce(std::os::fd::BorrowedFd<'_>) -> R) -> Option<R> {
    use std::os::fd::AsFd;
    FILES.with(|t| {
        let t = t.borrow();
        if let Some(file) = t.get(&fd) {
            return Some(f(file.as_fd()));
        }
        match fd {
            0 => Some(f(std::io::stdin().as_fd())),
            1 => Some(f(std::io::stdout().as_fd())),
            2 => Some(f(std::io::stderr().as_fd())),
            _ => None,
        }
    })
}

/// `os.pipe()`: (read end, write end), both close-on-exec.
fn pipe(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "pipe", args, kw, 0, 0, 0)?;
    match std::io::pipe() {
        Ok((r, w)) => {
            let r = adopt_fd(r.into());
            let w = adopt_fd(w.into());
            let (r, w) = (vm.new_int(r), vm.new_int(w));
            Ok(vm.new_tuple(vec![r, w]))
        }
        Err(e) => Err(os_error(vm, e, None, None)),
    }
}

/// `os.dup(fd)`: a new (non-inheritable) descriptor for the same file.
fn dup(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dup", args, kw, 0, 1, 1)?;
    let fd = c_int(vm, args[0])?;
    match dup_fd(fd) {
        Some(Ok(o)) => {
            let n = adopt_fd(o);
            Ok(vm.new_int(n))
        }
        Some(Err(e)) => Err(os_error(vm, e, None, None)),
        None => Err(bad_fd(vm)),
    }
}

fn bad_fd(vm: &mut Vm) -> Value {
    os_error(vm, std::io::Error::from_raw_os_error(9), None, None)
}

/// An argument Argument Clinic converts to a C int (`_PyLong_AsInt`): "'str' object cannot be
/// interpreted as an integer", OverflowError past the int range.
fn c_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    crate::vm::runtime::num::index_c(vm, v, "int", |n| i32::try_from(n).is_ok())
}

/// An argument converted to a 64-bit C type (`Py_ssize_t`, `Py_off_t`: "long").
fn c_wide(vm: &mut Vm, v: Value, ctype: &str) -> PyResult<i64> {
    crate::vm::runtime::num::index_c(vm, v, ctype, |_| true)
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`.
fn fd_open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let (pos, kws) = split_kw(args, kw);
    let mut a: [Option<Value>; 3] = [None; 3];
    for (i, v) in pos.iter().enumerate() {
        if i >= 3 {
            return Err(vm.type_error("open() takes at most 3 positional arguments"));
        }
        a[i] = Some(*v);
    }
    for (k, v) in kws {
        match k {
            "path" => a[0] = Some(v),
            "flags" => a[1] = Some(v),
            "mode" => a[2] = Some(v),
            "dir_fd" if v == vm.none => {}
            "dir_fd" => return Err(vm.not_implemented("os.open with dir_fd")),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for open()"))
                )
            }
        }
    }
    let (Some(path), Some(flags)) = (a[0], a[1]) else {
        return Err(vm.type_error("open() missing required argument 'path' or 'flags'"));
    };
    let (p, _) = path_arg(vm, path, "open", "path")?;
    let flags = c_int(vm, flags)?;
    let mode = match a[2] {
        Some(m) => c_int(vm, m)?,
        None => 0o777,
    };
    let mut o = std::fs::OpenOptions::new();
    match flags & 3 {
        0 => o.read(true),
        1 => o.write(true),
        _ => o.read(true).write(true),
    };
    if flags & 0o2000 != 0 {
        o.append(true);
    }
    if flags & 0o100 != 0 {
        if flags & 0o200 != 0 {
            o.create_new(true);
        } else {
            o.create(true);
        }
    }
    if flags & 0o1000 != 0 {
        o.truncate(true);
    }
    // Other flags (O_NONBLOCK, O_NOFOLLOW, ...) pass through; O_CLOEXEC is std's default.
    o.custom_flags((flags & !(3 | 0o100 | 0o200 | 0o1000 | 0o2000)) as i32);
    o.mode(mode as u32);
    match o.open(&p) {
        Ok(f) => {
            let fd = f.as_raw_fd() as i64;
            FILES.with(|t| t.borrow_mut().insert(fd, f));
            Ok(vm.new_int(fd))
        }
        Err(e) => Err(os_error(vm, e, Some(path), None)),
    }
}

fn fd_read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use std::io::Read;
    nargs(vm, "read", args, kw, 0, 2, 2)?;
    let fd = c_int(vm, args[0])?;
    let n = c_wide(vm, args[1], "ssize_t")?;
    if n < 0 {
        return Err(vm.value_error("negative length"));
    }
    let mut buf = vec![0u8; n as usize];
    loop {
        let r = match with_fd(fd, |f| f.read(&mut buf)) {
            Some(r) => r,
            // The descriptor itself, as CPython's os.read: not Rust's buffered stdin.
            None if fd == 0 => {
                use std::os::fd::AsFd;
                rustix::io::read(std::io::stdin().as_fd(), &mut buf).map_err(Into::into)
            }
            None => return Err(bad_fd(vm)),
        };
        match r {
            Ok(k) => {
                buf.truncate(k);
                return Ok(vm.new_bytes(buf));
            }
            Err(e) if retry_after_signal(vm, &e)? => continue,
            Err(e) => return Err(os_error(vm, e, None, None)),
        }
    }
}

/// PEP 475: a call a signal interrupted (EINTR) is retried once the Python signal handlers
/// have run, unless one raised (its exception propagates).
pub fn retry_after_signal(vm: &mut Vm, e: &std::io::Error) -> PyResult<bool> {
    if e.kind() != std::io::ErrorKind::Interrupted {
        return Ok(false);
    }
    crate::vm::modules::signal::check(vm)?;
    Ok(true)
}

fn fd_write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use std::io::Write;
    nargs(vm, "write", args, kw, 0, 2, 2)?;
    let fd = c_int(vm, args[0])?;
    let Some(data) = crate::vm::types::memoryview::buffer_bytes(args[1]) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    let data = data.to_vec();
    loop {
        let r = match with_fd(fd, |f| f.write(&data)) {
            Some(r) => r,
            None if fd == 1 || fd == 2 => {
                // Keep order with what print() buffered.
                vm.flush_stdout();
                if fd == 1 {
                    let mut o = std::io::stdout().lock();
                    o.write(&data).and_then(|n| o.flush().map(|_| n))
                } else {
                    std::io::stderr().write(&data)
                }
            }
            None => return Err(bad_fd(vm)),
        };
        match r {
            Ok(k) => return Ok(vm.new_int(k as i64)),
            Err(e) if retry_after_signal(vm, &e)? => continue,
            Err(e) => return Err(os_error(vm, e, None, None)),
        }
    }
}

/// `closerange(fd_low, fd_high)`: closes the descriptors cpjit has open in that range,
/// ignoring errors.
fn closerange(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "closerange", args, kw, 0, 2, 2)?;
    let lo = c_int(vm, args[0])?;
    let hi = c_int(vm, args[1])?;
    FILES.with(|t| t.borrow_mut().retain(|&fd, _| fd < lo || fd >= hi));
    Ok(vm.none)
}

fn fd_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "close", args, kw, 0, 1, 1)?;
    let fd = c_int(vm, args[0])?;
    match FILES.with(|t| t.borrow_mut().remove(&fd)) {
        Some(f) => {
            drop(f);
            Ok(vm.none)
        }
        None if (0..=2).contains(&fd) => Ok(vm.none),
        None => Err(bad_fd(vm)),
    }
}

fn fd_lseek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use std::io::{Seek, SeekFrom};
    nargs(vm, "lseek", args, kw, 0, 3, 3)?;
    let fd = c_int(vm, args[0])?;
    let pos = c_wide(vm, args[1], "long")?;
    let how = c_int(vm, args[2])?;
    let whence = match how {
        0 if pos < 0 => {
            return Err(os_error(
                vm,
                std::io::Error::from_raw_os_error(22),
                None,
                None,
            ))
        }
        0 => SeekFrom::Start(pos as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => {
            return Err(os_error(
                vm,
                std::io::Error::from_raw_os_error(22),
                None,
                None,
            ))
        }
    };
    match with_fd(fd, |f| f.seek(whence)) {
        Some(Ok(p)) => Ok(vm.new_int(p as i64)),
        Some(Err(e)) => Err(os_error(vm, e, None, None)),
        // The standard streams: a terminal or pipe cannot seek.
        None if (0..=2).contains(&fd) => Err(os_error(
            vm,
            std::io::Error::from_raw_os_error(29),
            None,
            None,
        )),
        None => Err(bad_fd(vm)),
    }
}

fn fd_isatty(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use std::io::IsTerminal;
    nargs(vm, "isatty", args, kw, 0, 1, 1)?;
    let fd = c_int(vm, args[0])?;
    let t = match with_fd(fd, |f| f.is_terminal()) {
        Some(t) => t,
        None => match fd {
            0 => std::io::stdin().is_terminal(),
            1 => std::io::stdout().is_terminal(),
            2 => std::io::stderr().is_terminal(),
            _ => false,
        },
    };
    Ok(vm.bool_val(t))
}

fn fd_ftruncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "ftruncate", args, kw, 0, 2, 2)?;
    let fd = c_int(vm, args[0])?;
    let n = c_wide(vm, args[1], "long")?;
    match with_fd(fd, |f| f.set_len(n.max(0) as u64)) {
        Some(Ok(())) => Ok(vm.none),
        Some(Err(e)) => Err(os_error(vm, e, None, None)),
        None => Err(bad_fd(vm)),
    }
}

fn fd_fsync(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "fsync", args, kw, 0, 1, 1)?;
    let fd = c_int(vm, args[0])?;
    match with_fd(fd, |f| f.sync_all()) {
        Some(Ok(())) => Ok(vm.none),
        Some(Err(e)) => Err(os_error(vm, e, None, None)),
        None if (0..=2).contains(&fd) => Ok(vm.none),
        None => Err(bad_fd(vm)),
    }
}
