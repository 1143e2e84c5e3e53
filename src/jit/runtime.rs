//! The JIT ↔ VM ABI: what compiled code expects of the VM and what it hands back.
//!
//! Compiled code is entered through the `_ENTRY` trampoline with a frame, a [`JitContext`] and the
//! address of the instruction to start at; it runs until RETURN_VALUE, a guard failure (deopt) or an
//! error in a runtime function, and returns a [`JitExit`]. Nothing here depends on the evaluation
//! loop: the VM supplies [`RuntimeSymbols`] (singleton addresses, the range iterator type and a
//! runtime function per generic opcode) when it compiles a region.

use std::sync::atomic::AtomicU32;

use super::abi::*;
use crate::bytecode::opcode::Opcode;
use crate::vm::frame::Frame;
use crate::vm::value::Value;

/// Per-thread state compiled code reads and writes (offsets in `jit::abi`).
#[repr(C)]
#[derive(Debug)]
pub struct JitContext {
    /// Written by RETURN_VALUE.
    pub return_value: Value,
    /// A generic runtime function sets it to 1 to take its instruction's jump.
    pub branch: u32,
    /// Nonzero makes JUMP_BACKWARD exit to the interpreter (signals, GC requests).
    pub eval_breaker: AtomicU32,
}

impl JitContext {
    pub fn new() -> JitContext {
        JitContext {
            return_value: Value::NULL,
            branch: 0,
            eval_breaker: AtomicU32::new(0),
        }
    }
}

impl Default for JitContext {
    fn default() -> Self {
        JitContext::new()
    }
}

/// The range iterator layout FOR_ITER_RANGE reads and updates in place. The VM's range iterator
/// object must be laid out like this (it may embed this struct as its first field).
#[repr(C)]
#[derive(Debug)]
pub struct RangeIterLayout {
    /// `ObjHeader`: type pointer and GC word.
    pub header: [u64; 2],
    /// The next value to produce.
    pub next: i64,
    pub step: i64,
    /// How many values remain.
    pub len: i64,
}

const _: () = {
    assert!(std::mem::offset_of!(JitContext, return_value) == JIT_CTX_RETURN_VALUE_OFFSET as usize);
    assert!(std::mem::offset_of!(JitContext, branch) == JIT_CTX_BRANCH_OFFSET as usize);
    assert!(std::mem::offset_of!(JitContext, eval_breaker) == JIT_CTX_EVAL_BREAKER_OFFSET as usize);
    assert!(std::mem::offset_of!(RangeIterLayout, next) == RANGE_ITER_NEXT_OFFSET as usize);
    assert!(std::mem::offset_of!(RangeIterLayout, step) == RANGE_ITER_STEP_OFFSET as usize);
    assert!(std::mem::offset_of!(RangeIterLayout, len) == RANGE_ITER_LEN_OFFSET as usize);
    assert!(RANGE_ITER_NEXT_OFFSET == crate::vm::abi::OBJ_HEADER_SIZE);
    // COMPARE_OP_* variants are selected by the compiler's comparison codes.
    use crate::bytecode::opcode::cmp;
    assert!(CMP_LT == cmp::LT && CMP_LE == cmp::LE && CMP_EQ == cmp::EQ);
    assert!(CMP_NE == cmp::NE && CMP_GT == cmp::GT && CMP_GE == cmp::GE);
};

/// How compiled code left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JitExit {
    /// RETURN_VALUE ran; the value is in `JitContext::return_value`.
    Return,
    /// Resume the interpreter at `frame.instr_index` with `frame.stack_depth` live stack slots.
    Deopt,
    /// A runtime function raised; it has written `frame.instr_index` and `frame.stack_depth`.
    Error,
}

impl JitExit {
    pub fn from_status(status: i64) -> Option<JitExit> {
        match status {
            JIT_STATUS_RETURN => Some(JitExit::Return),
            JIT_STATUS_DEOPT => Some(JitExit::Deopt),
            JIT_STATUS_ERROR => Some(JitExit::Error),
            _ => None,
        }
    }
}

/// The runtime function a generic instruction's stencil calls:
/// `(frame, sp, ctx, oparg, instr_index) -> new sp`, or null after raising. `sp` points one past the
/// top of the value stack; the function pops its inputs and pushes its outputs there and returns the
/// new stack pointer. To take the instruction's jump it sets `ctx.branch = 1`. Before anything that
/// can raise or collect garbage it must store `frame.stack_depth` (from `sp`) and
/// `frame.instr_index`. JIT frames have no unwind information: a runtime function must report
/// errors by returning null, never unwind (a Rust panic in an `extern "C"` function aborts).
pub type GenericFn = unsafe extern "C" fn(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    instr_index: u64,
) -> *mut Value;

/// The `_ENTRY` trampoline: `(frame, ctx, target) -> status` (a `JIT_STATUS_*`).
pub type EntryFn =
    unsafe extern "sysv64" fn(frame: *mut Frame, ctx: *mut JitContext, target: *const u8) -> i64;

/// What the VM provides to compile a region: values and addresses stencils embed.
pub struct RuntimeSymbols<'a> {
    pub true_value: Value,
    pub false_value: Value,
    pub none_value: Value,
    /// Address of the range iterator's type object (FOR_ITER_RANGE's guard).
    pub range_iter_type: *const u8,
    /// The runtime function of a `Generic` opcode; `None` makes the instruction exit to the
    /// interpreter instead.
    pub generic_fn: &'a dyn Fn(Opcode) -> Option<GenericFn>,
}
