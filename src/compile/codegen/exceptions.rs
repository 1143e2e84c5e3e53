//! `try` / `except` / `finally` and `with`, with 3.11's zero-cost exception table: SETUP_* and
//! POP_BLOCK pseudo-instructions delimit the protected ranges, finally bodies are duplicated on the
//! normal and exceptional paths.

use super::{CResult, Compiler, FBlock};
use crate::bytecode::code::ConstValue;
use crate::bytecode::opcode::Opcode;
use crate::compile::flowgraph::Op;
use crate::syntax::ast::*;

impl<'a> Compiler<'a> {
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    pub fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(ConstValue::None);
        }
        // [exit, None, None, None]: CALL 2 calls exit(None, None, None) (method convention).
        self.emit(Opcode::CALL, 2);
    }

    pub fn try_finally(&mut self, s: &'a Stmt) -> CResult {
        let (StmtKind::Try {
            body,
            handlers,
            finalbody,
            ..
        }
        | StmtKind::TryStar {
            body,
            handlers,
            finalbody,
            ..
        }) = &s.kind
        else {
            unreachable!()
        };
        let star = matches!(s.kind, StmtKind::TryStar { .. });
        let bodyb = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.setup(Op::SetupFinally, end);
        self.use_block(bodyb);
        self.push_fblock(FBlock::FinallyTry { body: finalbody });
        if !handlers.is_empty() {
            if star {
                self.try_star_except(s)?;
            } else {
                self.try_except(s)?;
            }
        } else {
            self.stmts(body)?;
        }
        let saved = self.ur().loc;
        self.unset_loc();
        self.pop_block();
        self.u().loc = saved;
        self.pop_fblock();
        self.stmts(finalbody)?;
        self.jump_noline(exit);
        // The exceptional path runs a copy of the finally body.
        self.use_block(end);
        self.unset_loc();
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    pub fn try_except(&mut self, s: &'a Stmt) -> CResult {
        let StmtKind::Try {
            body,
            handlers,
            orelse,
            ..
        } = &s.kind
        else {
            unreachable!()
        };
        let bodyb = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.setup(Op::SetupFinally, except);
        self.use_block(bodyb);
        self.push_fblock(FBlock::TryExcept);
        self.stmts(body)?;
        self.pop_fblock();
        let saved = self.ur().loc;
        self.unset_loc();
        self.pop_block();
        self.u().loc = saved;
        self.stmts(orelse)?;
        self.jump_noline(end);
        let n = handlers.len();
        self.use_block(except);
        self.unset_loc();
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionHandler);
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.loc));
            }
            except = self.new_block();
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.jump_to(Opcode::POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, ExprContext::Store)?;
                self.setup(Op::SetupCleanup, cleanup_end);
                self.use_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: Some(name) });
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.pop_block();
                self.pop_block();
                self.emit(Opcode::POP_EXCEPT, 0);
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.jump(Op::Jump, end);
                self.use_block(cleanup_end);
                self.unset_loc();
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.emit(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP, 0);
                self.use_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: None });
                self.stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.pop_block();
                self.emit(Opcode::POP_EXCEPT, 0);
                self.jump(Op::Jump, end);
            }
            self.use_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(end);
        Ok(())
    }

    /// `try` / `except*` (3.11): matched parts are split off the exception group with
    /// CHECK_EG_MATCH; raised and unhandled parts are collected in a list that PREP_RERAISE_STAR
    /// turns into the group to re-raise.
    pub fn try_star_except(&mut self, s: &'a Stmt) -> CResult {
        let StmtKind::TryStar {
            body,
            handlers,
            orelse,
            ..
        } = &s.kind
        else {
            unreachable!()
        };
        let bodyb = self.new_block();
        let except0 = self.new_block();
        let orelse_b = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.setup(Op::SetupFinally, except0);
        self.use_block(bodyb);
        self.push_fblock(FBlock::TryExcept);
        self.stmts(body)?;
        self.pop_fblock();
        let saved = self.ur().loc;
        self.unset_loc();
        self.pop_block();
        self.jump(Op::Jump, orelse_b);
        self.u().loc = saved;
        let n = handlers.len();
        self.use_block(except0);
        self.unset_loc();
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionGroupHandler);
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            let except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // [exc] -> [orig, [], exc]
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::SWAP, 2);
            }
            if let Some(t) = &h.type_ {
                self.expr(t)?;
                self.emit(Opcode::CHECK_EG_MATCH, 0);
                self.emit(Opcode::COPY, 1);
                self.jump_to(Opcode::POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            self.setup(Op::SetupCleanup, cleanup_end);
            self.use_block(cleanup_body);
            self.push_fblock(FBlock::HandlerCleanup {
                name: h.name.as_deref(),
            });
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.pop_block();
            if let Some(name) = &h.name {
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.jump(Op::Jump, except);
            self.use_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            // An exception raised in the body joins the result list.
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.jump(Op::Jump, except_with_error);
            self.use_block(except);
            self.emit(Opcode::NOP, 0);
            self.jump(Op::Jump, except_with_error);
            self.use_block(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.use_block(except_with_error);
            if i + 1 == n {
                self.emit(Opcode::LIST_APPEND, 1);
                self.jump(Op::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.jump_to(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        self.emit(Opcode::POP_TOP, 0);
        self.pop_block();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.jump(Op::Jump, end);
        self.use_block(reraise);
        self.pop_block();
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(orelse_b);
        self.stmts(orelse)?;
        self.use_block(end);
        Ok(())
    }

    pub fn with_stmt(&mut self, s: &'a Stmt, pos: usize) -> CResult {
        let StmtKind::With { items, body, .. } = &s.kind else {
            unreachable!()
        };
        let item = &items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_WITH, 0);
        self.setup(Op::SetupWith, fin);
        self.use_block(block);
        self.push_fblock(FBlock::With { loc: s.loc });
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, pos + 1)?;
        }
        self.unset_loc();
        self.pop_block();
        self.pop_fblock();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP, 0);
        self.jump(Op::Jump, exit);
        self.use_block(fin);
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    pub fn async_with(&mut self, s: &'a Stmt, pos: usize) -> CResult {
        let StmtKind::AsyncWith { items, body, .. } = &s.kind else {
            unreachable!()
        };
        if self.ur().kind != super::UnitKind::AsyncFunction {
            return Err(self.error("'async with' outside async function", s.loc));
        }
        let item = &items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
        self.emit(Opcode::GET_AWAITABLE, 1);
        self.load_const(ConstValue::None);
        self.yield_from(3);
        self.setup(Op::SetupWith, fin);
        self.use_block(block);
        self.push_fblock(FBlock::AsyncWith { loc: s.loc });
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.async_with(s, pos + 1)?;
        }
        self.pop_fblock();
        self.pop_block();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.emit(Opcode::GET_AWAITABLE, 2);
        self.load_const(ConstValue::None);
        self.yield_from(3);
        self.emit(Opcode::POP_TOP, 0);
        self.jump(Op::Jump, exit);
        self.use_block(fin);
        self.setup(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.emit(Opcode::GET_AWAITABLE, 2);
        self.load_const(ConstValue::None);
        self.yield_from(3);
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump_to(Opcode::POP_JUMP_IF_TRUE, exit);
        self.emit(Opcode::RERAISE, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        self.emit(Opcode::POP_TOP, 0);
        self.pop_block();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
    }
}
