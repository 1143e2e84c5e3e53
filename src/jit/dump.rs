//! `cpjit stencils [--arch x86_64|aarch64] [NAME]`: every stencil's size, holes and disassembly
//! with the holes marked (iced-x86 for x86-64, yaxpeax-arm for AArch64).

use std::fmt::Write as _;

use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter, Mnemonic, Register};
use yaxpeax_arch::{Decoder as _, U8Reader};

use super::stencils::{Arch, Hole, RelocKind, Stencil};

const USAGE: &str = "usage: cpjit stencils [--arch x86_64|aarch64] [NAME]\n       \
                     cpjit stencils --sizes   (size table of both architectures)";

/// Runs the subcommand; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let mut arch = Arch::host().unwrap_or(Arch::X86_64);
    let mut name = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--arch" => match it.next().and_then(|s| Arch::from_name(s)) {
                Some(a) => arch = a,
                None => {
                    eprintln!("cpjit stencils: --arch needs x86_64 or aarch64\n{USAGE}");
                    return 2;
                }
            },
            "--sizes" => {
                crate::write_stdout(&sizes());
                return 0;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            s if s.starts_with('-') => {
                eprintln!("cpjit stencils: unknown option {s}\n{USAGE}");
                return 2;
            }
            s if name.is_none() => name = Some(s.to_string()),
            s => {
                eprintln!("cpjit stencils: unexpected argument {s}\n{USAGE}");
                return 2;
            }
        }
    }
    match dump(arch, name.as_deref()) {
        Ok(text) => {
            crate::write_stdout(&text);
            0
        }
        Err(e) => {
            eprintln!("cpjit stencils: {e}");
            1
        }
    }
}

/// The dump of every stencil of `arch` (or those named `name`).
pub fn dump(arch: Arch, name: Option<&str>) -> Result<String, String> {
    let stencils: Vec<&Stencil> = arch
        .stencils()
        .iter()
        .filter(|s| name.is_none_or(|n| s.name == n))
        .collect();
    if stencils.is_empty() {
        return Err(format!("no stencil named {}", name.unwrap_or("")));
    }
    let mut out = String::new();
    writeln!(
        out,
        "# {} stencils, compiled by Cranelift in build.rs",
        arch.name()
    )
    .unwrap();
    for s in stencils {
        out.push('\n');
        dump_one(&mut out, arch, s);
    }
    Ok(out)
}

/// A Markdown table: every stencil's size and frame set-up/tear-down bytes on both architectures.
pub fn sizes() -> String {
    let mut out = String::from(
        "| stencil | x86-64 bytes | x86-64 frame bytes | x86-64 bytes, frame stripped | x86-64 droppable jump | AArch64 bytes | AArch64 frame bytes | AArch64 droppable jump |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let a64 = Arch::Aarch64.stencils();
    let stripped = super::strip_frame::stitch_stencils(Arch::X86_64);
    for ((x, a), xs) in Arch::X86_64.stencils().iter().zip(a64).zip(stripped) {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            title(x),
            x.code.len(),
            frame_bytes(Arch::X86_64, x),
            xs.code.len(),
            x.trailing_continue,
            a.code.len(),
            frame_bytes(Arch::Aarch64, a),
            a.trailing_continue
        )
        .unwrap();
    }
    out
}

fn title(s: &Stencil) -> String {
    let mut t = s.name.to_string();
    if let Some((oparg, label)) = s.variant {
        write!(t, " [oparg {oparg}: {label}]").unwrap();
    }
    // Top-of-stack caching: values taken in registers -> values left in registers.
    if s.cached != (0, 0) {
        write!(t, " [cached {} -> {}]", s.cached.0, s.cached.1).unwrap();
    }
    t
}

fn dump_one(out: &mut String, arch: Arch, s: &Stencil) {
    let lines = disassemble(arch, s);
    let frame: usize = lines.iter().filter(|l| l.frame).map(|l| l.len).sum();
    writeln!(out, "== {}", title(s)).unwrap();
    writeln!(out, "   {}", s.doc).unwrap();
    writeln!(
        out,
        "   size {} bytes; frame set-up/tear-down {} bytes; trailing continue jump {} bytes",
        s.code.len(),
        frame,
        s.trailing_continue
    )
    .unwrap();
    if s.holes.is_empty() {
        writeln!(out, "   holes: none").unwrap();
    } else {
        writeln!(out, "   holes:").unwrap();
        for h in s.holes {
            writeln!(
                out,
                "     {:#06x} {:<26} {:?}{}",
                h.offset,
                format!("{:?}", h.kind),
                h.value,
                addend(h)
            )
            .unwrap();
        }
    }
    for l in &lines {
        let hex: String = s.code[l.offset..l.offset + l.len]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut line = format!("   {:04x}  {:<22}{}", l.offset, hex, l.text);
        let marks: Vec<String> = s
            .holes
            .iter()
            .filter(|h| (l.offset..l.offset + l.len).contains(&(h.offset as usize)))
            .map(|h| format!("{:?}{}", h.value, addend(h)))
            .collect();
        if !marks.is_empty() {
            write!(line, "  ; HOLE {}", marks.join(", ")).unwrap();
        }
        writeln!(out, "{}", line.trim_end()).unwrap();
    }
}

fn addend(h: &Hole) -> String {
    match h.addend {
        0 => String::new(),
        a if a < 0 => format!(" - {}", -a),
        a => format!(" + {a}"),
    }
}

/// One disassembled instruction (or literal).
pub struct Line {
    pub offset: usize,
    pub len: usize,
    pub text: String,
    /// Part of the frame set-up or tear-down.
    pub frame: bool,
}

/// Bytes of frame set-up and tear-down instructions in a stencil (all its exits counted).
pub fn frame_bytes(arch: Arch, s: &Stencil) -> usize {
    disassemble(arch, s)
        .iter()
        .filter(|l| l.frame)
        .map(|l| l.len)
        .sum()
}

pub fn disassemble(arch: Arch, s: &Stencil) -> Vec<Line> {
    match arch {
        Arch::X86_64 => disassemble_x86_64(s.code),
        Arch::Aarch64 => disassemble_aarch64(s.code, s.holes),
    }
}

fn disassemble_x86_64(code: &[u8]) -> Vec<Line> {
    disassemble_x86_64_at(code, 0)
}

/// Disassembles x86-64 `code` as if it were at address `ip` (branch targets come out absolute).
fn disassemble_x86_64_at(code: &[u8], ip: u64) -> Vec<Line> {
    let mut decoder = Decoder::with_ip(64, code, ip, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::new();
    fmt.options_mut().set_uppercase_hex(false);
    fmt.options_mut().set_hex_prefix("0x");
    fmt.options_mut().set_hex_suffix("");
    fmt.options_mut().set_space_after_operand_separator(true);
    fmt.options_mut().set_branch_leading_zeros(false);
    fmt.options_mut().set_signed_immediate_operands(true);
    let mut lines = Vec::new();
    while decoder.can_decode() {
        let inst = decoder.decode();
        let mut text = String::new();
        fmt.format(&inst, &mut text);
        let frame = match inst.mnemonic() {
            Mnemonic::Push | Mnemonic::Pop => inst.op0_register() == Register::RBP,
            Mnemonic::Mov => matches!(
                (inst.op0_register(), inst.op1_register()),
                (Register::RBP, Register::RSP) | (Register::RSP, Register::RBP)
            ),
            _ => false,
        };
        lines.push(Line {
            offset: (inst.ip() - ip) as usize,
            len: inst.len(),
            text,
            frame,
        });
    }
    lines
}

fn disassemble_aarch64(code: &[u8], holes: &[Hole]) -> Vec<Line> {
    let decoder = yaxpeax_arm::armv8::a64::InstDecoder::default();
    let mut lines = Vec::new();
    let mut offset = 0;
    while offset + 4 <= code.len() {
        // A 64-bit literal (hole data) is data, not instructions.
        if holes
            .iter()
            .any(|h| h.offset as usize == offset && h.kind == RelocKind::AARCH64_ABS64)
            && offset + 8 <= code.len()
        {
            let v = u64::from_le_bytes(code[offset..offset + 8].try_into().unwrap());
            lines.push(Line {
                offset,
                len: 8,
                text: format!(".quad {v:#x}"),
                frame: false,
            });
            offset += 8;
            continue;
        }
        let mut reader = U8Reader::new(&code[offset..offset + 4]);
        let text = match decoder.decode(&mut reader) {
            Ok(inst) => inst.to_string(),
            Err(_) => format!(
                ".word {:#010x}",
                u32::from_le_bytes(code[offset..offset + 4].try_into().unwrap())
            ),
        };
        let frame = text.starts_with("stp x29, x30, [sp")
            || text.starts_with("ldp x29, x30, [sp")
            || text == "mov x29, sp";
        lines.push(Line {
            offset,
            len: 4,
            text,
            frame,
        });
        offset += 4;
    }
    lines
}

/// `--jit-dump`: a compiled region, piece by piece: the bytecode instruction, the stencil copied for
/// it, and its machine code as patched (addresses absolute, holes filled).
pub fn region(region: &crate::jit::stitch::Region, code: &[u32], title: &str) -> String {
    use crate::bytecode::opcode::Opcode;
    let base = region.base();
    let bytes = region.code_bytes();
    let mut out = format!(
        "== region {title}: {} bytes at {base:#x} ({:?})\n",
        bytes.len(),
        region.stats()
    );
    for p in region.pieces() {
        let what = if p.index < code.len() && p.stencil.name != "_ENTRY" {
            let w = code[p.index];
            let op = Opcode::from_u8(w as u8).map_or("?", |o| o.name());
            format!("{:>5} {op} {}", p.index, w >> 8)
        } else {
            String::from("      -")
        };
        let mut role = String::from(if p.is_deopt_stub { " (deopt stub)" } else { "" });
        if let Some((_, label)) = p.stencil.variant {
            role += &format!(" [{label}]");
        }
        if p.stencil.cached != (0, 0) {
            role += &format!(" [cached {} -> {}]", p.stencil.cached.0, p.stencil.cached.1);
        }
        out += &format!(
            "{what} -> {}{role} @{:#x} [{} bytes]\n",
            p.stencil.name,
            base + p.offset as u64,
            p.size
        );
        let piece = &bytes[p.offset..p.offset + p.size];
        let lines = match crate::jit::stencils::Arch::host() {
            Some(crate::jit::stencils::Arch::X86_64) => {
                disassemble_x86_64_at(piece, base + p.offset as u64)
            }
            Some(crate::jit::stencils::Arch::Aarch64) => disassemble_aarch64(piece, &[]),
            None => Vec::new(),
        };
        for l in lines {
            out += &format!(
                "        {:#x}: {}\n",
                base + (p.offset + l.offset) as u64,
                l.text
            );
        }
    }
    out
}
