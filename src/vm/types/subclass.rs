//! Classes that are not plain: subclasses of built-in value types, `__slots__`, and
//! `__getattribute__` overrides.
//!
//! Representation of built-in subclasses: an instance of `class Pos(int)` is an ordinary
//! `Layout::Instance` object (so `__dict__`, `isinstance`, `type(x)`, user methods and
//! `super()` work unchanged) allocated as an `ExtInstanceData`, which appends the wrapped
//! built-in value (`base`: a real int/str/list/... Value) after the `InstanceData` prefix. The
//! class's `TypeData::ext` (a `ClassExt`, None for ordinary classes) records the built-in base.
//! Every generic operation that dispatches on an instance's dunders (hash, ==, <, +, len, iter,
//! [], in, repr, str, bool, int(), float(), ...) first asks `defer_to_base`: when no user class of
//! the MRO above the built-in base defines that dunder, the operation runs on the base value,
//! as CPython's inherited slots do. Built-in methods (`list.append`, `str.upper`, ...) receive the
//! base value as `self` (see `unwrap_self`). The built-in `__new__`s build the base value and
//! wrap it (`new_subclass`); list/dict/set get an `__init__` that refills the base value.
//!
//! `__slots__`: each slot is a `member_descriptor` (a property-layout object whose getter,
//! setter and deleter are built-ins bound to the slot name) storing into the instance's
//! `ExtInstanceData::slots` dict; instances of classes whose whole MRO declares slots have no
//! `__dict__` (`ClassExt::dictless`), so storing an undeclared attribute raises AttributeError.

use super::{add_method, nargs};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr;
use crate::vm::runtime::call::call;
use crate::vm::runtime::dict::{dict_get_str, dict_set};
use crate::vm::runtime::iter as riter;
use crate::vm::value::Value;

/// Lets Python classes derive from the built-in value types and installs their `__init__`s.
pub fn install(vm: &mut Vm) {
    let t = &vm.t;
    for ty in [
        t.int,
        t.float,
        t.str_,
        t.bytes,
        t.bytearray,
        t.list,
        t.tuple,
        t.dict,
        t.set,
        t.frozenset,
        t.complex,
        t.classmethod,
        t.staticmethod,
        t.property,
        t.map,
        t.filter,
        t.zip,
        t.enumerate,
        t.reversed,
        t.module,
    ] {
        type_data_mut(ty).base_ok = true;
    }
    let (l, d, s) = (vm.t.list, vm.t.dict, vm.t.set);
    add_method(vm, l, "__init__", list_init);
    add_method(vm, d, "__init__", dict_init);
    add_method(vm, s, "__init__", set_init);
}

/// The built-in type of `cls`'s MRO whose instances carry a payload (int, str, list, ...).
fn builtin_base_of(vm: &Vm, mro: &[Value]) -> *const TypeObject {
    for &m in mro {
        let t = m.as_ptr::<TypeObject>() as *const TypeObject;
        let td = type_data(t);
        if td.builtin && t != vm.t.object && td.layout != Layout::Instance {
            return t;
        }
    }
    std::ptr::null()
}

/// The slot names a class body declares in `__slots__` (None when it declares none).
fn declared_slots(vm: &mut Vm, cls_dict: Value) -> PyResult<Option<Vec<Value>>> {
    let k = vm.sname("__slots__");
    let Some(s) = dict_get_str(vm, cls_dict, k) else {
        return Ok(None);
    };
    let names = if as_str(s).is_some() {
        vec![s]
    } else {
        riter::collect(vm, s)?
    };
    for &n in &names {
        if as_str(n).is_none() {
            let tn = vm.type_name(n);
            return Err(vm.type_error(format!("__slots__ items must be strings, not '{tn}'")));
        }
    }
    Ok(Some(names))
}

/// Computes `ClassExt` for a new class (its MRO already set) and creates its slot
/// descriptors. Leaves `ext` None for ordinary classes.
pub fn setup_class(vm: &mut Vm, cls: Value) -> PyResult<()> {
    let t = cls.as_ptr::<TypeObject>() as *const TypeObject;
    let mro = type_data(t).mro.clone();
    // A metaclass: its instances are classes (types::metatype), not wrapped values.
    if mro.contains(&Value::from_ptr(vm.t.type_)) {
        type_data_mut(t).layout = Layout::Type;
        return Ok(());
    }
    let builtin_base = builtin_base_of(vm, &mro);
    // Instance layouts of two different built-in bases cannot be combined.
    for &m in &mro {
        let mt = m.as_ptr::<TypeObject>() as *const TypeObject;
        let b = builtin_base_of(vm, &[m]);
        if !b.is_null() && !builtin_base.is_null() && !vm.is_subtype(builtin_base, mt) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    if !builtin_base.is_null() && type_data(t).is_exception {
        return Err(vm.type_error("multiple bases have instance lay-out conflict"));
    }
    let own_dict = type_data(t).dict;
    let own_slots = declared_slots(vm, own_dict)?;
    if let Some(names) = &own_slots {
        if !builtin_base.is_null()
            && names
                .iter()
                .any(|n| !matches!(str_of(*n), "__dict__" | "__weakref__"))
            && matches!(
                type_data(builtin_base).layout,
                Layout::BigInt | Layout::Unboxed | Layout::Str | Layout::Tuple | Layout::Bytes
            )
            // bytearray's storage is not variable-size: its subclasses may have slots.
            && builtin_base != vm.t.bytearray
        {
            let bn = type_data(builtin_base).name.clone();
            return Err(vm.type_error(format!(
                "nonempty __slots__ not supported for subtype of '{bn}'"
            )));
        }
        let mut added: Vec<String> = Vec::new();
        for &n in names {
            let ns = str_of(n).to_string();
            // cpjit has no weak references: a `__weakref__` slot needs no storage.
            if ns == "__dict__" || ns == "__weakref__" {
                continue;
            }
            // A name listed twice is one slot (CPython accepts it: the pure-Python datetime
            // declares `date.__slots__ + time.__slots__`).
            if added.contains(&ns) {
                continue;
            }
            added.push(ns.clone());
            if dict_get_str(vm, own_dict, n).is_some() {
                return Err(
                    vm.value_error(format!("'{ns}' in __slots__ conflicts with class variable"))
                );
            }
            let d = member_descriptor(vm, t, n);
            dict_set(vm, own_dict, n, d)?;
        }
    }
    let MroLayout {
        dictless,
        getattribute,
        slots,
        ..
    } = mro_layout(vm, &mro)?;
    let (any_slots, nslots) = (!slots.is_empty(), slots.len());
    attr::invalidate_cache();
    if builtin_base.is_null() && !dictless && !any_slots && !getattribute {
        return Ok(());
    }
    *type_data(t).keys.borrow_mut() = slots;
    type_data_mut(t).ext = Some(Box::new(ClassExt {
        builtin_base,
        dictless,
        ext_instance: !builtin_base.is_null() || any_slots,
        getattribute,
        nslots,
    }));
    Ok(())
}

/// What the instances of a class with MRO `mro` look like, as `setup_class` makes its
/// `ClassExt` from it: two MROs with equal layouts give instances the same layout
/// (`__bases__` assignment compares them).
#[derive(PartialEq)]
pub(crate) struct MroLayout {
    /// The built-in type whose value instances wrap, or null.
    pub builtin_base: *const TypeObject,
    /// No `__dict__`: every class of the MRO declares `__slots__` without it.
    pub dictless: bool,
    /// A class of the MRO other than `object` defines `__getattribute__`.
    pub getattribute: bool,
    /// The slot names (interned; per class sorted as CPython lays them out), base classes
    /// first: the keys the instances' values are indexed by.
    pub slots: Vec<Value>,
}

pub(crate) fn mro_layout(vm: &mut Vm, mro: &[Value]) -> PyResult<MroLayout> {
    let builtin_base = builtin_base_of(vm, mro);
    let ga = vm.sname("__getattribute__");
    let (mut dictless, mut getattribute) = (true, false);
    let mut keys_per_class: Vec<Vec<Value>> = Vec::new();
    for &m in mro {
        let td = type_data(m.as_ptr::<TypeObject>() as *const TypeObject);
        if td.builtin {
            dictless &= !td.is_exception;
            continue;
        }
        getattribute |= dict_get_str(vm, td.dict, ga).is_some();
        match declared_slots(vm, td.dict)? {
            Some(names) => {
                dictless &= !names.iter().any(|n| str_of(*n) == "__dict__");
                let mut own = Vec::new();
                for n in names {
                    if !matches!(str_of(n), "__dict__" | "__weakref__") {
                        own.push(vm.intern(str_of(n)));
                    }
                }
                own.sort_by(|a, b| crate::rtlib::surrogate::cmp_str(str_of(*a), str_of(*b)));
                own.dedup_by(|a, b| str_of(*a) == str_of(*b));
                keys_per_class.push(own);
            }
            None => dictless = false,
        }
    }
    Ok(MroLayout {
        builtin_base,
        dictless,
        getattribute,
        slots: keys_per_class.into_iter().rev().flatten().collect(),
    })
}

/// Allocates an instance of an `ext_instance` class wrapping `base` (NULL for none).
pub fn new_ext_instance(vm: &mut Vm, t: *const TypeObject, base: Value) -> Value {
    if type_data(t).is_exception {
        let args = vm.new_tuple(Vec::new());
        return vm.new_exception_args(t, args);
    }
    let inst = InstanceData::new(None);
    let o = alloc_ext(vm, t, inst, base);
    let n = type_data(t).ext.as_ref().map_or(0, |e| e.nslots);
    if n > 0 {
        vm.heap.grow_values(as_instance(o).unwrap(), n);
    }
    o
}

/// Allocates an `ExtInstanceData` object of class `t` (which has `ClassExt::ext_instance`).
pub fn alloc_ext(vm: &mut Vm, t: *const TypeObject, inst: InstanceData, base: Value) -> Value {
    vm.heap.alloc(t, ExtInstanceData { inst, base })
}

/// The built-in value an instance of a built-in subclass wraps.
#[inline]
pub fn base_value(v: Value) -> Option<Value> {
    as_ext_instance(v).map(|x| x.base).filter(|b| !b.is_null())
}

/// The value an instance of a subclass of a text, buffer or number built-in wraps, which
/// `int()` and `float()` convert in its place (any other instance is named by its own type in
/// their errors).
pub fn convertible_base(v: Value) -> Option<Value> {
    base_value(v).filter(|&b| {
        as_str(b).is_some()
            || as_bytes(b).is_some()
            || super::memoryview::buffer_bytes(b).is_some()
            || b.is_float()
            || crate::vm::runtime::num::int_of(b).is_some()
    })
}

/// The base value to run the operation `dunder` on, when `v` wraps a built-in value and the
/// class its type's MRO finds `dunder` in is a built-in one, or none has it. A user class after
/// the built-in base that defines it is what the lookup finds when the built-in lacks it
/// (`class F(int, Mixin)` with `Mixin.__contains__`, as enum.IntFlag is).
pub fn defer_to_base(vm: &mut Vm, v: Value, dunder: &str) -> Option<Value> {
    let b = base_value(v)?;
    let k = vm.intern(dunder);
    for &m in &type_data(obj_type(v)).mro {
        let td = type_data(m.as_ptr::<TypeObject>());
        if attr::dict_get_str_raw(td.dict, k).is_some() {
            return td.builtin.then_some(b);
        }
    }
    Some(b)
}

/// The arguments of a call of the built-in method `f` of type `owner` whose `self` wraps a
/// built-in value: `self` replaced by that value. None when no replacement applies.
pub fn unwrap_self(vm: &Vm, owner: Value, args: &[Value]) -> Option<Vec<Value>> {
    let &first = args.first()?;
    let base = base_value(first)?;
    let o = owner.as_ptr::<TypeObject>() as *const TypeObject;
    if o == vm.t.object || !vm.isinstance(base, o) {
        return None;
    }
    let mut a = args.to_vec();
    a[0] = base;
    Some(a)
}

/// `new_subclass` for a type whose `__new__` takes no keywords (map, filter): as CPython's
/// `(type == &X_type || type->tp_init == X_type.tp_init) && !_PyArg_NoKeywords(...)`, a
/// subclass with its own `__init__` may be called with keywords (they go to that `__init__`).
pub fn new_subclass_init_kw(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    new: BuiltinFn,
) -> PyResult<Option<Value>> {
    let own_init = !kw.is_empty()
        && args.first().is_some_and(|&cls| {
            as_type(cls).is_some_and(|td| !td.builtin)
                && crate::vm::runtime::attr::lookup_type_str(
                    vm,
                    cls.as_ptr::<TypeObject>(),
                    "__init__",
                ) != Some(vm.object_init)
        });
    if own_init {
        // The keyword values follow the positional arguments.
        return new_subclass(vm, &args[..args.len() - kw.len()], &[], new);
    }
    new_subclass(vm, args, kw, new)
}

/// Hook at the start of a built-in type's `__new__(cls, ...)`: when `cls` is a Python subclass,
/// builds the base value with `new` and returns an instance of `cls` wrapping it.
pub fn new_subclass(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    new: BuiltinFn,
) -> PyResult<Option<Value>> {
    let Some(&cls) = args.first() else {
        return Ok(None);
    };
    let Some(td) = as_type(cls) else {
        return Ok(None);
    };
    if td.builtin {
        return Ok(None);
    }
    let t = cls.as_ptr::<TypeObject>() as *const TypeObject;
    let base_t = td
        .ext
        .as_ref()
        .map(|e| e.builtin_base)
        .unwrap_or(std::ptr::null());
    if base_t.is_null() {
        let n = td.name.clone();
        return Err(vm.type_error(format!("object.__new__({n}) is not safe")));
    }
    // Mutable containers are filled by __init__ (CPython's list/dict/set __new__ ignore args).
    let mutable = matches!(type_data(base_t).layout, Layout::List | Layout::Dict)
        || base_t == vm.t.set
        || base_t == vm.t.bytearray;
    let mut a = vec![Value::from_ptr(base_t)];
    if !mutable {
        a.extend_from_slice(&args[1..]);
    }
    let base = new(vm, &a, if mutable { &[] } else { kw })?;
    // `reversed.__new__` returns the sequence's own `__reversed__()` result, whatever `cls`:
    // an object that is not an instance of the base is returned as it is, as in CPython.
    if !vm.isinstance(base, base_t) {
        return Ok(Some(base));
    }
    vm.roots.push(base);
    let obj = new_ext_instance(vm, t, base);
    vm.roots.pop();
    Ok(Some(obj))
}

fn list_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list", args, kw, 1, 0, 1)?;
    let items = if args.len() > 1 {
        riter::collect(vm, args[1])?
    } else {
        Vec::new()
    };
    if let Some(l) = as_list(args[0]) {
        l.set(items);
    }
    Ok(vm.none)
}

/// CPython's dict_init: dict_update_common(self, args, kwds, "dict"), dict's own update (a
/// subclass overriding `update` is not called) with "dict expected at most 1 argument".
fn dict_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let mut a = args.to_vec();
    a[0] = base_value(args[0]).unwrap_or(args[0]);
    super::dict::update_common(vm, &a, kw, "dict")?;
    Ok(vm.none)
}

fn set_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "set", args, kw, 1, 0, 1)?;
    if as_set(args[0]).is_some() {
        crate::vm::runtime::set::table(args[0]).clear();
        if args.len() > 1 {
            crate::vm::runtime::set::update(vm, args[0], args[1])?;
        }
    }
    Ok(vm.none)
}

// ---- __slots__ -------------------------------------------------------------------------------

/// A `member_descriptor` for slot `name` of class `t`.
fn member_descriptor(vm: &mut Vm, t: *const TypeObject, name: Value) -> Value {
    let bty = vm.t.builtin_function;
    let owner = Value::from_ptr(t);
    let mk = |vm: &mut Vm, n: &'static str, f: BuiltinFn| {
        vm.heap.alloc(
            bty,
            BuiltinData {
                module: Value::NULL,
                name: n,
                f,
                bound: name,
                owner,
            },
        )
    };
    let fget = mk(vm, "__get__", slot_get);
    vm.roots.push(fget);
    let fset = mk(vm, "__set__", slot_set);
    vm.roots.push(fset);
    let fdel = mk(vm, "__delete__", slot_del);
    vm.roots.pop();
    vm.roots.pop();
    let mty = vm.t.member_descriptor;
    vm.heap.alloc(
        mty,
        PropertyData {
            fget,
            fset,
            fdel,
            doc: name,
            name: Value::NULL,
        },
    )
}

/// `<member 'x' of 'P' objects>`.
pub fn member_repr(d: Value) -> Option<String> {
    let p = as_property(d)?;
    let b = as_builtin(p.fget)?;
    let owner = crate::vm::interp::type_tp_name(b.owner.as_ptr::<TypeObject>());
    Some(format!(
        "<member '{}' of '{}' objects>",
        str_of(p.doc),
        owner
    ))
}

/// The index of slot `name` in `obj`'s values (None: not a slot of its class), or the TypeError
/// CPython raises when the descriptor is applied to an unrelated object.
fn slot_storage(vm: &mut Vm, name: Value, obj: Value) -> PyResult<Option<usize>> {
    if as_ext_instance(obj).is_none() {
        let (n, tn) = (str_of(name).to_string(), vm.tp_name(obj));
        return Err(vm.type_error(format!("descriptor '{n}' doesn't apply to a '{tn}' object")));
    }
    Ok(crate::vm::types::instance::key_index(
        type_data(obj_type(obj)),
        name,
    ))
}

fn slot_missing(vm: &mut Vm, obj: Value, name: Value) -> Value {
    let (n, tn) = (str_of(name).to_string(), vm.type_name(obj));
    let e = vm.attribute_error(format!("'{tn}' object has no attribute '{n}'"));
    attr::set_name_obj(vm, e, name, obj);
    e
}

/// The slot name of `d` when it is a `__slots__` member descriptor made by `member_descriptor`
/// (built-in types' members, like a function's `__globals__`, share the type but not the getter).
pub fn slot_member_name(d: Value) -> Option<Value> {
    let p = as_property(d)?;
    let b = as_builtin(p.fget)?;
    (b.f as usize == slot_get as BuiltinFn as usize).then_some(p.doc)
}

/// `d.__get__(obj)` for a `__slots__` member descriptor `d` of slot `name` (its getter's body,
/// called directly by the generic attribute lookup instead of through a built-in method call).
pub fn member_get(vm: &mut Vm, name: Value, obj: Value) -> PyResult {
    slot_get(vm, &[name, obj], &[])
}

/// `d.__set__(obj, v)` / `d.__delete__(obj)` for a `member_descriptor` of slot `name`.
pub fn member_set(vm: &mut Vm, name: Value, obj: Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(v) => slot_set(vm, &[name, obj, v], &[]),
        None => slot_del(vm, &[name, obj], &[]),
    }
    .map(drop)
}

fn slot_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (name, obj) = (args[0], args[1]);
    if let Some(i) = slot_storage(vm, name, obj)? {
        if let Some(v) = as_instance(obj).unwrap().value(i) {
            return Ok(v);
        }
    }
    Err(slot_missing(vm, obj, name))
}

fn slot_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (name, obj, v) = (args[0], args[1], args[2]);
    match slot_storage(vm, name, obj)? {
        Some(i) => {
            crate::vm::types::instance::set_slot(vm, obj, i, v);
            Ok(vm.none)
        }
        None => Err(slot_missing(vm, obj, name)),
    }
}

fn slot_del(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (name, obj) = (args[0], args[1]);
    if let Some(i) = slot_storage(vm, name, obj)? {
        let inst = as_instance(obj).unwrap();
        if inst.value(i).is_some() {
            inst.values_mut()[i] = Value::NULL;
            return Ok(vm.none);
        }
    }
    // CPython 3.11 names only the attribute here.
    let n = str_of(name).to_string();
    Err(vm.attribute_error(n))
}

/// Whether instances of `t` have no `__dict__`.
#[inline]
pub fn is_dictless(t: *const TypeObject) -> bool {
    type_data(t).ext.as_ref().is_some_and(|e| e.dictless)
}

/// The error for storing an undeclared attribute on an instance without `__dict__`: a class
/// attribute of that name (not a data descriptor) makes it read-only, as in CPython's
/// PyObject_GenericSetAttr.
pub fn no_dict_error(vm: &mut Vm, obj: Value, name: Value) -> Value {
    if attr::lookup_type(vm.type_of(obj), name).is_some() {
        let (n, tn) = (str_of(name).to_string(), vm.tp_name(obj));
        return vm.attribute_error(format!("'{tn}' object attribute '{n}' is read-only"));
    }
    attr::missing_attr_error(vm, obj, name)
}

// ---- __getattribute__ ------------------------------------------------------------------------

/// Attribute load on an instance of a class with `ClassExt::getattribute`: calls the user's
/// `__getattribute__`, then `__getattr__` on AttributeError. None when the class has no
/// override (the caller runs the default lookup).
pub fn getattribute(vm: &mut Vm, obj: Value, name: Value) -> Option<PyResult<Option<Value>>> {
    let t = obj_type(obj);
    if !type_data(t).ext.as_ref().is_some_and(|e| e.getattribute) {
        return None;
    }
    let f = attr::lookup_type_str(vm, t, "__getattribute__")?;
    if as_builtin(f).is_some() {
        return None;
    }
    let r = crate::vm::runtime::call::call_method_value(vm, f, obj, &[name]);
    Some(match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.isinstance(e, vm.t.exc("AttributeError")) => {
            match attr::lookup_type_str(vm, t, "__getattr__") {
                Some(ga) => {
                    match crate::vm::runtime::call::call_method_value(vm, ga, obj, &[name]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e2) if vm.isinstance(e2, vm.t.exc("AttributeError")) => Err(e2),
                        Err(e2) => Err(e2),
                    }
                }
                None => Err(e),
            }
        }
        Err(e) => Err(e),
    })
}

/// Whether attribute loads on instances of `t` go through a user `__getattribute__`.
#[inline]
pub fn has_getattribute(t: *const TypeObject) -> bool {
    type_data(t).ext.as_ref().is_some_and(|e| e.getattribute)
}

/// `object.__setattr__(obj, name, value)`: data descriptors (properties, slots, `__set__`),
/// then the instance dict.
/// Objects that are not instances (functions, modules, built-in objects) take the built-in
/// default `setattr` of their kind, as CPython's PyObject_GenericSetAttr reaches their getsets,
/// members and `__dict__`.
pub fn object_setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    if attr::layout_of_opt(obj) != Some(Layout::Instance)
        || !attr::generic_instance_type(vm, obj_type(obj))
    {
        return attr::setattr_rest(vm, obj, name, value);
    }
    let t = vm.type_of(obj);
    if let Some(d) = attr::lookup_type(t, name) {
        if let Some(r) = attr::descr_set(vm, d, obj, name, Some(value)) {
            return r;
        }
    }
    attr::generic_setattr(vm, obj, name, value)
}

/// `object.__delattr__(obj, name)`: data descriptors, then the instance dict.
pub fn object_delattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    attr::delattr_default(vm, obj, name)
}

/// `del obj.name` on an instance whose class defines `__delattr__` in Python: calls it.
pub fn user_delattr(vm: &mut Vm, obj: Value, name: Value) -> Option<PyResult<()>> {
    if as_instance(obj).is_none() || type_data(obj_type(obj)).builtin {
        return None;
    }
    let f = attr::lookup_type_str(vm, obj_type(obj), "__delattr__")?;
    if as_function(f).is_none() {
        return None;
    }
    Some(call(vm, f, &[obj, name], &[]).map(|_| ()))
}

/// Both operands of a binary protocol with their wrapped values substituted where they defer
/// (`op` names `a`'s dunder, `rop` `b`'s reflected one); None when neither defers.
pub fn unwrap_pair(vm: &mut Vm, a: Value, b: Value, op: &str, rop: &str) -> Option<(Value, Value)> {
    let x = defer_to_base(vm, a, op);
    let y = defer_to_base(vm, b, rop);
    if x.is_none() && y.is_none() {
        return None;
    }
    Some((x.unwrap_or(a), y.unwrap_or(b)))
}

/// `obj[key]` on an instance wrapping `base`; dict subclasses call `__missing__` for a missing
/// key, as `dict.__getitem__` does.
pub fn getitem(vm: &mut Vm, obj: Value, base: Value, key: Value) -> PyResult {
    if as_dict(base).is_some() {
        if let Some(m) = attr::lookup_type_str(vm, obj_type(obj), "__missing__") {
            return match crate::vm::runtime::dict::dict_get(vm, base, key)? {
                Some(v) => Ok(v),
                None => crate::vm::runtime::call::call_method_value(vm, m, obj, &[key]),
            };
        }
    }
    crate::vm::runtime::subscr::getitem(vm, base, key)
}

/// The repr of an instance wrapping `base` given the base's repr `r`: sets and frozensets name
/// the subclass (`S({1, 2})`, `S()`), as CPython's set repr does; other types show the base repr.
pub fn subclass_repr(vm: &mut Vm, v: Value, base: Value, r: Value) -> Value {
    // Iterators have object's repr, naming the subclass.
    if layout_of(base) == Layout::Iter {
        let s = crate::vm::runtime::repr::default_repr(vm, v);
        return vm.new_str_owned(s);
    }
    let name = type_data(obj_type(v)).name.clone();
    let s = str_of(r);
    // bytearray's repr names the subclass too.
    if let Some(inner) = s.strip_prefix("bytearray(") {
        if crate::vm::types::bytes::is_bytearray(vm, base) {
            let out = format!("{name}({inner}");
            return vm.new_str_owned(out);
        }
    }
    if as_set(base).is_none() {
        return r;
    }
    let inner = if s.starts_with('{') {
        s
    } else {
        // "set()", "frozenset()", "frozenset({...})"
        s.find('(').map_or("", |i| &s[i + 1..s.len() - 1])
    };
    let out = format!("{name}({inner})");
    vm.new_str_owned(out)
}

/// A str argument of a built-in: a str or an instance of a str subclass.
pub fn str_arg<'a>(v: Value) -> Option<&'a mut StrData> {
    as_str(v).or_else(|| base_value(v).and_then(as_str))
}

/// An int argument of a built-in: an int, bool, or an instance of an int subclass (whose value
/// is used as is, as CPython's PyNumber_Index does for int subclasses).
pub fn int_arg(v: Value) -> Option<crate::vm::runtime::num::IntVal> {
    use crate::vm::runtime::num::int_of;
    int_of(v).or_else(|| base_value(v).and_then(int_of))
}
