//! `from __future__ import ...` (CPython's `Python/future.c`): the features a module enables, and
//! the errors for unknown features and misplaced future imports.

use super::symtable::error_at;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;

#[derive(Clone, Copy, Debug, Default)]
pub struct Future {
    /// PEP 563: annotations are compiled to their source strings.
    pub annotations: bool,
    /// Line of the last leading future import (later ones are errors).
    pub lineno: u32,
    /// The `CO_FUTURE_*` bits the features add to every code object's `co_flags`.
    pub flags: u32,
}

/// A feature's `CO_FUTURE_*` flag (0 for the ones always on in Python 3 that have none).
/// (3.11 records only these two; the others are always on and set nothing.)
fn feature_flag(name: &str) -> u32 {
    match name {
        "barry_as_FLUFL" => 0x400000,
        "annotations" => 0x1000000,
        _ => 0,
    }
}

const KNOWN: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Scans the leading `from __future__ import` statements of a module.
pub fn parse(module: &Mod, filename: &str) -> Result<Future, SyntaxError> {
    let mut f = Future::default();
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return Ok(f),
    };
    for (i, s) in body.iter().enumerate() {
        match &s.kind {
            StmtKind::Expr { value }
                if i == 0
                    && matches!(
                        value.kind,
                        ExprKind::Constant {
                            value: Constant::Str(_),
                            ..
                        }
                    ) => {}
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m == "__future__" => {
                for a in names {
                    f.flags |= feature_flag(&a.name);
                    match a.name.as_str() {
                        "annotations" => f.annotations = true,
                        "braces" => return Err(error_at("not a chance", filename, s.loc)),
                        n if KNOWN.contains(&n) => {}
                        n => {
                            // CPython sets only the start (PyErr_SyntaxLocationObject): no end
                            // column, which cpjit represents as 0.
                            let mut e = error_at(
                                format!("future feature {n} is not defined"),
                                filename,
                                s.loc,
                            );
                            e.end_lineno = e.lineno;
                            e.end_offset = 0;
                            return Err(e);
                        }
                    }
                }
                f.lineno = s.loc.lineno;
            }
            _ => break,
        }
    }
    Ok(f)
}
