//! Stitching: copy one stencil per instruction into a region, patch the holes, and run it.
//!
//! A region compiles a whole code unit array. Layout: the `_ENTRY` trampoline, then one piece per
//! instruction in code order (cache units take no space), then an end stub, then one `_DEOPT` stub
//! per instruction that has guards. An instruction without a stencil (`stencil: No`, or a generic
//! opcode the VM has no runtime function for) becomes an exit stub: a `_DEOPT` stub that resumes the
//! interpreter at it. Two passes: the first decides every piece and its size, the second copies and
//! patches. A stencil's final `jmp _JIT_CONTINUE` is dropped, since the next instruction's piece
//! always follows directly.
//!
//! Stencils address the value stack through a stack pointer register, so the stitcher needs no
//! stack-depth analysis: exits compute `stack_depth` from the stack pointer. Top-of-stack caching
//! adds one count the stitcher follows from piece to piece (how many values the previous piece
//! left in registers, and which carry a valid unboxed float shadow): it picks each cacheable
//! stencil's variant for that count, and puts a `_SPILL` piece where the next one cannot take
//! them (a jump target, the end, anything not cacheable) and a `_FILL` after slow paths.

use super::call_stub;
use super::memory::{ExecutableCode, WritableCode};
use super::patch::{self, PatchError};
use super::runtime::{EntryFn, GenericFn, JitContext, JitExit, RuntimeSymbols};
use super::stencils::{find_cached, find_in, Arch, HoleValue, Stencil};
use super::strip_frame::stitch_stencils;
use crate::bytecode::opcode::{Opcode, StencilKind};
use crate::vm::frame::Frame;
use crate::vm::value::Value;

#[derive(Debug)]
pub enum StitchError {
    /// A code unit that should start an instruction has no valid opcode.
    BadOpcode { index: usize, byte: u8 },
    /// A jump target that is not the start of an instruction.
    BadJumpTarget { index: usize, target: u32 },
    /// LOAD_CONST of a constant that does not exist.
    BadConst { index: usize, oparg: u32 },
    /// The stencil set lacks a stencil the stitcher needs (a build problem).
    MissingStencil(&'static str),
    Patch {
        index: usize,
        stencil: &'static str,
        error: PatchError,
    },
    /// Mapping or protecting executable memory failed.
    Memory(std::io::Error),
}

impl std::fmt::Display for StitchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StitchError::BadOpcode { index, byte } => {
                write!(f, "code unit {index}: invalid opcode {byte}")
            }
            StitchError::BadJumpTarget { index, target } => {
                write!(
                    f,
                    "instruction {index}: jump target {target} is not an instruction"
                )
            }
            StitchError::BadConst { index, oparg } => {
                write!(f, "instruction {index}: no constant {oparg}")
            }
            StitchError::MissingStencil(n) => write!(f, "no stencil {n}"),
            StitchError::Patch {
                index,
                stencil,
                error,
            } => {
                write!(f, "instruction {index} ({stencil}): {error}")
            }
            StitchError::Memory(e) => write!(f, "executable memory: {e}"),
        }
    }
}

impl std::error::Error for StitchError {}

/// What one piece of the region is.
#[derive(Clone, Copy, Debug)]
enum PieceKind {
    Entry,
    /// Instruction at this code index.
    Instr,
    /// Exit to the interpreter at this code index (end of code, or an uncompiled instruction).
    Exit,
    /// Deopt stub of the instruction at this code index.
    DeoptStub,
    /// The slow path of the instruction at this code index (its stencil's `_JIT_SLOW`): the
    /// `GENERIC` stencil calling its runtime function, out of line, continuing at `cont`.
    Slow,
    /// The safepoint of a backward conditional jump with a stencil of its own (a JUMP_BACKWARD
    /// stencil: eval breaker and backedge countdown), taken on the way to the loop header at this
    /// code index; its exit resumes the interpreter at the loop header.
    Backedge,
    /// A check of one local a loop header's code assumes the kind of (at this code index),
    /// continuing at `cont` (the next check, or the header's piece); entries from the
    /// interpreter go through the chain.
    EntryCheck,
    /// Stores the values the instruction before caches in registers (`_SPILL`) for the
    /// instruction at this code index, which takes none (top-of-stack caching,
    /// `Stencil::cached`).
    Spill,
    /// Loads into registers the values the fast path of the instruction at this code index
    /// leaves cached, after its slow path (`_FILL`), continuing at `cont`.
    Fill,
}

#[derive(Clone, Copy, Debug)]
struct Piece {
    kind: PieceKind,
    stencil: &'static Stencil,
    /// Code unit index of the instruction (Instr, Exit, DeoptStub).
    index: usize,
    oparg: u32,
    /// Bytes copied (the stencil minus a dropped trailing jump).
    size: usize,
    offset: usize,
    runtime_fn: Option<GenericFn>,
    /// LOAD_CONST: the constant's Value; a constant-divisor BINARY_OP: the divisor (its
    /// `_JIT_MAGIC` multiplier is derived from it).
    operand: u64,
    /// Which of the values it leaves cached have a valid unboxed float shadow (a bit each, the
    /// deepest first): what a `_FILL` after its slow path must make valid again.
    shadows_out: u8,
    /// The `Backedge` piece its taken jump goes through (a backward conditional jump).
    via: Option<usize>,
    /// `Slow`: the piece after its instruction's (where the instruction continues), or the
    /// `Fill` piece on the way there; `EntryCheck`: the next check or the header's piece;
    /// `Fill`: the piece after its instruction's.
    cont: usize,
    /// A fused compare-and-jump: the code index its POP_JUMP_IF jumps to (the jump target of an
    /// instruction with a jump operand is its oparg).
    fused_jump: Option<usize>,
}

/// Counts from stitching one region.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StitchStats {
    pub code_bytes: usize,
    pub instructions: usize,
    /// Instructions compiled as exits to the interpreter.
    pub exits: usize,
    /// Instructions compiled as a call of their runtime function (the `GENERIC` stencil).
    pub calls: usize,
    pub deopt_stubs: usize,
    /// Final `_JIT_CONTINUE` jumps dropped.
    pub dropped_jumps: usize,
    pub dropped_bytes: usize,
}

/// The first pass: pieces with sizes and offsets.
pub struct Layout {
    arch: Arch,
    pieces: Vec<Piece>,
    /// Piece index of each code unit that starts an instruction.
    instr_piece: Vec<Option<usize>>,
    /// Piece index of the deopt stub of each instruction that has one.
    deopt_piece: Vec<Option<usize>>,
    /// Piece index of the entry check in front of a loop header, where it has one: where the
    /// interpreter enters it (`Region::entry_offset`).
    entry_piece: Vec<Option<usize>>,
    /// The runtime functions of the pieces that call them through a call stub (`call_stub`),
    /// each once.
    stub_fns: Vec<GenericFn>,
    pub stats: StitchStats,
}

fn find(set: &'static [Stencil], name: &'static str) -> Result<&'static Stencil, StitchError> {
    find_in(set, name, 0).ok_or(StitchError::MissingStencil(name))
}

/// Pass one: choose every piece and lay the region out, with the stencils the stitcher uses for
/// `arch` (`strip_frame::stitch_stencils`).
pub fn layout(
    arch: Arch,
    code: &[u32],
    consts: &[Value],
    syms: &RuntimeSymbols,
) -> Result<Layout, StitchError> {
    layout_set(arch, stitch_stencils(arch), code, consts, syms, None)
}

/// Pass one with an explicit stencil set of `arch` (e.g. `arch.stencils()`, Cranelift's output as is).
pub fn layout_with(
    arch: Arch,
    set: &'static [Stencil],
    code: &[u32],
    consts: &[Value],
    syms: &RuntimeSymbols,
) -> Result<Layout, StitchError> {
    layout_set(arch, set, code, consts, syms, None)
}

/// Pass one with stencils from `set`; generic instructions that take no jump call their
/// runtime function through its stub with `stub_site` (`call_stub::site_stencil`) where given,
/// else with the `GENERIC` stencil.
fn layout_set(
    arch: Arch,
    set: &'static [Stencil],
    code: &[u32],
    consts: &[Value],
    syms: &RuntimeSymbols,
    stub_site: Option<&'static Stencil>,
) -> Result<Layout, StitchError> {
    let find = |name| find(set, name);
    let find_in = |name, oparg| find_in(set, name, oparg);
    let find_cached = |name, oparg, k| find_cached(set, name, oparg, k);
    let entry = find("_ENTRY")?;
    let deopt = find("_DEOPT")?;
    // GENERIC's `jump` variant checks `ctx.branch` after the call; only jump instructions (as
    // the quickened code holds them, which is what `JumpTarget` holes resolve by) need it.
    let generic_plain = find_in("GENERIC", 0).ok_or(StitchError::MissingStencil("GENERIC"))?;
    let generic_jump = find_in("GENERIC", 1).ok_or(StitchError::MissingStencil("GENERIC"))?;
    let generic_plain = stub_site.unwrap_or(generic_plain);
    let generic_at = |i: usize| match Opcode::from_u8(code[i] as u8) {
        Some(o) if o.info().operand == crate::bytecode::opcode::OperandKind::Jump => generic_jump,
        _ => generic_plain,
    };
    let backedge = find("JUMP_BACKWARD")?;
    let switch = find("_SWITCH")?;
    // CALL_PY_EXACT_ARGS, CALL_PY_WITH_DEFAULTS and RETURN_VALUE switch frames in place where
    // they can (`_CALL_PY`, `_RETURN`), with `_SWITCH`'s runtime function for everything else.
    // (`_CALL_PY` has a variant per oparg up to 4, plus 5 times the parameters a call leaves to
    // the defaults, 1 or 2: what the specializer found, in c[1], the unit after the counter.)
    let inline = syms.inline_calls && !syms.function_type.is_null();
    let switch_for = |op, oparg: u32, i: usize| {
        match op {
            Opcode::CALL_PY_EXACT_ARGS if inline && oparg < 5 => find_in("_CALL_PY", oparg),
            Opcode::CALL_PY_WITH_DEFAULTS if inline && oparg < 5 => match code.get(i + 2) {
                Some(&m @ 1..=2) => find_in("_CALL_PY", oparg + 5 * m),
                _ => None,
            },
            Opcode::RETURN_VALUE if inline => find("_RETURN").ok(),
            _ => None,
        }
        .unwrap_or(switch)
    };
    // Backward conditional jumps compiled as stencils: (piece, loop header).
    let mut backward = Vec::new();
    let piece = |kind, stencil: &'static Stencil, index, oparg| Piece {
        kind,
        stencil,
        index,
        oparg,
        size: stencil.code.len(),
        offset: 0,
        runtime_fn: None,
        operand: 0,
        shadows_out: 0,
        via: None,
        cont: 0,
        fused_jump: None,
    };
    let targets = jump_targets(code);
    // Each compare fused with its POP_JUMP_IF, decided once for the analysis and the layout.
    let fusions: Vec<Option<(u32, usize, usize)>> = (0..code.len())
        .map(|i| {
            let op = Opcode::from_u8(code[i] as u8)?;
            fuse_compare_jump(op, i, code, &targets, syms)
        })
        .collect();
    let proven = super::types::proven_operands(
        code,
        &super::types::Compiled {
            guarded: &|i| !(syms.as_step)(i),
            fused: &|i| fusions[i].map(|(_, next, target)| (next, target)),
            constant: &|c| match consts.get(c as usize) {
                Some(v) if v.is_small_int() => super::types::Kind::Int,
                Some(v) if v.is_float() => super::types::Kind::Float,
                _ => super::types::Kind::Unknown,
            },
        },
    );
    let proofs = &proven.operands;
    // Sized up front: an instruction, its spill, slow path and deopt stub are a few pieces, and
    // code units count an instruction's cache entries too; growing by doubling copied the
    // pieces (~100 bytes each) about as often as they were pushed.
    let mut pieces = Vec::with_capacity(code.len() + 16);
    pieces.push(piece(PieceKind::Entry, entry, 0, 0));
    let mut instr_piece = vec![None; code.len() + 1];
    let mut deopt_piece = vec![None; code.len()];
    let mut stats = StitchStats::default();
    // Top-of-stack caching: the values the piece before leaves in registers where it falls
    // through (the deepest first), each with whether it is a float arithmetic result whose
    // unboxed shadow is valid (the float arithmetic stencils' `unboxed` variants read those).
    // An instruction that can take them (a cacheable stencil's variant for that many) does;
    // anything else, and every jump target and the end, gets a `_SPILL` piece in front (so
    // jumps, entries and exits always find the whole stack in memory).
    // (At most `stencils::CACHE_DEPTH` values are cached: a fixed array, no allocation per
    // piece.)
    let mut shadows = [false; 8];
    let mut nshadows = 0usize;
    // Gives `p` the stencil variant taking the cached values, or puts a spill before it.
    let mut place = |pieces: &mut Vec<Piece>, mut p: Piece, at_target: bool| {
        let cached = nshadows;
        let takes = match (p.kind, p.stencil.variant) {
            (PieceKind::Instr, v) if cached > 0 && !at_target && p.runtime_fn.is_none() => {
                let mut v = v.map_or(0, |v| v.0);
                if FLOAT_ARITHMETIC.contains(&p.stencil.name) {
                    let k = nshadows;
                    let right = k >= 1 && shadows[k - 1];
                    let left = k >= 2 && shadows[k - 2];
                    v = v % 4 + 4 * (left as u32 | (right as u32) << 1);
                }
                find_cached(p.stencil.name, v, cached)
            }
            _ => None,
        };
        match takes {
            Some(s) => {
                p.stencil = s;
                p.size = s.code.len();
            }
            None if cached > 0 => {
                let s = find_cached("_SPILL", 0, cached)
                    .ok_or(StitchError::MissingStencil("_SPILL"))?;
                pieces.push(piece(PieceKind::Spill, s, p.index, 0));
                nshadows = 0;
            }
            None => {}
        }
        // The shadows it leaves: its flow maps each value it leaves cached to one it took or
        // one it pushed.
        let (spilled, remaining, valid) = p.stencil.flow;
        let before = shadows;
        let took = nshadows;
        nshadows = match p.kind {
            PieceKind::Instr => p.stencil.cached.1.min(shadows.len()),
            _ => 0,
        };
        for (j, out) in shadows.iter_mut().enumerate().take(nshadows) {
            *out = match spilled + j {
                from if from < remaining => from < took && before[from],
                pushed => valid >> (pushed - remaining) & 1 != 0,
            };
        }
        p.shadows_out = shadows[..nshadows]
            .iter()
            .enumerate()
            .fold(0, |m, (j, &v)| m | (v as u8) << j);
        pieces.push(p);
        Ok::<(), StitchError>(())
    };
    let mut i = 0;
    // The previous instruction's index (a LOAD_CONST before `%`/`//` makes a constant divisor).
    let mut prev: Option<usize> = None;
    while i < code.len() {
        let unit = code[i];
        let op = Opcode::from_u8(unit as u8).ok_or(StitchError::BadOpcode {
            index: i,
            byte: unit as u8,
        })?;
        let oparg = unit >> 8;
        // A compare fused with the POP_JUMP_IF after it: one stencil for both, and no piece for
        // the jump (nothing enters there: it is no jump target, and the interpreter runs the
        // pair as one instruction). Otherwise the compare alone, as a step runs it.
        let fused = fusions[i].and_then(|(variant, next, target)| {
            let variant = variant + 12 * proofs[i] as u32;
            Some((find_in(op.info().name, variant)?, next, target))
        });
        let op = if fused.is_none() {
            crate::vm::eval::step_form(op)
        } else {
            op
        };
        let info = op.info();
        if let Some((s, next, target)) = fused {
            stats.instructions += 2;
            place(
                &mut pieces,
                Piece {
                    fused_jump: Some(target),
                    ..piece(PieceKind::Instr, s, i, oparg)
                },
                targets[i],
            )?;
            instr_piece[i] = Some(pieces.len() - 1);
            if target <= i {
                backward.push((pieces.len() - 1, target));
            }
            prev = Some(next);
            i = next + 1;
            continue;
        }
        let stencil = match info.stencil {
            StencilKind::Own if (syms.as_step)(i) => StencilKind::Generic,
            k => k,
        };
        // `%` / `//` by the small-int constant the LOAD_CONST just before pushed (and nothing
        // jumps in between): the constant-divisor variant, (divisor, variant).
        let divisor = match op {
            Opcode::BINARY_OP | Opcode::BINARY_OP_SMALL_INT if !targets[i] => {
                let k = CONST_DIVISOR_OPS.iter().position(|&o| o == oparg);
                let d = prev
                    .filter(|&j| code[j] as u8 == Opcode::LOAD_CONST as u8)
                    .and_then(|j| consts.get((code[j] >> 8) as usize))
                    .filter(|v| v.is_small_int())
                    .map(|v| v.as_small_int())
                    .filter(|d| (2..=65535).contains(d));
                k.zip(d).map(|(k, d)| {
                    let left_proven = proofs[i] as u32 & 1;
                    (d as u64, CONST_DIVISOR + 2 * k as u32 + left_proven)
                })
            }
            _ => None,
        };
        let switch_fn = if (syms.as_step)(i) {
            None
        } else {
            (syms.switch_fn)(op)
        };
        let mut p = match stencil {
            _ if switch_fn.is_some() => Piece {
                runtime_fn: switch_fn,
                // Where the caller resumes (`_CALL_PY`).
                operand: (i + 1 + info.cache as usize) as u64,
                ..piece(PieceKind::Instr, switch_for(op, oparg, i), i, oparg)
            },
            StencilKind::Own => match (
                find_in(
                    info.name,
                    divisor.map_or_else(|| variant_of(op, oparg, i, syms, proofs[i]), |d| d.1),
                ),
                (syms.generic_fn)(op),
            ) {
                (Some(s), _) => Piece {
                    operand: divisor.map_or(0, |d| d.0),
                    ..piece(PieceKind::Instr, s, i, oparg)
                },
                // No variant for this oparg: its runtime function, if it has one.
                (None, Some(f)) => Piece {
                    runtime_fn: Some(f),
                    ..piece(PieceKind::Instr, generic_at(i), i, oparg)
                },
                (None, None) => piece(PieceKind::Exit, deopt, i, 0),
            },
            StencilKind::Generic => match (syms.generic_fn)(op) {
                Some(f) => Piece {
                    runtime_fn: Some(f),
                    ..piece(PieceKind::Instr, generic_at(i), i, oparg)
                },
                None => piece(PieceKind::Exit, deopt, i, 0),
            },
            StencilKind::No => piece(PieceKind::Exit, deopt, i, 0),
        };
        if op == Opcode::LOAD_CONST {
            let c = consts
                .get(oparg as usize)
                .ok_or(StitchError::BadConst { index: i, oparg })?;
            p.operand = c.0;
        }
        let backward_jump = matches!(p.kind, PieceKind::Instr)
            && p.runtime_fn.is_none()
            && info.operand == crate::bytecode::opcode::OperandKind::Jump
            && op != Opcode::JUMP_BACKWARD
            && (oparg as usize) <= i;
        stats.instructions += 1;
        if matches!(p.kind, PieceKind::Exit) {
            stats.exits += 1;
        }
        if p.runtime_fn.is_some() {
            stats.calls += 1;
        }
        place(&mut pieces, p, targets[i])?;
        instr_piece[i] = Some(pieces.len() - 1);
        if backward_jump {
            backward.push((pieces.len() - 1, oparg as usize));
        }
        prev = Some(i);
        i += 1 + info.cache as usize;
    }
    // Falling off the end exits to the interpreter (which reports it); it also gives the last
    // instruction a following piece.
    place(&mut pieces, piece(PieceKind::Exit, deopt, i, 0), true)?;
    let end_piece = pieces.len() - 1;
    instr_piece[code.len().min(i)] = Some(end_piece);
    // Every backward edge is a safepoint: backward conditional jumps go through a JUMP_BACKWARD
    // stencil, out of line.
    for (k, target) in backward {
        pieces[k].via = Some(pieces.len());
        pieces.push(piece(PieceKind::Backedge, backedge, target, target as u32));
    }
    // Slow paths out of line: the runtime function (GENERIC), or without one an exit.
    for k in 1..end_piece {
        let p = pieces[k];
        if matches!(p.kind, PieceKind::Instr)
            && p.stencil.holes.iter().any(|h| h.value == HoleValue::Slow)
        {
            let op = Opcode::from_u8(code[p.index] as u8);
            // The fast path leaves values cached that the slow path leaves in memory: a
            // `_FILL` piece loads them on the way back.
            let fill = p.stencil.cached.1;
            let slow = match op.and_then(|o| (syms.generic_fn)(o)) {
                // `_CALL_PY` / `_RETURN`: what they do not do in place, `_SWITCH` does.
                _ if matches!(p.stencil.name, "_CALL_PY" | "_RETURN") => Piece {
                    runtime_fn: p.runtime_fn,
                    ..piece(PieceKind::Slow, switch, p.index, p.oparg)
                },
                Some(f) => Piece {
                    runtime_fn: Some(f),
                    cont: if fill > 0 { pieces.len() + 1 } else { k + 1 },
                    ..piece(PieceKind::Slow, generic_at(p.index), p.index, p.oparg)
                },
                None => piece(PieceKind::Exit, deopt, p.index, 0),
            };
            pieces[k].cont = pieces.len();
            let has_fn = slow.runtime_fn.is_some();
            pieces.push(slow);
            if fill > 0 && has_fn {
                let variant = fill as u32 + 4 * p.shadows_out as u32;
                let s = find_in("_FILL", variant).ok_or(StitchError::MissingStencil("_FILL"))?;
                pieces.push(Piece {
                    cont: k + 1,
                    ..piece(PieceKind::Fill, s, p.index, 0)
                });
            }
        }
    }
    // Loop headers whose code assumes the kinds of some locals (`jit::types`): entries from the
    // interpreter go through a check of each (a `_GUARD_LOCAL` piece, deopting at the header)
    // before the header's own piece; compiled paths into the header skip it.
    let mut entry_piece = vec![None; code.len() + 1];
    for (h, locals) in &proven.headers {
        let Some(header_piece) = instr_piece[*h] else {
            continue;
        };
        let first = pieces.len();
        for (n, &(local, kind)) in locals.iter().enumerate() {
            let kind_base = if kind == super::types::Kind::Float {
                LOCALS
            } else {
                0
            };
            let Some(s) = find_in("_GUARD_LOCAL", local.min(LOCALS - 1) + kind_base) else {
                return Err(StitchError::MissingStencil("_GUARD_LOCAL"));
            };
            let cont = if n + 1 == locals.len() {
                header_piece
            } else {
                pieces.len() + 1
            };
            pieces.push(Piece {
                cont,
                ..piece(PieceKind::EntryCheck, s, *h, local)
            });
        }
        entry_piece[*h] = Some(first);
    }
    // Deopt stubs go last, out of the straight-line path.
    for k in 1..pieces.len() {
        // (A `_SPILL` before the end exit has the end's index, past every instruction.)
        if k == end_piece || deopt_piece.get(pieces[k].index) != Some(&None) {
            continue;
        }
        if pieces[k]
            .stencil
            .holes
            .iter()
            .any(|h| h.value == HoleValue::Deopt)
        {
            deopt_piece[pieces[k].index] = Some(pieces.len());
            pieces.push(piece(PieceKind::DeoptStub, deopt, pieces[k].index, 0));
            stats.deopt_stubs += 1;
        }
    }
    // Drop each instruction's final continue jump: its continuation is the very next piece.
    let mut offset = 0;
    for (k, p) in pieces.iter_mut().enumerate() {
        if matches!(p.kind, PieceKind::Instr | PieceKind::Spill)
            && k < end_piece
            && p.stencil.trailing_continue > 0
        {
            p.size -= p.stencil.trailing_continue;
            stats.dropped_jumps += 1;
            stats.dropped_bytes += p.stencil.trailing_continue;
        }
        p.offset = offset;
        offset += p.size;
    }
    stats.code_bytes = offset;
    let mut stub_fns: Vec<GenericFn> = match stub_site {
        Some(site) => pieces
            .iter()
            .filter(|p| std::ptr::eq(p.stencil, site))
            .filter_map(|p| p.runtime_fn)
            .collect(),
        None => Vec::new(),
    };
    stub_fns.sort_unstable_by_key(|&f| f as usize);
    stub_fns.dedup_by_key(|f| *f as usize);
    Ok(Layout {
        arch,
        pieces,
        instr_piece,
        deopt_piece,
        entry_piece,
        stub_fns,
        stats,
    })
}

/// The float arithmetic stencils, whose `unboxed` variants read operands from their shadows
/// (variant = proof + 4 * (left unboxed + 2 * right unboxed); stencils/ops.rs `FLOAT_VARIANTS`).
const FLOAT_ARITHMETIC: [&str; 3] = [
    "BINARY_OP_ADD_FLOAT",
    "BINARY_OP_SUBTRACT_FLOAT",
    "BINARY_OP_MULTIPLY_FLOAT",
];

/// The first constant-divisor variant of BINARY_OP/BINARY_OP_SMALL_INT, and the operators that
/// have them in variant order (`%`, `//`, `%=`, `//=`; stencils/attr.rs).
const CONST_DIVISOR: u32 = 104;
const CONST_DIVISOR_OPS: [u32; 4] = [6, 2, 19, 15];

/// LOAD_FAST's, STORE_FAST's and `_GUARD_LOCAL`'s variants per local: locals 0..16 by
/// displacement, then `any` (stencils/ops.rs `LOCAL_VARIANTS`).
const LOCALS: u32 = 17;

/// The variant of `op`'s stencil for instruction `i` with `oparg`: the oparg itself, except for
/// LOAD_GLOBAL_MODULE/BUILTIN (its bit 0), the attribute instructions (whether their cache is
/// compiled in: `RuntimeSymbols::burn_cache`), LOAD_FAST, whose variants are the local (0..16,
/// then `any`) without and then with the proof that it is bound
/// (`RuntimeSymbols::proven_bound`: no unbound check), and the type-guarded
/// arithmetic and comparisons, whose variants are their base ones (none, or the comparison)
/// times the operands proven earlier (`jit::types`, `proof`).
fn variant_of(op: Opcode, oparg: u32, i: usize, syms: &RuntimeSymbols, proof: u8) -> u32 {
    match op {
        Opcode::LOAD_FAST => {
            oparg.min(LOCALS - 1) + if (syms.proven_bound)(i) { LOCALS } else { 0 }
        }
        Opcode::BINARY_OP_ADD_INT
        | Opcode::BINARY_OP_SUBTRACT_INT
        | Opcode::BINARY_OP_MULTIPLY_INT
        | Opcode::BINARY_OP_ADD_FLOAT
        | Opcode::BINARY_OP_SUBTRACT_FLOAT
        | Opcode::BINARY_OP_MULTIPLY_FLOAT => proof as u32,
        // A comparison outside 0..6 has no stencil (u32::MAX names no variant).
        Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT if oparg < 6 => oparg + 6 * proof as u32,
        Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT => u32::MAX,
        // Every `nb` operator (26), times the proofs of small-int operands.
        Opcode::BINARY_OP | Opcode::BINARY_OP_SMALL_INT if oparg < 26 => oparg + 26 * proof as u32,
        Opcode::BINARY_OP | Opcode::BINARY_OP_SMALL_INT => u32::MAX,
        // Whether a NULL goes below the value.
        Opcode::LOAD_GLOBAL_MODULE | Opcode::LOAD_GLOBAL_BUILTIN => oparg & 1,
        // The live inline cache, or the one compiled in (stencils/attr.rs `CACHE_VARIANTS`).
        Opcode::LOAD_ATTR_INSTANCE_VALUE
        | Opcode::LOAD_ATTR_SLOT
        | Opcode::STORE_ATTR_INSTANCE_VALUE
        | Opcode::STORE_ATTR_SLOT
        | Opcode::LOAD_METHOD_WITH_VALUES
        | Opcode::LOAD_METHOD_NO_DICT => (syms.burn_cache)(i) as u32,
        _ => oparg,
    }
}

/// Code indexes some instruction jumps to.
fn jump_targets(code: &[u32]) -> Vec<bool> {
    let mut t = vec![false; code.len() + 1];
    let mut i = 0;
    while i < code.len() {
        let Some(op) = Opcode::from_u8(code[i] as u8) else {
            break;
        };
        if op.info().operand == crate::bytecode::opcode::OperandKind::Jump {
            if let Some(slot) = t.get_mut((code[i] >> 8) as usize) {
                *slot = true;
            }
        }
        i += 1 + op.cache_units();
    }
    t
}

/// For a fused compare-and-jump (COMPARE_OP_INT_JUMP, COMPARE_OP_FLOAT_JUMP) at `i` that can be
/// compiled as one stencil: (its variant, the POP_JUMP_IF's index, the POP_JUMP_IF's target).
fn fuse_compare_jump(
    op: Opcode,
    i: usize,
    code: &[u32],
    targets: &[bool],
    syms: &RuntimeSymbols,
) -> Option<(u32, usize, usize)> {
    if !matches!(
        op,
        Opcode::COMPARE_OP_INT_JUMP | Opcode::COMPARE_OP_FLOAT_JUMP
    ) || (syms.as_step)(i)
    {
        return None;
    }
    let next = i + 1 + op.info().cache as usize;
    let unit = *code.get(next)?;
    let sense = match Opcode::from_u8(unit as u8)? {
        Opcode::POP_JUMP_IF_FALSE => 0,
        Opcode::POP_JUMP_IF_TRUE => 1,
        _ => return None,
    };
    let target = (unit >> 8) as usize;
    let cmp = code[i] >> 8;
    if targets[next] || (syms.as_step)(next) || cmp >= 6 || target >= code.len() {
        return None;
    }
    Some((cmp + 6 * sense, next, target))
}

/// One piece of a laid-out region, for inspection and tests.
#[derive(Clone, Copy, Debug)]
pub struct PieceInfo {
    pub offset: usize,
    /// Bytes copied (without a dropped trailing jump).
    pub size: usize,
    pub stencil: &'static Stencil,
    /// Code unit index of the instruction it belongs to (0 for `_ENTRY`).
    pub index: usize,
    /// `_DEOPT` stub of its instruction (as opposed to an exit compiled in the instruction's place).
    pub is_deopt_stub: bool,
}

impl Layout {
    /// The pieces in layout order.
    pub fn pieces(&self) -> impl Iterator<Item = PieceInfo> + '_ {
        self.pieces.iter().map(|p| PieceInfo {
            offset: p.offset,
            size: p.size,
            stencil: p.stencil,
            index: p.index,
            is_deopt_stub: matches!(p.kind, PieceKind::DeoptStub),
        })
    }

    pub fn arch(&self) -> Arch {
        self.arch
    }

    pub fn size(&self) -> usize {
        self.stats.code_bytes
    }

    /// Offset of the piece for the instruction starting at code unit `index`.
    pub fn instr_offset(&self, index: usize) -> Option<usize> {
        self.instr_piece
            .get(index)
            .copied()
            .flatten()
            .map(|k| self.pieces[k].offset)
    }

    /// Pass two: copies and patches every piece into `out` (at least `size()` bytes), which will
    /// run at address `base`.
    pub fn emit(
        &self,
        code: &[u32],
        syms: &RuntimeSymbols,
        out: &mut [u8],
        base: u64,
    ) -> Result<(), StitchError> {
        for (k, p) in self.pieces.iter().enumerate() {
            let dst = &mut out[p.offset..p.offset + p.size];
            dst.copy_from_slice(&p.stencil.code[..p.size]);
            for hole in p.stencil.holes {
                if hole.offset as usize >= p.size {
                    continue; // in the dropped trailing jump
                }
                let value = self.hole_value(k, p, hole.value, code, syms, base)?;
                let place = base + (p.offset as u64) + hole.offset;
                patch::apply(
                    hole.kind,
                    dst,
                    hole.offset as usize,
                    place,
                    value.wrapping_add(hole.addend as u64),
                )
                .map_err(|error| StitchError::Patch {
                    index: p.index,
                    stencil: p.stencil.name,
                    error,
                })?;
            }
        }
        Ok(())
    }

    fn hole_value(
        &self,
        k: usize,
        p: &Piece,
        value: HoleValue,
        code: &[u32],
        syms: &RuntimeSymbols,
        base: u64,
    ) -> Result<u64, StitchError> {
        let at = |k: usize| base + self.pieces[k].offset as u64;
        Ok(match value {
            HoleValue::Continue
                if matches!(
                    p.kind,
                    PieceKind::Slow | PieceKind::EntryCheck | PieceKind::Fill
                ) =>
            {
                return Ok(at(p.cont))
            }
            HoleValue::Continue => return Ok(at(k + 1)),
            HoleValue::Slow => return Ok(at(p.cont)),
            HoleValue::Cache if syms.cache.is_null() => {
                return Err(StitchError::MissingStencil("live quickened code"))
            }
            HoleValue::Cache => syms.cache as u64 + 4 * p.index as u64,
            // The inline cache as the snapshot holds it: c[i] is unit `index + 1 + i`.
            HoleValue::CacheVersion | HoleValue::CacheIndex | HoleValue::CacheMethod => {
                let c = |i: usize| code.get(p.index + 1 + i).copied();
                let missing = || StitchError::MissingStencil("inline cache");
                match value {
                    HoleValue::CacheVersion => match c(1).ok_or_else(missing)? {
                        0 => u32::MAX as u64,
                        v => v as u64,
                    },
                    HoleValue::CacheIndex => c(2).ok_or_else(missing)? as u64,
                    _ => {
                        let (lo, hi) = (c(3).ok_or_else(missing)?, c(4).ok_or_else(missing)?);
                        lo as u64 | (hi as u64) << 32
                    }
                }
            }
            HoleValue::Helper => {
                match Opcode::from_u8(code[p.index] as u8).and_then(super::ops::helper_fn) {
                    Some(f) => f as u64,
                    None => return Err(StitchError::MissingStencil("helper function")),
                }
            }
            HoleValue::JumpTarget if matches!(p.kind, PieceKind::Backedge) => {
                match self.instr_piece.get(p.index).copied().flatten() {
                    Some(t) => return Ok(at(t)),
                    None => {
                        return Err(StitchError::BadJumpTarget {
                            index: p.index,
                            target: p.oparg,
                        })
                    }
                }
            }
            HoleValue::JumpTarget if p.via.is_some() => {
                let target = p.fused_jump.unwrap_or(p.oparg as usize);
                if target >= code.len() || self.instr_piece[target].is_none() {
                    return Err(StitchError::BadJumpTarget {
                        index: p.index,
                        target: p.oparg,
                    });
                }
                return Ok(at(p.via.unwrap_or(k)));
            }
            HoleValue::JumpTarget if p.fused_jump.is_some() => {
                let target = p.fused_jump.unwrap_or(0);
                match self.instr_piece.get(target).copied().flatten() {
                    Some(t) if target < code.len() => return Ok(at(t)),
                    _ => {
                        return Err(StitchError::BadJumpTarget {
                            index: p.index,
                            target: target as u32,
                        })
                    }
                }
            }
            HoleValue::JumpTarget => {
                let op = Opcode::from_u8(code[p.index] as u8);
                let is_jump = op.is_some_and(|o| {
                    o.info().operand == crate::bytecode::opcode::OperandKind::Jump
                });
                if !is_jump {
                    // Generic non-jump instructions never set `branch`; point it at the next piece.
                    let next = if matches!(p.kind, PieceKind::Slow) {
                        p.cont
                    } else {
                        k + 1
                    };
                    return Ok(at(next));
                }
                let target = p.oparg as usize;
                match self.instr_piece.get(target).copied().flatten() {
                    Some(t) if target < code.len() => return Ok(at(t)),
                    _ => {
                        return Err(StitchError::BadJumpTarget {
                            index: p.index,
                            target: p.oparg,
                        })
                    }
                }
            }
            HoleValue::Deopt => match self.deopt_piece[p.index] {
                Some(d) => return Ok(at(d)),
                None => return Err(StitchError::MissingStencil("_DEOPT")),
            },
            HoleValue::Oparg => p.oparg as u64,
            HoleValue::Operand => p.operand,
            // ceil(2**64 / divisor) (a constant-divisor variant's divisor is 2..=65535).
            HoleValue::Magic => match u64::MAX.checked_div(p.operand) {
                Some(m) => m + 1,
                None => {
                    return Err(StitchError::BadConst {
                        index: p.index,
                        oparg: p.oparg,
                    })
                }
            },
            HoleValue::Target => p.index as u64,
            HoleValue::True => syms.true_value.0,
            HoleValue::False => syms.false_value.0,
            HoleValue::None => syms.none_value.0,
            HoleValue::RangeIterType => syms.range_iter_type as u64,
            // Type objects the stencils' guards compare with; a test's symbols may leave some
            // out (null), and then the stencils that need one do not stitch.
            HoleValue::CellType
            | HoleValue::FunctionType
            | HoleValue::TypeType
            | HoleValue::TupleType
            | HoleValue::DictType
            | HoleValue::ModuleType
            | HoleValue::TupleIterType
            | HoleValue::ListType
            | HoleValue::ListIterType => {
                let (addr, what) = match value {
                    HoleValue::CellType => (syms.cell_type, "cell type"),
                    HoleValue::FunctionType => (syms.function_type, "function type"),
                    HoleValue::TypeType => (syms.type_type, "type type"),
                    HoleValue::TupleType => (syms.tuple_type, "tuple type"),
                    HoleValue::DictType => (syms.dict_type, "dict type"),
                    HoleValue::ModuleType => (syms.module_type, "module type"),
                    HoleValue::TupleIterType => (syms.tuple_iter_type, "tuple iterator type"),
                    HoleValue::ListType => (syms.list_type, "list type"),
                    _ => (syms.list_iter_type, "list iterator type"),
                };
                if addr.is_null() {
                    return Err(StitchError::MissingStencil(what));
                }
                addr as u64
            }
            HoleValue::AttrSite => {
                let site = (syms.attr_site)(p.index);
                if site.is_null() {
                    EMPTY_SITE.as_ptr() as u64
                } else {
                    site as u64
                }
            }
            HoleValue::TypeEpoch if syms.type_epoch.is_null() => {
                return Err(StitchError::MissingStencil("type epoch"))
            }
            HoleValue::TypeEpoch => syms.type_epoch as u64,
            HoleValue::RuntimeFn => match p.runtime_fn {
                Some(f) => f as usize as u64,
                None => return Err(StitchError::MissingStencil("runtime function")),
            },
            HoleValue::CallStub => match p.runtime_fn.and_then(call_stub::address) {
                Some(a) => a,
                None => return Err(StitchError::MissingStencil("call stub")),
            },
        })
    }
}

/// What an attribute stencil probes where the instruction has no attribute site: entries whose
/// type word (0) matches no object's type.
static EMPTY_SITE: [u64; (crate::vm::abi::ATTR_CACHE_WAYS * crate::vm::abi::ATTR_CACHE_WORDS)
    as usize] = [0; (crate::vm::abi::ATTR_CACHE_WAYS * crate::vm::abi::ATTR_CACHE_WORDS) as usize];

/// `Region::entries`: the code unit starts no instruction compiled here (an exit to the
/// interpreter, or a cache unit).
const NOT_COMPILED: u32 = u32::MAX;
/// `Region::entries`: the instruction is compiled but not entered from outside (it takes values
/// in registers from the instruction before).
const NO_ENTRY: u32 = u32::MAX - 1;
// Compiled calls and returns treat every table value from `CODE_NO_ENTRY` up as no entry.
const _: () = assert!(NO_ENTRY == crate::vm::abi::CODE_NO_ENTRY && NOT_COMPILED > NO_ENTRY);

/// A compiled region in executable memory, runnable on the host.
///
/// It keeps what running it needs (the entries) and a compact list of its pieces, not the
/// layout it was stitched from: that takes ~150 bytes per code unit (the pieces are sized for
/// every code unit), which live regions held on to (bm_deltablue: 1.8 MB more resident memory
/// than the interpreter for 127 KB of code).
pub struct Region {
    code: ExecutableCode,
    pieces: Box<[PieceInfo]>,
    stats: StitchStats,
    /// Per code unit, the offset compiled code is entered at (a lookup on every call and return
    /// switched in compiled code), or `NOT_COMPILED` / `NO_ENTRY`.
    entries: Box<[u32]>,
    /// The call stubs written for this region (address, bytes), if it needed new ones.
    new_stubs: Option<(u64, usize)>,
}

impl Region {
    /// Stitches `code` for the host into fresh memory (RW while patching, then RX).
    pub fn compile(
        code: &[u32],
        consts: &[Value],
        syms: &RuntimeSymbols,
    ) -> Result<Region, StitchError> {
        let arch = Arch::host().ok_or(StitchError::MissingStencil("host architecture"))?;
        Region::compile_with(stitch_stencils(arch), code, consts, syms)
    }

    /// `compile` with an explicit stencil set for the host (to compare stencil variants).
    pub fn compile_with(
        set: &'static [Stencil],
        code: &[u32],
        consts: &[Value],
        syms: &RuntimeSymbols,
    ) -> Result<Region, StitchError> {
        let arch = Arch::host().ok_or(StitchError::MissingStencil("host architecture"))?;
        let site = call_stub::site_stencil(arch).filter(|_| syms.call_stubs);
        let mut layout = layout_set(arch, set, code, consts, syms, site)?;
        let mut new_stubs = None;
        let mut stubs_ok = true;
        if !layout.stub_fns.is_empty() {
            // The thread's first stubs are those of every runtime function at once: each batch
            // made later costs two `mprotect`s, and regions keep meeting functions they did not
            // use before (bm_deltablue: 4% of its compile time went to making stubs).
            let all: Vec<GenericFn>;
            let fns = if call_stub::none_yet() {
                all = Opcode::ALL
                    .iter()
                    .filter_map(|&o| (syms.generic_fn)(o))
                    .chain(layout.stub_fns.iter().copied())
                    .collect();
                &all
            } else {
                &layout.stub_fns
            };
            // Without memory for the stubs the region still compiles, with the stencil.
            match call_stub::ensure(fns) {
                Ok(s) => new_stubs = s,
                Err(_) => stubs_ok = false,
            }
        }
        let code_len = code.len();
        let mut mem = WritableCode::new(layout.size()).map_err(StitchError::Memory)?;
        if !stubs_ok || !call_stub::reachable(&layout.stub_fns, mem.base(), layout.size()) {
            // Or code memory out of `call rel32` reach of the stubs (a chunk mapped far from
            // the first): this region calls its runtime functions with the stencil.
            drop(mem);
            layout = layout_set(arch, set, code, consts, syms, None)?;
            mem = WritableCode::new(layout.size()).map_err(StitchError::Memory)?;
        }
        let base = mem.base();
        layout.emit(code, syms, mem.bytes_mut(), base)?;
        let code = mem.into_executable().map_err(StitchError::Memory)?;
        let entries = (0..=code_len)
            .map(|i| {
                if let Some(k) = layout.entry_piece.get(i).copied().flatten() {
                    return layout.pieces[k].offset as u32;
                }
                let k = layout.instr_piece.get(i).copied().flatten();
                match k.map(|k| &layout.pieces[k]) {
                    // Not where it takes values in registers: entries pass none.
                    Some(p) if matches!(p.kind, PieceKind::Instr) && p.stencil.cached.0 == 0 => {
                        p.offset as u32
                    }
                    Some(p) if matches!(p.kind, PieceKind::Instr) => NO_ENTRY,
                    _ => NOT_COMPILED,
                }
            })
            .collect();
        Ok(Region {
            code,
            pieces: layout.pieces().collect(),
            stats: layout.stats,
            entries,
            new_stubs,
        })
    }

    /// The call stubs compiling this region wrote (address, bytes), if any (`--perf-map`).
    pub fn new_stubs(&self) -> Option<(u64, usize)> {
        self.new_stubs
    }

    pub fn stats(&self) -> StitchStats {
        self.stats
    }

    /// Offset of the compiled piece of the instruction at code unit `index`, if it is compiled
    /// (not an exit to the interpreter).
    #[inline]
    pub fn entry_offset(&self, index: usize) -> Option<usize> {
        match self.entries.get(index) {
            Some(&o) if o < NO_ENTRY => Some(o as usize),
            _ => None,
        }
    }

    /// Whether the instruction at code unit `index` is compiled (not an exit to the interpreter),
    /// whether or not it can be entered (`entry_offset`).
    pub fn is_compiled(&self, index: usize) -> bool {
        self.entries.get(index).is_some_and(|&o| o != NOT_COMPILED)
    }

    /// Per code unit, the offset the instruction is entered at, or `NO_ENTRY`/`NOT_COMPILED`
    /// (`entry_offset`): the table compiled calls and returns read (`JitCallInfo`).
    pub fn entry_table(&self) -> &[u32] {
        &self.entries
    }

    /// The address the region runs at.
    pub fn base(&self) -> u64 {
        self.code.base()
    }

    /// The pieces in layout order (see `Layout::pieces`).
    pub fn pieces(&self) -> impl Iterator<Item = PieceInfo> + '_ {
        self.pieces.iter().copied()
    }

    pub fn code_bytes(&self) -> &[u8] {
        &self.code.bytes()[..self.stats.code_bytes]
    }

    /// Runs the region from the instruction at code unit `instr_index`.
    ///
    /// # Safety
    /// `frame` must point to a live frame laid out as `vm::frame::Frame` whose `localsplus` has
    /// room for `nlocalsplus` slots plus the code's maximum stack depth, whose `nlocalsplus` and
    /// `stack_depth` describe it, and whose values are valid for the code compiled (objects the
    /// stencils dereference, such as a FOR_ITER iterator, must be live). The runtime functions in
    /// the symbols must uphold `jit::runtime::GenericFn`'s contract.
    pub unsafe fn run(
        &self,
        frame: *mut Frame,
        ctx: &mut JitContext,
        instr_index: usize,
    ) -> Result<JitExit, StitchError> {
        // A loop header with an entry check is entered through it; an instruction taking values
        // in registers is no entry.
        let Some(offset) = self.entry_offset(instr_index) else {
            return Err(StitchError::BadJumpTarget {
                index: instr_index,
                target: instr_index as u32,
            });
        };
        // SAFETY: as this function's.
        unsafe { self.run_at(frame, ctx, offset) }.ok_or(StitchError::MissingStencil("exit status"))
    }

    /// [`Region::run`] from `offset`, an [`Region::entry_offset`] of this region (the driver
    /// looks it up once per entry); `None` for an exit status no stencil returns.
    ///
    /// # Safety
    /// As [`Region::run`]'s, for the instruction whose entry `offset` is.
    pub unsafe fn run_at(
        &self,
        frame: *mut Frame,
        ctx: &mut JitContext,
        offset: usize,
    ) -> Option<JitExit> {
        let target = (self.code.base() + offset as u64) as *const u8;
        // SAFETY: offset 0 of the region holds the `_ENTRY` stencil, compiled by Cranelift with the
        // System V convention and the `EntryFn` signature, copied and made executable above.
        let entry: EntryFn = unsafe { std::mem::transmute::<u64, EntryFn>(self.code.base()) };
        // SAFETY: the caller guarantees the frame (see above); `target` is the start of an
        // instruction's piece in this region, a tail-convention stencil `entry` may call.
        let status = unsafe { entry(frame, ctx, target) };
        JitExit::from_status(status)
    }
}
