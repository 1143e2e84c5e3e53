//! BINARY_OP and COMPARE_OP.

use super::{Reason, Site};
use crate::bytecode::opcode::{cmp, nb, Opcode};
use crate::vm::interp::Vm;
use crate::vm::object::obj_type;
use crate::vm::value::Value;

fn exact_str(vm: &Vm, v: Value) -> bool {
    v.is_ptr() && obj_type(v) == vm.t.str_
}

pub fn binary_op(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let (a, b) = (s.peek(1), s.peek(0));
    let op = s.oparg % nb::INPLACE;
    if a.is_small_int() && b.is_small_int() {
        return match op {
            nb::ADD => Ok(Opcode::BINARY_OP_ADD_INT),
            nb::SUBTRACT => Ok(Opcode::BINARY_OP_SUBTRACT_INT),
            nb::MULTIPLY => Ok(Opcode::BINARY_OP_MULTIPLY_INT),
            nb::TRUE_DIVIDE => Ok(Opcode::BINARY_OP_NUMERIC_FLOAT),
            nb::FLOOR_DIVIDE | nb::REMAINDER | nb::AND | nb::OR | nb::XOR | nb::RSHIFT => {
                Ok(Opcode::BINARY_OP_SMALL_INT)
            }
            _ => Err("int: operator without a specialized form"),
        };
    }
    if a.is_float() && b.is_float() {
        return match op {
            nb::ADD => Ok(Opcode::BINARY_OP_ADD_FLOAT),
            nb::SUBTRACT => Ok(Opcode::BINARY_OP_SUBTRACT_FLOAT),
            nb::MULTIPLY => Ok(Opcode::BINARY_OP_MULTIPLY_FLOAT),
            nb::TRUE_DIVIDE | nb::POWER => Ok(Opcode::BINARY_OP_NUMERIC_FLOAT),
            _ => Err("float: operator without a specialized form"),
        };
    }
    if (a.is_small_int() || a.is_float()) && (b.is_small_int() || b.is_float()) {
        return match op {
            nb::ADD | nb::SUBTRACT | nb::MULTIPLY | nb::TRUE_DIVIDE => {
                Ok(Opcode::BINARY_OP_NUMERIC_FLOAT)
            }
            _ => Err("mixed int and float"),
        };
    }
    if exact_str(vm, a) && exact_str(vm, b) {
        if op != nb::ADD {
            return Err("str: operator without a specialized form");
        }
        // `s += t` stored straight back into a local (the STORE_FAST after the cache unit).
        if s.oparg == nb::ADD + nb::INPLACE {
            if let Some((Opcode::STORE_FAST, _)) = s.next_op(2) {
                return Ok(Opcode::BINARY_OP_INPLACE_ADD_UNICODE);
            }
        }
        return Ok(Opcode::BINARY_OP_ADD_UNICODE);
    }
    if (a.is_small_int() || a.is_float()) && (b.is_small_int() || b.is_float()) {
        return Err("mixed int and float");
    }
    if a.is_small_int() || b.is_small_int() || a.is_float() || b.is_float() {
        return Err("a number with another type (or a big int)");
    }
    Err("other operand types")
}

pub fn compare_op(vm: &mut Vm, s: &Site) -> Result<Opcode, Reason> {
    let (a, b) = (s.peek(1), s.peek(0));
    // Fused with a following conditional jump (after the one cache unit)?
    let jump = matches!(
        s.next_op(2),
        Some((Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE, _))
    );
    if a.is_small_int() && b.is_small_int() {
        return Ok(if jump {
            Opcode::COMPARE_OP_INT_JUMP
        } else {
            Opcode::COMPARE_OP_INT
        });
    }
    if a.is_float() && b.is_float() {
        return Ok(if jump {
            Opcode::COMPARE_OP_FLOAT_JUMP
        } else {
            Opcode::COMPARE_OP_FLOAT
        });
    }
    if exact_str(vm, a) && exact_str(vm, b) {
        if s.oparg != cmp::EQ && s.oparg != cmp::NE {
            return Err("str: ordering comparison");
        }
        return Ok(if jump {
            Opcode::COMPARE_OP_STR_JUMP
        } else {
            Opcode::COMPARE_OP_STR
        });
    }
    Err("other operand types")
}
