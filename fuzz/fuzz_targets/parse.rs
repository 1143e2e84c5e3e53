//! Tokenizer + parser: any bytes either parse or give a SyntaxError; never a panic or a crash.
#![no_main]

#[path = "big_stack.rs"]
mod big_stack;

use libfuzzer_sys::fuzz_target;

fn parse(data: &[u8]) {
    let _ = cpjit::syntax::tokenizer::tokenize(data, "<fuzz>");
    let _ = cpjit::syntax::parser::parse_module(data, "<fuzz>");
}

fuzz_target!(|data: &[u8]| {
    // The parser recurses on nesting: it runs on the big stack the compiler uses, as in cpjit.
    big_stack::run(data, parse);
});
