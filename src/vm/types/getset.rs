//! Descriptors on built-in types for attributes the VM computes (`runtime::special`):
//! `types.py` derives `GetSetDescriptorType` and `MemberDescriptorType` from
//! `FunctionType.__code__` and `FunctionType.__globals__`, so those two exist on the type as
//! CPython's read-only descriptor objects.

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let f = vm.t.function;
    let (g, m) = (vm.t.getset_descriptor, vm.t.member_descriptor);
    add(vm, f, "__code__", g);
    add(vm, f, "__globals__", m);
    // What `dir()` lists of generators, coroutines and async generators (read by
    // `runtime::special`).
    let gens: [(_, &[&str]); 3] = [
        (
            vm.t.generator,
            &[
                "gi_code",
                "gi_frame",
                "gi_running",
                "gi_suspended",
                "gi_yieldfrom",
            ],
        ),
        (
            vm.t.coroutine,
            &[
                "cr_await",
                "cr_code",
                "cr_frame",
                "cr_origin",
                "cr_running",
                "cr_suspended",
            ],
        ),
        (
            vm.t.async_generator,
            &["ag_await", "ag_code", "ag_frame", "ag_running"],
        ),
    ];
    for (ty, names) in gens {
        for n in names {
            add(vm, ty, n, g);
        }
    }
    // Functions are descriptors: enum and others test for __get__.
    super::add_method(vm, f, "__get__", function_get);
    super::add_static(vm, f, "__new__", function_new, false);
    let m = vm.t.method;
    super::add_static(vm, m, "__new__", method_new, false);
}

/// `types.MethodType(function, instance)`: `function` bound to `instance`.
fn method_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "method expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let (func, obj) = (args[1], args[2]);
    if !crate::vm::builtins::funcs::is_callable(vm, func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj == vm.none {
        return Err(vm.type_error("instance must not be None"));
    }
    let ty = vm.t.method;
    Ok(vm.heap.alloc(ty, MethodData { func, self_: obj }))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`.
fn function_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    const NAMES: [&str; 5] = ["code", "globals", "name", "argdefs", "closure"];
    let (pos, kws) = super::split_kw(args, kw);
    if pos.len() > 6 {
        return Err(vm.type_error(format!(
            "function() takes at most 5 arguments ({} given)",
            pos.len() - 1 + kws.len()
        )));
    }
    let mut a: [Option<Value>; 5] = [None; 5];
    for (i, &v) in pos[1..].iter().enumerate() {
        a[i] = Some(v);
    }
    for (k, v) in kws {
        let Some(i) = NAMES.iter().position(|n| *n == k) else {
            return Err(vm.type_error(format!(
                "function() got an unexpected keyword argument '{k}'"
            )));
        };
        if a[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for function() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        a[i] = Some(v);
    }
    let none = vm.none;
    let (Some(code), Some(globals)) = (a[0], a[1]) else {
        let (n, i) = if a[0].is_none() {
            ("code", 1)
        } else {
            ("globals", 2)
        };
        return Err(vm.type_error(format!(
            "function() missing required argument '{n}' (pos {i})"
        )));
    };
    let Some(cd) = as_code(code) else {
        let tn = vm.type_name(code);
        return Err(vm.type_error(format!("function() argument 'code' must be code, not {tn}")));
    };
    if as_dict(globals).is_none() {
        let tn = vm.type_name(globals);
        return Err(vm.type_error(format!(
            "function() argument 'globals' must be dict, not {tn}"
        )));
    }
    let name = a[2].filter(|v| *v != none);
    if name.is_some_and(|n| as_str(n).is_none()) {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    let defaults = a[3].filter(|v| *v != none);
    if defaults.is_some_and(|d| as_tuple(d).is_none()) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let closure = a[4].filter(|v| *v != none);
    let nfree = crate::vm::ops::free_var_count(cd);
    match closure {
        None if nfree > 0 => return Err(vm.type_error("arg 5 (closure) must be tuple")),
        Some(c) if as_tuple(c).is_none() => {
            return Err(vm.type_error("arg 5 (closure) must be tuple"))
        }
        _ => {}
    }
    let nclosure = closure.and_then(as_tuple).map_or(0, |t| t.len());
    if nclosure != nfree {
        let cn = str_of(cd.name).to_string();
        return Err(vm.value_error(format!(
            "{cn} requires closure of length {nfree}, not {nclosure}"
        )));
    }
    if let Some(c) = closure.and_then(as_tuple) {
        if let Some(&bad) = c.iter().find(|v| as_cell(**v).is_none()) {
            let tn = vm.type_name(bad);
            return Err(vm.type_error(format!("arg 5 (closure) expected cell, found {tn}")));
        }
    }
    let null = Value::NULL;
    let rest = [
        defaults.unwrap_or(null),
        null,
        closure.unwrap_or(null),
        null,
    ];
    Ok(crate::vm::ops::new_function(
        vm,
        code,
        globals,
        name.unwrap_or(null),
        rest,
    ))
}

/// `function.__get__(obj, type=None)`: a bound method, or the function itself for no object.
fn function_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "__get__", args, kw, 1, 1, 2)?;
    if args[1] == vm.none {
        return Ok(args[0]);
    }
    let t = vm.type_of(args[1]);
    crate::vm::runtime::attr::bind_descriptor(vm, args[0], args[1], t)
}

fn add(vm: &mut Vm, owner: *const TypeObject, name: &str, kind: *const TypeObject) {
    let n = vm.intern(name);
    add_descriptor(vm, owner, n, kind, special_get, n);
}

/// Puts a read-only descriptor of type `kind` (getset_descriptor or member_descriptor) named
/// `name` in `owner`'s dict: reading it calls `f(bound, obj)` (`f(obj)` when `bound` is NULL).
pub fn add_descriptor(
    vm: &mut Vm,
    owner: *const TypeObject,
    name: Value,
    kind: *const TypeObject,
    f: BuiltinFn,
    bound: Value,
) {
    let bty = vm.t.builtin_function;
    let fget = vm.heap.alloc(
        bty,
        BuiltinData {
            module: Value::NULL,
            name: "__get__",
            f,
            bound,
            // With no bound value the getter is a plain function of the object (an owner
            // would make it an unbound method descriptor).
            owner: if bound.is_null() {
                Value::NULL
            } else {
                Value::from_ptr(owner)
            },
        },
    );
    vm.roots.push(fget);
    let d = vm.heap.alloc(
        kind,
        PropertyData {
            fget,
            fset: Value::NULL,
            fdel: Value::NULL,
            doc: name,
            name: Value::NULL,
        },
    );
    vm.roots.pop();
    let td = type_data(owner);
    let dict = td.dict;
    let _ = crate::vm::runtime::dict::dict_set(vm, dict, name, d);
    crate::vm::runtime::attr::invalidate_cache();
}

/// The getter: (name, obj) -> the attribute as `runtime::special` computes it.
fn special_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (name, obj) = (args[0], args[1]);
    let n = str_of(name).to_string();
    match crate::vm::runtime::special::special_attr(vm, obj, &n)? {
        Some(v) => Ok(v),
        None => {
            let tn = vm.type_name(obj);
            Err(vm.type_error(format!(
                "descriptor '{n}' for 'function' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}
