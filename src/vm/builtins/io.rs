//! print() and input() (the standard stream objects are in `stdio`).

use super::{def, stdio};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::getattr;
use crate::vm::runtime::call::call;
use crate::vm::runtime::dict::dict_get_str;
use crate::vm::runtime::repr;
use crate::vm::types::split_kw;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let b = vm.builtins;
    def(vm, b, "print", print);
    def(vm, b, "input", input);
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
    if sys_out.is_null() {
        return Err(vm.err("RuntimeError", "lost sys.stdout"));
    }
    if sys_out == vm.none {
        return Ok(vm.none);
    }
    if crate::rtlib::surrogate::has_standin(&out) && stdio::is_std_output(vm, sys_out) {
        // CPython writes the pieces one by one: those before an unencodable lone surrogate
        // are written, and the error's position counts from the start of its piece.
        starts.push(out.len());
        for w in starts.windows(2) {
            write_to(vm, sys_out, out[w[0]..w[1]].to_string(), false)?;
        }
        if do_flush {
            stdio::flush_if_stdout(vm, sys_out);
        }
        return Ok(vm.none);
    }
    write_to(vm, sys_out, out, do_flush)?;
    Ok(vm.none)
}

/// Writes `text` to a file object: the standard streams directly (no Python call: print is
/// hot), others by their `write` (and `flush`).
fn write_to(vm: &mut Vm, file: Value, text: String, flush: bool) -> PyResult<()> {
    if stdio::is_std_output(vm, file) {
        stdio::write_text(vm, file, &text)?;
        if flush {
            stdio::flush_if_stdout(vm, file);
        }
        return Ok(());
    }
    let s = vm.new_str_owned(text);
    call_method(vm, file, "write", &[s])?;
    if flush {
        call_method(vm, file, "flush", &[])?;
    }
    Ok(())
}

/// `obj.name(*args)`.
fn call_method(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult {
    let k = vm.intern(name);
    let f = getattr(vm, obj, k)?;
    call(vm, f, args, &[])
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

/// `input([prompt])`, as CPython's when the streams are not a terminal: flushes sys.stderr,
/// writes the prompt to sys.stdout and flushes it, then `sys.stdin.readline()` without its `\n`.
fn input(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "input", args, kw, 0, 0, 1)?;
    let [fin, fout, ferr] = ["stdin", "stdout", "stderr"].map(|n| sys_stream(vm, n));
    for (f, name) in [(fin, "stdin"), (fout, "stdout")] {
        if f.is_null() || f == vm.none {
            return Err(vm.err("RuntimeError", format!("input(): lost sys.{name}")));
        }
    }
    if !ferr.is_null() && ferr != vm.none && !stdio::is_std_output(vm, ferr) {
        call_method(vm, ferr, "flush", &[])?;
    }
    if let Some(&p) = args.first() {
        let s = repr::str_string(vm, p)?;
        write_to(vm, fout, s, false)?;
    }
    if stdio::is_std_output(vm, fout) {
        vm.flush_stdout();
    } else {
        call_method(vm, fout, "flush", &[])?;
    }
    let line = match stdio::stdin_readline(vm, fin) {
        Some(r) => vm.new_str_owned(r?),
        None => call_method(vm, fin, "readline", &[])?,
    };
    let mut text = match as_str(line) {
        Some(_) => str_of(line).to_string(),
        None => {
            return Err(vm.type_error("object.readline() returned non-string"));
        }
    };
    if text.is_empty() {
        return Err(vm.err("EOFError", "EOF when reading a line"));
    }
    if text.ends_with('\n') {
        text.pop();
    }
    Ok(vm.new_str_owned(text))
}
