//! CALL. The stack holds `[callable or NULL, self or callable, args...]` (oparg arguments).

use super::{Reason, Site};
use crate::bytecode::opcode::Opcode;
use crate::vm::code::ensure_body;
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
        // The guards refuse a body not decoded yet; decoded now, the call runs it anyway.
        ensure_body(vm, fd.code).map_err(|_| "invalid code in a cache file")?;
        let co = &as_code(fd.code).ok_or("code")?.code;
        if rcall::is_exact_positional(co, nargs, &[]) {
            return Ok(Opcode::CALL_PY_EXACT_ARGS);
        }
        if rcall::fits_with_defaults(co, fd, nargs) {
            // c[1]: the parameters the call leaves to the defaults (the JIT compiles the call
            // with that many copied from the defaults' end, checking it again at each call).
            s.unit(1).set(co.argcount as u32 - nargs as u32);
            return Ok(Opcode::CALL_PY_WITH_DEFAULTS);
        }
        return Err("Python function: arguments need full binding");
    }
    if let Some(m) = as_bound_method(callable) {
        if method_form {
            return Err("bound method in the method slot");
        }
        let fd = as_function(m.func).ok_or("bound method of a non-Python function")?;
        ensure_body(vm, fd.code).map_err(|_| "invalid code in a cache file")?;
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
        // A method descriptor runs on its own type's instances alone (`spec::builtin_fast_target`):
        // one of a subclass (a list subclass's `append`) goes through the generic call, which
        // hands the method the wrapped value.
        let self_arg = if method_form {
            Some(second)
        } else {
            (n >= 1).then(|| s.peek(n - 1))
        };
        if !b.owner.is_null()
            && !self_arg.is_some_and(|a| Value::from_ptr(vm.type_of(a)) == b.owner)
        {
            return Err("built-in method descriptor on an instance of another type");
        }
        // The generic call checks these dunders' argument counts as CPython's slot wrappers
        // and METH_NOARGS / METH_O methods do (`call::check_slot_arity`).
        if !b.owner.is_null() && b.name.starts_with("__") {
            let owner = &type_data(b.owner.as_ptr::<TypeObject>()).name;
            if crate::vm::types::slot_arity::slot_arity(b.name).is_some()
                || crate::vm::types::slot_arity::method_arity(owner, b.name).is_some()
            {
                return Err("dunder method descriptor with an argument-count check");
            }
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
        } else if type_data(t).builtin {
            return builtin_class_call(vm, s, callable);
        } else {
            return init_call(vm, s, callable, n);
        };
        s.set_u64(1, callable.0);
        return Ok(op);
    }
    if as_type(callable).is_some() {
        if method_form {
            return Err("class call");
        }
        if type_data(callable.as_ptr()).builtin {
            return builtin_class_call(vm, s, callable);
        }
        return init_call(vm, s, callable, n);
    }
    Err("other callable")
}

/// A built-in class whose `__new__` (a built-in function) makes the whole object, as
/// `call::type_call_default` returns it for such classes: CALL_BUILTIN_CLASS, the class at
/// units 1-2 (built-in classes are never freed, nor their `__new__` replaced).
fn builtin_class_call(vm: &mut Vm, s: &Site, cls: Value) -> Result<Opcode, Reason> {
    let t = cls.as_ptr::<TypeObject>() as *const TypeObject;
    let td = type_data(t);
    if obj_type(cls) != vm.t.type_ || td.is_exception || t == vm.t.object || t == vm.t.type_ {
        return Err("class call: built-in class with its own protocol");
    }
    if rcall::builtin_new(vm, t).is_none() {
        return Err("class call: built-in class without a built-in __new__");
    }
    s.set_u64(1, cls.0);
    Ok(Opcode::CALL_BUILTIN_CLASS)
}

/// A class whose instances `object.__new__` makes and a Python `__init__` initializes:
/// CALL_ALLOC_AND_ENTER_INIT, its type version at unit 1.
fn init_call(vm: &mut Vm, s: &Site, cls: Value, nargs: usize) -> Result<Opcode, Reason> {
    let t = cls.as_ptr::<TypeObject>() as *const TypeObject;
    if obj_type(cls) != vm.t.type_ {
        return Err("class call: a metaclass other than type");
    }
    let td = type_data(t);
    // Instances object.__new__ makes: shared-key values, or slots (`call::new_instance`); not
    // exceptions, nor classes wrapping a built-in's value.
    let wraps_builtin = td.ext.as_ref().is_some_and(|e| !e.builtin_base.is_null());
    if td.layout != Layout::Instance || td.is_exception || wraps_builtin {
        return Err("class call: not a plain class");
    }
    let version = td.version.get();
    if version == 0 {
        return Err("class call: type has no version tag");
    }
    let (new, init) = rcall::ctor_slots(vm, t);
    if new != Some(vm.object_new) || !rcall::known_concrete(t) {
        return Err("class call: __new__ is not object.__new__");
    }
    let init = init
        .filter(|&i| as_function(i).is_some())
        .ok_or("class call: __init__ is not a Python function")?;
    ensure_body(vm, as_function(init).unwrap().code).map_err(|_| "invalid code in a cache file")?;
    if crate::vm::ops::spec::exact_function(init, nargs + 1).is_none() {
        return Err("class call: __init__ needs full binding");
    }
    s.unit(1).set(version);
    Ok(Opcode::CALL_ALLOC_AND_ENTER_INIT)
}
