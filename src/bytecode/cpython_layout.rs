//! cpjit code units → CPython 3.11's code layout: `co_code`, byte offsets, `co_exceptiontable`,
//! `co_linetable`, `co_positions()` and `co_lines()`, which the standard library's `dis`,
//! `inspect` and `traceback` read. Computed on demand (the VM caches it per code object), never
//! on the hot path.
//!
//! cpjit's instructions ([`super::code`]) are one unit each with a 24-bit oparg, cpjit's opcode
//! numbers and cache counts, and absolute jump targets. CPython 3.11's are two bytes each: its
//! own opcode numbers, `EXTENDED_ARG` prefixes for opargs above 255, its own inline-cache
//! counts, and relative jumps whose direction is in the name. The translation, instruction by
//! instruction (the generic form: specialized instructions map to their `deopt`):
//! - a cpjit name maps to the 3.11 instruction of that name, except `POP_JUMP_IF_{FALSE,TRUE,
//!   NONE,NOT_NONE}`, which become `POP_JUMP_{FORWARD,BACKWARD}_IF_*` by the target's side;
//! - `CALL n` is preceded by 3.11's `PRECALL n` (cpjit has no PRECALL: the two always come in
//!   pairs in 3.11), at the CALL's position;
//! - 3.12's `BINARY_SLICE` / `STORE_SLICE` (what cpjit compiles `x[a:b]` to) are 3.11's
//!   `BUILD_SLICE 2` then `BINARY_SUBSCR` / `STORE_SUBSCR`; BUILD_SLICE is located at the slice
//!   (the span of the bound instructions before it), the subscript at the cpjit instruction's
//!   position;
//! - jump opargs are relative to the end of the jump's caches, in units; EXTENDED_ARG counts
//!   change offsets, so sizes are iterated to a fixpoint (as CPython's assembler does).
//!
//! Anything without a 3.11 encoding (a backward `JUMP_FORWARD`, an unknown instruction) is an
//! error, never wrong bytes.
//!
//! Positions: cpjit's `Position` has no "line 0" and no "line without columns"; CPython 3.11
//! gives a module's leading RESUME (and an empty module's implicit return) `(0, 1, 0, 0)` and a
//! generator's leading `RETURN_GENERATOR; POP_TOP` its first line without columns; those are
//! restored here. The line table is written one entry per instruction (split into 8-unit
//! pieces), each in the shortest of 3.11's forms, as 3.11's assembler does (format:
//! CPython's Objects/locations.md); the exception table in 3.11's varint format
//! (Objects/exception_handling_notes.txt), offsets in code units.

use super::code::{flags, CodeObject};
use super::opcode::{Opcode, OperandKind};

/// CPython 3.11's instructions: (name, number, inline cache units), as python3's `opcode.opmap`
/// and `opcode._inline_cache_entries` (checked by tests/cpython_layout.rs).
pub const CPYTHON_311_OPCODES: &[(&str, u8, u8)] = &[
    ("CACHE", 0, 0),
    ("POP_TOP", 1, 0),
    ("PUSH_NULL", 2, 0),
    ("NOP", 9, 0),
    ("UNARY_POSITIVE", 10, 0),
    ("UNARY_NEGATIVE", 11, 0),
    ("UNARY_NOT", 12, 0),
    ("UNARY_INVERT", 15, 0),
    ("BINARY_SUBSCR", 25, 4),
    ("GET_LEN", 30, 0),
    ("MATCH_MAPPING", 31, 0),
    ("MATCH_SEQUENCE", 32, 0),
    ("MATCH_KEYS", 33, 0),
    ("PUSH_EXC_INFO", 35, 0),
    ("CHECK_EXC_MATCH", 36, 0),
    ("CHECK_EG_MATCH", 37, 0),
    ("WITH_EXCEPT_START", 49, 0),
    ("GET_AITER", 50, 0),
    ("GET_ANEXT", 51, 0),
    ("BEFORE_ASYNC_WITH", 52, 0),
    ("BEFORE_WITH", 53, 0),
    ("END_ASYNC_FOR", 54, 0),
    ("STORE_SUBSCR", 60, 1),
    ("DELETE_SUBSCR", 61, 0),
    ("GET_ITER", 68, 0),
    ("GET_YIELD_FROM_ITER", 69, 0),
    ("PRINT_EXPR", 70, 0),
    ("LOAD_BUILD_CLASS", 71, 0),
    ("LOAD_ASSERTION_ERROR", 74, 0),
    ("RETURN_GENERATOR", 75, 0),
    ("LIST_TO_TUPLE", 82, 0),
    ("RETURN_VALUE", 83, 0),
    ("IMPORT_STAR", 84, 0),
    ("SETUP_ANNOTATIONS", 85, 0),
    ("YIELD_VALUE", 86, 0),
    ("ASYNC_GEN_WRAP", 87, 0),
    ("PREP_RERAISE_STAR", 88, 0),
    ("POP_EXCEPT", 89, 0),
    ("STORE_NAME", 90, 0),
    ("DELETE_NAME", 91, 0),
    ("UNPACK_SEQUENCE", 92, 1),
    ("FOR_ITER", 93, 0),
    ("UNPACK_EX", 94, 0),
    ("STORE_ATTR", 95, 4),
    ("DELETE_ATTR", 96, 0),
    ("STORE_GLOBAL", 97, 0),
    ("DELETE_GLOBAL", 98, 0),
    ("SWAP", 99, 0),
    ("LOAD_CONST", 100, 0),
    ("LOAD_NAME", 101, 0),
    ("BUILD_TUPLE", 102, 0),
    ("BUILD_LIST", 103, 0),
    ("BUILD_SET", 104, 0),
    ("BUILD_MAP", 105, 0),
    ("LOAD_ATTR", 106, 4),
    ("COMPARE_OP", 107, 2),
    ("IMPORT_NAME", 108, 0),
    ("IMPORT_FROM", 109, 0),
    ("JUMP_FORWARD", 110, 0),
    ("JUMP_IF_FALSE_OR_POP", 111, 0),
    ("JUMP_IF_TRUE_OR_POP", 112, 0),
    ("POP_JUMP_FORWARD_IF_FALSE", 114, 0),
    ("POP_JUMP_FORWARD_IF_TRUE", 115, 0),
    ("LOAD_GLOBAL", 116, 5),
    ("IS_OP", 117, 0),
    ("CONTAINS_OP", 118, 0),
    ("RERAISE", 119, 0),
    ("COPY", 120, 0),
    ("BINARY_OP", 122, 1),
    ("SEND", 123, 0),
    ("LOAD_FAST", 124, 0),
    ("STORE_FAST", 125, 0),
    ("DELETE_FAST", 126, 0),
    ("POP_JUMP_FORWARD_IF_NOT_NONE", 128, 0),
    ("POP_JUMP_FORWARD_IF_NONE", 129, 0),
    ("RAISE_VARARGS", 130, 0),
    ("GET_AWAITABLE", 131, 0),
    ("MAKE_FUNCTION", 132, 0),
    ("BUILD_SLICE", 133, 0),
    ("JUMP_BACKWARD_NO_INTERRUPT", 134, 0),
    ("MAKE_CELL", 135, 0),
    ("LOAD_CLOSURE", 136, 0),
    ("LOAD_DEREF", 137, 0),
    ("STORE_DEREF", 138, 0),
    ("DELETE_DEREF", 139, 0),
    ("JUMP_BACKWARD", 140, 0),
    ("CALL_FUNCTION_EX", 142, 0),
    ("EXTENDED_ARG", 144, 0),
    ("LIST_APPEND", 145, 0),
    ("SET_ADD", 146, 0),
    ("MAP_ADD", 147, 0),
    ("LOAD_CLASSDEREF", 148, 0),
    ("COPY_FREE_VARS", 149, 0),
    ("RESUME", 151, 0),
    ("MATCH_CLASS", 152, 0),
    ("FORMAT_VALUE", 155, 0),
    ("BUILD_CONST_KEY_MAP", 156, 0),
    ("BUILD_STRING", 157, 0),
    ("LOAD_METHOD", 160, 10),
    ("LIST_EXTEND", 162, 0),
    ("SET_UPDATE", 163, 0),
    ("DICT_MERGE", 164, 0),
    ("DICT_UPDATE", 165, 0),
    ("PRECALL", 166, 1),
    ("CALL", 171, 4),
    ("KW_NAMES", 172, 0),
    ("POP_JUMP_BACKWARD_IF_NOT_NONE", 173, 0),
    ("POP_JUMP_BACKWARD_IF_NONE", 174, 0),
    ("POP_JUMP_BACKWARD_IF_FALSE", 175, 0),
    ("POP_JUMP_BACKWARD_IF_TRUE", 176, 0),
];

const EXTENDED_ARG: u8 = 144;
/// 3.11's instructions numbered below this take no argument.
const HAVE_ARGUMENT: u8 = 90;

/// One instruction's source location with CPython's conventions: -1 for "none".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc {
        line: -1,
        end_line: -1,
        col: -1,
        end_col: -1,
    };
}

/// A code object in CPython 3.11's layout.
#[derive(Clone, Debug)]
pub struct CpythonLayout {
    /// `co_code`.
    pub code: Vec<u8>,
    /// One location per 2-byte code unit of `code` (`co_positions()`).
    pub positions: Vec<Loc>,
    /// `co_linetable`.
    pub linetable: Vec<u8>,
    /// `co_exceptiontable`.
    pub exceptiontable: Vec<u8>,
    /// `co_lines()`: (start byte, end byte, line or -1), one per line-table entry.
    pub lines: Vec<(u32, u32, i32)>,
    /// Each cpjit instruction and its translation, in code order.
    units: Vec<UnitMap>,
    /// `co_lnotab` (3.11 still computes it from the line table).
    pub lnotab: Vec<u8>,
}

/// Where one cpjit instruction's translation lies: cpjit's units `unit..unit_end` (with its
/// caches) became CPython's `first..end`, of which `main` is the instruction that does the work
/// (after any EXTENDED_ARG or PRECALL).
#[derive(Clone, Copy, Debug)]
struct UnitMap {
    unit: u32,
    unit_end: u32,
    first: u32,
    main: u32,
    end: u32,
}

impl CpythonLayout {
    /// CPython's `f_lasti` / `tb_lasti` (a byte offset) for a frame of this code at cpjit unit
    /// `unit`: an instruction's start is its working instruction; a unit in its caches (where a
    /// frame that made a call stands) is its last cache unit, where CPython 3.11's CALL leaves
    /// `prev_instr` when it pushes the callee's frame.
    pub fn lasti(&self, unit: usize) -> Option<u32> {
        let unit = u32::try_from(unit).ok()?;
        let k = self
            .units
            .partition_point(|e| e.unit <= unit)
            .checked_sub(1)?;
        let e = self.units[k];
        if e.unit == unit {
            Some(e.main * 2)
        } else if unit < e.unit_end {
            Some((e.end - 1) * 2)
        } else {
            None
        }
    }

    /// The cpjit unit for byte offset `lasti` (a traceback's `tb_lasti` read back): the inverse
    /// of [`Self::lasti`].
    pub fn unit_at(&self, lasti: u32) -> Option<usize> {
        let u = lasti / 2;
        let k = self
            .units
            .partition_point(|e| e.first <= u)
            .checked_sub(1)?;
        let e = self.units[k];
        if u > e.main && e.unit_end > e.unit + 1 {
            Some(e.unit_end as usize - 1)
        } else {
            Some(e.unit as usize)
        }
    }
}

fn cpython_op(name: &str) -> Option<(u8, u8)> {
    CPYTHON_311_OPCODES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, num, cache)| (num, cache))
}

/// Where a 3.11 jump goes, relative to the end of its instruction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Forward,
    Backward,
}

/// One 3.11 instruction being assembled.
struct Emit {
    op: u8,
    arg: u32,
    caches: u8,
    loc: Loc,
    /// A jump: its target (a cpjit unit) and direction.
    jump: Option<(usize, Dir)>,
    /// EXTENDED_ARG prefixes.
    ext: u32,
}

impl Emit {
    fn size(&self) -> u32 {
        self.ext + 1 + self.caches as u32
    }
}

/// The EXTENDED_ARG prefixes `arg` needs: one per byte above the lowest.
fn ext_count(arg: u32) -> u32 {
    (u32::BITS - arg.leading_zeros()).saturating_sub(1) / 8
}

fn loc_of(p: super::code::Position) -> Loc {
    if p.lineno == 0 {
        Loc::NONE
    } else {
        Loc {
            line: p.lineno as i32,
            end_line: p.end_lineno as i32,
            col: p.col_offset as i32,
            end_col: p.end_col_offset as i32,
        }
    }
}

/// The location 3.11 gives BUILD_SLICE (the Slice node's): the span of the instructions that
/// push the two bounds before the cpjit slicing instruction `at` (found by walking back until
/// they have pushed two values; a missing bound's `LOAD_CONST None` is located at the slice),
/// ending at the subscript's `]`. Falls back to the slicing instruction's location when the
/// bounds contain jumps. (A parenthesized lower bound, or blanks before `]`, make it differ
/// from CPython's by those characters.)
fn slice_loc(instrs: &[(usize, Opcode, u32)], locs: &[Loc], at: usize) -> Loc {
    let mut net: i64 = 0;
    let mut j = at;
    while j > 0 && net < 2 {
        j -= 1;
        let (_, op, arg) = instrs[j];
        let info = op.info();
        if info.operand == OperandKind::Jump {
            return locs[at];
        }
        let (pops, pushes) = (info.stack)(arg, false);
        net += pushes as i64 - pops as i64;
    }
    if net != 2 {
        return locs[at];
    }
    let span = &locs[j..at];
    let known = || span.iter().filter(|l| l.line >= 0 && l.col >= 0);
    let (Some(start), Some(end)) = (
        known().map(|l| (l.line, l.col)).min(),
        known().map(|l| (l.end_line, l.end_col)).max(),
    ) else {
        return locs[at];
    };
    // The slice ends where the subscript's `]` is: past a parenthesized upper bound's `)`.
    let sub = locs[at];
    let end_col = if sub.end_line == end.0 && sub.end_col - 1 > end.1 {
        sub.end_col - 1
    } else {
        end.1
    };
    Loc {
        line: start.0,
        end_line: end.0,
        col: start.1,
        end_col,
    }
}

/// Translates `co` (with its body decoded) to CPython 3.11's layout; the error names the
/// instruction that has no 3.11 encoding.
pub fn translate(co: &CodeObject) -> Result<CpythonLayout, String> {
    // cpjit's instructions: (unit, generic opcode, oparg) and locations.
    let unit_locs: Vec<Loc> = co.positions.iter().map(loc_of).collect();
    let mut instrs: Vec<(usize, Opcode, u32)> = Vec::new();
    let mut i = 0;
    while i < co.code.len() {
        let (op, arg) = CodeObject::decode(co.code[i]);
        let Some(op) = op else {
            return Err(format!("invalid opcode {} at unit {i}", co.code[i] & 0xff));
        };
        instrs.push((i, op.info().deopt, arg));
        i += 1 + op.cache_units();
    }
    let mut locs: Vec<Loc> = instrs
        .iter()
        .map(|&(u, _, _)| unit_locs.get(u).copied().unwrap_or(Loc::NONE))
        .collect();
    fix_prefix_locations(co, &instrs, &mut locs);

    // The 3.11 instructions; `first[k]` / `main[k]`: indices into `emits` of cpjit instruction
    // k's first and working instruction.
    let mut index_of_unit = vec![usize::MAX; co.code.len() + 1];
    for (k, &(u, _, _)) in instrs.iter().enumerate() {
        index_of_unit[u] = k;
    }
    index_of_unit[co.code.len()] = instrs.len();
    let mut emits: Vec<Emit> = Vec::with_capacity(instrs.len() + instrs.len() / 4);
    let mut first = Vec::with_capacity(instrs.len() + 1);
    let mut main = Vec::with_capacity(instrs.len());
    for (k, &(u, op, arg)) in instrs.iter().enumerate() {
        let loc = locs[k];
        let simple = |name: &str, arg: u32, loc: Loc| -> Result<Emit, String> {
            let (num, caches) = cpython_op(name)
                .ok_or_else(|| format!("{name} at unit {u} has no CPython 3.11 equivalent"))?;
            Ok(Emit {
                op: num,
                // No stale argument on instructions that take none (cpjit's NOPs keep the
                // pseudo-instruction's they replace).
                arg: if num < HAVE_ARGUMENT { 0 } else { arg },
                caches,
                loc,
                jump: None,
                ext: ext_count(arg),
            })
        };
        first.push(emits.len());
        let name = op.name();
        match op {
            Opcode::CALL => {
                emits.push(simple("PRECALL", arg, loc)?);
                emits.push(simple("CALL", arg, loc)?);
            }
            Opcode::BINARY_SLICE | Opcode::STORE_SLICE => {
                emits.push(simple("BUILD_SLICE", 2, slice_loc(&instrs, &locs, k))?);
                let sub = if op == Opcode::BINARY_SLICE {
                    "BINARY_SUBSCR"
                } else {
                    "STORE_SUBSCR"
                };
                emits.push(simple(sub, 0, loc)?);
            }
            _ if op.info().operand == OperandKind::Jump => {
                let target = arg as usize;
                if index_of_unit.get(target).is_none_or(|t| *t == usize::MAX) {
                    return Err(format!(
                        "{name} at unit {u} jumps to {target}, not an instruction"
                    ));
                }
                let dir = if target <= u {
                    Dir::Backward
                } else {
                    Dir::Forward
                };
                let jname = match (op, dir) {
                    (
                        Opcode::POP_JUMP_IF_FALSE
                        | Opcode::POP_JUMP_IF_TRUE
                        | Opcode::POP_JUMP_IF_NONE
                        | Opcode::POP_JUMP_IF_NOT_NONE,
                        _,
                    ) => {
                        let d = if dir == Dir::Forward {
                            "FORWARD"
                        } else {
                            "BACKWARD"
                        };
                        format!("POP_JUMP_{d}_IF_{}", &name["POP_JUMP_IF_".len()..])
                    }
                    (Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT, Dir::Backward) => {
                        name.to_string()
                    }
                    (Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT, Dir::Forward) => {
                        return Err(format!("{name} at unit {u} jumps forward"));
                    }
                    (_, Dir::Forward) => name.to_string(),
                    (_, Dir::Backward) => {
                        return Err(format!("{name} at unit {u} jumps backward"));
                    }
                };
                let mut e = simple(&jname, 0, loc)?;
                e.jump = Some((target, dir));
                emits.push(e);
            }
            _ => emits.push(simple(name, arg, loc)?),
        }
        main.push(emits.len() - 1);
    }
    first.push(emits.len());

    // Offsets (in code units) to a fixpoint: a jump's oparg depends on the EXTENDED_ARGs
    // between it and its target, which depend on the opargs.
    let mut start = vec![0u32; emits.len() + 1];
    loop {
        let mut off = 0;
        for (e, s) in emits.iter().zip(start.iter_mut()) {
            *s = off;
            off += e.size();
        }
        start[emits.len()] = off;
        let mut changed = false;
        for k in 0..emits.len() {
            let Some((target, dir)) = emits[k].jump else {
                continue;
            };
            let t = start[first[index_of_unit[target]]];
            let end = start[k] + emits[k].size();
            let arg = match dir {
                Dir::Forward => t.checked_sub(end),
                Dir::Backward => end.checked_sub(t),
            }
            .ok_or_else(|| format!("jump at unit {} crosses its own end", instrs[k].0))?;
            let e = &mut emits[k];
            e.arg = arg;
            let ext = ext_count(arg).max(e.ext);
            if ext != e.ext {
                e.ext = ext;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let total = start[emits.len()] as usize;
    let mut code = Vec::with_capacity(total * 2);
    let mut positions = Vec::with_capacity(total);
    for e in &emits {
        for j in (1..=e.ext).rev() {
            code.extend([EXTENDED_ARG, (e.arg >> (8 * j)) as u8]);
        }
        code.extend([e.op, e.arg as u8]);
        code.extend(std::iter::repeat_n(0u8, 2 * e.caches as usize));
        positions.extend(std::iter::repeat_n(e.loc, e.size() as usize));
    }

    let (linetable, lines) = line_table(co.firstlineno as i32, &emits);

    let unit_start = |u: u32| -> Result<u32, String> {
        match index_of_unit.get(u as usize) {
            Some(&k) if k != usize::MAX => Ok(start[first[k]]),
            _ => Err(format!(
                "exception table boundary {u} is not an instruction"
            )),
        }
    };
    let mut exceptiontable = Vec::new();
    for x in &co.exception_table {
        let s = unit_start(x.start)?;
        let end = unit_start(x.end)?;
        let target = unit_start(x.target)?;
        exc_item(&mut exceptiontable, s, 0x80);
        exc_item(&mut exceptiontable, end - s, 0);
        exc_item(&mut exceptiontable, target, 0);
        exc_item(&mut exceptiontable, (x.depth << 1) | x.lasti as u32, 0);
    }

    let units = instrs
        .iter()
        .enumerate()
        .map(|(k, &(u, op, _))| {
            let m = main[k];
            UnitMap {
                unit: u as u32,
                unit_end: (u + 1 + op.cache_units()) as u32,
                first: start[first[k]],
                main: start[m] + emits[m].ext,
                end: start[first[k + 1]],
            }
        })
        .collect();
    let lnotab = lnotab(co.firstlineno as i32, &lines);
    Ok(CpythonLayout {
        code,
        positions,
        linetable,
        exceptiontable,
        lines: lines.iter().map(|&(s, e, l, _)| (s, e, l)).collect(),
        units,
        lnotab,
    })
}

/// Restores the locations 3.11 gives the instructions its compiler puts in front of a body
/// (see the module doc): cpjit records "no line" or columns 0 there.
fn fix_prefix_locations(co: &CodeObject, instrs: &[(usize, Opcode, u32)], locs: &mut [Loc]) {
    if co.name == "<module>" {
        for l in locs.iter_mut().take_while(|l| l.line < 0) {
            *l = Loc {
                line: 0,
                end_line: 1,
                col: 0,
                end_col: 0,
            };
        }
    }
    let gen = flags::CO_GENERATOR | flags::CO_COROUTINE | flags::CO_ASYNC_GENERATOR;
    if co.flags & gen != 0 {
        // After the MAKE_CELLs and COPY_FREE_VARS (which have no location in both).
        let skip = instrs
            .iter()
            .take_while(|(_, op, _)| matches!(op, Opcode::MAKE_CELL | Opcode::COPY_FREE_VARS))
            .count();
        let prefix = [Opcode::RETURN_GENERATOR, Opcode::POP_TOP];
        for (k, want) in (skip..).zip(prefix.iter()) {
            match instrs.get(k) {
                Some(&(_, op, _)) if op == *want => {
                    let l = &mut locs[k];
                    if l.line >= 0 {
                        l.col = -1;
                        l.end_col = -1;
                    }
                }
                _ => break,
            }
        }
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 64 {
        out.push(0x40 | (v & 63) as u8);
        v >>= 6;
    }
    out.push(v as u8);
}

fn write_svarint(out: &mut Vec<u8>, v: i32) {
    if v < 0 {
        write_varint(out, (v.unsigned_abs() << 1) | 1);
    } else {
        write_varint(out, (v as u32) << 1);
    }
}

/// The line table and `co_lines()` ranges: one entry per instruction (8-unit pieces).
/// Each range is (start byte, end byte, line or -1, the reader's running line).
#[allow(clippy::type_complexity)]
fn line_table(firstlineno: i32, emits: &[Emit]) -> (Vec<u8>, Vec<(u32, u32, i32, i32)>) {
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut cur_line = firstlineno;
    let mut off = 0u32;
    for e in emits {
        let mut left = e.size();
        while left > 0 {
            let n = left.min(8);
            left -= n;
            let head = |code: u8| 0x80 | (code << 3) | (n as u8 - 1);
            let l = e.loc;
            let delta = l.line - cur_line;
            if l.line < 0 {
                out.push(head(15));
            } else if l.col < 0 || l.end_col < 0 {
                if l.end_line == l.line || l.end_line == -1 {
                    out.push(head(13));
                    write_svarint(&mut out, delta);
                } else {
                    long_form(&mut out, head(14), l, delta);
                }
                cur_line = l.line;
            } else if l.end_line == l.line
                && delta == 0
                && l.col < 80
                && l.end_col >= l.col
                && l.end_col - l.col < 16
            {
                out.push(head((l.col >> 3) as u8));
                out.push((((l.col & 7) << 4) | (l.end_col - l.col)) as u8);
            } else if l.end_line == l.line
                && (0..3).contains(&delta)
                && l.col < 128
                && l.end_col < 128
            {
                out.push(head(10 + delta as u8));
                out.push(l.col as u8);
                out.push(l.end_col as u8);
                cur_line = l.line;
            } else {
                long_form(&mut out, head(14), l, delta);
                cur_line = l.line;
            }
            let line = if l.line < 0 { -1 } else { l.line };
            lines.push((off * 2, (off + n) * 2, line, cur_line));
            off += n;
        }
    }
    (out, lines)
}

/// `co_lnotab`, 3.11's way: a (byte delta, line delta) pair wherever the running line changes,
/// deltas split into pieces that fit (255 bytes, -128..=127 lines).
fn lnotab(firstlineno: i32, lines: &[(u32, u32, i32, i32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut off, mut line) = (0u32, firstlineno);
    for &(start, _, _, computed) in lines {
        if computed == line {
            continue;
        }
        let mut bdelta = start - off;
        let mut ldelta = computed - line;
        while bdelta > 255 {
            out.extend([255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend([bdelta as u8, 127]);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            out.extend([bdelta as u8, -128i8 as u8]);
            bdelta = 0;
            ldelta += 128;
        }
        out.extend([bdelta as u8, ldelta as i8 as u8]);
        off = start;
        line = computed;
    }
    out
}

fn long_form(out: &mut Vec<u8>, head: u8, l: Loc, delta: i32) {
    out.push(head);
    write_svarint(out, delta);
    write_varint(out, (l.end_line - l.line).max(0) as u32);
    write_varint(out, (l.col + 1) as u32);
    write_varint(out, (l.end_col + 1) as u32);
}

/// One exception-table field: 6-bit groups, most significant first, bit 6 = more follow; `msb`
/// (bit 7) marks an entry's first byte.
fn exc_item(out: &mut Vec<u8>, v: u32, mut msb: u8) {
    for shift in [24, 18, 12, 6] {
        if v >= 1 << shift {
            out.push(((v >> shift) & 0x3f) as u8 | 0x40 | msb);
            msb = 0;
        }
    }
    out.push((v & 0x3f) as u8 | msb);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(units: &[(Opcode, u32)]) -> CodeObject {
        let mut code = Vec::new();
        for &(op, arg) in units {
            code.push(CodeObject::encode(op, arg));
            code.extend(std::iter::repeat_n(0, op.cache_units()));
        }
        let p = super::super::code::Position {
            lineno: 1,
            end_lineno: 1,
            col_offset: 0,
            end_col_offset: 4,
        };
        CodeObject {
            name: "f".into(),
            qualname: "f".into(),
            filename: "<t>".into(),
            firstlineno: 1,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            positions: super::super::code::Positions::from_runs([(code.len() as u32, p)]),
            code,
            consts: vec![super::super::code::ConstValue::None],
            names: Vec::new(),
            localsplusnames: Vec::new(),
            localspluskinds: Vec::new(),
            stacksize: 1,
            exception_table: Vec::new(),
            lazy: None,
        }
    }

    #[test]
    fn jumps_become_relative_and_directional() {
        // 0 RESUME; 1 LOAD_CONST; 2 POP_JUMP_IF_FALSE 1 (backward); 3 LOAD_CONST; 4 RETURN_VALUE
        let co = code(&[
            (Opcode::RESUME, 0),
            (Opcode::LOAD_CONST, 0),
            (Opcode::POP_JUMP_IF_FALSE, 1),
            (Opcode::LOAD_CONST, 0),
            (Opcode::RETURN_VALUE, 0),
        ]);
        let l = translate(&co).unwrap();
        // POP_JUMP_BACKWARD_IF_FALSE (175) back over itself and the LOAD_CONST: 2 units.
        assert_eq!(l.code, [151, 0, 100, 0, 175, 2, 100, 0, 83, 0]);
        assert_eq!(l.lasti(2), Some(4));
        assert_eq!(l.unit_at(4), Some(2));
        assert_eq!(l.positions.len(), 5);
    }

    #[test]
    fn what_311_cannot_encode_is_an_error() {
        let co = code(&[(Opcode::JUMP_FORWARD, 0), (Opcode::RETURN_VALUE, 0)]);
        let e = translate(&co).unwrap_err();
        assert!(e.contains("JUMP_FORWARD at unit 0 jumps backward"), "{e}");
    }

    #[test]
    fn extended_args_and_table_varints() {
        let ext: Vec<u32> = [0, 255, 256, 65535, 65536, 1 << 24]
            .iter()
            .map(|&a| ext_count(a))
            .collect();
        assert_eq!(ext, [0, 0, 1, 1, 2, 3]);
        let mut out = Vec::new();
        exc_item(&mut out, 5, 0x80);
        exc_item(&mut out, 64, 0);
        exc_item(&mut out, 4100, 0);
        assert_eq!(out, [0x85, 0x41, 0x00, 0x41, 0x40, 0x04]);
        let mut v = Vec::new();
        write_svarint(&mut v, -1);
        write_svarint(&mut v, 40);
        assert_eq!(v, [3, 0x50, 1]);
    }
}
