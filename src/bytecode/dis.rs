//! `cpjit dis`: a disassembly in CPython 3.11's `dis` layout.
//!
//! Differences from CPython, by design: offsets and jump targets are code-unit indices (cpjit's jumps
//! are absolute unit indices, CPython prints byte offsets), inline cache units are hidden (as `dis`
//! does by default), and code objects are shown at a stable fake address. Frozenset constants are
//! printed in insertion order (CPython's order depends on string hashing).

use super::code::{CodeObject, ConstValue};
use super::opcode::{cmp, nb, OperandKind};
use crate::rtlib::float_repr::repr_f64;
use crate::rtlib::strmethods::repr_str;

/// One decoded instruction, as `dis.Instruction`.
#[derive(Clone, Debug)]
pub struct DisInstr {
    pub offset: u32,
    pub opname: &'static str,
    /// `None` for instructions without an argument.
    pub arg: Option<u32>,
    pub argrepr: String,
    /// For jumps, the target offset.
    pub jump_target: Option<u32>,
    pub starts_line: Option<u32>,
    /// The instruction's line (0: none).
    pub line: u32,
    pub is_jump_target: bool,
}

pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote)
            }
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

fn repr_complex_part(x: f64) -> String {
    // complex repr uses repr() of the parts but drops a trailing ".0".
    let r = repr_f64(x);
    r.strip_suffix(".0").map(|s| s.to_string()).unwrap_or(r)
}

/// `repr()` of a constant, as Python prints it.
pub fn repr_const(c: &ConstValue) -> String {
    match c {
        ConstValue::None => "None".into(),
        ConstValue::Bool(true) => "True".into(),
        ConstValue::Bool(false) => "False".into(),
        ConstValue::Ellipsis => "Ellipsis".into(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Float(f) => repr_f64(*f),
        ConstValue::Complex { real, imag } => {
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", repr_complex_part(*imag))
            } else {
                let im = repr_complex_part(*imag);
                let sign = if im.starts_with('-') { "" } else { "+" };
                format!("({}{}{}j)", repr_complex_part(*real), sign, im)
            }
        }
        ConstValue::Str(s) => repr_str(s),
        ConstValue::Bytes(b) => repr_bytes(b),
        ConstValue::Tuple(v) => {
            let items: Vec<String> = v.iter().map(repr_const).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        ConstValue::FrozenSet(v) => {
            if v.is_empty() {
                "frozenset()".into()
            } else {
                let items: Vec<String> = v.iter().map(repr_const).collect();
                format!("frozenset({{{}}})", items.join(", "))
            }
        }
        ConstValue::Code(co) => code_repr(co),
    }
}

/// `<code object NAME at 0x..., file "F", line N>` with a stable fake address.
pub fn code_repr(co: &CodeObject) -> String {
    format!(
        "<code object {} at 0x{:012x}, file \"{}\", line {}>",
        co.name,
        fake_address(co),
        co.filename,
        co.firstlineno
    )
}

fn fake_address(co: &CodeObject) -> u64 {
    // FNV-1a over the qualified name and first line: stable across runs.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in co.qualname.bytes().chain(co.firstlineno.to_le_bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    0x7f0000000000 | (h & 0xffffffff0) as u64
}

/// Decodes a code object's instructions (cache units skipped).
pub fn instructions(co: &CodeObject) -> Vec<DisInstr> {
    let mut out = Vec::new();
    let mut targets = std::collections::HashSet::new();
    let mut i = 0usize;
    let mut last_line = None;
    while i < co.code.len() {
        let (op, arg) = CodeObject::decode(co.code[i]);
        let pos = co.positions.get(i).unwrap_or_default();
        let starts_line = if pos.lineno != 0 && Some(pos.lineno) != last_line {
            last_line = Some(pos.lineno);
            Some(pos.lineno)
        } else {
            None
        };
        let Some(op) = op else {
            out.push(DisInstr {
                offset: i as u32,
                opname: "<invalid>",
                arg: Some(arg),
                argrepr: String::new(),
                jump_target: None,
                starts_line,
                line: pos.lineno,
                is_jump_target: false,
            });
            i += 1;
            continue;
        };
        let info = op.info();
        let name_at = |k: usize| co.names.get(k).cloned().unwrap_or_else(|| "<?>".into());
        let (has_arg, argrepr, jump) = match info.operand {
            OperandKind::None => (false, String::new(), None),
            OperandKind::Const => (
                true,
                co.consts
                    .get(arg as usize)
                    .map(repr_const)
                    .unwrap_or_else(|| "<?>".into()),
                None,
            ),
            OperandKind::Local => (
                true,
                co.localsplusnames
                    .get(arg as usize)
                    .cloned()
                    .unwrap_or_else(|| "<?>".into()),
                None,
            ),
            OperandKind::Name => (true, name_at(arg as usize), None),
            OperandKind::GlobalName => {
                let n = name_at((arg >> 1) as usize);
                (
                    true,
                    if arg & 1 != 0 {
                        format!("NULL + {n}")
                    } else {
                        n
                    },
                    None,
                )
            }
            OperandKind::Jump => (true, format!("to {arg}"), Some(arg)),
            OperandKind::Cmp => (true, cmp::symbol(arg).to_string(), None),
            OperandKind::BinOp => (true, nb::symbol(arg).to_string(), None),
            OperandKind::Format => {
                let mut r = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
                if arg & 4 != 0 {
                    if !r.is_empty() {
                        r.push_str(", ");
                    }
                    r.push_str("with format");
                }
                (true, r, None)
            }
            OperandKind::Count | OperandKind::Raw => {
                let r = if op == super::opcode::Opcode::MAKE_FUNCTION {
                    ["defaults", "kwdefaults", "annotations", "closure"]
                        .iter()
                        .enumerate()
                        .filter(|(b, _)| arg & (1 << b) != 0)
                        .map(|(_, s)| *s)
                        .collect::<Vec<_>>()
                        .join(", ")
                } else {
                    String::new()
                };
                (true, r, None)
            }
        };
        if let Some(t) = jump {
            targets.insert(t);
        }
        out.push(DisInstr {
            offset: i as u32,
            opname: info.name,
            arg: if has_arg { Some(arg) } else { None },
            argrepr,
            jump_target: jump,
            starts_line,
            line: pos.lineno,
            is_jump_target: false,
        });
        i += 1 + info.cache as usize;
    }
    for e in &co.exception_table {
        targets.insert(e.target);
    }
    for ins in &mut out {
        ins.is_jump_target = targets.contains(&ins.offset);
    }
    out
}

/// The disassembly of one code object (without nested ones).
pub fn disassemble(co: &CodeObject) -> String {
    let ins = instructions(co);
    let maxline = ins.iter().filter_map(|i| i.starts_line).max().unwrap_or(0);
    let lw = if maxline >= 1000 {
        maxline.to_string().len()
    } else {
        3
    };
    let maxoff = co.code.len().saturating_sub(1);
    let ow = if maxoff >= 10000 {
        maxoff.to_string().len()
    } else {
        4
    };
    let mut out = String::new();
    for x in &ins {
        if x.starts_line.is_some() && x.offset > 0 {
            out.push('\n');
        }
        let mut fields = Vec::new();
        fields.push(match x.starts_line {
            Some(l) => format!("{l:>lw$}"),
            None => " ".repeat(lw),
        });
        fields.push("   ".to_string());
        fields.push(if x.is_jump_target { ">>" } else { "  " }.to_string());
        fields.push(format!("{:>ow$}", x.offset));
        fields.push(format!("{:<20}", x.opname));
        if let Some(a) = x.arg {
            fields.push(format!("{a:>5}"));
            if !x.argrepr.is_empty() {
                fields.push(format!("({})", x.argrepr));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    if !co.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &co.exception_table {
            let lasti = if e.lasti { " lasti" } else { "" };
            out.push_str(&format!(
                "  {} to {} -> {} [{}]{}\n",
                e.start,
                e.end.saturating_sub(1),
                e.target,
                e.depth,
                lasti
            ));
        }
    }
    out
}

/// `dis.dis(code)`: the code object, then every nested code object, recursively.
pub fn dis_recursive(co: &CodeObject) -> String {
    let mut out = disassemble(co);
    for c in &co.consts {
        if let ConstValue::Code(inner) = c {
            out.push('\n');
            out.push_str(&format!("Disassembly of {}:\n", code_repr(inner)));
            out.push_str(&dis_recursive(inner));
        }
    }
    out
}

/// Bookkeeping instructions the golden comparison ignores (tests/golden/dis/README.md).
pub const GOLDEN_IGNORED: &[&str] = &["RESUME", "PRECALL", "CACHE", "NOP", "EXTENDED_ARG"];

/// The normalized listing of one code object, exactly as tools/record_dis.py prints it.
fn golden_code(co: &CodeObject) -> Vec<String> {
    // (offset, name, arg, jump target, line)
    let mut items: Vec<(u32, String, Option<String>, Option<u32>, u32)> = Vec::new();
    for ins in instructions(co) {
        if GOLDEN_IGNORED.contains(&ins.opname) {
            continue;
        }
        let mut arg = None;
        if ins.jump_target.is_none() {
            if let Some(a) = ins.arg {
                let is_code = ins.opname == "LOAD_CONST"
                    && matches!(co.consts.get(a as usize), Some(ConstValue::Code(_)));
                arg = Some(if is_code {
                    let ConstValue::Code(c) = &co.consts[a as usize] else {
                        unreachable!()
                    };
                    format!("<code object {}>", c.name)
                } else if !ins.argrepr.is_empty() {
                    ins.argrepr.clone()
                } else {
                    a.to_string()
                });
            }
        }
        items.push((
            ins.offset,
            ins.opname.to_string(),
            arg,
            ins.jump_target,
            ins.line,
        ));
    }
    let offsets: Vec<u32> = items.iter().map(|i| i.0).collect();
    let label = |t: u32| {
        offsets
            .iter()
            .position(|&o| o >= t)
            .unwrap_or(offsets.len())
    };
    let mut entries: Vec<(usize, usize, usize, u32, bool)> = Vec::new();
    for e in &co.exception_table {
        let (start, end) = (label(e.start), label(e.end));
        if start == end {
            continue;
        }
        let item = (start, end, label(e.target), e.depth, e.lasti);
        match entries.last_mut() {
            Some(last)
                if last.1 == start && (last.2, last.3, last.4) == (item.2, item.3, item.4) =>
            {
                last.1 = end
            }
            _ => entries.push(item),
        }
    }
    let exc = entries.into_iter().map(|(s, e, t, d, l)| {
        format!(
            "exc L{s}-L{e} -> L{t} [{d}]{}",
            if l { " lasti" } else { "" }
        )
    });
    items
        .into_iter()
        .map(|(_, name, arg, target, line)| {
            let arg = match target {
                Some(t) => {
                    let label = offsets
                        .iter()
                        .position(|&o| o >= t)
                        .unwrap_or(offsets.len());
                    Some(format!("to L{label}"))
                }
                None => arg,
            };
            let line = if line == 0 {
                "-".to_string()
            } else {
                line.to_string()
            };
            match arg {
                Some(a) => format!("{line} {name} {a}"),
                None => format!("{line} {name}"),
            }
        })
        .chain(exc)
        .collect()
}

fn walk(co: &CodeObject, out: &mut Vec<(String, Vec<String>)>) {
    let tuple = |kind: u8| {
        let names: Vec<String> = co
            .localsplusnames
            .iter()
            .zip(&co.localspluskinds)
            .filter(|(_, k)| **k & kind != 0)
            .map(|(n, _)| repr_const(&ConstValue::Str(n.clone())))
            .collect();
        if names.len() == 1 {
            format!("({},)", names[0])
        } else {
            format!("({})", names.join(", "))
        }
    };
    use super::code::slot_kind;
    let mut lines = vec![
        format!(
            "stacksize {} flags {} argcount {} posonly {} kwonly {} firstlineno {}",
            co.stacksize,
            co.flags,
            co.argcount,
            co.posonlyargcount,
            co.kwonlyargcount,
            co.firstlineno
        ),
        format!(
            "varnames {} cellvars {} freevars {}",
            tuple(slot_kind::LOCAL),
            tuple(slot_kind::CELL),
            tuple(slot_kind::FREE)
        ),
    ];
    lines.extend(golden_code(co));
    out.push((co.qualname.clone(), lines));
    for c in &co.consts {
        if let ConstValue::Code(inner) = c {
            walk(inner, out);
        }
    }
}

/// The normalized listing `tools/record_dis.py` records from CPython, per code object (depth first).
pub fn golden_listing(co: &CodeObject) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    walk(co, &mut out);
    out
}

/// Each kept instruction's full position (`LINE-ENDLINE:COL-ENDCOL OPNAME`, `-` for none), per
/// code object: the comparison of `co_positions()` (`cpjit dis --lines`).
pub fn golden_lines(co: &CodeObject) -> Vec<(String, Vec<String>)> {
    let mut out = vec![(co.qualname.clone(), Vec::new())];
    let mut i = 0;
    while i < co.code.len() {
        let (op, _) = CodeObject::decode(co.code[i]);
        let Some(op) = op else { break };
        if !GOLDEN_IGNORED.contains(&op.name()) {
            let p = co.positions.get(i).unwrap_or_default();
            let pos = if p.lineno == 0 {
                "-".to_string()
            } else {
                format!(
                    "{}-{}:{}-{}",
                    p.lineno, p.end_lineno, p.col_offset, p.end_col_offset
                )
            };
            out[0].1.push(format!("{pos} {}", op.name()));
        }
        i += 1 + op.info().cache as usize;
    }
    for c in &co.consts {
        if let ConstValue::Code(inner) = c {
            out.extend(golden_lines(inner));
        }
    }
    out
}

/// `cpjit dis [--golden|--lines] FILE`.
pub fn command(args: &[String]) -> i32 {
    crate::compile::with_big_stack(|| command_inner(args))
}

fn command_inner(args: &[String]) -> i32 {
    let (golden, path) = match args {
        [p] => (false, p),
        [flag, p] if flag == "--golden" => (true, p),
        [flag, p] if flag == "--lines" => {
            return match compile_source(&std::fs::read(p).unwrap_or_default(), p) {
                Ok(co) => {
                    for (q, lines) in golden_lines(&co) {
                        crate::write_stdout(&format!("== {q}\n"));
                        for l in lines {
                            crate::write_stdout(&format!("{l}\n"));
                        }
                    }
                    0
                }
                Err(e) => {
                    report_syntax_error(&e);
                    1
                }
            };
        }
        _ => {
            eprintln!("usage: cpjit dis [--golden] FILE");
            return 2;
        }
    };
    let source = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cpjit: can't open file '{path}': {e}");
            return 2;
        }
    };
    let compiled = compile_source_with_warnings(&source, path).map(|(co, warnings)| {
        let text = String::from_utf8_lossy(&source);
        for w in &warnings {
            eprint!("{}", w.render(&text));
        }
        co
    });
    match compiled {
        Ok(co) if golden => {
            for (q, lines) in golden_listing(&co) {
                crate::write_stdout(&format!("== {q}\n"));
                for l in lines {
                    crate::write_stdout(&format!("{l}\n"));
                }
            }
            0
        }
        Ok(co) => {
            crate::write_stdout(&dis_recursive(&co));
            0
        }
        Err(e) => {
            report_syntax_error(&e);
            1
        }
    }
}

/// Parses and compiles a source file, with CPython-style error locations.
pub fn compile_source(
    source: &[u8],
    filename: &str,
) -> Result<CodeObject, crate::syntax::error::SyntaxError> {
    compile_source_with_warnings(source, filename).map(|(co, _)| co)
}

/// [`compile_source`] with the SyntaxWarnings CPython would print.
pub fn compile_source_with_warnings(
    source: &[u8],
    filename: &str,
) -> Result<(CodeObject, Vec<crate::compile::CompileWarning>), crate::syntax::error::SyntaxError> {
    crate::compile::compile_source(source, filename, crate::compile::Mode::Exec)
}

/// Prints a SyntaxError the way `python3 FILE` shows it.
pub fn report_syntax_error(e: &crate::syntax::error::SyntaxError) {
    if e.lineno == 0 {
        eprintln!("{}: {}", e.kind.name(), e.msg);
        return;
    }
    eprint!("{}", e.render());
}
