//! Tokenizer + parser: any bytes either parse or give a SyntaxError; never a panic or a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The parser recurses on nesting; run it on the big stack the compiler uses, as cpjit does.
    cpjit::compile::with_big_stack(|| {
        let _ = cpjit::syntax::tokenizer::tokenize(data, "<fuzz>");
        let _ = cpjit::syntax::parser::parse_module(data, "<fuzz>");
    });
});
