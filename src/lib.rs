//! cpjit: CPython 3.11's pipeline rebuilt in Rust, with a specializing interpreter and a
//! copy-and-patch JIT whose stencils Cranelift compiles at build time.
//!
//! ```text
//!  source bytes
//!      │  syntax::tokenizer      (cpjit tokenize)
//!      ▼
//!  tokens ──► syntax::parser (PEG) ──► syntax::ast   (cpjit ast)
//!                                          │
//!                     compile::symtable ◄──┤          (cpjit symtable)
//!                                          ▼
//!                     compile::codegen ──► bytecode::CodeObject   (cpjit dis)
//!                                          │
//!                                          ▼
//!                     vm (ceval loop over repr(C) frames, tagged one-word values)
//!                      │  specialize: quickening + inline caches (PEP 659)
//!                      ▼
//!                     jit: copy the stencils (built by build.rs from stencils/ with
//!                          Cranelift for x86-64 and AArch64), patch their holes
//!                          (jit::patch::{x86_64,aarch64}), run; deopt back to vm
//! ```
//!
//! Every stage can be printed: see `cpjit --help`.

pub mod bytecode;
pub mod cli;
pub mod compile;
pub mod jit;
pub mod rtlib;
pub mod specialize;
pub mod stack;
pub mod syntax;
pub mod sys;
pub mod vm;

/// Writes a command's output (`cpjit dis`, `cpjit stencils`, ...) to stdout. A reader that
/// closed the pipe early (`cpjit stencils | head`) ends the output quietly, as for `cat`; a
/// `print!` would panic there.
pub fn write_stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
