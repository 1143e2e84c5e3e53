//! Expression rules: `expressions` down to `atom` (python.gram's "EXPRESSIONS" section).

use super::{tok_loc, Kw, Parser};
use crate::syntax::ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Loc, Operator, UnaryOp,
};
use crate::syntax::token::{Op, TokKind};

pub(crate) fn mk(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}

impl<'s> Parser<'s> {
    /// `expressions: expression (',' expression)* [',']`
    pub(crate) fn expressions(&mut self) -> Option<Expr> {
        let start = self.start();
        let a = self.expression()?;
        if !self.at_op(Op::Comma) {
            return Some(a);
        }
        let mut elts = vec![a];
        while self.eat_op(Op::Comma) {
            let save = self.pos;
            match self.expression() {
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
                ctx: ExprContext::Load,
            },
            self.loc_from(start),
        ))
    }

    /// `expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef`
    pub(crate) fn expression(&mut self) -> Option<Expr> {
        if !self.enter(2) {
            return None;
        }
        let r = self.expression_inner();
        self.leave(2);
        r
    }

    fn expression_inner(&mut self) -> Option<Expr> {
        if self.invalid {
            self.invalid_expression()?;
        }
        if self.at_kw(Kw::Lambda) {
            return self.lambdef();
        }
        let start = self.start();
        let a = self.disjunction()?;
        if self.at_kw(Kw::If) {
            let save = self.pos;
            self.pos += 1;
            if let Some(b) = self.disjunction() {
                if self.eat_kw(Kw::Else) {
                    if let Some(c) = self.expression() {
                        let loc = self.loc_from(start);
                        return Some(mk(
                            ExprKind::IfExp {
                                test: Box::new(b),
                                body: Box::new(a),
                                orelse: Box::new(c),
                            },
                            loc,
                        ));
                    }
                }
            }
            if self.failed() {
                return None;
            }
            self.pos = save;
        }
        Some(a)
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(crate) fn yield_expr(&mut self) -> Option<Expr> {
        let start = self.start();
        if !self.eat_kw(Kw::Yield) {
            return None;
        }
        if self.eat_kw(Kw::From) {
            let v = self.expression()?;
            return Some(mk(
                ExprKind::YieldFrom { value: Box::new(v) },
                self.loc_from(start),
            ));
        }
        let save = self.pos;
        let v = match self.star_expressions() {
            Some(v) => Some(Box::new(v)),
            None => {
                if self.failed() {
                    return None;
                }
                self.pos = save;
                None
            }
        };
        Some(mk(ExprKind::Yield { value: v }, self.loc_from(start)))
    }

    /// `star_expressions`: one star_expression, or a tuple of them.
    pub(crate) fn star_expressions(&mut self) -> Option<Expr> {
        let start = self.start();
        let a = self.star_expression()?;
        if !self.at_op(Op::Comma) {
            return Some(a);
        }
        let mut elts = vec![a];
        while self.eat_op(Op::Comma) {
            let save = self.pos;
            match self.star_expression() {
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
                ctx: ExprContext::Load,
            },
            self.loc_from(start),
        ))
    }

    /// `star_expression: '*' bitwise_or | expression`
    pub(crate) fn star_expression(&mut self) -> Option<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.pos += 1;
            let v = self.bitwise_or()?;
            return Some(mk(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        self.expression()
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']` (stops before the closer).
    pub(crate) fn star_named_expressions(&mut self) -> Option<Vec<Expr>> {
        let mut v = vec![self.star_named_expression()?];
        while self.at_op(Op::Comma) {
            let save = self.pos;
            self.pos += 1;
            match self.star_named_expression() {
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

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(crate) fn star_named_expression(&mut self) -> Option<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.pos += 1;
            let v = self.bitwise_or()?;
            return Some(mk(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        self.named_expression()
    }

    /// `assignment_expression: NAME ':=' ~ expression`; `None` (position kept) if no NAME ':='.
    pub(crate) fn assignment_expression(&mut self) -> Option<Expr> {
        if self.at_name() && self.kind_at(1) == TokKind::Op(Op::ColonEqual) {
            let start = self.start();
            let (id, loc) = self.name()?;
            self.pos += 1;
            let value = self.expression()?;
            let target = mk(
                ExprKind::Name {
                    id,
                    ctx: ExprContext::Store,
                },
                loc,
            );
            return Some(mk(
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
                self.loc_from(start),
            ));
        }
        None
    }

    fn is_walrus_start(&mut self) -> bool {
        self.at_name() && self.kind_at(1) == TokKind::Op(Op::ColonEqual)
    }

    /// `named_expression: assignment_expression | invalid_named_expression | expression !':='`
    pub(crate) fn named_expression(&mut self) -> Option<Expr> {
        if self.is_walrus_start() {
            return self.assignment_expression();
        }
        if self.invalid {
            self.invalid_named_expression()?;
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEqual) {
            return None;
        }
        Some(e)
    }

    /// `assignment_expression | expression !':='` (genexp element, call argument).
    pub(crate) fn walrus_or_expression(&mut self) -> Option<Expr> {
        if self.is_walrus_start() {
            return self.assignment_expression();
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEqual) {
            return None;
        }
        Some(e)
    }

    /// `disjunction: conjunction ('or' conjunction)+ | conjunction`
    pub(crate) fn disjunction(&mut self) -> Option<Expr> {
        self.bool_chain(Kw::Or, BoolOp::Or, Self::conjunction)
    }

    /// `conjunction: inversion ('and' inversion)+ | inversion`
    fn conjunction(&mut self) -> Option<Expr> {
        self.bool_chain(Kw::And, BoolOp::And, Self::inversion)
    }

    /// `operand (kw operand)+ | operand`, as one flat BoolOp (the shape of both rules above).
    fn bool_chain(
        &mut self,
        kw: Kw,
        op: BoolOp,
        operand: fn(&mut Self) -> Option<Expr>,
    ) -> Option<Expr> {
        let start = self.start();
        let a = operand(self)?;
        if !self.at_kw(kw) {
            return Some(a);
        }
        let mut values = vec![a];
        while self.at_kw(kw) {
            let save = self.pos;
            self.pos += 1;
            match operand(self) {
                Some(e) => values.push(e),
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save;
                    break;
                }
            }
        }
        if values.len() == 1 {
            return values.pop();
        }
        Some(mk(ExprKind::BoolOp { op, values }, self.loc_from(start)))
    }

    /// `inversion: 'not' inversion | comparison`
    fn inversion(&mut self) -> Option<Expr> {
        if self.at_kw(Kw::Not) {
            let start = self.start();
            let save = self.pos;
            self.pos += 1;
            if !self.enter(1) {
                return None;
            }
            let r = self.inversion();
            self.leave(1);
            match r {
                Some(e) => {
                    return Some(mk(
                        ExprKind::UnaryOp {
                            op: UnaryOp::Not,
                            operand: Box::new(e),
                        },
                        self.loc_from(start),
                    ))
                }
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save;
                }
            }
        }
        self.comparison()
    }

    fn compare_op(&mut self) -> Option<CmpOp> {
        let op = match self.kind() {
            TokKind::Op(Op::EqEqual) => CmpOp::Eq,
            TokKind::Op(Op::NotEqual) => CmpOp::NotEq,
            TokKind::Op(Op::LessEqual) => CmpOp::LtE,
            TokKind::Op(Op::Less) => CmpOp::Lt,
            TokKind::Op(Op::GreaterEqual) => CmpOp::GtE,
            TokKind::Op(Op::Greater) => CmpOp::Gt,
            TokKind::Name => match self.kw() {
                Kw::In => CmpOp::In,
                Kw::Not => {
                    if self.kw_at(1) == Kw::In {
                        self.pos += 2;
                        return Some(CmpOp::NotIn);
                    }
                    return None;
                }
                Kw::Is => {
                    if self.kw_at(1) == Kw::Not {
                        self.pos += 2;
                        return Some(CmpOp::IsNot);
                    }
                    CmpOp::Is
                }
                _ => return None,
            },
            _ => return None,
        };
        self.pos += 1;
        Some(op)
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`
    fn comparison(&mut self) -> Option<Expr> {
        let start = self.start();
        let a = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let save = self.pos;
            let Some(op) = self.compare_op() else { break };
            match self.bitwise_or() {
                Some(b) => {
                    ops.push(op);
                    comparators.push(b);
                }
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save;
                    break;
                }
            }
        }
        if ops.is_empty() {
            return Some(a);
        }
        Some(mk(
            ExprKind::Compare {
                left: Box::new(a),
                ops,
                comparators,
            },
            self.loc_from(start),
        ))
    }

    /// Left-recursive binary rules as loops: `bitwise_or` ... `term`.
    fn binary(
        &mut self,
        level: u8,
        next: fn(&mut Self) -> Option<Expr>,
        ops: fn(TokKind) -> Option<Operator>,
    ) -> Option<Expr> {
        let _ = level;
        let start = self.start();
        let mut a = next(self)?;
        loop {
            let k = self.kind();
            let Some(op) = ops(k) else { break };
            let save = self.pos;
            self.pos += 1;
            match next(self) {
                Some(b) => {
                    a = mk(
                        ExprKind::BinOp {
                            left: Box::new(a),
                            op,
                            right: Box::new(b),
                        },
                        self.loc_from(start),
                    );
                }
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save;
                    break;
                }
            }
        }
        Some(a)
    }

    /// `bitwise_or`, memoized by position as pegen memoizes its left-recursive rules: the
    /// alternatives that re-parse an operand (call arguments, parenthesized forms, the error
    /// pass's `invalid_*` rules) would otherwise take time exponential in the nesting depth.
    pub(crate) fn bitwise_or(&mut self) -> Option<Expr> {
        self.memoized(1, Self::bitwise_or_inner)
    }
    fn bitwise_or_inner(&mut self) -> Option<Expr> {
        self.binary(0, Self::bitwise_xor, |k| match k {
            TokKind::Op(Op::VBar) => Some(Operator::BitOr),
            _ => None,
        })
    }
    fn bitwise_xor(&mut self) -> Option<Expr> {
        self.binary(1, Self::bitwise_and, |k| match k {
            TokKind::Op(Op::Circumflex) => Some(Operator::BitXor),
            _ => None,
        })
    }
    fn bitwise_and(&mut self) -> Option<Expr> {
        self.binary(2, Self::shift_expr, |k| match k {
            TokKind::Op(Op::Amper) => Some(Operator::BitAnd),
            _ => None,
        })
    }
    fn shift_expr(&mut self) -> Option<Expr> {
        self.binary(3, Self::sum, |k| match k {
            TokKind::Op(Op::LeftShift) => Some(Operator::LShift),
            TokKind::Op(Op::RightShift) => Some(Operator::RShift),
            _ => None,
        })
    }
    pub(crate) fn sum(&mut self) -> Option<Expr> {
        self.binary(4, Self::term, |k| match k {
            TokKind::Op(Op::Plus) => Some(Operator::Add),
            TokKind::Op(Op::Minus) => Some(Operator::Sub),
            _ => None,
        })
    }
    fn term(&mut self) -> Option<Expr> {
        self.binary(5, Self::factor, |k| match k {
            TokKind::Op(Op::Star) => Some(Operator::Mult),
            TokKind::Op(Op::Slash) => Some(Operator::Div),
            TokKind::Op(Op::DoubleSlash) => Some(Operator::FloorDiv),
            TokKind::Op(Op::Percent) => Some(Operator::Mod),
            TokKind::Op(Op::At) => Some(Operator::MatMult),
            _ => None,
        })
    }

    /// `factor: '+' factor | '-' factor | '~' factor | power`
    pub(crate) fn factor(&mut self) -> Option<Expr> {
        let op = match self.kind() {
            TokKind::Op(Op::Plus) => UnaryOp::UAdd,
            TokKind::Op(Op::Minus) => UnaryOp::USub,
            TokKind::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.pos += 1;
        if !self.enter(1) {
            return None;
        }
        let r = self.factor();
        self.leave(1);
        let e = r?;
        Some(mk(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(e),
            },
            self.loc_from(start),
        ))
    }

    /// `power: await_primary '**' factor | await_primary`
    fn power(&mut self) -> Option<Expr> {
        let start = self.start();
        let a = self.await_primary()?;
        if self.at_op(Op::DoubleStar) {
            let save = self.pos;
            self.pos += 1;
            if !self.enter(1) {
                return None;
            }
            let r = self.factor();
            self.leave(1);
            match r {
                Some(b) => {
                    return Some(mk(
                        ExprKind::BinOp {
                            left: Box::new(a),
                            op: Operator::Pow,
                            right: Box::new(b),
                        },
                        self.loc_from(start),
                    ))
                }
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save;
                }
            }
        }
        Some(a)
    }

    fn await_primary(&mut self) -> Option<Expr> {
        if self.at_kw(Kw::Await) {
            let start = self.start();
            self.pos += 1;
            let v = self.primary()?;
            return Some(mk(
                ExprKind::Await { value: Box::new(v) },
                self.loc_from(start),
            ));
        }
        self.primary()
    }

    /// `primary`: an atom followed by `.NAME`, `(args)`, genexp and `[slices]` trailers.
    pub(crate) fn primary(&mut self) -> Option<Expr> {
        let start = self.start();
        let mut a = self.atom()?;
        loop {
            match self.kind() {
                TokKind::Op(Op::Dot) => {
                    let save = self.pos;
                    self.pos += 1;
                    match self.name() {
                        Some((attr, _)) => {
                            a = mk(
                                ExprKind::Attribute {
                                    value: Box::new(a),
                                    attr,
                                    ctx: ExprContext::Load,
                                },
                                self.loc_from(start),
                            );
                        }
                        None => {
                            self.pos = save;
                            break;
                        }
                    }
                }
                TokKind::Op(Op::LPar) => {
                    let save = self.pos;
                    match self.call_trailer() {
                        Some((args, keywords)) => {
                            a = mk(
                                ExprKind::Call {
                                    func: Box::new(a),
                                    args,
                                    keywords,
                                },
                                self.loc_from(start),
                            );
                        }
                        None => {
                            if self.failed() {
                                return None;
                            }
                            self.pos = save;
                            break;
                        }
                    }
                }
                TokKind::Op(Op::LSqb) => {
                    let save = self.pos;
                    self.pos += 1;
                    let s = self.slices();
                    match s {
                        Some(s) if self.eat_op(Op::RSqb) => {
                            a = mk(
                                ExprKind::Subscript {
                                    value: Box::new(a),
                                    slice: Box::new(s),
                                    ctx: ExprContext::Load,
                                },
                                self.loc_from(start),
                            );
                        }
                        _ => {
                            if self.failed() {
                                return None;
                            }
                            self.pos = save;
                            break;
                        }
                    }
                }
                _ => break,
            }
        }
        Some(a)
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    pub(crate) fn slices(&mut self) -> Option<Expr> {
        let start = self.start();
        let a = self.slice_or_starred()?;
        if !self.at_op(Op::Comma) {
            if matches!(a.kind, ExprKind::Starred { .. }) {
                // A lone starred slice needs the tuple form, which requires no comma... it is
                // `','.(slice | starred_expression)+` with one element: a one-element tuple.
                return Some(mk(
                    ExprKind::Tuple {
                        elts: vec![a],
                        ctx: ExprContext::Load,
                    },
                    self.loc_from(start),
                ));
            }
            return Some(a);
        }
        let mut elts = vec![a];
        while self.at_op(Op::Comma) {
            let save = self.pos;
            self.pos += 1;
            match self.slice_or_starred() {
                Some(e) => elts.push(e),
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save + 1;
                    break;
                }
            }
        }
        Some(mk(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.loc_from(start),
        ))
    }

    fn slice_or_starred(&mut self) -> Option<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.pos += 1;
            let v = self.expression()?;
            return Some(mk(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        self.slice()
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    fn slice(&mut self) -> Option<Expr> {
        let start = self.start();
        if self.invalid || self.is_walrus_start() {
            let save = self.pos;
            if !self.at_op(Op::Colon) {
                let ok = self.expression().is_some() && self.at_op(Op::Colon);
                if self.failed() {
                    return None;
                }
                self.pos = save;
                if !ok {
                    return self.named_expression();
                }
            }
        }
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            Some(self.expression()?)
        };
        if !self.eat_op(Op::Colon) {
            // The named_expression alternative: `expression !':='`.
            if self.at_op(Op::ColonEqual) {
                return None;
            }
            return lower;
        }
        let upper = self.opt_expression()?;
        let step = if self.eat_op(Op::Colon) {
            self.opt_expression()?
        } else {
            None
        };
        Some(mk(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
            self.loc_from(start),
        ))
    }

    /// `[expression]`: Some(None) when absent; None only on a hard error.
    pub(crate) fn opt_expression(&mut self) -> Option<Option<Box<Expr>>> {
        let save = self.pos;
        match self.expression() {
            Some(e) => Some(Some(Box::new(e))),
            None => {
                if self.failed() {
                    return None;
                }
                self.pos = save;
                Some(None)
            }
        }
    }

    /// `atom`
    pub(crate) fn atom(&mut self) -> Option<Expr> {
        let k = self.kind();
        match k {
            TokKind::Name => {
                let kw = self.kw();
                let t = self.tok();
                let loc = tok_loc(t);
                let c = match kw {
                    Kw::True => Constant::Bool(true),
                    Kw::False => Constant::Bool(false),
                    Kw::None => Constant::None,
                    _ if kw.is_name() => return self.name_expr(),
                    _ => return None,
                };
                self.pos += 1;
                Some(mk(
                    ExprKind::Constant {
                        value: c,
                        kind: None,
                    },
                    loc,
                ))
            }
            TokKind::String => self.strings(),
            TokKind::Number => {
                let t = self.tok();
                let loc = tok_loc(t);
                let v = super::literals::number_constant(&t.text);
                match v {
                    Some(c) => {
                        self.pos += 1;
                        Some(mk(
                            ExprKind::Constant {
                                value: c,
                                kind: None,
                            },
                            loc,
                        ))
                    }
                    None => {
                        let e = self.error_at_tok(self.pos, "invalid number literal");
                        self.err = Some(e);
                        None
                    }
                }
            }
            TokKind::Op(Op::LPar) => self.paren_atom(),
            TokKind::Op(Op::LSqb) => self.list_atom(),
            TokKind::Op(Op::LBrace) => self.brace_atom(),
            TokKind::Op(Op::Ellipsis) => {
                let loc = tok_loc(self.tok());
                self.pos += 1;
                Some(mk(
                    ExprKind::Constant {
                        value: Constant::Ellipsis,
                        kind: None,
                    },
                    loc,
                ))
            }
            _ => None,
        }
    }

    /// `tuple | group | genexp`
    fn paren_atom(&mut self) -> Option<Expr> {
        let start = self.start();
        let open = self.pos;
        self.pos += 1;
        if self.eat_op(Op::RPar) {
            return Some(mk(
                ExprKind::Tuple {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        if self.at_kw(Kw::Yield) {
            let e = self.yield_expr()?;
            if self.eat_op(Op::RPar) {
                return Some(e);
            }
            return None;
        }
        if self.invalid && self.at_op(Op::DoubleStar) {
            // invalid_group: '(' '**' expression ')'
            let t = self.pos;
            self.pos += 1;
            if self.expression().is_some() && self.at_op(Op::RPar) {
                let loc = tok_loc(&self.toks[t]);
                return self.raise_loc(loc, "cannot use double starred expression here");
            }
            if self.failed() {
                return None;
            }
            self.pos = open + 1;
        }
        let first = self.star_named_expression()?;
        if self.at_op(Op::Comma) {
            let mut elts = vec![first];
            self.pos += 1;
            if !self.at_op(Op::RPar) {
                elts.extend(self.star_named_expressions()?);
            }
            if !self.eat_op(Op::RPar) {
                return None;
            }
            return Some(mk(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        if matches!(self.kw(), Kw::For | Kw::Async)
            && !matches!(first.kind, ExprKind::Starred { .. })
        {
            let generators = self.for_if_clauses()?;
            if !self.eat_op(Op::RPar) {
                return None;
            }
            return Some(mk(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                self.loc_from(start),
            ));
        }
        if self.eat_op(Op::RPar) {
            if let ExprKind::Starred { .. } = first.kind {
                if self.invalid {
                    return self.raise_loc(first.loc, "cannot use starred expression here");
                }
                return None;
            }
            return Some(first);
        }
        None
    }

    /// `list | listcomp`
    fn list_atom(&mut self) -> Option<Expr> {
        let start = self.start();
        self.pos += 1;
        if self.eat_op(Op::RSqb) {
            return Some(mk(
                ExprKind::List {
                    elts: vec![],
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        let first = self.star_named_expression()?;
        if matches!(self.kw(), Kw::For | Kw::Async)
            && !matches!(first.kind, ExprKind::Starred { .. })
        {
            let generators = self.for_if_clauses()?;
            if !self.eat_op(Op::RSqb) {
                return None;
            }
            return Some(mk(
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                self.loc_from(start),
            ));
        }
        let mut elts = vec![first];
        if self.eat_op(Op::Comma) && !self.at_op(Op::RSqb) {
            elts.extend(self.star_named_expressions()?);
        }
        if !self.eat_op(Op::RSqb) {
            return None;
        }
        Some(mk(
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
            self.loc_from(start),
        ))
    }

    /// `dict | set | dictcomp | setcomp`
    fn brace_atom(&mut self) -> Option<Expr> {
        let start = self.start();
        self.pos += 1;
        if self.eat_op(Op::RBrace) {
            return Some(mk(
                ExprKind::Dict {
                    keys: vec![],
                    values: vec![],
                },
                self.loc_from(start),
            ));
        }
        let mut keys = Vec::new();
        let mut values = Vec::new();
        if self.at_op(Op::DoubleStar) {
            self.pos += 1;
            values.push(self.bitwise_or()?);
            keys.push(None);
        } else {
            let first_start = self.pos;
            let first = self.star_named_expression()?;
            let bare = !matches!(
                first.kind,
                ExprKind::Starred { .. } | ExprKind::NamedExpr { .. }
            ) || self.toks[first_start].kind == TokKind::Op(Op::LPar);
            if !(bare && self.at_op(Op::Colon)) {
                // A set or set comprehension.
                if matches!(self.kw(), Kw::For | Kw::Async)
                    && !matches!(first.kind, ExprKind::Starred { .. })
                {
                    let generators = self.for_if_clauses()?;
                    if !self.eat_op(Op::RBrace) {
                        return None;
                    }
                    return Some(mk(
                        ExprKind::SetComp {
                            elt: Box::new(first),
                            generators,
                        },
                        self.loc_from(start),
                    ));
                }
                let mut elts = vec![first];
                if self.eat_op(Op::Comma) && !self.at_op(Op::RBrace) {
                    elts.extend(self.star_named_expressions()?);
                }
                if !self.eat_op(Op::RBrace) {
                    return None;
                }
                return Some(mk(ExprKind::Set { elts }, self.loc_from(start)));
            }
            // `kvpair: expression ':' expression`: a bare named_expression is an expression.
            let key = first;
            self.pos += 1;
            let value = self.expression()?;
            if matches!(self.kw(), Kw::For | Kw::Async) {
                let generators = self.for_if_clauses()?;
                if !self.eat_op(Op::RBrace) {
                    return None;
                }
                return Some(mk(
                    ExprKind::DictComp {
                        key: Box::new(key),
                        value: Box::new(value),
                        generators,
                    },
                    self.loc_from(start),
                ));
            }
            keys.push(Some(key));
            values.push(value);
        }
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                values.push(self.bitwise_or()?);
                keys.push(None);
                continue;
            }
            let k = self.expression()?;
            if !self.eat_op(Op::Colon) {
                if self.invalid && keys.iter().all(|k| k.is_some()) {
                    // invalid_kvpair: a=expression !(':')
                    let c = k.loc.end_col_offset.saturating_sub(1);
                    let loc = Loc::new(k.loc.lineno, c, k.loc.end_lineno, c);
                    self.raise_loc::<()>(loc, "':' expected after dictionary key");
                    if let Some(e) = self.err.as_mut() {
                        e.end_offset = 0;
                    }
                }
                return None;
            }
            if self.invalid && self.at_op(Op::Star) {
                let t = self.tok().start;
                let _ = self.bitwise_or();
                let end = self.last_end();
                return self.raise_loc(
                    Loc::new(t.line, t.col, end.line, end.col),
                    "cannot use a starred expression in a dictionary value",
                );
            }
            if self.invalid && matches!(self.kind(), TokKind::Op(Op::RBrace | Op::Comma)) {
                let loc = tok_loc(&self.toks[self.pos - 1]);
                return self.raise_loc(loc, "expression expected after dictionary key and ':'");
            }
            let v = self.expression()?;
            keys.push(Some(k));
            values.push(v);
        }
        if !self.eat_op(Op::RBrace) {
            return None;
        }
        Some(mk(ExprKind::Dict { keys, values }, self.loc_from(start)))
    }

    /// `for_if_clauses: for_if_clause+`
    pub(crate) fn for_if_clauses(&mut self) -> Option<Vec<Comprehension>> {
        let mut v = Vec::new();
        loop {
            let save = self.pos;
            let is_async = self.at_kw(Kw::Async);
            if is_async {
                self.pos += 1;
            }
            if !self.eat_kw(Kw::For) {
                self.pos = save;
                break;
            }
            let target = match self.star_targets() {
                Some(t) => t,
                None => {
                    if self.invalid && !self.failed() {
                        self.pos = save + is_async as usize + 1;
                        self.invalid_for_target()?;
                    }
                    return None;
                }
            };
            if !self.eat_kw(Kw::In) {
                if self.invalid && !self.failed() {
                    self.pos = save + is_async as usize + 1;
                    self.invalid_for_target()?;
                }
                return None;
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.at_kw(Kw::If) {
                let s2 = self.pos;
                self.pos += 1;
                match self.disjunction() {
                    Some(e) => ifs.push(e),
                    None => {
                        if self.failed() {
                            return None;
                        }
                        self.pos = s2;
                        break;
                    }
                }
            }
            v.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        if v.is_empty() {
            return None;
        }
        if self.invalid && matches!(self.kind(), TokKind::Op(Op::Comma)) {
            // handled by the callers' invalid rules
        }
        Some(v)
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    fn lambdef(&mut self) -> Option<Expr> {
        let start = self.start();
        self.pos += 1;
        let args = if self.at_op(Op::Colon) {
            Default::default()
        } else {
            self.params(true)?
        };
        if !self.eat_op(Op::Colon) {
            return None;
        }
        let body = self.expression()?;
        Some(mk(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            self.loc_from(start),
        ))
    }

    /// `strings: STRING+`
    fn strings(&mut self) -> Option<Expr> {
        let first = self.pos;
        while self.kind() == TokKind::String {
            self.pos += 1;
        }
        match super::fstrings::concatenate(self, first, self.pos) {
            Ok(e) => Some(e),
            Err(e) => {
                self.err = Some(e);
                None
            }
        }
    }
}
