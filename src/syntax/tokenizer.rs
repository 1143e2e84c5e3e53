//! The tokenizer (owned by the tokenizer work; stub until it lands).

/// `cpjit tokenize` entry point.
pub fn command(args: &[String]) -> i32 {
    let _ = args;
    eprintln!("cpjit: tokenize: not implemented yet");
    2
}
