//! CALL. The stack holds `[callable or NULL, self or callable, args...]` (oparg arguments).

use super::{Reason, Site};
use crate::bytecode::opcode::Opcode;
use crate::vm::interp::Vm;
use crate::vm::object::*;
use crate::vm::runtime::call as rcall;
use crate::vm::runtime::dict::dict_get_str;
use crate::vm::value::Value;

fn builtin_named(vm: &mut Vm, name: &str) -> Option<Value> {
    let k = vm.sname(name);
    dict_get_str(vm, vm.builtins, k)
}

pub fn call(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let n = s.oparg as usize;
    // KW_NAMES right before: keyword arguments.
    if s.at > 0 {
        if let Some(Opcode::KW_NAMES) = Opcode::from_u8(s.cd.adaptive[s.at - 1].get() as u8) {
            return Err("keyword arguments");
        }
    }
    let first = s.peek(n + 1);
    let second = s.peek(n);
    let method_form = !first.is_null();
    let callable = if method_form { first } else { second };
    let nargs = if method_form { n + 1 } else { n };
    if let Some(fd) = as_function(callable) {
        let co = &as_code(fd.code).ok_or("code")?.code;
        if rcall::is_exact_positional(co, nargs, &[]) {
            return Ok(Opcode::CALL_PY_EXACT_ARGS);
        }
        if rcall::fits_with_defaults(co, fd, nargs) {
            return Ok(Opcode::CALL_PY_WITH_DEFAULTS);
        }
        return Err("Python function: arguments need full binding");
    }
    if let Some(m) = as_bound_method(callable) {
        if method_form {
            return Err("bound method in the method slot");
        }
        let fd = as_function(m.func).ok_or("bound method of a non-Python function")?;
        let co = &as_code(fd.code).ok_or("code")?.code;
        if rcall::is_exact_positional(co, n + 1, &[]) {
            return Ok(Opcode::CALL_BOUND_METHOD_EXACT_ARGS);
        }
        return Err("bound method: arguments need full binding");
    }
    if let Some(b) = as_builtin(callable) {
        if !b.bound.is_null() {
            return Err("bound built-in method object");
        }
        if !method_form {
            if n == 1 && Some(callable) == builtin_named(vm, "len") {
                s.set_u64(1, callable.0);
                return Ok(Opcode::CALL_LEN);
            }
            if n == 2 && Some(callable) == builtin_named(vm, "isinstance") {
                s.set_u64(1, callable.0);
                return Ok(Opcode::CALL_ISINSTANCE);
            }
        } else if n == 1
            && b.name == "append"
            && b.owner == Value::from_ptr(vm.t.list)
            && second.is_ptr()
            && obj_type(second) == vm.t.list
        {
            s.set_u64(1, callable.0);
            return Ok(Opcode::CALL_LIST_APPEND);
        }
        return Ok(Opcode::CALL_BUILTIN_FAST);
    }
    if as_type(callable).is_some() && !method_form && n == 1 {
        let t = callable.as_ptr::<TypeObject>() as *const TypeObject;
        let op = if t == vm.t.type_ {
            Opcode::CALL_TYPE_1
        } else if t == vm.t.str_ {
            Opcode::CALL_STR_1
        } else if t == vm.t.tuple {
            Opcode::CALL_TUPLE_1
        } else {
            return Err("class call");
        };
        s.set_u64(1, callable.0);
        return Ok(op);
    }
    if as_type(callable).is_some() {
        return Err("class call");
    }
    Err("other callable")
}
