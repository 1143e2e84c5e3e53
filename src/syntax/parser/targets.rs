//! Assignment and deletion targets: `star_targets`, `del_targets`, `single_target`, and the
//! conversion of an already-parsed expression into a target (`_PyPegen_set_expr_context`).

use super::expressions::mk;
use super::invalid::{MEMO_DEL_TARGET_ATOM, MEMO_STAR_TARGET, MEMO_STAR_TARGET_ATOM};
use super::{Kw, Parser};
use crate::syntax::ast::{Expr, ExprContext, ExprKind};
use crate::syntax::token::{Op, TokKind};

/// Which target rule family (for `_PyPegen_get_invalid_target`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Targets {
    Star,
    Del,
    For,
}

/// Sets `ctx` on a target expression and its nested targets.
pub(crate) fn set_ctx(e: &mut Expr, ctx: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            set_ctx(value, ctx);
        }
        ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                set_ctx(x, ctx);
            }
        }
        _ => {}
    }
}

/// `_PyPegen_get_invalid_target`: the first sub-expression that cannot be a target.
pub(crate) fn invalid_target(e: &Expr, t: Targets) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, t))
        }
        ExprKind::Starred { value, .. } => {
            if t == Targets::Del {
                Some(e)
            } else {
                invalid_target(value, t)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if t == Targets::For {
                if ops[0] == crate::syntax::ast::CmpOp::In {
                    return invalid_target(left, t);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

impl<'s> Parser<'s> {
    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`
    pub(crate) fn star_targets(&mut self) -> Option<Expr> {
        let start = self.start();
        let a = self.star_target()?;
        if !self.at_op(Op::Comma) {
            return Some(a);
        }
        let mut elts = vec![a];
        while self.eat_op(Op::Comma) {
            let save = self.pos;
            match self.star_target() {
                Some(e) => elts.push(e),
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save;
                    break;
                }
            }
        }
        Some(mk(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Store,
            },
            self.loc_from(start),
        ))
    }

    /// `star_target: '*' (!'*' star_target) | target_with_star_atom`
    pub(crate) fn star_target(&mut self) -> Option<Expr> {
        if !self.enter(1) {
            return None;
        }
        // pegen memoizes star_target (and target_with_star_atom): without it a run of unclosed
        // `(` re-parses each level's inner target twice, once per star_atom alternative, which is
        // exponential in the depth (fuzz/regressions/parse-timeout-d5cd4e81.bin).
        let r = self.memoized(MEMO_STAR_TARGET, Self::star_target_inner);
        self.leave(1);
        r
    }

    fn star_target_inner(&mut self) -> Option<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.pos += 1;
            if self.at_op(Op::Star) {
                return None;
            }
            let v = self.star_target()?;
            return Some(mk(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: ExprContext::Store,
                },
                self.loc_from(start),
            ));
        }
        self.target_atom(ExprContext::Store)
    }

    /// `target_with_star_atom` / `del_target`: an attribute or subscript of a `t_primary`, or an
    /// atom-like target (name, parenthesized target, tuple, list).
    fn target_atom(&mut self, ctx: ExprContext) -> Option<Expr> {
        match ctx {
            ExprContext::Del => self.memoized(MEMO_DEL_TARGET_ATOM, |p| {
                p.target_atom_inner(ExprContext::Del)
            }),
            _ => self.memoized(MEMO_STAR_TARGET_ATOM, |p| {
                p.target_atom_inner(ExprContext::Store)
            }),
        }
    }

    fn target_atom_inner(&mut self, ctx: ExprContext) -> Option<Expr> {
        let save = self.pos;
        if let Some(mut e) = self.t_primary_target() {
            match &mut e.kind {
                ExprKind::Attribute { ctx: c, .. } | ExprKind::Subscript { ctx: c, .. } => {
                    *c = ctx;
                    return Some(e);
                }
                _ => {}
            }
        }
        if self.failed() {
            return None;
        }
        self.pos = save;
        self.star_atom(ctx)
    }

    /// A primary whose last trailer is `.NAME` or `[...]` (and nothing follows), else None.
    fn t_primary_target(&mut self) -> Option<Expr> {
        match self.kind() {
            TokKind::Name | TokKind::Op(Op::LPar) | TokKind::Op(Op::LSqb) => {}
            TokKind::String
            | TokKind::Number
            | TokKind::Op(Op::LBrace)
            | TokKind::Op(Op::Ellipsis) => {}
            _ => return None,
        }
        // A keyword other than True/False/None starts no atom (pegen's NAME and atom fail on it
        // without fetching the next token, which sets the error location).
        if self.kind() == TokKind::Name
            && !self.kw().is_name()
            && !matches!(self.kw(), Kw::True | Kw::False | Kw::None)
        {
            return None;
        }
        // A bare NAME not followed by a trailer is a star_atom: skip the primary parse.
        if self.kind() == TokKind::Name
            && !matches!(
                self.kind_at(1),
                TokKind::Op(Op::Dot) | TokKind::Op(Op::LPar) | TokKind::Op(Op::LSqb)
            )
        {
            return None;
        }
        let e = self.primary()?;
        match e.kind {
            ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Some(e),
            _ => None,
        }
    }

    /// `star_atom` / `del_t_atom`
    fn star_atom(&mut self, ctx: ExprContext) -> Option<Expr> {
        let start = self.start();
        match self.kind() {
            TokKind::Name => {
                let (id, loc) = self.name()?;
                Some(mk(ExprKind::Name { id, ctx }, loc))
            }
            TokKind::Op(Op::LPar) => {
                let save = self.pos;
                self.pos += 1;
                // '(' target_with_star_atom ')'
                if let Some(mut e) = self.target_atom(ctx) {
                    if self.eat_op(Op::RPar) {
                        set_ctx(&mut e, ctx);
                        return Some(e);
                    }
                }
                if self.failed() {
                    return None;
                }
                self.pos = save + 1;
                // '(' [star_targets_tuple_seq] ')': needs a comma unless empty.
                let mut elts = Vec::new();
                if !self.at_op(Op::RPar) {
                    elts = self.target_seq(ctx)?;
                    if elts.len() == 1 && !self.toks_prev_is_comma() {
                        return None;
                    }
                }
                if !self.eat_op(Op::RPar) {
                    return None;
                }
                Some(mk(ExprKind::Tuple { elts, ctx }, self.loc_from(start)))
            }
            TokKind::Op(Op::LSqb) => {
                self.pos += 1;
                let mut elts = Vec::new();
                if !self.at_op(Op::RSqb) {
                    elts = self.target_seq(ctx)?;
                }
                if !self.eat_op(Op::RSqb) {
                    return None;
                }
                Some(mk(ExprKind::List { elts, ctx }, self.loc_from(start)))
            }
            _ => None,
        }
    }

    fn toks_prev_is_comma(&self) -> bool {
        self.pos > 0 && self.toks[self.pos - 1].kind == TokKind::Op(Op::Comma)
    }

    /// `','.star_target+ [',']` (or `del_target` for Del).
    fn target_seq(&mut self, ctx: ExprContext) -> Option<Vec<Expr>> {
        let one = |p: &mut Self| {
            if ctx == ExprContext::Del {
                p.del_target()
            } else {
                p.star_target()
            }
        };
        let mut v = vec![one(self)?];
        while self.at_op(Op::Comma) {
            let save = self.pos;
            self.pos += 1;
            match one(self) {
                Some(e) => v.push(e),
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save + 1;
                    break;
                }
            }
        }
        Some(v)
    }

    fn del_target(&mut self) -> Option<Expr> {
        if !self.enter(1) {
            return None;
        }
        let r = self.target_atom(ExprContext::Del);
        self.leave(1);
        r
    }

    /// `del_targets: ','.del_target+ [',']`
    pub(crate) fn del_targets(&mut self) -> Option<Vec<Expr>> {
        self.target_seq(ExprContext::Del)
    }
}
