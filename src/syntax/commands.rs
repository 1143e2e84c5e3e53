//! `cpjit tokenize` and `cpjit ast`.

/// `cpjit tokenize [-e] FILE`: prints the token stream as `python3 -m tokenize` does.
pub fn tokenize(args: &[String]) -> i32 {
    let _ = args;
    eprintln!("cpjit: tokenize: not implemented yet");
    2
}

/// `cpjit ast [--positions] FILE`: prints the tree as `ast.dump` does.
pub fn ast(args: &[String]) -> i32 {
    let _ = args;
    eprintln!("cpjit: ast: not implemented yet");
    2
}
