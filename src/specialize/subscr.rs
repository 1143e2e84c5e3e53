//! BINARY_SUBSCR and STORE_SUBSCR.

use super::{Reason, Site};
use crate::bytecode::opcode::Opcode;
use crate::vm::interp::Vm;
use crate::vm::object::obj_type;

pub fn binary_subscr(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let (c, k) = (s.peek(1), s.peek(0));
    if !c.is_ptr() {
        return Err("container is an int or float");
    }
    let t = obj_type(c);
    if t == vm.t.dict {
        return Ok(Opcode::BINARY_SUBSCR_DICT);
    }
    if !k.is_small_int() {
        return Err("index is not a small int");
    }
    if t == vm.t.list {
        Ok(Opcode::BINARY_SUBSCR_LIST_INT)
    } else if t == vm.t.tuple {
        Ok(Opcode::BINARY_SUBSCR_TUPLE_INT)
    } else if t == vm.t.str_ {
        Ok(Opcode::BINARY_SUBSCR_STR_INT)
    } else {
        Err("other container type")
    }
}

pub fn store_subscr(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let (c, k) = (s.peek(1), s.peek(0));
    if !c.is_ptr() {
        return Err("container is an int or float");
    }
    let t = obj_type(c);
    if t == vm.t.dict {
        return Ok(Opcode::STORE_SUBSCR_DICT);
    }
    if t == vm.t.list {
        if k.is_small_int() {
            return Ok(Opcode::STORE_SUBSCR_LIST_INT);
        }
        return Err("list index is not a small int");
    }
    Err("other container type")
}
