//! List, set and dict comprehensions and generator expressions: each is its own function scope
//! (3.11), called immediately with the outermost iterator as its only argument `.0`.

use super::{CResult, Compiler, UnitKind};
use crate::bytecode::opcode::Opcode;
use crate::compile::flowgraph::Op;
use crate::syntax::ast::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    List,
    Set,
    Dict,
    Gen,
}

impl<'a> Compiler<'a> {
    pub fn comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, name, generators, elt, val) = match &e.kind {
            ExprKind::ListComp { elt, generators } => {
                (Kind::List, "<listcomp>", generators, &**elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (Kind::Set, "<setcomp>", generators, &**elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (Kind::Dict, "<dictcomp>", generators, &**key, Some(&**value)),
            ExprKind::GeneratorExp { elt, generators } => {
                (Kind::Gen, "<genexpr>", generators, &**elt, None)
            }
            _ => unreachable!(),
        };
        let ste = self
            .st
            .scope_for(e)
            .ok_or_else(|| self.error("internal compiler error: scope not found", e.loc))?;
        let outer_kind = self.ur().kind;
        let is_async_generator = self.st.scopes[ste].coroutine;
        if is_async_generator
            && kind != Kind::Gen
            && !matches!(
                outer_kind,
                UnitKind::AsyncFunction | UnitKind::Comprehension
            )
        {
            return Err(self.error(
                "asynchronous comprehension outside of an asynchronous function",
                e.loc,
            ));
        }
        self.enter_scope(name, UnitKind::Comprehension, ste, e.loc.lineno);
        self.set_loc(e.loc);
        match kind {
            Kind::List => self.emit(Opcode::BUILD_LIST, 0),
            Kind::Set => self.emit(Opcode::BUILD_SET, 0),
            Kind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            Kind::Gen => {}
        }
        self.comp_generator(generators, 0, 0, elt, val, kind)?;
        if kind != Kind::Gen {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.exit_scope(true)?;
        self.make_closure(code, 0);
        self.expr(&generators[0].iter)?;
        self.set_loc(e.loc);
        if generators[0].is_async {
            self.emit(Opcode::GET_AITER, 0);
        } else {
            self.emit(Opcode::GET_ITER, 0);
        }
        // [function, iterator]: CALL 0 calls function(iterator) (method convention).
        self.emit(Opcode::CALL, 0);
        if is_async_generator && kind != Kind::Gen {
            self.emit(Opcode::GET_AWAITABLE, 0);
            self.load_const(crate::bytecode::code::ConstValue::None);
            self.yield_from(3);
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
    ) -> CResult {
        let g = &generators[index];
        if g.is_async {
            return self.async_comp_generator(generators, index, depth, elt, val, kind);
        }
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        if index == 0 {
            self.u().argcount = 1;
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            // `for y in [expr]` binds without building a list (the temporary-variable idiom).
            let single = match &g.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } if elts.len() == 1 => {
                    Some(&elts[0]).filter(|x| !matches!(x.kind, ExprKind::Starred { .. }))
                }
                _ => None,
            };
            if let Some(x) = single {
                self.expr(x)?;
                start = None;
            } else {
                self.expr(&g.iter)?;
                self.emit(Opcode::GET_ITER, 0);
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.use_block(st);
            self.jump_to(Opcode::FOR_ITER, anchor);
        }
        self.expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.comp_body(generators, index, depth, elt, val, kind)?;
        self.use_block(if_cleanup);
        if let Some(st) = start {
            self.jump(Op::Jump, st);
            self.use_block(anchor);
        }
        Ok(())
    }

    /// The nested generator, or (innermost) the element's append / add / yield.
    fn comp_body(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
    ) -> CResult {
        if index + 1 < generators.len() {
            self.comp_generator(generators, index + 1, depth, elt, val, kind)?;
        } else {
            match kind {
                Kind::Gen => {
                    self.expr(elt)?;
                    self.emit_yield();
                    self.emit(Opcode::POP_TOP, 0);
                }
                Kind::List => {
                    self.expr(elt)?;
                    self.emit(Opcode::LIST_APPEND, depth + 1);
                }
                Kind::Set => {
                    self.expr(elt)?;
                    self.emit(Opcode::SET_ADD, depth + 1);
                }
                Kind::Dict => {
                    self.expr(elt)?;
                    self.expr(val.unwrap())?;
                    self.emit(Opcode::MAP_ADD, depth + 1);
                }
            }
        }
        Ok(())
    }

    fn async_comp_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Kind,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let g = &generators[index];
        if index == 0 {
            self.u().argcount = 1;
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.expr(&g.iter)?;
            self.emit(Opcode::GET_AITER, 0);
        }
        self.use_block(start);
        self.push_fblock(super::FBlock::AsyncComprehensionGenerator);
        self.setup(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(crate::bytecode::code::ConstValue::None);
        self.yield_from(3);
        self.pop_block();
        self.expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        self.comp_body(generators, index, depth, elt, val, kind)?;
        self.use_block(if_cleanup);
        self.jump(Op::Jump, start);
        self.pop_fblock();
        self.use_block(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        Ok(())
    }
}
