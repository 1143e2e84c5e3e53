//! `termios`: POSIX terminal control (tcgetattr(3) and friends, through rustix; tcsendbreak
//! through nix, whose call keeps the duration) and the constants `tty` and programs use. The
//! Python part (`TERMIOS_SRC`) turns file objects into descriptors and OSError into
//! `termios.error`, as CPython's C module does.
//!
//! What the C library's calls do around the ioctls is done here as glibc does it, so the
//! results are those of CPython's module: the speeds are the `B...` codes of the control flags
//! (cfgetispeed/cfsetispeed), an unknown `when`, queue or action is EINVAL (ENOTTY on a
//! descriptor that is not a terminal, as the kernel answers first). The kernel's 19 control
//! characters are VINTR..VEOL2 and two unnamed, unused ones, which rustix does not expose: they
//! read as 0 (as the C library's 13 past the kernel's do) and are left as they are.

use std::os::fd::BorrowedFd;

use rustix::termios::{Action, OptionalActions, QueueSelector, SpecialCodeIndex as Cc};

use super::posix::{os_error, with_borrowed_fd};
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
            simple(vm, a, k, "tcsendbreak", |fd, n| {
                nix::sys::termios::tcsendbreak(fd, n).map_err(Into::into)
            })
        }),
        ("_tcdrain", |vm, a, k| {
            simple(vm, a, k, "tcdrain", |fd, _| {
                Ok(rustix::termios::tcdrain(fd)?)
            })
        }),
        ("_tcflush", |vm, a, k| {
            simple(vm, a, k, "tcflush", |fd, n| {
                let queue = match n {
                    libc::TCIFLUSH => QueueSelector::IFlush,
                    libc::TCOFLUSH => QueueSelector::OFlush,
                    libc::TCIOFLUSH => QueueSelector::IOFlush,
                    _ => return Err(invalid(fd)),
                };
                Ok(rustix::termios::tcflush(fd, queue)?)
            })
        }),
        ("_tcflow", |vm, a, k| {
            simple(vm, a, k, "tcflow", |fd, n| {
                let action = match n {
                    libc::TCOOFF => Action::OOff,
                    libc::TCOON => Action::OOn,
                    libc::TCIOFF => Action::IOff,
                    libc::TCION => Action::IOn,
                    _ => return Err(invalid(fd)),
                };
                Ok(rustix::termios::tcflow(fd, action)?)
            })
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

/// The kernel's control characters that rustix names, in index order (VINTR is 0).
const CC: [(Cc, usize); 17] = [
    (Cc::VINTR, libc::VINTR),
    (Cc::VQUIT, libc::VQUIT),
    (Cc::VERASE, libc::VERASE),
    (Cc::VKILL, libc::VKILL),
    (Cc::VEOF, libc::VEOF),
    (Cc::VTIME, libc::VTIME),
    (Cc::VMIN, libc::VMIN),
    (Cc::VSWTC, libc::VSWTC),
    (Cc::VSTART, libc::VSTART),
    (Cc::VSTOP, libc::VSTOP),
    (Cc::VSUSP, libc::VSUSP),
    (Cc::VEOL, libc::VEOL),
    (Cc::VREPRINT, libc::VREPRINT),
    (Cc::VDISCARD, libc::VDISCARD),
    (Cc::VWERASE, libc::VWERASE),
    (Cc::VLNEXT, libc::VLNEXT),
    (Cc::VEOL2, libc::VEOL2),
];

/// The C library's input-flag bit for "input speed 0" (glibc's IBAUD0), set by
/// cfsetispeed(B0) and cleared before the flags reach the kernel.
const IBAUD0: u32 = 0o20000000000;
/// The speed bits of the control flags (CBAUD | CBAUDEX).
const SPEED_BITS: u32 = libc::CBAUD | libc::CBAUDEX;

fn fd_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i32> {
    let fd = index_of(vm, v, what)?;
    i32::try_from(fd).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

/// Runs `f` on descriptor `fd`; an error becomes OSError (EBADF if cpjit has no such
/// descriptor open).
fn on_fd<R>(
    vm: &mut Vm,
    fd: i32,
    f: impl FnOnce(BorrowedFd<'_>) -> std::io::Result<R>,
) -> PyResult<R> {
    match with_borrowed_fd(fd as i64, f) {
        Some(Ok(r)) => Ok(r),
        Some(Err(e)) => Err(os_error(vm, e, None, None)),
        None => Err(os_error(vm, rustix::io::Errno::BADF.into(), None, None)),
    }
}

/// The error of a request with an unknown argument: EINVAL from a terminal, ENOTTY otherwise
/// (the kernel checks the descriptor first).
fn invalid(fd: BorrowedFd<'_>) -> std::io::Error {
    let e = if rustix::termios::isatty(fd) {
        rustix::io::Errno::INVAL
    } else {
        rustix::io::Errno::NOTTY
    };
    e.into()
}

/// `_tcsendbreak(fd, duration)`, `_tcdrain(fd, 0)`, `_tcflush(fd, queue)`, `_tcflow(fd, action)`.
fn simple(
    vm: &mut Vm,
    a: &[Value],
    k: &[Value],
    name: &str,
    f: impl FnOnce(BorrowedFd<'_>, i32) -> std::io::Result<()>,
) -> PyResult {
    nargs(vm, name, a, k, 0, 2, 2)?;
    let fd = fd_arg(vm, a[0], name)?;
    let n = index_of(vm, a[1], name)? as i32;
    on_fd(vm, fd, |fd| f(fd, n))?;
    Ok(vm.none)
}

/// cfsetispeed/cfsetospeed's check: a speed is a `B...` code of the control flags.
fn speed_ok(speed: u32) -> std::io::Result<()> {
    if speed & !SPEED_BITS != 0 {
        return Err(rustix::io::Errno::INVAL.into());
    }
    Ok(())
}

/// `_tcgetattr(fd)`: [iflag, oflag, cflag, lflag, ispeed, ospeed, cc] with cc a list of
/// one-byte bytes (VMIN and VTIME as ints, when ICANON is off, as CPython gives them).
fn tcgetattr(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "tcgetattr", a, k, 0, 1, 1)?;
    let fd = fd_arg(vm, a[0], "tcgetattr")?;
    let t = on_fd(vm, fd, |fd| Ok(rustix::termios::tcgetattr(fd)?))?;
    let (iflag, oflag) = (t.input_modes.bits(), t.output_modes.bits());
    let (cflag, lflag) = (t.control_modes.bits(), t.local_modes.bits());
    // cfgetospeed and cfgetispeed.
    let ospeed = cflag & SPEED_BITS;
    let ispeed = if iflag & IBAUD0 != 0 { 0 } else { ospeed };
    let mut chars = [0u8; libc::NCCS];
    for &(name, i) in &CC {
        chars[i] = t.special_codes[name];
    }
    let mut cc = Vec::with_capacity(libc::NCCS);
    for (i, &c) in chars.iter().enumerate() {
        if lflag & libc::ICANON == 0 && (i == libc::VMIN || i == libc::VTIME) {
            cc.push(vm.new_int(c as i64));
        } else {
            cc.push(vm.new_bytes(vec![c]));
        }
    }
    let mut items = Vec::new();
    for x in [iflag, oflag, cflag, lflag, ispeed, ospeed] {
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
    // The current attributes: the fields not set stay as they are, as CPython does.
    let mut t = on_fd(vm, fd, |fd| Ok(rustix::termios::tcgetattr(fd)?))?;
    let mut n = [0u32; 6];
    for (i, x) in n.iter_mut().enumerate() {
        *x = index_of(vm, attrs[i], "tcsetattr")? as u32;
    }
    let (mut iflag, mut cflag) = (n[0], n[2]);
    t.output_modes = rustix::termios::OutputModes::from_bits_retain(n[1]);
    t.local_modes = rustix::termios::LocalModes::from_bits_retain(n[3]);
    let cc = crate::vm::runtime::iter::collect(vm, attrs[6])?;
    let mut chars = [0u8; libc::NCCS];
    for (i, &c) in cc.iter().enumerate().take(libc::NCCS) {
        chars[i] = match crate::vm::types::memoryview::buffer_bytes(c) {
            Some(b) if b.len() == 1 => b[0],
            Some(_) => {
                return Err(vm.type_error(
                    "tcsetattr: elements of attributes must be characters or integers",
                ))
            }
            None => index_of(vm, c, "tcsetattr")? as u8,
        };
    }
    for &(name, i) in &CC {
        t.special_codes[name] = chars[i];
    }
    on_fd(vm, fd, |fd| {
        // cfsetispeed (B0: "as the output speed"), then cfsetospeed.
        let (ispeed, ospeed) = (n[4], n[5]);
        speed_ok(ispeed)?;
        if ispeed == 0 {
            iflag |= IBAUD0;
        } else {
            iflag &= !IBAUD0;
            cflag = (cflag & !SPEED_BITS) | ispeed;
        }
        speed_ok(ospeed)?;
        cflag = (cflag & !SPEED_BITS) | ospeed;
        let when = match when {
            libc::TCSANOW => OptionalActions::Now,
            libc::TCSADRAIN => OptionalActions::Drain,
            libc::TCSAFLUSH => OptionalActions::Flush,
            _ => return Err(rustix::io::Errno::INVAL.into()),
        };
        t.input_modes = rustix::termios::InputModes::from_bits_retain(iflag & !IBAUD0);
        t.control_modes = rustix::termios::ControlModes::from_bits_retain(cflag);
        Ok(rustix::termios::tcsetattr(fd, when, &t)?)
    })?;
    Ok(vm.none)
}

fn tcgetwinsize(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "tcgetwinsize", a, k, 0, 1, 1)?;
    let fd = fd_arg(vm, a[0], "tcgetwinsize")?;
    let w = on_fd(vm, fd, |fd| Ok(rustix::termios::tcgetwinsize(fd)?))?;
    let (r, c) = (vm.new_int(w.ws_row as i64), vm.new_int(w.ws_col as i64));
    Ok(vm.new_tuple(vec![r, c]))
}

fn tcsetwinsize(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, "tcsetwinsize", a, k, 0, 3, 3)?;
    let fd = fd_arg(vm, a[0], "tcsetwinsize")?;
    let rows = index_of(vm, a[1], "tcsetwinsize")?;
    let cols = index_of(vm, a[2], "tcsetwinsize")?;
    on_fd(vm, fd, |fd| {
        let mut w = rustix::termios::tcgetwinsize(fd)?;
        w.ws_row = rows as u16;
        w.ws_col = cols as u16;
        Ok(rustix::termios::tcsetwinsize(fd, w)?)
    })?;
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

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_in_index_order() {
        for (i, &(_, n)) in super::CC.iter().enumerate() {
            assert_eq!(i, n);
        }
    }
}
