//! `_socket`: BSD sockets through rustix's `net` API (no raw libc). The system calls are Rust
//! functions on descriptor numbers (each socket's descriptor joins posix's descriptor table, so
//! `os.close`, `select` and `fileno()` see it); the module's Python part builds CPython's
//! `_socket.socket` type, the address conversions and the constants on them.
//!
//! Supported: AF_INET, AF_INET6, AF_UNIX; SOCK_STREAM and SOCK_DGRAM; blocking, non-blocking
//! and timeout modes; the common socket options. Name resolution is numeric addresses and
//! `localhost` only (a name needing DNS raises `gaierror`).

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};

use rustix::net::{
    self as rn, AddressFamily, Protocol, RecvFlags, SendFlags, SocketAddrAny, SocketAddrUnix,
    SocketFlags, SocketType,
};

use super::posix::{adopt_fd, os_error, with_borrowed_fd};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::nargs;
use crate::vm::value::Value;

const AF_UNIX: i64 = 1;
const AF_INET: i64 = 2;
const AF_INET6: i64 = 10;

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_sock", sock),
        ("_pair", pair),
        ("_bind", bind),
        ("_connect", connect),
        ("_listen", listen),
        ("_accept", accept),
        ("_send", send),
        ("_recv", recv),
        ("_sendto", sendto),
        ("_recvfrom", recvfrom),
        ("_nonblock", nonblock),
        ("_wait", wait),
        ("_name", name),
        ("_setopt", setopt),
        ("_getopt", getopt),
        ("_shutdown", shutdown),
        ("_fdinfo", fdinfo),
    ];
    super::native_with_python(vm, "_socket", fns, SOCKET_SRC)
}

fn int(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    index_of(vm, v, what)
}

fn io_err(vm: &mut Vm, e: rustix::io::Errno) -> Value {
    os_error(vm, std::io::Error::from(e), None, None)
}

/// OSError (or its errno's subclass) for errno `code`.
fn errno_error(vm: &mut Vm, code: i32) -> Value {
    os_error(vm, std::io::Error::from_raw_os_error(code), None, None)
}

fn bad_fd(vm: &mut Vm) -> Value {
    errno_error(vm, 9)
}

/// Runs a system call on descriptor `fd` (EBADF when it is not an open descriptor).
fn on_fd<R>(
    vm: &mut Vm,
    fd: Value,
    f: impl FnOnce(std::os::fd::BorrowedFd<'_>) -> rustix::io::Result<R>,
) -> PyResult<R> {
    let n = int(vm, fd, "fd")?;
    match with_borrowed_fd(n, f) {
        Some(Ok(r)) => Ok(r),
        Some(Err(e)) => Err(io_err(vm, e)),
        None => Err(bad_fd(vm)),
    }
}

fn kind(
    vm: &mut Vm,
    family: Value,
    ty: Value,
    proto: Value,
) -> PyResult<(AddressFamily, SocketType, SocketFlags, Option<Protocol>)> {
    let fam = int(vm, family, "family")?;
    let t = int(vm, ty, "type")?;
    let p = int(vm, proto, "proto")?;
    let mut flags = SocketFlags::CLOEXEC;
    if t & 2048 != 0 {
        flags |= SocketFlags::NONBLOCK;
    }
    let base = (t & !(2048 | 524288)) as u32;
    let proto = u32::try_from(p)
        .ok()
        .and_then(std::num::NonZeroU32::new)
        .map(Protocol::from_raw);
    Ok((
        AddressFamily::from_raw(fam as u16),
        SocketType::from_raw(base),
        flags,
        proto,
    ))
}

/// `_sock(family, type, proto)`: a new socket's descriptor.
fn sock(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_sock", args, kw, 0, 3, 3)?;
    let (f, t, fl, p) = kind(vm, args[0], args[1], args[2])?;
    match rn::socket_with(f, t, fl, p) {
        Ok(fd) => Ok(vm.new_int(adopt_fd(fd))),
        Err(e) => Err(io_err(vm, e)),
    }
}

/// `_pair(family, type, proto)`: two connected sockets' descriptors.
fn pair(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_pair", args, kw, 0, 3, 3)?;
    let (f, t, fl, p) = kind(vm, args[0], args[1], args[2])?;
    match rn::socketpair(f, t, fl, p) {
        Ok((a, b)) => {
            let (a, b) = (vm.new_int(adopt_fd(a)), vm.new_int(adopt_fd(b)));
            Ok(vm.new_tuple(vec![a, b]))
        }
        Err(e) => Err(io_err(vm, e)),
    }
}

/// A socket address, as the Python part hands it over: (ip, port[, flowinfo, scope_id])
/// with a numeric ip, or a Unix path (str or bytes; a leading NUL names an abstract one).
enum Addr {
    V4(SocketAddrV4),
    V6(SocketAddrV6),
    Unix(SocketAddrUnix),
}

fn parse_addr(vm: &mut Vm, family: i64, a: Value) -> PyResult<Addr> {
    match family {
        AF_UNIX => {
            let bytes: Vec<u8> = if let Some(s) = as_str(a) {
                s.s.as_bytes().to_vec()
            } else if let Some(b) = as_bytes(a) {
                b.to_vec()
            } else {
                let tn = vm.type_name(a);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
            };
            let r = if bytes.first() == Some(&0) {
                SocketAddrUnix::new_abstract_name(&bytes[1..])
            } else {
                SocketAddrUnix::new(bytes)
            };
            match r {
                Ok(u) => Ok(Addr::Unix(u)),
                Err(e) => Err(io_err(vm, e)),
            }
        }
        AF_INET | AF_INET6 => {
            let t = as_tuple(a).map(|t| t.to_vec()).unwrap_or_default();
            let ip = str_of(t[0]).to_string();
            let port = int(vm, t[1], "port")?;
            if !(0..=65535).contains(&port) {
                let what = if family == AF_INET {
                    "getsockaddrarg"
                } else {
                    "getsockaddrarg"
                };
                return Err(vm.err("OverflowError", format!("{what}: port must be 0-65535.")));
            }
            if family == AF_INET {
                let ip: Ipv4Addr = ip
                    .parse()
                    .map_err(|_| vm.err("OSError", "illegal IP address string"))?;
                Ok(Addr::V4(SocketAddrV4::new(ip, port as u16)))
            } else {
                let ip: Ipv6Addr = ip
                    .parse()
                    .map_err(|_| vm.err("OSError", "illegal IP address string"))?;
                let flow = match t.get(2) {
                    Some(&v) => int(vm, v, "flowinfo")? as u32,
                    None => 0,
                };
                let scope = match t.get(3) {
                    Some(&v) => int(vm, v, "scope_id")? as u32,
                    None => 0,
                };
                Ok(Addr::V6(SocketAddrV6::new(ip, port as u16, flow, scope)))
            }
        }
        _ => Err(vm.err("OSError", "getsockaddrarg: bad family")),
    }
}

fn addr_value(vm: &mut Vm, a: Option<SocketAddrAny>) -> Value {
    let Some(a) = a else {
        return vm.none;
    };
    if let Ok(v4) = SocketAddrV4::try_from(a.clone()) {
        let ip = vm.new_str(&v4.ip().to_string());
        let port = vm.new_int(v4.port() as i64);
        return vm.new_tuple(vec![ip, port]);
    }
    if let Ok(v6) = SocketAddrV6::try_from(a.clone()) {
        let ip = vm.new_str(&v6.ip().to_string());
        let port = vm.new_int(v6.port() as i64);
        let flow = vm.new_int(v6.flowinfo() as i64);
        let scope = vm.new_int(v6.scope_id() as i64);
        return vm.new_tuple(vec![ip, port, flow, scope]);
    }
    if let Ok(u) = SocketAddrUnix::try_from(a) {
        if u.is_unnamed() {
            return vm.new_str("");
        }
        if let Some(p) = u.path_bytes() {
            return vm.new_str(&String::from_utf8_lossy(p));
        }
        if let Some(n) = u.abstract_name() {
            let mut b = vec![0u8];
            b.extend_from_slice(n);
            return vm.new_bytes(b);
        }
        return vm.new_str("");
    }
    vm.none
}

fn bind(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_bind", args, kw, 0, 3, 3)?;
    let fam = int(vm, args[1], "family")?;
    let a = parse_addr(vm, fam, args[2])?;
    on_fd(vm, args[0], |fd| match &a {
        Addr::V4(x) => rn::bind(fd, x),
        Addr::V6(x) => rn::bind(fd, x),
        Addr::Unix(x) => rn::bind(fd, x),
    })?;
    Ok(vm.none)
}

/// `_connect(fd, family, addr)`: 0, or the errno of a failed (or pending) connect.
fn connect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_connect", args, kw, 0, 3, 3)?;
    let fam = int(vm, args[1], "family")?;
    let a = parse_addr(vm, fam, args[2])?;
    let n = int(vm, args[0], "fd")?;
    let r = with_borrowed_fd(n, |fd| loop {
        let r = match &a {
            Addr::V4(x) => rn::connect(fd, x),
            Addr::V6(x) => rn::connect(fd, x),
            Addr::Unix(x) => rn::connect(fd, x),
        };
        if r != Err(rustix::io::Errno::INTR) {
            return r;
        }
    });
    match r {
        Some(Ok(())) => Ok(vm.new_int(0)),
        Some(Err(e)) => Ok(vm.new_int(e.raw_os_error() as i64)),
        None => Ok(vm.new_int(9)),
    }
}

fn listen(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_listen", args, kw, 0, 2, 2)?;
    let b = int(vm, args[1], "backlog")?.clamp(0, i32::MAX as i64) as i32;
    on_fd(vm, args[0], |fd| rn::listen(fd, b))?;
    Ok(vm.none)
}

/// `_accept(fd)`: (new descriptor, peer address).
fn accept(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_accept", args, kw, 0, 1, 1)?;
    let (nfd, a) = on_fd(vm, args[0], |fd| {
        rn::acceptfrom_with(fd, SocketFlags::CLOEXEC)
    })?;
    let n = vm.new_int(adopt_fd(nfd));
    let a = addr_value(vm, a);
    Ok(vm.new_tuple(vec![n, a]))
}

fn data_of(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match as_bytes(v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_send", args, kw, 0, 3, 3)?;
    let data = data_of(vm, args[1])?;
    let fl = SendFlags::from_bits_retain(int(vm, args[2], "flags")? as u32) | SendFlags::NOSIGNAL;
    let n = on_fd(vm, args[0], |fd| rn::send(fd, &data, fl))?;
    Ok(vm.new_int(n as i64))
}

fn recv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_recv", args, kw, 0, 3, 3)?;
    let size = int(vm, args[1], "bufsize")?;
    if size < 0 {
        return Err(vm.value_error("negative buffersize in recv"));
    }
    let fl = RecvFlags::from_bits_retain(int(vm, args[2], "flags")? as u32);
    let mut buf = vec![0u8; size as usize];
    let (n, _) = on_fd(vm, args[0], |fd| rn::recv(fd, &mut buf[..], fl))?;
    buf.truncate(n);
    Ok(vm.new_bytes(buf))
}

fn sendto(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_sendto", args, kw, 0, 5, 5)?;
    let data = data_of(vm, args[1])?;
    let fl = SendFlags::from_bits_retain(int(vm, args[2], "flags")? as u32) | SendFlags::NOSIGNAL;
    let fam = int(vm, args[3], "family")?;
    let a = parse_addr(vm, fam, args[4])?;
    let n = on_fd(vm, args[0], |fd| match &a {
        Addr::V4(x) => rn::sendto(fd, &data, fl, x),
        Addr::V6(x) => rn::sendto(fd, &data, fl, x),
        Addr::Unix(x) => rn::sendto(fd, &data, fl, x),
    })?;
    Ok(vm.new_int(n as i64))
}

fn recvfrom(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_recvfrom", args, kw, 0, 3, 3)?;
    let size = int(vm, args[1], "bufsize")?;
    if size < 0 {
        return Err(vm.value_error("negative buffersize in recvfrom"));
    }
    let fl = RecvFlags::from_bits_retain(int(vm, args[2], "flags")? as u32);
    let mut buf = vec![0u8; size as usize];
    let (n, _, a) = on_fd(vm, args[0], |fd| rn::recvfrom(fd, &mut buf[..], fl))?;
    buf.truncate(n);
    let b = vm.new_bytes(buf);
    vm.roots.push(b);
    let a = addr_value(vm, a);
    vm.roots.pop();
    Ok(vm.new_tuple(vec![b, a]))
}

fn nonblock(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_nonblock", args, kw, 0, 2, 2)?;
    let on = args[1] == vm.true_;
    on_fd(vm, args[0], |fd| rustix::io::ioctl_fionbio(fd, on))?;
    Ok(vm.none)
}

/// `_wait(fd, for_write, timeout)`: whether the socket became ready within `timeout` seconds.
fn wait(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    nargs(vm, "_wait", args, kw, 0, 3, 3)?;
    let write = args[1] == vm.true_;
    let secs = crate::vm::runtime::num::float_of(vm, args[2])?
        .unwrap_or(0.0)
        .max(0.0);
    let ts = Timespec {
        tv_sec: secs.trunc() as i64,
        tv_nsec: ((secs.fract() * 1e9) as i64).min(999_999_999),
    };
    let flags = if write { PollFlags::OUT } else { PollFlags::IN };
    let n = on_fd(vm, args[0], |fd| {
        let mut p = [PollFd::new(&fd, flags)];
        poll(&mut p, Some(&ts))
    })?;
    Ok(vm.bool_val(n > 0))
}

/// `_name(fd, peer)`: getsockname / getpeername.
fn name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_name", args, kw, 0, 2, 2)?;
    let a = if args[1] == vm.true_ {
        on_fd(vm, args[0], |f| rn::getpeername(f))?
    } else {
        Some(on_fd(vm, args[0], |f| rn::getsockname(f))?)
    };
    if a.is_none() {
        return Err(errno_error(vm, 107));
    }
    Ok(addr_value(vm, a))
}

const SOL_SOCKET: i64 = 1;
const IPPROTO_TCP: i64 = 6;
const IPPROTO_IPV6: i64 = 41;

fn no_opt(vm: &mut Vm) -> Value {
    errno_error(vm, 92)
}

/// `_setopt(fd, level, option, value)` for the options cpjit knows (ENOPROTOOPT otherwise).
fn setopt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use rn::sockopt as so;
    nargs(vm, "_setopt", args, kw, 0, 4, 4)?;
    let level = int(vm, args[1], "level")?;
    let opt = int(vm, args[2], "option")?;
    let v = int(vm, args[3], "value")?;
    let on = v != 0;
    let r = match (level, opt) {
        (SOL_SOCKET, 2) => on_fd(vm, args[0], |fd| so::set_socket_reuseaddr(fd, on)),
        (SOL_SOCKET, 6) => on_fd(vm, args[0], |fd| so::set_socket_broadcast(fd, on)),
        (SOL_SOCKET, 7) => on_fd(vm, args[0], |fd| {
            so::set_socket_send_buffer_size(fd, v as usize)
        }),
        (SOL_SOCKET, 8) => on_fd(vm, args[0], |fd| {
            so::set_socket_recv_buffer_size(fd, v as usize)
        }),
        (SOL_SOCKET, 9) => on_fd(vm, args[0], |fd| so::set_socket_keepalive(fd, on)),
        (SOL_SOCKET, 15) => on_fd(vm, args[0], |fd| so::set_socket_reuseport(fd, on)),
        (IPPROTO_TCP, 1) => on_fd(vm, args[0], |fd| so::set_tcp_nodelay(fd, on)),
        (IPPROTO_IPV6, 26) => on_fd(vm, args[0], |fd| so::set_ipv6_v6only(fd, on)),
        _ => return Err(no_opt(vm)),
    };
    r?;
    Ok(vm.none)
}

/// `_getopt(fd, level, option)`: the option's value as an int.
fn getopt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use rn::sockopt as so;
    nargs(vm, "_getopt", args, kw, 0, 3, 3)?;
    let level = int(vm, args[1], "level")?;
    let opt = int(vm, args[2], "option")?;
    let fd = args[0];
    let v: i64 = match (level, opt) {
        (SOL_SOCKET, 2) => on_fd(vm, fd, |f| so::socket_reuseaddr(f))? as i64,
        (SOL_SOCKET, 3) => on_fd(vm, fd, |f| so::socket_type(f))?.as_raw() as i64,
        (SOL_SOCKET, 4) => match on_fd(vm, fd, |f| so::socket_error(f))? {
            Ok(()) => 0,
            Err(e) => e.raw_os_error() as i64,
        },
        (SOL_SOCKET, 7) => on_fd(vm, fd, |f| so::socket_send_buffer_size(f))? as i64,
        (SOL_SOCKET, 8) => on_fd(vm, fd, |f| so::socket_recv_buffer_size(f))? as i64,
        (SOL_SOCKET, 9) => on_fd(vm, fd, |f| so::socket_keepalive(f))? as i64,
        (SOL_SOCKET, 39) => on_fd(vm, fd, |f| so::socket_domain(f))?.as_raw() as i64,
        (IPPROTO_TCP, 1) => on_fd(vm, fd, |f| so::tcp_nodelay(f))? as i64,
        _ => return Err(no_opt(vm)),
    };
    Ok(vm.new_int(v))
}

fn shutdown(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_shutdown", args, kw, 0, 2, 2)?;
    let how = match int(vm, args[1], "how")? {
        0 => rn::Shutdown::Read,
        1 => rn::Shutdown::Write,
        2 => rn::Shutdown::Both,
        _ => return Err(errno_error(vm, 22)),
    };
    on_fd(vm, args[0], |fd| rn::shutdown(fd, how))?;
    Ok(vm.none)
}

/// `_fdinfo(fd)`: (family, type) of an open socket descriptor.
fn fdinfo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use rn::sockopt as so;
    nargs(vm, "_fdinfo", args, kw, 0, 1, 1)?;
    let f = on_fd(vm, args[0], |f| so::socket_domain(f))?.as_raw() as i64;
    let t = on_fd(vm, args[0], |f| so::socket_type(f))?.as_raw() as i64;
    let (f, t) = (vm.new_int(f), vm.new_int(t));
    Ok(vm.new_tuple(vec![f, t]))
}

const SOCKET_SRC: &str = include_str!("py/_socket_part.py");
