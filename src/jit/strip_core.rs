//! x86-64: removes the frame-pointer set-up and tear-down that Cranelift's tail calling convention
//! forces into every stencil (`push rbp; mov rbp, rsp` at entry, `mov rsp, rbp; pop rbp` before each
//! exit): 8 bytes and 4 instructions per executed stencil that do nothing for a stencil that makes
//! no call and never touches the machine stack.
//!
//! Decode with iced-x86, drop the frame instructions, copy every other instruction's bytes
//! verbatim, rewrite the displacements of branches inside the stencil, and move the holes. A
//! stencil that calls, uses rsp/rbp otherwise, or has RIP-relative operands is left as it is.
//!
//! build.rs includes this file (`#[path]`) and runs it on the x86-64 stencils at build time, so
//! a process never builds iced-x86's decoder tables (~2M instructions) to stitch;
//! `jit::strip_frame` uses it for the tests that check the result.

use iced_x86::{Decoder, DecoderOptions, Instruction, Mnemonic, OpKind, Register};

fn is_frame_reg(r: Register) -> bool {
    matches!(
        r,
        Register::RSP | Register::RBP | Register::ESP | Register::EBP | Register::SP | Register::BP
    )
}

pub fn is_frame_instr(i: &Instruction) -> bool {
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

/// The bytes instruction `i` (decoded at offset 0) spans in its stencil.
fn span(i: &Instruction) -> std::ops::Range<usize> {
    i.ip() as usize..i.ip() as usize + i.len()
}

/// Whether one of the holes at `holes` (offsets) lies in instruction `i`.
fn has_hole(holes: &[u64], i: &Instruction) -> bool {
    holes.iter().any(|&h| span(i).contains(&(h as usize)))
}

/// Whether `i` is a relative jmp/jcc to a place in the stencil itself (one to a hole is an
/// exit or a continuation, patched at stitch time).
fn internal_branch(holes: &[u64], i: &Instruction) -> bool {
    i.op_count() == 1 && i.op0_kind() == OpKind::NearBranch64 && !has_hole(holes, i)
}

/// Every instruction of `code` for a pass that moves code: `None` as `decode_all`, and also when
/// an instruction addresses memory relative to rip (a float constant in the pool Cranelift puts
/// after the code): the pool would move without its displacements, and the pool's bytes decode
/// as instructions the pass could rewrite. Such stencils keep Cranelift's layout.
fn decode_movable(code: &[u8]) -> Option<Vec<Instruction>> {
    let insts = decode_all(code)?;
    if insts.iter().any(|i| i.is_ip_rel_memory_operand()) {
        return None;
    }
    Some(insts)
}

/// Every instruction of `code` (placed at 0), or `None` if some part does not decode.
fn decode_all(code: &[u8]) -> Option<Vec<Instruction>> {
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut insts = Vec::new();
    while decoder.can_decode() {
        let i = decoder.decode();
        if i.is_invalid() {
            return None;
        }
        insts.push(i);
    }
    Some(insts)
}

/// The new offset of every byte of `code` (and of its end) once each instruction `k` takes
/// `new_len(k, i)` bytes (0: dropped, its bytes mapping to the next instruction's start).
fn new_offsets(
    insts: &[Instruction],
    code_len: usize,
    mut new_len: impl FnMut(usize, &Instruction) -> usize,
) -> Vec<usize> {
    let mut new_at = vec![0usize; code_len + 1];
    let mut out = 0;
    for (k, i) in insts.iter().enumerate() {
        let start = i.ip() as usize;
        for slot in &mut new_at[start..start + i.len()] {
            *slot = out;
        }
        out += new_len(k, i);
    }
    new_at[code_len] = out;
    new_at
}

/// Rewrites the displacement of `bytes`, the relative jmp/jcc `i` about to be appended at
/// `new_code_len`, for its target's new offset (`new_at`: old offset -> new). rel8 forms are 2
/// bytes, rel32 5 or 6; code only shrinks, so a rel8 still fits. `None` if a target lies outside.
fn retarget(
    i: &Instruction,
    bytes: &mut [u8],
    new_code_len: usize,
    new_at: &[usize],
) -> Option<()> {
    let target = i.near_branch_target() as usize;
    if target >= new_at.len() {
        return None;
    }
    let n = bytes.len();
    let disp = new_at[target] as i64 - (new_code_len + n) as i64;
    if n == 2 {
        bytes[n - 1] = i8::try_from(disp).ok()? as u8;
    } else {
        bytes[n - 4..].copy_from_slice(&i32::try_from(disp).ok()?.to_le_bytes());
    }
    Some(())
}

/// The stripped code and the new offsets of the holes at `holes` (byte offsets in `code`), or
/// `None` if the stencil must keep its frame.
pub fn strip(code: &[u8], holes: &[u64]) -> Option<(Vec<u8>, Vec<u64>)> {
    let insts = decode_all(code)?;
    if !insts.first().is_some_and(is_frame_instr) {
        return None;
    }
    if insts.iter().any(|i| !is_frame_instr(i) && uses_stack(i)) {
        return None;
    }
    let frame: Vec<bool> = insts.iter().map(is_frame_instr).collect();
    drop_instructions(code, holes, &insts, &frame)
}

/// `code` without the instructions marked in `dropped` (each maps to the next kept one), its
/// internal branches re-targeted and its holes moved; `None` if a hole lies in a dropped
/// instruction or a branch no longer reaches. `strip` and `drop_stack_adjusts` share it.
fn drop_instructions(
    code: &[u8],
    holes: &[u64],
    insts: &[Instruction],
    dropped: &[bool],
) -> Option<(Vec<u8>, Vec<u64>)> {
    let replace: Vec<Option<Vec<u8>>> = dropped.iter().map(|&d| d.then(Vec::new)).collect();
    replace_instructions(code, holes, insts, &replace)
}

/// `code` with each instruction `k` for which `replace[k]` is given replaced by those bytes
/// (empty: dropped, mapping to the next kept one), its other internal branches re-targeted and
/// its holes moved; `None` if a hole lies in a replaced instruction or a branch no longer reaches.
/// A branch to a replaced instruction lands on its replacement.
fn replace_instructions(
    code: &[u8],
    holes: &[u64],
    insts: &[Instruction],
    replace: &[Option<Vec<u8>>],
) -> Option<(Vec<u8>, Vec<u64>)> {
    if insts
        .iter()
        .zip(replace)
        .any(|(i, r)| r.is_some() && has_hole(holes, i))
    {
        return None;
    }
    let new_at = new_offsets(insts, code.len(), |k, i| {
        replace[k].as_ref().map_or(i.len(), Vec::len)
    });
    let mut new_code = Vec::with_capacity(new_at[code.len()]);
    for (i, r) in insts.iter().zip(replace) {
        if let Some(bytes) = r {
            new_code.extend_from_slice(bytes);
            continue;
        }
        let mut bytes = code[span(i)].to_vec();
        // A relative jmp/jcc inside the stencil.
        if internal_branch(holes, i) {
            retarget(i, &mut bytes, new_code.len(), &new_at)?;
        }
        new_code.extend_from_slice(&bytes);
    }
    let new_holes = move_holes(insts, holes, &[], &new_at)?;
    Some((new_code, new_holes))
}

/// The new offset of every hole of a rewritten stencil: where `moved` says (a hole whose
/// instruction was rewritten), else at the same place of its instruction, now at `new_at`.
fn move_holes(
    insts: &[Instruction],
    holes: &[u64],
    moved: &[(u64, u64)],
    new_at: &[usize],
) -> Option<Vec<u64>> {
    holes
        .iter()
        .map(|&h| {
            if let Some(&(_, to)) = moved.iter().find(|(from, _)| *from == h) {
                return Some(to);
            }
            let inst = insts
                .iter()
                .find(|i| (i.ip()..i.ip() + i.len() as u64).contains(&h))?;
            Some((new_at[inst.ip() as usize] + (h - inst.ip()) as usize) as u64)
        })
        .collect()
}

/// Fuses every `jcc over; jmp <hole>; over:` pair into `j!cc <hole>`: Cranelift lays a guard out
/// as a conditional jump over an out-of-line tail call (the exit to a deopt stub, a slow path or a
/// jump target), so the fast path pays a taken jump per guard; inverted, it falls through. The
/// jump's hole moves to the new instruction's rel32 field, which also ends the instruction, so
/// its addend stays. Other branches inside the stencil are re-targeted. `None` when there is no
/// such pair (or the code does not decode).
pub fn invert_jumps(code: &[u8], holes: &[u64]) -> Option<(Vec<u8>, Vec<u64>)> {
    let insts = decode_movable(code)?;
    // Starts of instructions some internal branch jumps to.
    let targeted: Vec<usize> = insts
        .iter()
        .filter(|i| internal_branch(holes, i))
        .map(|i| i.near_branch_target() as usize)
        .collect();
    // `pair[k]`: instruction k is a jcc fused with the jmp after it.
    let mut pair = vec![false; insts.len()];
    for k in 0..insts.len().saturating_sub(1) {
        let (j, n) = (&insts[k], &insts[k + 1]);
        let jb = &code[span(j)];
        let is_jcc = j.op_count() == 1
            && j.op0_kind() == OpKind::NearBranch64
            && ((jb.len() == 2 && (0x70..=0x7F).contains(&jb[0]))
                || (jb.len() == 6 && jb[0] == 0x0F && (0x80..=0x8F).contains(&jb[1])));
        pair[k] = is_jcc
            && !has_hole(holes, j)
            && j.near_branch_target() == n.next_ip()
            && n.len() == 5
            && code[n.ip() as usize] == 0xE9
            && holes.contains(&(n.ip() + 1))
            && !targeted.contains(&(n.ip() as usize))
            && !(k > 0 && pair[k - 1]);
    }
    if !pair.contains(&true) {
        return None;
    }
    // New offset of every old instruction start (a fused jmp maps to its jcc's end).
    let new_at = new_offsets(&insts, code.len(), |k, i| {
        if pair[k] {
            6
        } else if k > 0 && pair[k - 1] {
            0
        } else {
            i.len()
        }
    });
    let mut new_code = Vec::with_capacity(new_at[code.len()]);
    let mut moved: Vec<(u64, u64)> = Vec::new();
    for (k, i) in insts.iter().enumerate() {
        if k > 0 && pair[k - 1] {
            continue;
        }
        let mut bytes = code[span(i)].to_vec();
        if pair[k] {
            let cc = if bytes[0] == 0x0F { bytes[1] } else { bytes[0] } & 0x0F;
            moved.push((insts[k + 1].ip() + 1, new_code.len() as u64 + 2));
            new_code.extend_from_slice(&[0x0F, 0x80 | (cc ^ 1), 0, 0, 0, 0]);
            continue;
        }
        if internal_branch(holes, i) {
            retarget(i, &mut bytes, new_code.len(), &new_at)?;
        }
        new_code.extend_from_slice(&bytes);
    }
    let new_holes = move_holes(&insts, holes, &moved, &new_at)?;
    Some((new_code, new_holes))
}

/// A pass over a stencil's code given its holes' offsets: the new code and the holes' new
/// offsets, or `None` when it changes nothing.
pub type Pass = fn(&[u8], &[u64]) -> Option<(Vec<u8>, Vec<u64>)>;

/// Every build-time pass over an x86-64 stencil, in order: the frame stripped where possible
/// (`strip`), guard jump pairs inverted (`invert_jumps`), stack adjustments before a tear-down
/// dropped (`drop_stack_adjusts`), a calling stencil's spill slots pushed and popped
/// (`push_saves`), small ALU immediates given their 8-bit form (`shrink_imm8`), the holes marked
/// in `narrowable` narrowed to 32-bit
/// immediates (`narrow_imm32`), internal branches shortened (`relax_branches`). Returns the code,
/// the holes' offsets and which holes were narrowed (now `R_X86_64_32`); `None` if no pass
/// changed anything. build.rs writes its result as the `STRIPPED` table.
pub fn build_passes(
    code: &[u8],
    holes: &[u64],
    narrowable: &[bool],
) -> Option<(Vec<u8>, Vec<u64>, Vec<bool>)> {
    let mut out: Option<(Vec<u8>, Vec<u64>, Vec<bool>)> = None;
    let run = |out: &mut Option<(Vec<u8>, Vec<u64>, Vec<bool>)>, pass: Pass| {
        let (c, h) = out.as_ref().map_or((code, holes), |o| (&o.0[..], &o.1[..]));
        if let Some((c, h)) = pass(c, h) {
            let done = out.take().map_or_else(|| vec![false; holes.len()], |o| o.2);
            *out = Some((c, h, done));
        }
    };
    for pass in [
        strip as Pass,
        invert_jumps,
        drop_stack_adjusts,
        push_saves,
        shrink_imm8,
    ] {
        run(&mut out, pass);
    }
    let (c, h) = out.as_ref().map_or((code, holes), |o| (&o.0[..], &o.1[..]));
    if let Some(narrowed) = narrow_imm32(c, h, narrowable) {
        out = Some(narrowed);
    }
    run(&mut out, relax_branches);
    out
}

/// Gives every `op r/m, imm32` of the ALU group (`81 /r`: add, or, adc, sbb, and, sub, xor, cmp)
/// whose immediate fits in a signed byte the `83 /r imm8` form, which sign-extends to the same
/// value: 3 bytes fewer. Cranelift emits the imm32 form for `iadd_imm` and friends, so every
/// stencil that moves the stack pointer (`add rsi, 8`: 7 bytes, 4 in this form) paid them.
/// Immediates that are holes stay. `None` when nothing fits (or the code does not decode).
pub fn shrink_imm8(code: &[u8], holes: &[u64]) -> Option<(Vec<u8>, Vec<u64>)> {
    let insts = decode_movable(code)?;
    let replace: Vec<Option<Vec<u8>>> = insts
        .iter()
        .map(|i| {
            let b = &code[span(i)];
            // An optional REX prefix, then the opcode; the immediate ends the instruction.
            let op = if b[0] & 0xF0 == 0x40 { 1 } else { 0 };
            let imm = i32::from_le_bytes(b[b.len().checked_sub(4)?..].try_into().ok()?);
            let fits = b.len() >= op + 6 && b[op] == 0x81 && i8::try_from(imm).is_ok();
            if !fits || has_hole(holes, i) {
                return None;
            }
            let mut short = b[..b.len() - 4].to_vec();
            short[op] = 0x83;
            short.push(imm as i8 as u8);
            Some(short)
        })
        .collect();
    if replace.iter().all(Option::is_none) {
        return None;
    }
    replace_instructions(code, holes, &insts, &replace)
}

/// Whether a hole (its relocation kind, value and addend as build.rs names them) holds a value
/// that always fits in 32 bits: an oparg, an instruction index, a cached type version or
/// index in a `movabs`.
pub fn narrowable(kind: &str, value: &str, addend: i64) -> bool {
    kind == "X86_64_64"
        && matches!(value, "Oparg" | "Target" | "CacheVersion" | "CacheIndex")
        && addend == 0
}

/// Narrows every `movabs r64, imm64` whose immediate is a hole marked in `narrow` (a value known
/// to fit in 32 bits: an oparg, an instruction index) to `mov r32, imm32`, which zero-extends
/// into the whole register: 10 bytes become 5 (6 with r8-r15). Other instructions are copied, the
/// stencil's internal branches re-targeted, every hole moved. Returns the code, the holes' new
/// offsets and which holes were narrowed (their relocation becomes `R_X86_64_32`); `None` when
/// nothing was narrowed (or the code does not decode).
pub fn narrow_imm32(
    code: &[u8],
    holes: &[u64],
    narrow: &[bool],
) -> Option<(Vec<u8>, Vec<u64>, Vec<bool>)> {
    let insts = decode_movable(code)?;
    // The hole (index) whose movabs instruction `i` is, if it is to be narrowed.
    let narrowed = |i: &Instruction| {
        let b = &code[span(i)];
        let movabs =
            b.len() == 10 && (b[0] == 0x48 || b[0] == 0x49) && (0xB8..=0xBF).contains(&b[1]);
        let at = i.ip() + 2;
        movabs
            .then(|| holes.iter().position(|&h| h == at))
            .flatten()
            .filter(|&k| narrow.get(k) == Some(&true))
    };
    if !insts.iter().any(|i| narrowed(i).is_some()) {
        return None;
    }
    // The new length of each instruction, and the new offset of every old byte.
    let new_len = |i: &Instruction| match narrowed(i) {
        Some(_) if code[i.ip() as usize] == 0x49 => 6,
        Some(_) => 5,
        None => i.len(),
    };
    let new_at = new_offsets(&insts, code.len(), |_, i| new_len(i));
    let mut new_code = Vec::with_capacity(new_at[code.len()]);
    let mut done = vec![false; holes.len()];
    let mut moved: Vec<(u64, u64)> = Vec::new();
    for i in &insts {
        let b = &code[span(i)];
        if let Some(k) = narrowed(i) {
            if b[0] == 0x49 {
                // REX.B: r8d-r15d.
                new_code.push(0x41);
            }
            new_code.push(b[1]);
            moved.push((holes[k], new_code.len() as u64));
            new_code.extend_from_slice(&[0, 0, 0, 0]);
            done[k] = true;
            continue;
        }
        let mut bytes = b.to_vec();
        if internal_branch(holes, i) {
            retarget(i, &mut bytes, new_code.len(), &new_at)?;
        }
        new_code.extend_from_slice(&bytes);
    }
    let new_holes = move_holes(&insts, holes, &moved, &new_at)?;
    Some((new_code, new_holes, done))
}

/// Branch relaxation: every branch inside the stencil (a `jmp`/`jcc` to one of its own
/// instructions, not a hole) whose target is within reach of an 8-bit displacement gets the
/// 2-byte form: Cranelift emits the rel32 forms (5 and 6 bytes) throughout. Shortening only
/// brings targets closer, so the set is grown until nothing more fits. `None` when no branch
/// could be shortened (or the code does not decode).
pub fn relax_branches(code: &[u8], holes: &[u64]) -> Option<(Vec<u8>, Vec<u64>)> {
    let insts = decode_movable(code)?;
    // rel32 forms: `jmp` E9 (5 bytes), `jcc` 0F 8x (6 bytes).
    let long = |i: &Instruction| {
        let b = &code[span(i)];
        internal_branch(holes, i)
            && ((b.len() == 5 && b[0] == 0xE9)
                || (b.len() == 6 && b[0] == 0x0F && (0x80..=0x8F).contains(&b[1])))
    };
    let mut short = vec![false; insts.len()];
    let mut new_at;
    loop {
        new_at = new_offsets(
            &insts,
            code.len(),
            |k, i| if short[k] { 2 } else { i.len() },
        );
        let mut grew = false;
        for (k, i) in insts.iter().enumerate() {
            if short[k] || !long(i) {
                continue;
            }
            let target = i.near_branch_target() as usize;
            if target > code.len() {
                return None;
            }
            let disp = new_at[target] as i64 - (new_at[i.ip() as usize] + 2) as i64;
            if i8::try_from(disp).is_ok() {
                short[k] = true;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    if !short.contains(&true) {
        return None;
    }
    let mut new_code = Vec::with_capacity(new_at[code.len()]);
    for (k, i) in insts.iter().enumerate() {
        let b = &code[span(i)];
        let mut bytes = if short[k] {
            // jmp rel8 EB; jcc rel8 7x with the rel32 form's condition.
            vec![
                if b[0] == 0xE9 {
                    0xEB
                } else {
                    0x70 | (b[1] & 0x0F)
                },
                0,
            ]
        } else {
            b.to_vec()
        };
        if internal_branch(holes, i) {
            retarget(i, &mut bytes, new_code.len(), &new_at)?;
        }
        new_code.extend_from_slice(&bytes);
    }
    let new_holes = move_holes(&insts, holes, &[], &new_at)?;
    Some((new_code, new_holes))
}

/// The frame's tear-down `mov rsp, rbp` (not its set-up `mov rbp, rsp`).
fn restores_rsp(i: &Instruction) -> bool {
    is_frame_instr(i) && i.mnemonic() == Mnemonic::Mov && i.op0_register() == Register::RSP
}

/// `add rsp, imm` or `sub rsp, imm`.
fn adjusts_rsp(i: &Instruction) -> bool {
    matches!(i.mnemonic(), Mnemonic::Add | Mnemonic::Sub)
        && i.op_count() == 2
        && i.op0_kind() == OpKind::Register
        && i.op0_register() == Register::RSP
        && matches!(
            i.op1_kind(),
            OpKind::Immediate8to64 | OpKind::Immediate32to64 | OpKind::Immediate8
        )
}

/// Drops every `add rsp, imm` (or `sub`) right before `mov rsp, rbp`: the frame's tear-down
/// sets rsp from rbp anyway, and nothing after it reads the flags (a stencil ends there, and
/// flags are not part of the tail convention). Cranelift emits both on each exit path of a
/// stencil that keeps its frame (the calling ones): 4 bytes each. `None` when there is none.
pub fn drop_stack_adjusts(code: &[u8], holes: &[u64]) -> Option<(Vec<u8>, Vec<u64>)> {
    let insts = decode_movable(code)?;
    let dead: Vec<bool> = insts
        .iter()
        .enumerate()
        .map(|(k, i)| {
            adjusts_rsp(i) && !has_hole(holes, i) && insts.get(k + 1).is_some_and(restores_rsp)
        })
        .collect();
    if !dead.contains(&true) {
        return None;
    }
    drop_instructions(code, holes, &insts, &dead)
}

/// The encoding number of a 64-bit general register (rax 0 .. r15 15), `None` for others.
fn gpr64_number(r: Register) -> Option<u8> {
    // iced's register enum lists RAX..R15 in encoding order.
    let n = (r as u32).wrapping_sub(Register::RAX as u32);
    (n < 16).then_some(n as u8)
}

/// The encoding number of the 64-bit general register `r` is part of (al, ah, ax, eax -> 0).
fn gpr_full_number(r: Register) -> Option<u8> {
    // iced's order: AL CL DL BL, AH CH DH BH, SPL BPL SIL DIL R8L..R15L, then the 16-, 32- and
    // 64-bit registers, each in encoding order.
    let n = r as u32;
    let k = match n {
        1..=4 => n - 1,
        5..=8 => n - 5,
        9..=20 => n - 5,
        21..=68 => (n - 21) % 16,
        _ => return None,
    };
    Some(k as u8)
}

/// The general register (encoding number) instruction `i` writes, `Some(None)` if none; `None`
/// if it is not one of the instructions known to write nothing but their first operand (and the
/// flags), whose other effects the caller cannot see (a call, a division, a string operation).
fn register_written(i: &Instruction) -> Option<Option<u8>> {
    use Mnemonic::*;
    let m = i.mnemonic();
    let writes_op0 = matches!(
        m,
        Mov | Movzx | Movsx | Movsxd | Lea | Add | Sub | And | Or | Xor | Shl | Shr | Sar | Rol
    ) || matches!(m, Ror | Neg | Not | Inc | Dec)
        || (m == Imul && i.op_count() >= 2)
        || matches!(
            m,
            Seta | Setae | Setb | Setbe | Sete | Setg | Setge | Setl | Setle | Setne | Setno
        )
        || matches!(m, Setnp | Setns | Seto | Setp | Sets)
        || matches!(
            m,
            Cmova | Cmovae | Cmovb | Cmovbe | Cmove | Cmovg | Cmovge | Cmovl | Cmovle | Cmovne
        )
        || matches!(m, Cmovno | Cmovnp | Cmovns | Cmovo | Cmovp | Cmovs);
    let reads_only =
        matches!(m, Cmp | Test | Nop) || i.op_count() == 1 && i.op0_kind() == OpKind::NearBranch64;
    if reads_only {
        return Some(None);
    }
    if !writes_op0 {
        return None;
    }
    Some(if i.op0_kind() == OpKind::Register {
        gpr_full_number(i.op0_register())
    } else {
        None
    })
}

/// `push r64` / `pop r64` (`base` 0x50 / 0x58), with REX.B for r8-r15.
fn push_pop(base: u8, n: u8) -> Vec<u8> {
    if n < 8 {
        vec![base + n]
    } else {
        vec![0x41, base + n - 8]
    }
}

/// The spill slot (index) and register of `mov [rsp+8k], r64` (`store`) or `mov r64, [rsp+8k]`,
/// for a frame of `slots` slots.
fn spill_access(i: &Instruction, store: bool, slots: usize) -> Option<(usize, Register)> {
    let (mem, reg) = if store { (0, 1) } else { (1, 0) };
    if i.mnemonic() != Mnemonic::Mov
        || i.op_count() != 2
        || i.op_kind(mem) != OpKind::Memory
        || i.op_kind(reg) != OpKind::Register
        || i.memory_base() != Register::RSP
        || i.memory_index() != Register::None
    {
        return None;
    }
    let r = i.op_register(reg);
    if gpr64_number(r).is_none() || is_frame_reg(r) {
        return None;
    }
    let d = i.memory_displacement64() as usize;
    (d % 8 == 0 && d / 8 < slots).then_some((d / 8, r))
}

/// A calling stencil's spill slots as pushes and pops. Cranelift keeps the registers a call
/// clobbers (frame, ctx, sp) in stack slots: `sub rsp, N` after the frame's set-up, a
/// `mov [rsp+k], reg` per slot before the call, a `mov reg, [rsp+k]` per slot after it,
/// `mov rsp, rbp` on each exit. Pushing in slot order, in place of `sub`, the registers of the
/// stores that can move there (see below; a slot without one gets a push of rax, whose value
/// nothing reads) leaves the same bytes at the same addresses with rsp where `sub` put it; and
/// when a run of reloads restores every slot in order with nothing after it touching the stack
/// but the tear-down, pops restore the same registers and leave rsp at rbp, so the `mov rsp, rbp`
/// after them go too. `GENERIC`: 13 + 9 + 3 per exit bytes become 2 + 2 (71 -> 47 stitched);
/// LOAD_GLOBAL_MODULE, whose stores come after a guard and a copy, 139 -> 114.
/// Nothing reads the flags `sub` set (Cranelift never relies on a frame instruction's flags).
/// `None` when the stencil does not have that shape.
pub fn push_saves(code: &[u8], holes: &[u64]) -> Option<(Vec<u8>, Vec<u64>)> {
    let insts = decode_movable(code)?;
    let sub = insts.get(2)?;
    if !(insts.len() > 3 && is_frame_instr(&insts[0]) && is_frame_instr(&insts[1]))
        || insts[0].mnemonic() != Mnemonic::Push
        || !adjusts_rsp(sub)
        || sub.mnemonic() != Mnemonic::Sub
    {
        return None;
    }
    let n = sub.immediate(1) as usize;
    if n == 0 || n % 16 != 0 || n > 128 {
        return None;
    }
    let slots = n / 8;
    // Internal branch targets, as instruction indexes.
    let index_at = |off: u64| insts.iter().position(|i| i.ip() == off);
    let branches: Vec<(usize, usize)> = insts
        .iter()
        .enumerate()
        .filter(|(_, i)| internal_branch(holes, i))
        .map(|(k, i)| Some((k, index_at(i.near_branch_target())?)))
        .collect::<Option<_>>()?;
    // Nothing may jump into the set-up.
    if branches.iter().any(|&(_, t)| t < 3) {
        return None;
    }
    // The stores that can move up to the set-up: each slot's first, of a register that still
    // holds the value some register had at entry (no instruction between wrote it, or a `mov`
    // copied such a register into it) on every path there (no branch from further on lands
    // before it), with nothing between that reads a slot or has effects the scan cannot see
    // (a call, a division) other than exit paths' tear-downs (`mov rsp, rbp; pop rbp`: rsp from
    // rbp as before). The push saves that entry register. A store moved up writes its slot on
    // paths that did not store it, all of which leave the frame or store it again before any
    // reload (Cranelift reads no slot it did not write).
    let mut stored: Vec<Option<u8>> = vec![None; slots];
    let mut moved = vec![false; insts.len()];
    // Per register: the register whose value at entry it holds (a `mov` copies it), if any.
    let mut entry_value: [Option<u8>; 16] = std::array::from_fn(|n| Some(n as u8));
    for (k, i) in insts.iter().enumerate().skip(3) {
        if let Some((s, r)) = spill_access(i, true, slots) {
            let back = branches.iter().any(|&(from, to)| from >= k && to <= k);
            match entry_value[gpr64_number(r)? as usize] {
                Some(e) if stored[s].is_none() && !back => {
                    stored[s] = Some(e);
                    moved[k] = true;
                    continue;
                }
                _ => break,
            }
        }
        if is_frame_instr(i) && i.mnemonic() != Mnemonic::Push {
            continue;
        }
        if uses_stack(i) {
            break;
        }
        match register_written(i) {
            None => break,
            Some(None) => {}
            Some(Some(w)) => {
                let copy = i.mnemonic() == Mnemonic::Mov
                    && i.op1_kind() == OpKind::Register
                    && gpr64_number(i.op0_register()).is_some();
                entry_value[w as usize] = gpr64_number(i.op1_register())
                    .filter(|_| copy)
                    .and_then(|src| entry_value[src as usize]);
            }
        }
    }
    if !moved.contains(&true) {
        return None;
    }
    let mut replace: Vec<Option<Vec<u8>>> = vec![None; insts.len()];
    let pushes: Vec<u8> = (0..slots)
        .rev()
        .flat_map(|s| push_pop(0x50, stored[s].unwrap_or(0)))
        .collect();
    replace[2] = Some(pushes);
    for (r, _) in replace.iter_mut().zip(&moved).filter(|(_, &m)| m) {
        *r = Some(Vec::new());
    }
    // A run of reloads of every stored slot in order, the stored ones being the lowest (any
    // others are padding Cranelift added for alignment, pushed as filler), after which nothing
    // but the tear-down touches the stack and no branch crosses into or out of what follows it:
    // pops (a pop reads the slot a reload read; each reloads the register its slot was pushed
    // from, which the tests check). When no filler is left above them rsp is then at rbp, and
    // the tear-downs' `mov rsp, rbp` after the run go too.
    let m = stored.iter().take_while(|s| s.is_some()).count();
    let reloads = (3..insts.len()).find(|&p| {
        m > 0
            && stored[m..].iter().all(Option::is_none)
            && (0..m).all(|s| {
                insts
                    .get(p + s)
                    .and_then(|i| spill_access(i, false, slots))
                    .is_some_and(|(t, r)| t == s && gpr64_number(r) == stored[s])
            })
            && insts[p + m..]
                .iter()
                .all(|i| is_frame_instr(i) || !uses_stack(i))
            && branches
                .iter()
                .all(|&(from, to)| if from < p { to <= p } else { to >= p + m })
    });
    if let Some(p) = reloads {
        for (s, r) in replace[p..p + m].iter_mut().enumerate() {
            *r = Some(push_pop(0x58, stored[s]?));
        }
        if m == slots {
            for (k, i) in insts.iter().enumerate().skip(p + m) {
                if restores_rsp(i) {
                    replace[k] = Some(Vec::new());
                }
            }
        }
    }
    replace_instructions(code, holes, &insts, &replace)
}
