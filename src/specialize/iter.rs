//! FOR_ITER and UNPACK_SEQUENCE.

use super::{Reason, Site};
use crate::bytecode::opcode::Opcode;
use crate::vm::interp::Vm;
use crate::vm::object::{as_list, as_tuple, obj_type};

pub fn for_iter(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let it = s.peek(0);
    if !it.is_ptr() {
        return Err("not an object");
    }
    let t = obj_type(it);
    if t == vm.t.range_iterator {
        Ok(Opcode::FOR_ITER_RANGE)
    } else if t == vm.t.list_iterator {
        Ok(Opcode::FOR_ITER_LIST)
    } else if t == vm.t.tuple_iterator {
        Ok(Opcode::FOR_ITER_TUPLE)
    } else if t == vm.t.generator {
        Ok(Opcode::FOR_ITER_GEN)
    } else {
        Err("other iterator type")
    }
}

pub fn unpack_sequence(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let v = s.peek(0);
    let n = s.oparg as usize;
    if !v.is_ptr() {
        return Err("not a sequence");
    }
    let t = obj_type(v);
    if t == vm.t.tuple {
        if as_tuple(v).map(|x| x.len()) != Some(n) {
            return Err("tuple of another length");
        }
        return Ok(if n == 2 {
            Opcode::UNPACK_SEQUENCE_TWO_TUPLE
        } else {
            Opcode::UNPACK_SEQUENCE_TUPLE
        });
    }
    if t == vm.t.list {
        if as_list(v).map(|x| x.len()) != Some(n) {
            return Err("list of another length");
        }
        return Ok(Opcode::UNPACK_SEQUENCE_LIST);
    }
    Err("other sequence type")
}
