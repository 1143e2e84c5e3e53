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

/// Creates the TextIOWrapper type and the stdout/stderr objects; returns (stdout, stderr).
pub fn make_std_streams(vm: &mut Vm) -> (Value, Value) {
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
    add_method(vm, t, "write", write);
    add_method(vm, t, "flush", flush);
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

fn write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
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
fn is_std_stream(vm: &Vm, file: Value) -> bool {
    file.is_ptr() && type_data(vm.type_of(file)).name == "TextIOWrapper"
}

/// Writes `text` to a file object: the standard streams directly, others by their `write`.
fn write_to(vm: &mut Vm, file: Value, text: String, flush: bool) -> PyResult<()> {
    if is_std_stream(vm, file) {
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
