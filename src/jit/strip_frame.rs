//! x86-64 stencils without the frame-pointer set-up Cranelift's tail calling convention forces
//! into every stencil (`jit::strip_core`, run by build.rs at build time: the generated
//! `STRIPPED` table holds each x86-64 stencil as the stitcher copies it). The golden dumps show
//! Cranelift's output; the stitcher uses the stripped stencils.

use super::stencils::{x86_64, Arch, Hole, HoleValue, RelocKind, Stencil};
pub use super::strip_core::is_frame_instr;
use super::strip_core::strip as strip_offsets;

/// The stripped code and holes, or `None` if the stencil must keep its frame (the build-time
/// pass, run again: the tests check its output).
pub fn strip(code: &[u8], holes: &[Hole]) -> Option<(Vec<u8>, Vec<Hole>)> {
    run_pass(strip_offsets, code, holes)
}

/// The code and holes as build.rs puts them in `STRIPPED`: the frame stripped where possible,
/// then the guards' jump pairs inverted (`strip_core::invert_jumps`); `None` if neither pass
/// changed anything.
pub fn as_built(code: &[u8], holes: &[Hole]) -> Option<(Vec<u8>, Vec<Hole>)> {
    let framed = match strip(code, holes) {
        Some((c, h)) => Some(run_pass(super::strip_core::invert_jumps, &c, &h).unwrap_or((c, h))),
        None => run_pass(super::strip_core::invert_jumps, code, holes),
    };
    let (c, h) = framed
        .clone()
        .unwrap_or_else(|| (code.to_vec(), holes.to_vec()));
    narrow(&c, &h).or(framed)
}

/// Opargs and instruction indexes as `mov r32, imm32` (`strip_core::narrow_imm32`); their holes
/// become `R_X86_64_32`.
fn narrow(code: &[u8], holes: &[Hole]) -> Option<(Vec<u8>, Vec<Hole>)> {
    let offsets: Vec<u64> = holes.iter().map(|h| h.offset).collect();
    let marked: Vec<bool> = holes
        .iter()
        .map(|h| {
            h.kind == RelocKind::X86_64_64
                && matches!(h.value, HoleValue::Oparg | HoleValue::Target)
                && h.addend == 0
        })
        .collect();
    let (code, moved, done) = super::strip_core::narrow_imm32(code, &offsets, &marked)?;
    let holes = holes
        .iter()
        .zip(moved)
        .zip(done)
        .map(|((h, offset), d)| Hole {
            offset,
            kind: if d { RelocKind::X86_64_32 } else { h.kind },
            ..*h
        })
        .collect();
    Some((code, holes))
}

/// One build-time pass over a stencil's code, its holes moved along.
fn run_pass(
    pass: fn(&[u8], &[u64]) -> Option<(Vec<u8>, Vec<u64>)>,
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

/// `s` as the stitcher copies it: on x86-64 its entry in the build-time `STRIPPED` table (its
/// frame stripped where possible). A stencil that is not one of `arch`'s own is returned as it is.
pub fn for_stitching(arch: Arch, s: &'static Stencil) -> &'static Stencil {
    if arch != Arch::X86_64 {
        return s;
    }
    let all = arch.stencils();
    let offset = (s as *const Stencil as usize).wrapping_sub(all.as_ptr() as usize);
    let i = offset / std::mem::size_of::<Stencil>();
    if i >= all.len() || !std::ptr::eq(&all[i], s) {
        return s;
    }
    &x86_64::stripped()[i]
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
    use super::*;
    use iced_x86::{Decoder, DecoderOptions, Instruction, OpKind, Register};

    /// The build-time table is what `strip` makes of each stencil now.
    #[test]
    fn build_time_table_matches_strip() {
        let all = Arch::X86_64.stencils();
        assert_eq!(all.len(), x86_64::stripped().len());
        for (s, t) in all.iter().zip(x86_64::stripped()) {
            let (code, holes) =
                as_built(s.code, s.holes).unwrap_or((s.code.to_vec(), s.holes.to_vec()));
            assert_eq!((s.name, s.variant), (t.name, t.variant));
            assert_eq!(t.code, &code[..], "{}", s.name);
            assert_eq!(t.holes, &holes[..], "{}", s.name);
            assert_eq!(t.trailing_continue, s.trailing_continue, "{}", s.name);
        }
    }

    /// Narrowing (`strip_core::narrow_imm32`) leaves every instruction as it was but the
    /// narrowed `movabs`, now a `mov` of a 32-bit immediate into the same register (as its 32-bit
    /// form) whose immediate is the hole; internal branches land on the same instruction.
    #[test]
    fn narrowed_immediates_are_32_bit_movs_of_the_same_register() {
        let mut narrowed = 0;
        for s in Arch::X86_64.stencils() {
            let (code, holes) = match strip(s.code, s.holes) {
                Some((c, h)) => {
                    run_pass(crate::jit::strip_core::invert_jumps, &c, &h).unwrap_or((c, h))
                }
                None => run_pass(crate::jit::strip_core::invert_jumps, s.code, s.holes)
                    .unwrap_or((s.code.to_vec(), s.holes.to_vec())),
            };
            let Some((new_code, new_holes)) = narrow(&code, &holes) else {
                continue;
            };
            let (old, new) = (decode(&code), decode(&new_code));
            assert_eq!(old.len(), new.len(), "{}", s.name);
            for (o, n) in old.iter().zip(&new) {
                assert_eq!(o.mnemonic(), n.mnemonic(), "{}", s.name);
                let hole = new_holes
                    .iter()
                    .find(|h| (n.ip()..n.ip() + n.len() as u64).contains(&h.offset));
                if let Some(h) = hole.filter(|h| h.kind == RelocKind::X86_64_32) {
                    narrowed += 1;
                    assert_eq!(n.op1_kind(), OpKind::Immediate32, "{}", s.name);
                    // EAX..R15D and RAX..R15 are numbered alike.
                    assert_eq!(
                        n.op0_register() as u32 - Register::EAX as u32,
                        o.op0_register() as u32 - Register::RAX as u32,
                        "{}",
                        s.name
                    );
                    assert_eq!(h.offset, n.ip() + n.len() as u64 - 4, "{}", s.name);
                    assert!(matches!(h.value, HoleValue::Oparg | HoleValue::Target));
                } else if o.op_count() == 1 && o.op0_kind() == OpKind::NearBranch64 {
                    let index = |is: &[Instruction], at: u64| is.iter().position(|i| i.ip() == at);
                    if hole.is_none() {
                        assert_eq!(
                            index(&old, o.near_branch_target()),
                            index(&new, n.near_branch_target()),
                            "{}",
                            s.name
                        );
                    }
                } else {
                    assert_eq!(
                        &new_code[n.ip() as usize..][..n.len()],
                        &code[o.ip() as usize..][..o.len()],
                        "{}",
                        s.name
                    );
                }
            }
        }
        assert!(narrowed >= 20, "{narrowed}");
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
