//! CPython's `invalid_*` rules (run in the second pass only) and error construction.

use super::statements::augassign_op;
use super::targets::{invalid_target, Targets};
use super::{tok_loc, Kw, Parser};
use crate::syntax::ast::{Constant, Expr, ExprKind, Loc};
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::token::{Op, Pos, TokKind};

/// `_PyPegen_get_expr_name`
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Memo keys of the target rules (`star_target`, `target_with_star_atom`, `del_target`).
pub(crate) const MEMO_STAR_TARGET: u8 = 2;
pub(crate) const MEMO_STAR_TARGET_ATOM: u8 = 3;
pub(crate) const MEMO_DEL_TARGET_ATOM: u8 = 4;

fn loc_span(a: Loc, b: Loc) -> Loc {
    Loc::new(a.lineno, a.col_offset, b.end_lineno, b.end_col_offset)
}

impl<'s> Parser<'s> {
    // ---- building errors ----

    /// A SyntaxError at byte-column location `loc` (end may equal start: no range).
    pub(crate) fn make_error(
        &self,
        kind: SyntaxErrorKind,
        loc: Loc,
        msg: &str,
    ) -> Box<SyntaxError> {
        let msg =
            if self.fstring && kind == SyntaxErrorKind::SyntaxError && !msg.starts_with("f-string")
            {
                format!("f-string: {msg}")
            } else {
                msg.to_string()
            };
        // In an f-string expression's sub-parse, pegen reports positions within "(expr)".
        let (line0, col0) = self.shift.unwrap_or((1, 0));
        let src_line = |line: u32| line.saturating_sub(line0 - 1);
        let text = super::line_text(self.source, src_line(loc.lineno));
        let col = |line: u32, c: u32| -> u32 {
            let c = if line == line0 {
                c.saturating_sub(col0)
            } else {
                c
            };
            match super::line_text(self.source, src_line(line)) {
                Some(t) => {
                    // The tokenizer's columns are in the line with `\r\n` made `\n`.
                    let t = t.strip_suffix(b"\r").unwrap_or(t);
                    let c = (c as usize).min(t.len());
                    String::from_utf8_lossy(&t[..c]).chars().count() as u32 + 1
                }
                None => c + 1,
            }
        };
        let offset = col(loc.lineno, loc.col_offset);
        let end_offset = col(loc.end_lineno, loc.end_col_offset);
        Box::new(SyntaxError {
            kind,
            msg,
            filename: self.filename.to_string(),
            lineno: loc.lineno,
            offset,
            end_lineno: loc.end_lineno,
            end_offset,
            // With the newline, as the parser's line buffer has it (the tokenizer adds one
            // at the end of the source).
            text: text.map(|t| {
                String::from_utf8_lossy(t)
                    .trim_end_matches('\r')
                    .to_string()
                    + "\n"
            }),
        })
    }

    pub(crate) fn error_at_tok(&self, i: usize, msg: &str) -> Box<SyntaxError> {
        let i = i.min(self.toks.len() - 1);
        self.make_error(SyntaxErrorKind::SyntaxError, tok_loc(&self.toks[i]), msg)
    }

    pub(crate) fn raise_loc<T>(&mut self, loc: Loc, msg: &str) -> Option<T> {
        if self.err.is_none() {
            self.err = Some(self.make_error(SyntaxErrorKind::SyntaxError, loc, msg));
        }
        None
    }
    /// At the current token.
    pub(crate) fn raise_here<T>(&mut self, msg: &str) -> Option<T> {
        let loc = tok_loc(self.tok());
        self.raise_loc(loc, msg)
    }
    /// RAISE_SYNTAX_ERROR without a location: at the last token fetched.
    pub(crate) fn raise_last<T>(&mut self, msg: &str) -> Option<T> {
        let i = self.max_pos.min(self.toks.len() - 1);
        if self.err.is_none() {
            self.err = Some(self.error_at_index(SyntaxErrorKind::SyntaxError, i, msg));
        }
        None
    }
    /// At the previous token.
    pub(crate) fn raise_prev<T>(&mut self, msg: &str) -> Option<T> {
        let loc = tok_loc(&self.toks[self.pos.saturating_sub(1)]);
        self.raise_loc(loc, msg)
    }
    /// RAISE_INDENTATION_ERROR: at the last token fetched.
    pub(crate) fn raise_indent<T>(&mut self, msg: &str) -> Option<T> {
        if self.err.is_none() {
            let i = self.max_pos.min(self.toks.len() - 1);
            self.err = Some(self.error_at_index(SyntaxErrorKind::IndentationError, i, msg));
        }
        None
    }
    pub(crate) fn raise_range_toks<T>(&mut self, start: Pos, end: Loc, msg: &str) -> Option<T> {
        let loc = Loc::new(start.line, start.col, end.end_lineno, end.end_col_offset);
        self.raise_loc(loc, msg)
    }

    /// The error for a failed parse with no specific error: "invalid syntax" at the furthest token
    /// of the first pass, or the tokenizer's indentation errors.
    pub(crate) fn generic_error(&self, first_pass_max: usize) -> Box<SyntaxError> {
        let i = first_pass_max.min(self.toks.len() - 1);
        match self.toks[i].kind {
            TokKind::Indent => {
                self.error_at_index(SyntaxErrorKind::IndentationError, i, "unexpected indent")
            }
            TokKind::Dedent => {
                self.error_at_index(SyntaxErrorKind::IndentationError, i, "unexpected unindent")
            }
            _ => self.error_at_index(SyntaxErrorKind::SyntaxError, i, "invalid syntax"),
        }
    }

    /// An error at token `i` as `_PyPegen_raise_error` places it. pegen's INDENT, DEDENT and
    /// ENDMARKER tokens have no columns: CPython then reports the tokenizer's position (after the
    /// indentation; at EOF, the end of the last line), with no end.
    pub(crate) fn error_at_index(
        &self,
        kind: SyntaxErrorKind,
        i: usize,
        msg: &str,
    ) -> Box<SyntaxError> {
        let t = &self.toks[i];
        let synthetic = matches!(
            t.kind,
            TokKind::Indent | TokKind::Dedent | TokKind::EndMarker
        );
        if !synthetic || self.shift.is_some() {
            return self.make_error(kind, tok_loc(t), msg);
        }
        let at_eof = self.toks[i..].iter().all(|t| {
            matches!(
                t.kind,
                TokKind::Dedent | TokKind::EndMarker | TokKind::ErrorToken
            )
        });
        let (line, offset) = if at_eof {
            let src = self.source;
            let body = src.strip_suffix(b"\n").unwrap_or(src);
            let line = body.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let text = super::line_text(src, line).unwrap_or(b"");
            (
                line,
                String::from_utf8_lossy(text).chars().count() as u32 + 1,
            )
        } else if t.kind == TokKind::Indent {
            (t.end.line, t.end.col)
        } else {
            (t.start.line, t.start.col)
        };
        let mut e = self.make_error(kind, Loc::new(line, 0, line, 0), msg);
        e.offset = if at_eof && self.file_mode { 0 } else { offset };
        e.end_offset = 0;
        e
    }

    // ---- memoization (pegen memoizes these rules) ----
    // Keys: 0 disjunction, 1 bitwise_or, 2-4 below, 9 invalid_expression.

    /// `rule` memoized under `key` at the current position (a result that raised an error is
    /// not kept).
    pub(crate) fn memoized(
        &mut self,
        key: u8,
        rule: fn(&mut Self) -> Option<Expr>,
    ) -> Option<Expr> {
        if let Some(r) = self.memo_get(key) {
            return r;
        }
        let start = self.pos;
        let r = rule(self);
        if !self.failed() {
            self.memo_put(key, start, &r);
        }
        r
    }

    fn memo_get(&mut self, key: u8) -> Option<Option<Expr>> {
        let k = (key, self.pos, self.invalid);
        let (e, end) = self.memo.get(&k)?.clone();
        self.pos = end;
        Some(e)
    }
    fn memo_put(&mut self, key: u8, start: usize, e: &Option<Expr>) {
        self.memo
            .insert((key, start, self.invalid), (e.clone(), self.pos));
    }

    pub(crate) fn disjunction_memo(&mut self) -> Option<Expr> {
        self.memoized(0, Self::disjunction)
    }

    fn expression_without_invalid(&mut self) -> Option<Expr> {
        let saved = self.invalid;
        self.invalid = false;
        let r = self.expression();
        self.invalid = saved;
        r
    }

    // ---- the rules ----

    /// `invalid_expression` and `invalid_legacy_expression` (at an expression's start). Returns
    /// None only when an error was raised; the position is restored otherwise.
    pub(crate) fn invalid_expression(&mut self) -> Option<()> {
        let save = self.pos;
        if self.memo.contains_key(&(9, save, true)) {
            return Some(());
        }
        self.memo.insert((9, save, true), (None, save));
        // invalid_legacy_expression: NAME !'(' star_expressions (print/exec)
        let is_soft = matches!(
            self.kw(),
            super::Kw::Match | super::Kw::Case | super::Kw::Underscore
        ) && self.kind() == TokKind::Name;
        let name_string = self.kind() == TokKind::Name && self.kind_at(1) == TokKind::String;
        // !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
        if !name_string && !is_soft {
            if let Some(a) = self.disjunction_memo() {
                let before_b = self.pos;
                let bstart = self.pos;
                if let Some(b) = self.expression_without_invalid() {
                    let legacy = matches!(&a.kind, ExprKind::Name { id, .. } if id == "print" || id == "exec");
                    let level = self.levels[self.pos - 1];
                    if !legacy && level != 0 {
                        let _ = (before_b, bstart);
                        return self.raise_loc(
                            loc_span(a.loc, b.loc),
                            "invalid syntax. Perhaps you forgot a comma?",
                        );
                    }
                }
            }
            if self.failed() {
                return None;
            }
        }
        self.pos = save;
        // disjunction 'if' disjunction !('else'|':')
        if let Some(a) = self.disjunction_memo() {
            if self.eat_kw(Kw::If) {
                if let Some(b) = self.disjunction_memo() {
                    if !self.at_kw(Kw::Else) && !self.at_op(Op::Colon) {
                        return self.raise_loc(
                            loc_span(a.loc, b.loc),
                            "expected 'else' after 'if' expression",
                        );
                    }
                }
            }
        }
        if self.failed() {
            return None;
        }
        self.pos = save;
        // invalid_legacy_expression
        if self.kind() == TokKind::Name
            && self.kw().is_name()
            && self.kind_at(1) != TokKind::Op(Op::LPar)
        {
            let t = self.tok().clone();
            if t.text == "print" || t.text == "exec" {
                self.pos += 1;
                let saved = self.invalid;
                self.invalid = false;
                let b = self.star_expressions();
                self.invalid = saved;
                if let Some(b) = b {
                    let msg = format!(
                        "Missing parentheses in call to '{0}'. Did you mean {0}(...)?",
                        t.text
                    );
                    return self.raise_loc(loc_span(tok_loc(&t), b.loc), &msg);
                }
            }
        }
        self.pos = save;
        Some(())
    }

    /// `invalid_named_expression`
    pub(crate) fn invalid_named_expression(&mut self) -> Option<()> {
        let save = self.pos;
        // a=expression ':=' expression
        let saved_inv = self.invalid;
        if let Some(a) = self.expression() {
            if self.eat_op(Op::ColonEqual) && self.expression().is_some() {
                let msg = format!("cannot use assignment expressions with {}", expr_name(&a));
                return self.raise_loc(a.loc, &msg);
            }
        }
        self.invalid = saved_inv;
        if self.failed() {
            return None;
        }
        self.pos = save;
        // a=NAME '=' b=bitwise_or !('='|':=')
        if self.at_name() && self.kind_at(1) == TokKind::Op(Op::Equal) {
            let a = tok_loc(self.tok());
            self.pos += 2;
            if let Some(b) = self.bitwise_or() {
                if !self.at_op(Op::Equal) && !self.at_op(Op::ColonEqual) {
                    return self.raise_loc(
                        loc_span(a, b.loc),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    );
                }
            }
            if self.failed() {
                return None;
            }
            self.pos = save;
        }
        // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
        let excluded = match self.kind() {
            TokKind::Name => matches!(self.kw(), Kw::True | Kw::None | Kw::False),
            TokKind::Op(Op::LSqb) | TokKind::Op(Op::LPar) => {
                // list / tuple / genexp: an atom of those kinds followed by anything
                let p0 = self.pos;
                let r = self.atom();
                let ex = matches!(
                    r.as_ref().map(|e| &e.kind),
                    Some(
                        ExprKind::List { .. }
                            | ExprKind::Tuple { .. }
                            | ExprKind::GeneratorExp { .. }
                    )
                ) && self.toks[p0].kind != TokKind::Op(Op::LPar)
                    || matches!(
                        r.as_ref().map(|e| &e.kind),
                        Some(ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. })
                    );
                if self.failed() {
                    return None;
                }
                self.pos = p0;
                ex
            }
            _ => false,
        };
        if !excluded {
            if let Some(a) = self.bitwise_or() {
                if self.eat_op(Op::Equal)
                    && self.bitwise_or().is_some()
                    && !self.at_op(Op::Equal)
                    && !self.at_op(Op::ColonEqual)
                {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(&a)
                    );
                    return self.raise_loc(a.loc, &msg);
                }
            }
            if self.failed() {
                return None;
            }
        }
        self.pos = save;
        Some(())
    }

    /// `invalid_assignment` (after the regular assignment and expression forms failed).
    pub(crate) fn invalid_assignment(&mut self) -> Option<()> {
        let save = self.pos;
        // invalid_ann_assign_target ':' expression
        if matches!(self.kind(), TokKind::Op(Op::LPar) | TokKind::Op(Op::LSqb)) {
            if let Some(a) = self.atom() {
                if matches!(a.kind, ExprKind::List { .. } | ExprKind::Tuple { .. })
                    && self.eat_op(Op::Colon)
                    && self.expression().is_some()
                {
                    let msg = format!(
                        "only single target (not {}) can be annotated",
                        expr_name(&a)
                    );
                    return self.raise_loc(a.loc, &msg);
                }
            }
            if self.failed() {
                return None;
            }
            self.pos = save;
        }
        // star_named_expression ',' star_named_expressions* ':' expression
        if let Some(a) = self.star_named_expression() {
            if self.eat_op(Op::Comma) {
                while self.star_named_expressions().is_some() {}
                if self.failed() {
                    return None;
                }
                if self.eat_op(Op::Colon) && self.expression().is_some() {
                    return self
                        .raise_loc(a.loc, "only single target (not tuple) can be annotated");
                }
            }
        }
        if self.failed() {
            return None;
        }
        self.pos = save;
        // expression ':' expression
        if let Some(a) = self.expression() {
            if self.eat_op(Op::Colon) && self.expression().is_some() {
                return self.raise_loc(a.loc, "illegal target for annotation");
            }
        }
        if self.failed() {
            return None;
        }
        self.pos = save;
        // (star_targets '=')* a=star_expressions '='  /  a=yield_expr '='
        loop {
            let s = self.pos;
            if self.star_targets().is_some() && self.eat_op(Op::Equal) {
                continue;
            }
            if self.failed() {
                return None;
            }
            self.pos = s;
            break;
        }
        let s = self.pos;
        if self.at_kw(Kw::Yield) {
            if let Some(a) = self.yield_expr() {
                if self.at_op(Op::Equal) {
                    return self.raise_loc(a.loc, "assignment to yield expression not possible");
                }
            }
        } else if let Some(a) = self.star_expressions() {
            if self.at_op(Op::Equal) {
                if let Some(bad) = invalid_target(&a, Targets::Star) {
                    let msg = format!("cannot assign to {}", expr_name(bad));
                    return self.raise_loc(bad.loc, &msg);
                }
            }
        }
        if self.failed() {
            return None;
        }
        self.pos = save;
        let _ = s;
        // star_expressions augassign (yield_expr | star_expressions)
        if let Some(a) = self.star_expressions() {
            if augassign_op(self.kind()).is_some() {
                self.pos += 1;
                let ok = if self.at_kw(Kw::Yield) {
                    self.yield_expr().is_some()
                } else {
                    self.star_expressions().is_some()
                };
                if ok {
                    let msg = format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&a)
                    );
                    return self.raise_loc(a.loc, &msg);
                }
            }
        }
        if self.failed() {
            return None;
        }
        self.pos = save;
        Some(())
    }

    /// `invalid_for_target: ASYNC? 'for' a=star_expressions` (position after 'for').
    pub(crate) fn invalid_for_target(&mut self) -> Option<()> {
        let save = self.pos;
        if let Some(a) = self.star_expressions() {
            if let Some(bad) = invalid_target(&a, Targets::For) {
                let msg = format!("cannot assign to {}", expr_name(bad));
                return self.raise_loc(bad.loc, &msg);
            }
        }
        if self.failed() {
            return None;
        }
        self.pos = save;
        Some(())
    }

    /// A simple statement not followed by NEWLINE or ';'.
    pub(crate) fn invalid_simple_stmt_end(
        &mut self,
        _v: &[crate::syntax::ast::Stmt],
    ) -> Option<()> {
        Some(())
    }

    /// `invalid_kwarg: ('True'|'False'|'None') '='`
    pub(crate) fn invalid_kwarg_keyword<T>(&mut self) -> Option<T> {
        let a = tok_loc(self.tok());
        let b = tok_loc(&self.toks[self.pos + 1]);
        let text = self.tok().text.clone();
        if matches!(self.kw(), Kw::True | Kw::False | Kw::None) {
            return self.raise_loc(loc_span(a, b), &format!("cannot assign to {text}"));
        }
        None
    }

    /// `invalid_kwarg: !(NAME '=') a=expression b='='`
    pub(crate) fn invalid_kwarg_expr<T>(&mut self, a: Expr) -> Option<T> {
        let b = tok_loc(self.tok());
        self.raise_loc(
            loc_span(a.loc, b),
            "expression cannot contain assignment, perhaps you meant \"==\"?",
        )
    }

    /// A call argument that is not an expression.
    pub(crate) fn invalid_arg(&mut self) -> Option<()> {
        Some(())
    }

    /// After a call argument, neither ',' nor ')'.
    pub(crate) fn invalid_after_arg(&mut self) -> Option<()> {
        Some(())
    }
}
