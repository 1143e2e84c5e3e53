//! Compiler (symtable, codegen, flow-graph passes) on whatever parses: a code object or a
//! SyntaxError; never a panic or a crash.
#![no_main]

#[path = "big_stack.rs"]
mod big_stack;

use libfuzzer_sys::fuzz_target;

fn compile(data: &[u8]) {
    if let Ok(module) = cpjit::syntax::parser::parse_module(data, "<fuzz>") {
        let _ = cpjit::compile::compile_module(&module, "<fuzz>");
    }
}

fuzz_target!(|data: &[u8]| {
    big_stack::run(data, compile);
});
