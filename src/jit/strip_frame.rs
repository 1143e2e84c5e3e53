//! x86-64: removes the frame-pointer set-up and tear-down that Cranelift's tail calling convention
//! forces into every stencil (`push rbp; mov rbp, rsp` at entry, `mov rsp, rbp; pop rbp` before each
//! exit): 8 bytes and 4 instructions per executed stencil that do nothing for a stencil that makes
//! no call and never touches the machine stack.
//!
//! Done once per process on the generated tables (not in build.rs, which would need iced-x86's
//! encoder as a build dependency): decode with iced-x86, drop the frame instructions, copy every
//! other instruction's bytes verbatim, rewrite the displacements of branches inside the stencil, and
//! move the holes. A stencil that calls, uses rsp/rbp otherwise, or has RIP-relative operands is left
//! as it is. The golden dumps show Cranelift's output; the stitcher uses the stripped stencils.

use std::sync::OnceLock;

use iced_x86::{Decoder, DecoderOptions, Instruction, Mnemonic, OpKind, Register};

use super::stencils::{Arch, Hole, Stencil};

fn is_frame_reg(r: Register) -> bool {
    matches!(
        r,
        Register::RSP | Register::RBP | Register::ESP | Register::EBP | Register::SP | Register::BP
    )
}

fn is_frame_instr(i: &Instruction) -> bool {
    match i.mnemonic() {
        Mnemonic::Push | Mnemonic::Pop => {
            i.op0_kind() == OpKind::Register && i.op0_register() == Register::RBP
        }
        Mnemonic::Mov => {
            i.op_count() == 2
                && i.op0_kind() == OpKind::Register
                && i.op1_kind() == OpKind::Register
                && matches!(
                    (i.op0_register(), i.op1_register()),
                    (Register::RBP, Register::RSP) | (Register::RSP, Register::RBP)
                )
        }
        _ => false,
    }
}

/// True when the instruction (not a frame instruction) could depend on the machine stack or rbp.
fn uses_stack(i: &Instruction) -> bool {
    if matches!(
        i.mnemonic(),
        Mnemonic::Push
            | Mnemonic::Pop
            | Mnemonic::Call
            | Mnemonic::Leave
            | Mnemonic::Enter
            | Mnemonic::Pushfq
            | Mnemonic::Popfq
    ) {
        return true;
    }
    for k in 0..i.op_count() {
        match i.op_kind(k) {
            OpKind::Register if is_frame_reg(i.op_register(k)) => return true,
            OpKind::Memory
                if is_frame_reg(i.memory_base())
                    || is_frame_reg(i.memory_index())
                    || i.is_ip_rel_memory_operand() =>
            {
                return true
            }
            _ => {}
        }
    }
    false
}

/// The stripped code and holes, or `None` if the stencil must keep its frame.
pub fn strip(code: &[u8], holes: &[Hole]) -> Option<(Vec<u8>, Vec<Hole>)> {
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut insts = Vec::new();
    while decoder.can_decode() {
        let i = decoder.decode();
        if i.is_invalid() {
            return None;
        }
        insts.push(i);
    }
    if !insts.first().is_some_and(is_frame_instr) {
        return None;
    }
    if insts.iter().any(|i| !is_frame_instr(i) && uses_stack(i)) {
        return None;
    }
    // New offset of every old instruction start (a removed instruction maps to the next kept one).
    let mut new_at = vec![0usize; code.len() + 1];
    let mut out = 0;
    for i in &insts {
        let start = i.ip() as usize;
        for slot in &mut new_at[start..start + i.len()] {
            *slot = out;
        }
        if !is_frame_instr(i) {
            out += i.len();
        }
    }
    new_at[code.len()] = out;
    let mut new_code = Vec::with_capacity(out);
    for i in insts.iter().filter(|i| !is_frame_instr(i)) {
        let start = i.ip() as usize;
        let mut bytes = code[start..start + i.len()].to_vec();
        let hole_here = holes
            .iter()
            .any(|h| (start..start + i.len()).contains(&(h.offset as usize)));
        // A relative jmp/jcc (calls were ruled out above): rel8 forms are 2 bytes, rel32 5 or 6.
        if i.op_count() == 1 && i.op0_kind() == OpKind::NearBranch64 && !hole_here {
            let target = i.near_branch_target() as usize;
            if target > code.len() {
                return None;
            }
            let n = bytes.len();
            let from = new_code.len() + n;
            let disp = new_at[target] as i64 - from as i64;
            if n == 2 {
                bytes[n - 1] = i8::try_from(disp).ok()? as u8;
            } else {
                bytes[n - 4..].copy_from_slice(&i32::try_from(disp).ok()?.to_le_bytes());
            }
        }
        new_code.extend_from_slice(&bytes);
    }
    let new_holes = holes
        .iter()
        .map(|h| {
            let old = h.offset as usize;
            let inst = insts
                .iter()
                .find(|i| (i.ip() as usize..i.ip() as usize + i.len()).contains(&old))?;
            if is_frame_instr(inst) {
                return None;
            }
            Some(Hole {
                offset: (new_at[inst.ip() as usize] + old - inst.ip() as usize) as u64,
                ..*h
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((new_code, new_holes))
}

/// `s` as the stitcher copies it: on x86-64 with its frame stripped where possible, worked out at
/// its first use (once per process), so that a run pays for the stencils it uses only. A stencil
/// that is not one of `arch`'s own is returned as it is.
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
    type Cache = Vec<OnceLock<&'static Stencil>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| all.iter().map(|_| OnceLock::new()).collect());
    cache[i].get_or_init(|| match strip(s.code, s.holes) {
        // Leaked once per process: the tables are process-lifetime data.
        Some((code, holes)) => Box::leak(Box::new(Stencil {
            code: Box::leak(code.into_boxed_slice()),
            holes: Box::leak(holes.into_boxed_slice()),
            ..*s
        })),
        None => s,
    })
}

/// The stencils the stitcher copies for `arch`, all at once: on x86-64 with frames stripped where
/// possible (the dump and tests; the stitcher itself strips each at first use, `for_stitching`).
pub fn stitch_stencils(arch: Arch) -> &'static [Stencil] {
    match arch {
        Arch::Aarch64 => arch.stencils(),
        Arch::X86_64 => {
            static STRIPPED: OnceLock<Vec<Stencil>> = OnceLock::new();
            STRIPPED.get_or_init(|| {
                arch.stencils()
                    .iter()
                    .map(|s| match strip(s.code, s.holes) {
                        // Leaked once per process: the tables are process-lifetime data.
                        Some((code, holes)) => Stencil {
                            code: Box::leak(code.into_boxed_slice()),
                            holes: Box::leak(holes.into_boxed_slice()),
                            ..*s
                        },
                        None => Stencil { ..*s },
                    })
                    .collect()
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::stencils::HoleValue;

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
