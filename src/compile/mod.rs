//! AST → symbol table → bytecode.
