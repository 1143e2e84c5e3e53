//! LOAD_NAME / STORE_NAME / DELETE_NAME on a frame's locals mapping: an exact dict (the usual
//! case) directly, any other mapping (a dict subclass from a metaclass's `__prepare__`, the
//! `locals` argument of `exec`/`eval`) through its `__getitem__` / `__setitem__` /
//! `__delitem__`, as CPython does.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

fn is_exact_dict(vm: &Vm, d: Value) -> bool {
    d.is_ptr() && obj_type(d) == vm.t.dict
}

/// `locals[name]`, None when the mapping raises KeyError.
pub fn load(vm: &mut Vm, locals: Value, name: Value) -> PyResult<Option<Value>> {
    if is_exact_dict(vm, locals) {
        return Ok(super::dict::dict_get_str(vm, locals, name));
    }
    match super::subscr::getitem(vm, locals, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.isinstance(e, vm.t.exc("KeyError")) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `locals[name] = v`.
pub fn store(vm: &mut Vm, locals: Value, name: Value, v: Value) -> PyResult<()> {
    if is_exact_dict(vm, locals) {
        return super::dict::dict_set(vm, locals, name, v);
    }
    super::subscr::setitem(vm, locals, name, v)
}

/// `del locals[name]`; false when the name is not there.
pub fn delete(vm: &mut Vm, locals: Value, name: Value) -> PyResult<bool> {
    if is_exact_dict(vm, locals) {
        return Ok(super::dict::dict_del(vm, locals, name)?.is_some());
    }
    match super::subscr::delitem(vm, locals, name) {
        Ok(()) => Ok(true),
        Err(e) if vm.isinstance(e, vm.t.exc("KeyError")) => Ok(false),
        Err(e) => Err(e),
    }
}
