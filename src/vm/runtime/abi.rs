//! C-ABI entry points for machine code (the JIT's generic stencils): each returns the result
//! Value, or NULL with the exception left in `vm.abi_error`.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::value::Value;

fn ret(vm: &mut Vm, r: PyResult) -> Value {
    match r {
        Ok(v) => v,
        Err(e) => {
            vm.abi_error = e;
            Value::NULL
        }
    }
}

pub extern "C" fn cpjit_binary_op(vm: &mut Vm, op: u32, a: Value, b: Value) -> Value {
    let r = super::ops::binary_op(vm, op, a, b);
    ret(vm, r)
}

pub extern "C" fn cpjit_compare_op(vm: &mut Vm, op: u32, a: Value, b: Value) -> Value {
    let r = super::compare::compare(vm, op, a, b);
    ret(vm, r)
}

pub extern "C" fn cpjit_getattr(vm: &mut Vm, obj: Value, name: Value) -> Value {
    let r = super::attr::getattr(vm, obj, name);
    ret(vm, r)
}

pub extern "C" fn cpjit_getitem(vm: &mut Vm, c: Value, k: Value) -> Value {
    let r = super::subscr::getitem(vm, c, k);
    ret(vm, r)
}

/// Truthiness: 1 true, 0 false, -1 error.
pub extern "C" fn cpjit_truthy(vm: &mut Vm, v: Value) -> i32 {
    match super::compare::truthy(vm, v) {
        Ok(b) => b as i32,
        Err(e) => {
            vm.abi_error = e;
            -1
        }
    }
}
