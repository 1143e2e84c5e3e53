//! `match` statement patterns (python.gram's "Pattern matching" rules).

use super::expressions::mk;
use super::{tok_loc, Kw, Parser};
use crate::syntax::ast::{
    Constant, Expr, ExprContext, ExprKind, Operator, Pattern, PatternKind, UnaryOp,
};
use crate::syntax::token::{Op, Pos, TokKind};

fn pat(kind: PatternKind, loc: crate::syntax::ast::Loc) -> Pattern {
    Pattern { kind, loc }
}

impl<'s> Parser<'s> {
    /// `patterns: open_sequence_pattern | pattern`
    pub(crate) fn patterns(&mut self) -> Option<Pattern> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if self.at_op(Op::Comma) {
            let mut v = vec![first];
            self.seq_rest(&mut v, |p| !p.at_op(Op::Colon) && !p.at_kw(Kw::If))?;
            return Some(pat(
                PatternKind::MatchSequence { patterns: v },
                self.loc_from(start),
            ));
        }
        if matches!(first.kind, PatternKind::MatchStar { .. }) {
            return None;
        }
        Some(first)
    }

    /// After the first element of a sequence at a ',': `(',' maybe_star_pattern)* ','?`.
    fn seq_rest(&mut self, v: &mut Vec<Pattern>, more: fn(&mut Self) -> bool) -> Option<()> {
        while self.eat_op(Op::Comma) {
            if !more(self) || matches!(self.kind(), TokKind::Op(Op::RPar | Op::RSqb)) {
                break;
            }
            v.push(self.maybe_star_pattern()?);
        }
        Some(())
    }

    fn maybe_star_pattern(&mut self) -> Option<Pattern> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.pos += 1;
            let (name, _) = self.name()?;
            let name = if name == "_" { None } else { Some(name) };
            return Some(pat(PatternKind::MatchStar { name }, self.loc_from(start)));
        }
        self.pattern()
    }

    /// `pattern: as_pattern | or_pattern`
    pub(crate) fn pattern(&mut self) -> Option<Pattern> {
        if !self.enter(1) {
            return None;
        }
        let r = self.pattern_inner();
        self.leave(1);
        r
    }

    fn pattern_inner(&mut self) -> Option<Pattern> {
        let start = self.start();
        let p = self.or_pattern()?;
        if self.at_kw(Kw::As) {
            let save = self.pos;
            self.pos += 1;
            if self.at_name() && self.kw() != Kw::Underscore {
                let next = self.kind_at(1);
                if !matches!(next, TokKind::Op(Op::Dot | Op::LPar | Op::Equal)) {
                    let (name, _) = self.name()?;
                    return Some(pat(
                        PatternKind::MatchAs {
                            pattern: Some(Box::new(p)),
                            name: Some(name),
                        },
                        self.loc_from(start),
                    ));
                }
            }
            if self.invalid {
                // invalid_as_pattern
                if self.at_kw(Kw::Underscore) {
                    return self.raise_here("cannot use '_' as a target");
                }
                let s2 = self.pos;
                if let Some(e) = self.expression() {
                    let _ = s2;
                    return self.raise_loc(e.loc, "invalid pattern target");
                }
                if self.failed() {
                    return None;
                }
            }
            self.pos = save;
        }
        Some(p)
    }

    fn or_pattern(&mut self) -> Option<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.at_op(Op::VBar) {
            return Some(first);
        }
        let mut v = vec![first];
        while self.eat_op(Op::VBar) {
            v.push(self.closed_pattern()?);
        }
        Some(pat(
            PatternKind::MatchOr { patterns: v },
            self.loc_from(start),
        ))
    }

    fn closed_pattern(&mut self) -> Option<Pattern> {
        let start = self.start();
        match self.kind() {
            TokKind::Number | TokKind::String => self.literal_pattern(),
            TokKind::Op(Op::Minus) => self.literal_pattern(),
            TokKind::Name => match self.kw() {
                Kw::None => {
                    self.pos += 1;
                    Some(pat(
                        PatternKind::MatchSingleton {
                            value: Constant::None,
                        },
                        self.loc_from(start),
                    ))
                }
                Kw::True | Kw::False => {
                    let v = self.kw() == Kw::True;
                    self.pos += 1;
                    Some(pat(
                        PatternKind::MatchSingleton {
                            value: Constant::Bool(v),
                        },
                        self.loc_from(start),
                    ))
                }
                k if k.is_name() => {
                    let next = self.kind_at(1);
                    if matches!(next, TokKind::Op(Op::Dot | Op::LPar)) {
                        let target = self.name_or_attr()?;
                        if self.at_op(Op::LPar) {
                            return self.class_pattern(start, target);
                        }
                        if !matches!(target.kind, ExprKind::Attribute { .. })
                            || self.at_op(Op::Equal)
                        {
                            return None;
                        }
                        return Some(pat(
                            PatternKind::MatchValue {
                                value: Box::new(target),
                            },
                            self.loc_from(start),
                        ));
                    }
                    if next == TokKind::Op(Op::Equal) {
                        return None;
                    }
                    let (name, _) = self.name()?;
                    let name = if name == "_" { None } else { Some(name) };
                    Some(pat(
                        PatternKind::MatchAs {
                            pattern: None,
                            name,
                        },
                        self.loc_from(start),
                    ))
                }
                _ => None,
            },
            TokKind::Op(Op::LPar) => {
                self.pos += 1;
                if self.eat_op(Op::RPar) {
                    return Some(pat(
                        PatternKind::MatchSequence { patterns: vec![] },
                        self.loc_from(start),
                    ));
                }
                let first = self.maybe_star_pattern()?;
                if self.at_op(Op::Comma) {
                    let mut v = vec![first];
                    self.seq_rest(&mut v, |_| true)?;
                    if !self.eat_op(Op::RPar) {
                        return None;
                    }
                    return Some(pat(
                        PatternKind::MatchSequence { patterns: v },
                        self.loc_from(start),
                    ));
                }
                if !self.eat_op(Op::RPar) || matches!(first.kind, PatternKind::MatchStar { .. }) {
                    return None;
                }
                // group_pattern: the inner pattern, its own location.
                Some(first)
            }
            TokKind::Op(Op::LSqb) => {
                self.pos += 1;
                let mut v = Vec::new();
                if !self.at_op(Op::RSqb) {
                    v.push(self.maybe_star_pattern()?);
                    self.seq_rest(&mut v, |_| true)?;
                }
                if !self.eat_op(Op::RSqb) {
                    return None;
                }
                Some(pat(
                    PatternKind::MatchSequence { patterns: v },
                    self.loc_from(start),
                ))
            }
            TokKind::Op(Op::LBrace) => self.mapping_pattern(),
            _ => None,
        }
    }

    /// `name_or_attr: attr | NAME`
    fn name_or_attr(&mut self) -> Option<Expr> {
        let start = self.start();
        let mut e = self.name_expr()?;
        while self.at_op(Op::Dot) && self.kind_at(1) == TokKind::Name {
            self.pos += 1;
            let (attr, _) = self.name()?;
            e = mk(
                ExprKind::Attribute {
                    value: Box::new(e),
                    attr,
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            );
        }
        Some(e)
    }

    fn literal_pattern(&mut self) -> Option<Pattern> {
        let start = self.start();
        let e = self.literal_expr()?;
        if let ExprKind::JoinedStr { .. } = e.kind {
            if self.invalid {
                return self.raise_loc(
                    e.loc,
                    "patterns may only match literals and attribute lookups",
                );
            }
            return None;
        }
        Some(pat(
            PatternKind::MatchValue { value: Box::new(e) },
            self.loc_from(start),
        ))
    }

    /// `signed_number !('+'|'-') | complex_number | strings` as an expression.
    fn literal_expr(&mut self) -> Option<Expr> {
        let start = self.start();
        if self.kind() == TokKind::String {
            return self.atom();
        }
        let real = self.signed_number(start)?;
        if !matches!(self.kind(), TokKind::Op(Op::Plus | Op::Minus)) {
            return Some(real);
        }
        // complex_number: signed_real_number ('+'|'-') imaginary_number
        if is_imag(&real) {
            if self.invalid {
                return self.raise_loc(real.loc, "real number required in complex literal");
            }
            return None;
        }
        let op = if self.at_op(Op::Plus) {
            Operator::Add
        } else {
            Operator::Sub
        };
        self.pos += 1;
        if self.kind() != TokKind::Number {
            return None;
        }
        let imag = self.atom()?;
        if !is_imag(&imag) {
            if self.invalid {
                return self.raise_loc(imag.loc, "imaginary number required in complex literal");
            }
            return None;
        }
        Some(mk(
            ExprKind::BinOp {
                left: Box::new(real),
                op,
                right: Box::new(imag),
            },
            self.loc_from(start),
        ))
    }

    fn signed_number(&mut self, start: Pos) -> Option<Expr> {
        if self.eat_op(Op::Minus) {
            if self.kind() != TokKind::Number {
                return None;
            }
            let n = self.atom()?;
            return Some(mk(
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(n),
                },
                self.loc_from(start),
            ));
        }
        if self.kind() != TokKind::Number {
            return None;
        }
        self.atom()
    }

    fn mapping_pattern(&mut self) -> Option<Pattern> {
        let start = self.start();
        self.pos += 1;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        loop {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                let (n, _) = self.name()?;
                if n == "_" {
                    return None;
                }
                rest = Some(n);
                self.eat_op(Op::Comma);
                break;
            }
            let key = match self.kind() {
                TokKind::Name if matches!(self.kw(), Kw::None | Kw::True | Kw::False) => {
                    self.atom()?
                }
                TokKind::Name => {
                    let e = self.name_or_attr()?;
                    if !matches!(e.kind, ExprKind::Attribute { .. }) {
                        return None;
                    }
                    e
                }
                _ => self.literal_expr()?,
            };
            if !self.eat_op(Op::Colon) {
                return None;
            }
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.eat_op(Op::RBrace) {
            if self.invalid && rest.is_some() && self.kind() != TokKind::Op(Op::RBrace) {
                // invalid_mapping_pattern: double star not last
                let loc = tok_loc(self.tok());
                let _ = loc;
            }
            return None;
        }
        Some(pat(
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            self.loc_from(start),
        ))
    }

    fn class_pattern(&mut self, start: Pos, cls: Expr) -> Option<Pattern> {
        self.pos += 1;
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        loop {
            if self.at_op(Op::RPar) {
                break;
            }
            if self.at_name() && self.kind_at(1) == TokKind::Op(Op::Equal) {
                let (n, _) = self.name()?;
                self.pos += 1;
                kwd_attrs.push(n);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    if self.invalid {
                        return self
                            .raise_loc(p.loc, "positional patterns follow keyword patterns");
                    }
                    return None;
                }
                patterns.push(p);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.eat_op(Op::RPar) {
            return None;
        }
        Some(pat(
            PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            self.loc_from(start),
        ))
    }
}

fn is_imag(e: &Expr) -> bool {
    let inner = match &e.kind {
        ExprKind::UnaryOp { operand, .. } => operand,
        _ => {
            return matches!(
                e.kind,
                ExprKind::Constant {
                    value: Constant::Complex { .. },
                    ..
                }
            )
        }
    };
    matches!(
        inner.kind,
        ExprKind::Constant {
            value: Constant::Complex { .. },
            ..
        }
    )
}
