//! Bytecode: THE opcode table, code objects, and `dis`.

pub mod code;
pub mod cpython_layout;
pub mod dis;
pub mod opcode;
pub mod serialize;
