//! Metaclasses: classes deriving from `type`. Their instances are classes (`Layout::Type`
//! objects whose type is the metaclass), so a class's behaviour as an object — calling it,
//! its attributes, `isinstance` checks against it, `len(C)`, `C[k]`, `iter(C)`, `repr(C)` —
//! consults the metaclass, as CPython's type slots do. Also `type`'s own operators that the
//! standard library needs at import: `int | str` (types.UnionType) and `list[int]`
//! (types.GenericAlias), both implemented in Python (`modules/py/_cpjit_types.py`).

use super::{add_method, add_static, nargs};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type;
use crate::vm::runtime::call::call;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.type_;
    type_data_mut(t).base_ok = true;
    add_method(vm, t, "__init__", type_init);
    add_method(vm, t, "__call__", type_dunder_call);
    add_method(vm, t, "__or__", type_or);
    add_method(vm, t, "__ror__", type_ror);
    add_method(vm, t, "__instancecheck__", type_instancecheck);
    add_method(vm, t, "__subclasscheck__", type_subclasscheck);
    add_method(vm, t, "__setattr__", type_setattr);
    add_method(vm, t, "__delattr__", type_delattr);
    add_static(vm, t, "__prepare__", |vm, _a, _k| Ok(vm.new_dict()), true);
    // Mutable built-ins are unhashable: `__hash__` is None in their dicts (collections.abc's
    // Hashable checks it).
    for u in [vm.t.list, vm.t.dict, vm.t.set, vm.t.bytearray] {
        let (k, n) = (vm.sname("__hash__"), vm.none);
        let d = type_data(u).dict;
        let _ = crate::vm::runtime::dict::dict_set(vm, d, k, n);
    }
    // The value types' own __repr__/__str__ (enum compares them with what a mixed-in class
    // finds to decide which one members use). As in CPython, only str has its own __str__:
    // int's, float's and complex's are object's (`bool.__str__([])` is `str([])`).
    for v in [vm.t.int, vm.t.float, vm.t.str_, vm.t.complex] {
        add_method(vm, v, "__repr__", value_repr);
    }
    add_method(vm, vm.t.str_, "__str__", value_str);
    let o = vm.t.object;
    add_static(
        vm,
        o,
        "__subclasshook__",
        |vm, _a, k| {
            if !k.is_empty() {
                return Err(vm.type_error("__subclasshook__() takes no keyword arguments"));
            }
            Ok(vm.not_implemented)
        },
        true,
    );
    add_method(vm, o, "__reduce_ex__", object_reduce_ex);
    add_method(vm, o, "__reduce__", object_reduce);
    for t in [
        vm.t.builtin_function,
        vm.t.method_descriptor,
        vm.t.wrapper_descriptor,
        vm.t.method_wrapper,
    ] {
        add_method(vm, t, "__reduce__", callable_reduce);
    }
    add_method(vm, vm.t.method, "__reduce__", callable_reduce);
    add_method(vm, o, "__getstate__", object_getstate);
    // CPython's types with their own __sizeof__ (a checked self); the others inherit object's.
    add_method(vm, o, "__sizeof__", object_sizeof);
    super::iter_reduce::install(vm);
    for ty in [
        vm.t.int,
        vm.t.str_,
        vm.t.bytes,
        vm.t.bytearray,
        vm.t.list,
        vm.t.dict,
        vm.t.set,
        vm.t.frozenset,
        t,
    ] {
        add_method(vm, ty, "__sizeof__", object_sizeof);
    }
    // `type[int]` is special-cased by the subscript itself (CPython's PyObject_GetItem): type
    // has no `__class_getitem__`, which every class would otherwise find on its metaclass.
    let generic = [
        vm.t.list,
        vm.t.tuple,
        vm.t.dict,
        vm.t.set,
        vm.t.frozenset,
        vm.t.enumerate,
        vm.t.async_generator,
        vm.t.mappingproxy,
        vm.t.weakref,
    ];
    for g in generic {
        add_static(vm, g, "__class_getitem__", class_getitem, true);
    }
}

/// The method `name` a class's metaclass defines (None for plain classes, whose type is
/// `type`, and for what only `type`/`object` define: the built-in paths handle those).
#[inline]
pub fn meta_method(vm: &mut Vm, cls: Value, name: &str) -> Option<Value> {
    // Inlined: most values asked about are not classes at all (`len(x)`, `iter(x)`, `x in y`).
    if !cls.is_ptr() || layout_of(cls) != Layout::Type {
        return None;
    }
    class_meta_method(vm, cls, name)
}

fn class_meta_method(vm: &mut Vm, cls: Value, name: &str) -> Option<Value> {
    let meta = obj_type(cls);
    if meta == vm.t.type_ || type_data(meta).builtin {
        return None;
    }
    let k = vm.sname(name);
    for &m in &type_data(meta).mro {
        let mt = m.as_ptr::<TypeObject>() as *const TypeObject;
        if type_data(mt).builtin {
            return None;
        }
        if let Some(v) = crate::vm::runtime::dict::dict_get_str(vm, type_data(mt).dict, k) {
            return Some(v);
        }
    }
    None
}

/// Calls the metaclass's `name` on class `cls` if the metaclass defines it.
#[inline]
pub fn meta_dunder(vm: &mut Vm, cls: Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    match meta_method(vm, cls, name) {
        Some(f) => call_meta(vm, f, cls, args).map(Some),
        None => Ok(None),
    }
}

/// Calls a metaclass method found by `meta_method` with the class as self.
pub fn call_meta(vm: &mut Vm, f: Value, cls: Value, args: &[Value]) -> PyResult {
    let meta = obj_type(cls);
    let bound = crate::vm::runtime::attr::bind_descriptor(vm, f, cls, meta)?;
    call(vm, bound, args, &[])
}

/// Whether `t` is `type` or derives from it (a metaclass).
pub fn is_metaclass(vm: &Vm, t: *const TypeObject) -> bool {
    vm.is_subtype(t, vm.t.type_)
}

/// The most derived metaclass of `meta` and the types of `bases` (CPython's
/// `_PyType_CalculateMetaclass`).
pub fn calculate_meta(
    vm: &mut Vm,
    meta: *const TypeObject,
    bases: &[Value],
) -> PyResult<*const TypeObject> {
    let mut winner = meta;
    for &b in bases {
        let bt = vm.type_of(b);
        if vm.is_subtype(winner, bt) {
            continue;
        }
        if vm.is_subtype(bt, winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

fn type_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // CPython's type_init: keywords only with the three-argument form.
    let n = args.len().saturating_sub(kw.len());
    if n == 2 && !kw.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 2 && n != 4 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(vm.none)
}

/// `type.__call__(cls, *args)`: what calling a class does, for metaclass `__call__`s that
/// reach it through super().
fn type_dunder_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if args.is_empty() || as_type(args[0]).is_none() {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    }
    crate::vm::runtime::call::type_call_default(vm, args[0], &args[1..], kw)
}

pub fn types_helper(vm: &mut Vm, name: &str) -> PyResult {
    let m = crate::vm::modules::import_module(vm, "_cpjit_types")?;
    let k = vm.intern(name);
    crate::vm::runtime::attr::getattr(vm, m, k)
}

fn type_or(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__or__", args, kw, 1, 1, 1)?;
    let f = types_helper(vm, "union")?;
    call(vm, f, &[args[0], args[1]], &[])
}

fn type_ror(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__ror__", args, kw, 1, 1, 1)?;
    let f = types_helper(vm, "union")?;
    call(vm, f, &[args[1], args[0]], &[])
}

pub fn class_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__class_getitem__", args, kw, 1, 1, 1)?;
    let f = types_helper(vm, "GenericAlias")?;
    call(vm, f, &[args[0], args[1]], &[])
}

/// object.__new__ refuses classes with abstract methods left (abc sets `__abstractmethods__`).
pub fn check_not_abstract(vm: &mut Vm, t: *const TypeObject) -> PyResult<()> {
    if crate::vm::runtime::call::known_concrete(t) {
        return Ok(());
    }
    let k = vm.sname("__abstractmethods__");
    let d = type_data(t).dict;
    let Some(am) = crate::vm::runtime::dict::dict_get_str(vm, d, k) else {
        return Ok(());
    };
    let mut names: Vec<String> = crate::vm::runtime::iter::collect(vm, am)?
        .into_iter()
        .map(|v| crate::vm::interp::str_of(v).to_string())
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let n = type_data(t).name.clone();
    let s = if names.len() > 1 { "s" } else { "" };
    let list = names.join(", ");
    Err(vm.type_error(format!(
        "Can't instantiate abstract class {n} with abstract method{s} {list}"
    )))
}

fn value_repr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__repr__", args, kw, 1, 0, 0)?;
    // The value's own repr, also for an instance of a subclass (an IntEnum member's str()).
    let v = super::subclass::base_value(args[0]).unwrap_or(args[0]);
    crate::vm::runtime::repr::repr(vm, v)
}

fn value_str(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__str__", args, kw, 1, 0, 0)?;
    crate::vm::runtime::repr::str(vm, args[0])
}

fn object_reduce_ex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__reduce_ex__", args, kw, 1, 1, 1)?;
    // `protocol: int` (a C int).
    let proto = crate::vm::runtime::num::c_int_arg(vm, args[1])?;
    let p = vm.new_int(proto as i64);
    let f = types_helper(vm, "reduce_ex")?;
    call(vm, f, &[args[0], p], &[])
}

/// `builtin_function_or_method.__reduce__()` and `method.__reduce__()`: their own methods in
/// CPython (object.__reduce__ of them cannot pickle them).
fn callable_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let helper = if vm.type_of(args[0]) == vm.t.method {
        "method_reduce"
    } else {
        "builtin_reduce"
    };
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let f = types_helper(vm, helper)?;
    call(vm, f, &[args[0]], &[])
}

fn object_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let f = types_helper(vm, "common_reduce")?;
    let zero = Value::try_from_i64(0).unwrap();
    call(vm, f, &[args[0], zero], &[])
}

fn object_getstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__getstate__", args, kw, 1, 0, 0)?;
    let f = types_helper(vm, "getstate")?;
    call(vm, f, &[args[0]], &[])
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__instancecheck__", args, kw, 1, 1, 1)?;
    let t = vm.type_of(args[1]);
    let r = as_type(args[0]).is_some() && vm.is_subtype(t, args[0].as_ptr());
    Ok(vm.bool_val(r))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__subclasscheck__", args, kw, 1, 1, 1)?;
    if as_type(args[1]).is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let r = as_type(args[0]).is_some() && vm.is_subtype(args[1].as_ptr(), args[0].as_ptr());
    Ok(vm.bool_val(r))
}

fn type_setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__setattr__", args, kw, 1, 2, 2)?;
    let name = super::misc::attr_name_check(vm, args[1])?;
    crate::vm::runtime::attr::type_setattr_default(vm, args[0], name, args[2])?;
    Ok(vm.none)
}

fn type_delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__delattr__", args, kw, 1, 1, 1)?;
    let name = super::misc::attr_name_check(vm, args[1])?;
    let t = args[0].as_ptr::<TypeObject>();
    if type_data(t).builtin {
        let tn = type_data(t).name.clone();
        let n = crate::vm::interp::str_of(name).to_string();
        return Err(vm.type_error(format!(
            "cannot set '{n}' attribute of immutable type '{tn}'"
        )));
    }
    crate::vm::runtime::attr::delattr_default(vm, args[0], name)?;
    Ok(vm.none)
}

/// `isinstance(obj, cls)` for one class-like `cls`: a metaclass `__instancecheck__` or the
/// `__instancecheck__` of a non-class (UnionType) decides; else the MRO.
pub fn instance_check(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<Option<bool>> {
    check_hook(vm, obj, cls, "__instancecheck__")
}

/// `issubclass(sub, cls)` for one class-like `cls`, as `instance_check`.
pub fn subclass_check(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<Option<bool>> {
    check_hook(vm, sub, cls, "__subclasscheck__")
}

fn check_hook(vm: &mut Vm, x: Value, cls: Value, hook: &str) -> PyResult<Option<bool>> {
    let f = if as_type(cls).is_some() {
        meta_method(vm, cls, hook)
    } else if cls.is_ptr() && layout_of(cls) == Layout::Instance {
        let t = obj_type(cls);
        let k = vm.sname(hook);
        lookup_type(t, k)
    } else {
        None
    };
    let Some(f) = f else { return Ok(None) };
    let r = if as_type(cls).is_some() {
        call_meta(vm, f, cls, &[x])?
    } else {
        crate::vm::runtime::call::call_method_value(vm, f, cls, &[x])?
    };
    crate::vm::runtime::compare::truthy(vm, r).map(Some)
}

/// `__sizeof__`: the bytes the object takes in cpjit's heap ([`crate::vm::gc::object_bytes`]),
/// not CPython's sizes.
fn object_sizeof(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__sizeof__", args, kw, 1, 0, 0)?;
    let n = crate::vm::gc::object_bytes(args[0]);
    Ok(vm.new_int(n as i64))
}
