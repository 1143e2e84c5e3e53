//! The `sys` module.

use super::{def, set_attr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::IntVal;
use crate::vm::types::nargs;
use crate::vm::value::Value;

/// Creates sys (once, at start-up) with argv and path.
pub fn create(vm: &mut Vm, argv: &[String], path: &[String]) -> Value {
    let m = vm.new_module("sys");
    let a: Vec<Value> = argv.iter().map(|s| vm.new_str(s)).collect();
    let al = vm.new_list(a);
    set_attr(vm, m, "argv", al);
    let p: Vec<Value> = path.iter().map(|s| vm.new_str(s)).collect();
    let pl = vm.new_list(p);
    set_attr(vm, m, "path", pl);
    let (out, err) = crate::vm::builtins::io::make_std_streams(vm);
    set_attr(vm, m, "stdout", out);
    set_attr(vm, m, "stderr", err);
    set_attr(vm, m, "__stdout__", out);
    set_attr(vm, m, "__stderr__", err);
    let mx = vm.new_int(i64::MAX);
    set_attr(vm, m, "maxsize", mx);
    let mods = vm.modules;
    set_attr(vm, m, "modules", mods);
    let v = vm.new_str("3.11.0 (cpjit)");
    set_attr(vm, m, "version", v);
    let vi: Vec<Value> = [3, 11, 0]
        .iter()
        .map(|&i| Value::try_from_i64(i).unwrap())
        .collect();
    let vt = vm.new_tuple(vi);
    set_attr(vm, m, "version_info", vt);
    let pf = vm.new_str("linux");
    set_attr(vm, m, "platform", pf);
    let bo = vm.new_str("little");
    set_attr(vm, m, "byteorder", bo);
    let ex = vm.new_str("cpjit");
    set_attr(vm, m, "executable", ex);
    let nm = vm.new_str("cpjit");
    set_attr(vm, m, "implementation_name", nm);
    def(vm, m, "exit", exit);
    def(vm, m, "getrecursionlimit", getrecursionlimit);
    def(vm, m, "setrecursionlimit", setrecursionlimit);
    def(vm, m, "intern", intern);
    def(vm, m, "exc_info", exc_info);
    m
}

fn exit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "exit", args, kw, 0, 0, 1)?;
    let t = vm.t.exc("SystemExit");
    let a = vm.new_tuple(args.to_vec());
    Err(vm.new_exception_args(t, a))
}

fn getrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getrecursionlimit", args, kw, 0, 0, 0)?;
    Ok(vm.new_int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "setrecursionlimit", args, kw, 0, 1, 1)?;
    match crate::vm::types::subclass::int_arg(args[0]) {
        Some(IntVal::Small(n)) if n >= 1 => {
            if n > 200_000 {
                return Err(vm.not_implemented("recursion limits above 200000"));
            }
            vm.recursion_limit = n as usize;
            Ok(vm.none)
        }
        Some(_) => Err(vm.value_error("recursion limit must be greater or equal than 1")),
        None => {
            let tn = vm.type_name(args[0]);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn intern(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "intern", args, kw, 0, 1, 1)?;
    let s = crate::vm::interp::str_of(args[0]).to_string();
    Ok(vm.intern(&s))
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let h = vm.handled;
    if h.is_null() || h == vm.none {
        let n = vm.none;
        return Ok(vm.new_tuple(vec![n, n, n]));
    }
    let t = Value::from_ptr(obj_type(h));
    let n = vm.none;
    Ok(vm.new_tuple(vec![t, h, n]))
}
