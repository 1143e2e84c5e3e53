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
use crate::vm::eval::{self, Step};
use crate::vm::frame::Frame;
use crate::vm::framestack::{frame_code, FramePtr};
use crate::vm::interp::Vm;
use crate::vm::object::as_code;
use crate::vm::value::Value;

/// Per-thread state compiled code reads and writes (offsets in `jit::abi`).
#[repr(C)]
#[derive(Debug)]
pub struct JitContext {
    /// Written by RETURN_VALUE (and YIELD_VALUE, `EXIT_YIELD`).
    pub return_value: Value,
    /// A generic runtime function sets it to 1 to take its instruction's jump.
    pub branch: u32,
    /// Nonzero makes JUMP_BACKWARD exit to the interpreter (signals, GC requests).
    pub eval_breaker: AtomicU32,
    /// Backward jumps left before JUMP_BACKWARD exits (the step budget's share of compiled code).
    pub backedges: u32,
    /// Why a runtime function returned null: [`EXIT_RAISED`] or [`EXIT_RESUME`].
    pub exit_kind: u32,
    /// Where `_SWITCH` continues: the frame and its stack pointer (`jit::ops`).
    pub next_frame: *mut Frame,
    pub next_sp: *mut Value,
    /// The frame the driver entered compiled code with: a return from it leaves compiled code.
    pub entry_frame: *mut Frame,
    /// The `Vm` (as an opaque pointer: the VM's type is not part of the ABI).
    pub vm: *mut (),
    /// KW_NAMES's operand, pending for the next CALL.
    pub kwnames: Value,
    /// With `EXIT_RAISED`: the exception, the raising instruction, and whether it is a re-raise.
    pub exception: Value,
    pub error_at: u32,
    pub reraise: u32,
    /// Instructions run through their runtime function (for `--stats`).
    pub steps: u64,
    /// Calls and returns `_SWITCH` continued in compiled code (for `--stats`).
    pub switched_calls: u64,
    pub switched_returns: u64,
}

/// `JitContext::exit_kind`: the runtime function raised (`exception`, `error_at`).
pub const EXIT_RAISED: u32 = 0;
/// `JitContext::exit_kind`: resume the interpreter from the frame's state (an instruction the
/// runtime function would not run, or one that continued somewhere compiled code cannot follow).
pub const EXIT_RESUME: u32 = 1;
/// `JitContext::exit_kind`: the instruction called a Python function, whose frame is now current
/// (`vm.current`) with the caller synced to resume after the call.
pub const EXIT_CALL: u32 = 2;
/// `JitContext::exit_kind`: a guard of a runtime function (`jit::ops`) failed; the frame is
/// synced to resume the interpreter at the instruction with the stack untouched.
pub const EXIT_DEOPT: u32 = 3;
/// `JitContext::exit_kind` with `JIT_STATUS_RETURN`: YIELD_VALUE ran in the entry frame (a
/// generator's), synced after it; `return_value` is the value yielded.
pub const EXIT_YIELD: u32 = 4;

impl JitContext {
    pub fn new() -> JitContext {
        JitContext {
            return_value: Value::NULL,
            branch: 0,
            eval_breaker: AtomicU32::new(0),
            backedges: u32::MAX,
            exit_kind: EXIT_RAISED,
            next_frame: std::ptr::null_mut(),
            next_sp: std::ptr::null_mut(),
            entry_frame: std::ptr::null_mut(),
            vm: std::ptr::null_mut(),
            kwnames: Value::NULL,
            exception: Value::NULL,
            error_at: 0,
            reraise: 0,
            steps: 0,
            switched_calls: 0,
            switched_returns: 0,
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
    assert!(std::mem::offset_of!(JitContext, backedges) == JIT_CTX_BACKEDGES_OFFSET as usize);
    assert!(std::mem::offset_of!(JitContext, next_frame) == JIT_CTX_NEXT_FRAME_OFFSET as usize);
    assert!(std::mem::offset_of!(JitContext, next_sp) == JIT_CTX_NEXT_SP_OFFSET as usize);
    assert!(std::mem::offset_of!(JitContext, entry_frame) == JIT_CTX_ENTRY_FRAME_OFFSET as usize);
    assert!(std::mem::offset_of!(JitContext, vm) == JIT_CTX_VM_OFFSET as usize);
    assert!(std::mem::offset_of!(JitContext, kwnames) == JIT_CTX_KWNAMES_OFFSET as usize);
    assert!(
        std::mem::offset_of!(JitContext, switched_calls) == JIT_CTX_SWITCHED_CALLS_OFFSET as usize
    );
    assert!(
        std::mem::offset_of!(JitContext, switched_returns)
            == JIT_CTX_SWITCHED_RETURNS_OFFSET as usize
    );
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

/// The `_ENTRY` trampoline: `(frame, ctx, target) -> status` (a `JIT_STATUS_*`). build.rs gives it
/// Cranelift's `CallConv::SystemV`, which is the platform C convention on both targets (System V
/// on x86-64, AAPCS64 on AArch64 Linux), so the Rust side is plain `extern "C"` and builds on both.
pub type EntryFn =
    unsafe extern "C" fn(frame: *mut Frame, ctx: *mut JitContext, target: *const u8) -> i64;

/// What the VM provides to compile a region: values and addresses stencils embed.
pub struct RuntimeSymbols<'a> {
    pub true_value: Value,
    pub false_value: Value,
    pub none_value: Value,
    /// Address of the range iterator's type object (FOR_ITER_RANGE's guard).
    pub range_iter_type: *const u8,
    /// Address of the cell type object (LOAD_DEREF/STORE_DEREF's guard), or null (then those
    /// stencils fail to stitch).
    pub cell_type: *const u8,
    /// The first word of the attribute site at a code unit (`inline_cache::full_site`), or
    /// null (the stencils probing it then find an empty site).
    pub attr_site: &'a dyn Fn(usize) -> *const u8,
    /// Address of the type epoch (`inline_cache::epoch_address`), or null (then the attribute
    /// stencils probing sites fail to stitch).
    pub type_epoch: *const u8,
    /// Address of `type` (LOAD_ATTR_CLASS's guard that the object is a plain class), or null
    /// (then that stencil fails to stitch).
    pub type_type: *const u8,
    /// Address of the tuple type object (the tuple stencils' guard that a value is an exact
    /// tuple), or null (then those stencils fail to stitch).
    pub tuple_type: *const u8,
    /// Address of the dict type object (LOAD_GLOBAL's guard that the globals and builtins are
    /// exact dicts), or null (then those stencils fail to stitch).
    pub dict_type: *const u8,
    /// Address of the module type object (LOAD_ATTR_MODULE / LOAD_METHOD_MODULE's guard that a
    /// value is an exact module), or null (then those stencils fail to stitch).
    pub module_type: *const u8,
    /// Address of the tuple iterator type object (FOR_ITER_TUPLE's guard), or null (then those stencils fail to stitch).
    pub tuple_iter_type: *const u8,
    /// Address of the list iterator type object (FOR_ITER_LIST's guard), or null (then those stencils fail to stitch).
    pub list_iter_type: *const u8,
    /// Address of the list type object (the list stencils' guard that a value is an exact list), or null (then those stencils fail to stitch).
    pub list_type: *const u8,
    /// Address of the function type object (`_CALL_PY`'s guard), or null (then calls and
    /// returns compile as `_SWITCH`).
    pub function_type: *const u8,
    /// Whether CALL_PY_EXACT_ARGS and RETURN_VALUE switch frames in compiled code (`_CALL_PY`,
    /// `_RETURN`) where they can, rather than always through their runtime function (which
    /// `--stats` needs: it counts the specialized instructions' hits).
    pub inline_calls: bool,
    /// The runtime function of a `Generic` opcode; `None` makes the instruction exit to the
    /// interpreter instead.
    pub generic_fn: &'a dyn Fn(Opcode) -> Option<GenericFn>,
    /// The runtime function of an instruction compiled as the `_SWITCH` stencil (a Python call or
    /// return that continues in another frame's compiled code): it returns a `JIT_STATUS_*` or the
    /// address of the stencil to continue at, with `JitContext::next_frame`/`next_sp` set. `None`:
    /// the instruction compiles as usual.
    pub switch_fn: &'a dyn Fn(Opcode) -> Option<GenericFn>,
    /// The first code unit of the live quickened code the region is compiled from (stencils read
    /// an instruction's inline cache there: `_JIT_CACHE`), or null when there is none (then a
    /// stencil that needs it fails to stitch).
    pub cache: *const u8,
    /// Instructions (by code unit index) to compile as a call of their runtime function even though
    /// they have a stencil of their own (the driver demotes guards that keep failing).
    pub as_step: &'a dyn Fn(usize) -> bool,
    /// LOAD_FASTs (by code unit index) whose local is bound on every path (`jit::bound`): their
    /// stencil skips the unbound check.
    pub proven_bound: &'a dyn Fn(usize) -> bool,
    /// Attribute instructions (by code unit index) whose stencils get the values their inline
    /// cache holds now patched in (the `compiled-in cache` variant) rather than reading the live
    /// cache at run time (`live cache`): the driver's choice for sites that have seen one class.
    pub burn_cache: &'a dyn Fn(usize) -> bool,
    /// Whether generic instructions on the host call their runtime function through a shared
    /// stub (`jit::call_stub`) rather than with the whole `GENERIC` stencil at each site.
    pub call_stubs: bool,
}

/// The first slot of `frame`'s `localsplus`.
///
/// # Safety
/// `frame` points to a live frame.
pub unsafe fn frame_slots(frame: *mut Frame) -> *mut Value {
    // SAFETY: `localsplus` directly follows the header (`FRAME_LOCALSPLUS_OFFSET`).
    unsafe {
        (frame as *mut u8).add(crate::vm::abi::FRAME_LOCALSPLUS_OFFSET as usize) as *mut Value
    }
}

/// The runtime function of every instruction compiled without a stencil of its own: runs the
/// interpreter's code for the one instruction at `instr_index` (`vm::eval::step`) on the frame.
///
/// Returns the new stack pointer and sets `ctx.branch` when the instruction took its jump, or
/// returns null with `ctx.exit_kind` saying whether it raised or the interpreter must continue
/// (a call of a Python function, or any other continuation compiled code cannot follow).
///
/// # Safety
/// `frame` is the current frame of the `Vm` in `ctx.vm`, `sp` points into its value stack one past
/// the top, and `instr_index` starts an instruction of its code (`GenericFn`'s contract).
pub unsafe extern "C" fn generic_step(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    instr_index: u64,
) -> *mut Value {
    // SAFETY: the entry trampoline passes the context `hook` created on its stack, whose `vm`
    // points to the `Vm` running this frame; `hook` holds no reference into the Vm while the
    // compiled code runs.
    let ctx = unsafe { &mut *ctx };
    let vm = unsafe { &mut *(ctx.vm as *mut Vm) };
    let fp = FramePtr(frame);
    // SAFETY: `frame` is a live frame (the contract above).
    let base = unsafe { frame_slots(frame) };
    let fr = fp.get();
    let nlp = fr.nlocalsplus as usize;
    // SAFETY: `sp` and `base` point into the same frame's slots.
    let depth = unsafe { sp.offset_from(base) } as usize - nlp;
    fr.instr_index = instr_index as u32;
    fr.stack_depth = depth as u32;
    ctx.steps += 1;
    if super::driver::stats_enabled() {
        if let Some(cd) = as_code(frame_code(fr)) {
            super::driver::count_step(cd, instr_index as usize);
        }
    }
    let mut kwnames = ctx.kwnames;
    let mut outcome = Step::Done;
    let guarded = crate::vm::panic_guard::guard(vm, |vm| {
        outcome = eval::step(vm, fp, &mut kwnames);
        Ok(Value::NULL)
    });
    ctx.kwnames = kwnames;
    if let Err(exc) = guarded {
        outcome = Step::Raised {
            exc,
            at: instr_index as u32,
            reraise: false,
        };
    }
    match outcome {
        Step::Done if vm.current != fp => {
            ctx.exit_kind = EXIT_CALL;
            std::ptr::null_mut()
        }
        Step::Done => {
            let fr = fp.get();
            let next = fr.instr_index as u64;
            // SAFETY: the step left `stack_depth` values on this frame's stack.
            let new_sp = unsafe { base.add(nlp + fr.stack_depth as usize) };
            let Some(cd) = as_code(frame_code(fr)) else {
                ctx.exit_kind = EXIT_RESUME;
                return std::ptr::null_mut();
            };
            let op = cd
                .adaptive
                .get(instr_index as usize)
                .and_then(|w| Opcode::from_u8(w.get() as u8));
            let fallthrough = instr_index + 1 + op.map_or(0, |o| o.cache_units() as u64);
            if vm.heap.should_collect() {
                ctx.eval_breaker
                    .store(1, std::sync::atomic::Ordering::Relaxed);
            }
            if next == fallthrough {
                new_sp
            } else if next == oparg && op.is_some_and(|o| o.is_jump()) {
                ctx.branch = 1;
                new_sp
            } else {
                ctx.exit_kind = EXIT_RESUME;
                std::ptr::null_mut()
            }
        }
        Step::Declined => {
            ctx.exit_kind = EXIT_RESUME;
            std::ptr::null_mut()
        }
        Step::Raised { exc, at, reraise } => {
            ctx.exit_kind = EXIT_RAISED;
            ctx.exception = exc;
            ctx.error_at = at;
            ctx.reraise = reraise as u32;
            std::ptr::null_mut()
        }
    }
}
