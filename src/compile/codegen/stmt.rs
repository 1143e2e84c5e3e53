//! Statements: assignment forms, control flow, imports, `global`, `assert`, `del`.

use num_bigint::BigInt;

use super::{CResult, Compiler, FBlock, UnitKind};
use crate::bytecode::code::ConstValue;
use crate::bytecode::opcode::{nb, Opcode};
use crate::compile::flowgraph::Op;
use crate::syntax::ast::*;

/// Whether a body contains an annotated assignment (not looking into nested scopes).
pub fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        }
        | StmtKind::TryStar {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            find_ann(body)
                || find_ann(orelse)
                || find_ann(finalbody)
                || handlers.iter().any(|h| find_ann(&h.body))
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// The docstring of a body: its first statement if that is a string constant expression.
pub fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        StmtKind::Expr { value } => match &value.kind {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

pub fn binop_code(op: Operator) -> u32 {
    match op {
        Operator::Add => nb::ADD,
        Operator::Sub => nb::SUBTRACT,
        Operator::Mult => nb::MULTIPLY,
        Operator::MatMult => nb::MATRIX_MULTIPLY,
        Operator::Div => nb::TRUE_DIVIDE,
        Operator::Mod => nb::REMAINDER,
        Operator::Pow => nb::POWER,
        Operator::LShift => nb::LSHIFT,
        Operator::RShift => nb::RSHIFT,
        Operator::BitOr => nb::OR,
        Operator::BitXor => nb::XOR,
        Operator::BitAnd => nb::AND,
        Operator::FloorDiv => nb::FLOOR_DIVIDE,
    }
}

impl<'a> Compiler<'a> {
    /// compile.c's `compiler_body`: module and class bodies (docstring, annotations).
    pub fn body(&mut self, stmts: &'a [Stmt]) -> CResult {
        if self.ur().kind == UnitKind::Module {
            if let Some(s) = stmts.first() {
                self.set_loc(s.loc);
            }
        }
        if find_ann(stmts) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut start = 0;
        if let Some(doc) = docstring(stmts) {
            start = 1;
            self.set_loc(stmts[0].loc);
            if let StmtKind::Expr { value } = &stmts[0].kind {
                self.set_loc(value.loc);
            }
            self.load_const(ConstValue::Str(doc.to_string()));
            self.unset_loc();
            self.nameop("__doc__", ExprContext::Store)?;
        }
        for s in &stmts[start..] {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmts(&mut self, stmts: &'a [Stmt]) -> CResult {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.loc);
        match &s.kind {
            StmtKind::FunctionDef { .. } => self.function_def(s)?,
            StmtKind::AsyncFunctionDef { .. } => self.function_def(s)?,
            StmtKind::ClassDef { .. } => self.class_def(s)?,
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref())?,
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.expr(t)?;
                }
            }
            StmtKind::Assign { targets, value, .. } => {
                self.expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.expr(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.augassign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.annassign(s, target, annotation, value.as_deref(), *simple)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.for_stmt(target, iter, body, orelse)?,
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.async_for(s, target, iter, body, orelse)?,
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.new_block();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(test, next, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.jump_noline(end);
                    self.use_block(next);
                    self.stmts(orelse)?;
                }
                self.use_block(end);
            }
            StmtKind::With { .. } => self.with_stmt(s, 0)?,
            StmtKind::AsyncWith { .. } => self.async_with(s, 0)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
                let nb = self.new_block();
                self.use_block(nb);
            }
            StmtKind::Try { finalbody, .. } => {
                if finalbody.is_empty() {
                    self.try_except(s)?
                } else {
                    self.try_finally(s)?
                }
            }
            StmtKind::TryStar { finalbody, .. } => {
                if finalbody.is_empty() {
                    self.try_star_except(s)?
                } else {
                    self.try_finally(s)?
                }
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(s, test, msg.as_deref())?,
            StmtKind::Import { names } => self.import(names)?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(s, module.as_deref(), names, *level)?,
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(value)?;
                    self.emit(Opcode::PRINT_EXPR, 0);
                } else if let ExprKind::Constant { .. } = value.kind {
                    // A constant expression statement only marks its line.
                    self.emit(Opcode::NOP, 0);
                } else {
                    self.expr(value)?;
                    self.unset_loc();
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            StmtKind::Pass => self.emit(Opcode::NOP, 0),
            StmtKind::Break => {
                self.emit(Opcode::NOP, 0);
                let lp = self.unwind_fblock_stack(false, true, s.loc)?;
                let Some(FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. }) = lp else {
                    return Err(self.error("'break' outside loop", s.loc));
                };
                let lp = lp.unwrap();
                self.unwind_fblock(&lp, false)?;
                self.jump(Op::Jump, exit);
            }
            StmtKind::Continue => {
                self.emit(Opcode::NOP, 0);
                let lp = self.unwind_fblock_stack(false, true, s.loc)?;
                let Some(FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. }) = lp
                else {
                    return Err(self.error("'continue' not properly in loop", s.loc));
                };
                self.jump(Op::Jump, start);
            }
        }
        Ok(())
    }

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        let preserve_tos = value.is_some_and(|v| !matches!(v.kind, ExprKind::Constant { .. }));
        if !self.ste().is_function() {
            return Err(self.error("'return' outside function", s.loc));
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error("'return' with value in async generator", s.loc));
        }
        if let Some(v) = value {
            if preserve_tos {
                self.expr(v)?;
            } else {
                self.set_loc(v.loc);
                self.emit(Opcode::NOP, 0);
            }
        }
        if value.map_or(true, |v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(s.loc);
            self.emit(Opcode::NOP, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false, s.loc)?;
        match value {
            None => self.load_const(ConstValue::None),
            Some(Expr {
                kind: ExprKind::Constant { value, .. },
                ..
            }) => self.load_const(super::to_const(value)),
            Some(_) => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let nb = self.new_block();
        self.use_block(nb);
        Ok(())
    }

    /// Unwinds the frame blocks for break/continue/return; with `stop_at_loop` stops at (and
    /// returns) the innermost loop.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
        loc: Loc,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.fblocks.last().unwrap().last().cloned() else {
            return Ok(None);
        };
        if let FBlock::ExceptionGroupHandler = top {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                loc,
            ));
        }
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.fblocks.last_mut().unwrap().pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, stop_at_loop, loc)?;
        self.fblocks.last_mut().unwrap().push(top);
        Ok(r)
    }

    pub fn unwind_fblock(&mut self, f: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match f {
            FBlock::WhileLoop { .. }
            | FBlock::AsyncComprehensionGenerator
            | FBlock::ExceptionHandler
            | FBlock::ExceptionGroupHandler => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlock::TryExcept => self.pop_block(),
            FBlock::FinallyTry { body } => {
                self.pop_block();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.pop_block();
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlock::With { loc } | FBlock::AsyncWith { loc } => {
                self.set_loc(*loc);
                self.pop_block();
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if let FBlock::AsyncWith { .. } = f {
                    self.emit(Opcode::GET_AWAITABLE, 2);
                    self.load_const(ConstValue::None);
                    self.yield_from(3);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_block();
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.pop_block();
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.load_const(ConstValue::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_block();
        let bodyb = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlock::ForLoop { start, exit: end });
        self.expr(iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.use_block(start);
        self.jump_to(Opcode::FOR_ITER, cleanup);
        self.use_block(bodyb);
        self.expr(target)?;
        self.stmts(body)?;
        self.unset_loc();
        self.jump(Op::Jump, start);
        self.use_block(cleanup);
        self.pop_fblock();
        self.stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn async_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        if self.ur().kind != UnitKind::AsyncFunction {
            return Err(self.error("'async for' outside async function", s.loc));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.expr(iter)?;
        self.emit(Opcode::GET_AITER, 0);
        self.use_block(start);
        self.push_fblock(FBlock::ForLoop { start, exit: end });
        // The SETUP_FINALLY guards the __anext__ await: StopAsyncIteration ends the loop.
        self.setup(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(ConstValue::None);
        self.yield_from(3);
        self.pop_block();
        self.expr(target)?;
        self.stmts(body)?;
        self.unset_loc();
        self.jump(Op::Jump, start);
        self.pop_fblock();
        self.use_block(except);
        self.set_loc(iter.loc);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let lp = self.new_block();
        let bodyb = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_block(lp);
        self.push_fblock(FBlock::WhileLoop {
            start: lp,
            exit: end,
        });
        self.jump_if(test, anchor, false)?;
        self.use_block(bodyb);
        self.stmts(body)?;
        self.set_loc(s.loc);
        self.jump_if(test, bodyb, true)?;
        self.pop_fblock();
        self.use_block(anchor);
        self.stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    fn augassign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> CResult {
        let code = binop_code(op) + nb::INPLACE;
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                let stmt_loc = self.ur().loc;
                self.set_loc(target.loc);
                self.expr(obj)?;
                self.emit(Opcode::COPY, 1);
                self.update_start_location_to_match_attr(target);
                self.emit_name(Opcode::LOAD_ATTR, attr);
                self.u().loc = stmt_loc;
                self.expr(value)?;
                self.emit(Opcode::BINARY_OP, code);
                self.set_loc(target.loc);
                self.update_start_location_to_match_attr(target);
                self.emit(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                let stmt_loc = self.ur().loc;
                self.set_loc(target.loc);
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.u().loc = stmt_loc;
                self.expr(value)?;
                self.emit(Opcode::BINARY_OP, code);
                self.set_loc(target.loc);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            ExprKind::Name { id, .. } => {
                let stmt_loc = self.ur().loc;
                self.set_loc(target.loc);
                self.nameop(id, ExprContext::Load)?;
                self.u().loc = stmt_loc;
                self.expr(value)?;
                self.emit(Opcode::BINARY_OP, code);
                self.set_loc(target.loc);
                self.nameop(id, ExprContext::Store)?;
            }
            _ => {
                return Err(self.error(
                    "'expression' is an illegal expression for augmented assignment",
                    target.loc,
                ))
            }
        }
        Ok(())
    }

    fn annassign(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(v) = value {
            self.expr(v)?;
            self.expr(target)?;
        }
        match &target.kind {
            ExprKind::Name { id, .. } => {
                // Module and class level simple annotations are stored in __annotations__.
                if simple && matches!(self.ur().kind, UnitKind::Module | UnitKind::Class) {
                    self.annotation(annotation)?;
                    self.emit_name(Opcode::LOAD_NAME, "__annotations__");
                    let m = crate::compile::symtable::mangle(self.ur().private.as_deref(), id);
                    self.load_const(ConstValue::Str(m));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment", s.loc)),
        }
        // Annotations of complex targets in functions are not evaluated.
        if !simple || !matches!(target.kind, ExprKind::Name { .. }) {
            if matches!(self.ur().kind, UnitKind::Module | UnitKind::Class)
                && !simple
                && !self.future.annotations
            {
                self.check_ann_expr(annotation)?;
            }
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.expr(e)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(x)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.check_ann_subscr(x)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn assert_stmt(&mut self, _s: &'a Stmt, test: &'a Expr, msg: Option<&'a Expr>) -> CResult {
        let always_true = match &test.kind {
            ExprKind::Tuple { elts, .. } => !elts.is_empty(),
            ExprKind::Constant {
                value: Constant::Tuple(t),
                ..
            } => !t.is_empty(),
            _ => false,
        };
        if always_true {
            self.warn("assertion is always true, perhaps remove parentheses?".to_string());
        }
        let end = self.new_block();
        self.jump_if(test, end, true)?;
        self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
        if let Some(m) = msg {
            self.expr(m)?;
            // CALL 0 on [AssertionError, msg] calls AssertionError(msg) (method convention).
            self.emit(Opcode::CALL, 0);
        }
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.use_block(end);
        Ok(())
    }

    fn import(&mut self, names: &'a [Alias]) -> CResult {
        for a in names {
            self.load_const(ConstValue::Int(BigInt::from(0)));
            self.load_const(ConstValue::None);
            self.emit_name(Opcode::IMPORT_NAME, &a.name);
            match &a.asname {
                Some(asname) => {
                    // `import a.b.c as d`: IMPORT_NAME a.b.c, then IMPORT_FROM b, c.
                    let parts: Vec<&str> = a.name.split('.').collect();
                    if parts.len() > 1 {
                        for (i, p) in parts[1..].iter().enumerate() {
                            self.emit_name(Opcode::IMPORT_FROM, p);
                            if i + 2 < parts.len() {
                                self.emit(Opcode::SWAP, 2);
                                self.emit(Opcode::POP_TOP, 0);
                            }
                        }
                        self.nameop(asname, ExprContext::Store)?;
                        self.emit(Opcode::POP_TOP, 0);
                    } else {
                        self.nameop(asname, ExprContext::Store)?;
                    }
                }
                None => {
                    let first = a.name.split('.').next().unwrap();
                    self.nameop(first, ExprContext::Store)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(
        &mut self,
        s: &'a Stmt,
        module: Option<&str>,
        names: &'a [Alias],
        level: u32,
    ) -> CResult {
        self.load_const(ConstValue::Int(BigInt::from(level)));
        let fromlist: Vec<ConstValue> = names
            .iter()
            .map(|a| ConstValue::Str(a.name.clone()))
            .collect();
        self.load_const(ConstValue::Tuple(fromlist));
        if module == Some("__future__") && s.loc.lineno > self.future.lineno {
            return Err(self.error(
                "from __future__ imports must occur at the beginning of the file",
                s.loc,
            ));
        }
        self.emit_name(Opcode::IMPORT_NAME, module.unwrap_or(""));
        if names.len() == 1 && names[0].name == "*" {
            if self.ur().kind != UnitKind::Module {
                return Err(self.error("import * only allowed at module level", s.loc));
            }
            self.emit(Opcode::IMPORT_STAR, 0);
            return Ok(());
        }
        for a in names {
            self.emit_name(Opcode::IMPORT_FROM, &a.name);
            let store = a.asname.as_deref().unwrap_or(&a.name);
            self.nameop(store, ExprContext::Store)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
