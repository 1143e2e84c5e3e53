//! The PEP 659 specializer: decides, for a generic (adaptive) instruction whose counter ran out,
//! which specialized form fits the operands it sees now, fills that form's inline cache units
//! and rewrites the instruction in place (`vm::code::CodeData::adaptive`). The specialized
//! forms themselves are VM instructions (`vm::eval`); this layer sits above the VM and is
//! reached through the hook `vm::adaptive::install_specializer`.
//!
//! One file per family group: `arith` (BINARY_OP, COMPARE_OP), `global` (LOAD_GLOBAL), `attr`
//! (LOAD_ATTR, STORE_ATTR, LOAD_METHOD), `call` (CALL), `subscr` (BINARY_SUBSCR, STORE_SUBSCR),
//! `iter` (FOR_ITER, UNPACK_SEQUENCE). Each returns the specialized opcode or the reason it
//! cannot specialize (reported by `--stats`).
//!
//! Cache units after an instruction (unit 0 is always the counter, see `vm::adaptive`):
//!
//! | family | units 1.. |
//! |---|---|
//! | LOAD_GLOBAL (6) | 1-2 globals keys version (dict shape), 3-4 builtins keys version, 5 entry index |
//! | LOAD_ATTR / STORE_ATTR / LOAD_METHOD (7) | 1 type version (or 1-2 module dict shape), 2 shared-key index (instance values) or slot-storage entry index (3: module dict entry; LOAD_METHOD_CLASS: 1 = a classmethod's function; LOAD_METHOD_SUPER: 2 = the super's class's version), 3-4 cached value |
//! | CALL (3) | 1-2 the built-in callable (CALL_LEN, CALL_ISINSTANCE, CALL_*_1, CALL_LIST_APPEND, CALL_BUILTIN_CLASS); 1 the class's type version (CALL_ALLOC_AND_ENTER_INIT) |
//! | BINARY_OP, COMPARE_OP, BINARY_SUBSCR, STORE_SUBSCR, FOR_ITER, UNPACK_SEQUENCE (1) | none |

mod arith;
mod attr;
mod call;
mod global;
mod iter;
mod subscr;

use std::cell::Cell;

use crate::bytecode::opcode::Opcode;
use crate::vm::adaptive;
use crate::vm::framestack::FramePtr;
use crate::vm::interp::Vm;
use crate::vm::object::CodeData;
use crate::vm::value::Value;

/// Makes the VM call this specializer (once per process; the VM reads it when created).
pub fn install() {
    adaptive::install_specializer(specialize);
}

/// Why an instruction stays generic.
pub type Reason = &'static str;

/// What a family's specializer sees.
pub struct Site<'a> {
    pub cd: &'a CodeData,
    pub f: FramePtr,
    /// The instruction's index in the quickened code.
    pub at: usize,
    pub oparg: u32,
    /// The live value stack (the operands are at its end).
    pub stack: &'a [Value],
}

impl Site<'_> {
    /// The `i`-th inline cache unit of the instruction (0 is the counter).
    pub fn unit(&self, i: usize) -> &Cell<u32> {
        &self.cd.adaptive[self.at + 1 + i]
    }
    pub fn set_u64(&self, i: usize, v: u64) {
        adaptive::write_u64(&self.cd.adaptive[self.at + 1..], i, v);
    }
    /// The instruction `n` code units after this one (None past the end).
    pub fn next_op(&self, n: usize) -> Option<(Opcode, u32)> {
        let w = self.cd.adaptive.get(self.at + n)?.get();
        Opcode::from_u8(w as u8).map(|o| (o, w >> 8))
    }
    /// The operand `i` places below the top of the stack (0 = TOS).
    pub fn peek(&self, i: usize) -> Value {
        self.stack[self.stack.len() - 1 - i]
    }
}

fn specialize(vm: &mut Vm, cd: &CodeData, f: FramePtr, at: usize, stack: &[Value]) {
    let w = cd.adaptive[at].get();
    let Some(op) = Opcode::from_u8(w as u8) else {
        return;
    };
    let site = Site {
        cd,
        f,
        at,
        oparg: w >> 8,
        stack,
    };
    let r = match op {
        Opcode::BINARY_OP => arith::binary_op(vm, &site),
        Opcode::COMPARE_OP => arith::compare_op(vm, &site),
        Opcode::LOAD_GLOBAL => global::load_global(vm, &site),
        Opcode::LOAD_ATTR => attr::load_attr(vm, &site),
        Opcode::STORE_ATTR => attr::store_attr(vm, &site),
        Opcode::LOAD_METHOD => attr::load_method(vm, &site),
        Opcode::CALL => call::call(vm, &site),
        Opcode::BINARY_SUBSCR => subscr::binary_subscr(vm, &site),
        Opcode::STORE_SUBSCR => subscr::store_subscr(vm, &site),
        Opcode::FOR_ITER => iter::for_iter(vm, &site),
        Opcode::UNPACK_SEQUENCE => iter::unpack_sequence(vm, &site),
        _ => return,
    };
    let counter = site.unit(0);
    match r {
        Ok(to) => {
            debug_assert_eq!(to.generic(), op);
            cd.adaptive[at].set((w & !0xFF) | to as u32);
            counter.set(adaptive::cooldown(counter.get(), vm.mode));
            if let Some(s) = vm.stats.as_deref_mut() {
                s.success(op, to);
            }
        }
        Err(reason) => {
            counter.set(adaptive::backoff(counter.get(), vm.mode));
            if let Some(s) = vm.stats.as_deref_mut() {
                s.failure(op, reason);
            }
        }
    }
}
