//! Frames: one `repr(C)` struct per executing call, laid out for machine code (see `vm::abi`).
//!
//! `localsplus` is a trailing array: `nlocalsplus` slots of locals/cells/frees followed by the value
//! stack, so the JIT addresses local `i` at `frame + FRAME_LOCALSPLUS_OFFSET + 8*i` and stack slot `d` at
//! `frame + FRAME_LOCALSPLUS_OFFSET + 8*(nlocalsplus + d)`. `instr_index` always names the next
//! instruction, so the interpreter can resume a frame at any instruction (deopt, generators).

use super::abi::*;
use super::value::Value;

/// `Frame::flags`: an `__init__` frame CALL_ALLOC_AND_ENTER_INIT pushed, whose caller already
/// holds the new instance as the call's result: its return value must be None and is not pushed
/// (`eval::return_into_caller`).
pub const FRAME_INIT: u32 = super::abi::FRAME_INIT;
pub const FRAME_BINOP: u32 = super::abi::FRAME_BINOP;

#[repr(C)]
pub struct Frame {
    /// `*const CodeObject` of the running code.
    pub code: *const u8,
    pub previous: *mut Frame,
    pub globals: Value,
    pub builtins: Value,
    pub func: Value,
    pub instr_index: u32,
    pub stack_depth: u32,
    pub nlocalsplus: u32,
    /// `FRAME_INIT`, `FRAME_BINOP | op << 8`, or 0.
    pub flags: u32,
    /// A module or class body's locals dict (`framestack::locals`).
    pub _reserved: [u32; 2],
    pub localsplus: [Value; 0],
}

const _: () = {
    assert!(std::mem::offset_of!(Frame, code) == FRAME_CODE_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, previous) == FRAME_PREVIOUS_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, globals) == FRAME_GLOBALS_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, builtins) == FRAME_BUILTINS_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, func) == FRAME_FUNC_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, instr_index) == FRAME_INSTR_INDEX_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, stack_depth) == FRAME_STACK_DEPTH_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, nlocalsplus) == FRAME_NLOCALSPLUS_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, flags) == FRAME_FLAGS_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, _reserved) == FRAME_RESERVED_OFFSET as usize);
    assert!(std::mem::offset_of!(Frame, localsplus) == FRAME_LOCALSPLUS_OFFSET as usize);
    assert!(super::value::FLOAT_OFFSET == ABI_FLOAT_OFFSET);
    assert!(super::value::INT_TAG == ABI_INT_TAG);
    assert!(super::value::TAG_MASK == ABI_TAG_MASK);
    assert!(super::value::SMALL_INT_MAX == ABI_SMALL_INT_MAX);
    assert!(super::value::SMALL_INT_MIN == ABI_SMALL_INT_MIN);
};
