//! Instance attributes of plain classes as *values* with keys shared per class (CPython 3.11's
//! inline values and shared-key dicts).
//!
//! A plain class (`uses_values`) owns an append-only list of attribute names, its shared keys
//! (`TypeData::keys`, at most [`MAX_SHARED_KEYS`]); each instance holds a values array indexed
//! like it (`InstanceData::values`, NULL = attribute absent). So LOAD_ATTR_INSTANCE_VALUE /
//! STORE_ATTR_INSTANCE_VALUE are a type-version compare and one indexed load or store: the index
//! of a name never changes for a class. Appending a key gives the class a new version tag, so a
//! specialized site that relies on a name *not* being an instance attribute (a method, a class
//! attribute) misses once a key of that name appears.
//!
//! Index order is insertion order: a new attribute may only take an index at or above
//! `InstanceData::hi`. An instance that breaks that (attributes set in another order than the
//! first instances did), runs out of keys, uses a name that is not an exact str, or whose
//! `__dict__` is touched, switches to a real dict (`dict`, CPython's materialized `__dict__`) for
//! the rest of its life; everything then behaves as a dict-backed instance.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::dict_get_str_raw;
use crate::vm::runtime::dict::{dict_del, dict_set};
use crate::vm::value::Value;

/// CPython 3.11's `SHARED_KEYS_MAX_SIZE`.
pub const MAX_SHARED_KEYS: usize = 30;

/// Whether instances of `ty` keep their attributes as values: ordinary Python classes (no
/// slots, built-in base or attribute-hook extension), not exceptions.
#[inline]
pub fn uses_values(ty: *const TypeObject) -> bool {
    let td = type_data(ty);
    td.layout == Layout::Instance && !td.builtin && !td.is_exception && td.ext.is_none()
}

#[inline]
fn str_hash(s: &StrData) -> u64 {
    let mut h = s.hash.get();
    if h == u64::MAX {
        h = crate::rtlib::hash::hash_str(&s.s) as u64;
        s.hash.set(h);
    }
    h
}

/// The index of attribute `name` (a str) among `td`'s shared keys.
#[inline]
pub fn key_index(td: &TypeData, name: Value) -> Option<usize> {
    let keys = td.keys.borrow();
    if let Some(i) = keys.iter().position(|&k| k == name) {
        return Some(i);
    }
    // The keys are interned: an interned name that is none of them by address is absent.
    if as_str(name).is_some_and(|s| s.interned.get()) {
        return None;
    }
    key_index_by_text(&keys, name)
}

/// `key_index` for a name that is not the interned key object itself.
#[inline(never)]
fn key_index_by_text(keys: &[Value], name: Value) -> Option<usize> {
    let s = as_str(name)?;
    let h = str_hash(s);
    keys.iter().position(|&k| {
        let ks = as_str(k).unwrap();
        str_hash(ks) == h && ks.s == s.s
    })
}

/// The index of `name` among `ty`'s shared keys, appending it if there is room.
fn key_index_or_add(vm: &mut Vm, ty: *const TypeObject, name: Value) -> Option<usize> {
    let td = type_data(ty);
    if let Some(i) = key_index(td, name) {
        return Some(i);
    }
    if td.keys.borrow().len() >= MAX_SHARED_KEYS {
        return None;
    }
    let k = vm.intern(&as_str(name)?.s);
    let mut keys = td.keys.borrow_mut();
    keys.push(k);
    // Sites that found `name` absent from the instances (methods, class attributes) must miss.
    td.version
        .set(crate::vm::runtime::attr::next_type_version());
    crate::vm::runtime::attr::invalidate_cache();
    Some(keys.len() - 1)
}

/// Instance attribute `name` of `obj` (from its values or its dict), if it has one. Never runs
/// Python code.
#[inline]
pub fn get(obj: Value, name: Value) -> Option<Value> {
    let inst = as_instance(obj)?;
    if !inst.dict.is_null() {
        return dict_get_str_raw(inst.dict, name);
    }
    // (The values of a class with `__slots__` are its slots, reached through descriptors.)
    if inst.cap == 0 || !uses_values(obj_type(obj)) {
        return None;
    }
    inst.value(key_index(type_data(obj_type(obj)), name)?)
}

/// The value of `__slots__` member `name` of `obj` (looked up by text; never runs Python code).
pub fn slot_by_text(obj: Value, name: &str) -> Option<Value> {
    let inst = as_instance(obj)?;
    let td = type_data(obj_type(obj));
    let i = td
        .keys
        .borrow()
        .iter()
        .position(|&k| as_str(k).is_some_and(|s| &*s.s == name))?;
    inst.value(i)
}

/// Stores slot `i` of an instance of a class with `__slots__` (indices: `TypeData::keys`).
pub fn set_slot(vm: &mut Vm, obj: Value, i: usize, value: Value) {
    let inst = as_instance(obj).unwrap();
    if i >= inst.cap as usize {
        vm.heap.grow_values(inst, i + 1);
    }
    inst.values_mut()[i] = value;
    inst.hi = inst.hi.max(i as u32 + 1);
}

/// A new instance of plain class `t`, with room for as many values as the class has keys.
pub fn new(vm: &mut Vm, t: *const TypeObject) -> Value {
    let o = vm.heap.alloc(t, InstanceData::new(None));
    let n = type_data(t).keys.borrow().len();
    if n > 0 && uses_values(t) {
        vm.heap.grow_values(as_instance(o).unwrap(), n);
    }
    o
}

/// The shared-key index a store of `name` into an instance of `ty` uses (appending the key if
/// there is room), when that instance keeps values: for STORE_ATTR_INSTANCE_VALUE.
pub fn store_index(vm: &mut Vm, obj: Value, name: Value) -> Option<usize> {
    let ty = obj_type(obj);
    if !(as_instance(obj)?.dict.is_null() && uses_values(ty) && is_exact_str(vm, name)) {
        return None;
    }
    key_index_or_add(vm, ty, name)
}

/// STORE_ATTR_INSTANCE_VALUE's store of `value` at index `i` of a values-backed instance: an
/// existing attribute, or a new one at or above `hi` (growing the array to the class's keys if
/// needed). False when the instance cannot take it that way (dict-backed, out of order).
#[inline(always)]
pub fn store_at(vm: &mut Vm, obj: Value, i: usize, value: Value) -> bool {
    let inst = as_instance(obj).unwrap();
    if inst.value(i).is_some() {
        inst.values_mut()[i] = value;
        return true;
    }
    store_new(vm, obj, i, value)
}

/// `store_at` for an attribute the instance does not have yet (kept out of the interpreter
/// loop, which inlines `store_at`).
#[inline(never)]
fn store_new(vm: &mut Vm, obj: Value, i: usize, value: Value) -> bool {
    let inst = as_instance(obj).unwrap();
    if !inst.dict.is_null() || i < inst.hi as usize {
        return false;
    }
    if i >= inst.cap as usize {
        let want = (i + 1).max(type_data(obj_type(obj)).keys.borrow().len());
        vm.heap.grow_values(inst, want);
    }
    inst.values_mut()[i] = value;
    inst.hi = i as u32 + 1;
    true
}

/// Stores instance attribute `name` of `obj` (an instance whose class allows a `__dict__`);
/// `obj.__dict__ = d` replaces the dict.
pub fn set(vm: &mut Vm, obj: Value, name: Value, value: Value) -> PyResult<()> {
    let ty = obj_type(obj);
    let inst = as_instance(obj).unwrap();
    if as_str(name).is_some_and(|s| &*s.s == "__dict__") {
        if as_dict(value).is_none() {
            let tn = vm.type_name(value);
            return Err(vm.type_error(format!(
                "__dict__ must be set to a dictionary, not a '{tn}'"
            )));
        }
        if uses_values(ty) {
            vm.heap.release_values(inst);
            inst.hi = 0;
        }
        inst.dict = value;
        return Ok(());
    }
    if inst.dict.is_null() && uses_values(ty) && is_exact_str(vm, name) {
        if let Some(i) = key_index_or_add(vm, ty, name) {
            if store_at(vm, obj, i, value) {
                return Ok(());
            }
        }
    }
    let d = dict(vm, obj);
    dict_set(vm, d, name, value)
}

fn is_exact_str(vm: &Vm, name: Value) -> bool {
    name.is_ptr() && obj_type(name) == vm.t.str_
}

/// `del obj.name` for an instance attribute: whether it was there.
pub fn del(vm: &mut Vm, obj: Value, name: Value) -> PyResult<bool> {
    let inst = as_instance(obj).unwrap();
    if !inst.dict.is_null() {
        return Ok(dict_del(vm, inst.dict, name)?.is_some());
    }
    if inst.cap == 0 || !uses_values(obj_type(obj)) {
        return Ok(false);
    }
    match key_index(type_data(obj_type(obj)), name) {
        Some(i) if inst.value(i).is_some() => {
            inst.values_mut()[i] = Value::NULL;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// `obj.__dict__` of an instance: its dict, made from its values (in insertion order) the first
/// time; the instance keeps its attributes in that dict from then on.
pub fn dict(vm: &mut Vm, obj: Value) -> Value {
    let inst = as_instance(obj).unwrap();
    if !inst.dict.is_null() {
        return inst.dict;
    }
    if !uses_values(obj_type(obj)) {
        // Slot values stay where they are.
        let d = vm.new_dict();
        inst.dict = d;
        return d;
    }
    let n = inst.values().iter().filter(|v| !v.is_null()).count();
    let d = vm.new_dict_with_capacity(n);
    if n > 0 {
        let keys = type_data(obj_type(obj)).keys.borrow().clone();
        for (i, &k) in keys.iter().enumerate().take(inst.hi as usize) {
            if let Some(v) = inst.value(i) {
                // Exact str keys: hashing and comparing them runs no Python code.
                let _ = dict_set(vm, d, k, v);
            }
        }
    }
    vm.heap.release_values(inst);
    inst.hi = 0;
    inst.dict = d;
    d
}

/// Gives up `obj`'s values (its class is about to change: indices are per class).
pub fn to_dict(vm: &mut Vm, obj: Value) {
    if uses_values(obj_type(obj)) && as_instance(obj).is_some_and(|i| i.cap > 0) {
        dict(vm, obj);
    }
}

/// Attribute names of `obj` in insertion order (for `dir`), without materializing a dict.
pub fn names(obj: Value) -> Vec<Value> {
    let Some(inst) = as_instance(obj) else {
        return Vec::new();
    };
    if !inst.dict.is_null() {
        return crate::vm::runtime::dict::keys_of(inst.dict);
    }
    if !uses_values(obj_type(obj)) {
        return Vec::new();
    }
    let keys = type_data(obj_type(obj)).keys.borrow();
    (0..inst.hi as usize)
        .filter(|&i| inst.value(i).is_some())
        .map(|i| keys[i])
        .collect()
}
