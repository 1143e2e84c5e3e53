//! Attribute access: type lookup along the MRO, descriptors (functions, properties, class/static
//! methods, user `__get__`/`__set__`), instance dicts, `__getattr__`, special attributes.

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call::{call, call_method_value};
use crate::vm::runtime::dict::{dict_del, dict_get_str, dict_set};
use crate::vm::types::getset::is_special;
use crate::vm::value::Value;

/// Finds `name` (a str) in the dicts of `ty`'s MRO.
#[inline]
pub fn lookup_type(ty: *const TypeObject, name: Value) -> Option<Value> {
    let epoch = EPOCH.load(std::sync::atomic::Ordering::Relaxed);
    let td = type_data(ty);
    {
        let c = td.lookup_cache.borrow();
        if c.0 == epoch {
            if let Some(&r) = c.1.get(&name.0) {
                return r;
            }
        }
    }
    let r = lookup_type_uncached(ty, name);
    let mut c = td.lookup_cache.borrow_mut();
    if c.0 != epoch || c.1.len() > 4096 {
        c.1.clear();
        c.0 = epoch;
    }
    c.1.insert(name.0, r);
    r
}

/// Bumped to invalidate every type's lookup cache and every inline cache's facts about types:
/// whenever a class's attributes change or a class is created (a freed type's address may be
/// reused). Collections need no bump: the GC keeps each cache's key strings alive.
static EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The current type epoch (see `EPOCH`).
#[inline(always)]
pub fn epoch() -> u64 {
    EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

/// The address of `EPOCH` (its low 32 bits first: both JIT targets are little-endian).
pub fn epoch_address() -> *const u8 {
    EPOCH.as_ptr() as *const u8
}

/// Forgets cached type lookups (after a collection or a change to a class's attributes).
pub fn invalidate_cache() {
    EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

static NEXT_TYPE_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A type version tag no type has had (0 once the counter is exhausted: such types are never
/// specialized on).
pub fn next_type_version() -> u32 {
    let v = NEXT_TYPE_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if v == u32::MAX {
        NEXT_TYPE_VERSION.store(u32::MAX, std::sync::atomic::Ordering::Relaxed);
        return 0;
    }
    v
}

/// A type's attributes changed (CPython's `PyType_Modified`): it and every descendant get a new
/// version tag, so specialized instructions guarding on the old ones miss.
pub fn type_modified(ty: *const TypeObject) {
    invalidate_cache();
    let td = type_data(ty);
    td.version.set(next_type_version());
    let subs = td.subclasses.borrow().clone();
    for s in subs {
        type_modified(s.as_ptr());
    }
}

fn lookup_type_uncached(ty: *const TypeObject, name: Value) -> Option<Value> {
    let td = type_data(ty);
    for &t in &td.mro {
        let d = type_data(t.as_ptr::<TypeObject>()).dict;
        if d.is_null() {
            continue;
        }
        if let Some(v) = dict_get_str_raw(d, name) {
            return Some(v);
        }
    }
    None
}

/// Dict lookup by str key without a Vm (hash must be cached or computed).
pub(crate) fn dict_get_str_raw(d: Value, key: Value) -> Option<Value> {
    let t = &as_dict(d)?.table;
    let i = super::inline_cache::find_str(t, key)?;
    t.entry(i).map(|e| e.value)
}

pub fn lookup_type_str(vm: &mut Vm, ty: *const TypeObject, name: &str) -> Option<Value> {
    let k = vm.sname(name);
    lookup_type(ty, k)
}

pub(crate) fn is_data_descriptor(vm: &mut Vm, d: Value) -> bool {
    if !d.is_ptr() {
        return false;
    }
    match layout_of(d) {
        Layout::Property => true,
        Layout::Instance => {
            let t = obj_type(d);
            lookup_type_str(vm, t, "__set__").is_some()
                || lookup_type_str(vm, t, "__delete__").is_some()
        }
        _ => false,
    }
}

/// Whether data descriptor `d` has a `__get__`: one with only `__set__`/`__delete__` does not
/// hide the instance dict on reads (CPython's `PyObject_GenericGetAttr`).
fn data_descriptor_gets(vm: &mut Vm, d: Value) -> bool {
    layout_of(d) != Layout::Instance || lookup_type_str(vm, obj_type(d), "__get__").is_some()
}

/// Binds a class attribute found on the type to an instance (or to the class when `obj` is NULL).
pub fn bind_descriptor(vm: &mut Vm, d: Value, obj: Value, owner: *const TypeObject) -> PyResult {
    if !d.is_ptr() {
        return Ok(d);
    }
    match layout_of(d) {
        Layout::Function => {
            if obj.is_null() {
                Ok(d)
            } else {
                let ty = vm.t.method;
                Ok(vm.heap.alloc(
                    ty,
                    MethodData {
                        func: d,
                        self_: obj,
                    },
                ))
            }
        }
        Layout::Builtin => {
            let b = as_builtin(d).unwrap();
            if obj.is_null() || !b.bound.is_null() || b.owner.is_null() {
                Ok(d)
            } else {
                let (name, f, owner) = (b.name, b.f, b.owner);
                // descr_check: a method of a built-in type stored on an unrelated class
                // (`class A: f = list.append`) does not bind to A's instances.
                let ot = owner.as_ptr::<TypeObject>() as *const TypeObject;
                if !vm.isinstance(obj, ot) {
                    let (tn, on) = (type_data(ot).name.clone(), vm.type_name(obj));
                    return Err(vm.type_error(format!(
                        "descriptor '{name}' for '{tn}' objects doesn't apply to a '{on}' object"
                    )));
                }
                // Bound to the object itself even when it wraps a built-in value (an instance of
                // a Python subclass of list, str, ...): `__self__`, `__qualname__` and the repr
                // name the instance, and the call unwraps it (`call::call`).
                let ty = if obj_type(d) == vm.t.wrapper_descriptor {
                    vm.t.method_wrapper
                } else {
                    vm.t.builtin_function
                };
                Ok(vm.heap.alloc(
                    ty,
                    BuiltinData {
                        module: Value::NULL,
                        name,
                        f,
                        bound: obj,
                        owner,
                    },
                ))
            }
        }
        Layout::MethodWrapper => {
            let inner = *as_method_wrapper(d).unwrap();
            if obj_type(d) == vm.t.classmethod {
                let ty = vm.t.method;
                let cls = Value::from_ptr(owner);
                if let Some(b) = as_builtin(inner) {
                    let (name, f, o) = (b.name, b.f, b.owner);
                    let bty = vm.t.builtin_function;
                    return Ok(vm.heap.alloc(
                        bty,
                        BuiltinData {
                            module: Value::NULL,
                            name,
                            f,
                            bound: cls,
                            owner: o,
                        },
                    ));
                }
                Ok(vm.heap.alloc(
                    ty,
                    MethodData {
                        func: inner,
                        self_: cls,
                    },
                ))
            } else {
                Ok(inner)
            }
        }
        Layout::Property => {
            if obj.is_null() {
                return Ok(d);
            }
            let p = as_property(d).unwrap();
            if obj_type(d) == vm.t.member_descriptor {
                if let Some(name) = crate::vm::types::subclass::slot_member_name(d) {
                    return crate::vm::types::subclass::member_get(vm, name, obj);
                }
            }
            let fget = p.fget;
            if fget.is_null() || fget == vm.none {
                return Err(vm.attribute_error("property has no getter"));
            }
            call(vm, fget, &[obj], &[])
        }
        // An unbound `super(T)` stored on a class binds to the instance.
        Layout::Super if !obj.is_null() && as_super(d).unwrap().obj.is_null() => {
            let (sp, ty) = (Value::from_ptr(vm.t.super_), as_super(d).unwrap().ty);
            call(vm, sp, &[ty, obj], &[])
        }
        Layout::Instance => {
            let t = obj_type(d);
            if let Some(get) = lookup_type_str(vm, t, "__get__") {
                let o = if obj.is_null() { vm.none } else { obj };
                let ow = Value::from_ptr(owner);
                return call(vm, get, &[d, o, ow], &[]);
            }
            Ok(d)
        }
        _ => Ok(d),
    }
}

/// `_PyModuleSpec_IsInitializing`: whether a module spec's `_initializing` is true (an error
/// getting or testing it counts as false).
pub fn spec_initializing(vm: &mut Vm, spec: Value) -> bool {
    if spec.is_null() || spec == vm.none {
        return false;
    }
    let k = vm.intern("_initializing");
    match getattr(vm, spec, k) {
        Ok(v) => crate::vm::runtime::compare::truthy(vm, v).unwrap_or(false),
        Err(_) => false,
    }
}

/// The AttributeError for a missing attribute, with the name and object a failed lookup gives
/// it (for "Did you mean" suggestions).
pub fn no_attr(vm: &mut Vm, obj: Value, name: Value) -> Value {
    let e = missing_attr_error(vm, obj, name);
    set_name_obj(vm, e, name, obj);
    e
}

/// The AttributeError "... has no attribute 'name'" alone: what a failed assignment or
/// deletion raises (CPython 3.11 sets neither name nor obj there).
pub fn missing_attr_error(vm: &mut Vm, obj: Value, name: Value) -> Value {
    let n = str_of(name).to_string();
    if let Some(m) = as_module(obj) {
        // module_getattro: the name is the module's __name__, and a module whose spec says it
        // is initializing is a partly run one.
        let d = m.dict;
        let k = vm.intern("__name__");
        let mn = dict_get_str(vm, d, k).and_then(|v| as_str(v).map(|s| s.s.to_string()));
        let k = vm.intern("__spec__");
        let initializing = dict_get_str(vm, d, k).is_some_and(|s| spec_initializing(vm, s));
        let msg = match mn {
            Some(mn) if initializing => format!(
                "partially initialized module '{mn}' has no attribute '{n}' (most likely due to a circular import)"
            ),
            Some(mn) => format!("module '{mn}' has no attribute '{n}'"),
            None => format!("module has no attribute '{n}'"),
        };
        return vm.attribute_error(msg);
    }
    if as_type(obj).is_some() {
        let tn = crate::vm::interp::type_tp_name(obj.as_ptr());
        return vm.attribute_error(format!("type object '{tn}' has no attribute '{n}'"));
    }
    let tn = vm.tp_name(obj);
    vm.attribute_error(format!("'{tn}' object has no attribute '{n}'"))
}

/// AttributeError.name / .obj (used for "Did you mean" suggestions).
pub fn set_name_obj(vm: &mut Vm, e: Value, name: Value, obj: Value) {
    let k = vm.sname("name");
    let _ = generic_setattr(vm, e, k, name);
    let k = vm.sname("obj");
    let _ = generic_setattr(vm, e, k, obj);
}

/// `getattr(obj, name)`.
pub fn getattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult {
    match lookup_attr(vm, obj, name, true) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(no_attr(vm, obj, name)),
        Err(e) => {
            // An AttributeError from `__getattr__` & co. without a name gets this lookup's
            // name and object (CPython's set_attribute_error_context).
            if vm.isinstance(e, vm.t.exc("AttributeError")) {
                let k = vm.sname("name");
                if own_attr(vm, e, k).map_or(true, |n| n == vm.none) {
                    set_name_obj(vm, e, name, obj);
                }
            }
            Err(e)
        }
    }
}

/// `getattr` returning None instead of raising AttributeError for a missing attribute.
pub fn getattr_opt(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    lookup_attr(vm, obj, name, false)
}

/// A module's own `__getattr__(name)` (PEP 562), asked for a name its dict lacks; an
/// AttributeError it raises means "missing" unless `keep_error`.
fn module_getattr_hook(
    vm: &mut Vm,
    d: Value,
    name: Value,
    keep_error: bool,
) -> PyResult<Option<Value>> {
    let k = vm.intern("__getattr__");
    let Some(hook) = dict_get_str(vm, d, k) else {
        return Ok(None);
    };
    match call(vm, hook, &[name], &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if !keep_error && vm.isinstance(e, vm.t.exc("AttributeError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `getattr`'s work. A class's `__getattr__` that raises AttributeError means "missing": that
/// error is returned when `keep_error` (getattr raises it, with the class's own message), else
/// None.
fn lookup_attr(vm: &mut Vm, obj: Value, name: Value, keep_error: bool) -> PyResult<Option<Value>> {
    if obj.is_ptr() {
        match layout_of(obj) {
            Layout::Module => {
                let d = as_module(obj).unwrap().dict;
                if let Some(v) = dict_get_str(vm, d, name) {
                    return Ok(Some(v));
                }
                if str_of(name) == "__dict__" {
                    return Ok(Some(d));
                }
                // The module type's attributes (`__class__`, `__dir__`, ...), then the hook.
                if let Some(v) = object_getattribute_opt(vm, obj, name)? {
                    return Ok(Some(v));
                }
                return module_getattr_hook(vm, d, name, keep_error);
            }
            Layout::Type => return type_getattr(vm, obj, name),
            Layout::Super => {
                if let Some(v) = crate::vm::types::misc::super_getattr(vm, obj, name)? {
                    return Ok(Some(v));
                }
            }
            // Only classes with a `ClassExt` (slots, built-in bases, __getattribute__).
            Layout::Instance if type_data(obj_type(obj)).ext.is_some() => {
                if let Some(r) = crate::vm::types::subclass::getattribute(vm, obj, name) {
                    return r;
                }
            }
            _ => {}
        }
    }
    let ty = vm.type_of(obj);
    match object_getattribute_opt(vm, obj, name) {
        Ok(Some(v)) => return Ok(Some(v)),
        Ok(None) => {}
        // An AttributeError from a descriptor (a property getter, ...) also falls back to
        // `__getattr__`, as in CPython's slot_tp_getattr_hook.
        Err(e)
            if as_instance(obj).is_some()
                && vm.isinstance(e, vm.t.exc("AttributeError"))
                && lookup_type_str(vm, ty, "__getattr__").is_some() => {}
        Err(e) => return Err(e),
    }
    if as_instance(obj).is_some() {
        if let Some(ga) = lookup_type_str(vm, ty, "__getattr__") {
            let r = call_method_value(vm, ga, obj, &[name]);
            return match r {
                Ok(v) => Ok(Some(v)),
                Err(e) if !keep_error && vm.isinstance(e, vm.t.exc("AttributeError")) => Ok(None),
                Err(e) => Err(e),
            };
        }
    }
    Ok(None)
}

/// `object.__getattribute__` (no `__getattr__` fallback): data descriptors, the instance dict,
/// other class attributes, special attributes.
pub fn object_getattribute_opt(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    // A special descriptor (`types::getset`) stands for what `special_attr` computes below.
    let descr = lookup_type(ty, name).filter(|&d| !is_special(d));
    if let Some(d) = descr {
        if is_data_descriptor(vm, d) && data_descriptor_gets(vm, d) {
            return bind_descriptor(vm, d, obj, ty).map(Some);
        }
    }
    // A function's special attributes (`__kwdefaults__`, `__name__`, ...) are data
    // descriptors in CPython: a same-named key in its `__dict__` does not hide them.
    if obj.is_ptr() && layout_of(obj) == Layout::Function {
        if let Some(v) = super::special::special_attr(vm, obj, str_of(name))? {
            return Ok(Some(v));
        }
    }
    if let Some(v) = own_attr(vm, obj, name) {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        return bind_descriptor(vm, d, obj, ty).map(Some);
    }
    super::special::special_attr(vm, obj, str_of(name))
}

/// `obj`'s own attribute `name` (instance values or dict, a function's dict), if any.
#[inline]
pub fn own_attr(vm: &mut Vm, obj: Value, name: Value) -> Option<Value> {
    if layout_of_opt(obj) == Some(Layout::Instance) {
        return crate::vm::types::instance::get(obj, name);
    }
    let d = instance_dict(obj)?;
    dict_get_str(vm, d, name)
}

/// The materialized `__dict__` of objects that have one (an instance keeping its attributes as
/// values has none: see `own_attr`, `types::instance::dict`).
pub fn instance_dict(obj: Value) -> Option<Value> {
    if !obj.is_ptr() {
        return None;
    }
    match layout_of(obj) {
        Layout::Instance => {
            let d = as_instance(obj).unwrap().dict;
            if d.is_null() {
                None
            } else {
                Some(d)
            }
        }
        Layout::Function => {
            let d = as_function(obj).unwrap().dict;
            if d.is_null() {
                None
            } else {
                Some(d)
            }
        }
        _ => None,
    }
}

pub fn type_getattr(vm: &mut Vm, cls: Value, name: Value) -> PyResult<Option<Value>> {
    let t = cls.as_ptr::<TypeObject>();
    // A metaclass's data descriptors (properties) come first, as for any object's type.
    let meta = obj_type(cls);
    let meta_d = if meta != vm.t.type_ {
        lookup_type(meta, name).filter(|&d| !is_special(d))
    } else {
        None
    };
    if let Some(d) = meta_d {
        if is_data_descriptor(vm, d) {
            return bind_descriptor(vm, d, cls, meta).map(Some);
        }
    }
    // `__class__` is object's data descriptor, found on the metaclass's side before the class's
    // own dict: a class's class is its metaclass.
    if str_of(name) == "__class__" {
        return Ok(Some(Value::from_ptr(meta)));
    }
    let found = lookup_type(t, name);
    // `type`'s own special descriptors (`C.__dict__`, `type.__name__`) are the metatype's data
    // descriptors: they come before what the class's MRO has under the name (the descriptor
    // for instances' `__dict__`, type's descriptor itself, a class attribute `__dict__`),
    // which is passed over when the class has no such attribute (`C.__abstractmethods__`).
    let found = match found {
        Some(d)
            if (is_special(d) || str_of(name) == "__dict__")
                && crate::vm::types::getset::is_type_attr(vm, str_of(name)) =>
        {
            if let Some(v) = super::special::type_special_attr(vm, cls, str_of(name))? {
                return Ok(Some(v));
            }
            None
        }
        f => f,
    };
    if let Some(d) = found {
        return match layout_of_opt(d) {
            Some(Layout::Function) => Ok(Some(d)),
            Some(Layout::MethodWrapper) | Some(Layout::Instance) => {
                bind_descriptor(vm, d, Value::NULL, t).map(Some)
            }
            _ => Ok(Some(d)),
        };
    }
    if let Some(v) = super::special::type_special_attr(vm, cls, str_of(name))? {
        return Ok(Some(v));
    }
    // Methods of the metaclass (`type` itself: mro, ...).
    let type_d = || lookup_type(vm.t.type_, name).filter(|&d| !is_special(d));
    if let Some(d) = meta_d.or_else(type_d) {
        return bind_descriptor(vm, d, cls, meta).map(Some);
    }
    // A metaclass __getattr__.
    if let Some(ga) = crate::vm::types::metatype::meta_method(vm, cls, "__getattr__") {
        return match crate::vm::types::metatype::call_meta(vm, ga, cls, &[name]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if vm.isinstance(e, vm.t.exc("AttributeError")) => Ok(None),
            Err(e) => Err(e),
        };
    }
    if str_of(name) == "__abstractmethods__" {
        // type's getter for a class without them (CPython's type_abstractmethods).
        return Err(vm.attribute_error("__abstractmethods__"));
    }
    Ok(None)
}

pub fn layout_of_opt(v: Value) -> Option<Layout> {
    if v.is_ptr() {
        Some(layout_of(v))
    } else {
        None
    }
}

/// Whether instances of `ty` store attributes as a class's instances do (descriptors, then
/// their own values): classes, exceptions and the standard streams' objects (which have a
/// __dict__, as CPython's); other built-in instances take setattr_rest.
pub fn generic_instance_type(vm: &Vm, ty: *const TypeObject) -> bool {
    !type_data(ty).builtin
        || type_data(ty).is_exception
        || crate::vm::builtins::stdio::is_stream_type(vm, ty)
}

/// `obj.name = value`.
pub fn setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    if obj.is_ptr() {
        match layout_of(obj) {
            Layout::Instance => {
                let ty = obj_type(obj);
                if generic_instance_type(vm, ty) {
                    if str_of(name) == "__class__" {
                        return set_class(vm, obj, value);
                    }
                    // A class's own __setattr__ comes first, even over data descriptors
                    // (object.__setattr__ is what honours those).
                    if let Some(sa) = lookup_type_str(vm, ty, "__setattr__") {
                        if as_function(sa).is_some() {
                            call(vm, sa, &[obj, name, value], &[])?;
                            return Ok(());
                        }
                    }
                    if let Some(d) = lookup_type(ty, name) {
                        if let Some(r) = descr_set(vm, d, obj, name, Some(value)) {
                            return r;
                        }
                    }
                    return generic_setattr(vm, obj, name, value);
                }
                // A traceback's tb_next is writable (unittest cuts its own frames off).
                if ty == vm.t.traceback && str_of(name) == "tb_next" {
                    if value != vm.none && vm.type_of(value) != vm.t.traceback {
                        let tn = vm.type_name(value);
                        return Err(
                            vm.type_error(format!("expected traceback object or None, got '{tn}'"))
                        );
                    }
                    return generic_setattr(vm, obj, name, value);
                }
            }
            Layout::Type => {
                if let Some(f) = crate::vm::types::metatype::meta_method(vm, obj, "__setattr__") {
                    crate::vm::types::metatype::call_meta(vm, f, obj, &[name, value])?;
                    return Ok(());
                }
                return type_setattr_default(vm, obj, name, value);
            }
            Layout::Module => {
                if str_of(name) == "__class__" {
                    return module_set_class(vm, obj, value);
                }
                let d = as_module(obj).unwrap().dict;
                return dict_set(vm, d, name, value);
            }
            _ => {}
        }
    }
    setattr_rest(vm, obj, name, value)
}

/// `type.__setattr__`: stores into the class dict (data descriptors of the metaclass first).
pub fn type_setattr_default(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let meta = obj_type(obj);
    if meta != vm.t.type_ {
        if let Some(d) = lookup_type(meta, name) {
            if let Some(p) = as_property(d) {
                let fset = p.fset;
                if !fset.is_null() && fset != vm.none {
                    call(vm, fset, &[obj, value], &[])?;
                    return Ok(());
                }
            }
        }
    }
    let t = obj.as_ptr::<TypeObject>();
    if type_data(t).builtin {
        let tn = crate::vm::interp::type_tp_name(t);
        let n = str_of(name).to_string();
        return Err(vm.type_error(format!(
            "cannot set '{n}' attribute of immutable type '{tn}'"
        )));
    }
    if let Some(msg) = crate::vm::types::getset::type_attr_readonly(vm, str_of(name)) {
        return Err(vm.attribute_error(msg));
    }
    // ClassExt is computed when the class is created.
    if str_of(name) == "__getattribute__" {
        return Err(vm.not_implemented("assigning __getattribute__ to a class after its creation"));
    }
    if matches!(str_of(name), "__name__" | "__qualname__") {
        // The type's own name fields, not the class dict (a subclass must not inherit them).
        let n = str_of(name).to_string();
        let Some(s) = as_str(value) else {
            let (tn, vn) = (type_data(t).name.clone(), vm.type_name(value));
            return Err(vm.type_error(format!("can only assign string to {tn}.{n}, not '{vn}'")));
        };
        if n == "__name__" && s.s.contains('\0') {
            return Err(vm.err("ValueError", "type name must not contain null characters"));
        }
        let new = s.s.to_string();
        if n == "__name__" {
            crate::vm::types::type_data_mut_name(t, new);
        } else {
            crate::vm::types::type_data_mut_qualname(t, new);
        }
        type_modified(t);
        return Ok(());
    }
    if str_of(name) == "__bases__" {
        return set_bases(vm, t, value);
    }
    if str_of(name) == "__module__" {
        // repr(cls) and pickling read the module from the type, as CPython's type_repr reads
        // `__module__`.
        if let Some(s) = as_str(value) {
            crate::vm::types::type_data_mut_module(t, &s.s);
        }
    }
    let d = type_data(t).dict;
    type_modified(t);
    dict_set(vm, d, name, value)
}

/// `cls.__bases__ = (...)` (CPython's type_set_bases): checks the new bases as CPython does,
/// then recomputes the MRO of the class and of every class below it (C3; an inconsistent order
/// restores them all and raises), moves the class between its old and new bases' subclass
/// lists, and gives the class and its descendants new version tags, so lookups and specialized
/// sites see the new MRO. Instances keep the layout they were made with, so the new MRO of the
/// class and of each descendant must give the same built-in base, slots, `__dict__` presence
/// and `__getattribute__` override as the old (`subclass::mro_layout`; typing.NamedTuple
/// sets a namedtuple's bases to `(tuple,)` or `(tuple, Generic)`).
fn set_bases(vm: &mut Vm, t: *const TypeObject, value: Value) -> PyResult<()> {
    let tn = type_data(t).name.clone();
    let Some(new) = as_tuple(value).map(|b| b.to_vec()) else {
        let vn = vm.type_name(value);
        return Err(vm.type_error(format!("can only assign tuple to {tn}.__bases__, not {vn}")));
    };
    if new.is_empty() {
        return Err(vm.type_error(format!(
            "can only assign non-empty tuple to {tn}.__bases__, not ()"
        )));
    }
    let me = Value::from_ptr(t);
    for &b in &new {
        if as_type(b).is_none() {
            let bn = vm.type_name(b);
            return Err(vm.type_error(format!(
                "{tn}.__bases__ must be tuple of classes, not '{bn}'"
            )));
        }
        if type_data(b.as_ptr()).mro.contains(&me) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    // CPython's compatible_for_assignment between the old and new first (best) bases: a class
    // made on `object` alone frees its instances as `object` does, one on Python classes as
    // they do, and the two cannot trade places.
    let old = type_data(t).bases.clone();
    let object = Value::from_ptr(vm.t.object);
    let (old_best, new_best) = (old.first().copied().unwrap_or(object), new[0]);
    if (old_best == object) != (new_best == object) {
        let name = |c: Value| type_data(c.as_ptr()).name.clone();
        return Err(vm.type_error(format!(
            "__bases__ assignment: '{}' deallocator differs from '{}'",
            name(new_best),
            name(old_best)
        )));
    }
    // The class and its descendants, parents before children, with their MROs as they are.
    fn below(c: Value, out: &mut Vec<(Value, Vec<Value>)>) {
        out.push((c, type_data(c.as_ptr()).mro.clone()));
        let subs = type_data(c.as_ptr()).subclasses.borrow().clone();
        for s in subs {
            below(s, out);
        }
    }
    let mut saved = Vec::new();
    below(me, &mut saved);
    type_data_mut(t).bases = new.clone();
    if let Err(e) = recompute_mros(vm, &saved, old_best, new_best) {
        type_data_mut(t).bases = old;
        for (c, m) in saved {
            type_data_mut(c.as_ptr()).mro = m;
        }
        return Err(e);
    }
    for b in &old {
        type_data(b.as_ptr())
            .subclasses
            .borrow_mut()
            .retain(|&s| s != me);
    }
    for b in &new {
        let mut subs = type_data(b.as_ptr()).subclasses.borrow_mut();
        if !subs.contains(&me) {
            subs.push(me);
        }
    }
    type_modified(t);
    Ok(())
}

/// `set_bases`' new MROs for `classes` (the class and its descendants, parents first, with their
/// old MROs): C3 for each (a class below two of them is recomputed after each, the last time
/// with both updated), then each must give its instances the layout they were made with
/// (CPython's "object layout differs"). On `Err` the caller restores the old bases and MROs.
fn recompute_mros(
    vm: &mut Vm,
    classes: &[(Value, Vec<Value>)],
    old_best: Value,
    new_best: Value,
) -> PyResult<()> {
    for (c, _) in classes {
        let bases = type_data(c.as_ptr()).bases.clone();
        let mro = crate::vm::types::c3_mro(*c, &bases)
            .ok_or_else(|| crate::vm::types::mro_error(vm, &bases))?;
        type_data_mut(c.as_ptr()).mro = mro;
    }
    // (An error reading a class's `__slots__`, reassigned since, counts as a change.)
    let layout = |vm: &mut Vm, m: &[Value]| crate::vm::types::subclass::mro_layout(vm, m).ok();
    for (c, before) in classes {
        let after = type_data(c.as_ptr()).mro.clone();
        if !matches!((layout(vm, before), layout(vm, &after)), (Some(a), Some(b)) if a == b) {
            let name = |c: Value| type_data(c.as_ptr()).name.clone();
            return Err(vm.type_error(format!(
                "__bases__ assignment: '{}' object layout differs from '{}'",
                name(new_best),
                name(old_best)
            )));
        }
    }
    Ok(())
}

/// Assigning (`value` Some) or deleting (None) a function's own fields (`__defaults__`,
/// `__name__`, ... as functools.wraps and namedtuple do), as CPython's getsets and members of
/// function objects do: `__code__`, `__name__`, `__qualname__` and `__dict__` cannot be deleted
/// (TypeError), `__defaults__`, `__kwdefaults__` and `__annotations__` are emptied by None or
/// deletion, `__doc__` and `__module__` read None once deleted, and `__globals__`, `__closure__`
/// and `__builtins__` are read-only. None for other names (they go to the function's
/// `__dict__`).
fn set_function_field(
    vm: &mut Vm,
    f: Value,
    name: Value,
    value: Option<Value>,
) -> Option<PyResult<()>> {
    let n = str_of(name);
    let none = value.map_or(true, |v| v == vm.none);
    let fd = as_function(f).unwrap();
    match n {
        "__code__" => {
            let Some(new) = value.and_then(as_code) else {
                return Some(Err(vm.type_error("__code__ must be set to a code object")));
            };
            let free = crate::vm::ops::free_var_count;
            let (want, got) = (free(as_code(fd.code).unwrap()), free(new));
            if want != got {
                let fname = str_of(fd.name).to_string();
                return Some(Err(vm.value_error(format!(
                    "{fname}() requires a code object with {want} free vars, not {got}"
                ))));
            }
            fd.code = value.unwrap();
        }
        "__defaults__" | "__kwdefaults__" => {
            let ok = none
                || if n == "__defaults__" {
                    value.and_then(as_tuple).is_some()
                } else {
                    value.and_then(as_dict).is_some()
                };
            if !ok {
                let what = if n == "__defaults__" { "tuple" } else { "dict" };
                return Some(Err(
                    vm.type_error(format!("{n} must be set to a {what} object"))
                ));
            }
            let v = if none { Value::NULL } else { value.unwrap() };
            if n == "__defaults__" {
                fd.defaults = v;
            } else {
                fd.kwdefaults = v;
            }
        }
        "__name__" | "__qualname__" => {
            let Some(v) = value.filter(|&v| as_str(v).is_some()) else {
                return Some(Err(
                    vm.type_error(format!("{n} must be set to a string object"))
                ));
            };
            if n == "__name__" {
                fd.name = v;
            } else {
                fd.qualname = v;
            }
        }
        // Writable members: deleting one leaves NULL, which reads as None.
        "__doc__" => fd.doc = value.unwrap_or(vm.none),
        "__module__" => fd.module = value.unwrap_or(vm.none),
        "__annotations__" => {
            if !none && value.and_then(as_dict).is_none() {
                return Some(Err(
                    vm.type_error("__annotations__ must be set to a dict object")
                ));
            }
            fd.annotations = if none { Value::NULL } else { value.unwrap() };
        }
        // PyObject_GenericSetDict (a dict, as an instance's `__dict__` takes).
        "__dict__" => match value {
            None => return Some(Err(vm.type_error("cannot delete __dict__"))),
            Some(v) if as_dict(v).is_none() => {
                let tn = vm.type_name(v);
                return Some(Err(vm.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{tn}'"
                ))));
            }
            Some(v) => fd.dict = v,
        },
        // READONLY members.
        "__globals__" | "__closure__" | "__builtins__" => {
            return Some(Err(vm.attribute_error("readonly attribute")))
        }
        _ => return None,
    }
    Some(Ok(()))
}

/// The rest of `setattr` (module, function and other objects).
pub fn setattr_rest(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    if obj.is_ptr() {
        match layout_of(obj) {
            Layout::Module => {
                if str_of(name) == "__class__" {
                    return module_set_class(vm, obj, value);
                }
                let d = as_module(obj).unwrap().dict;
                return dict_set(vm, d, name, value);
            }
            Layout::Function if str_of(name) != "__class__" => {
                if let Some(r) = set_function_field(vm, obj, name, Some(value)) {
                    return r;
                }
                let f = as_function(obj).unwrap();
                if f.dict.is_null() {
                    let d = vm.new_dict();
                    as_function(obj).unwrap().dict = d;
                }
                let d = as_function(obj).unwrap().dict;
                return dict_set(vm, d, name, value);
            }
            Layout::Generator if matches!(str_of(name), "__name__" | "__qualname__") => {
                // Generators, coroutines and async generators rename like functions.
                let n = str_of(name);
                if as_str(value).is_none() {
                    return Err(vm.type_error(format!("{n} must be set to a string object")));
                }
                let g = as_generator(obj).unwrap();
                if n == "__name__" {
                    g.name = value;
                } else {
                    g.qualname = value;
                }
                return Ok(());
            }
            Layout::Builtin if str_of(name) == "__module__" && is_builtin_function(obj) => {
                as_builtin(obj).unwrap().module = value;
                return Ok(());
            }
            Layout::Property if str_of(name) == "__doc__" && obj_type(obj) == vm.t.property => {
                // property's __doc__ is writable (functools.cached_property and many
                // libraries set it after creating the property).
                as_property(obj).unwrap().doc = value;
                return Ok(());
            }
            _ => {}
        }
        if let Some(r) = accessor_set(vm, obj, name, Some(value)) {
            return r;
        }
    }
    if str_of(name) == "__class__" {
        if as_type(value).is_none() {
            let vn = vm.type_name(value);
            return Err(vm.type_error(format!(
                "__class__ must be set to a class, not '{vn}' object"
            )));
        }
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    Err(not_writable(vm, obj, name)?)
}

/// Assigning (`value` Some) or deleting attribute `name` of a built-in object through a writable
/// getset or member descriptor of its type written in Rust (one with a setter, as a frame's
/// `f_trace`); None when its type has none.
fn accessor_set(
    vm: &mut Vm,
    obj: Value,
    name: Value,
    value: Option<Value>,
) -> Option<PyResult<()>> {
    let d = lookup_type(vm.type_of(obj), name)?;
    let p = as_property(d)?;
    let f = if value.is_some() { p.fset } else { p.fdel };
    if f.is_null() || is_special(d) || obj_type(d) == vm.t.property {
        return None;
    }
    descr_set(vm, d, obj, name, value)
}

/// Whether a built-in is what CPython makes a `builtin_function_or_method` (a module function or
/// a bound method, whose `__module__` is a writable member), not an unbound method descriptor.
fn is_builtin_function(obj: Value) -> bool {
    let b = as_builtin(obj).unwrap();
    !b.bound.is_null() || b.owner.is_null()
}

/// CPython's READONLY members (PyMemberDef) of built-in objects, by the type's `tp_name`:
/// setting or deleting one is "readonly attribute", where a getset without a setter is
/// "attribute 'x' of 'T' objects is not writable".
fn is_readonly_member(tn: &str, n: &str) -> bool {
    match tn {
        "complex" => matches!(n, "real" | "imag"),
        "range" | "slice" => matches!(n, "start" | "stop" | "step"),
        "property" => matches!(n, "fget" | "fset" | "fdel"),
        "classmethod" | "staticmethod" => matches!(n, "__func__" | "__wrapped__"),
        "super" => matches!(n, "__thisclass__" | "__self__" | "__self_class__"),
        "method" => matches!(n, "__func__" | "__self__"),
        "function" => matches!(n, "__closure__" | "__globals__" | "__builtins__"),
        "module" => n == "__dict__",
        "traceback" => matches!(n, "tb_frame" | "tb_lasti"),
        "generator" => n == "gi_code",
        "coroutine" => matches!(n, "cr_code" | "cr_origin"),
        "async_generator" => matches!(n, "ag_code" | "ag_running"),
        "code" => matches!(
            n,
            "co_argcount"
                | "co_posonlyargcount"
                | "co_kwonlyargcount"
                | "co_stacksize"
                | "co_flags"
                | "co_nlocals"
                | "co_consts"
                | "co_names"
                | "co_filename"
                | "co_name"
                | "co_qualname"
                | "co_firstlineno"
                | "co_linetable"
                | "co_exceptiontable"
        ),
        _ => false,
    }
}

/// The AttributeError for assigning or deleting attribute `name` of a built-in object that has
/// no `__dict__` entry for it (PyObject_GenericSetAttr with the setter-less descriptor it finds):
/// a read-only member, a getset without a setter, another class attribute (a method: "'T'
/// object attribute 'x' is read-only") or nothing at all ("'T' object has no attribute 'x'").
fn not_writable(vm: &mut Vm, obj: Value, name: Value) -> PyResult<Value> {
    let tn = vm.tp_name(obj);
    let n = str_of(name).to_string();
    if super::special::special_attr(vm, obj, &n)?.is_some() {
        if is_readonly_member(&tn, &n) {
            return Ok(vm.attribute_error("readonly attribute"));
        }
        return Ok(vm.attribute_error(format!("attribute '{n}' of '{tn}' objects is not writable")));
    }
    if let Some(d) = lookup_type(vm.type_of(obj), name) {
        if (d.is_ptr() && obj_type(d) == vm.t.member_descriptor) || is_readonly_member(&tn, &n) {
            // A read-only member (CPython's READONLY T_OBJECT members).
            return Ok(vm.attribute_error("readonly attribute"));
        }
        if d.is_ptr() && obj_type(d) == vm.t.getset_descriptor {
            // A getset without a setter (PyGetSetDef with no `set`).
            return Ok(
                vm.attribute_error(format!("attribute '{n}' of '{tn}' objects is not writable"))
            );
        }
        return Ok(vm.attribute_error(format!("'{tn}' object attribute '{n}' is read-only")));
    }
    Ok(vm.attribute_error(format!("'{tn}' object has no attribute '{n}'")))
}

/// `module.__class__ = cls` (object_set_class for a module): a class that is not a ModuleType
/// subclass is refused as CPython refuses it; a module's own type is kept. cpjit's modules do
/// not change type (a ModuleType subclass's instance wraps a module), so assigning a subclass
/// is not supported rather than silently stored as a module global.
fn module_set_class(vm: &mut Vm, obj: Value, value: Value) -> PyResult<()> {
    let Some(_) = as_type(value) else {
        let tn = vm.type_name(value);
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{tn}' object"
        )));
    };
    let new = value.as_ptr::<TypeObject>();
    if new as *const TypeObject == obj_type(obj) as *const TypeObject {
        return Ok(());
    }
    if vm.is_subtype(new, vm.t.module) {
        return Err(vm.not_implemented("assigning a ModuleType subclass to a module's __class__"));
    }
    Err(vm.type_error(
        "__class__ assignment only supported for mutable types or ModuleType subclasses",
    ))
}

/// `obj.__class__ = cls` for instances of Python classes: allowed between classes whose
/// instances have the same layout (CPython's `object_set_class` checks).
fn set_class(vm: &mut Vm, obj: Value, value: Value) -> PyResult<()> {
    let Some(new) = as_type(value) else {
        let tn = vm.type_name(value);
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{tn}' object"
        )));
    };
    let old = type_data(obj_type(obj));
    if new.builtin || new.layout != Layout::Instance {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let shape = |t: &TypeData| {
        (
            t.is_exception,
            t.ext
                .as_ref()
                .map(|e| (e.builtin_base as usize, e.dictless, e.ext_instance)),
        )
    };
    // Classes with `__slots__` must have the same slots (their values are indexed by them).
    let slotted = |t: &TypeData| t.ext.as_ref().is_some_and(|e| e.nslots > 0);
    if shape(old) != shape(new)
        || ((slotted(old) || slotted(new)) && *old.keys.borrow() != *new.keys.borrow())
    {
        let (nn, on) = (new.name.clone(), old.name.clone());
        return Err(vm.type_error(format!(
            "__class__ assignment: '{nn}' object layout differs from '{on}'"
        )));
    }
    // Value indices are per class.
    crate::vm::types::instance::to_dict(vm, obj);
    crate::vm::object::set_type(obj, value.as_ptr::<TypeObject>());
    Ok(())
}

/// `object.__setattr__`: store in the instance dict.
pub fn generic_setattr(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let inst = match as_instance(obj) {
        Some(i) => i,
        None => {
            let tn = vm.tp_name(obj);
            let n = str_of(name).to_string();
            return Err(vm.attribute_error(format!("'{tn}' object has no attribute '{n}'")));
        }
    };
    if inst.dict.is_null() && crate::vm::types::subclass::is_dictless(obj_type(obj)) {
        return Err(crate::vm::types::subclass::no_dict_error(vm, obj, name));
    }
    if inst.exc.is_some() {
        match str_of(name) {
            "__cause__" => {
                let e = as_instance(obj).unwrap().exc.as_mut().unwrap();
                e.cause = value;
                e.suppress_context = true;
                return Ok(());
            }
            "__context__" => {
                as_instance(obj).unwrap().exc.as_mut().unwrap().context = value;
                return Ok(());
            }
            "__traceback__" => return crate::vm::types::exc::set_traceback(vm, obj, value),
            "args" => {
                let t = crate::vm::runtime::iter::collect(vm, value)?;
                let t = vm.new_tuple(t);
                as_instance(obj).unwrap().exc.as_mut().unwrap().args = t;
                return Ok(());
            }
            _ => {}
        }
    }
    crate::vm::types::instance::set(vm, obj, name, value)
}

/// `property.__set__` (`value` Some) or `property.__delete__` (None): calls fset / fdel, or
/// raises CPython's "property 'x' of 'T' object has no setter" (deleter).
pub fn property_set(vm: &mut Vm, p: Value, obj: Value, value: Option<Value>) -> PyResult<()> {
    let pd = as_property(p).unwrap();
    let (f, name) = (if value.is_some() { pd.fset } else { pd.fdel }, pd.name);
    if f.is_null() || f == vm.none {
        let what = if value.is_some() { "setter" } else { "deleter" };
        let tn = vm.type_name(obj);
        let n = if name.is_null() {
            String::new()
        } else {
            format!(" {}", crate::vm::runtime::repr::repr_string(vm, name)?)
        };
        return Err(vm.attribute_error(format!("property{n} of '{tn}' object has no {what}")));
    }
    match value {
        Some(v) => call(vm, f, &[obj, v], &[])?,
        None => call(vm, f, &[obj], &[])?,
    };
    Ok(())
}

/// Assigning (`value` Some) or deleting (None) attribute `name` of `obj` through class attribute
/// `d` when `d` is a data descriptor (CPython's `tp_descr_set`): a property, a slot or getset
/// descriptor, or an object whose type defines `__set__` or `__delete__` (the other one missing
/// is an AttributeError naming it). None when `d` is not a data descriptor.
pub fn descr_set(
    vm: &mut Vm,
    d: Value,
    obj: Value,
    name: Value,
    value: Option<Value>,
) -> Option<PyResult<()>> {
    if is_special(d) {
        // Assigned or deleted by the attribute code's own cases, as if not there.
        return None;
    }
    if let Some(p) = as_property(d) {
        if obj_type(d) == vm.t.property {
            return Some(property_set(vm, d, obj, value));
        }
        if obj_type(d) == vm.t.member_descriptor {
            if let Some(name) = crate::vm::types::subclass::slot_member_name(d) {
                return Some(crate::vm::types::subclass::member_set(vm, name, obj, value));
            }
        }
        let f = if value.is_some() { p.fset } else { p.fdel };
        if f.is_null() || f == vm.none {
            if value.is_none() {
                return None;
            }
            let n = str_of(name).to_string();
            return Some(Err(vm.attribute_error(format!("can't set attribute '{n}'"))));
        }
        return Some(match value {
            Some(v) => call(vm, f, &[obj, v], &[]).map(|_| ()),
            None => call(vm, f, &[obj], &[]).map(|_| ()),
        });
    }
    if as_instance(d).is_none() || !is_data_descriptor(vm, d) {
        return None;
    }
    let meth = if value.is_some() {
        "__set__"
    } else {
        "__delete__"
    };
    let Some(m) = lookup_type_str(vm, obj_type(d), meth) else {
        return Some(Err(vm.attribute_error(meth)));
    };
    Some(match value {
        Some(v) => call(vm, m, &[d, obj, v], &[]).map(|_| ()),
        None => call(vm, m, &[d, obj], &[]).map(|_| ()),
    })
}

/// `del obj.name`.
pub fn delattr(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    if let Some(r) = crate::vm::types::subclass::user_delattr(vm, obj, name) {
        return r;
    }
    delattr_default(vm, obj, name)
}

/// `del obj.name` without a user `__delattr__`.
pub fn delattr_default(vm: &mut Vm, obj: Value, name: Value) -> PyResult<()> {
    if let Some(d) = lookup_type(vm.type_of(obj), name) {
        if let Some(r) = descr_set(vm, d, obj, name, None) {
            return r;
        }
    }
    if layout_of_opt(obj) == Some(Layout::Function) {
        if let Some(r) = set_function_field(vm, obj, name, None) {
            return r;
        }
    }
    if layout_of_opt(obj) == Some(Layout::Builtin)
        && str_of(name) == "__module__"
        && is_builtin_function(obj)
    {
        // A writable member (m_module): deleting it leaves NULL, which reads as None.
        as_builtin(obj).unwrap().module = Value::NULL;
        return Ok(());
    }
    if layout_of_opt(obj) == Some(Layout::Property)
        && obj_type(obj) == vm.t.property
        && str_of(name) == "__doc__"
    {
        // A writable member: deleting it leaves NULL, which reads as None.
        as_property(obj).unwrap().doc = vm.none;
        return Ok(());
    }
    if layout_of_opt(obj) == Some(Layout::Generator)
        && matches!(str_of(name), "__name__" | "__qualname__")
    {
        // A generator's names are getset attributes that must stay strings.
        let n = str_of(name);
        return Err(vm.type_error(format!("{n} must be set to a string object")));
    }
    if layout_of_opt(obj) == Some(Layout::Instance) {
        if crate::vm::types::subclass::is_dictless(obj_type(obj)) {
            // No __dict__: a class attribute of that name is read-only, as for assignment.
            return Err(crate::vm::types::subclass::no_dict_error(vm, obj, name));
        }
        if crate::vm::types::instance::del(vm, obj, name)? {
            invalidate_cache();
            return Ok(());
        }
        return Err(missing_attr_error(vm, obj, name));
    }
    if layout_of_opt(obj) == Some(Layout::Type) {
        let (n, tn) = (
            str_of(name).to_string(),
            type_data(obj.as_ptr()).name.clone(),
        );
        // A built-in type's attributes stay (CPython's type_setattro, for deletion too), and
        // so do a class's own fields (check_set_special_type_attr).
        if type_data(obj.as_ptr()).builtin {
            return Err(vm.type_error(format!(
                "cannot set '{n}' attribute of immutable type '{tn}'"
            )));
        }
        if matches!(n.as_str(), "__bases__" | "__name__" | "__qualname__") {
            return Err(vm.type_error(format!(
                "cannot delete '{n}' attribute of immutable type '{tn}'"
            )));
        }
    }
    let d = match layout_of_opt(obj) {
        Some(Layout::Type) if !type_data(obj.as_ptr::<TypeObject>()).builtin => {
            Some(type_data(obj.as_ptr::<TypeObject>()).dict)
        }
        Some(Layout::Module) => Some(as_module(obj).unwrap().dict),
        _ => instance_dict(obj),
    };
    if let Some(d) = d {
        match layout_of_opt(obj) {
            Some(Layout::Type) => type_modified(obj.as_ptr::<TypeObject>()),
            _ => invalidate_cache(),
        }
        if dict_del(vm, d, name)?.is_some() {
            return Ok(());
        }
    }
    if layout_of_opt(obj) == Some(Layout::Type) {
        return Err(missing_attr_error(vm, obj, name));
    }
    if str_of(name) == "__class__" {
        return Err(vm.type_error("can't delete __class__ attribute"));
    }
    // An object with a `__dict__` (a function, a module) deletes a name that is not a data
    // descriptor from it: missing there, it has no such attribute (a method of its type
    // included). Otherwise deleting goes through the same setter as assigning
    // (PyObject_GenericSetAttr).
    if matches!(layout_of_opt(obj), Some(Layout::Function | Layout::Module)) {
        let (tn, n) = (vm.tp_name(obj), str_of(name).to_string());
        if !is_readonly_member(&tn, &n) {
            return Err(vm.attribute_error(format!("'{tn}' object has no attribute '{n}'")));
        }
    }
    if obj.is_ptr() {
        if let Some(r) = accessor_set(vm, obj, name, None) {
            return r;
        }
    }
    Err(not_writable(vm, obj, name)?)
}

/// LOAD_METHOD: (method, self) when `obj.name` is a plain method found on the type, else
/// (attribute, NULL).
#[inline]
/// Whether class attribute `d` is a method LOAD_METHOD can push unbound with `self` beside it:
/// a Python function, or a built-in method descriptor.
pub fn is_plain_method(d: Value) -> bool {
    match layout_of_opt(d) {
        Some(Layout::Function) => true,
        Some(Layout::Builtin) => {
            let b = as_builtin(d).unwrap();
            b.bound.is_null() && !b.owner.is_null()
        }
        _ => false,
    }
}

pub fn load_method(vm: &mut Vm, obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let ty = vm.type_of(obj);
    if obj.is_ptr()
        && matches!(
            layout_of(obj),
            Layout::Type | Layout::Module | Layout::Super
        )
    {
        return Ok((getattr(vm, obj, name)?, Value::NULL));
    }
    if let Some(d) = lookup_type(ty, name) {
        if is_plain_method(d) {
            let shadowed = own_attr(vm, obj, name).is_some();
            if !shadowed && !crate::vm::types::subclass::has_getattribute(ty) {
                return Ok((d, obj));
            }
        }
    }
    Ok((getattr(vm, obj, name)?, Value::NULL))
}
