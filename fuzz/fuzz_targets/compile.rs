//! Compiler (symtable, codegen, flow-graph passes) on whatever parses: a code object or a
//! SyntaxError; never a panic or a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    cpjit::compile::with_big_stack(|| {
        if let Ok(module) = cpjit::syntax::parser::parse_module(data, "<fuzz>") {
            let _ = cpjit::compile::compile_module(&module, "<fuzz>");
        }
    });
});
