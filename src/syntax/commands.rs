//! `cpjit tokenize` and `cpjit ast`: each stage's own module implements its command.

/// `cpjit tokenize [-e] FILE`: prints the token stream as `python3 -m tokenize [-e]` does.
pub fn tokenize(args: &[String]) -> i32 {
    super::tokenizer::command(args)
}

/// `cpjit ast [--positions] FILE`: prints the tree as `ast.dump` does.
pub fn ast(args: &[String]) -> i32 {
    super::ast_dump::command(args)
}
