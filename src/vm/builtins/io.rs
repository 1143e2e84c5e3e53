//! print(), and the sys.stdout / sys.stderr file objects.

use super::def;
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::getattr;
use crate::vm::runtime::call::call;
use crate::vm::runtime::dict::dict_get_str;
use crate::vm::runtime::repr;
use crate::vm::types::{add_method, new_type, split_kw};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let b = vm.builtins;
    def(vm, b, "print", print);
    def(vm, b, "input", input);
}

/// A new `_io.TextIOWrapper` type for the standard streams, with no methods yet.
fn stream_type(vm: &mut Vm) -> *const TypeObject {
    let object = vm.t.object;
    let meta = vm.t.type_;
    let t = new_type(
        &mut vm.heap,
        meta,
        "TextIOWrapper",
        Layout::Instance,
        &[object],
    );
    crate::vm::types::type_data_mut_module(t, "_io");
    let d = vm.new_dict();
    type_data_mut(t).dict = d;
    vm.permanent.push(Value::from_ptr(t));
    t
}

/// Creates the TextIOWrapper type and the stdout/stderr objects; returns (stdout, stderr).
pub fn make_std_streams(vm: &mut Vm) -> (Value, Value) {
    let t = stream_type(vm);
    add_method(vm, t, "write", write);
    add_method(vm, t, "flush", flush);
    add_method(vm, t, "close", std_close);
    add_method(vm, t, "__enter__", |vm, a, _k| {
        check_open(vm, a[0])?;
        Ok(a[0])
    });
    add_method(vm, t, "__exit__", std_close);
    let mk = |vm: &mut Vm, fd: i64| {
        let o = crate::vm::runtime::call::new_instance(vm, t);
        let k = vm.intern("_fd");
        let v = vm.new_int(fd);
        let _ = crate::vm::runtime::attr::generic_setattr(vm, o, k, v);
        vm.permanent.push(o);
        o
    };
    let out = mk(vm, 1);
    let err = mk(vm, 2);
    for (o, errors) in [(out, stdout_errors()), (err, "backslashreplace")] {
        for (name, v) in [("encoding", "utf-8"), ("errors", errors)] {
            let (k, v) = (vm.intern(name), vm.new_str(v));
            let _ = crate::vm::runtime::attr::generic_setattr(vm, o, k, v);
        }
    }
    (out, err)
}

/// sys.stdout's error handler, chosen as CPython chooses it: the one PYTHONIOENCODING names,
/// else surrogateescape under the C or POSIX locale (or a UTF-8 one it coerces them to) or in
/// UTF-8 mode, else strict.
fn stdout_errors() -> &'static str {
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

/// Writes text to the process's stdout, encoded as sys.stdout encodes it (UTF-8; a lone
/// surrogate goes through its error handler, so it may raise UnicodeEncodeError).
fn write_stdout_text(vm: &mut Vm, text: &str) -> PyResult<()> {
    if !crate::rtlib::surrogate::has_standin(text) {
        vm.write_stdout(text.as_bytes());
        return Ok(());
    }
    match crate::rtlib::codecs::encode(text, "utf-8", stdout_errors()) {
        Ok(b) => {
            vm.write_stdout(&b);
            Ok(())
        }
        Err(e) => Err(crate::vm::types::bytes::codec_error(vm, e)),
    }
}

fn fd_of(vm: &mut Vm, o: Value) -> i64 {
    let k = vm.intern("_fd");
    crate::vm::runtime::attr::own_attr(vm, o, k)
        .map(|v| v.as_small_int())
        .unwrap_or(1)
}

/// `close()` (and `__exit__`) of stdout/stderr: flushes, then writes raise ValueError.
fn std_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    vm.flush_stdout();
    let (k, t) = (vm.intern("closed"), vm.true_);
    crate::vm::runtime::attr::generic_setattr(vm, args[0], k, t)?;
    Ok(vm.none)
}

/// ValueError for a standard stream that `close()` closed.
fn check_open(vm: &mut Vm, o: Value) -> PyResult<()> {
    let k = vm.intern("closed");
    if crate::vm::runtime::attr::own_attr(vm, o, k) == Some(vm.true_) {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if let Some(&o) = args.first() {
        check_open(vm, o)?;
    }
    if args.len() != 2 || as_str(args[1]).is_none() {
        let tn = if args.len() > 1 {
            vm.type_name(args[1])
        } else {
            "nothing".into()
        };
        return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
    }
    let s = str_of(args[1]).to_string();
    if fd_of(vm, args[0]) == 2 {
        vm.write_stderr(s.as_bytes());
    } else {
        write_stdout_text(vm, &s)?;
    }
    Ok(vm.new_int(as_str(args[1]).unwrap().nchars as i64))
}

fn flush(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    vm.flush_stdout();
    Ok(vm.none)
}

fn print(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let mut sep = None;
    let mut end = None;
    let mut file = Value::NULL;
    let mut do_flush = false;
    for (k, v) in kws {
        match k {
            "sep" => {
                if v != vm.none {
                    if as_str(v).is_none() {
                        let tn = vm.type_name(v);
                        return Err(
                            vm.type_error(format!("sep must be None or a string, not {tn}"))
                        );
                    }
                    sep = Some(str_of(v).to_string());
                }
            }
            "end" => {
                if v != vm.none {
                    if as_str(v).is_none() {
                        let tn = vm.type_name(v);
                        return Err(
                            vm.type_error(format!("end must be None or a string, not {tn}"))
                        );
                    }
                    end = Some(str_of(v).to_string());
                }
            }
            "file" => {
                if v != vm.none {
                    file = v;
                }
            }
            "flush" => do_flush = crate::vm::runtime::compare::truthy(vm, v)?,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for print()"))
                )
            }
        }
    }
    let mut out = String::new();
    // Where each piece (argument, separator, end) starts in `out`.
    let mut starts = Vec::with_capacity(2 * pos.len() + 1);
    for (i, &v) in pos.iter().enumerate() {
        if i > 0 {
            starts.push(out.len());
            out.push_str(sep.as_deref().unwrap_or(" "));
        }
        starts.push(out.len());
        if let Some(s) = as_str(v) {
            out.push_str(&s.s);
        } else {
            let s = repr::str(vm, v)?;
            out.push_str(str_of(s));
        }
    }
    starts.push(out.len());
    out.push_str(end.as_deref().unwrap_or("\n"));
    let sys_out = if file.is_null() {
        sys_stream(vm, "stdout")
    } else {
        file
    };
    if crate::rtlib::surrogate::has_standin(&out) && is_std_stream(vm, sys_out) {
        // CPython writes the pieces one by one: those before an unencodable lone surrogate
        // are written, and the error's position counts from the start of its piece.
        starts.push(out.len());
        for w in starts.windows(2) {
            write_to(vm, sys_out, out[w[0]..w[1]].to_string(), false)?;
        }
        if do_flush {
            vm.flush_stdout();
        }
        return Ok(vm.none);
    }
    write_to(vm, sys_out, out, do_flush)?;
    Ok(vm.none)
}

/// Whether `file` is one of the process's standard stream objects.
fn is_std_stream(vm: &mut Vm, file: Value) -> bool {
    file.is_ptr() && type_data(vm.type_of(file)).name == "TextIOWrapper" && fd_of(vm, file) != 0
}

/// Writes `text` to a file object: the standard streams directly, others by their `write`.
fn write_to(vm: &mut Vm, file: Value, text: String, flush: bool) -> PyResult<()> {
    if is_std_stream(vm, file) {
        check_open(vm, file)?;
        if fd_of(vm, file) == 2 {
            vm.write_stderr(text.as_bytes());
        } else {
            write_stdout_text(vm, &text)?;
            if flush {
                vm.flush_stdout();
            }
        }
    } else {
        let k = vm.intern("write");
        let w = getattr(vm, file, k)?;
        let s = vm.new_str_owned(text);
        call(vm, w, &[s], &[])?;
    }
    Ok(())
}

/// Writes `text` to the current sys.stdout.
pub fn stdout_write(vm: &mut Vm, text: &str) -> PyResult<()> {
    let out = sys_stream(vm, "stdout");
    write_to(vm, out, text.to_string(), false)
}

/// Writes `text` to the current sys.stderr (the process's stderr when there is none).
pub fn stderr_write(vm: &mut Vm, text: &str) -> PyResult<()> {
    let err = sys_stream(vm, "stderr");
    if err.is_null() || err == vm.none {
        vm.write_stderr(text.as_bytes());
        return Ok(());
    }
    write_to(vm, err, text.to_string(), false)
}

/// sys.stdout / sys.stderr as currently set in the sys module.
pub fn sys_stream(vm: &mut Vm, name: &str) -> Value {
    let sys = vm.sys_module;
    if let Some(m) = as_module(sys) {
        let d = m.dict;
        let k = vm.intern(name);
        if let Some(v) = dict_get_str(vm, d, k) {
            return v;
        }
    }
    Value::NULL
}

fn input(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if let Some(&p) = args.first() {
        let s = repr::str_string(vm, p)?;
        write_stdout_text(vm, &s)?;
    }
    vm.flush_stdout();
    let mut line = String::new();
    if vm.sandbox {
        return Err(vm.err("EOFError", "EOF when reading a line"));
    }
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.err("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            if let Some(c) = crate::rtlib::surrogate::first_standin(&line) {
                let e = crate::rtlib::error::RtError::unsupported_char(c as u32);
                return Err(repr::rt_err(vm, e));
            }
            Ok(vm.new_str_owned(line))
        }
        Err(e) => Err(vm.err("OSError", e.to_string())),
    }
}

/// Creates sys.stdin: a text stream over file descriptor 0, read through the process's buffered
/// standard input (the one `input()` reads), decoded as UTF-8 with sys.stdout's error handler,
/// with `\n` as the only line end (CPython's sys.stdin on POSIX: no newline translation).
pub fn make_stdin(vm: &mut Vm) -> Value {
    let t = stream_type(vm);
    add_method(vm, t, "read", stdin_read);
    add_method(vm, t, "readline", stdin_readline);
    add_method(vm, t, "readlines", stdin_readlines);
    add_method(vm, t, "__iter__", stdin_iter);
    add_method(vm, t, "__next__", stdin_next);
    add_method(vm, t, "__enter__", stdin_iter);
    add_method(vm, t, "__exit__", stdin_close);
    add_method(vm, t, "close", stdin_close);
    add_method(vm, t, "fileno", |vm, _a, _k| Ok(vm.new_int(0)));
    add_method(vm, t, "isatty", |vm, _a, _k| {
        use std::io::IsTerminal;
        Ok(vm.bool_val(std::io::stdin().is_terminal()))
    });
    add_method(vm, t, "readable", |vm, _a, _k| Ok(vm.true_));
    add_method(vm, t, "writable", |vm, _a, _k| Ok(vm.false_));
    add_method(vm, t, "seekable", |vm, _a, _k| Ok(vm.false_));
    add_method(vm, t, "flush", |vm, _a, _k| Ok(vm.none));
    add_method(vm, t, "write", |vm, _a, _k| {
        // io.UnsupportedOperation, as CPython's read-only text stream raises.
        let io = crate::vm::modules::import_module(vm, "io")?;
        let k = vm.intern("UnsupportedOperation");
        let ty = getattr(vm, io, k)?;
        let msg = vm.new_str("not writable");
        Err(call(vm, ty, &[msg], &[])?)
    });
    let o = crate::vm::runtime::call::new_instance(vm, t);
    vm.permanent.push(o);
    let f = vm.false_;
    let none = vm.none;
    let zero = vm.new_int(0);
    for (name, v) in [
        ("_fd", zero),
        ("closed", f),
        ("line_buffering", f),
        ("newlines", none),
    ] {
        let k = vm.intern(name);
        let _ = crate::vm::runtime::attr::generic_setattr(vm, o, k, v);
    }
    for (name, v) in [
        ("encoding", "utf-8"),
        ("errors", stdout_errors()),
        ("name", "<stdin>"),
        ("mode", "r"),
    ] {
        let (k, v) = (vm.intern(name), vm.new_str(v));
        let _ = crate::vm::runtime::attr::generic_setattr(vm, o, k, v);
    }
    o
}

/// Raises ValueError when sys.stdin was closed.
fn stdin_check_open(vm: &mut Vm, o: Value) -> PyResult<()> {
    let k = vm.intern("closed");
    let closed = crate::vm::runtime::attr::own_attr(vm, o, k);
    if closed.is_some_and(|c| c == vm.true_) {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

/// The optional size argument of read/readline: None or a negative int mean "no limit".
fn size_arg(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Option<usize>> {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    match args.get(1) {
        None => Ok(None),
        Some(&v) if v == vm.none => Ok(None),
        Some(&v) => {
            use crate::vm::runtime::num::IntVal;
            match crate::vm::runtime::num::index_value(vm, v)? {
                Some(IntVal::Small(n)) => Ok(usize::try_from(n).ok()),
                Some(IntVal::Big(b)) => {
                    Ok((b.sign() != num_bigint::Sign::Minus).then_some(usize::MAX))
                }
                None => {
                    let tn = vm.type_name(v);
                    Err(vm.type_error(format!("argument should be integer or None, not '{tn}'")))
                }
            }
        }
    }
}

/// Reads characters from the process's stdin: up to `limit` of them (all when None), stopping
/// after the first `\n` when `line`.
fn stdin_read_text(vm: &mut Vm, limit: Option<usize>, line: bool) -> PyResult {
    use std::io::BufRead;
    let mut bytes = Vec::new();
    let mut chars = 0usize;
    if !vm.sandbox {
        vm.flush_stdout();
        let stdin = std::io::stdin();
        let mut r = stdin.lock();
        loop {
            if limit.is_some_and(|l| chars >= l) {
                break;
            }
            let buf = match r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(vm.err("OSError", e.to_string())),
            };
            let Some(&b) = buf.first() else { break };
            r.consume(1);
            bytes.push(b);
            // A UTF-8 continuation byte does not start a new character.
            if b & 0xC0 != 0x80 {
                chars += 1;
            }
            if line && bytes.last() == Some(&b'\n') {
                break;
            }
        }
        // Finish a character whose first byte the limit let in.
        while let Ok(buf) = r.fill_buf() {
            match buf.first() {
                Some(&b) if b & 0xC0 == 0x80 => {
                    bytes.push(b);
                    r.consume(1);
                }
                _ => break,
            }
        }
    }
    match crate::rtlib::codecs::decode(&bytes, "utf-8", stdout_errors()) {
        Ok(s) => Ok(vm.new_str_owned(s)),
        Err(e) => Err(crate::vm::types::bytes::codec_error(vm, e)),
    }
}

fn stdin_read(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let n = size_arg(vm, "read", args)?;
    stdin_check_open(vm, args[0])?;
    stdin_read_text(vm, n, false)
}

fn stdin_readline(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let n = size_arg(vm, "readline", args)?;
    stdin_check_open(vm, args[0])?;
    stdin_read_text(vm, n, true)
}

fn stdin_readlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let hint = size_arg(vm, "readlines", args)?;
    stdin_check_open(vm, args[0])?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    loop {
        let l = stdin_read_text(vm, None, true)?;
        let n = as_str(l).map_or(0, |s| s.nchars);
        if n == 0 {
            break;
        }
        vm.roots.push(l);
        lines.push(l);
        total += n;
        if hint.is_some_and(|h| h > 0 && total >= h) {
            break;
        }
    }
    vm.roots.truncate(vm.roots.len() - lines.len());
    Ok(vm.new_list(lines))
}

fn stdin_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    stdin_check_open(vm, args[0])?;
    Ok(args[0])
}

fn stdin_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    stdin_check_open(vm, args[0])?;
    let l = stdin_read_text(vm, None, true)?;
    if as_str(l).is_some_and(|s| s.nchars == 0) {
        let ty = vm.t.exc("StopIteration");
        let args = vm.new_tuple(Vec::new());
        return Err(vm.new_exception_args(ty, args));
    }
    Ok(l)
}

fn stdin_close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (k, t) = (vm.intern("closed"), vm.true_);
    crate::vm::runtime::attr::generic_setattr(vm, args[0], k, t)?;
    Ok(vm.none)
}
