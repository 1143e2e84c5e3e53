//! LOAD_ATTR, STORE_ATTR and LOAD_METHOD. Instance and class sites guard on the receiver type's
//! version tag (a new one whenever the class or an ancestor changes); module sites on the
//! module dict's keys version.

use super::{Reason, Site};
use crate::bytecode::opcode::Opcode;
use crate::vm::interp::{str_of, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr as rattr;
use crate::vm::runtime::inline_cache::{self, find_str, plain_instance_type, plain_type_value};
use crate::vm::types::instance;
use crate::vm::value::Value;

fn version(ty: *const TypeObject) -> Result<u32, Reason> {
    match type_data(ty).version.get() {
        0 => Err("type has no version tag"),
        v => Ok(v),
    }
}

/// A module attribute: keys version at units 1-2, index at 3.
fn module_site(s: &Site, o: Value, name: Value) -> Result<(), Reason> {
    let m = as_module(o).ok_or("not a module")?;
    let i = find_str(&as_dict(m.dict).ok_or("module dict")?.table, name)
        .ok_or("module attribute not found")?;
    s.set_u64(1, as_dict(m.dict).unwrap().table.shape());
    s.unit(3).set(i as u32);
    Ok(())
}

/// The values index of `__slots__` member `name` of `o` (see `inline_cache::slot_index`).
fn slot_index(vm: &mut Vm, o: Value, name: Value) -> Option<usize> {
    inline_cache::slot_index(vm, o, name)
}

fn has_getattr(vm: &mut Vm, ty: *const TypeObject) -> bool {
    let k = vm.sname("__getattr__");
    rattr::lookup_type(ty, k).is_some()
}

pub fn load_attr(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let o = s.peek(0);
    let name = s.cd.names[s.oparg as usize];
    if !o.is_ptr() {
        return Err("attribute of an int or float");
    }
    if as_module(o).is_some() {
        module_site(s, o, name)?;
        return Ok(Opcode::LOAD_ATTR_MODULE);
    }
    if as_type(o).is_some() {
        return class_attr(vm, s, o, name);
    }
    let ty = obj_type(o);
    if let Some(i) = slot_index(vm, o, name) {
        s.unit(1).set(version(ty)?);
        s.unit(2).set(i as u32);
        return Ok(Opcode::LOAD_ATTR_SLOT);
    }
    if !plain_instance_type(ty) {
        return Err("not an instance of a plain class");
    }
    let descr = rattr::lookup_type(ty, name);
    if let Some(d) = descr {
        if rattr::is_data_descriptor(vm, d) {
            let p = as_property(d).ok_or("data descriptor other than property")?;
            if as_function(p.fget).is_none() {
                return Err("property getter is not a Python function");
            }
            if has_getattr(vm, ty) {
                return Err("property on a class with __getattr__");
            }
            s.unit(1).set(version(ty)?);
            s.set_u64(3, p.fget.0);
            return Ok(Opcode::LOAD_ATTR_PROPERTY);
        }
    }
    let inst = as_instance(o).unwrap();
    if let Some(i) = instance::key_index(type_data(ty), name) {
        if !inst.dict.is_null() {
            return Err("instance has a materialized __dict__");
        }
        if inst.value(i).is_none() {
            return Err("instance lacks an attribute other instances have");
        }
        s.unit(1).set(version(ty)?);
        s.unit(2).set(i as u32);
        return Ok(Opcode::LOAD_ATTR_INSTANCE_VALUE);
    }
    if as_dict(inst.dict).is_some_and(|d| find_str(&d.table, name).is_some()) {
        return Err("attribute in a materialized __dict__");
    }
    match descr {
        // (Not a shared key: no values-backed instance has it, until a key is added, which
        // changes the version.)
        Some(d) if plain_type_value(d) => {
            s.unit(1).set(version(ty)?);
            s.set_u64(3, d.0);
            Ok(Opcode::LOAD_ATTR_NONDESCRIPTOR)
        }
        Some(_) => Err("class attribute is a descriptor"),
        None => Err("attribute not found"),
    }
}

/// What `Cls.name` finds for a class whose metaclass is `type` (not a built-in type, not a dunder
/// name, which come from `type` itself, nor a name `type` defines), for LOAD_ATTR_CLASS and
/// LOAD_METHOD_CLASS to cache under the class's version.
fn class_lookup(vm: &mut Vm, o: Value, name: Value) -> Result<Value, Reason> {
    if obj_type(o) != vm.t.type_ {
        return Err("class with a metaclass");
    }
    if type_data(o.as_ptr()).builtin {
        return Err("attribute of a built-in type");
    }
    if str_of(name).starts_with("__") {
        // Special attributes (__name__, __dict__, __mro__, ...) come from `type` itself.
        return Err("dunder attribute of a class");
    }
    let d = rattr::lookup_type(o.as_ptr(), name).ok_or("class attribute not found")?;
    if rattr::lookup_type(vm.t.type_, name).is_some() {
        return Err("name also defined by type");
    }
    Ok(d)
}

/// `Cls.attr` for a plain value (or a function, which a class returns as is).
fn class_attr(vm: &mut Vm, s: &Site, o: Value, name: Value) -> Result<Opcode, Reason> {
    let d = class_lookup(vm, o, name)?;
    if !(plain_type_value(d) || as_function(d).is_some()) {
        return Err("class attribute is a descriptor");
    }
    s.unit(1).set(version(o.as_ptr())?);
    s.set_u64(3, d.0);
    Ok(Opcode::LOAD_ATTR_CLASS)
}

/// `Cls.name(...)`: a classmethod wrapping a Python function (called with the class first) or a
/// plain value or function (called as is): LOAD_METHOD_CLASS.
fn class_method(vm: &mut Vm, s: &Site, o: Value, name: Value) -> Result<Opcode, Reason> {
    let d = class_lookup(vm, o, name)?;
    let (value, bind) = if d.is_ptr() && obj_type(d) == vm.t.classmethod {
        let inner = *as_method_wrapper(d).ok_or("classmethod")?;
        as_function(inner).ok_or("classmethod of a non-Python function")?;
        (inner, 1)
    } else if plain_type_value(d) || as_function(d).is_some() {
        (d, 0)
    } else {
        return Err("class attribute is a descriptor");
    };
    s.unit(1).set(version(o.as_ptr())?);
    s.unit(2).set(bind);
    s.set_u64(3, value.0);
    Ok(Opcode::LOAD_METHOD_CLASS)
}

/// LOAD_METHOD on a super object bound to an instance: the plain method found in the super's
/// class's MRO after the class, cached under that class's version; the instruction checks that
/// the instance type's MRO ends with that MRO (`spec::super_mro_is_tail`), so it serves every
/// subclass (a constructor's `super().__init__(...)` sees many).
fn super_method(vm: &mut Vm, s: &Site, o: Value, name: Value) -> Result<Opcode, Reason> {
    let sd = as_super(o).ok_or("super object")?;
    if sd.obj.is_null() || sd.obj == sd.obj_type {
        return Err("super object not bound to an instance");
    }
    if as_type(sd.ty).is_none() || !crate::vm::ops::spec::super_mro_is_tail(sd.obj_type, sd.ty) {
        return Err("super class's MRO is not the tail of the instance type's");
    }
    let start = sd.ty.as_ptr::<TypeObject>();
    let d = type_data(start).mro[1..]
        .iter()
        .find_map(|&c| crate::vm::runtime::dict::dict_get_str(vm, type_data(c.as_ptr()).dict, name))
        .ok_or("method not found after the super's class")?;
    if !rattr::is_plain_method(d) {
        return Err("super attribute is not a plain method");
    }
    s.unit(2).set(version(start)?);
    s.set_u64(3, d.0);
    Ok(Opcode::LOAD_METHOD_SUPER)
}

pub fn store_attr(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let o = s.peek(0);
    let name = s.cd.names[s.oparg as usize];
    if !o.is_ptr() || as_instance(o).is_none() {
        return Err("not an instance");
    }
    let ty = obj_type(o);
    if let Some(i) = slot_index(vm, o, name) {
        s.unit(1).set(version(ty)?);
        s.unit(2).set(i as u32);
        return Ok(Opcode::STORE_ATTR_SLOT);
    }
    if !inline_cache::plain_dict_store(vm, ty, name) {
        return Err("not a plain instance-dict store");
    }
    if !as_instance(o).unwrap().dict.is_null() {
        return Err("instance has a materialized __dict__");
    }
    let i = instance::store_index(vm, o, name).ok_or("no shared key for the attribute")?;
    // (Taken after store_index: adding a key gives the class a new version.)
    s.unit(1).set(version(ty)?);
    s.unit(2).set(i as u32);
    Ok(Opcode::STORE_ATTR_INSTANCE_VALUE)
}

pub fn load_method(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let o = s.peek(0);
    let name = s.cd.names[s.oparg as usize];
    if o.is_ptr() && as_module(o).is_some() {
        module_site(s, o, name)?;
        return Ok(Opcode::LOAD_METHOD_MODULE);
    }
    if o.is_ptr() && layout_of(o) == Layout::Type {
        return class_method(vm, s, o, name);
    }
    if o.is_ptr() && layout_of(o) == Layout::Super {
        return super_method(vm, s, o, name);
    }
    let ty = vm.type_of(o);
    if crate::vm::types::subclass::has_getattribute(ty) {
        return Err("class overrides __getattribute__");
    }
    let d = rattr::lookup_type(ty, name).ok_or("method not found on the type")?;
    if !rattr::is_plain_method(d) {
        return Err("attribute is not a plain method");
    }
    let td = type_data(ty);
    let op = match td.layout {
        Layout::Instance if plain_instance_type(ty) => {
            // Not a shared key: no values-backed instance can shadow the method (adding the key
            // changes the version).
            if instance::key_index(td, name).is_some() {
                return Err("method name is also an instance attribute");
            }
            Opcode::LOAD_METHOD_WITH_VALUES
        }
        Layout::Instance => match td.ext.as_ref() {
            Some(e) if e.dictless => Opcode::LOAD_METHOD_NO_DICT,
            // A built-in subclass's or slotted class's instance with a __dict__: its attributes
            // other than slots (descriptors on the type, so never a plain method's name) live in
            // the dict, which the form checks as for a plain instance (`spec::load_method`).
            Some(_) if !td.is_exception => Opcode::LOAD_METHOD_WITH_VALUES,
            _ => return Err("instance of a class with an extension"),
        },
        // Objects whose type never gives them a __dict__.
        Layout::Str
        | Layout::Bytes
        | Layout::BigInt
        | Layout::Bool
        | Layout::List
        | Layout::Tuple
        | Layout::Dict
        | Layout::Set
        | Layout::Range
        | Layout::Complex
        | Layout::Iter
        | Layout::RangeIter
        | Layout::SeqIter
        | Layout::DictView
        | Layout::Slice
        | Layout::Unboxed
        | Layout::NoneType => Opcode::LOAD_METHOD_NO_DICT,
        _ => return Err("receiver kind not specialized"),
    };
    s.unit(1).set(version(ty)?);
    s.set_u64(3, d.0);
    Ok(op)
}
