//! x86-64 stencils without the frame-pointer set-up Cranelift's tail calling convention forces
//! into every stencil (`jit::strip_core`, run by build.rs at build time: the generated
//! `STRIPPED` table holds each x86-64 stencil as the stitcher copies it). The golden dumps show
//! Cranelift's output; the stitcher uses the stripped stencils.

use super::stencils::{x86_64, Arch, Hole, RelocKind, Stencil};
pub use super::strip_core::is_frame_instr;
use super::strip_core::strip as strip_offsets;

/// The stripped code and holes, or `None` if the stencil must keep its frame (the build-time
/// pass, run again: the tests check its output).
pub fn strip(code: &[u8], holes: &[Hole]) -> Option<(Vec<u8>, Vec<Hole>)> {
    run_pass(strip_offsets, code, holes)
}

/// The code and holes as build.rs puts them in `STRIPPED` (`strip_core::build_passes`: the
/// frame stripped where possible, guard jump pairs inverted, stack adjustments before a
/// tear-down dropped, opargs and instruction indexes narrowed to 32-bit immediates, internal
/// branches shortened); `None` if no pass changed anything.
pub fn as_built(code: &[u8], holes: &[Hole]) -> Option<(Vec<u8>, Vec<Hole>)> {
    let offsets: Vec<u64> = holes.iter().map(|h| h.offset).collect();
    let (code, moved, narrowed) =
        super::strip_core::build_passes(code, &offsets, &narrowable(holes))?;
    Some((code, with_offsets(holes, moved, narrowed)))
}

/// Which holes `strip_core::narrow_imm32` may narrow (`strip_core::narrowable`).
fn narrowable(holes: &[Hole]) -> Vec<bool> {
    holes
        .iter()
        // build.rs's test, on the names it gives the kinds and values (their Debug names).
        .map(|h| {
            super::strip_core::narrowable(
                &format!("{:?}", h.kind),
                &format!("{:?}", h.value),
                h.addend,
            )
        })
        .collect()
}

/// `holes` at their new offsets, the narrowed ones as `R_X86_64_32`.
fn with_offsets(holes: &[Hole], moved: Vec<u64>, narrowed: Vec<bool>) -> Vec<Hole> {
    holes
        .iter()
        .zip(moved)
        .zip(narrowed)
        .map(|((h, offset), n)| Hole {
            offset,
            kind: if n { RelocKind::X86_64_32 } else { h.kind },
            ..*h
        })
        .collect()
}

/// One build-time pass over a stencil's code, its holes moved along.
fn run_pass(
    pass: super::strip_core::Pass,
    code: &[u8],
    holes: &[Hole],
) -> Option<(Vec<u8>, Vec<Hole>)> {
    let offsets: Vec<u64> = holes.iter().map(|h| h.offset).collect();
    let (code, moved) = pass(code, &offsets)?;
    let holes = holes
        .iter()
        .zip(moved)
        .map(|(h, offset)| Hole { offset, ..*h })
        .collect();
    Some((code, holes))
}

/// The stencils the stitcher copies for `arch`: on x86-64 with frames stripped where possible.
pub fn stitch_stencils(arch: Arch) -> &'static [Stencil] {
    match arch {
        Arch::Aarch64 => arch.stencils(),
        Arch::X86_64 => x86_64::stripped(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::stencils::HoleValue;
    use super::*;
    use iced_x86::{Decoder, DecoderOptions, Instruction, Mnemonic, OpKind, Register};

    /// The build-time table is what `strip` makes of each stencil now.
    #[test]
    fn build_time_table_matches_strip() {
        let all = Arch::X86_64.stencils();
        assert_eq!(all.len(), x86_64::stripped().len());
        for (s, t) in all.iter().zip(x86_64::stripped()) {
            let (code, holes) = x86_64_stripped(s);
            assert_eq!((s.name, s.variant), (t.name, t.variant));
            assert_eq!(t.code, &code[..], "{}", s.name);
            assert_eq!(t.holes, &holes[..], "{}", s.name);
            assert_eq!(t.trailing_continue, s.trailing_continue, "{}", s.name);
        }
    }

    /// The stencil's code before the passes from `first` on (`strip_core::build_passes`'s order:
    /// 0 strip, 1 invert_jumps, 2 drop_stack_adjusts, 3 push_saves, 4 shrink_imm8,
    /// 5 narrow_imm32, 6 relax_branches).
    fn before_pass(s: &Stencil, first: usize) -> (Vec<u8>, Vec<Hole>) {
        use crate::jit::strip_core as sc;
        let mut out = (s.code.to_vec(), s.holes.to_vec());
        let passes = [
            sc::strip,
            sc::invert_jumps,
            sc::drop_stack_adjusts,
            sc::push_saves,
            sc::shrink_imm8,
        ];
        for pass in passes.into_iter().take(first) {
            if let Some(next) = run_pass(pass, &out.0, &out.1) {
                out = next;
            }
        }
        if first > 5 {
            let offsets: Vec<u64> = out.1.iter().map(|h| h.offset).collect();
            if let Some((c, moved, n)) = sc::narrow_imm32(&out.0, &offsets, &narrowable(&out.1)) {
                out = (c, with_offsets(&out.1, moved, n));
            }
        }
        out
    }

    /// `new` is `old`'s instructions one for one: same mnemonics, each internal branch landing
    /// on the same instruction, each hole at the same place of its instruction (counted from the
    /// end); instructions `changed` accepts (given the new one's hole: it checks them itself)
    /// may differ otherwise, every other one keeps its bytes. Returns how many it accepted.
    fn same_instructions(
        name: &str,
        (old_code, old_holes): (&[u8], &[Hole]),
        (new_code, new_holes): (&[u8], &[Hole]),
        mut changed: impl FnMut(&Instruction, &Instruction, Option<&Hole>) -> bool,
    ) -> usize {
        let (old, new) = (decode(old_code), decode(new_code));
        assert_eq!(old.len(), new.len(), "{name}");
        let index = |is: &[Instruction], at: u64| is.iter().position(|i| i.ip() == at);
        let hole_in = |hs: &'_ [Hole], i: &Instruction| {
            hs.iter()
                .find(|h| (i.ip()..i.ip() + i.len() as u64).contains(&h.offset))
                .copied()
        };
        let mut accepted = 0;
        for (o, n) in old.iter().zip(&new) {
            assert_eq!(o.mnemonic(), n.mnemonic(), "{name}");
            let (oh, nh) = (hole_in(old_holes, o), hole_in(new_holes, n));
            if changed(o, n, nh.as_ref()) {
                accepted += 1;
                continue;
            }
            assert_eq!(
                oh.map(|h| o.ip() + o.len() as u64 - h.offset),
                nh.map(|h| n.ip() + n.len() as u64 - h.offset),
                "{name}"
            );
            if o.op_count() == 1 && o.op0_kind() == OpKind::NearBranch64 && oh.is_none() {
                assert_eq!(
                    index(&old, o.near_branch_target()),
                    index(&new, n.near_branch_target()),
                    "{name}: branch at {:#x}",
                    o.ip()
                );
            } else {
                assert_eq!(
                    &new_code[n.ip() as usize..][..n.len()],
                    &old_code[o.ip() as usize..][..o.len()],
                    "{name}"
                );
            }
        }
        accepted
    }

    /// Narrowing (`strip_core::narrow_imm32`) leaves every instruction as it was but the
    /// narrowed `movabs`, now a `mov` of a 32-bit immediate into the same register (as its 32-bit
    /// form) whose immediate is the hole; internal branches land on the same instruction.
    #[test]
    fn narrowed_immediates_are_32_bit_movs_of_the_same_register() {
        let mut narrowed = 0;
        for s in Arch::X86_64.stencils() {
            let (before, after) = (before_pass(s, 5), before_pass(s, 6));
            narrowed += same_instructions(
                s.name,
                (&before.0, &before.1),
                (&after.0, &after.1),
                |o, n, h| {
                    let Some(h) = h.filter(|h| h.kind == RelocKind::X86_64_32) else {
                        return false;
                    };
                    assert_eq!(n.op1_kind(), OpKind::Immediate32, "{}", s.name);
                    // EAX..R15D and RAX..R15 are numbered alike.
                    assert_eq!(
                        n.op0_register() as u32 - Register::EAX as u32,
                        o.op0_register() as u32 - Register::RAX as u32,
                        "{}",
                        s.name
                    );
                    assert!(matches!(
                        h.value,
                        HoleValue::Oparg
                            | HoleValue::Target
                            | HoleValue::CacheVersion
                            | HoleValue::CacheIndex
                    ));
                    true
                },
            );
        }
        assert!(narrowed >= 20, "{narrowed}");
    }

    /// Shrinking (`strip_core::shrink_imm8`) leaves every instruction as it was but the ALU
    /// instructions with a 32-bit immediate that fits in a byte, which keep their mnemonic,
    /// operands and immediate value in 3 bytes fewer; internal branches land on the same
    /// instruction.
    #[test]
    fn shrunk_immediates_keep_their_values() {
        let mut shrunk = 0;
        for s in Arch::X86_64.stencils() {
            let (before, after) = (before_pass(s, 4), before_pass(s, 5));
            shrunk += same_instructions(
                s.name,
                (&before.0, &before.1),
                (&after.0, &after.1),
                |o, n, h| {
                    if o.len() != n.len() + 3 {
                        return false;
                    }
                    assert!(h.is_none(), "{}", s.name);
                    assert_eq!(o.op_count(), 2, "{}", s.name);
                    assert_eq!(o.op0_kind(), n.op0_kind(), "{}", s.name);
                    assert_eq!(o.op0_register(), n.op0_register(), "{}", s.name);
                    assert_eq!(o.memory_base(), n.memory_base(), "{}", s.name);
                    assert_eq!(o.memory_displacement64(), n.memory_displacement64());
                    assert_eq!(o.immediate(1), n.immediate(1), "{}", s.name);
                    assert!(
                        matches!(
                            n.op1_kind(),
                            OpKind::Immediate8to64 | OpKind::Immediate8to32
                        ),
                        "{}",
                        s.name
                    );
                    true
                },
            );
        }
        assert!(shrunk >= 100, "{shrunk}");
    }

    /// Relaxation (`strip_core::relax_branches`) keeps every instruction, turns internal
    /// branches into 2-byte forms where they reach and lands each on the same instruction; the
    /// built code is relaxed already.
    #[test]
    fn relaxed_branches_land_on_the_same_instructions() {
        let mut shortened = 0;
        for s in Arch::X86_64.stencils() {
            let (before, (code, holes)) = (before_pass(s, 6), x86_64_stripped(s));
            let offsets: Vec<u64> = holes.iter().map(|h| h.offset).collect();
            assert!(
                crate::jit::strip_core::relax_branches(&code, &offsets).is_none(),
                "{}",
                s.name
            );
            same_instructions(
                s.name,
                (&before.0, &before.1),
                (&code, &holes),
                |o, n, _| {
                    shortened += (o.op0_kind() == OpKind::NearBranch64
                        && n.len() == 2
                        && o.len() > 2) as usize;
                    false
                },
            );
        }
        assert!(shortened >= 100, "{shortened}");
    }

    /// Every rip-relative operand of a built stencil (a float constant in the pool after the
    /// code) still addresses the bytes it addressed in Cranelift's output: the passes that move
    /// code leave such stencils alone (`strip_core::decode_movable`).
    #[test]
    fn rip_relative_constants_are_where_they_were() {
        let mut seen = 0;
        for s in Arch::X86_64.stencils() {
            let (code, _) = x86_64_stripped(s);
            let (old, new) = (decode(s.code), decode(&code));
            let targets = |is: &[Instruction], c: &[u8]| -> Vec<Vec<u8>> {
                is.iter()
                    .filter(|i| i.is_ip_rel_memory_operand())
                    .map(|i| {
                        let at = i.ip_rel_memory_address() as usize;
                        c.get(at..at + 8).map_or(Vec::new(), |b| b.to_vec())
                    })
                    .collect()
            };
            let want = targets(&old, s.code);
            seen += want.len();
            assert_eq!(targets(&new, &code), want, "{}", s.name);
        }
        assert!(seen > 0);
    }

    /// `s` as built (`as_built`, or as it is when no pass changed it).
    fn x86_64_stripped(s: &Stencil) -> (Vec<u8>, Vec<Hole>) {
        as_built(s.code, s.holes).unwrap_or((s.code.to_vec(), s.holes.to_vec()))
    }

    /// Dropping the stack adjustments (`strip_core::drop_stack_adjusts`) removes exactly the
    /// `add rsp`/`sub rsp` right before a `mov rsp, rbp` and leaves every other instruction.
    #[test]
    fn stack_adjusts_before_a_tear_down_are_dropped() {
        let mut dropped = 0;
        for s in Arch::X86_64.stencils() {
            let offsets: Vec<u64> = s.holes.iter().map(|h| h.offset).collect();
            let Some((code, _)) = crate::jit::strip_core::drop_stack_adjusts(s.code, &offsets)
            else {
                continue;
            };
            let (old, new) = (decode(s.code), decode(&code));
            let tear_down = |i: &Instruction| {
                i.mnemonic() == Mnemonic::Mov
                    && i.op0_kind() == OpKind::Register
                    && i.op1_kind() == OpKind::Register
                    && (i.op0_register(), i.op1_register()) == (Register::RSP, Register::RBP)
            };
            let adjusts = |w: &[Instruction]| {
                matches!(w[0].mnemonic(), Mnemonic::Add | Mnemonic::Sub)
                    && w[0].op0_kind() == OpKind::Register
                    && w[0].op0_register() == Register::RSP
                    && tear_down(&w[1])
            };
            let kept: Vec<Mnemonic> = old
                .iter()
                .enumerate()
                .filter(|&(k, _)| !(k + 1 < old.len() && adjusts(&old[k..k + 2])))
                .map(|(_, i)| i.mnemonic())
                .collect();
            dropped += old.len() - kept.len();
            assert_eq!(
                kept,
                new.iter().map(|i| i.mnemonic()).collect::<Vec<_>>(),
                "{}",
                s.name
            );
            assert!(!new.windows(2).any(adjusts), "{}", s.name);
        }
        assert!(dropped >= 20, "{dropped}");
    }

    /// Walks every path of an x86-64 stencil (`code`, holes at `holes`) tracking how far rsp is
    /// below its value at entry and what each stack slot holds, and checks: rsp is 16-byte
    /// aligned at each call (8 below entry, mod 16, past the return address), back at its entry
    /// value at each exit (`ret`, an indirect jump, a jump to a hole, the end), every slot read
    /// (`mov reg, [rsp+k]`) was written on the path, and every register popped is the one the
    /// slot was saved from (`mov [rsp+k], reg` or `push`). Panics naming the stencil otherwise.
    fn check_stack_discipline(name: &str, code: &[u8], holes: &[u64]) {
        use std::collections::BTreeMap;
        #[derive(Clone, Hash, PartialEq, Eq)]
        struct State {
            depth: i64,
            rbp: Option<i64>,
            saved: BTreeMap<i64, Register>,
        }
        let insts = decode(code);
        let index = |at: u64| insts.iter().position(|i| i.ip() == at);
        let in_hole = |i: &Instruction| {
            holes
                .iter()
                .any(|&h| (i.ip()..i.ip() + i.len() as u64).contains(&h))
        };
        let mut seen = std::collections::HashSet::new();
        let mut work = vec![(
            0usize,
            State {
                depth: 0,
                rbp: None,
                saved: BTreeMap::new(),
            },
        )];
        let exit = |st: &State, at: u64| {
            assert_eq!(st.depth, 0, "{name}: rsp unbalanced at the exit at {at:#x}");
        };
        while let Some((k, mut st)) = work.pop() {
            if !seen.insert((k, st.clone())) {
                continue;
            }
            let Some(i) = insts.get(k) else {
                exit(&st, code.len() as u64);
                continue;
            };
            let at = i.ip();
            let reg0 =
                (i.op_count() > 0 && i.op0_kind() == OpKind::Register).then(|| i.op0_register());
            let rsp_mem =
                |n: u32| i.op_kind(n) == OpKind::Memory && i.memory_base() == Register::RSP;
            assert!(
                (0..i.op_count())
                    .all(|n| i.op_kind(n) != OpKind::Memory || i.memory_base() != Register::RBP),
                "{name}: rbp-relative operand at {at:#x}"
            );
            match i.mnemonic() {
                Mnemonic::Push => {
                    st.depth += 8;
                    st.saved.insert(st.depth, reg0.unwrap());
                }
                Mnemonic::Pop => {
                    let r = reg0.unwrap();
                    assert_eq!(st.saved.get(&st.depth), Some(&r), "{name}: pop at {at:#x}");
                    st.depth -= 8;
                }
                Mnemonic::Mov if is_frame_instr(i) && reg0 == Some(Register::RBP) => {
                    st.rbp = Some(st.depth)
                }
                Mnemonic::Mov if is_frame_instr(i) => {
                    st.depth = st.rbp.expect("mov rsp, rbp before mov rbp, rsp")
                }
                Mnemonic::Sub | Mnemonic::Add if reg0 == Some(Register::RSP) => {
                    let imm = i.immediate(1) as i64;
                    st.depth += if i.mnemonic() == Mnemonic::Sub {
                        imm
                    } else {
                        -imm
                    };
                }
                Mnemonic::Mov if rsp_mem(0) => {
                    let slot = st.depth - i.memory_displacement64() as i64;
                    st.saved.insert(slot, i.op1_register());
                }
                Mnemonic::Mov if i.op_count() == 2 && rsp_mem(1) => {
                    // Cranelift may reload a slot into another register holding the same value
                    // (a copy it spilled); only that something was stored there is checked.
                    let slot = st.depth - i.memory_displacement64() as i64;
                    assert!(st.saved.contains_key(&slot), "{name}: reload at {at:#x}");
                }
                Mnemonic::Call => {
                    assert_eq!(st.depth.rem_euclid(16), 8, "{name}: call at {at:#x}");
                }
                Mnemonic::Ret => {
                    exit(&st, at);
                    continue;
                }
                // A trap (Cranelift's for a division by zero already ruled out) ends the path.
                Mnemonic::Ud2 => continue,
                Mnemonic::Jmp if i.op0_kind() != OpKind::NearBranch64 || in_hole(i) => {
                    exit(&st, at);
                    continue;
                }
                Mnemonic::Jmp => {
                    work.push((index(i.near_branch_target()).unwrap(), st));
                    continue;
                }
                _ if i.op_count() == 1 && i.op0_kind() == OpKind::NearBranch64 => {
                    if in_hole(i) {
                        exit(&st, at);
                    } else {
                        work.push((index(i.near_branch_target()).unwrap(), st.clone()));
                    }
                }
                _ => {
                    assert!(
                        reg0 != Some(Register::RSP) && reg0 != Some(Register::RBP),
                        "{name}: unexpected write of rsp/rbp at {at:#x}"
                    );
                    assert!(
                        (0..i.op_count()).all(|n| !rsp_mem(n)),
                        "{name}: unexpected stack access at {at:#x}"
                    );
                }
            }
            work.push((k + 1, st));
        }
    }

    /// Every x86-64 stencil keeps the stack discipline (`check_stack_discipline`) both as
    /// Cranelift made it and as built, so the passes (`push_saves` in particular, which turns
    /// spill slots into pushes and pops) keep it.
    #[test]
    fn stack_discipline_holds_before_and_after_the_passes() {
        for s in Arch::X86_64.stencils() {
            let offsets: Vec<u64> = s.holes.iter().map(|h| h.offset).collect();
            check_stack_discipline(s.name, s.code, &offsets);
            let (code, holes) = x86_64_stripped(s);
            let offsets: Vec<u64> = holes.iter().map(|h| h.offset).collect();
            check_stack_discipline(s.name, &code, &offsets);
        }
    }

    /// `push_saves` changes only how the stack is used: with the instructions that move rsp or
    /// address the stack left out (pushes and pops of other registers than rbp, `sub`/`add rsp`,
    /// `mov rsp, rbp`, spill moves), the code before and after it has the same instructions, the
    /// same bytes where not a branch inside the stencil. GENERIC's spills become pushes and pops.
    #[test]
    fn push_saves_changes_only_stack_instructions() {
        let stack_instr = |i: &Instruction| {
            let reg0 =
                (i.op_count() > 0 && i.op0_kind() == OpKind::Register).then(|| i.op0_register());
            match i.mnemonic() {
                Mnemonic::Push | Mnemonic::Pop => reg0 != Some(Register::RBP),
                Mnemonic::Sub | Mnemonic::Add => reg0 == Some(Register::RSP),
                Mnemonic::Mov => {
                    reg0 == Some(Register::RSP)
                        || (0..i.op_count()).any(|n| {
                            i.op_kind(n) == OpKind::Memory && i.memory_base() == Register::RSP
                        })
                }
                _ => false,
            }
        };
        let mut changed = Vec::new();
        for s in Arch::X86_64.stencils() {
            let before = before_pass(s, 3);
            let offsets: Vec<u64> = before.1.iter().map(|h| h.offset).collect();
            let Some((code, _)) = crate::jit::strip_core::push_saves(&before.0, &offsets) else {
                continue;
            };
            changed.push((s.name, s.variant, before.0.len() - code.len()));
            let rest = |c: &[u8]| -> Vec<Instruction> {
                decode(c).into_iter().filter(|i| !stack_instr(i)).collect()
            };
            let (old, new) = (rest(&before.0), rest(&code));
            assert_eq!(old.len(), new.len(), "{}", s.name);
            for (o, n) in old.iter().zip(&new) {
                assert_eq!(o.mnemonic(), n.mnemonic(), "{}", s.name);
                if o.op_count() != 1 || o.op0_kind() != OpKind::NearBranch64 {
                    assert_eq!(
                        &code[n.ip() as usize..][..n.len()],
                        &before.0[o.ip() as usize..][..o.len()],
                        "{}",
                        s.name
                    );
                }
            }
        }
        // GENERIC's two variants: 11 bytes of set-up, 7 of reloads, 3 per tear-down after them.
        let generic: Vec<usize> = changed
            .iter()
            .filter(|c| c.0 == "GENERIC")
            .map(|c| c.2)
            .collect();
        assert_eq!(generic, [24, 27], "{changed:?}");
    }

    fn decode(code: &[u8]) -> Vec<Instruction> {
        let mut d = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
        let mut v = Vec::new();
        while d.can_decode() {
            v.push(d.decode());
        }
        v
    }

    /// Every stripped stencil is its original minus the frame instructions: same instructions in
    /// the same order, internal branches landing on the same instruction, holes in the same place
    /// of the same instruction.
    #[test]
    fn stripped_stencils_match_their_originals() {
        let mut stripped = Vec::new();
        for s in Arch::X86_64.stencils() {
            let Some((code, holes)) = strip(s.code, s.holes) else {
                continue;
            };
            stripped.push(s.name);
            let old: Vec<Instruction> = decode(s.code);
            let kept: Vec<&Instruction> = old.iter().filter(|i| !is_frame_instr(i)).collect();
            let new = decode(&code);
            assert_eq!(new.len(), kept.len(), "{}", s.name);
            assert!(new.iter().all(|i| !is_frame_instr(i)), "{}", s.name);
            // Index of the first kept instruction at or after an old offset.
            let kept_index = |off: u64| {
                kept.iter()
                    .position(|i| i.ip() >= off)
                    .unwrap_or(kept.len())
            };
            for (n, o) in new.iter().zip(&kept) {
                assert_eq!(n.mnemonic(), o.mnemonic(), "{}", s.name);
                if o.op_count() == 1 && o.op0_kind() == OpKind::NearBranch64 {
                    let in_hole = s
                        .holes
                        .iter()
                        .any(|h| (o.ip()..o.ip() + o.len() as u64).contains(&h.offset));
                    if !in_hole {
                        let want = kept_index(o.near_branch_target());
                        let got = new
                            .iter()
                            .position(|i| i.ip() == n.near_branch_target())
                            .unwrap_or(new.len());
                        assert_eq!(got, want, "{}: branch at {:#x}", s.name, o.ip());
                    }
                } else {
                    assert_eq!(
                        &code[n.ip() as usize..][..n.len()],
                        &s.code[o.ip() as usize..][..o.len()],
                        "{}",
                        s.name
                    );
                }
            }
            for (h, nh) in s.holes.iter().zip(&holes) {
                let oi = kept
                    .iter()
                    .position(|i| (i.ip()..i.ip() + i.len() as u64).contains(&h.offset))
                    .unwrap();
                assert_eq!(
                    nh.offset - new[oi].ip(),
                    h.offset - kept[oi].ip(),
                    "{}",
                    s.name
                );
                assert_eq!((nh.kind, nh.value, nh.addend), (h.kind, h.value, h.addend));
            }
            // The final continue jump is still the last instruction.
            if s.trailing_continue > 0 {
                assert_eq!(code[code.len() - 5], 0xE9, "{}", s.name);
                assert_eq!(holes.last().unwrap().offset as usize, code.len() - 4);
            }
        }
        // Only the stencils that call keep a frame: the entry, the generic op, the call/return
        // switch and those calling a helper (`_JIT_HELPER`).
        let calls = |s: &Stencil| {
            matches!(s.name, "_ENTRY" | "GENERIC" | "_SWITCH")
                || s.holes.iter().any(|h| h.value == HoleValue::Helper)
        };
        for s in Arch::X86_64.stencils() {
            assert_eq!(!stripped.contains(&s.name), calls(s), "{}", s.name);
        }
    }
}
