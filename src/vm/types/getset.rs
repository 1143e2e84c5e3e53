//! Descriptors on built-in types for attributes the VM computes (`runtime::special`), so that
//! the types' dicts hold what CPython's do: `type.__dict__['__name__']`, `int.__dict__['real']`,
//! `object.__dict__['__class__']`, a function's `__code__` (`types.py` derives
//! `GetSetDescriptorType` and `MemberDescriptorType` from `FunctionType.__code__` and
//! `FunctionType.__globals__`), a class's `__dict__` and `__weakref__`. These "special"
//! descriptors are transparent to attribute access (`is_special`): reads and writes go on
//! through `runtime::special` and the attribute code's own cases as before, so lookups keep
//! their speed; they are seen by `X.__dict__`, `dir`, `vars`, and through their own
//! `__get__`/`__set__`/`__delete__`.

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

/// (type, member_descriptor (true) or getset_descriptor, names) in CPython's dict order.
type Table<'a> = [(*const TypeObject, &'a [(&'a str, bool)]); 6];

fn tables(vm: &Vm) -> Table<'static> {
    const M: bool = true;
    const G: bool = false;
    [
        (
            vm.t.type_,
            &[
                ("__basicsize__", M),
                ("__itemsize__", M),
                ("__flags__", M),
                ("__weakrefoffset__", M),
                ("__base__", M),
                ("__dictoffset__", M),
                ("__mro__", M),
                ("__name__", G),
                ("__qualname__", G),
                ("__bases__", G),
                ("__module__", G),
                ("__abstractmethods__", G),
                ("__dict__", G),
                ("__doc__", G),
                ("__text_signature__", G),
                ("__annotations__", G),
            ],
        ),
        (vm.t.object, &[("__class__", G)]),
        (
            vm.t.int,
            &[
                ("real", G),
                ("imag", G),
                ("numerator", G),
                ("denominator", G),
            ],
        ),
        (vm.t.float, &[("real", G), ("imag", G)]),
        (vm.t.complex, &[("real", M), ("imag", M)]),
        (
            vm.t.function,
            &[
                ("__closure__", M),
                ("__doc__", M),
                ("__globals__", M),
                ("__module__", M),
                ("__builtins__", M),
                ("__code__", G),
                ("__defaults__", G),
                ("__kwdefaults__", G),
                ("__annotations__", G),
                ("__dict__", G),
                ("__name__", G),
                ("__qualname__", G),
            ],
        ),
    ]
}

pub fn install(vm: &mut Vm) {
    let (g, m) = (vm.t.getset_descriptor, vm.t.member_descriptor);
    for (ty, names) in tables(vm) {
        for &(n, member) in names {
            add(vm, ty, n, if member { m } else { g });
        }
    }
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
    for t in [g, m] {
        super::add_method(vm, t, "__get__", descr_get);
        super::add_method(vm, t, "__set__", descr_set);
        super::add_method(vm, t, "__delete__", descr_delete);
    }
    let f = vm.t.function;
    // Functions are descriptors: enum and others test for __get__.
    super::add_method(vm, f, "__get__", function_get);
    super::add_static(vm, f, "__new__", function_new, false);
    let m = vm.t.method;
    super::add_static(vm, m, "__new__", method_new, false);
}

/// The names of `type`'s own special descriptors: on a class they are the metatype's data
/// descriptors, which come before anything of the class's MRO (`C.__dict__` is the class's
/// mappingproxy, not the descriptor for its instances' `__dict__`).
pub fn is_type_attr(vm: &Vm, name: &str) -> bool {
    tables(vm)[0].1.iter().any(|(n, _)| *n == name)
}

/// The AttributeError message for assigning `type`'s read-only attribute `name` to a class:
/// its members ("readonly attribute") and its getsets without a setter; None for the others.
pub fn type_attr_readonly(vm: &Vm, name: &str) -> Option<String> {
    let &(_, member) = tables(vm)[0].1.iter().find(|(n, _)| *n == name)?;
    if member {
        Some("readonly attribute".into())
    } else if matches!(name, "__dict__" | "__text_signature__") {
        Some(format!(
            "attribute '{name}' of 'type' objects is not writable"
        ))
    } else {
        None
    }
}

/// Whether `d` is one of the descriptors `install` and `add_class_descriptors` make.
#[inline]
pub fn is_special(d: Value) -> bool {
    as_property(d)
        .and_then(|p| as_builtin(p.fget))
        .is_some_and(|b| b.f as usize == special_get as BuiltinFn as usize)
}

/// A new Python class's `__dict__` and `__weakref__` descriptors, where CPython's type_new
/// adds them: the names `dir` lists for the class (`funcs::native_names`: none a `__slots__`
/// leaves out, none a base already has, none the class body defines).
pub fn add_class_descriptors(vm: &mut Vm, cls: *const TypeObject) {
    let g = vm.t.getset_descriptor;
    for &n in crate::vm::builtins::funcs::native_names(vm, cls) {
        let k = vm.intern(n);
        // Not over a name the class body defines, nor where a base has the descriptor.
        let inherited = type_data(cls).mro.iter().any(|b| {
            crate::vm::runtime::attr::dict_get_str_raw(type_data(b.as_ptr()).dict, k).is_some()
        });
        if !inherited {
            add(vm, cls, n, g);
        }
    }
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

/// The built-in function a descriptor calls to get or set.
fn accessor_fn(vm: &mut Vm, name: &'static str, f: BuiltinFn, bound: Value, owner: Value) -> Value {
    let bty = vm.t.builtin_function;
    vm.heap.alloc(
        bty,
        BuiltinData {
            module: Value::NULL,
            name,
            f,
            bound,
            owner,
        },
    )
}

/// Makes `owner`'s descriptor `name` (put there by [`add_descriptor`]) writable: assigning
/// calls `f(bound, obj, value)`, deleting `f(bound, obj)` (a frame's `f_trace`).
pub fn add_setter(vm: &mut Vm, owner: *const TypeObject, name: Value, f: BuiltinFn, bound: Value) {
    let fset = accessor_fn(vm, "__set__", f, bound, Value::NULL);
    vm.permanent.push(fset);
    if let Some(p) = crate::vm::runtime::attr::lookup_type(owner, name).and_then(as_property) {
        p.fset = fset;
        p.fdel = fset;
    }
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
    // With no bound value the getter is a plain function of the object (an owner would make
    // it an unbound method descriptor).
    let getter_owner = if bound.is_null() {
        Value::NULL
    } else {
        Value::from_ptr(owner)
    };
    let fget = accessor_fn(vm, "__get__", f, bound, getter_owner);
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
    let v = if as_type(obj).is_some() {
        crate::vm::runtime::special::type_special_attr(vm, obj, &n)?
    } else {
        crate::vm::runtime::special::special_attr(vm, obj, &n)?
    };
    match v {
        Some(v) => Ok(v),
        // type's getters name only the attribute (`__abstractmethods__` of a plain class).
        None if as_type(obj).is_some() => Err(vm.attribute_error(n)),
        None => Err(crate::vm::runtime::attr::no_attr(vm, obj, name)),
    }
}

/// The class a getset or member descriptor belongs to (its getter's owner).
pub fn objclass(d: Value) -> Option<*const TypeObject> {
    let b = as_builtin(as_property(d)?.fget)?;
    (!b.owner.is_null()).then(|| b.owner.as_ptr::<TypeObject>() as *const TypeObject)
}

/// `descr_check`: `obj` must be an instance of the descriptor's class.
fn check(vm: &mut Vm, d: Value, obj: Value) -> PyResult<()> {
    let Some(t) = objclass(d) else {
        return Ok(());
    };
    if vm.isinstance(obj, t) {
        return Ok(());
    }
    let n = str_of(as_property(d).unwrap().doc).to_string();
    let (tn, on) = (crate::vm::interp::type_tp_name(t), vm.type_name(obj));
    Err(vm.type_error(format!(
        "descriptor '{n}' for '{tn}' objects doesn't apply to a '{on}' object"
    )))
}

/// `getset_descriptor.__get__(obj, type=None)` (and member_descriptor's): the descriptor itself
/// for no object.
fn descr_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "__get__", args, kw, 1, 1, 2)?;
    let (d, obj) = (args[0], args[1]);
    let ty = args.get(2).copied().filter(|&t| t != vm.none);
    if obj == vm.none {
        if ty.is_none() {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        // A descriptor of NoneType's own (none here) would apply to None.
        return Ok(d);
    }
    check(vm, d, obj)?;
    let t = vm.type_of(obj);
    crate::vm::runtime::attr::bind_descriptor(vm, d, obj, t)
}

fn descr_set(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "__set__", args, kw, 1, 2, 2)?;
    set_or_delete(vm, args[0], args[1], Some(args[2]))
}

fn descr_delete(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "__delete__", args, kw, 1, 1, 1)?;
    set_or_delete(vm, args[0], args[1], None)
}

/// `d.__set__(obj, v)` / `d.__delete__(obj)`: a special descriptor's through `object`'s
/// attribute assignment (which knows which of them are writable), a slot's or a getter-only
/// one's as the attribute code does for them.
fn set_or_delete(vm: &mut Vm, d: Value, obj: Value, value: Option<Value>) -> PyResult {
    check(vm, d, obj)?;
    let name = as_property(d).unwrap().doc;
    let r = if is_special(d) {
        match value {
            Some(v) if as_type(obj).is_some() => {
                crate::vm::runtime::attr::type_setattr_default(vm, obj, name, v)
            }
            Some(v) => super::subclass::object_setattr(vm, obj, name, v),
            None => crate::vm::runtime::attr::delattr_default(vm, obj, name),
        }
    } else {
        match crate::vm::runtime::attr::descr_set(vm, d, obj, name, value) {
            Some(r) => r,
            None => {
                let (n, tn) = (str_of(name).to_string(), vm.tp_name(obj));
                Err(vm
                    .attribute_error(format!("attribute '{n}' of '{tn}' objects is not writable")))
            }
        }
    };
    r.map(|()| vm.none)
}
