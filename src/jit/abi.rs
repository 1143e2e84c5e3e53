// The JIT's own ABI numbers: the runtime context and the objects stencils read directly.
//
// Like `vm::abi`, this file is `include!`d by build.rs (the stencil compiler) as well as compiled into
// the crate, so it holds only plain constants: no `use`, no crate paths. `jit::runtime` asserts at
// compile time that these numbers match the `repr(C)` structs it defines.

/// Exit status returned by a stencil chain to the entry trampoline (`jit::runtime::JitExit`).
/// RETURN_VALUE ran: the returned value is in `JitContext::return_value`.
pub const JIT_STATUS_RETURN: i64 = 0;
/// A guard failed, or the region ends: resume the interpreter at `frame.instr_index` with
/// `frame.stack_depth` live stack values (written by the `_DEOPT` stub).
pub const JIT_STATUS_DEOPT: i64 = 1;
/// A runtime function raised: the exception is pending in the VM and the runtime function has written
/// `frame.instr_index` and `frame.stack_depth` itself.
pub const JIT_STATUS_ERROR: i64 = 2;

/// Byte offsets of `jit::runtime::JitContext` fields.
/// `Value`: written by RETURN_VALUE.
pub const JIT_CTX_RETURN_VALUE_OFFSET: i32 = 0;
/// `u32`: a generic runtime function sets it to 1 to take its instruction's jump; the generic stencil
/// clears it.
pub const JIT_CTX_BRANCH_OFFSET: i32 = 8;
/// `u32`: nonzero asks JUMP_BACKWARD to exit to the interpreter (signals, GC, tracing).
pub const JIT_CTX_EVAL_BREAKER_OFFSET: i32 = 12;
/// `u32`: backward jumps compiled code may still take before it exits to the interpreter (which
/// then spends the step budget the jumps used and reaches its safepoint); JUMP_BACKWARD exits when
/// it is 0 and decrements it otherwise.
pub const JIT_CTX_BACKEDGES_OFFSET: i32 = 16;
/// `*mut Frame`, `*mut Value`: where the `_SWITCH` stencil continues (the frame and its stack
/// pointer) when its runtime function returns a stencil's address.
pub const JIT_CTX_NEXT_FRAME_OFFSET: i32 = 24;
pub const JIT_CTX_NEXT_SP_OFFSET: i32 = 32;
/// `*mut Frame`: the frame the driver entered compiled code with (a return from it leaves).
pub const JIT_CTX_ENTRY_FRAME_OFFSET: i32 = 40;
/// `*mut Vm`.
pub const JIT_CTX_VM_OFFSET: i32 = 48;
/// `Value`: KW_NAMES's operand pending for the next CALL, or NULL.
pub const JIT_CTX_KWNAMES_OFFSET: i32 = 56;
/// `u64`s: calls and returns continued in compiled code (for `--stats`).
pub const JIT_CTX_SWITCHED_CALLS_OFFSET: i32 = 88;
pub const JIT_CTX_SWITCHED_RETURNS_OFFSET: i32 = 96;

/// Byte offsets of the range iterator object (`jit::runtime::RangeIterLayout`) that FOR_ITER_RANGE
/// reads and updates in place; the VM's range iterator must have this layout.
/// `i64`: the next value to produce.
pub const RANGE_ITER_NEXT_OFFSET: i32 = 16;
/// `i64`: the step.
pub const RANGE_ITER_STEP_OFFSET: i32 = 24;
/// `i64`: how many values remain (<= 0 when exhausted).
pub const RANGE_ITER_LEN_OFFSET: i32 = 32;

/// Comparison operator codes (the oparg of COMPARE_OP*), CPython's `Py_LT`..`Py_GE`.
pub const CMP_LT: u32 = 0;
pub const CMP_LE: u32 = 1;
pub const CMP_EQ: u32 = 2;
pub const CMP_NE: u32 = 3;
pub const CMP_GT: u32 = 4;
pub const CMP_GE: u32 = 5;
