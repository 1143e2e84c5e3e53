//! Code objects: the compiler's output and the VM's input.
//!
//! Instruction encoding: one `u32` code unit per instruction, `opcode | oparg << 8` (24-bit oparg, so no
//! EXTENDED_ARG). An instruction with `cache: n` in the opcode table is followed by `n` inline cache
//! units (zero when emitted) that the specializer owns. Jump opargs are absolute code-unit indices.
//!
//! Constants are kept as [`ConstValue`], independent of the VM's object model; the VM materializes them
//! into `Value`s when it first runs a code object.

use std::rc::Rc;

use num_bigint::BigInt;

use super::opcode::Opcode;

/// `co_flags` bits, with CPython's values.
pub mod flags {
    pub const CO_OPTIMIZED: u32 = 0x0001;
    pub const CO_NEWLOCALS: u32 = 0x0002;
    pub const CO_VARARGS: u32 = 0x0004;
    pub const CO_VARKEYWORDS: u32 = 0x0008;
    pub const CO_NESTED: u32 = 0x0010;
    pub const CO_GENERATOR: u32 = 0x0020;
    pub const CO_NOFREE: u32 = 0x0040;
    pub const CO_COROUTINE: u32 = 0x0080;
    pub const CO_ITERABLE_COROUTINE: u32 = 0x0100;
    pub const CO_ASYNC_GENERATOR: u32 = 0x0200;
}

/// Kind bits of a `localsplus` slot (CPython's `CO_FAST_*`).
pub mod slot_kind {
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstValue>),
    FrozenSet(Vec<ConstValue>),
    Code(Rc<CodeObject>),
}

/// One entry of the exception table (3.11 "zero-cost" exceptions): an exception raised by an
/// instruction in `start..end` pops the value stack to `depth`, pushes the offset of the raising
/// instruction if `lasti`, then the exception, and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Source position of one instruction (CPython's `co_positions()`); 0 means unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub lineno: u32,
    pub end_lineno: u32,
    pub col_offset: u32,
    pub end_col_offset: u32,
}

/// The source positions of every code unit (an instruction's cache units repeat its position),
/// stored as runs of equal positions: each run is its length, then the four fields as zigzag
/// deltas from the previous run's, as LEB128 varints (the `.pyc` encoding too). Two or three
/// bytes a unit instead of 16; looking one up walks the runs, which only tracebacks, frame
/// objects, `co_positions()` and `dis` do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Positions {
    units: u32,
    data: Box<[u8]>,
}

fn push_uv(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

impl Positions {
    /// From runs of (length, position); empty runs are skipped and equal neighbours merged.
    pub fn from_runs(runs: impl IntoIterator<Item = (u32, Position)>) -> Self {
        let mut merged: Vec<(u32, Position)> = Vec::new();
        for (n, p) in runs {
            match merged.last_mut() {
                _ if n == 0 => {}
                Some((m, q)) if *q == p => *m += n,
                _ => merged.push((n, p)),
            }
        }
        let mut data = Vec::new();
        let mut prev = [0u32; 4];
        let mut units = 0u32;
        for (n, p) in merged {
            units += n;
            push_uv(&mut data, n as u64);
            let cur = [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset];
            for k in 0..4 {
                let d = cur[k] as i64 - prev[k] as i64;
                push_uv(&mut data, ((d << 1) ^ (d >> 63)) as u64);
            }
            prev = cur;
        }
        Positions {
            units,
            data: data.into_boxed_slice(),
        }
    }

    /// Positions already in this type's encoding (`data`, covering `units` code units), as
    /// `from_runs` would have written them: the reader of cache files checks that and takes the
    /// bytes as they are (decoding and re-encoding every run was ~6% of an import).
    pub(crate) fn from_encoded(units: u32, data: &[u8]) -> Self {
        Positions {
            units,
            data: data.into(),
        }
    }

    /// One position per code unit.
    pub fn from_units(units: &[Position]) -> Self {
        Self::from_runs(units.iter().map(|p| (1, *p)))
    }

    /// The number of code units covered.
    pub fn len(&self) -> usize {
        self.units as usize
    }

    pub fn is_empty(&self) -> bool {
        self.units == 0
    }

    /// The runs: (length in code units, position).
    pub fn runs(&self) -> PositionRuns<'_> {
        PositionRuns {
            data: &self.data,
            pos: 0,
            prev: [0; 4],
        }
    }

    /// The position of code unit `i`.
    pub fn get(&self, i: usize) -> Option<Position> {
        let mut start = 0usize;
        for (n, p) in self.runs() {
            start += n as usize;
            if i < start {
                return Some(p);
            }
        }
        None
    }

    /// One position per code unit.
    pub fn iter(&self) -> impl Iterator<Item = Position> + '_ {
        self.runs()
            .flat_map(|(n, p)| std::iter::repeat_n(p, n as usize))
    }
}

/// Iterator over [`Positions::runs`].
pub struct PositionRuns<'a> {
    data: &'a [u8],
    pos: usize,
    prev: [u32; 4],
}

impl PositionRuns<'_> {
    fn uv(&mut self) -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            v |= ((b & 0x7F) as u64) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        v
    }
}

impl Iterator for PositionRuns<'_> {
    type Item = (u32, Position);
    fn next(&mut self) -> Option<(u32, Position)> {
        if self.pos >= self.data.len() {
            return None;
        }
        let n = self.uv() as u32;
        for k in 0..4 {
            let z = self.uv();
            let d = ((z >> 1) as i64) ^ -((z & 1) as i64);
            self.prev[k] = (self.prev[k] as i64 + d) as u32;
        }
        let [lineno, end_lineno, col_offset, end_col_offset] = self.prev;
        Some((
            n,
            Position {
                lineno,
                end_lineno,
                col_offset,
                end_col_offset,
            },
        ))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// The instructions, see the module doc for the encoding.
    pub code: Vec<u32>,
    pub consts: Vec<ConstValue>,
    pub names: Vec<String>,
    /// Names of the local, cell and free slots, in slot order (arguments first).
    pub localsplusnames: Vec<String>,
    /// `slot_kind` bits of each slot.
    pub localspluskinds: Vec<u8>,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    pub exception_table: Vec<ExceptionEntry>,
    /// One entry per code unit (cache units repeat their instruction's position).
    pub positions: Positions,
    /// `Some` for a code object read from a cache file whose body (`code`, `consts`, `names`,
    /// `exception_table`, `positions`, all empty here) is not decoded yet: the loader decodes a
    /// nested code object's header eagerly and its body when the code first runs or is looked
    /// into (`serialize::decode_body`), as most functions a module defines are never called.
    pub lazy: Option<LazyBody>,
}

/// Where a code object's body lies in a cache file's payload, not yet decoded (`CodeObject::lazy`).
#[derive(Clone)]
pub struct LazyBody {
    /// The whole payload, shared by every code object read from it.
    pub data: Rc<[u8]>,
    pub start: usize,
    pub end: usize,
    /// Nesting depth of the code object in its file (for the reader's nesting limit).
    pub depth: u32,
    /// The docstring: `co_consts[0]` when it is a str (what MAKE_FUNCTION reads as `__doc__`).
    pub doc: Option<String>,
}

impl std::fmt::Debug for LazyBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LazyBody({}..{})", self.start, self.end)
    }
}

impl PartialEq for LazyBody {
    fn eq(&self, other: &LazyBody) -> bool {
        self.data[self.start..self.end] == other.data[other.start..other.end]
            && self.doc == other.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip() {
        let p = |a, b, c, d| Position {
            lineno: a,
            end_lineno: b,
            col_offset: c,
            end_col_offset: d,
        };
        let units = vec![
            p(1, 1, 0, 5),
            p(1, 1, 0, 5),
            p(0, 0, 0, 0),
            p(300, 302, 4, 1000),
            p(2, 2, 7, 3),
            p(2, 2, 7, 3),
            p(2, 2, 7, 3),
        ];
        let ps = Positions::from_units(&units);
        assert_eq!(ps.len(), units.len());
        assert_eq!(ps.iter().collect::<Vec<_>>(), units);
        for (i, u) in units.iter().enumerate() {
            assert_eq!(ps.get(i), Some(*u));
        }
        assert_eq!(ps.get(units.len()), None);
        assert_eq!(ps.runs().count(), 4);
        assert_eq!(Positions::from_runs(ps.runs()), ps);
    }
}

impl CodeObject {
    #[inline]
    pub fn decode(unit: u32) -> (Option<Opcode>, u32) {
        (Opcode::from_u8(unit as u8), unit >> 8)
    }
    #[inline]
    pub fn encode(op: Opcode, oparg: u32) -> u32 {
        debug_assert!(oparg < (1 << 24));
        op as u32 | (oparg << 8)
    }
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }
}
