//! sys.stdin, sys.stdout and sys.stderr: CPython's three layers per stream, as native objects.
//!
//! CPython builds each standard stream as `TextIOWrapper(BufferedReader/BufferedWriter(FileIO(fd)))`
//! (under `-u`/PYTHONUNBUFFERED the writers' buffer is the FileIO itself). cpjit makes the same
//! nine objects (`_io.TextIOWrapper`, `_io.BufferedReader`, `_io.BufferedWriter`, `_io.FileIO`
//! instances, created at start-up and kept forever), but their methods are Rust functions over
//! state the VM owns (`Streams`), not the `_pyio` classes `_io` gives Python code:
//!
//! - Output: CPython's layering, with `Vm::out` as the buffer. `print` and `write` encode the
//!   text and append it to `Vm::out`; the bytes the TextIOWrapper layer still holds back are
//!   the tail from `Vm::out_text` (CPython's `pending_bytes`: passed down to the buffer when
//!   adding a write would take them past `_CHUNK_SIZE`, when they reach it, at once under
//!   write_through (-u), and at a newline under line buffering). `buffer.write` inserts its
//!   bytes at `out_text`, before that held-back text, so a program mixing `print`,
//!   `sys.stdout.write` and `sys.stdout.buffer.write` gets CPython's bytes in both modes
//!   (buffered: `write("a"); buffer.write(b"b")` gives "ba"; -u: "ab"). `print` stays a Rust
//!   call with no Python frame and no copy beyond the append. The buffer is written out past
//!   64 KiB, on `buffer.flush()`, before stderr output, reading stdin and sleeping; everything
//!   (the held-back text too) on `sys.stdout.flush()`, `print(flush=True)`, `input()`,
//!   forking and at exit. `buffer.raw.write` (FileIO) writes the descriptor at once, past both
//!   layers, as CPython's does (which matches CPython's bytes while its 8 KiB BufferedWriter has
//!   not written anything yet). stderr: the text layer holds bytes back in `Vm::err_text`
//!   (line-buffered: until a newline); its buffer layer is written at once. Under -u cpjit still
//!   buffers stdout's bytes (same bytes, same order; only when they reach the descriptor
//!   differs).
//! - Input: `StdinState` is CPython's BufferedReader buffer (filled `st_blksize` bytes at a
//!   time from descriptor 0, read directly with no Rust-side buffering) plus TextIOWrapper's
//!   decoded characters (the text layer takes 8192-byte chunks with `read1`, as CPython's does).
//!   So `sys.stdin.readline()` followed by `sys.stdin.buffer.readline()` sees exactly what it
//!   sees in CPython (the text layer's read-ahead included), and `input()` reads through
//!   `sys.stdin`. FileIO reads and `os.read(0, n)` go to the descriptor, past both buffers.
//!
//! Calling one of these types makes a `_pyio` object (`_io.TextIOWrapper(buffer, ...)` etc.),
//! so `io.TextIOWrapper(sys.stdout.detach(), encoding=...)` and similar idioms work over the
//! native buffer objects. Encodings: utf-8 (any spelling), ascii and latin-1 (rtlib::codecs);
//! `reconfigure(encoding=...)` with another codec CPython knows raises LookupError naming the
//! supported ones.

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::getattr;
use crate::vm::runtime::call::call;
use crate::vm::types::{add_method, add_static, new_type, split_kw};
use crate::vm::value::Value;
use std::os::fd::AsFd;

const TEXT: usize = 0;
const BUF: usize = 1;
const RAW: usize = 2;
/// TextIOWrapper's `_CHUNK_SIZE`: bytes the text layer asks `read1` for.
const CHUNK: usize = 8192;
/// The most one read(2) of descriptor 0 asks for.
const RAW_READ_MAX: usize = 1 << 24;

/// The VM's standard stream state (`Vm::streams`).
pub struct Streams {
    /// `obj[fd][layer]`: the text, buffer and raw object of stdin, stdout and stderr.
    pub obj: [[Value; 3]; 3],
    /// The four types: TextIOWrapper, BufferedReader, BufferedWriter, FileIO.
    types: [Value; 4],
    closed: [bool; 3],
    /// `detached[fd][layer]`: detach() was called on the text layer or the buffer.
    detached: [[bool; 2]; 3],
    /// The encoding as the program named it (the `encoding` attribute) and its codec.
    encoding: [String; 3],
    codec: [&'static str; 3],
    errors: [String; 3],
    line_buffering: [bool; 3],
    write_through: [bool; 3],
    /// -u / PYTHONUNBUFFERED: the writers' `buffer` is their FileIO.
    unbuffered: bool,
    stdin: StdinState,
}

impl Default for Streams {
    fn default() -> Self {
        let s = || std::array::from_fn(|_| String::new());
        Streams {
            obj: [[Value::NULL; 3]; 3],
            types: [Value::NULL; 4],
            closed: [false; 3],
            detached: [[false; 2]; 3],
            encoding: s(),
            codec: ["utf-8"; 3],
            errors: s(),
            line_buffering: [false; 3],
            write_through: [false; 3],
            unbuffered: false,
            stdin: StdinState::default(),
        }
    }
}

/// sys.stdin's buffers (see the module comment).
#[derive(Default)]
struct StdinState {
    /// BufferedReader: bytes read from descriptor 0 and not yet consumed are `buf[pos..]`.
    buf: Vec<u8>,
    pos: usize,
    /// The BufferedReader's size (st_blksize of descriptor 0, else 8192); 0 until known.
    blksize: usize,
    /// TextIOWrapper: decoded characters not yet returned are `decoded[dpos..]`.
    decoded: String,
    dpos: usize,
    /// The start of an incomplete UTF-8 sequence at the end of the last chunk.
    undecoded: Vec<u8>,
    /// Bytes per character of the last chunk (CPython's `b2cratio`, sizes `read(n)`'s chunks).
    b2cratio: f64,
}

impl StdinState {
    fn avail(&self) -> &[u8] {
        &self.buf[self.pos..]
    }
    /// Takes `n` buffered bytes (at most what is buffered).
    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.buf.len() - self.pos);
        let v = self.buf[self.pos..self.pos + n].to_vec();
        self.pos += n;
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        }
        v
    }
    fn decoded_rest(&mut self) -> String {
        let s = self.decoded[self.dpos..].to_string();
        self.decoded.clear();
        self.dpos = 0;
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Creation

/// sys.stdout's error handler, chosen as CPython chooses it: the one PYTHONIOENCODING names,
/// else surrogateescape under the C or POSIX locale (or a UTF-8 one it coerces them to) or in
/// UTF-8 mode, else strict. stdin uses it too.
fn default_errors() -> &'static str {
    static ERRORS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ERRORS.get_or_init(|| {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if let Some((_, e)) = var("PYTHONIOENCODING")
            .as_deref()
            .and_then(|v| v.split_once(':'))
        {
            if !e.is_empty() {
                return e.to_string();
            }
        }
        let locale = var("LC_ALL")
            .or_else(|| var("LC_CTYPE"))
            .or_else(|| var("LANG"))
            .unwrap_or_else(|| "C".to_string());
        let c_like = ["C", "POSIX", "C.UTF-8", "C.utf8", "UTF-8"].contains(&locale.as_str());
        if c_like || var("PYTHONUTF8").as_deref() == Some("1") {
            "surrogateescape".to_string()
        } else {
            "strict".to_string()
        }
    })
}

fn make_type(vm: &mut Vm, name: &'static str) -> *const TypeObject {
    let (object, meta) = (vm.t.object, vm.t.type_);
    let t = new_type(&mut vm.heap, meta, name, Layout::Instance, &[object]);
    crate::vm::types::type_data_mut_module(t, "_io");
    let d = vm.new_dict();
    type_data_mut(t).dict = d;
    vm.permanent.push(Value::from_ptr(t));
    add_static(vm, t, "__new__", new_pyio, false);
    t
}

/// `TextIOWrapper(...)` and the other three: the `_pyio` class of that name (as `_io` has it).
fn new_pyio(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let Some(cls) = args.first().and_then(|c| c.is_ptr().then(|| *c)) else {
        return Err(vm.type_error("__new__(): not enough arguments"));
    };
    let name = type_data(cls.as_ptr::<TypeObject>()).name.to_string();
    let io = crate::vm::modules::import_module(vm, "_io")?;
    let k = vm.intern(&name);
    let c = getattr(vm, io, k)?;
    call(vm, c, &args[1..], kw)
}

type Method = (&'static str, BuiltinFn, u8);
// Which types have a method: bit 0 TextIOWrapper, 1 BufferedReader, 2 BufferedWriter, 3 FileIO.
const T: u8 = 1;
const BR: u8 = 2;
const BW: u8 = 4;
const F: u8 = 8;
const ALL: u8 = 15;
const BUFS: u8 = BR | BW;

const METHODS: &[Method] = &[
    ("write", m_write, ALL),
    ("writelines", m_writelines, ALL),
    ("read", m_read, ALL),
    ("read1", m_read1, BUFS),
    ("readall", m_readall, F),
    ("readline", m_readline, ALL),
    ("readlines", m_readlines, ALL),
    ("readinto", m_readinto, BUFS | F),
    ("readinto1", m_readinto, BUFS),
    ("peek", m_peek, BR),
    ("flush", m_flush, ALL),
    ("close", m_close, ALL),
    ("detach", m_detach, T | BUFS),
    ("fileno", m_fileno, ALL),
    ("isatty", m_isatty, ALL),
    ("readable", m_readable, ALL),
    ("writable", m_writable, ALL),
    ("seekable", m_seekable, ALL),
    ("tell", m_tell, ALL),
    ("seek", m_seek, ALL),
    ("truncate", m_truncate, ALL),
    ("reconfigure", m_reconfigure, T),
    ("__enter__", m_enter, ALL),
    ("__exit__", m_close, ALL),
    ("__iter__", m_enter, ALL),
    ("__next__", m_next, ALL),
    ("__repr__", m_repr, ALL),
    ("_checkClosed", m_check_closed, ALL),
    ("_checkReadable", m_check_readable, ALL),
    ("_checkWritable", m_check_writable, ALL),
    ("_checkSeekable", m_check_seekable, ALL),
];

type Getter = (&'static str, fn(&mut Vm, Value) -> PyResult, u8);

const GETTERS: &[Getter] = &[
    ("closed", g_closed, ALL),
    ("name", g_name, T | BUFS),
    ("mode", g_mode, BUFS | F),
    ("encoding", g_encoding, T),
    ("errors", g_errors, T),
    ("newlines", g_none, T),
    ("line_buffering", g_line_buffering, T),
    ("write_through", g_write_through, T),
    ("buffer", g_buffer, T),
    ("_CHUNK_SIZE", g_chunk_size, T),
    ("raw", g_raw, BUFS),
    ("closefd", g_false, F),
    ("_blksize", g_blksize, F),
];

/// Creates the three streams' nine objects; returns (stdin, stdout, stderr), the text layers.
pub fn make_streams(vm: &mut Vm) -> [Value; 3] {
    let names = [
        "TextIOWrapper",
        "BufferedReader",
        "BufferedWriter",
        "FileIO",
    ];
    let types: [*const TypeObject; 4] = std::array::from_fn(|i| make_type(vm, names[i]));
    for (i, &t) in types.iter().enumerate() {
        for &(name, f, mask) in METHODS {
            if mask & (1 << i) != 0 {
                add_method(vm, t, name, f);
            }
        }
        for (gi, &(name, _, mask)) in GETTERS.iter().enumerate() {
            if mask & (1 << i) != 0 {
                let n = vm.intern(name);
                let kind = vm.t.getset_descriptor;
                let index = Value::try_from_i64(gi as i64).unwrap();
                crate::vm::types::getset::add_descriptor(vm, t, n, kind, call_getter, index);
            }
        }
    }
    let o = vm.options;
    let unbuffered = o.unbuffered
        || (!o.ignore_environment
            && std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()));
    let errors = default_errors();
    let s = &mut vm.streams;
    s.types = types.map(Value::from_ptr);
    s.unbuffered = unbuffered;
    for fd in 0..3 {
        s.encoding[fd] = "utf-8".into();
        s.errors[fd] = if fd == 2 { "backslashreplace" } else { errors }.into();
        s.write_through[fd] = unbuffered && fd != 0;
        // CPython: line-buffered when buffered and a terminal, and stderr always.
        s.line_buffering[fd] = !unbuffered && fd != 0 && (fd == 2 || isatty(fd));
    }
    let mut texts = [Value::NULL; 3];
    for fd in 0..3 {
        let new = |vm: &mut Vm, t: *const TypeObject| {
            let o = crate::vm::runtime::call::new_instance(vm, t);
            vm.permanent.push(o);
            o
        };
        let raw = new(vm, types[3]);
        let buffer = if fd != 0 && unbuffered {
            raw
        } else {
            new(vm, types[if fd == 0 { 1 } else { 2 }])
        };
        let text = new(vm, types[0]);
        vm.streams.obj[fd] = [text, buffer, raw];
        texts[fd] = text;
        // As CPython's create_stdio: the FileIO's `name` and the TextIOWrapper's `mode` are
        // instance attributes.
        let name = ["<stdin>", "<stdout>", "<stderr>"][fd];
        for (o, k, v) in [(raw, "name", name), (text, "mode", ["r", "w", "w"][fd])] {
            let (k, v) = (vm.intern(k), vm.new_str(v));
            let _ = crate::vm::runtime::attr::generic_setattr(vm, o, k, v);
        }
    }
    texts
}

// ---------------------------------------------------------------------------------------------
// Dispatch and checks

/// Which stream (0, 1, 2) and layer an object is, or None for anything else (an instance made
/// some other way cannot exist: the types' `__new__` makes `_pyio` objects).
fn which(vm: &Vm, v: Value) -> Option<(usize, usize)> {
    for fd in 0..3 {
        // The raw object first: under -u it is the writers' buffer too.
        for layer in [RAW, TEXT, BUF] {
            if vm.streams.obj[fd][layer] == v {
                return Some((fd, layer));
            }
        }
    }
    None
}

/// The stream and layer of a method's `self`, TypeError for anything else.
fn this(vm: &mut Vm, args: &[Value], what: &str) -> PyResult<(usize, usize)> {
    if let Some(w) = args.first().and_then(|&v| which(vm, v)) {
        return Ok(w);
    }
    let tn = args
        .first()
        .map_or("nothing".to_string(), |&v| vm.type_name(v).to_string());
    Err(vm.type_error(format!(
        "descriptor '{what}' requires a standard stream object but received '{tn}'"
    )))
}

/// ValueError when the stream was closed or this layer detached.
fn check_usable(vm: &mut Vm, fd: usize, layer: usize) -> PyResult<()> {
    if layer != RAW && vm.streams.detached[fd][layer] {
        return Err(vm.value_error(if layer == TEXT {
            "underlying buffer has been detached"
        } else {
            "raw stream has been detached"
        }));
    }
    if vm.streams.closed[fd] {
        return Err(vm.value_error(if layer == RAW {
            "I/O operation on closed file"
        } else {
            "I/O operation on closed file."
        }));
    }
    Ok(())
}

/// io.UnsupportedOperation(msg).
fn unsupported(vm: &mut Vm, msg: &str) -> Value {
    let r = (|| {
        let io = crate::vm::modules::import_module(vm, "_io")?;
        let k = vm.intern("UnsupportedOperation");
        let ty = getattr(vm, io, k)?;
        let m = vm.new_str(msg);
        call(vm, ty, &[m], &[])
    })();
    match r {
        Ok(e) | Err(e) => e,
    }
}

/// The error of reading a write-only layer or writing a read-only one.
fn wrong_direction(vm: &mut Vm, layer: usize, reading: bool, name: &str) -> Value {
    let msg = match (layer, reading) {
        (TEXT, true) => "not readable",
        (TEXT, false) => "not writable",
        (RAW, true) => "File not open for reading",
        (RAW, false) => "File not open for writing",
        _ => name,
    };
    unsupported(vm, msg)
}

/// Checks a method's arity (positional only): TypeError as CPython's argument clinic words it.
fn arity(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, max: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len().saturating_sub(1);
    if n > max {
        return Err(vm.type_error(match max {
            0 => format!("{name}() takes no arguments ({n} given)"),
            _ => format!(
                "{name}() takes at most {max} argument{} ({n} given)",
                plural(max)
            ),
        }));
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// TypeError for a method taking exactly one argument.
fn one_arg(vm: &mut Vm, args: &[Value], kw: &[Value], qualname: &str) -> PyResult<Value> {
    if kw.is_empty() && args.len() == 2 {
        return Ok(args[1]);
    }
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    let n = args.len().saturating_sub(1);
    Err(vm.type_error(format!(
        "{qualname}() takes exactly one argument ({n} given)"
    )))
}

/// How a size argument converts, as in CPython: `Optional` is `_Py_convert_optional_to_ssize_t`
/// (read, the buffer's readline, readlines: None allowed; an int outside Py_ssize_t "cannot fit
/// 'int' into an index-sized integer"), `Ssize` Argument Clinic's `Py_ssize_t` (the text
/// layer's readline, read1, peek: None refused; "Python int too large to convert to C
/// ssize_t").
#[derive(Clone, Copy, PartialEq)]
enum SizeKind {
    Optional,
    Ssize,
}

/// A read's size argument: `None` when absent (or None where allowed), else its value.
fn size_arg(vm: &mut Vm, v: Option<Value>, kind: SizeKind) -> PyResult<Option<i64>> {
    use crate::vm::runtime::num::IntVal;
    use num_traits::ToPrimitive;
    let Some(v) = v else {
        return Ok(None);
    };
    if v == vm.none && kind == SizeKind::Optional {
        return Ok(None);
    }
    match crate::vm::runtime::num::index_value(vm, v)? {
        Some(IntVal::Small(n)) => Ok(Some(n)),
        Some(IntVal::Big(b)) => match b.to_i64() {
            Some(n) => Ok(Some(n)),
            None => Err(vm.err(
                "OverflowError",
                if kind == SizeKind::Optional {
                    "cannot fit 'int' into an index-sized integer"
                } else {
                    "Python int too large to convert to C ssize_t"
                },
            )),
        },
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(if kind == SizeKind::Ssize {
                format!("'{tn}' object cannot be interpreted as an integer")
            } else {
                format!("argument should be integer or None, not '{tn}'")
            }))
        }
    }
}

/// A size as a limit: a negative one means none.
fn limit(n: Option<i64>) -> Option<usize> {
    n.and_then(|n| usize::try_from(n).ok())
}

/// CPython's read(n), read1(n) and the text layer's read(n) allocate their n-byte result
/// first, which fails (MemoryError) for a size beyond what the machine could ever give (Linux
/// refuses an allocation larger than its memory); cpjit reads into a growing buffer, so it
/// raises the same error for such a size instead of returning what there is.
fn check_read_size(vm: &mut Vm, n: Option<usize>) -> PyResult<()> {
    use crate::vm::runtime::ops::{no_memory, physical_memory};
    if n.is_some_and(|n| n > physical_memory()) {
        return Err(no_memory(vm));
    }
    Ok(())
}

fn os_err(vm: &mut Vm, e: rustix::io::Errno) -> Value {
    crate::vm::modules::posix::os_error(vm, std::io::Error::from(e), None, None)
}

fn with_fd<R>(fd: usize, f: impl FnOnce(std::os::fd::BorrowedFd<'_>) -> R) -> R {
    match fd {
        0 => f(std::io::stdin().as_fd()),
        1 => f(std::io::stdout().as_fd()),
        _ => f(std::io::stderr().as_fd()),
    }
}

fn isatty(fd: usize) -> bool {
    with_fd(fd, |f| rustix::termios::isatty(f))
}

/// lseek(fd, off, whence).
fn lseek(fd: usize, pos: rustix::fs::SeekFrom) -> Result<u64, rustix::io::Errno> {
    with_fd(fd, |f| rustix::fs::seek(f, pos))
}

/// The descriptor's st_blksize (8192 when fstat fails or gives 0 or 1), as io.open sizes
/// buffers.
fn fd_blksize(fd: usize) -> usize {
    with_fd(fd, |f| rustix::fs::fstat(f))
        .ok()
        .map(|s| s.st_blksize as usize)
        .filter(|&b| b > 1)
        .unwrap_or(8192)
}

fn seekable(fd: usize) -> bool {
    lseek(fd, rustix::fs::SeekFrom::Current(0)).is_ok()
}

// ---------------------------------------------------------------------------------------------
// Output

/// Whether stream `fd`'s text layer writes through (`-u`, PYTHONUNBUFFERED): what CPython has
/// written to the descriptor by now is everything written to the stream.
pub fn writes_through(vm: &Vm, fd: usize) -> bool {
    vm.streams.write_through[fd]
}

/// The four stream types (TextIOWrapper, BufferedReader, BufferedWriter, FileIO), which `_io`
/// registers as virtual subclasses of its classes of those names (`_cpjit.stdio_types`).
pub fn stream_types(vm: &Vm) -> [Value; 4] {
    vm.streams.types
}

/// Whether `t` is one of the four stream types (their instances take attributes).
pub fn is_stream_type(vm: &Vm, t: *const TypeObject) -> bool {
    vm.streams.types.contains(&Value::from_ptr(t))
}

/// Whether `file` is sys.stdout's or sys.stderr's text layer (print's fast path).
pub fn is_std_output(vm: &Vm, file: Value) -> bool {
    file.is_ptr() && (file == vm.streams.obj[1][TEXT] || file == vm.streams.obj[2][TEXT])
}

/// Writes text to stdout's (fd 1) or stderr's (fd 2) text layer, encoded with the stream's
/// encoding and error handler. `file` is one of the two text objects.
pub fn write_text(vm: &mut Vm, file: Value, text: &str) -> PyResult<()> {
    use std::borrow::Cow;
    let fd = if file == vm.streams.obj[2][TEXT] {
        2
    } else {
        1
    };
    check_usable(vm, fd, TEXT)?;
    let s = &vm.streams;
    let b: Cow<[u8]> = if s.codec[fd] == "utf-8" && !crate::rtlib::surrogate::has_standin(text) {
        Cow::Borrowed(text.as_bytes())
    } else {
        let (codec, errors) = (s.codec[fd], s.errors[fd].clone());
        let b = crate::rtlib::codecs::encode(text, codec, &errors)
            .map_err(|e| crate::vm::types::bytes::codec_error(vm, e))?;
        Cow::Owned(b)
    };
    let s = &vm.streams;
    let needflush = s.line_buffering[fd] && text.contains(['\n', '\r']);
    let through = needflush || s.write_through[fd];
    text_append(vm, fd, &b, through, needflush);
    Ok(())
}

/// TextIOWrapper.write's buffering, as CPython's: the encoded text joins the bytes the text
/// layer holds back (passed to the buffer first if together they would pass `_CHUNK_SIZE`);
/// they go down to the buffer once they reach it, or at once with write_through or a newline
/// under line buffering (which also flushes the buffer).
fn text_append(vm: &mut Vm, fd: usize, b: &[u8], through: bool, flush: bool) {
    if fd == 2 {
        // stderr's buffer layer is written at once, so passing text down writes it.
        if vm.err_text.len() + b.len() > CHUNK {
            vm.flush_stderr();
        }
        vm.err_text.extend_from_slice(b);
        if vm.err_text.len() >= CHUNK || through {
            vm.flush_stderr();
        }
        return;
    }
    if vm.out.len() - vm.out_text + b.len() > CHUNK {
        vm.out_text = vm.out.len();
    }
    vm.out.extend_from_slice(b);
    if through || vm.out.len() - vm.out_text >= CHUNK {
        vm.out_text = vm.out.len();
    }
    if flush {
        vm.flush_stdout();
    } else if vm.out_text > 1 << 16 {
        vm.flush_stdout_buffer();
    }
}

/// Flushes sys.stdout's buffers when `file` is it (print's `flush=True`).
pub fn flush_if_stdout(vm: &mut Vm, file: Value) {
    flush_layer(
        vm,
        if file == vm.streams.obj[2][TEXT] {
            2
        } else {
            1
        },
        TEXT,
    );
}

/// flush() of a layer: the text layer passes what it holds down and flushes the buffer.
fn flush_layer(vm: &mut Vm, fd: usize, layer: usize) {
    match (fd, layer) {
        (1, TEXT) => vm.flush_stdout(),
        (1, BUF) => vm.flush_stdout_buffer(),
        (2, TEXT) => vm.flush_stderr(),
        _ => {}
    }
}

/// Bytes written to a buffer (or, under -u, raw) layer of stdout or stderr.
fn write_bytes(vm: &mut Vm, fd: usize, layer: usize, b: &[u8]) -> PyResult<usize> {
    if layer == BUF || (fd == 1 && vm.streams.unbuffered) {
        if fd == 1 {
            vm.write_stdout(b);
            return Ok(b.len());
        }
    }
    // FileIO.write (and stderr's buffer, written at once): straight to the descriptor, past
    // what the buffers hold.
    if vm.sandbox {
        return Ok(b.len());
    }
    vm.flush_stdout_buffer();
    loop {
        match with_fd(fd, |f| rustix::io::write(f, b)) {
            Ok(n) => return Ok(n),
            Err(e) if e == rustix::io::Errno::INTR => crate::vm::modules::signal::check(vm)?,
            Err(e) => return Err(os_err(vm, e)),
        }
    }
}

/// The bytes of a bytes-like argument, TypeError otherwise.
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match crate::vm::types::memoryview::buffer_bytes(v) {
        Some(b) if as_str(v).is_none() => Ok(b.to_vec()),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn write_one(vm: &mut Vm, fd: usize, layer: usize, v: Value) -> PyResult {
    if layer == TEXT {
        let Some(s) = as_str(v) else {
            // Argument Clinic names None as such, other objects by their type.
            let tn = if v == vm.none {
                "None".to_string()
            } else {
                vm.type_name(v)
            };
            return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
        };
        if fd == 0 {
            check_usable(vm, fd, layer)?;
            return Err(wrong_direction(vm, layer, false, "write"));
        }
        let n = s.nchars as i64;
        let text = str_of(v).to_string();
        let file = vm.streams.obj[fd][TEXT];
        write_text(vm, file, &text)?;
        return Ok(vm.new_int(n));
    }
    if fd == 0 && layer == BUF {
        return Err(wrong_direction(vm, layer, false, "write"));
    }
    let b = bytes_arg(vm, v)?;
    check_usable(vm, fd, layer)?;
    if fd == 0 {
        return Err(wrong_direction(vm, layer, false, "write"));
    }
    let n = write_bytes(vm, fd, layer, &b)?;
    Ok(vm.new_int(n as i64))
}

fn qualname(vm: &Vm, fd: usize, layer: usize) -> &'static str {
    match layer {
        TEXT => "TextIOWrapper",
        BUF if !(fd != 0 && vm.streams.unbuffered) => {
            if fd == 0 {
                "BufferedReader"
            } else {
                "BufferedWriter"
            }
        }
        _ => "FileIO",
    }
}

fn m_write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "write")?;
    if fd == 0 && layer == BUF {
        return Err(wrong_direction(vm, layer, false, "write"));
    }
    let q = format!("{}.write", qualname(vm, fd, layer));
    let v = one_arg(vm, args, kw, &q)?;
    write_one(vm, fd, layer, v)
}

fn m_writelines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "writelines")?;
    let lines = one_arg(vm, args, kw, "writelines")?;
    check_usable(vm, fd, layer)?;
    crate::vm::runtime::iter::for_each(vm, lines, None, |vm, v| {
        write_one(vm, fd, layer, v).map(drop)
    })?;
    Ok(vm.none)
}

fn m_flush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "flush")?;
    arity(vm, args, kw, "flush", 0)?;
    if vm.streams.closed[fd] || (layer != RAW && vm.streams.detached[fd][layer]) {
        if layer == BUF {
            return Err(vm.value_error("flush of closed file"));
        }
        check_usable(vm, fd, layer)?;
    }
    flush_layer(vm, fd, layer);
    Ok(vm.none)
}

// ---------------------------------------------------------------------------------------------
// Input: the BufferedReader

/// One read(2) of up to `n` bytes from descriptor 0 (nothing in a sandboxed run).
fn raw_read(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    if vm.sandbox || n == 0 {
        return Ok(Vec::new());
    }
    vm.flush_stdout_buffer();
    // One read(2) returns at most what the descriptor has: a size of 2**62 must not become an
    // allocation of that size (the callers loop for more).
    let mut buf = vec![0u8; n.min(RAW_READ_MAX)];
    loop {
        match with_fd(0, |f| rustix::io::read(f, &mut buf)) {
            Ok(k) => {
                buf.truncate(k);
                return Ok(buf);
            }
            Err(e) if e == rustix::io::Errno::INTR => crate::vm::modules::signal::check(vm)?,
            Err(e) => return Err(os_err(vm, e)),
        }
    }
}

/// Reads descriptor 0 to its end.
fn raw_read_all(vm: &mut Vm) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let want = (out.len() / 2).clamp(1 << 13, 1 << 24);
        let b = raw_read(vm, want)?;
        if b.is_empty() {
            return Ok(out);
        }
        out.extend_from_slice(&b);
    }
}

fn blksize(vm: &mut Vm) -> usize {
    let st = &mut vm.streams.stdin;
    if st.blksize == 0 {
        st.blksize = fd_blksize(0);
    }
    st.blksize
}

/// Fills the buffer up to its size with one read; the number of bytes read.
fn fill(vm: &mut Vm) -> PyResult<usize> {
    let size = blksize(vm);
    let st = &mut vm.streams.stdin;
    if st.pos == st.buf.len() {
        st.buf.clear();
        st.pos = 0;
    }
    let want = size.saturating_sub(st.buf.len()).max(1);
    let b = raw_read(vm, want)?;
    vm.streams.stdin.buf.extend_from_slice(&b);
    Ok(b.len())
}

/// BufferedReader.read(n) (None: to the end), as CPython's `_bufferedreader_read_generic`.
fn buf_read(vm: &mut Vm, n: Option<usize>) -> PyResult<Vec<u8>> {
    let Some(n) = n else {
        let mut out = vm.streams.stdin.take(usize::MAX);
        out.extend(raw_read_all(vm)?);
        return Ok(out);
    };
    let mut out = vm.streams.stdin.take(n);
    let size = blksize(vm);
    // Whole blocks are read straight into the result, the rest through the buffer.
    while n - out.len() >= size {
        let r = (n - out.len()) / size * size;
        let b = raw_read(vm, r)?;
        if b.is_empty() {
            return Ok(out);
        }
        out.extend(b);
    }
    while out.len() < n {
        if fill(vm)? == 0 {
            break;
        }
        let more = vm.streams.stdin.take(n - out.len());
        out.extend(more);
    }
    Ok(out)
}

/// BufferedReader.read1(n): buffered bytes if there are any, else one read of up to n.
fn buf_read1(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    if !vm.streams.stdin.avail().is_empty() {
        return Ok(vm.streams.stdin.take(n));
    }
    raw_read(vm, n)
}

/// BufferedReader.readline(limit).
fn buf_readline(vm: &mut Vm, limit: Option<usize>) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let room = limit.map_or(usize::MAX, |l| l - out.len());
        let st = &mut vm.streams.stdin;
        let avail = st.avail();
        let n = avail.len().min(room);
        if let Some(i) = avail[..n].iter().position(|&b| b == b'\n') {
            out.extend(st.take(i + 1));
            return Ok(out);
        }
        out.extend(st.take(n));
        if limit.is_some_and(|l| out.len() >= l) || fill(vm)? == 0 {
            return Ok(out);
        }
    }
}

fn buf_peek(vm: &mut Vm) -> PyResult<Vec<u8>> {
    if vm.streams.stdin.avail().is_empty() {
        fill(vm)?;
    }
    Ok(vm.streams.stdin.avail().to_vec())
}

// ---------------------------------------------------------------------------------------------
// Input: the TextIOWrapper

/// Decodes stdin bytes with the stream's codec and handler.
fn decode(vm: &mut Vm, b: &[u8]) -> PyResult<String> {
    let s = &vm.streams;
    let (codec, errors) = (s.codec[0], s.errors[0].clone());
    crate::rtlib::codecs::decode(b, codec, &errors)
        .map_err(|e| crate::vm::types::bytes::codec_error(vm, e))
}

/// Where an incomplete UTF-8 sequence starts at the end of `b` (b.len() if none).
fn complete_utf8_prefix(b: &[u8]) -> usize {
    for back in 1..=3.min(b.len()) {
        let i = b.len() - back;
        let c = b[i];
        if c & 0xC0 == 0x80 {
            continue;
        }
        let need = match c {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if need > back { i } else { b.len() };
    }
    b.len()
}

/// TextIOWrapper's read_chunk: decodes one `read1` chunk into the decoded characters; false
/// at end of input.
fn read_chunk(vm: &mut Vm, size_hint: usize) -> PyResult<bool> {
    let st = &vm.streams.stdin;
    let hint = (st.b2cratio.max(1.0) * size_hint as f64) as usize;
    let input = buf_read1(vm, CHUNK.max(hint))?;
    let eof = input.is_empty();
    let mut bytes = std::mem::take(&mut vm.streams.stdin.undecoded);
    bytes.extend_from_slice(&input);
    let cut = if eof || vm.streams.codec[0] != "utf-8" {
        bytes.len()
    } else {
        complete_utf8_prefix(&bytes)
    };
    let text = decode(vm, &bytes[..cut])?;
    let st = &mut vm.streams.stdin;
    st.undecoded = bytes[cut..].to_vec();
    let nchars = text.chars().count();
    st.b2cratio = if nchars > 0 {
        input.len() as f64 / nchars as f64
    } else {
        0.0
    };
    if st.dpos == st.decoded.len() {
        st.decoded.clear();
        st.dpos = 0;
    }
    st.decoded.push_str(&text);
    Ok(!eof)
}

/// Moves up to `n` decoded characters (through the first '\n' when `line`) to `out`; returns
/// whether it stopped at a newline.
fn take_chars(st: &mut StdinState, out: &mut String, n: usize, line: bool) -> (usize, bool) {
    let rest = &st.decoded[st.dpos..];
    let mut end = rest.len();
    let mut count = 0;
    let mut newline = false;
    for (i, c) in rest.char_indices() {
        if count == n {
            end = i;
            break;
        }
        count += 1;
        if line && c == '\n' {
            end = i + 1;
            newline = true;
            break;
        }
    }
    out.push_str(&rest[..end]);
    st.dpos += end;
    (count, newline)
}

/// TextIOWrapper.read(n) / readline(n) of stdin.
fn text_read(vm: &mut Vm, n: Option<usize>, line: bool) -> PyResult<String> {
    if n.is_none() && !line {
        let mut out = vm.streams.stdin.decoded_rest();
        let mut bytes = std::mem::take(&mut vm.streams.stdin.undecoded);
        bytes.extend(buf_read(vm, None)?);
        out.push_str(&decode(vm, &bytes)?);
        return Ok(out);
    }
    let mut out = String::new();
    let mut remaining = n.unwrap_or(usize::MAX);
    loop {
        let (count, newline) = take_chars(&mut vm.streams.stdin, &mut out, remaining, line);
        remaining -= count;
        if newline || remaining == 0 {
            return Ok(out);
        }
        let hint = if line { 0 } else { remaining };
        if !read_chunk(vm, hint)? {
            let (_, _) = take_chars(&mut vm.streams.stdin, &mut out, remaining, line);
            return Ok(out);
        }
    }
}

/// `sys.stdin.readline()` for `input()`: None when `file` is not cpjit's stdin text object.
pub fn stdin_readline(vm: &mut Vm, file: Value) -> Option<PyResult<String>> {
    if file != vm.streams.obj[0][TEXT] {
        return None;
    }
    Some(check_usable(vm, 0, TEXT).and_then(|_| text_read(vm, None, true)))
}

// ---------------------------------------------------------------------------------------------
// Input methods

/// Checks a read call on `layer` of stream `fd`.
fn check_read(vm: &mut Vm, fd: usize, layer: usize, name: &str) -> PyResult<()> {
    check_usable(vm, fd, layer)?;
    if fd != 0 {
        return Err(wrong_direction(vm, layer, true, name));
    }
    Ok(())
}

/// FileIO.read(n) of stdin: straight from the descriptor.
fn raw_read_n(vm: &mut Vm, n: Option<usize>) -> PyResult<Vec<u8>> {
    match n {
        None => raw_read_all(vm),
        Some(n) => raw_read(vm, n),
    }
}

fn m_read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "read")?;
    if layer == BUF && fd != 0 {
        return Err(unsupported(vm, "read"));
    }
    arity(vm, args, kw, "read", 1)?;
    let n = size_arg(vm, args.get(1).copied(), SizeKind::Optional)?;
    if layer != TEXT && n.is_some_and(|n| n < -1) {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    check_read(vm, fd, layer, "read")?;
    check_read_size(vm, limit(n))?;
    read_layer(vm, layer, limit(n), false)
}

fn m_readall(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "readall")?;
    arity(vm, args, kw, "readall", 0)?;
    check_read(vm, fd, layer, "readall")?;
    let b = raw_read_all(vm)?;
    Ok(vm.new_bytes(b))
}

fn m_read1(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "read1")?;
    if fd != 0 {
        return Err(unsupported(vm, "read1"));
    }
    arity(vm, args, kw, "read1", 1)?;
    let n = size_arg(vm, args.get(1).copied(), SizeKind::Ssize)?;
    check_read(vm, fd, layer, "read1")?;
    check_read_size(vm, limit(n))?;
    let n = limit(n).unwrap_or_else(|| blksize(vm));
    let b = buf_read1(vm, n)?;
    Ok(vm.new_bytes(b))
}

fn m_peek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "peek")?;
    arity(vm, args, kw, "peek", 1)?;
    size_arg(vm, args.get(1).copied(), SizeKind::Ssize)?;
    check_read(vm, fd, layer, "peek")?;
    let b = buf_peek(vm)?;
    Ok(vm.new_bytes(b))
}

/// readinto(b) / readinto1(b): reads len(b) bytes and stores them at the start of `b`.
fn m_readinto(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "readinto")?;
    if layer == BUF && fd != 0 {
        return Err(unsupported(vm, "read"));
    }
    let target = one_arg(vm, args, kw, "readinto")?;
    let len = crate::vm::types::memoryview::buffer_bytes(target).map(|b| b.len());
    let Some(len) = len.filter(|_| crate::vm::types::memoryview::is_writable_buffer(vm, target))
    else {
        let tn = vm.type_name(target);
        return Err(vm.type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {tn}"
        )));
    };
    check_read(vm, fd, layer, "readinto")?;
    let data = if layer == RAW {
        raw_read(vm, len)?
    } else {
        buf_read(vm, Some(len))?
    };
    let n = data.len();
    let (start, stop) = (vm.new_int(0), vm.new_int(n as i64));
    let none = vm.none;
    let key = crate::vm::runtime::subscr::new_slice(vm, start, stop, none);
    vm.roots.push(key);
    let b = vm.new_bytes(data);
    vm.roots.push(b);
    let r = crate::vm::runtime::subscr::setitem(vm, target, key, b);
    vm.roots.truncate(vm.roots.len() - 2);
    r?;
    Ok(vm.new_int(n as i64))
}

/// read(n) or readline(n) of stdin's `layer` (n None: no limit).
fn read_layer(vm: &mut Vm, layer: usize, n: Option<usize>, line: bool) -> PyResult {
    let b = match (layer, line) {
        (TEXT, _) => {
            let s = text_read(vm, n, line)?;
            return Ok(vm.new_str_owned(s));
        }
        (BUF, true) => buf_readline(vm, n)?,
        (BUF, false) => buf_read(vm, n)?,
        (_, false) => raw_read_n(vm, n)?,
        (_, true) => {
            // FileIO.readline (IOBase's): one byte at a time from the descriptor.
            let mut out = Vec::new();
            while n.is_none_or(|n| out.len() < n) {
                let b = raw_read(vm, 1)?;
                out.extend_from_slice(&b);
                if b.is_empty() || b[0] == b'\n' {
                    break;
                }
            }
            out
        }
    };
    Ok(vm.new_bytes(b))
}

/// One line of any layer.
fn readline_of(vm: &mut Vm, fd: usize, layer: usize, n: Option<usize>) -> PyResult {
    if fd != 0 && n == Some(0) && layer != TEXT {
        return Ok(vm.new_bytes(Vec::new()));
    }
    check_read(vm, fd, layer, "read")?;
    read_layer(vm, layer, n, true)
}

fn m_readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "readline")?;
    arity(vm, args, kw, "readline", 1)?;
    let kind = if layer == TEXT {
        SizeKind::Ssize
    } else {
        SizeKind::Optional
    };
    let n = size_arg(vm, args.get(1).copied(), kind)?;
    readline_of(vm, fd, layer, limit(n))
}

fn is_empty_line(v: Value) -> bool {
    as_str(v).is_some_and(|s| s.nchars == 0)
        || crate::vm::types::memoryview::buffer_bytes(v).is_some_and(|b| b.is_empty())
}

fn m_readlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "readlines")?;
    arity(vm, args, kw, "readlines", 1)?;
    let hint = limit(size_arg(vm, args.get(1).copied(), SizeKind::Optional)?).filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0usize;
    let r = (|| loop {
        let l = readline_of(vm, fd, layer, None)?;
        if is_empty_line(l) {
            return Ok(());
        }
        vm.roots.push(l);
        lines.push(l);
        total += as_str(l).map_or_else(
            || crate::vm::types::memoryview::buffer_bytes(l).map_or(0, |b| b.len()),
            |s| s.nchars,
        );
        if hint.is_some_and(|h| total >= h) {
            return Ok(());
        }
    })();
    vm.roots.truncate(vm.roots.len() - lines.len());
    r?;
    Ok(vm.new_list(lines))
}

fn m_next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "__next__")?;
    arity(vm, args, kw, "__next__", 0)?;
    let l = readline_of(vm, fd, layer, None)?;
    if is_empty_line(l) {
        let ty = vm.t.exc("StopIteration");
        let args = vm.new_tuple(Vec::new());
        return Err(vm.new_exception_args(ty, args));
    }
    Ok(l)
}

// ---------------------------------------------------------------------------------------------
// Other methods

fn m_enter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "__enter__")?;
    arity(vm, args, kw, "__enter__", 0)?;
    check_usable(vm, fd, layer)?;
    Ok(args[0])
}

/// close() and __exit__: flushes, then the stream is closed at every layer (the descriptor
/// stays open: closefd is False).
fn m_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "close")?;
    if layer != RAW && vm.streams.detached[fd][layer] {
        check_usable(vm, fd, layer)?;
    }
    flush_layer(vm, fd, layer);
    vm.streams.closed[fd] = true;
    Ok(vm.none)
}

fn m_detach(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "detach")?;
    arity(vm, args, kw, "detach", 0)?;
    check_usable(vm, fd, layer)?;
    flush_layer(vm, fd, layer);
    vm.streams.detached[fd][layer] = true;
    Ok(vm.streams.obj[fd][layer + 1])
}

fn m_fileno(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "fileno")?;
    arity(vm, args, kw, "fileno", 0)?;
    check_usable(vm, fd, layer)?;
    Ok(vm.new_int(fd as i64))
}

fn m_isatty(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "isatty")?;
    arity(vm, args, kw, "isatty", 0)?;
    check_usable(vm, fd, layer)?;
    Ok(vm.bool_val(isatty(fd)))
}

fn m_readable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "readable")?;
    arity(vm, args, kw, "readable", 0)?;
    check_usable(vm, fd, layer)?;
    Ok(vm.bool_val(fd == 0))
}

fn m_writable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "writable")?;
    arity(vm, args, kw, "writable", 0)?;
    check_usable(vm, fd, layer)?;
    Ok(vm.bool_val(fd != 0))
}

fn m_seekable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "seekable")?;
    arity(vm, args, kw, "seekable", 0)?;
    check_usable(vm, fd, layer)?;
    Ok(vm.bool_val(seekable(fd)))
}

/// Bytes read ahead of the program's position: the buffer, and for the text layer also the
/// characters it decoded but has not returned (in the stream's encoding) and an incomplete
/// sequence.
fn read_ahead(vm: &mut Vm, layer: usize) -> PyResult<u64> {
    let st = &vm.streams.stdin;
    let mut n = st.avail().len() as u64;
    if layer == TEXT {
        let rest = st.decoded[st.dpos..].to_string();
        n += st.undecoded.len() as u64;
        let codec = vm.streams.codec[0];
        let errors = vm.streams.errors[0].clone();
        n += crate::rtlib::codecs::encode(&rest, codec, &errors).map_or(rest.len(), |b| b.len())
            as u64;
    }
    Ok(n)
}

fn m_tell(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "tell")?;
    arity(vm, args, kw, "tell", 0)?;
    check_usable(vm, fd, layer)?;
    if layer == TEXT && !seekable(fd) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    flush_layer(vm, fd, layer);
    let pos = lseek(fd, rustix::fs::SeekFrom::Current(0)).map_err(|e| os_err(vm, e))?;
    let ahead = if fd == 0 && layer != RAW {
        read_ahead(vm, layer)?
    } else {
        0
    };
    Ok(vm.new_int(pos.saturating_sub(ahead) as i64))
}

fn m_seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use rustix::fs::SeekFrom;
    let (fd, layer) = this(vm, args, "seek")?;
    arity(vm, args, kw, "seek", 2)?;
    let Some(&target) = args.get(1) else {
        return Err(vm.type_error("seek expected at least 1 argument, got 0"));
    };
    let off = crate::vm::runtime::subscr::index_of(vm, target, "seek")?;
    let whence = match args.get(2) {
        Some(&w) => crate::vm::runtime::subscr::index_of(vm, w, "seek")?,
        None => 0,
    };
    check_usable(vm, fd, layer)?;
    if layer != RAW && !seekable(fd) {
        return Err(unsupported(
            vm,
            match layer {
                TEXT => "underlying stream is not seekable",
                _ => "File or stream is not seekable.",
            },
        ));
    }
    if layer == TEXT && ((whence == 1 || whence == 2) && off != 0) {
        return Err(unsupported(
            vm,
            match whence {
                1 => "can't do nonzero cur-relative seeks",
                _ => "can't do nonzero end-relative seeks",
            },
        ));
    }
    let pos = match whence {
        0 if off < 0 => {
            return Err(vm.value_error(if layer == TEXT {
                format!("negative seek position {off}")
            } else {
                "negative seek position".to_string()
            }))
        }
        0 => SeekFrom::Start(off as u64),
        1 => {
            // Relative to the program's position, not the descriptor's.
            let ahead = if fd == 0 && layer != RAW {
                read_ahead(vm, layer)? as i64
            } else {
                0
            };
            SeekFrom::Current(off - ahead)
        }
        2 => SeekFrom::End(off),
        // Each layer's own check: TextIOWrapper's, BufferedReader/Writer's, and none for FileIO
        // (lseek(2) refuses it).
        _ if layer == TEXT => {
            return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")))
        }
        _ if layer == BUF => {
            return Err(vm.value_error(format!("whence value {whence} unsupported")))
        }
        _ => return Err(os_err(vm, rustix::io::Errno::INVAL)),
    };
    flush_layer(vm, fd, layer);
    let r = lseek(fd, pos).map_err(|e| os_err(vm, e))?;
    if fd == 0 && layer != RAW {
        vm.streams.stdin = StdinState {
            blksize: vm.streams.stdin.blksize,
            ..StdinState::default()
        };
    }
    Ok(vm.new_int(r as i64))
}

fn m_truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "truncate")?;
    arity(vm, args, kw, "truncate", 1)?;
    let size = match args.get(1) {
        Some(&v) if v != vm.none => Some(crate::vm::runtime::subscr::index_of(vm, v, "truncate")?),
        _ => None,
    };
    check_usable(vm, fd, layer)?;
    if fd == 0 {
        return Err(unsupported(
            vm,
            match layer {
                RAW => "File not open for writing",
                _ => "truncate",
            },
        ));
    }
    flush_layer(vm, fd, layer);
    let size = match size {
        Some(s) => s.max(0) as u64,
        None => lseek(fd, rustix::fs::SeekFrom::Current(0)).map_err(|e| os_err(vm, e))?,
    };
    with_fd(fd, |f| rustix::fs::ftruncate(f, size)).map_err(|e| os_err(vm, e))?;
    Ok(vm.new_int(size as i64))
}

/// `reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None,
/// write_through=None)`.
fn m_reconfigure(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "reconfigure")?;
    let (pos, kws) = split_kw(args, kw);
    if pos.len() > 1 {
        return Err(vm.type_error("reconfigure() takes no positional arguments"));
    }
    let mut opt = [None::<Value>; 5];
    const NAMES: [&str; 5] = [
        "encoding",
        "errors",
        "newline",
        "line_buffering",
        "write_through",
    ];
    for (k, v) in kws {
        let Some(i) = NAMES.iter().position(|n| *n == k) else {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for reconfigure()"
            )));
        };
        opt[i] = (v != vm.none).then_some(v);
    }
    let mut strs: [Option<String>; 3] = [None, None, None];
    for i in 0..3 {
        if let Some(v) = opt[i] {
            if as_str(v).is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "reconfigure() argument '{}' must be str or None, not {tn}",
                    NAMES[i]
                )));
            }
            strs[i] = Some(str_of(v).to_string());
        }
    }
    let mut flags = [None::<bool>; 2];
    for i in 0..2 {
        if let Some(v) = opt[3 + i] {
            // A C int, as CPython's argument clinic converts it.
            use crate::vm::runtime::num::IntVal;
            flags[i] = Some(match crate::vm::runtime::num::index_value(vm, v)? {
                Some(IntVal::Small(n)) if i32::try_from(n).is_ok() => n != 0,
                Some(_) => {
                    return Err(vm.err("OverflowError", "Python int too large to convert to C int"))
                }
                None => {
                    let tn = vm.type_name(v);
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            });
        }
    }
    if let Some(nl) = &strs[2] {
        if !["", "\n", "\r", "\r\n"].contains(&nl.as_str()) {
            return Err(vm.value_error(format!("illegal newline value: {nl}")));
        }
        if nl != "\n" && !(fd != 0 && nl.is_empty()) {
            return Err(vm.not_implemented(format!(
                "newline={nl:?} for sys.{} (only '\\n', the POSIX default)",
                ["stdin", "stdout", "stderr"][fd]
            )));
        }
    }
    let codec = match &strs[0] {
        Some(e) => Some(codec_of(vm, e)?),
        None => None,
    };
    check_usable(vm, fd, layer)?;
    flush_layer(vm, fd, layer);
    let s = &mut vm.streams;
    if let (Some(e), Some(c)) = (strs[0].take(), codec) {
        s.encoding[fd] = e;
        s.codec[fd] = c;
        // A new encoding without errors gets 'strict', as in CPython.
        s.errors[fd] = "strict".into();
    }
    if let Some(e) = strs[1].take() {
        s.errors[fd] = e;
    }
    if let Some(b) = flags[0] {
        s.line_buffering[fd] = b;
    }
    if let Some(b) = flags[1] {
        s.write_through[fd] = b;
    }
    Ok(vm.none)
}

/// The rtlib codec for an encoding name: utf-8, ascii or latin-1 (LookupError otherwise).
fn codec_of(vm: &mut Vm, name: &str) -> PyResult<&'static str> {
    use crate::rtlib::codecs::Encoding;
    match Encoding::lookup(name) {
        Ok(Encoding::Utf8) => Ok("utf-8"),
        Ok(Encoding::Ascii) => Ok("ascii"),
        Ok(Encoding::Latin1) => Ok("latin-1"),
        _ => {
            // Whether CPython knows the codec decides the message.
            let codecs = crate::vm::modules::import_module(vm, "codecs")?;
            let k = vm.intern("lookup");
            let f = getattr(vm, codecs, k)?;
            let n = vm.new_str(name);
            call(vm, f, &[n], &[])?;
            Err(vm.err(
                "LookupError",
                format!(
                    "cpjit's standard streams support the utf-8, ascii and latin-1 encodings, \
                     not {name:?}"
                ),
            ))
        }
    }
}

fn m_check_closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "_checkClosed")?;
    check_usable(vm, fd, layer)?;
    Ok(vm.none)
}

fn m_check_readable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (fd, _) = this(vm, args, "_checkReadable")?;
    if fd != 0 {
        return Err(unsupported(vm, "File or stream is not readable."));
    }
    Ok(vm.none)
}

fn m_check_writable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (fd, _) = this(vm, args, "_checkWritable")?;
    if fd == 0 {
        return Err(unsupported(vm, "File or stream is not writable."));
    }
    Ok(vm.none)
}

fn m_check_seekable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (fd, _) = this(vm, args, "_checkSeekable")?;
    if !seekable(fd) {
        return Err(unsupported(vm, "File or stream is not seekable."));
    }
    Ok(vm.none)
}

/// `<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>`, `<_io.BufferedWriter
/// name='<stdout>'>`, `<_io.FileIO name='<stdout>' mode='wb' closefd=False>`.
fn m_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (fd, layer) = this(vm, args, "__repr__")?;
    let q = qualname(vm, fd, layer);
    if layer == RAW && vm.streams.closed[fd] {
        return Ok(vm.new_str_owned(format!("<_io.{q} [closed]>")));
    }
    let mut s = format!("<_io.{q}");
    let attr = |vm: &mut Vm, name: &str, s: &mut String| -> PyResult<()> {
        let k = vm.intern(name);
        if let Ok(v) = getattr(vm, args[0], k) {
            let r = crate::vm::runtime::repr::repr_string(vm, v)?;
            s.push_str(&format!(" {name}={r}"));
        }
        Ok(())
    };
    attr(vm, "name", &mut s)?;
    match layer {
        TEXT => {
            attr(vm, "mode", &mut s)?;
            let e = vm.streams.encoding[fd].clone();
            let v = vm.new_str_owned(e);
            let r = crate::vm::runtime::repr::repr_string(vm, v)?;
            s.push_str(&format!(" encoding={r}"));
        }
        RAW => {
            let mode = raw_mode(fd);
            s.push_str(&format!(" mode='{mode}' closefd=False"));
        }
        _ => {}
    }
    s.push('>');
    Ok(vm.new_str_owned(s))
}

fn raw_mode(fd: usize) -> &'static str {
    if fd == 0 {
        "rb"
    } else {
        "wb"
    }
}

// ---------------------------------------------------------------------------------------------
// Attributes

/// (getter index, object) -> the attribute.
fn call_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (Some(&i), Some(&obj)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("expected an object"));
    };
    let f = GETTERS[i.as_small_int() as usize].1;
    f(vm, obj)
}

fn getter_this(vm: &mut Vm, v: Value) -> PyResult<(usize, usize)> {
    this(vm, &[v], "attribute")
}

fn g_closed(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, layer) = getter_this(vm, v)?;
    if layer != RAW && vm.streams.detached[fd][layer] {
        check_usable(vm, fd, layer)?;
    }
    Ok(vm.bool_val(vm.streams.closed[fd]))
}

/// The `name` of the text layer and the buffer: the FileIO's `name` attribute.
fn g_name(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, layer) = getter_this(vm, v)?;
    if layer != RAW && vm.streams.detached[fd][layer] {
        check_usable(vm, fd, layer)?;
    }
    let raw = vm.streams.obj[fd][RAW];
    let k = vm.intern("name");
    getattr(vm, raw, k)
}

fn g_mode(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, _) = getter_this(vm, v)?;
    Ok(vm.new_str(raw_mode(fd)))
}

fn g_encoding(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, _) = getter_this(vm, v)?;
    let e = vm.streams.encoding[fd].clone();
    Ok(vm.new_str_owned(e))
}

fn g_errors(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, _) = getter_this(vm, v)?;
    let e = vm.streams.errors[fd].clone();
    Ok(vm.new_str_owned(e))
}

fn g_none(vm: &mut Vm, v: Value) -> PyResult {
    getter_this(vm, v)?;
    Ok(vm.none)
}

fn g_false(vm: &mut Vm, v: Value) -> PyResult {
    getter_this(vm, v)?;
    Ok(vm.false_)
}

fn g_line_buffering(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, _) = getter_this(vm, v)?;
    Ok(vm.bool_val(vm.streams.line_buffering[fd]))
}

fn g_write_through(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, _) = getter_this(vm, v)?;
    Ok(vm.bool_val(vm.streams.write_through[fd]))
}

fn g_buffer(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, layer) = getter_this(vm, v)?;
    check_usable_detached(vm, fd, layer)?;
    Ok(vm.streams.obj[fd][BUF])
}

fn g_raw(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, layer) = getter_this(vm, v)?;
    check_usable_detached(vm, fd, layer)?;
    Ok(vm.streams.obj[fd][RAW])
}

/// ValueError for a detached layer (closed ones still give their parts).
fn check_usable_detached(vm: &mut Vm, fd: usize, layer: usize) -> PyResult<()> {
    if layer != RAW && vm.streams.detached[fd][layer] {
        return check_usable(vm, fd, layer);
    }
    Ok(())
}

fn g_chunk_size(vm: &mut Vm, v: Value) -> PyResult {
    getter_this(vm, v)?;
    Ok(vm.new_int(CHUNK as i64))
}

fn g_blksize(vm: &mut Vm, v: Value) -> PyResult {
    let (fd, _) = getter_this(vm, v)?;
    Ok(vm.new_int(fd_blksize(fd) as i64))
}
