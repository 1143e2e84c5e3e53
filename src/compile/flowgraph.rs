//! The control-flow graph the code generator emits into, and CPython 3.11's passes over it
//! (`optimize_cfg`, `duplicate_exits_without_lineno`, `stackdepth`, `label_exception_targets`,
//! assembly): peephole folding of constant conditions and tuples, jump threading, inlining of small
//! exit blocks, dead-code removal, max stack depth, the exception table and jump resolution.

use crate::bytecode::code::{ExceptionEntry, Position};
use crate::bytecode::opcode::Opcode;

pub type BlockId = usize;
pub const NO_BLOCK: BlockId = usize::MAX;

/// An instruction's operation: a real opcode or one of compile.c's pseudo-instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Real(Opcode),
    /// Unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD.
    Jump,
    JumpNoInterrupt,
    /// Push an exception handler (target) that receives the exception.
    SetupFinally,
    /// As SetupFinally, preserving lasti.
    SetupCleanup,
    /// As SetupCleanup, for `with` (the handler's depth excludes `__enter__`'s result).
    SetupWith,
    PopBlock,
}

impl Op {
    pub fn is_jump(self) -> bool {
        match self {
            Op::Real(o) => o.is_jump(),
            Op::Jump | Op::JumpNoInterrupt => true,
            _ => false,
        }
    }
    pub fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }
    pub fn is_uncond_jump(self) -> bool {
        matches!(self, Op::Jump | Op::JumpNoInterrupt)
            || matches!(self, Op::Real(o) if o.is_unconditional_jump())
    }
    pub fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Op::Real(Opcode::RETURN_VALUE | Opcode::RERAISE | Opcode::RAISE_VARARGS)
        )
    }
    fn real(self) -> Option<Opcode> {
        match self {
            Op::Real(o) => Some(o),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: BlockId,
    pub loc: Position,
    /// The handler block covering this instruction (computed by `label_exception_targets`).
    pub except: BlockId,
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    /// The next block in layout order.
    pub next: Option<BlockId>,
    pub preds: u32,
    pub start_depth: Option<i64>,
    pub preserve_lasti: bool,
    pub offset: u32,
    visited: bool,
}

impl Block {
    fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }
    pub fn no_fallthrough(&self) -> bool {
        self.last()
            .is_some_and(|i| i.op.is_scope_exit() || i.op.is_uncond_jump())
    }
    fn is_exit(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit())
    }
}

/// The graph of one code object.
#[derive(Default)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

/// Constant truthiness for the constant-condition peephole (the code generator supplies it).
pub trait ConstInfo {
    fn truthiness(&self, index: u32) -> Option<bool>;
    fn is_none(&self, index: u32) -> bool;
    /// Add a constant tuple made of the constants at `items`; returns its index.
    fn fold_tuple(&mut self, items: &[u32]) -> Option<u32>;
}

const MAX_COPY_SIZE: usize = 4;

impl Cfg {
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    fn order(&self) -> Vec<BlockId> {
        let mut v = Vec::new();
        let mut b = Some(self.entry);
        while let Some(x) = b {
            v.push(x);
            b = self.blocks[x].next;
        }
        v
    }

    /// The highest constant index the laid-out code loads (LOAD_CONST, KW_NAMES), if any: 3.11's
    /// `trim_unused_consts` drops the constants after it (not index 0, the docstring's).
    pub fn max_const_index(&self) -> Option<u32> {
        self.order()
            .into_iter()
            .flat_map(|b| self.blocks[b].instrs.iter())
            .filter(|i| matches!(i.op, Op::Real(Opcode::LOAD_CONST | Opcode::KW_NAMES)))
            .map(|i| i.arg)
            .max()
    }

    /// The first instruction at or after block `b`'s start (skipping empty blocks).
    fn first_instr(&self, mut b: BlockId) -> Option<Instr> {
        loop {
            if let Some(i) = self.blocks[b].instrs.first() {
                return Some(*i);
            }
            b = self.blocks[b].next?;
        }
    }

    /// CPython 3.11's `optimize_cfg` followed by the other pre-assembly passes.
    pub fn optimize(&mut self, consts: &mut dyn ConstInfo) {
        self.skip_empty_jump_targets();
        // assemble() extends blocks once before optimize_cfg (b_list order: newest first).
        for b in (0..self.blocks.len()).rev() {
            self.extend_block(b);
        }
        for b in self.order() {
            self.optimize_block(b, consts);
            self.clean(b);
        }
        // compile.c walks `b_list` here: most recently created block first.
        for b in (0..self.blocks.len()).rev() {
            self.extend_block(b);
        }
        self.mark_reachable();
        for b in self.order() {
            if self.blocks[b].preds == 0 {
                self.blocks[b].instrs.clear();
            }
        }
        for b in self.order() {
            self.clean(b);
        }
        self.eliminate_empty_blocks();
        // A jump to the block that follows anyway is redundant.
        let mut changed = false;
        for b in self.order() {
            let next = self.blocks[b].next;
            if let Some(last) = self.blocks[b].instrs.last_mut() {
                if matches!(last.op, Op::Jump | Op::JumpNoInterrupt) && Some(last.target) == next {
                    last.op = Op::Real(Opcode::NOP);
                    last.target = NO_BLOCK;
                    changed = true;
                }
            }
        }
        if changed {
            self.eliminate_empty_blocks();
        }
        self.duplicate_exits_without_lineno();
        self.propagate_line_numbers();
    }

    /// CPython's `guarantee_lineno_for_exits`: a return still without a line gets the line of the
    /// last located block before it (line only: its columns stay unknown).
    pub fn guarantee_lineno_for_exits(&mut self, firstlineno: u32) {
        let mut lineno = firstlineno;
        for b in self.order() {
            let blk = &mut self.blocks[b];
            let Some(last) = blk.instrs.last() else {
                continue;
            };
            if last.loc.lineno == 0 {
                if last.op == Op::Real(Opcode::RETURN_VALUE) {
                    for ins in &mut blk.instrs {
                        ins.loc = Position {
                            lineno,
                            end_lineno: lineno,
                            ..Default::default()
                        };
                    }
                }
            } else {
                lineno = last.loc.lineno;
            }
        }
    }

    fn clean(&mut self, b: BlockId) {
        let next_line = self
            .next_nonempty(b)
            .map(|n| self.blocks[n].instrs[0].loc.lineno);
        clean_block_with_next(&mut self.blocks[b], next_line);
    }

    /// Jumps to empty blocks go to the next non-empty one (CPython's eliminate_empty_basic_blocks).
    fn skip_empty_jump_targets(&mut self) {
        for b in self.order() {
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if ins.target != NO_BLOCK {
                    let mut t = ins.target;
                    while self.blocks[t].instrs.is_empty() {
                        match self.blocks[t].next {
                            Some(n) => t = n,
                            None => break,
                        }
                    }
                    self.blocks[b].instrs[i].target = t;
                }
            }
        }
    }

    fn eliminate_empty_blocks(&mut self) {
        self.skip_empty_jump_targets();
        // Unlink empty blocks from the layout (keeping the entry).
        let order = self.order();
        let kept: Vec<BlockId> = order
            .iter()
            .copied()
            .filter(|&b| b == self.entry || !self.blocks[b].instrs.is_empty())
            .collect();
        for w in kept.windows(2) {
            self.blocks[w[0]].next = Some(w[1]);
        }
        if let Some(&l) = kept.last() {
            self.blocks[l].next = None;
        }
    }

    fn extend_block(&mut self, b: BlockId) {
        let Some(last) = self.blocks[b].last().copied() else {
            return;
        };
        if !last.op.is_uncond_jump() || last.target == NO_BLOCK {
            return;
        }
        let t = last.target;
        if t == b {
            return;
        }
        // Only blocks without line numbers (like an implicit `return None`) are copied (3.11).
        let has_lineno = self.blocks[t].instrs.iter().any(|i| i.loc.lineno != 0);
        if self.blocks[t].is_exit() && self.blocks[t].instrs.len() <= MAX_COPY_SIZE && !has_lineno {
            let copy = self.blocks[t].instrs.clone();
            let blk = &mut self.blocks[b];
            blk.instrs.last_mut().unwrap().op = Op::Real(Opcode::NOP);
            blk.instrs.extend(copy);
        }
    }

    fn jump_thread(ins: &mut Instr, target: &Instr, op: Op) -> bool {
        if ins.loc.lineno == target.loc.lineno && ins.target != target.target {
            ins.target = target.target;
            ins.op = op;
            return true;
        }
        false
    }

    fn optimize_block(&mut self, b: BlockId, consts: &mut dyn ConstInfo) {
        use Opcode::*;
        let mut i = 0usize;
        while i < self.blocks[b].instrs.len() {
            let n = self.blocks[b].instrs.len();
            let ins = self.blocks[b].instrs[i];
            let next = if i + 1 < n {
                self.blocks[b].instrs[i + 1].op.real()
            } else {
                None
            };
            let target = if ins.target != NO_BLOCK {
                self.first_instr(ins.target)
            } else {
                None
            };
            let nop = Op::Real(NOP);
            let mut back = false;
            match ins.op {
                Op::Real(LOAD_CONST) => match next {
                    Some(POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE) => {
                        if let Some(t) = consts.truthiness(ins.arg) {
                            let blk = &mut self.blocks[b];
                            blk.instrs[i].op = nop;
                            let jump_if_true = next == Some(POP_JUMP_IF_TRUE);
                            if t == jump_if_true {
                                blk.instrs[i + 1].op = Op::Jump;
                            } else {
                                blk.instrs[i + 1].op = nop;
                                blk.instrs[i + 1].target = NO_BLOCK;
                            }
                        }
                    }
                    Some(JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP) => {
                        if let Some(t) = consts.truthiness(ins.arg) {
                            let blk = &mut self.blocks[b];
                            let jump_if_true = next == Some(JUMP_IF_TRUE_OR_POP);
                            if t == jump_if_true {
                                blk.instrs[i + 1].op = Op::Jump;
                            } else {
                                blk.instrs[i].op = nop;
                                blk.instrs[i + 1].op = nop;
                                blk.instrs[i + 1].target = NO_BLOCK;
                            }
                        }
                    }
                    Some(IS_OP) => {
                        let jop = if i + 2 < n {
                            self.blocks[b].instrs[i + 2].op.real()
                        } else {
                            None
                        };
                        if consts.is_none(ins.arg)
                            && matches!(jop, Some(POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE))
                        {
                            let blk = &mut self.blocks[b];
                            let invert = blk.instrs[i + 1].arg != 0;
                            blk.instrs[i].op = nop;
                            blk.instrs[i + 1].op = nop;
                            let on_false = jop == Some(POP_JUMP_IF_FALSE);
                            blk.instrs[i + 2].op = Op::Real(if invert ^ on_false {
                                POP_JUMP_IF_NOT_NONE
                            } else {
                                POP_JUMP_IF_NONE
                            });
                        }
                    }
                    _ => {}
                },
                Op::Real(BUILD_TUPLE) => {
                    let oparg = ins.arg as usize;
                    if next == Some(UNPACK_SEQUENCE) && self.blocks[b].instrs[i + 1].arg == ins.arg
                    {
                        let blk = &mut self.blocks[b];
                        match oparg {
                            1 => {
                                blk.instrs[i].op = nop;
                                blk.instrs[i + 1].op = nop;
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                blk.instrs[i].op = nop;
                                blk.instrs[i + 1].op = Op::Real(SWAP);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if i >= oparg {
                        let blk = &self.blocks[b];
                        let items = &blk.instrs[i - oparg..i];
                        if items.iter().all(|x| x.op == Op::Real(LOAD_CONST)) {
                            let args: Vec<u32> = items.iter().map(|x| x.arg).collect();
                            if let Some(idx) = consts.fold_tuple(&args) {
                                let blk = &mut self.blocks[b];
                                for x in &mut blk.instrs[i - oparg..i] {
                                    x.op = nop;
                                }
                                blk.instrs[i].op = Op::Real(LOAD_CONST);
                                blk.instrs[i].arg = idx;
                            }
                        }
                    }
                }
                Op::Real(JUMP_IF_FALSE_OR_POP) | Op::Real(JUMP_IF_TRUE_OR_POP) => {
                    let Some(t) = target else {
                        i += 1;
                        continue;
                    };
                    let is_false = ins.op == Op::Real(JUMP_IF_FALSE_OR_POP);
                    let (same_pop, same_keep, opp_keep, opp_pop) = if is_false {
                        (
                            POP_JUMP_IF_FALSE,
                            JUMP_IF_FALSE_OR_POP,
                            JUMP_IF_TRUE_OR_POP,
                            POP_JUMP_IF_TRUE,
                        )
                    } else {
                        (
                            POP_JUMP_IF_TRUE,
                            JUMP_IF_TRUE_OR_POP,
                            JUMP_IF_FALSE_OR_POP,
                            POP_JUMP_IF_FALSE,
                        )
                    };
                    let ins_m = &mut self.blocks[b].instrs[i];
                    if t.op == Op::Real(same_pop) {
                        back = Self::jump_thread(ins_m, &t, Op::Real(same_pop));
                    } else if t.op == Op::Jump || t.op == Op::Real(same_keep) {
                        back = Self::jump_thread(ins_m, &t, Op::Real(same_keep));
                    } else if (t.op == Op::Real(opp_keep) || t.op == Op::Real(opp_pop))
                        && ins.loc.lineno == t.loc.lineno
                    {
                        let tb = ins.target;
                        if let Some(nb) = self.next_nonempty(tb) {
                            let ins_m = &mut self.blocks[b].instrs[i];
                            ins_m.op = Op::Real(same_pop);
                            ins_m.target = nb;
                            back = true;
                        }
                    }
                }
                Op::Real(
                    POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE,
                )
                | Op::Jump => {
                    if let Some(t) = target {
                        if t.op == Op::Jump {
                            let op = ins.op;
                            back = Self::jump_thread(&mut self.blocks[b].instrs[i], &t, op);
                        }
                    }
                }
                Op::Real(SWAP) => {
                    if ins.arg == 1 {
                        self.blocks[b].instrs[i].op = nop;
                    } else {
                        swaptimize(&mut self.blocks[b].instrs, &mut i);
                        apply_static_swaps(&mut self.blocks[b].instrs, i);
                    }
                }
                Op::Real(PUSH_NULL) => {
                    if next == Some(LOAD_GLOBAL) && self.blocks[b].instrs[i + 1].arg & 1 == 0 {
                        let blk = &mut self.blocks[b];
                        blk.instrs[i].op = nop;
                        blk.instrs[i + 1].arg |= 1;
                    }
                }
                _ => {}
            }
            if back {
                // Re-examine the rewritten instruction (CPython's `i -= jump_thread(...)`).
                continue;
            }
            i += 1;
        }
    }

    fn next_nonempty(&self, b: BlockId) -> Option<BlockId> {
        let mut n = self.blocks[b].next?;
        loop {
            if !self.blocks[n].instrs.is_empty() {
                return Some(n);
            }
            n = self.blocks[n].next?;
        }
    }

    fn mark_reachable(&mut self) {
        for b in &mut self.blocks {
            b.preds = 0;
        }
        let mut stack = vec![self.entry];
        self.blocks[self.entry].preds = 1;
        while let Some(b) = stack.pop() {
            let blk = &self.blocks[b];
            let mut succ = Vec::new();
            if let Some(n) = blk.next {
                if !blk.no_fallthrough() {
                    succ.push(n);
                }
            }
            for ins in &blk.instrs {
                if ins.op.is_jump() || ins.op.is_block_push() {
                    succ.push(ins.target);
                }
            }
            for s in succ {
                if self.blocks[s].preds == 0 {
                    stack.push(s);
                }
                self.blocks[s].preds += 1;
            }
        }
    }

    fn is_exit_without_lineno(&self, b: BlockId) -> bool {
        let blk = &self.blocks[b];
        blk.is_exit() && blk.instrs.iter().all(|i| i.loc.lineno == 0)
    }

    fn duplicate_exits_without_lineno(&mut self) {
        self.mark_reachable();
        let live: std::collections::HashSet<BlockId> = self.order().into_iter().collect();
        // Most recently created block first, as compile.c's `b_list` walk.
        for b in (0..self.blocks.len()).rev() {
            if !live.contains(&b) {
                continue;
            }
            let Some(last) = self.blocks[b].last().copied() else {
                continue;
            };
            if !last.op.is_jump() {
                continue;
            }
            let t = last.target;
            if self.is_exit_without_lineno(t) && self.blocks[t].preds > 1 {
                let nb = self.new_block();
                let mut instrs = self.blocks[t].instrs.clone();
                instrs[0].loc = last.loc;
                self.blocks[nb].instrs = instrs;
                self.blocks[nb].preds = 1;
                self.blocks[nb].next = self.blocks[t].next;
                self.blocks[t].next = Some(nb);
                self.blocks[t].preds -= 1;
                self.blocks[b].instrs.last_mut().unwrap().target = nb;
            }
        }
        for b in self.order() {
            let blk = &self.blocks[b];
            if blk.no_fallthrough() || blk.instrs.is_empty() {
                continue;
            }
            if let Some(n) = blk.next {
                if !self.blocks[n].instrs.is_empty() && self.is_exit_without_lineno(n) {
                    let loc = self.blocks[b].instrs.last().unwrap().loc;
                    self.blocks[n].instrs[0].loc = loc;
                }
            }
        }
    }

    fn propagate_line_numbers(&mut self) {
        self.mark_reachable();
        for b in self.order() {
            let mut prev = Position::default();
            for ins in &mut self.blocks[b].instrs {
                if ins.loc.lineno == 0 {
                    ins.loc = prev;
                } else {
                    prev = ins.loc;
                }
            }
            let blk = &self.blocks[b];
            let last = blk.instrs.last().copied();
            if let (Some(n), false) = (blk.next, blk.no_fallthrough()) {
                if self.blocks[n].preds == 1 {
                    if let Some(f) = self.blocks[n].instrs.first_mut() {
                        if f.loc.lineno == 0 {
                            f.loc = prev;
                        }
                    }
                }
            }
            if let Some(l) = last {
                if l.op.is_jump() && l.target != NO_BLOCK && self.blocks[l.target].preds == 1 {
                    if let Some(f) = self.blocks[l.target].instrs.first_mut() {
                        if f.loc.lineno == 0 {
                            f.loc = l.loc;
                        }
                    }
                }
            }
        }
    }

    /// Maximum stack depth (CPython's `stackdepth`); also records each block's start depth.
    pub fn stackdepth(&mut self, generator: bool) -> Result<u32, String> {
        let _ = generator;
        let mut max = 0i64;
        let mut work = vec![self.entry];
        self.blocks[self.entry].start_depth = Some(0);
        while let Some(b) = work.pop() {
            let mut depth = self.blocks[b].start_depth.unwrap();
            let instrs = self.blocks[b].instrs.clone();
            let mut fell_off = true;
            for ins in &instrs {
                let (pops, pushes) = effect(ins, false);
                if ins.op.is_jump() || ins.op.is_block_push() {
                    let (jp, jpush) = effect(ins, true);
                    let target_depth = depth - jp + jpush;
                    if depth - jp < 0 {
                        return Err(format!("stack underflow at {:?}", ins.op));
                    }
                    max = max.max(target_depth);
                    let t = ins.target;
                    match self.blocks[t].start_depth {
                        None => {
                            self.blocks[t].start_depth = Some(target_depth);
                            work.push(t);
                        }
                        Some(d) if d != target_depth => {
                            return Err(format!(
                                "inconsistent stack depth at jump target ({d} vs {target_depth})"
                            ));
                        }
                        _ => {}
                    }
                }
                if depth - pops < 0 {
                    return Err(format!("stack underflow at {:?}", ins.op));
                }
                depth = depth - pops + pushes;
                max = max.max(depth);
                if ins.op.is_scope_exit() || ins.op.is_uncond_jump() {
                    fell_off = false;
                    break;
                }
            }
            if fell_off {
                if let Some(n) = self.blocks[b].next {
                    match self.blocks[n].start_depth {
                        None => {
                            self.blocks[n].start_depth = Some(depth);
                            work.push(n);
                        }
                        Some(d) if d != depth => {
                            return Err(format!(
                                "inconsistent stack depth at fallthrough ({d} vs {depth})"
                            ));
                        }
                        _ => {}
                    }
                }
            }
        }
        Ok(max as u32)
    }

    /// Assigns each instruction the handler covering it (CPython's `label_exception_targets`).
    pub fn label_exception_targets(&mut self) {
        for b in &mut self.blocks {
            b.visited = false;
        }
        let mut todo: Vec<(BlockId, Vec<BlockId>)> = vec![(self.entry, Vec::new())];
        self.blocks[self.entry].visited = true;
        while let Some((b, mut stack)) = todo.pop() {
            let n = self.blocks[b].instrs.len();
            let mut handler = stack.last().copied().unwrap_or(NO_BLOCK);
            for i in 0..n {
                let ins = self.blocks[b].instrs[i];
                if ins.op.is_block_push() {
                    let t = ins.target;
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        todo.push((t, stack.clone()));
                    }
                    if matches!(ins.op, Op::SetupCleanup | Op::SetupWith) {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.push(t);
                    handler = t;
                    // As in CPython, the setup and pop pseudo-instructions themselves are
                    // covered by no handler: the NOP one leaves (to carry a line) splits the
                    // exception table's ranges where CPython's does.
                    self.blocks[b].instrs[i].except = NO_BLOCK;
                } else if ins.op == Op::PopBlock {
                    stack.pop();
                    handler = stack.last().copied().unwrap_or(NO_BLOCK);
                    self.blocks[b].instrs[i].except = NO_BLOCK;
                } else {
                    self.blocks[b].instrs[i].except = handler;
                    if ins.op.is_jump() {
                        let t = ins.target;
                        if !self.blocks[t].visited {
                            self.blocks[t].visited = true;
                            todo.push((t, stack.clone()));
                        }
                    }
                }
            }
            let blk = &self.blocks[b];
            if let (Some(nx), false) = (blk.next, blk.no_fallthrough()) {
                if !self.blocks[nx].visited {
                    self.blocks[nx].visited = true;
                    todo.push((nx, stack));
                }
            }
        }
        // Pseudo-instructions become NOPs (removed below unless they carry a line).
        for b in self.order() {
            for ins in &mut self.blocks[b].instrs {
                if ins.op.is_block_push() || ins.op == Op::PopBlock {
                    ins.op = Op::Real(Opcode::NOP);
                    ins.target = NO_BLOCK;
                }
            }
            self.clean(b);
        }
    }

    /// Lays the blocks out, resolves jumps and builds the code, positions and exception table.
    pub fn assemble(&mut self) -> (Vec<u32>, Vec<Position>, Vec<ExceptionEntry>) {
        let order = self.order();
        // Offsets: one unit per instruction plus its cache units.
        let mut off = 0u32;
        for &b in &order {
            self.blocks[b].offset = off;
            for ins in &self.blocks[b].instrs {
                off += 1 + final_op(ins, 0, 0).info().cache as u32;
            }
        }
        let mut code = Vec::with_capacity(off as usize);
        let mut positions = Vec::with_capacity(off as usize);
        let mut table: Vec<ExceptionEntry> = Vec::new();
        let mut cur: Option<(u32, BlockId)> = None;
        for &b in &order {
            for ins in &self.blocks[b].instrs {
                let here = code.len() as u32;
                let target = if ins.target != NO_BLOCK {
                    self.blocks[ins.target].offset
                } else {
                    0
                };
                let op = final_op(ins, here, target);
                let arg = if ins.op.is_jump() { target } else { ins.arg };
                if ins.except != cur.map(|c| c.1).unwrap_or(NO_BLOCK) {
                    if let Some((start, h)) = cur.take() {
                        if h != NO_BLOCK {
                            table.push(self.entry_for(start, here, h));
                        }
                    }
                    cur = Some((here, ins.except));
                } else if cur.is_none() {
                    cur = Some((here, ins.except));
                }
                code.push(crate::bytecode::code::CodeObject::encode(op, arg));
                positions.push(ins.loc);
                for _ in 0..op.info().cache {
                    code.push(0);
                    positions.push(ins.loc);
                }
            }
        }
        if let Some((start, h)) = cur {
            if h != NO_BLOCK {
                table.push(self.entry_for(start, code.len() as u32, h));
            }
        }
        (code, positions, table)
    }

    fn entry_for(&self, start: u32, end: u32, h: BlockId) -> ExceptionEntry {
        let hb = &self.blocks[h];
        let lasti = hb.preserve_lasti;
        let depth = hb.start_depth.unwrap_or(1) - 1 - lasti as i64;
        ExceptionEntry {
            start,
            end,
            target: hb.offset,
            depth: depth.max(0) as u32,
            lasti,
        }
    }
}

fn final_op(ins: &Instr, here: u32, target: u32) -> Opcode {
    match ins.op {
        Op::Real(o) => o,
        Op::Jump => {
            if target > here {
                Opcode::JUMP_FORWARD
            } else {
                Opcode::JUMP_BACKWARD
            }
        }
        Op::JumpNoInterrupt => {
            if target > here {
                Opcode::JUMP_FORWARD
            } else {
                Opcode::JUMP_BACKWARD_NO_INTERRUPT
            }
        }
        _ => Opcode::NOP,
    }
}

/// (pops, pushes) of an instruction, pseudo-instructions included.
fn effect(ins: &Instr, jump: bool) -> (i64, i64) {
    match ins.op {
        Op::Real(o) => {
            let (p, q) = (o.info().stack)(ins.arg, jump);
            (p as i64, q as i64)
        }
        Op::Jump | Op::JumpNoInterrupt | Op::PopBlock => (0, 0),
        Op::SetupFinally => {
            if jump {
                (0, 1)
            } else {
                (0, 0)
            }
        }
        Op::SetupCleanup => {
            if jump {
                (0, 2)
            } else {
                (0, 0)
            }
        }
        // The handler's depth excludes __enter__'s result (pop 1) but adds lasti and the exception.
        Op::SetupWith => {
            if jump {
                (1, 2)
            } else {
                (0, 0)
            }
        }
    }
}

fn is_swappable(x: &Instr) -> bool {
    matches!(x.op, Op::Real(Opcode::STORE_FAST | Opcode::POP_TOP))
}

/// CPython's `swaptimize`: a run of SWAPs (and NOPs) starting at `*ix` becomes the minimal sequence
/// with the same permutation; `*ix` moves to the run's last instruction.
fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let run = &mut instrs[*ix..];
    let mut depth = run[0].arg as usize;
    let mut len = 0;
    let mut more = false;
    while len + 1 < run.len() {
        len += 1;
        match run[len].op {
            Op::Real(Opcode::SWAP) => {
                depth = depth.max(run[len].arg as usize);
                more = true;
            }
            Op::Real(Opcode::NOP) => {}
            _ => break,
        }
    }
    if len + 1 == run.len() && matches!(run[len].op, Op::Real(Opcode::SWAP) | Op::Real(Opcode::NOP))
    {
        len += 1;
    }
    if !more {
        return;
    }
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for ins in &run[..len] {
        if ins.op == Op::Real(Opcode::SWAP) {
            stack.swap(0, ins.arg as usize - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                run[current as usize].op = Op::Real(Opcode::SWAP);
                run[current as usize].arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next = stack[j];
            stack[j] = VISITED;
            j = next;
        }
    }
    while current >= 0 {
        run[current as usize].op = Op::Real(Opcode::NOP);
        current -= 1;
    }
    *ix += len - 1;
}

fn next_swappable(instrs: &[Instr], mut i: usize, lineno: Option<u32>) -> Option<usize> {
    loop {
        i += 1;
        let ins = instrs.get(i)?;
        if let Some(l) = lineno {
            if ins.loc.lineno != l {
                return None;
            }
        }
        if ins.op == Op::Real(Opcode::NOP) {
            continue;
        }
        return is_swappable(ins).then_some(i);
    }
}

/// CPython's `apply_static_swaps`: SWAPs followed by stores / pops are done by reordering those.
fn apply_static_swaps(instrs: &mut [Instr], i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let iu = i as usize;
        let swap = instrs[iu];
        if swap.op != Op::Real(Opcode::SWAP) {
            if swap.op == Op::Real(Opcode::NOP) || is_swappable(&swap) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, None) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        for _ in 1..swap.arg {
            match next_swappable(instrs, k, Some(lineno)) {
                Some(x) => k = x,
                None => return,
            }
        }
        // Not safe if the two stores (or one in between) target the same local.
        let stores_to = |x: &Instr| (x.op == Op::Real(Opcode::STORE_FAST)).then_some(x.arg);
        let (sj, sk) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if sj.is_some() || sk.is_some() {
            if sj == sk {
                return;
            }
            for x in &instrs[j + 1..k] {
                if let Some(si) = stores_to(x) {
                    if Some(si) == sj || Some(si) == sk {
                        return;
                    }
                }
            }
        }
        instrs[iu].op = Op::Real(Opcode::NOP);
        instrs.swap(j, k);
        i -= 1;
    }
}

/// Removes NOPs, keeping one where it is the only instruction of its line (CPython's
/// `clean_basic_block`); `next_line` is the line of the next non-empty block's first instruction.
pub fn clean_block_with_next(b: &mut Block, next_line: Option<u32>) {
    let mut out: Vec<Instr> = Vec::with_capacity(b.instrs.len());
    let mut prev_line: Option<u32> = None;
    let n = b.instrs.len();
    let mut i = 0;
    while i < n {
        let ins = b.instrs[i];
        let line = ins.loc.lineno;
        if ins.op == Op::Real(Opcode::NOP) {
            if line == 0 || prev_line == Some(line) {
                i += 1;
                continue;
            }
            if i + 1 < n {
                let next = b.instrs[i + 1].loc.lineno;
                if next == line {
                    i += 1;
                    continue;
                }
                if next == 0 {
                    // The NOP's location moves to the unlocated next instruction.
                    b.instrs[i + 1].loc = ins.loc;
                    i += 1;
                    continue;
                }
            } else if next_line == Some(line) {
                i += 1;
                continue;
            }
        }
        out.push(ins);
        prev_line = Some(line);
        i += 1;
    }
    b.instrs = out;
}

/// [`clean_block_with_next`] without knowledge of the following block.
pub fn clean_block(b: &mut Block) {
    clean_block_with_next(b, None);
}
