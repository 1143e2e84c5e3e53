//! Expression → source text for `from __future__ import annotations` (CPython's
//! `Python/ast_unparse.c`, same precedence rules and spacing). Constructs this unparser does not
//! handle yield `None` so the caller reports them instead of producing a wrong string.

use crate::bytecode::dis::repr_const;
use crate::compile::codegen::to_const;
use crate::syntax::ast::*;

const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The annotation string of `e` (`_PyAST_ExprAsUnicode`), or None if unsupported.
pub fn expr_as_str(e: &Expr) -> Option<String> {
    let mut out = String::new();
    expr(e, PR_TEST, &mut out)?;
    Some(out)
}

fn paren(cond: bool, out: &mut String, open: bool) {
    if cond {
        out.push(if open { '(' } else { ')' });
    }
}

fn constant(c: &Constant, out: &mut String) {
    match c {
        Constant::Ellipsis => out.push_str("..."),
        Constant::Float(f) if f.is_infinite() => {
            out.push_str(if *f > 0.0 { "1e309" } else { "-1e309" })
        }
        _ => out.push_str(&repr_const(&to_const(c))),
    }
}

fn seq(es: &[Expr], level: u8, out: &mut String) -> Option<()> {
    for (i, x) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(x, level, out)?;
    }
    Some(())
}

fn expr(e: &Expr, level: u8, out: &mut String) -> Option<()> {
    match &e.kind {
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Constant { value, kind } => {
            if kind.as_deref() == Some("u") {
                out.push('u');
            }
            constant(value, out)
        }
        ExprKind::Attribute { value, attr, .. } => {
            expr(value, PR_ATOM, out)?;
            let int_value = matches!(
                value.kind,
                ExprKind::Constant {
                    value: Constant::Int(_),
                    ..
                }
            );
            out.push_str(if int_value { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(value, PR_ATOM, out)?;
            out.push('[');
            expr(slice, PR_TUPLE, out)?;
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(l, PR_TEST, out)?;
            }
            out.push(':');
            if let Some(u) = upper {
                expr(u, PR_TEST, out)?;
            }
            if let Some(s) = step {
                out.push(':');
                expr(s, PR_TEST, out)?;
            }
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return Some(());
            }
            paren(level > PR_TUPLE, out, true);
            seq(elts, PR_TEST, out)?;
            if elts.len() == 1 {
                out.push(',');
            }
            paren(level > PR_TUPLE, out, false);
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(elts, PR_TEST, out)?;
            out.push(']');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                out.push_str("{*()}");
                return Some(());
            }
            out.push('{');
            seq(elts, PR_TEST, out)?;
            out.push('}');
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(k, PR_TEST, out)?;
                        out.push_str(": ");
                        expr(v, PR_TEST, out)?;
                    }
                    None => {
                        out.push_str("**");
                        expr(v, PR_BOR, out)?;
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            expr(value, PR_BOR, out)?;
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr, rassoc) = match op {
                Operator::Add => (" + ", PR_ARITH, false),
                Operator::Sub => (" - ", PR_ARITH, false),
                Operator::Mult => (" * ", PR_TERM, false),
                Operator::MatMult => (" @ ", PR_TERM, false),
                Operator::Div => (" / ", PR_TERM, false),
                Operator::Mod => (" % ", PR_TERM, false),
                Operator::FloorDiv => (" // ", PR_TERM, false),
                Operator::LShift => (" << ", PR_SHIFT, false),
                Operator::RShift => (" >> ", PR_SHIFT, false),
                Operator::BitOr => (" | ", PR_BOR, false),
                Operator::BitXor => (" ^ ", PR_BXOR, false),
                Operator::BitAnd => (" & ", PR_BAND, false),
                Operator::Pow => (" ** ", PR_POWER, true),
            };
            paren(level > pr, out, true);
            expr(left, pr + rassoc as u8, out)?;
            out.push_str(s);
            expr(right, pr + !rassoc as u8, out)?;
            paren(level > pr, out, false);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren(level > pr, out, true);
            out.push_str(s);
            expr(operand, pr, out)?;
            paren(level > pr, out, false);
        }
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            paren(level > pr, out, true);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                expr(v, pr + 1, out)?;
            }
            paren(level > pr, out, false);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            paren(level > PR_CMP, out, true);
            expr(left, PR_CMP + 1, out)?;
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(c, PR_CMP + 1, out)?;
            }
            paren(level > PR_CMP, out, false);
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren(level > PR_TEST, out, true);
            expr(body, PR_TEST + 1, out)?;
            out.push_str(" if ");
            expr(test, PR_TEST + 1, out)?;
            out.push_str(" else ");
            expr(orelse, PR_TEST, out)?;
            paren(level > PR_TEST, out, false);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(func, PR_ATOM, out)?;
            if args.len() == 1
                && keywords.is_empty()
                && matches!(args[0].kind, ExprKind::GeneratorExp { .. })
            {
                return None; // generator expressions are not unparsed here
            }
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                expr(a, PR_TEST, out)?;
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        out.push_str(n);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(&k.value, PR_TEST, out)?;
            }
            out.push(')');
        }
        ExprKind::NamedExpr { target, value } => {
            paren(level > PR_TUPLE, out, true);
            expr(target, PR_ATOM, out)?;
            out.push_str(" := ");
            expr(value, PR_ATOM, out)?;
            paren(level > PR_TUPLE, out, false);
        }
        ExprKind::Await { value } => {
            paren(level > PR_AWAIT, out, true);
            out.push_str("await ");
            expr(value, PR_ATOM, out)?;
            paren(level > PR_AWAIT, out, false);
        }
        // Lambdas, comprehensions, f-strings and yields in annotations are not unparsed.
        _ => return None,
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(id: &str) -> Expr {
        Expr {
            kind: ExprKind::Name {
                id: id.into(),
                ctx: ExprContext::Load,
            },
            loc: Loc::default(),
        }
    }

    #[test]
    fn unparses_like_cpython() {
        let e = Expr {
            kind: ExprKind::BinOp {
                left: Box::new(name("a")),
                op: Operator::BitOr,
                right: Box::new(Expr {
                    kind: ExprKind::Subscript {
                        value: Box::new(name("dict")),
                        slice: Box::new(Expr {
                            kind: ExprKind::Tuple {
                                elts: vec![name("str"), name("int")],
                                ctx: ExprContext::Load,
                            },
                            loc: Loc::default(),
                        }),
                        ctx: ExprContext::Load,
                    },
                    loc: Loc::default(),
                }),
            },
            loc: Loc::default(),
        };
        assert_eq!(expr_as_str(&e).unwrap(), "a | dict[str, int]");
    }
}
