//! Code objects: the compiler's output and the VM's input.
//!
//! Instruction encoding: one `u32` code unit per instruction, `opcode | oparg << 8` (24-bit oparg, so no
//! EXTENDED_ARG). An instruction with `cache: n` in the opcode table is followed by `n` inline cache
//! units (zero when emitted) that the specializer owns. Jump opargs are absolute code-unit indices.
//!
//! Constants are kept as [`ConstValue`], independent of the VM's object model; the VM materializes them
//! into `Value`s when it first runs a code object.

use std::rc::Rc;

use num_bigint::BigInt;

use super::opcode::Opcode;

/// `co_flags` bits, with CPython's values.
pub mod flags {
    pub const CO_OPTIMIZED: u32 = 0x0001;
    pub const CO_NEWLOCALS: u32 = 0x0002;
    pub const CO_VARARGS: u32 = 0x0004;
    pub const CO_VARKEYWORDS: u32 = 0x0008;
    pub const CO_NESTED: u32 = 0x0010;
    pub const CO_GENERATOR: u32 = 0x0020;
    pub const CO_NOFREE: u32 = 0x0040;
    pub const CO_COROUTINE: u32 = 0x0080;
    pub const CO_ITERABLE_COROUTINE: u32 = 0x0100;
    pub const CO_ASYNC_GENERATOR: u32 = 0x0200;
}

/// Kind bits of a `localsplus` slot (CPython's `CO_FAST_*`).
pub mod slot_kind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstValue>),
    FrozenSet(Vec<ConstValue>),
    Code(Rc<CodeObject>),
}

/// One entry of the exception table (3.11 "zero-cost" exceptions): an exception raised by an
/// instruction in `start..end` pops the value stack to `depth`, pushes the offset of the raising
/// instruction if `lasti`, then the exception, and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Source position of one instruction (CPython's `co_positions()`); 0 means unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub lineno: u32,
    pub end_lineno: u32,
    pub col_offset: u32,
    pub end_col_offset: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// The instructions, see the module doc for the encoding.
    pub code: Vec<u32>,
    pub consts: Vec<ConstValue>,
    pub names: Vec<String>,
    /// Names of the local, cell and free slots, in slot order (arguments first).
    pub localsplusnames: Vec<String>,
    /// `slot_kind` bits of each slot.
    pub localspluskinds: Vec<u8>,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    pub exception_table: Vec<ExceptionEntry>,
    /// One entry per code unit (cache units repeat their instruction's position).
    pub positions: Vec<Position>,
}

impl CodeObject {
    #[inline]
    pub fn decode(unit: u32) -> (Option<Opcode>, u32) {
        (Opcode::from_u8(unit as u8), unit >> 8)
    }
    #[inline]
    pub fn encode(op: Opcode, oparg: u32) -> u32 {
        debug_assert!(oparg < (1 << 24));
        op as u32 | (oparg << 8)
    }
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }
}
