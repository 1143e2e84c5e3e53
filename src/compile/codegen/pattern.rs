//! `match` statements: compile.c's pattern compiler (3.11). Captured values are kept on the stack
//! until the whole pattern matched, then stored; on failure the `fail_pop` blocks pop whatever the
//! pattern had pushed so far.

use num_bigint::BigInt;

use super::{to_const, CResult, Compiler};
use crate::bytecode::code::ConstValue;
use crate::bytecode::opcode::{cmp, nb, Opcode};
use crate::compile::flowgraph::{BlockId, Op};
use crate::syntax::ast::*;

#[derive(Default, Clone)]
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<BlockId>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        &p.kind,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult {
        self.expr(subject)?;
        let end = self.new_block();
        let n = cases.len();
        let has_default = is_wildcard(&cases[n - 1].pattern) && n > 1;
        let mut pc = PatternContext::default();
        for (i, m) in cases[..n - has_default as usize].iter().enumerate() {
            self.set_loc(m.pattern.loc);
            let last = i == n - has_default as usize - 1;
            if !last {
                self.emit(Opcode::COPY, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i == n - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, ExprContext::Store)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(g, pc.fail_pop[0], false)?;
            }
            if !last {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.stmts(&m.body)?;
            self.jump(Op::Jump, end);
            self.set_loc(m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let m = &cases[n - 1];
            self.set_loc(m.pattern.loc);
            if n == 1 {
                self.emit(Opcode::POP_TOP, 0);
            } else {
                self.emit(Opcode::NOP, 0);
            }
            if let Some(g) = &m.guard {
                self.jump_if(g, end, false)?;
            }
            self.stmts(&m.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_block(pc.fail_pop[i]);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.use_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    fn store_name(&mut self, name: Option<&str>, pc: &mut PatternContext, loc: Loc) -> CResult {
        let Some(n) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(
                format!("multiple assignments to name '{n}' in pattern"),
                loc,
            ));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.set_loc(p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if !matches!(
                    value.kind,
                    ExprKind::Constant { .. } | ExprKind::Attribute { .. }
                ) {
                    return Err(self.error(
                        "patterns may only match literals and attribute lookups",
                        p.loc,
                    ));
                }
                self.expr(value)?;
                self.emit(Opcode::COMPARE_OP, cmp::EQ);
                self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(to_const(value));
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(p, patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(p, keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?,
            PatternKind::MatchStar { name } => self.store_name(name.as_deref(), pc, p.loc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match name {
                            Some(n) => self.error(
                                format!("name capture '{n}' makes remaining patterns unreachable"),
                                p.loc,
                            ),
                            None => {
                                self.error("wildcard makes remaining patterns unreachable", p.loc)
                            }
                        });
                    }
                    self.store_name(name.as_deref(), pc, p.loc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(name.as_deref(), pc, p.loc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(p, patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        p: &'a Pattern,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if let PatternKind::MatchStar { .. } = q.kind {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", p.loc));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        if star.is_none() {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(ConstValue::Int(BigInt::from(size)));
            self.emit(Opcode::COMPARE_OP, cmp::EQ);
            self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        } else if size > 1 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(ConstValue::Int(BigInt::from(size - 1)));
            self.emit(Opcode::COMPARE_OP, cmp::GE);
            self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
        } else if star_wildcard {
            // Subscripts instead of unpacking for [a, *_, b]-like patterns.
            let star = star.unwrap();
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Opcode::COPY, 1);
                if i < star {
                    self.load_const(ConstValue::Int(BigInt::from(i)));
                } else {
                    self.emit(Opcode::GET_LEN, 0);
                    self.load_const(ConstValue::Int(BigInt::from(size - i)));
                    self.emit(Opcode::BINARY_OP, nb::SUBTRACT);
                }
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
        } else {
            match star {
                Some(i) => {
                    if i >= 256 {
                        return Err(self.error(
                            "too many expressions in star-unpacking sequence pattern",
                            p.loc,
                        ));
                    }
                    self.emit(Opcode::UNPACK_EX, (i + ((size - i - 1) << 8)) as u32);
                }
                None => self.emit(Opcode::UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for q in patterns {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        p: &'a Pattern,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(ConstValue::Int(BigInt::from(size)));
            self.emit(Opcode::COMPARE_OP, cmp::GE);
            self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        }
        let mut seen: Vec<ConstValue> = Vec::new();
        for key in keys {
            match &key.kind {
                ExprKind::Constant { value, .. } => {
                    let c = to_const(value);
                    if seen
                        .iter()
                        .any(|s| crate::compile::codegen::const_eq(s, &c))
                    {
                        return Err(self.error(
                            format!(
                                "mapping pattern checks duplicate key ({})",
                                crate::bytecode::dis::repr_const(&c)
                            ),
                            p.loc,
                        ));
                    }
                    seen.push(c);
                }
                ExprKind::Attribute { .. } => {}
                _ => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                        p.loc,
                    ))
                }
            }
            self.expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1);
        self.load_const(ConstValue::None);
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for q in patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        if let Some(r) = rest {
            let mut n = size;
            self.emit(Opcode::BUILD_MAP, 0);
            self.emit(Opcode::SWAP, 3);
            self.emit(Opcode::DICT_UPDATE, 2);
            self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
            while n > 0 {
                self.emit(Opcode::COPY, 1 + n as u32);
                n -= 1;
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::DELETE_SUBSCR, 0);
            }
            self.store_name(Some(r), pc, p.loc)?;
        } else {
            self.emit(Opcode::POP_TOP, 0);
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [Identifier],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        for (i, a) in kwd_attrs.iter().enumerate() {
            if let Some(j) = kwd_attrs[i + 1..].iter().position(|o| o == a) {
                return Err(self.error(
                    format!("attribute name repeated in class pattern: {a}"),
                    kwd_patterns[i + 1 + j].loc,
                ));
            }
        }
        self.set_loc(p.loc);
        self.expr(cls)?;
        let names: Vec<ConstValue> = kwd_attrs
            .iter()
            .map(|a| ConstValue::Str(a.clone()))
            .collect();
        self.load_const(ConstValue::Tuple(names));
        self.emit(Opcode::MATCH_CLASS, nargs as u32);
        self.emit(Opcode::COPY, 1);
        self.load_const(ConstValue::None);
        self.emit(Opcode::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Opcode::POP_TOP, 0);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(
        &mut self,
        p: &'a Pattern,
        alts: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult {
        let end = self.new_block();
        let old = pc.clone();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == alts.len() - 1 && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if ctrl.len() != nstores => {
                    return Err(
                        self.error("alternative patterns bind different names", self.cur_loc())
                    )
                }
                Some(ctrl) => {
                    let ctrl = ctrl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error(
                                "alternative patterns bind different names",
                                self.cur_loc(),
                            ));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        let control = control.unwrap_or_default();
        *pc = old;
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_block(end);
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    p.loc,
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
