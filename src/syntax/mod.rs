//! Front end: source bytes → tokens → PEG parser → AST (CPython 3.11's `ast`, node for node).

pub mod ast;
pub mod ast_dump;
pub mod commands;
pub mod error;
pub mod parser;
pub use parser::{parse_expression, parse_file, parse_module};
pub mod token;
pub mod tokenizer;
