//! Statement rules: `file`, `statements`, simple and compound statements, blocks.

use super::expressions::mk;
use super::targets::{invalid_target, set_ctx, Targets};
use super::{tok_loc, Kw, Parser};
use crate::syntax::ast::{
    self, Alias, ExceptHandler, Expr, ExprContext, ExprKind, Loc, MatchCase, Operator, Stmt,
    StmtKind, WithItem,
};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::token::{Op, Pos, TokKind};

fn st(kind: StmtKind, loc: Loc) -> Stmt {
    Stmt { kind, loc }
}

pub(crate) fn augassign_op(k: TokKind) -> Option<Operator> {
    Some(match k {
        TokKind::Op(Op::PlusEqual) => Operator::Add,
        TokKind::Op(Op::MinEqual) => Operator::Sub,
        TokKind::Op(Op::StarEqual) => Operator::Mult,
        TokKind::Op(Op::AtEqual) => Operator::MatMult,
        TokKind::Op(Op::SlashEqual) => Operator::Div,
        TokKind::Op(Op::PercentEqual) => Operator::Mod,
        TokKind::Op(Op::AmperEqual) => Operator::BitAnd,
        TokKind::Op(Op::VBarEqual) => Operator::BitOr,
        TokKind::Op(Op::CircumflexEqual) => Operator::BitXor,
        TokKind::Op(Op::LeftShiftEqual) => Operator::LShift,
        TokKind::Op(Op::RightShiftEqual) => Operator::RShift,
        TokKind::Op(Op::DoubleStarEqual) => Operator::Pow,
        TokKind::Op(Op::DoubleSlashEqual) => Operator::FloorDiv,
        _ => return None,
    })
}

impl<'s> Parser<'s> {
    /// `file: [statements] ENDMARKER`
    pub(crate) fn file(&mut self) -> Option<ast::Mod> {
        let mut body = Vec::new();
        while self.kind() != TokKind::EndMarker {
            let v = self.statement()?;
            body.extend(v);
        }
        Some(ast::Mod::Module {
            body,
            type_ignores: vec![],
        })
    }

    /// `eval: expressions NEWLINE* ENDMARKER`
    pub(crate) fn eval(&mut self) -> Option<ast::Mod> {
        let e = self.expressions()?;
        while self.eat_kind(TokKind::Newline) {}
        if self.kind() != TokKind::EndMarker {
            return None;
        }
        Some(ast::Mod::Expression { body: Box::new(e) })
    }

    /// `statement: compound_stmt | simple_stmts`
    fn statement(&mut self) -> Option<Vec<Stmt>> {
        let save = self.pos;
        if let Some(s) = self.compound_stmt() {
            return Some(vec![s]);
        }
        if self.failed() {
            return None;
        }
        self.pos = save;
        self.simple_stmts()
    }

    /// `statements: statement+` inside a block (until DEDENT).
    fn statements(&mut self) -> Option<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            let save = self.pos;
            match self.statement() {
                Some(v) => body.extend(v),
                None => {
                    if self.failed() {
                        return None;
                    }
                    self.pos = save;
                    break;
                }
            }
        }
        if body.is_empty() {
            None
        } else {
            Some(body)
        }
    }

    /// `simple_stmts: ';'.simple_stmt+ [';'] NEWLINE`
    fn simple_stmts(&mut self) -> Option<Vec<Stmt>> {
        let mut v = vec![self.simple_stmt()?];
        while self.eat_op(Op::Semi) {
            if self.kind() == TokKind::Newline {
                break;
            }
            v.push(self.simple_stmt()?);
        }
        if !self.eat_kind(TokKind::Newline) {
            if self.invalid && !self.failed() {
                self.invalid_simple_stmt_end(&v)?;
            }
            return None;
        }
        Some(v)
    }

    fn simple_stmt(&mut self) -> Option<Stmt> {
        let start = self.start();
        let kw = self.kw();
        if self.kind() == TokKind::Name {
            match kw {
                Kw::Return => {
                    self.pos += 1;
                    let v = if self.starts_expression() {
                        Some(Box::new(self.star_expressions()?))
                    } else {
                        None
                    };
                    return Some(st(StmtKind::Return { value: v }, self.loc_from(start)));
                }
                Kw::Import => return self.import_name(),
                Kw::From => return self.import_from(),
                Kw::Raise => {
                    self.pos += 1;
                    if !self.starts_expression() {
                        return Some(st(
                            StmtKind::Raise {
                                exc: None,
                                cause: None,
                            },
                            self.loc_from(start),
                        ));
                    }
                    let exc = self.expression()?;
                    let cause = if self.eat_kw(Kw::From) {
                        Some(Box::new(self.expression()?))
                    } else {
                        None
                    };
                    return Some(st(
                        StmtKind::Raise {
                            exc: Some(Box::new(exc)),
                            cause,
                        },
                        self.loc_from(start),
                    ));
                }
                Kw::Pass => {
                    self.pos += 1;
                    return Some(st(StmtKind::Pass, self.loc_from(start)));
                }
                Kw::Break => {
                    self.pos += 1;
                    return Some(st(StmtKind::Break, self.loc_from(start)));
                }
                Kw::Continue => {
                    self.pos += 1;
                    return Some(st(StmtKind::Continue, self.loc_from(start)));
                }
                Kw::Del => return self.del_stmt(),
                Kw::Assert => {
                    self.pos += 1;
                    let test = self.expression()?;
                    let msg = if self.eat_op(Op::Comma) {
                        Some(Box::new(self.expression()?))
                    } else {
                        None
                    };
                    return Some(st(
                        StmtKind::Assert {
                            test: Box::new(test),
                            msg,
                        },
                        self.loc_from(start),
                    ));
                }
                Kw::Global | Kw::Nonlocal => {
                    self.pos += 1;
                    let mut names = vec![self.name()?.0];
                    while self.eat_op(Op::Comma) {
                        names.push(self.name()?.0);
                    }
                    let k = if kw == Kw::Global {
                        StmtKind::Global { names }
                    } else {
                        StmtKind::Nonlocal { names }
                    };
                    return Some(st(k, self.loc_from(start)));
                }
                _ => {}
            }
        }
        self.assignment_or_expr()
    }

    /// Whether the current token can start an expression (for optional expressions).
    pub(crate) fn starts_expression(&mut self) -> bool {
        match self.kind() {
            TokKind::Name => {
                let kw = self.kw();
                kw.is_name()
                    || matches!(
                        kw,
                        Kw::True
                            | Kw::False
                            | Kw::None
                            | Kw::Not
                            | Kw::Lambda
                            | Kw::Await
                            | Kw::Yield
                    )
            }
            TokKind::Number | TokKind::String => true,
            TokKind::Op(op) => matches!(
                op,
                Op::LPar
                    | Op::LSqb
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Star
                    | Op::Ellipsis
            ),
            _ => false,
        }
    }

    /// `assignment | star_expressions`: the value part is parsed as an expression first and turned
    /// into a target when `=`, `:` or an augmented operator follows.
    fn assignment_or_expr(&mut self) -> Option<Stmt> {
        let start = self.start();
        let first_tok = self.pos;
        let r = self.assignment_or_expr_inner(start, first_tok);
        if r.is_none() && self.invalid && !self.failed() {
            self.pos = first_tok;
            self.invalid_assignment()?;
            self.pos = first_tok;
        }
        r
    }

    fn assignment_or_expr_inner(&mut self, start: Pos, first_tok: usize) -> Option<Stmt> {
        let first = if self.at_kw(Kw::Yield) {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        match self.kind() {
            TokKind::Op(Op::Equal) => {
                let mut targets = vec![first];
                let mut value;
                loop {
                    self.pos += 1;
                    value = if self.at_kw(Kw::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    if !self.at_op(Op::Equal) {
                        break;
                    }
                    targets.push(value);
                }
                for t in &mut targets {
                    if invalid_target(t, Targets::Star).is_some() {
                        return None;
                    }
                    set_ctx(t, ExprContext::Store);
                }
                Some(st(
                    StmtKind::Assign {
                        targets,
                        value: Box::new(value),
                        type_comment: None,
                    },
                    self.loc_from(start),
                ))
            }
            TokKind::Op(Op::Colon) => {
                let parenthesized = self.toks[first_tok].kind == TokKind::Op(Op::LPar);
                let mut target = first;
                let simple = match &target.kind {
                    ExprKind::Name { .. } => !parenthesized,
                    ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
                    _ => return None,
                };
                set_ctx(&mut target, ExprContext::Store);
                self.pos += 1;
                let annotation = self.expression()?;
                let value = if self.eat_op(Op::Equal) {
                    Some(Box::new(if self.at_kw(Kw::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    }))
                } else {
                    None
                };
                Some(st(
                    StmtKind::AnnAssign {
                        target: Box::new(target),
                        annotation: Box::new(annotation),
                        value,
                        simple,
                    },
                    self.loc_from(start),
                ))
            }
            k => {
                if let Some(op) = augassign_op(k) {
                    let mut target = first;
                    if !matches!(
                        target.kind,
                        ExprKind::Name { .. }
                            | ExprKind::Attribute { .. }
                            | ExprKind::Subscript { .. }
                    ) {
                        return None;
                    }
                    set_ctx(&mut target, ExprContext::Store);
                    self.pos += 1;
                    let value = if self.at_kw(Kw::Yield) {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    };
                    return Some(st(
                        StmtKind::AugAssign {
                            target: Box::new(target),
                            op,
                            value: Box::new(value),
                        },
                        self.loc_from(start),
                    ));
                }
                let loc = self.loc_from(start);
                Some(st(
                    StmtKind::Expr {
                        value: Box::new(first),
                    },
                    loc,
                ))
            }
        }
    }

    fn del_stmt(&mut self) -> Option<Stmt> {
        let start = self.start();
        let kw_pos = self.pos;
        self.pos += 1;
        if let Some(targets) = self.del_targets() {
            if matches!(self.kind(), TokKind::Op(Op::Semi) | TokKind::Newline) {
                return Some(st(StmtKind::Delete { targets }, self.loc_from(start)));
            }
        }
        if self.invalid && !self.failed() {
            // invalid_del_stmt: 'del' star_expressions
            self.pos = kw_pos + 1;
            if let Some(e) = self.star_expressions() {
                if let Some(bad) = invalid_target(&e, Targets::Del) {
                    let msg = format!("cannot delete {}", super::invalid::expr_name(bad));
                    return self.raise_loc(bad.loc, &msg);
                }
            }
        }
        None
    }

    /// `import_name: 'import' dotted_as_names`
    fn import_name(&mut self) -> Option<Stmt> {
        let start = self.start();
        self.pos += 1;
        let mut names = vec![self.dotted_as_name()?];
        while self.eat_op(Op::Comma) {
            names.push(self.dotted_as_name()?);
        }
        Some(st(StmtKind::Import { names }, self.loc_from(start)))
    }

    fn dotted_as_name(&mut self) -> Option<Alias> {
        let start = self.start();
        let name = self.dotted_name()?;
        let asname = if self.eat_kw(Kw::As) {
            Some(self.name()?.0)
        } else {
            None
        };
        Some(Alias {
            name,
            asname,
            loc: self.loc_from(start),
        })
    }

    fn dotted_name(&mut self) -> Option<String> {
        let mut s = self.name()?.0;
        while self.at_op(Op::Dot) && self.kind_at(1) == TokKind::Name && self.kw_at(1).is_name() {
            self.pos += 1;
            s.push('.');
            s.push_str(&self.name()?.0);
        }
        Some(s)
    }

    /// `import_from`
    fn import_from(&mut self) -> Option<Stmt> {
        let start = self.start();
        self.pos += 1;
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.at_kw(Kw::Import) && level > 0 {
            None
        } else {
            Some(self.dotted_name()?)
        };
        if !self.eat_kw(Kw::Import) {
            return None;
        }
        let names = if self.at_op(Op::Star) {
            let loc = tok_loc(self.tok());
            self.pos += 1;
            vec![Alias {
                name: "*".into(),
                asname: None,
                loc,
            }]
        } else if self.eat_op(Op::LPar) {
            let mut v = vec![self.import_from_as_name()?];
            while self.eat_op(Op::Comma) {
                if self.at_op(Op::RPar) {
                    break;
                }
                v.push(self.import_from_as_name()?);
            }
            if !self.eat_op(Op::RPar) {
                return None;
            }
            v
        } else {
            let mut v = vec![self.import_from_as_name()?];
            while self.eat_op(Op::Comma) {
                if !self.at_name() {
                    if self.invalid && self.kind() == TokKind::Newline {
                        return self.raise_here(
                            "trailing comma not allowed without surrounding parentheses",
                        );
                    }
                    return None;
                }
                v.push(self.import_from_as_name()?);
            }
            v
        };
        Some(st(
            StmtKind::ImportFrom {
                module,
                names,
                level,
            },
            self.loc_from(start),
        ))
    }

    fn import_from_as_name(&mut self) -> Option<Alias> {
        let start = self.start();
        let name = self.name()?.0;
        let asname = if self.eat_kw(Kw::As) {
            Some(self.name()?.0)
        } else {
            None
        };
        Some(Alias {
            name,
            asname,
            loc: self.loc_from(start),
        })
    }

    // ---- compound statements ----

    fn compound_stmt(&mut self) -> Option<Stmt> {
        match self.kind() {
            TokKind::Op(Op::At) => self.decorated(),
            TokKind::Name => match self.kw() {
                Kw::Def => self.function_def(vec![], false),
                Kw::Class => self.class_def(vec![]),
                Kw::If => self.if_stmt(),
                Kw::While => self.while_stmt(),
                Kw::For => self.for_stmt(false),
                Kw::With => self.with_stmt(false),
                Kw::Try => self.try_stmt(),
                Kw::Async => match self.kw_at(1) {
                    Kw::Def => self.function_def(vec![], true),
                    Kw::For => self.for_stmt(true),
                    Kw::With => self.with_stmt(true),
                    _ => None,
                },
                Kw::Match => self.match_stmt(),
                _ => None,
            },
            _ => None,
        }
    }

    /// `decorators: ('@' named_expression NEWLINE)+` then a function or class definition.
    fn decorated(&mut self) -> Option<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            decorators.push(self.named_expression()?);
            if !self.eat_kind(TokKind::Newline) {
                return None;
            }
        }
        match self.kw() {
            Kw::Def => self.function_def(decorators, false),
            Kw::Class => self.class_def(decorators),
            Kw::Async if self.kw_at(1) == Kw::Def => self.function_def(decorators, true),
            _ => None,
        }
    }

    /// `'if' named_expression ':' block (elif_stmt | [else_block])`
    fn if_stmt(&mut self) -> Option<Stmt> {
        let start = self.start();
        let line = start.line;
        let is_elif = self.at_kw(Kw::Elif);
        self.pos += 1;
        let test = self.named_expression()?;
        let what = if is_elif {
            "'elif' statement"
        } else {
            "'if' statement"
        };
        self.expect_colon_for_block()?;
        let body = self.block(what, line)?;
        let orelse = if self.at_kw(Kw::Elif) {
            vec![self.if_stmt()?]
        } else {
            self.else_block()?
        };
        Some(st(
            StmtKind::If {
                test: Box::new(test),
                body,
                orelse,
            },
            self.loc_from(start),
        ))
    }

    /// `[else_block]`, with `else_block: 'else' &&':' block`.
    fn else_block(&mut self) -> Option<Vec<Stmt>> {
        if !self.at_kw(Kw::Else) {
            return Some(vec![]);
        }
        let line = self.start().line;
        self.pos += 1;
        self.expect_forced(Op::Colon)?;
        self.block("'else' statement", line)
    }

    fn while_stmt(&mut self) -> Option<Stmt> {
        let start = self.start();
        self.pos += 1;
        let test = self.named_expression()?;
        self.expect_colon_for_block()?;
        let body = self.block("'while' statement", start.line)?;
        let orelse = self.else_block()?;
        Some(st(
            StmtKind::While {
                test: Box::new(test),
                body,
                orelse,
            },
            self.loc_from(start),
        ))
    }

    fn for_stmt(&mut self, is_async: bool) -> Option<Stmt> {
        let start = self.start();
        if is_async {
            self.pos += 1;
        }
        let for_pos = self.pos;
        self.pos += 1;
        let target = match self.star_targets() {
            Some(t) if self.at_kw(Kw::In) => t,
            _ => {
                if self.invalid && !self.failed() {
                    self.pos = for_pos + 1;
                    self.invalid_for_target()?;
                }
                return None;
            }
        };
        self.pos += 1;
        // `~`: past 'in' no other alternative is tried.
        let iter = self.star_expressions()?;
        self.expect_colon_for_block()?;
        let body = self.block("'for' statement", start.line)?;
        let orelse = self.else_block()?;
        let kind = if is_async {
            StmtKind::AsyncFor {
                target: Box::new(target),
                iter: Box::new(iter),
                body,
                orelse,
                type_comment: None,
            }
        } else {
            StmtKind::For {
                target: Box::new(target),
                iter: Box::new(iter),
                body,
                orelse,
                type_comment: None,
            }
        };
        Some(st(kind, self.loc_from(start)))
    }

    fn with_stmt(&mut self, is_async: bool) -> Option<Stmt> {
        let start = self.start();
        if is_async {
            self.pos += 1;
        }
        self.pos += 1;
        let mut items = None;
        if self.at_op(Op::LPar) {
            // 'with' '(' ','.with_item+ ','? ')' ':'
            let save = self.pos;
            self.pos += 1;
            if let Some(first) = self.with_item() {
                let mut v = vec![first];
                let mut ok = true;
                while self.eat_op(Op::Comma) {
                    if self.at_op(Op::RPar) {
                        break;
                    }
                    match self.with_item() {
                        Some(i) => v.push(i),
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                if ok && self.eat_op(Op::RPar) && self.at_op(Op::Colon) {
                    items = Some(v);
                }
            }
            if self.failed() {
                return None;
            }
            if items.is_none() {
                self.pos = save;
            }
        }
        let items = match items {
            Some(v) => v,
            None => {
                let mut v = vec![self.with_item()?];
                while self.eat_op(Op::Comma) {
                    v.push(self.with_item()?);
                }
                v
            }
        };
        self.expect_colon_for_block()?;
        let body = self.block("'with' statement", start.line)?;
        let kind = if is_async {
            StmtKind::AsyncWith {
                items,
                body,
                type_comment: None,
            }
        } else {
            StmtKind::With {
                items,
                body,
                type_comment: None,
            }
        };
        Some(st(kind, self.loc_from(start)))
    }

    /// `with_item: expression 'as' star_target &(',' | ')' | ':') | expression`
    fn with_item(&mut self) -> Option<WithItem> {
        let e = self.expression()?;
        if self.at_kw(Kw::As) {
            let save = self.pos;
            self.pos += 1;
            if let Some(t) = self.star_target() {
                if matches!(
                    self.kind(),
                    TokKind::Op(Op::Comma) | TokKind::Op(Op::RPar) | TokKind::Op(Op::Colon)
                ) {
                    return Some(WithItem {
                        context_expr: e,
                        optional_vars: Some(Box::new(t)),
                    });
                }
            }
            if self.failed() {
                return None;
            }
            if self.invalid {
                // invalid_with_item: expression 'as' a=expression &(',' | ')' | ':')
                self.pos = save + 1;
                if let Some(t) = self.expression() {
                    if matches!(
                        self.kind(),
                        TokKind::Op(Op::Comma) | TokKind::Op(Op::RPar) | TokKind::Op(Op::Colon)
                    ) {
                        if let Some(bad) = invalid_target(&t, Targets::Star) {
                            let msg =
                                format!("cannot assign to {}", super::invalid::expr_name(bad));
                            return self.raise_loc(bad.loc, &msg);
                        }
                    }
                }
                if self.failed() {
                    return None;
                }
            }
            self.pos = save;
        }
        Some(WithItem {
            context_expr: e,
            optional_vars: None,
        })
    }

    fn try_stmt(&mut self) -> Option<Stmt> {
        let start = self.start();
        self.pos += 1;
        self.expect_forced(Op::Colon)?;
        let body = self.block("'try' statement", start.line)?;
        let mut handlers = Vec::new();
        let mut star = None;
        while self.at_kw(Kw::Except) {
            let hstart = self.start();
            self.pos += 1;
            let is_star = self.eat_op(Op::Star);
            match star {
                None => star = Some(is_star),
                Some(s) if s != is_star => {
                    if self.invalid {
                        return self.raise_here(
                            "cannot have both 'except' and 'except*' on the same 'try'",
                        );
                    }
                    return None;
                }
                _ => {}
            }
            let (type_, name) = if !is_star && self.at_op(Op::Colon) {
                (None, None)
            } else {
                let t = self.expression()?;
                if self.invalid && self.at_op(Op::Comma) {
                    // invalid_except_stmt: 'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
                    let save = self.pos;
                    self.pos += 1;
                    if self.expressions().is_some() {
                        if self.eat_kw(Kw::As) {
                            let _ = self.name();
                        }
                        if self.at_op(Op::Colon) {
                            let end = self.last_end();
                            let loc = Loc::new(t.loc.lineno, t.loc.col_offset, end.line, end.col);
                            return self
                                .raise_loc(loc, "multiple exception types must be parenthesized");
                        }
                    }
                    if self.failed() {
                        return None;
                    }
                    self.pos = save;
                }
                let n = if self.eat_kw(Kw::As) {
                    Some(self.name()?.0)
                } else {
                    None
                };
                (Some(Box::new(t)), n)
            };
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            self.expect_colon_for_block()?;
            let hbody = self.block(what, hstart.line)?;
            handlers.push(ExceptHandler {
                type_,
                name,
                body: hbody,
                loc: self.loc_from(hstart),
            });
        }
        let orelse = if handlers.is_empty() {
            vec![]
        } else {
            self.else_block()?
        };
        let finalbody = if self.at_kw(Kw::Finally) {
            let line = self.start().line;
            self.pos += 1;
            self.expect_forced(Op::Colon)?;
            self.block("'finally' statement", line)?
        } else {
            vec![]
        };
        if handlers.is_empty() && finalbody.is_empty() {
            if self.invalid {
                let msg = "expected 'except' or 'finally' block";
                if matches!(self.kind(), TokKind::Dedent | TokKind::EndMarker) {
                    // At EOF pegen's DEDENT has no columns: the end of the last line.
                    let e = self.error_at_index(SyntaxErrorKind::SyntaxError, self.pos, msg);
                    self.err.get_or_insert(e);
                    return None;
                }
                return self.raise_here(msg);
            }
            return None;
        }
        let kind = if star == Some(true) {
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            }
        } else {
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
        };
        Some(st(kind, self.loc_from(start)))
    }

    fn function_def(&mut self, decorator_list: Vec<Expr>, is_async: bool) -> Option<Stmt> {
        let start = self.start();
        if is_async {
            self.pos += 1;
        }
        self.pos += 1;
        let name = self.name()?.0;
        self.expect_forced(Op::LPar)?;
        let args = if self.at_op(Op::RPar) {
            Default::default()
        } else {
            self.params(false)?
        };
        if !self.eat_op(Op::RPar) {
            return None;
        }
        let returns = if self.eat_op(Op::RArrow) {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        self.expect_forced(Op::Colon)?;
        let what = "function definition";
        let body = self.block(what, start.line)?;
        let args = Box::new(args);
        let kind = if is_async {
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment: None,
            }
        } else {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment: None,
            }
        };
        Some(st(kind, self.loc_from(start)))
    }

    fn class_def(&mut self, decorator_list: Vec<Expr>) -> Option<Stmt> {
        let start = self.start();
        self.pos += 1;
        let name = self.name()?.0;
        let (bases, keywords) = if self.at_op(Op::LPar) {
            self.call_args(false)?
        } else {
            (vec![], vec![])
        };
        self.expect_colon_for_block()?;
        let body = self.block("class definition", start.line)?;
        Some(st(
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            },
            self.loc_from(start),
        ))
    }

    /// `"match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT`
    fn match_stmt(&mut self) -> Option<Stmt> {
        let start = self.start();
        let save = self.pos;
        self.pos += 1;
        let subject = match self.subject_expr() {
            Some(s) => s,
            None => {
                if !self.failed() {
                    self.pos = save;
                }
                return None;
            }
        };
        if !self.eat_op(Op::Colon) {
            if self.invalid && !self.failed() && self.kind() == TokKind::Newline {
                // invalid_match_stmt: "match" subject_expr NEWLINE
                return self.raise_here("expected ':'");
            }
            self.pos = save;
            return None;
        }
        if !self.eat_kind(TokKind::Newline) {
            self.pos = save;
            return None;
        }
        if !self.eat_kind(TokKind::Indent) {
            if self.invalid {
                let msg = format!(
                    "expected an indented block after 'match' statement on line {}",
                    start.line
                );
                return self.raise_indent(&msg);
            }
            self.pos = save;
            return None;
        }
        let mut cases = Vec::new();
        while self.at_kw(Kw::Case) {
            cases.push(self.case_block()?);
        }
        if cases.is_empty() || !self.eat_kind(TokKind::Dedent) {
            return None;
        }
        Some(st(
            StmtKind::Match {
                subject: Box::new(subject),
                cases,
            },
            self.loc_from(start),
        ))
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    fn subject_expr(&mut self) -> Option<Expr> {
        let start = self.start();
        let first = self.star_named_expression()?;
        if self.eat_op(Op::Comma) {
            let mut elts = vec![first];
            if self.starts_expression() {
                elts.extend(self.star_named_expressions()?);
            }
            return Some(mk(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            ));
        }
        if matches!(first.kind, ExprKind::Starred { .. }) {
            return None;
        }
        Some(first)
    }

    fn case_block(&mut self) -> Option<MatchCase> {
        let line = self.start().line;
        self.pos += 1;
        let pattern = self.patterns()?;
        let guard = if self.eat_kw(Kw::If) {
            Some(Box::new(self.named_expression()?))
        } else {
            None
        };
        self.expect_colon_for_block()?;
        let body = self.block("'case' statement", line)?;
        Some(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// `&&tok`: a forced token, "expected 'x'" at once (in both passes) if missing.
    fn expect_forced(&mut self, op: Op) -> Option<()> {
        if self.eat_op(op) {
            return Some(());
        }
        let msg = format!("expected '{}'", op.text());
        self.raise_here(&msg)
    }

    /// A `':'` before a block (plain token in the grammar; "expected ':'" in the error pass).
    fn expect_colon_for_block(&mut self) -> Option<()> {
        if self.eat_op(Op::Colon) {
            return Some(());
        }
        // invalid_*_stmt: `... NEWLINE` → "expected ':'" (only before a NEWLINE).
        if self.invalid && !self.failed() && self.kind() == TokKind::Newline {
            return self.raise_here("expected ':'");
        }
        None
    }

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`; `what`/`line` name the statement
    /// for "expected an indented block after ...".
    fn block(&mut self, what: &str, line: u32) -> Option<Vec<Stmt>> {
        if !self.enter(1) {
            return None;
        }
        let r = self.block_inner(what, line);
        self.leave(1);
        r
    }

    fn block_inner(&mut self, what: &str, line: u32) -> Option<Vec<Stmt>> {
        if self.eat_kind(TokKind::Newline) {
            if !self.eat_kind(TokKind::Indent) {
                if self.invalid {
                    let msg = format!("expected an indented block after {what} on line {line}");
                    return self.raise_indent(&msg);
                }
                return None;
            }
            let body = self.statements()?;
            if !self.eat_kind(TokKind::Dedent) {
                return None;
            }
            return Some(body);
        }
        self.simple_stmts()
    }
}
