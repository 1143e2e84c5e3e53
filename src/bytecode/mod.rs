//! Bytecode: THE opcode table, code objects, and `dis`.

pub mod opcode;
