//! `ast.dump`-compatible printing of the AST (stub until the parser lands).

/// `cpjit ast` entry point.
pub fn command(args: &[String]) -> i32 {
    let _ = args;
    eprintln!("cpjit: ast: not implemented yet");
    2
}
