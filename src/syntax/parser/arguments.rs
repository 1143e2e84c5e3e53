//! Function parameters (`params`, `lambda_params`) and call arguments (`arguments`).

use super::expressions::mk;
use super::{Kw, Parser};
use crate::syntax::ast::{Arg, Arguments, Expr, ExprContext, ExprKind, Keyword};
use crate::syntax::token::{Op, TokKind};

impl<'s> Parser<'s> {
    /// `param: NAME annotation?` (no annotation in lambdas; `star` allows `*args: *Ts`).
    fn param(&mut self, lambda: bool, star: bool) -> Option<Arg> {
        let start = self.start();
        let (arg, _) = self.name()?;
        let annotation = if !lambda && self.eat_op(Op::Colon) {
            if star && self.at_op(Op::Star) {
                Some(Box::new(self.star_expression()?))
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Some(Arg {
            arg,
            annotation,
            type_comment: None,
            loc: self.loc_from(start),
        })
    }

    /// `params` / `lambda_params`, up to (not including) the closing `)` or `:`.
    pub(crate) fn params(&mut self, lambda: bool) -> Option<Arguments> {
        let closer = if lambda { Op::Colon } else { Op::RPar };
        let mut a = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        loop {
            if self.at_op(closer) {
                break;
            }
            if self.invalid && self.at_op(Op::LPar) {
                // invalid_parameters / invalid_lambda_parameters: '(' param+ ','? ')'
                let open = self.pos;
                self.pos += 1;
                let mut n = 0;
                while self.name().is_some() {
                    n += 1;
                    if !lambda && self.eat_op(Op::Colon) && self.expression().is_none() {
                        break;
                    }
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                if n > 0 && self.at_op(Op::RPar) {
                    let a = super::tok_loc(&self.toks[open]);
                    let b = super::tok_loc(self.tok());
                    let what = if lambda {
                        "Lambda expression"
                    } else {
                        "Function"
                    };
                    let msg = format!("{what} parameters cannot be parenthesized");
                    return self.raise_loc(a.to(b), &msg);
                }
                if self.failed() {
                    return None;
                }
                self.pos = open;
            }
            if self.at_op(Op::Slash) {
                if seen_slash || seen_star || a.args.is_empty() {
                    if self.invalid {
                        return self.invalid_slash(seen_slash, seen_star);
                    }
                    return None;
                }
                self.pos += 1;
                seen_slash = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            } else if self.at_op(Op::DoubleStar) {
                self.pos += 1;
                let p = self.param(lambda, false)?;
                if self.invalid && self.at_op(Op::Equal) {
                    return self.raise_here("var-keyword argument cannot have default value");
                }
                a.kwarg = Some(Box::new(p));
                self.eat_op(Op::Comma);
                if !self.at_op(closer) {
                    if self.invalid && !self.failed() {
                        return self.raise_here("arguments cannot follow var-keyword argument");
                    }
                    return None;
                }
                break;
            } else if self.at_op(Op::Star) {
                if seen_star {
                    if self.invalid {
                        return self.raise_here("* argument may appear only once");
                    }
                    return None;
                }
                seen_star = true;
                self.pos += 1;
                if self.at_op(Op::Comma) {
                    // bare '*': at least one keyword-only parameter must follow.
                    let k1 = self.kind_at(1);
                    if k1 == TokKind::Op(closer) || k1 == TokKind::Op(Op::DoubleStar) {
                        if self.invalid {
                            return self.raise_prev("named arguments must follow bare *");
                        }
                        return None;
                    }
                } else if self.at_op(closer) {
                    if self.invalid {
                        return self.raise_prev("named arguments must follow bare *");
                    }
                    return None;
                } else {
                    let p = self.param(lambda, true)?;
                    if self.at_op(Op::Equal) {
                        if self.invalid {
                            return self
                                .raise_here("var-positional argument cannot have default value");
                        }
                        return None;
                    }
                    a.vararg = Some(Box::new(p));
                }
            } else {
                let p = self.param(lambda, false)?;
                let default = if self.eat_op(Op::Equal) {
                    // invalid_default: '=' &(')'|',')
                    if self.invalid && matches!(self.kind(), TokKind::Op(Op::RPar | Op::Comma)) {
                        return self.raise_prev("expected default value expression");
                    }
                    Some(self.expression()?)
                } else {
                    None
                };
                if seen_star {
                    a.kwonlyargs.push(p);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            if self.invalid {
                                let loc = p.loc;
                                return self.raise_loc(
                                    loc,
                                    "non-default argument follows default argument",
                                );
                            }
                            return None;
                        }
                        None => {}
                    }
                    a.args.push(p);
                }
            }
            if !self.eat_op(Op::Comma) {
                if !self.at_op(closer) {
                    return None;
                }
                break;
            }
        }
        Some(a)
    }

    fn invalid_slash(&mut self, seen_slash: bool, seen_star: bool) -> Option<Arguments> {
        if seen_slash {
            self.raise_here("/ may appear only once")
        } else if seen_star {
            self.raise_here("/ must be ahead of *")
        } else {
            self.raise_here("at least one argument must precede /")
        }
    }

    /// `'(' [arguments] ')'` after a primary or in a class definition: (args, keywords), or a lone
    /// generator expression argument.
    pub(crate) fn call_trailer(&mut self) -> Option<(Vec<Expr>, Vec<Keyword>)> {
        self.call_args(true)
    }

    /// `'(' [arguments] ')'`; `genexp` allows the `primary genexp` form (not in a class header).
    pub(crate) fn call_args(&mut self, genexp: bool) -> Option<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.start();
        self.pos += 1;
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_kwunpack = false;
        loop {
            if self.eat_op(Op::RPar) {
                break;
            }
            let start = self.start();
            if self.at_op(Op::Star) {
                self.pos += 1;
                let v = self.expression()?;
                if seen_kwunpack {
                    if self.invalid {
                        let loc = crate::syntax::ast::Loc::new(
                            start.line,
                            start.col,
                            start.line,
                            start.col + 1,
                        );
                        return self.raise_loc(
                            loc,
                            "iterable argument unpacking follows keyword argument unpacking",
                        );
                    }
                    return None;
                }
                args.push(mk(
                    ExprKind::Starred {
                        value: Box::new(v),
                        ctx: ExprContext::Load,
                    },
                    self.loc_from(start),
                ));
            } else if self.at_op(Op::DoubleStar) {
                self.pos += 1;
                let v = self.expression()?;
                seen_kwunpack = true;
                keywords.push(Keyword {
                    arg: None,
                    value: v,
                    loc: self.loc_from(start),
                });
            } else if self.kind() == TokKind::Name && self.kind_at(1) == TokKind::Op(Op::Equal) {
                if !self.kw().is_name() {
                    if self.invalid {
                        return self.invalid_kwarg_keyword();
                    }
                    return None;
                }
                let (name, _) = self.name()?;
                self.pos += 1;
                let v = self.expression()?;
                if self.invalid && matches!(self.kw(), Kw::For | Kw::Async) {
                    let loc = crate::syntax::ast::Loc::new(
                        start.line,
                        start.col,
                        v.loc.end_lineno,
                        v.loc.end_col_offset,
                    );
                    let _ = loc;
                    let end = self.last_end();
                    let l = crate::syntax::ast::Loc::new(start.line, start.col, end.line, end.col);
                    let _ = l;
                    return self.raise_range_toks(
                        start,
                        v.loc,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    );
                }
                keywords.push(Keyword {
                    arg: Some(name),
                    value: v,
                    loc: self.loc_from(start),
                });
            } else {
                let first_pos = self.pos;
                let e = match self.walrus_or_expression() {
                    Some(e) => e,
                    None => {
                        if self.invalid && !self.failed() {
                            self.pos = first_pos;
                            self.invalid_arg()?;
                        }
                        return None;
                    }
                };
                if self.at_op(Op::Equal) {
                    if self.invalid {
                        return self.invalid_kwarg_expr(e);
                    }
                    return None;
                }
                if matches!(self.kw(), Kw::For | Kw::Async) {
                    if !genexp && !self.invalid {
                        // `arguments` has no genexp form: fail here, as pegen's first pass does.
                        return None;
                    }
                    let generators = self.for_if_clauses()?;
                    let only = genexp && args.is_empty() && keywords.is_empty();
                    if only && self.eat_op(Op::RPar) {
                        let g = mk(
                            ExprKind::GeneratorExp {
                                elt: Box::new(e),
                                generators,
                            },
                            self.loc_from(open),
                        );
                        return Some((vec![g], vec![]));
                    }
                    // invalid_arguments: not for a lone genexp argument (`class A(x for x in y)`
                    // is "invalid syntax", as _PyPegen_nonparen_genexp_in_call returns NULL).
                    let lone = args.is_empty() && keywords.is_empty() && !self.at_op(Op::Comma);
                    if self.invalid && !self.failed() && !lone {
                        let end = self.last_end();
                        let loc = crate::syntax::ast::Loc::new(
                            e.loc.lineno,
                            e.loc.col_offset,
                            end.line,
                            end.col,
                        );
                        return self.raise_loc(loc, "Generator expression must be parenthesized");
                    }
                    return None;
                }
                if !keywords.is_empty() {
                    if self.invalid {
                        let msg = if seen_kwunpack {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        return self.raise_last(msg);
                    }
                    return None;
                }
                args.push(e);
            }
            if !self.eat_op(Op::Comma) {
                if self.eat_op(Op::RPar) {
                    break;
                }
                if self.invalid && !self.failed() {
                    self.invalid_after_arg()?;
                }
                return None;
            }
        }
        Some((args, keywords))
    }
}
