//! A compact binary form of [`CodeObject`] for the bytecode cache (`__pycache__/*.cpjit-311.pyc`).
//!
//! The format is cpjit's own (not CPython's marshal): LEB128 varints for every integer, UTF-8
//! strings and byte strings as a length then the bytes, floats as their 8 little-endian bytes, and
//! one tag byte per constant. [`magic`] hashes the opcode table (names, numbers, operand kinds,
//! inline cache sizes, families) with [`FORMAT_VERSION`], so a change to either makes every
//! existing cache file stale without anyone remembering to bump a number.
//!
//! Reading never trusts the input: every length is checked against the bytes left, every tag and
//! string is validated, recursion is bounded, and [`validate`] checks that the code object is one
//! the interpreter can run without indexing out of bounds (opargs within consts/names/localsplus,
//! jump targets on instruction boundaries, inline caches zero, the value stack within
//! `stacksize` on every path). Any failure is an `Err`, never a panic.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};

use super::code::{CodeObject, ConstValue, ExceptionEntry, LazyBody, Position, Positions};
use super::opcode::{OpInfo, OperandKind, OPCODES};
use super::opcode::{Opcode, FIRST_SPECIALIZED};

/// Bumped whenever the byte layout written here changes, or what the compiler writes into it
/// (a file holds compiled code: files an older compiler wrote would otherwise keep its output,
/// e.g. its constant numbering, until their source changes). 5: 3.11's constant trimming and
/// exception-table ranges.
pub const FORMAT_VERSION: u32 = 5;

/// Nesting limit for constants and code objects (tuples in tuples, functions in functions).
const MAX_DEPTH: u32 = 200;

/// 64-bit FNV-1a: the magic number's hash.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv_update(0xcbf2_9ce4_8422_2325, bytes)
}

/// The cache's payload checksum: a word-at-a-time multiply-xorshift hash (8 bytes per step;
/// each step is a bijection of the state, so a change confined to one word always changes it).
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = 0x6A09_E667_F3BC_C908u64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K);
        h ^= h >> 29;
    }
    let mut w = [0u8; 8];
    w[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K);
    h ^ (h >> 32)
}

fn fnv_update(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The cache files' magic number: a hash of the opcode table and [`FORMAT_VERSION`] (computed
/// once: every import checks it).
pub fn magic() -> u32 {
    static MAGIC: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *MAGIC.get_or_init(|| magic_of(OPCODES, FORMAT_VERSION))
}

/// The magic number a given opcode table and format version would have.
pub fn magic_of(table: &[OpInfo], version: u32) -> u32 {
    let mut h = fnv1a64(b"cpjit-pyc");
    h = fnv_update(h, &version.to_le_bytes());
    for info in table {
        h = fnv_update(h, info.name.as_bytes());
        h = fnv_update(
            h,
            &[
                0xFF,
                info.number,
                info.cache,
                info.deopt as u8,
                operand_code(info.operand),
            ],
        );
        // The stack effects too, at a few opargs (a changed effect changes `stacksize`).
        for a in [0u32, 1, 2, 3, 7, 0x105] {
            for j in [false, true] {
                let (p, q) = (info.stack)(a, j);
                h = fnv_update(h, &p.to_le_bytes());
                h = fnv_update(h, &q.to_le_bytes());
            }
        }
    }
    (h ^ (h >> 32)) as u32
}

fn operand_code(k: OperandKind) -> u8 {
    match k {
        OperandKind::None => 0,
        OperandKind::Const => 1,
        OperandKind::Local => 2,
        OperandKind::Name => 3,
        OperandKind::GlobalName => 4,
        OperandKind::Format => 5,
        OperandKind::Jump => 6,
        OperandKind::Count => 7,
        OperandKind::Cmp => 8,
        OperandKind::BinOp => 9,
        OperandKind::Raw => 10,
    }
}

/// Why a cache payload was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

type R<T> = Result<T, DecodeError>;

fn err<T>(msg: impl Into<String>) -> R<T> {
    Err(DecodeError(msg.into()))
}

mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const ELLIPSIS: u8 = 3;
    pub const SMALL_INT: u8 = 4;
    pub const BIG_INT: u8 = 5;
    pub const FLOAT: u8 = 6;
    pub const COMPLEX: u8 = 7;
    pub const STR: u8 = 8;
    pub const BYTES: u8 = 9;
    pub const TUPLE: u8 = 10;
    pub const FROZENSET: u8 = 11;
    pub const CODE: u8 = 12;
}

// ---------------------------------------------------------------------------------------------
// Writing

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn uv(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7F) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(b);
                return;
            }
            self.out.push(b | 0x80);
        }
    }
    fn bytes(&mut self, b: &[u8]) {
        self.uv(b.len() as u64);
        self.out.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn f64(&mut self, f: f64) {
        self.out.extend_from_slice(&f.to_bits().to_le_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.uv(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }

    fn konst(&mut self, c: &ConstValue) {
        match c {
            ConstValue::None => self.out.push(tag::NONE),
            ConstValue::Bool(false) => self.out.push(tag::FALSE),
            ConstValue::Bool(true) => self.out.push(tag::TRUE),
            ConstValue::Ellipsis => self.out.push(tag::ELLIPSIS),
            ConstValue::Int(i) => match i64::try_from(i) {
                Ok(v) => {
                    self.out.push(tag::SMALL_INT);
                    self.uv(((v << 1) ^ (v >> 63)) as u64);
                }
                Err(_) => {
                    self.out.push(tag::BIG_INT);
                    let (sign, mag) = i.to_bytes_le();
                    self.out.push(u8::from(sign == Sign::Minus));
                    self.bytes(&mag);
                }
            },
            ConstValue::Float(f) => {
                self.out.push(tag::FLOAT);
                self.f64(*f);
            }
            ConstValue::Complex { real, imag } => {
                self.out.push(tag::COMPLEX);
                self.f64(*real);
                self.f64(*imag);
            }
            ConstValue::Str(s) => {
                self.out.push(tag::STR);
                self.str(s);
            }
            ConstValue::Bytes(b) => {
                self.out.push(tag::BYTES);
                self.bytes(b);
            }
            ConstValue::Tuple(items) | ConstValue::FrozenSet(items) => {
                let t = if matches!(c, ConstValue::Tuple(_)) {
                    tag::TUPLE
                } else {
                    tag::FROZENSET
                };
                self.out.push(t);
                self.uv(items.len() as u64);
                for i in items {
                    self.konst(i);
                }
            }
            ConstValue::Code(co) => {
                self.out.push(tag::CODE);
                self.code(co);
            }
        }
    }

    fn code(&mut self, co: &CodeObject) {
        // The header: what the VM reads of a code object before it first runs it (making a
        // function of it, binding a call's arguments). The loader decodes nested code objects'
        // headers eagerly and their bodies on first use (`LazyBody`).
        self.str(&co.name);
        self.str(&co.qualname);
        for v in [
            co.firstlineno,
            co.argcount,
            co.posonlyargcount,
            co.kwonlyargcount,
            co.flags,
            co.stacksize,
        ] {
            self.uv(v as u64);
        }
        self.strs(&co.localsplusnames);
        self.bytes(&co.localspluskinds);
        // The docstring (co_consts[0] when a str), which MAKE_FUNCTION reads.
        let doc = match (&co.lazy, co.consts.first()) {
            (Some(l), _) => l.doc.as_deref(),
            (None, Some(ConstValue::Str(d))) => Some(d.as_str()),
            _ => None,
        };
        match doc {
            Some(d) => {
                self.out.push(1);
                self.str(d);
            }
            None => self.out.push(0),
        }
        // The body, length-prefixed so that a reader can step over it (one not decoded yet is
        // its bytes as read).
        if let Some(l) = &co.lazy {
            self.bytes(&l.data[l.start..l.end]);
            return;
        }
        let mut body = Writer { out: Vec::new() };
        body.body(co);
        self.bytes(&body.out);
    }

    fn body(&mut self, co: &CodeObject) {
        // Instructions only: their inline cache units are zero (checked on reading) and are
        // recreated from the opcode table.
        self.uv(co.code.len() as u64);
        // Each as its opcode byte, then the oparg (a varint): no shifting on reading, and the
        // common small oparg takes one byte.
        let mut i = 0;
        while i < co.code.len() {
            let unit = co.code[i];
            self.out.push(unit as u8);
            self.uv((unit >> 8) as u64);
            let cache = CodeObject::decode(unit)
                .0
                .map_or(0, |o| o.info().cache as usize);
            i += 1 + cache;
        }
        self.uv(co.consts.len() as u64);
        for c in &co.consts {
            self.konst(c);
        }
        self.strs(&co.names);
        self.uv(co.exception_table.len() as u64);
        for e in &co.exception_table {
            for v in [e.start, e.end, e.target, e.depth] {
                self.uv(v as u64);
            }
            self.out.push(e.lasti as u8);
        }
        // Positions: runs of equal positions (an instruction and its cache units share one),
        // each a length then its four fields as zigzag deltas from the previous run's.
        let runs: Vec<(u32, Position)> = co.positions.runs().collect();
        self.uv(runs.len() as u64);
        let mut prev = [0u32; 4];
        for (n, p) in runs {
            self.uv(n as u64);
            let cur = [p.lineno, p.end_lineno, p.col_offset, p.end_col_offset];
            for k in 0..4 {
                let d = cur[k] as i64 - prev[k] as i64;
                self.uv(((d << 1) ^ (d >> 63)) as u64);
            }
            prev = cur;
        }
    }
}

/// The code object (and every nested one) as bytes; `co_filename` is not stored (the loader
/// gives the source's path, as CPython rewrites `co_filename` of a moved `.pyc`).
pub fn serialize(co: &CodeObject) -> Vec<u8> {
    let mut w = Writer { out: Vec::new() };
    w.code(co);
    w.out
}

// ---------------------------------------------------------------------------------------------
// Reading

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    filename: Rc<str>,
    /// Reading lazily: the whole payload (nested code objects' bodies are left in it, see
    /// `CodeObject::lazy`), and where `b` starts in it.
    lazy: Option<(&'a Rc<[u8]>, usize)>,
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.b.len() - self.pos
    }
    fn u8(&mut self) -> R<u8> {
        match self.b.get(self.pos) {
            Some(&v) => {
                self.pos += 1;
                Ok(v)
            }
            None => err("truncated"),
        }
    }
    #[inline]
    fn uv(&mut self) -> R<u64> {
        if let Some(&b) = self.b.get(self.pos) {
            if b < 0x80 {
                self.pos += 1;
                return Ok(b as u64);
            }
        }
        self.uv_long()
    }
    fn uv_long(&mut self) -> R<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            let bits = (b & 0x7F) as u64;
            if shift == 63 && bits > 1 {
                return err("varint overflow");
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        err("varint too long")
    }
    /// Whether the varint just read, from `at`, is in its shortest form (what `Positions`
    /// writes): one byte, or a last byte with bits set.
    #[inline(always)]
    fn shortest_since(&self, at: usize) -> bool {
        self.pos - at == 1 || self.b[self.pos - 1] != 0
    }
    fn u32(&mut self) -> R<u32> {
        u32::try_from(self.uv()?).or_else(|_| err("value out of range"))
    }
    /// A count of items that each take at least one byte.
    fn len(&mut self) -> R<usize> {
        let n = self.uv()?;
        if n > self.left() as u64 {
            return err("length beyond the end of the data");
        }
        Ok(n as usize)
    }
    fn raw(&mut self, n: usize) -> R<&[u8]> {
        if n > self.left() {
            return err("truncated");
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn bytes(&mut self) -> R<Vec<u8>> {
        let n = self.len()?;
        Ok(self.raw(n)?.to_vec())
    }
    fn str(&mut self) -> R<String> {
        let b = self.bytes()?;
        String::from_utf8(b).or_else(|_| err("invalid UTF-8"))
    }
    fn f64(&mut self) -> R<f64> {
        let b = self.raw(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_bits(u64::from_le_bytes(a)))
    }
    fn strs(&mut self) -> R<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.str()).collect()
    }

    fn konst(&mut self, depth: u32) -> R<ConstValue> {
        if depth > MAX_DEPTH {
            return err("constants nested too deeply");
        }
        Ok(match self.u8()? {
            tag::NONE => ConstValue::None,
            tag::FALSE => ConstValue::Bool(false),
            tag::TRUE => ConstValue::Bool(true),
            tag::ELLIPSIS => ConstValue::Ellipsis,
            tag::SMALL_INT => {
                let z = self.uv()?;
                ConstValue::Int(BigInt::from(((z >> 1) as i64) ^ -((z & 1) as i64)))
            }
            tag::BIG_INT => {
                let sign = match self.u8()? {
                    0 => Sign::Plus,
                    1 => Sign::Minus,
                    _ => return err("bad int sign"),
                };
                let mag = self.bytes()?;
                ConstValue::Int(BigInt::from_bytes_le(sign, &mag))
            }
            tag::FLOAT => ConstValue::Float(self.f64()?),
            tag::COMPLEX => ConstValue::Complex {
                real: self.f64()?,
                imag: self.f64()?,
            },
            tag::STR => ConstValue::Str(self.str()?),
            tag::BYTES => ConstValue::Bytes(self.bytes()?),
            t @ (tag::TUPLE | tag::FROZENSET) => {
                let n = self.len()?;
                let items = (0..n)
                    .map(|_| self.konst(depth + 1))
                    .collect::<R<Vec<_>>>()?;
                if t == tag::TUPLE {
                    ConstValue::Tuple(items)
                } else {
                    ConstValue::FrozenSet(items)
                }
            }
            tag::CODE => ConstValue::Code(Rc::new(self.code(depth + 1)?)),
            t => return err(format!("unknown constant tag {t}")),
        })
    }

    fn code(&mut self, depth: u32) -> R<CodeObject> {
        if depth > MAX_DEPTH {
            return err("code objects nested too deeply");
        }
        let name = self.str()?;
        let qualname = self.str()?;
        let firstlineno = self.u32()?;
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let flags = self.u32()?;
        let stacksize = self.u32()?;
        let localsplusnames = self.strs()?;
        let localspluskinds = self.bytes()?;
        let doc = match self.u8()? {
            0 => None,
            1 => Some(self.str()?),
            _ => return err("bad docstring tag"),
        };
        let n = self.len()?;
        let body_at = self.pos;
        self.raw(n)?;
        let whole: &'a [u8] = self.b;
        let body = &whole[body_at..body_at + n];
        let mut co = CodeObject {
            name,
            qualname,
            filename: self.filename.to_string(),
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            code: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            localsplusnames,
            localspluskinds,
            stacksize,
            exception_table: Vec::new(),
            positions: Positions::default(),
            lazy: None,
        };
        match self.lazy {
            Some((data, base)) if depth > 0 => {
                co.lazy = Some(LazyBody {
                    data: data.clone(),
                    start: base + body_at,
                    end: base + body_at + n,
                    depth,
                    doc,
                });
                validate_header(&co)?;
            }
            lazy => {
                let mut r = Reader {
                    b: body,
                    pos: 0,
                    filename: self.filename.clone(),
                    lazy: lazy.map(|(data, base)| (data, base + body_at)),
                };
                r.body(&mut co, depth)?;
                check_body(&co, r.pos == n, doc.as_ref())?;
            }
        }
        Ok(co)
    }

    /// Fills in `co`'s body (what `Writer::body` wrote).
    fn body(&mut self, co: &mut CodeObject, depth: u32) -> R<()> {
        // Code units: each instruction takes at least a byte and brings at most 255 cache units.
        let n = self.uv()?;
        if n > self.left() as u64 * 256 {
            return err("code length beyond the end of the data");
        }
        let n = n as usize;
        let mut code = Vec::with_capacity(n);
        while code.len() < n {
            let Some(op) = Opcode::from_u8(self.u8()?) else {
                return err("unknown opcode");
            };
            let arg = self.uv()?;
            if arg >= 1 << 24 {
                return err("oparg out of range");
            }
            code.push(CodeObject::encode(op, arg as u32));
            // (Not `resize`, which stays out of line: this runs for every instruction.)
            static ZEROS: [u32; 256] = [0; 256];
            code.extend_from_slice(&ZEROS[..op.cache_units()]);
        }
        if code.len() != n {
            return err("inline cache beyond the end of the code");
        }
        let n = self.len()?;
        co.consts = (0..n).map(|_| self.konst(depth)).collect::<R<Vec<_>>>()?;
        co.names = self.strs()?;
        let n = self.len()?;
        let mut exception_table = Vec::with_capacity(n);
        for _ in 0..n {
            let (start, end, target, depth) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            let lasti = match self.u8()? {
                0 => false,
                1 => true,
                _ => return err("bad exception-table lasti"),
            };
            exception_table.push(ExceptionEntry {
                start,
                end,
                target,
                depth,
                lasti,
            });
        }
        co.exception_table = exception_table;
        let runs = self.len()?;
        // The runs are `Positions`' own encoding, checked here run by run. When they are also
        // exactly what `Positions::from_runs` writes (no empty runs, no equal neighbours, each
        // varint in its shortest form: every file cpjit wrote), the bytes are taken as they
        // are; else the checked bytes are read back through `Positions::runs` and re-encoded.
        let start = self.pos;
        let mut canonical = true;
        let mut covered = 0usize;
        let mut prev = [0u32; 4];
        for i in 0..runs {
            let at = self.pos;
            let count = self.uv()?;
            canonical &= count != 0 && self.shortest_since(at);
            if count > (code.len() - covered) as u64 {
                return err("more positions than code units");
            }
            covered += count as usize;
            let mut cur = [0u32; 4];
            for k in 0..4 {
                let at = self.pos;
                let z = self.uv()?;
                canonical &= self.shortest_since(at);
                let d = ((z >> 1) as i64) ^ -((z & 1) as i64);
                cur[k] = u32::try_from(prev[k] as i64 + d).or_else(|_| err("bad position"))?;
            }
            canonical &= i == 0 || cur != prev;
            prev = cur;
        }
        let stored = Positions::from_encoded(covered as u32, &self.b[start..self.pos]);
        co.positions = if canonical {
            stored
        } else {
            Positions::from_runs(stored.runs())
        };
        co.code = code;
        Ok(())
    }
}

/// Reads what [`serialize`] wrote, giving every code object `filename`; validates each code
/// object (see [`validate`]) and rejects trailing bytes.
pub fn deserialize(bytes: &[u8], filename: &str) -> Result<CodeObject, DecodeError> {
    read_top(bytes, filename, None)
}

/// As [`deserialize`], but nested code objects come with their headers only (checked) and
/// their bodies left in `payload` (`CodeObject::lazy`), for [`decode_body`] when each is first
/// needed: an import then decodes and validates only the functions the program runs.
pub fn deserialize_lazy(payload: &Rc<[u8]>, filename: &str) -> Result<CodeObject, DecodeError> {
    read_top(payload, filename, Some((payload, 0)))
}

fn read_top(
    bytes: &[u8],
    filename: &str,
    lazy: Option<(&Rc<[u8]>, usize)>,
) -> Result<CodeObject, DecodeError> {
    let mut r = Reader {
        b: bytes,
        pos: 0,
        filename: filename.into(),
        lazy,
    };
    let co = r.code(0)?;
    if r.pos != bytes.len() {
        return err("trailing bytes");
    }
    Ok(co)
}

/// The whole code object of `header`, one [`deserialize_lazy`] left undecoded (its own nested
/// code objects undecoded in turn), validated as [`deserialize`] validates each code object.
pub fn decode_body(header: &CodeObject) -> Result<CodeObject, DecodeError> {
    let Some(l) = &header.lazy else {
        return Ok(header.clone());
    };
    let mut r = Reader {
        b: &l.data[l.start..l.end],
        pos: 0,
        filename: header.filename.as_str().into(),
        lazy: Some((&l.data, l.start)),
    };
    let mut co = CodeObject {
        lazy: None,
        ..header.clone()
    };
    r.body(&mut co, l.depth)?;
    check_body(&co, r.pos == l.end - l.start, l.doc.as_ref())?;
    Ok(co)
}

/// The checks on a decoded body: read to its end, the header's docstring its first constant,
/// and the whole code object valid.
fn check_body(co: &CodeObject, at_end: bool, doc: Option<&String>) -> R<()> {
    if !at_end {
        return err("trailing bytes in a code object's body");
    }
    let first_str = match co.consts.first() {
        Some(ConstValue::Str(s)) => Some(s),
        _ => None,
    };
    if doc != first_str {
        return err("docstring differs from the first constant");
    }
    validate_one(co)
}

// ---------------------------------------------------------------------------------------------
// Validation

/// Checks that `co` and every nested code object is safe to run: what the compiler guarantees
/// for its own output, checked again for code read from disk.
pub fn validate(co: &CodeObject) -> Result<(), DecodeError> {
    validate_one(co)?;
    for c in &co.consts {
        validate_const(c, 0)?;
    }
    Ok(())
}

fn validate_const(c: &ConstValue, depth: u32) -> R<()> {
    if depth > MAX_DEPTH {
        return err("constants nested too deeply");
    }
    match c {
        ConstValue::Code(co) => validate(co),
        ConstValue::Tuple(v) | ConstValue::FrozenSet(v) => {
            v.iter().try_for_each(|c| validate_const(c, depth + 1))
        }
        _ => Ok(()),
    }
}

/// The checks on one code object's header: what the VM reads before the code first runs
/// (`CodeObject::lazy`), checked when it is read.
fn validate_header(co: &CodeObject) -> R<()> {
    use super::code::slot_kind;
    let nlocals = co.localsplusnames.len();
    if co.localspluskinds.len() != nlocals {
        return err("localsplus names and kinds differ in length");
    }
    let kind_bits = slot_kind::LOCAL | slot_kind::CELL | slot_kind::FREE;
    if co
        .localspluskinds
        .iter()
        .any(|&k| k & !kind_bits != 0 || k == 0)
    {
        return err("bad localsplus kind");
    }
    let varargs = (co.flags & super::code::flags::CO_VARARGS != 0) as u64;
    let varkw = (co.flags & super::code::flags::CO_VARKEYWORDS != 0) as u64;
    let nargs = co.argcount as u64 + co.kwonlyargcount as u64 + varargs + varkw;
    if nargs > nlocals as u64 || co.posonlyargcount > co.argcount {
        return err("argument counts exceed the local slots");
    }
    if co.stacksize > 1 << 20 {
        return err("stacksize too large");
    }
    Ok(())
}

/// The checks on one code object (nested ones are checked as they are read, or as their bodies
/// are decoded when read lazily).
fn validate_one(co: &CodeObject) -> R<()> {
    if co.lazy.is_some() {
        return validate_header(co);
    }
    validate_header(co)?;
    let n = co.code.len();
    let nlocals = co.localsplusnames.len();
    if co.positions.len() != n {
        return err("positions and code differ in length");
    }
    if n == 0 {
        return err("empty code");
    }
    // Instruction boundaries; every opcode generic (the specializer makes the others at run
    // time) with its inline cache units zero.
    let mut start = vec![false; n];
    // Jump targets, checked once every instruction boundary is known.
    let mut jumps: Vec<(usize, u32)> = Vec::new();
    let mut i = 0;
    while i < n {
        let (op, arg) = CodeObject::decode(co.code[i]);
        let Some(op) = op else {
            return err(format!("unknown opcode at {i}"));
        };
        if op as u8 >= FIRST_SPECIALIZED {
            return err("specialized instruction in cached code");
        }
        start[i] = true;
        let info = op.info();
        let cache = info.cache as usize;
        if i + 1 + cache > n || co.code[i + 1..i + 1 + cache].iter().any(|&u| u != 0) {
            return err(format!("bad inline cache after {i}"));
        }
        let ok = match info.operand {
            OperandKind::Const => (arg as usize) < co.consts.len(),
            OperandKind::Local => (arg as usize) < nlocals,
            OperandKind::Name => (arg as usize) < co.names.len(),
            OperandKind::GlobalName => ((arg >> 1) as usize) < co.names.len(),
            OperandKind::Jump => (arg as usize) < n,
            OperandKind::Cmp => arg <= 5,
            OperandKind::BinOp => arg < 26,
            OperandKind::Format => arg <= 7,
            OperandKind::Count | OperandKind::Raw | OperandKind::None => true,
        };
        if !ok {
            return err(format!("oparg {arg} out of range for {} at {i}", info.name));
        }
        let ok = match op {
            Opcode::COPY => arg >= 1,
            Opcode::SWAP => arg >= 2,
            Opcode::COPY_FREE_VARS => (arg as usize) <= nlocals,
            Opcode::KW_NAMES => match &co.consts[arg as usize] {
                ConstValue::Tuple(t) => t.iter().all(|c| matches!(c, ConstValue::Str(_))),
                _ => false,
            },
            _ => true,
        };
        if !ok {
            return err(format!("bad oparg {arg} for {} at {i}", info.name));
        }
        if op.is_jump() {
            jumps.push((i, arg));
        }
        i += 1 + cache;
    }
    for e in &co.exception_table {
        let (s, t) = (e.start as usize, e.target as usize);
        if e.start > e.end || e.end as usize > n || t >= n || !start[t] || (s < n && !start[s]) {
            return err("bad exception-table entry");
        }
        if e.depth > co.stacksize {
            return err("exception-table depth beyond stacksize");
        }
    }
    for (i, arg) in jumps {
        if !start[arg as usize] {
            return err(format!("jump into an inline cache at {i}"));
        }
    }
    check_stack(co, &start)
}

/// Follows every path through the code (handlers entered at their table depth) and checks that
/// no instruction pops below the bottom, reaches deeper than it, or pushes beyond `stacksize`,
/// and that control never runs off the end.
fn check_stack(co: &CodeObject, start: &[bool]) -> R<()> {
    let n = co.code.len();
    let max = co.stacksize as i64;
    let mut depth_at: Vec<i32> = vec![-1; n];
    let mut work: Vec<(usize, i64)> = vec![(0, 0)];
    let mut added = vec![false; co.exception_table.len()];
    loop {
        // Each work item is followed along its straight line of code; only branch targets
        // (and handlers, below) go on the work list.
        while let Some((mut i, mut d)) = work.pop() {
            loop {
                if i >= n || !start[i] {
                    return err("control reaches a non-instruction");
                }
                if depth_at[i] >= 0 {
                    if depth_at[i] as i64 != d {
                        return err(format!("inconsistent stack depth at {i}"));
                    }
                    break;
                }
                // `d` is within 0..=stacksize (at most 1 << 20, checked above).
                depth_at[i] = d as i32;
                let (op, arg) = CodeObject::decode(co.code[i]);
                let Some(op) = op else {
                    return err("unknown opcode");
                };
                let info = op.info();
                // How deep below the top the instruction reads, beyond what it pops.
                let reach = match op {
                    Opcode::LIST_APPEND
                    | Opcode::SET_ADD
                    | Opcode::LIST_EXTEND
                    | Opcode::SET_UPDATE
                    | Opcode::DICT_UPDATE
                    | Opcode::RERAISE => arg as i64 + 1,
                    Opcode::MAP_ADD => arg as i64 + 2,
                    // The callee, for its error message (CPython's PEEK(2 + oparg) after the pop).
                    Opcode::DICT_MERGE => arg as i64 + 3,
                    _ => 0,
                };
                if reach > d {
                    return err(format!("{} reads below the stack at {i}", info.name));
                }
                let next = i + 1 + info.cache as usize;
                if op.is_jump() {
                    let (p, q) = (info.stack)(arg, true);
                    let t = d - p as i64 + q as i64;
                    if d < p as i64 || t > max {
                        return err(format!("stack out of bounds at {i}"));
                    }
                    work.push((arg as usize, t));
                }
                if op.is_terminator() {
                    break;
                }
                let (p, q) = (info.stack)(arg, false);
                let t = d - p as i64 + q as i64;
                if d < p as i64 || t > max {
                    return err(format!("stack out of bounds at {i}"));
                }
                if next >= n {
                    return err("control runs off the end of the code");
                }
                (i, d) = (next, t);
            }
        }
        // Handlers: entered with the entry's depth, the raising index if `lasti`, and the
        // exception. Only entries covering reachable code count; repeated until no new handler
        // becomes reachable (a try inside an except block).
        for (k, e) in co.exception_table.iter().enumerate() {
            if added[k] {
                continue;
            }
            let covered = (e.start as usize..e.end as usize).any(|i| depth_at[i] >= 0);
            if covered {
                added[k] = true;
                let d = e.depth as i64 + e.lasti as i64 + 1;
                if d > max {
                    return err("handler depth beyond stacksize");
                }
                work.push((e.target as usize, d));
            }
        }
        if work.is_empty() {
            return Ok(());
        }
    }
}
