//! The built-in exception hierarchy (CPython's names and bases) and BaseException's methods.

use super::{add_method, add_static, new_type, Types};
use crate::vm::gc::Heap;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::repr;
use crate::vm::value::Value;

/// (name, base) in definition order.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("TimeoutError", "OSError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("InterruptedError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

pub fn bootstrap_exceptions(heap: &mut Heap, t: &mut Types) {
    for &(name, base) in HIERARCHY {
        let b = if base == "object" {
            t.object
        } else {
            t.exc(base)
        };
        let ty = new_type(heap, t.type_, name, Layout::Instance, &[b]);
        let td = type_data_mut(ty);
        td.is_exception = true;
        td.base_ok = true;
        t.add_exception(name, ty);
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.t.exc("BaseException");
    // Each built-in exception class has its own `__new__` (as in CPython, where the error
    // messages name the class it was looked up on: `ValueError.__new__(X): ...`).
    let names = vm.t.exception_names();
    for name in names {
        let ty = vm.t.exc(name);
        add_static(vm, ty, "__new__", new, false);
    }
    add_method(vm, t, "__init__", init);
    add_method(vm, t, "__repr__", exc_repr);
    add_method(vm, t, "__str__", exc_str);
    add_method(vm, t, "with_traceback", with_traceback);
}

fn new(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let cls = args[0].as_ptr::<TypeObject>();
    let os_error = vm.t.exc("OSError");
    if vm.is_subtype(cls, os_error) {
        return super::oserror::new(vm, cls, &args[1..args.len() - _kw.len()]);
    }
    let a = vm.new_tuple(args[1..args.len() - _kw.len()].to_vec());
    Ok(vm.new_exception_args(cls, a))
}

fn init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("{tn}() takes no keyword arguments")));
    }
    // OSError.__new__ already set args (without the filename) and the errno fields.
    if super::oserror::initialized(args[0]) {
        return Ok(vm.none);
    }
    let a = vm.new_tuple(args[1..].to_vec());
    if let Some(e) = as_instance(args[0]).and_then(|i| i.exc.as_mut()) {
        e.args = a;
    }
    Ok(vm.none)
}

fn exc_args(v: Value) -> Vec<Value> {
    as_instance(v)
        .and_then(|i| i.exc.as_ref())
        .and_then(|e| as_tuple(e.args).map(|t| t.to_vec()))
        .unwrap_or_default()
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let tn = vm.type_name(args[0]);
    let items = exc_args(args[0]);
    let inner = if items.len() == 1 {
        repr::repr_string(vm, items[0])?
    } else {
        let t = vm.new_tuple(items);
        let r = repr::repr_string(vm, t)?;
        r[1..r.len() - 1].trim_end_matches(',').to_string()
    };
    Ok(vm.new_str_owned(format!("{tn}({inner})")))
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if let Some(s) = super::oserror::str(vm, args[0])? {
        return Ok(s);
    }
    let items = exc_args(args[0]);
    if vm.isinstance(args[0], vm.t.exc("KeyError")) && items.len() == 1 {
        return repr::repr(vm, items[0]);
    }
    match items.len() {
        0 => Ok(vm.new_str("")),
        1 => repr::str(vm, items[0]),
        _ => {
            let t = vm.new_tuple(items);
            repr::repr(vm, t)
        }
    }
}

fn with_traceback(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(args[0])
}
