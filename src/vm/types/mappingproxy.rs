//! `mappingproxy`: the read-only view of a class's `__dict__` (`C.__dict__`, `vars(C)`). Class
//! dicts change only through `setattr`/`delattr` on the class, which move the type epoch the
//! attribute caches depend on; handing out the dict itself would let a program change a class
//! behind their back (CPython refuses item assignment here too).
//!
//! Represented as a dict view (`ViewData` over the class dict, keys kind), so iteration, `len`
//! and `in` are the keys view's; indexing, the mapping methods and the repr are its own.

use super::{add_method, nargs};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::{dict as rdict, repr, subscr};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.mappingproxy;
    add_method(vm, t, "get", get);
    add_method(vm, t, "keys", keys);
    add_method(vm, t, "values", values);
    add_method(vm, t, "items", items);
    add_method(vm, t, "copy", copy);
    // Looked up by the mapping checks (PyMapping_Check: exec/eval's locals, eval's globals
    // message) and by hasattr(MappingProxyType, '__getitem__').
    add_method(vm, t, "__getitem__", getitem_method);
    super::add_static(vm, t, "__new__", proxy_new, false);
}

/// `MappingProxyType(mapping)`: a read-only view of a dict (other mappings are not supported).
fn proxy_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "mappingproxy", args, kw, 1, 1, 1)?;
    let m = args[1];
    let d = crate::vm::types::subclass::base_value(m).unwrap_or(m);
    if as_dict(d).is_none() {
        let tn = vm.type_name(m);
        if crate::vm::runtime::attr::lookup_type_str(vm, vm.type_of(m), "__getitem__").is_some() {
            return Err(vm.not_implemented(format!("mappingproxy over a '{tn}' (only dicts)")));
        }
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {tn}"
        )));
    }
    Ok(new(vm, d))
}

/// A new proxy over `dict`.
pub fn new(vm: &mut Vm, dict: Value) -> Value {
    let ty = vm.t.mappingproxy;
    vm.heap.alloc(
        ty,
        ViewData {
            dict,
            kind: DictIterKind::Keys,
        },
    )
}

/// The proxied dict if `v` is a mappingproxy.
pub fn target(vm: &Vm, v: Value) -> Option<Value> {
    if v.is_ptr() && obj_type(v) == vm.t.mappingproxy {
        as_view(v).map(|d| d.dict)
    } else {
        None
    }
}

/// `mappingproxy({...})`.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let d = target(vm, v).expect("mappingproxy");
    Ok(format!("mappingproxy({})", repr::repr_string(vm, d)?))
}

/// `proxy[key]`.
pub fn getitem(vm: &mut Vm, v: Value, key: Value) -> PyResult {
    let d = target(vm, v).expect("mappingproxy");
    subscr::getitem(vm, d, key)
}

/// `mappingproxy.__getitem__(key)`.
fn getitem_method(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__getitem__", args, kw, 1, 1, 1)?;
    let d = this(vm, args, "__getitem__")?;
    subscr::getitem(vm, d, args[1])
}

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first().and_then(|&a| target(vm, a)) {
        Some(d) => Ok(d),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'mappingproxy' objects doesn't apply to this object"
        ))),
    }
}

fn get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "get", args, kw, 1, 1, 2)?;
    let d = this(vm, args, "get")?;
    let dflt = args.get(2).copied().unwrap_or(vm.none);
    Ok(rdict::dict_get(vm, d, args[1])?.unwrap_or(dflt))
}

/// keys/values/items: the dict's own views (as CPython's proxy forwards to the mapping).
fn view(vm: &mut Vm, args: &[Value], kw: &[Value], name: &'static str) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 0)?;
    let d = this(vm, args, name)?;
    let (ty, kind) = match name {
        "keys" => (vm.t.dict_keys, DictIterKind::Keys),
        "values" => (vm.t.dict_values, DictIterKind::Values),
        _ => (vm.t.dict_items, DictIterKind::Items),
    };
    Ok(vm.heap.alloc(ty, ViewData { dict: d, kind }))
}

fn keys(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    view(vm, args, kw, "keys")
}
fn values(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    view(vm, args, kw, "values")
}
fn items(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    view(vm, args, kw, "items")
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "copy", args, kw, 1, 0, 0)?;
    let d = this(vm, args, "copy")?;
    let out = vm.new_dict();
    vm.roots.push(out);
    for (k, v) in rdict::items_of(d) {
        if let Err(e) = rdict::dict_set(vm, out, k, v) {
            vm.roots.pop();
            return Err(e);
        }
    }
    vm.roots.pop();
    Ok(out)
}
