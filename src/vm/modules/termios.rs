//! `termios`: POSIX terminal control (tcgetattr(3) and friends, through libc) and the
//! constants `tty` and programs use. The Python part (`TERMIOS_SRC`) turns file objects into
//! descriptors and OSError into `termios.error`, as CPython's C module does.

use super::posix::os_error;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::BuiltinFn;
use crate::vm::runtime::subscr::index_of;
use crate::vm::types::nargs;
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("_tcgetattr", tcgetattr),
        ("_tcsetattr", tcsetattr),
        ("_tcsendbreak", |vm, a, k| {
            simple(vm, a, k, "tcsendbreak", |fd, n| unsafe {
                libc::tcsendbreak(fd, n)
            })
        }),
        ("_tcdrain", |vm, a, k| {
            simple(vm, a, k, "tcdrain", |fd, _| unsafe { libc::tcdrain(fd) })
        }),
        ("_tcflush", |vm, a, k| {
            simple(vm, a, k, "tcflush", |fd, n| unsafe { libc::tcflush(fd, n) })
        }),
        ("_tcflow", |vm, a, k| {
            simple(vm, a, k, "tcflow", |fd, n| unsafe { libc::tcflow(fd, n) })
        }),
        ("_tcgetwinsize", tcgetwinsize),
        ("_tcsetwinsize", tcsetwinsize),
    ];
    let m = super::native_with_python(vm, "termios", fns, TERMIOS_SRC)?;
    vm.roots.push(m);
    for &(name, v) in CONSTANTS {
        let i = vm.new_int(v as i64);
        super::set_attr(vm, m, name, i);
    }
    vm.roots.pop();
    Ok(m)
}

fn last_error(vm: &mut Vm) -> Value {
    os_error(vm, std::io::Error::last_os_error(), None, None)
}

fn fd_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i32> {
    let fd = index_of(vm, v, what)?;
    i32::try_from(fd).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

/// `_tcsendbreak(fd, duration)`, `_tcdrain(fd, 0)`, `_tcflush(fd, queue)`, `_tcflow(fd, action)`.
fn simple(
    vm: &mut Vm,
    a: &[Value],
    k: &[Value],
    name: &str,
    f: impl Fn(i32, i32) -> i32,
) -> PyResult {
    nargs(vm, name, a, k, 0, 2, 2)?;
    let fd = fd_arg(vm, a[0], name)?;
    let n = index_of(vm, a[1], name)? as i32;
    if f(fd, n) != 0 {
        return Err(last_error(vm));
    }
    Ok(vm.none)
}

/// `_tcgetattr(fd)`: [iflag, oflag, cflag, lflag, ispeed, ospeed, cc] with cc a list of
/// one-byte bytes (VMIN and VTIME as ints, when ICANON is off, as CPython gives them).
fn tcgetattr(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "tcgetattr", a, k, 0, 1, 1)?;
    let fd = fd_arg(vm, a[0], "tcgetattr")?;
    // SAFETY: tcgetattr fills an initialized termios struct.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
        return Err(last_error(vm));
    }
    let ispeed = unsafe { libc::cfgetispeed(&t) };
    let ospeed = unsafe { libc::cfgetospeed(&t) };
    let mut cc = Vec::with_capacity(libc::NCCS);
    for (i, &c) in t.c_cc.iter().enumerate() {
        if t.c_lflag & libc::ICANON == 0 && (i == libc::VMIN || i == libc::VTIME) {
            cc.push(vm.new_int(c as i64));
        } else {
            cc.push(vm.new_bytes(vec![c]));
        }
    }
    let mut items = Vec::new();
    for x in [t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag, ispeed, ospeed] {
        items.push(vm.new_int(x as i64));
    }
    let cc = vm.new_list(cc);
    items.push(cc);
    Ok(vm.new_list(items))
}

/// `_tcsetattr(fd, when, [iflag, oflag, cflag, lflag, ispeed, ospeed, cc])` (checked by the
/// Python part).
fn tcsetattr(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "tcsetattr", a, k, 0, 3, 3)?;
    let fd = fd_arg(vm, a[0], "tcsetattr")?;
    let when = index_of(vm, a[1], "tcsetattr")? as i32;
    let attrs = crate::vm::runtime::iter::collect(vm, a[2])?;
    // SAFETY: tcgetattr fills an initialized termios struct (the fields not set stay as
    // they are, as CPython does).
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
        return Err(last_error(vm));
    }
    let mut n = [0u32; 6];
    for (i, x) in n.iter_mut().enumerate() {
        *x = index_of(vm, attrs[i], "tcsetattr")? as u32;
    }
    t.c_iflag = n[0];
    t.c_oflag = n[1];
    t.c_cflag = n[2];
    t.c_lflag = n[3];
    let cc = crate::vm::runtime::iter::collect(vm, attrs[6])?;
    for (i, &c) in cc.iter().enumerate().take(libc::NCCS) {
        t.c_cc[i] = match crate::vm::types::memoryview::buffer_bytes(c) {
            Some(b) if b.len() == 1 => b[0],
            Some(_) => {
                return Err(vm.type_error(
                    "tcsetattr: elements of attributes must be characters or integers",
                ))
            }
            None => index_of(vm, c, "tcsetattr")? as u8,
        };
    }
    // SAFETY: `t` is an initialized termios struct.
    unsafe {
        if libc::cfsetispeed(&mut t, n[4]) != 0 || libc::cfsetospeed(&mut t, n[5]) != 0 {
            return Err(last_error(vm));
        }
        if libc::tcsetattr(fd, when, &t) != 0 {
            return Err(last_error(vm));
        }
    }
    Ok(vm.none)
}

fn tcgetwinsize(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "tcgetwinsize", a, k, 0, 1, 1)?;
    let fd = fd_arg(vm, a[0], "tcgetwinsize")?;
    // SAFETY: TIOCGWINSZ fills an initialized winsize struct.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } != 0 {
        return Err(last_error(vm));
    }
    let (r, c) = (vm.new_int(w.ws_row as i64), vm.new_int(w.ws_col as i64));
    Ok(vm.new_tuple(vec![r, c]))
}

fn tcsetwinsize(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "tcsetwinsize", a, k, 0, 3, 3)?;
    let fd = fd_arg(vm, a[0], "tcsetwinsize")?;
    let rows = index_of(vm, a[1], "tcsetwinsize")?;
    let cols = index_of(vm, a[2], "tcsetwinsize")?;
    // SAFETY: TIOCGWINSZ/TIOCSWINSZ read and write an initialized winsize struct.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    unsafe {
        if libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) != 0 {
            return Err(last_error(vm));
        }
        w.ws_row = rows as u16;
        w.ws_col = cols as u16;
        if libc::ioctl(fd, libc::TIOCSWINSZ, &w) != 0 {
            return Err(last_error(vm));
        }
    }
    Ok(vm.none)
}

const CONSTANTS: &[(&str, u64)] = &[
    ("B0", libc::B0 as u64),
    ("B50", libc::B50 as u64),
    ("B75", libc::B75 as u64),
    ("B110", libc::B110 as u64),
    ("B134", libc::B134 as u64),
    ("B150", libc::B150 as u64),
    ("B200", libc::B200 as u64),
    ("B300", libc::B300 as u64),
    ("B600", libc::B600 as u64),
    ("B1200", libc::B1200 as u64),
    ("B1800", libc::B1800 as u64),
    ("B2400", libc::B2400 as u64),
    ("B4800", libc::B4800 as u64),
    ("B9600", libc::B9600 as u64),
    ("B19200", libc::B19200 as u64),
    ("B38400", libc::B38400 as u64),
    ("B57600", libc::B57600 as u64),
    ("B115200", libc::B115200 as u64),
    ("B230400", libc::B230400 as u64),
    ("TCSANOW", libc::TCSANOW as u64),
    ("TCSADRAIN", libc::TCSADRAIN as u64),
    ("TCSAFLUSH", libc::TCSAFLUSH as u64),
    ("TCIFLUSH", libc::TCIFLUSH as u64),
    ("TCOFLUSH", libc::TCOFLUSH as u64),
    ("TCIOFLUSH", libc::TCIOFLUSH as u64),
    ("TCOOFF", libc::TCOOFF as u64),
    ("TCOON", libc::TCOON as u64),
    ("TCIOFF", libc::TCIOFF as u64),
    ("TCION", libc::TCION as u64),
    ("IGNBRK", libc::IGNBRK as u64),
    ("BRKINT", libc::BRKINT as u64),
    ("IGNPAR", libc::IGNPAR as u64),
    ("PARMRK", libc::PARMRK as u64),
    ("INPCK", libc::INPCK as u64),
    ("ISTRIP", libc::ISTRIP as u64),
    ("INLCR", libc::INLCR as u64),
    ("IGNCR", libc::IGNCR as u64),
    ("ICRNL", libc::ICRNL as u64),
    ("IXON", libc::IXON as u64),
    ("IXANY", libc::IXANY as u64),
    ("IXOFF", libc::IXOFF as u64),
    ("IMAXBEL", libc::IMAXBEL as u64),
    ("IUTF8", libc::IUTF8 as u64),
    ("OPOST", libc::OPOST as u64),
    ("ONLCR", libc::ONLCR as u64),
    ("OCRNL", libc::OCRNL as u64),
    ("ONOCR", libc::ONOCR as u64),
    ("ONLRET", libc::ONLRET as u64),
    ("CSIZE", libc::CSIZE as u64),
    ("CS5", libc::CS5 as u64),
    ("CS6", libc::CS6 as u64),
    ("CS7", libc::CS7 as u64),
    ("CS8", libc::CS8 as u64),
    ("CSTOPB", libc::CSTOPB as u64),
    ("CREAD", libc::CREAD as u64),
    ("PARENB", libc::PARENB as u64),
    ("PARODD", libc::PARODD as u64),
    ("HUPCL", libc::HUPCL as u64),
    ("CLOCAL", libc::CLOCAL as u64),
    ("CRTSCTS", libc::CRTSCTS as u64),
    ("ISIG", libc::ISIG as u64),
    ("ICANON", libc::ICANON as u64),
    ("ECHO", libc::ECHO as u64),
    ("ECHOE", libc::ECHOE as u64),
    ("ECHOK", libc::ECHOK as u64),
    ("ECHONL", libc::ECHONL as u64),
    ("NOFLSH", libc::NOFLSH as u64),
    ("TOSTOP", libc::TOSTOP as u64),
    ("ECHOCTL", libc::ECHOCTL as u64),
    ("ECHOPRT", libc::ECHOPRT as u64),
    ("ECHOKE", libc::ECHOKE as u64),
    ("FLUSHO", libc::FLUSHO as u64),
    ("PENDIN", libc::PENDIN as u64),
    ("IEXTEN", libc::IEXTEN as u64),
    ("VINTR", libc::VINTR as u64),
    ("VQUIT", libc::VQUIT as u64),
    ("VERASE", libc::VERASE as u64),
    ("VKILL", libc::VKILL as u64),
    ("VEOF", libc::VEOF as u64),
    ("VTIME", libc::VTIME as u64),
    ("VMIN", libc::VMIN as u64),
    ("VSTART", libc::VSTART as u64),
    ("VSTOP", libc::VSTOP as u64),
    ("VSUSP", libc::VSUSP as u64),
    ("VEOL", libc::VEOL as u64),
    ("VREPRINT", libc::VREPRINT as u64),
    ("VDISCARD", libc::VDISCARD as u64),
    ("VWERASE", libc::VWERASE as u64),
    ("VLNEXT", libc::VLNEXT as u64),
    ("VEOL2", libc::VEOL2 as u64),
    ("NCCS", libc::NCCS as u64),
    ("TIOCGWINSZ", libc::TIOCGWINSZ as u64),
    ("TIOCSWINSZ", libc::TIOCSWINSZ as u64),
    ("FIONREAD", libc::FIONREAD as u64),
];

const TERMIOS_SRC: &str = r#"
class error(Exception):
    pass

error.__module__ = 'termios'


def _fd(f):
    if isinstance(f, int):
        return f
    fileno = getattr(f, 'fileno', None)
    if fileno is None:
        raise TypeError('argument must be an int, or have a fileno() method.')
    return fileno()


def _call(f, *args):
    try:
        return f(*args)
    except OSError as e:
        raise error(e.errno, e.strerror) from None


def tcgetattr(fd, /):
    return _call(_tcgetattr, _fd(fd))


def tcsetattr(fd, when, attributes, /):
    fd = _fd(fd)
    if not isinstance(attributes, list) or len(attributes) != 7:
        raise TypeError('tcsetattr, arg 3: must be 7 element list')
    if len(attributes[6]) != NCCS:
        raise TypeError('tcsetattr: attributes[6] must be %d element list' % NCCS)
    _call(_tcsetattr, fd, when, attributes)


def tcsendbreak(fd, duration, /):
    _call(_tcsendbreak, _fd(fd), duration)


def tcdrain(fd, /):
    _call(_tcdrain, _fd(fd), 0)


def tcflush(fd, queue, /):
    _call(_tcflush, _fd(fd), queue)


def tcflow(fd, action, /):
    _call(_tcflow, _fd(fd), action)


def tcgetwinsize(fd, /):
    return _call(_tcgetwinsize, _fd(fd))


def tcsetwinsize(fd, winsize, /):
    rows, cols = winsize
    _call(_tcsetwinsize, _fd(fd), rows, cols)
"#;
