//! pickle's fast paths in Rust, for trees of plain built-in values (CPython's `_pickle.c` does
//! all of pickling in C; cpjit runs `pickle.py`, whose per-opcode Python costs ~100x C's):
//!
//! - `_cpjit.pickle_dumps(obj, protocol)`: the pickle `pickle.dumps(obj, protocol)` makes, for
//!   protocols 2–5, when `obj` is built only of exact `None`, `bool`, `int`, `float`, `str`,
//!   `bytes` (protocol 3+), `tuple`, `list`, `dict`, `set` and `frozenset` (protocol 4+);
//!   None for anything else (another type, a str with a lone surrogate), and `pickle.py` then
//!   does the whole job; nesting past the recursion limit raises C's RecursionError (its
//!   `_Py_EnterRecursiveCall` accounting: `Pickler::remaining`). The output is byte for byte
//!   `_pickle.c`'s (`save`, `save_long`, `write_unicode_binary`, `batch_list_exact`,
//!   `batch_dict_exact`, `save_set`, `save_frozenset`, `memo_put`/`memo_get`, and its framing:
//!   `_Pickler_Write`, `_Pickler_OpcodeBoundary`, `_Pickler_CommitFrame`,
//!   `_Pickler_write_bytes`), which for a list of 1001 items or a dict of exactly 1000 differs
//!   from `pickle.py`'s.
//! - `_cpjit.pickle_loads(data)`: `(obj,)` for a pickle made only of the opcodes such values
//!   need (and protocol 0–5's binary forms of them), the message of C's UnpicklingError for a
//!   stack underflow, a missing MARK, odd SETITEMS or a frame past the data, and None for
//!   anything else (another opcode, a truncated pickle, an unhashable key) so that `pickle.py`
//!   loads it and raises its errors. Nothing here runs Python code (every hash and comparison is of built-in values
//!   this function made), so no collection can happen while it holds values in Rust locals.

use crate::rtlib::surrogate;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;
use num_bigint::BigInt;

pub fn install(vm: &mut Vm, m: Value) {
    super::def(vm, m, "pickle_dumps", pickle_dumps);
    super::def(vm, m, "pickle_loads", pickle_loads);
}

// Opcodes (pickle.py's names).
const MARK: u8 = b'(';
const STOP: u8 = b'.';
const POP: u8 = b'0';
const POP_MARK: u8 = b'1';
const BINFLOAT: u8 = b'G';
const BININT: u8 = b'J';
const BININT1: u8 = b'K';
const BININT2: u8 = b'M';
const NONE: u8 = b'N';
const BINUNICODE: u8 = b'X';
const APPEND: u8 = b'a';
const EMPTY_DICT: u8 = b'}';
const APPENDS: u8 = b'e';
const BINGET: u8 = b'h';
const LONG_BINGET: u8 = b'j';
const EMPTY_LIST: u8 = b']';
const BINPUT: u8 = b'q';
const LONG_BINPUT: u8 = b'r';
const SETITEM: u8 = b's';
const TUPLE: u8 = b't';
const EMPTY_TUPLE: u8 = b')';
const SETITEMS: u8 = b'u';
const PROTO: u8 = 0x80;
const TUPLE1: u8 = 0x85;
const TUPLE2: u8 = 0x86;
const TUPLE3: u8 = 0x87;
const NEWTRUE: u8 = 0x88;
const NEWFALSE: u8 = 0x89;
const LONG1: u8 = 0x8a;
const LONG4: u8 = 0x8b;
const BINBYTES: u8 = b'B';
const SHORT_BINBYTES: u8 = b'C';
const SHORT_BINUNICODE: u8 = 0x8c;
const BINUNICODE8: u8 = 0x8d;
const BINBYTES8: u8 = 0x8e;
const EMPTY_SET: u8 = 0x8f;
const ADDITEMS: u8 = 0x90;
const FROZENSET: u8 = 0x91;
const MEMOIZE: u8 = 0x94;
const FRAME: u8 = 0x95;

/// `_pickle.c`'s BATCHSIZE, FRAME_SIZE_MIN, FRAME_SIZE_TARGET and FRAME_HEADER_SIZE.
const BATCHSIZE: usize = 1000;
const FRAME_SIZE_MIN: usize = 4;
const FRAME_SIZE_TARGET: usize = 64 * 1024;
const FRAME_HEADER_SIZE: usize = 9;

/// Why the fast path stopped.
enum Stop {
    /// Not handled here: `pickle.py` does it.
    Unhandled,
    /// Nesting past the recursion limit: C's RecursionError.
    Recursion,
    /// A malformed pickle's UnpicklingError, with `_pickle.c`'s message (raised where C raises
    /// it: everything before it in the pickle is what this module handles).
    Malformed(&'static str),
}
use Stop::Unhandled;

/// Memo keys for `''` and `b''`, of which CPython has one object each (a pickle memoizes the
/// first and refers to it after), however many cpjit has made; any other object's key is its
/// address (below 2^48, `Value`'s pointer range).
const KEY_EMPTY_STR: u64 = 0xFFFF << 48;
const KEY_EMPTY_BYTES: u64 = 0xFFFE << 48;

struct Pickler<'v> {
    vm: &'v Vm,
    proto: u8,
    out: Vec<u8>,
    framing: bool,
    /// Where the open frame's header starts (`frame_start`, -1 in C when none is open).
    frame_start: Option<usize>,
    /// Memo: `memo_key` -> index (only heap objects are memoized).
    memo: crate::vm::fxhash::FxHashMap<u64, u32>,
    /// Recursion levels left (C's `recursion_remaining`): each container saved takes one, a
    /// non-empty list or dict a second for its items (`save`, `save_list`, `save_dict`).
    remaining: usize,
}

fn memo_key(vm: &Vm, obj: Value) -> u64 {
    let ty = vm.type_of(obj);
    if ty == vm.t.str_ && as_str(obj).is_some_and(|s| s.s.is_empty()) {
        KEY_EMPTY_STR
    } else if ty == vm.t.bytes && as_bytes(obj).is_some_and(|b| b.is_empty()) {
        KEY_EMPTY_BYTES
    } else {
        obj.0
    }
}

impl Pickler<'_> {
    fn write(&mut self, data: &[u8]) {
        if self.framing && self.frame_start.is_none() {
            self.frame_start = Some(self.out.len());
            self.out.extend_from_slice(&[0xFE; FRAME_HEADER_SIZE]);
        }
        self.out.extend_from_slice(data);
    }

    fn commit_frame(&mut self) {
        if !self.framing {
            return;
        }
        let Some(start) = self.frame_start.take() else {
            return;
        };
        let len = self.out.len() - start - FRAME_HEADER_SIZE;
        if len >= FRAME_SIZE_MIN {
            self.out[start] = FRAME;
            self.out[start + 1..start + 9].copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + FRAME_HEADER_SIZE);
        }
    }

    /// `_Pickler_OpcodeBoundary`, at the start of every `save`.
    fn opcode_boundary(&mut self) {
        if let (true, Some(start)) = (self.framing, self.frame_start) {
            if self.out.len() - start - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET {
                self.commit_frame();
            }
        }
    }

    /// `_Pickler_write_bytes`: a payload of a frame's size or more goes outside any frame.
    fn write_bytes(&mut self, header: &[u8], data: &[u8]) {
        let bypass = data.len() >= FRAME_SIZE_TARGET;
        let framing = self.framing;
        if bypass {
            self.commit_frame();
            self.framing = false;
        }
        self.write(header);
        self.write(data);
        self.framing = framing;
    }

    fn memo_put(&mut self, obj: Value) {
        let idx = self.memo.len();
        self.memo.insert(memo_key(self.vm, obj), idx as u32);
        if self.proto >= 4 {
            self.write(&[MEMOIZE]);
        } else if idx < 256 {
            self.write(&[BINPUT, idx as u8]);
        } else {
            let mut b = [LONG_BINPUT, 0, 0, 0, 0];
            b[1..].copy_from_slice(&(idx as u32).to_le_bytes());
            self.write(&b);
        }
    }

    fn memo_get(&mut self, idx: u32) {
        if idx < 256 {
            self.write(&[BINGET, idx as u8]);
        } else {
            let mut b = [LONG_BINGET, 0, 0, 0, 0];
            b[1..].copy_from_slice(&idx.to_le_bytes());
            self.write(&b);
        }
    }

    /// `_Py_EnterRecursiveCall` around `f`.
    fn nested(&mut self, f: impl FnOnce(&mut Self) -> Result<(), Stop>) -> Result<(), Stop> {
        if self.remaining == 0 {
            return Err(Stop::Recursion);
        }
        self.remaining -= 1;
        let r = f(self);
        self.remaining += 1;
        r
    }

    fn save(&mut self, obj: Value) -> Result<(), Stop> {
        self.opcode_boundary();
        let vm = self.vm;
        // Atoms, never memoized.
        if obj == vm.none {
            self.write(&[NONE]);
            return Ok(());
        }
        if obj == vm.true_ || obj == vm.false_ {
            self.write(&[if obj == vm.true_ { NEWTRUE } else { NEWFALSE }]);
            return Ok(());
        }
        if obj.is_small_int() {
            self.save_long_i64(obj.as_small_int());
            return Ok(());
        }
        if obj.is_float() {
            let mut b = [BINFLOAT, 0, 0, 0, 0, 0, 0, 0, 0];
            b[1..].copy_from_slice(&obj.as_f64().to_be_bytes());
            self.write(&b);
            return Ok(());
        }
        if !obj.is_ptr() {
            return Err(Unhandled);
        }
        let ty = vm.type_of(obj);
        if ty == vm.t.int {
            let b = as_bigint(obj).ok_or(Unhandled)?;
            self.save_long_big(b);
            return Ok(());
        }
        if let Some(&idx) = self.memo.get(&memo_key(vm, obj)) {
            self.memo_get(idx);
            return Ok(());
        }
        if ty == vm.t.str_ {
            return self.save_str(obj);
        }
        if ty == vm.t.bytes {
            if self.proto < 3 {
                return Err(Unhandled);
            }
            let data = as_bytes(obj).ok_or(Unhandled)?;
            let n = data.len();
            let mut h = [0u8; 9];
            let hl = if n <= 0xff {
                h[0] = SHORT_BINBYTES;
                h[1] = n as u8;
                2
            } else if n <= 0xffff_ffff {
                h[0] = BINBYTES;
                h[1..5].copy_from_slice(&(n as u32).to_le_bytes());
                5
            } else {
                h[0] = BINBYTES8;
                h[1..9].copy_from_slice(&(n as u64).to_le_bytes());
                9
            };
            self.write_bytes(&h[..hl], data);
            self.memo_put(obj);
            return Ok(());
        }
        if (ty == vm.t.set || ty == vm.t.frozenset) && self.proto < 4 {
            return Err(Unhandled);
        }
        if ty == vm.t.dict {
            self.nested(|p| p.save_dict(obj))
        } else if ty == vm.t.set {
            self.nested(|p| p.save_set(obj))
        } else if ty == vm.t.frozenset {
            self.nested(|p| p.save_frozenset(obj))
        } else if ty == vm.t.list {
            self.nested(|p| p.save_list(obj))
        } else if ty == vm.t.tuple {
            self.nested(|p| p.save_tuple(obj))
        } else {
            Err(Unhandled)
        }
    }

    fn save_long_i64(&mut self, x: i64) {
        if (0..=0xff).contains(&x) {
            self.write(&[BININT1, x as u8]);
        } else if (0..=0xffff).contains(&x) {
            let b = (x as u16).to_le_bytes();
            self.write(&[BININT2, b[0], b[1]]);
        } else if i32::try_from(x).is_ok() {
            let mut b = [BININT, 0, 0, 0, 0];
            b[1..].copy_from_slice(&(x as i32).to_le_bytes());
            self.write(&b);
        } else {
            // The fewest bytes of two's complement (what C's nbits/8 + 1, trimmed, gives).
            let bytes = x.to_le_bytes();
            let mut n = 8;
            while n > 1 {
                let top = bytes[n - 1];
                let next_sign = bytes[n - 2] & 0x80 != 0;
                if (top == 0 && !next_sign) || (top == 0xff && next_sign) {
                    n -= 1;
                } else {
                    break;
                }
            }
            self.write(&[LONG1, n as u8]);
            self.write(&bytes[..n]);
        }
    }

    fn save_long_big(&mut self, b: &BigInt) {
        if let Ok(x) = i64::try_from(b) {
            self.save_long_i64(x);
            return;
        }
        let bytes = b.to_signed_bytes_le();
        let n = bytes.len();
        if n < 256 {
            self.write(&[LONG1, n as u8]);
        } else {
            let mut h = [LONG4, 0, 0, 0, 0];
            h[1..].copy_from_slice(&(n as u32).to_le_bytes());
            self.write(&h);
        }
        self.write(&bytes);
    }

    fn save_str(&mut self, obj: Value) -> Result<(), Stop> {
        let s = &as_str(obj).ok_or(Unhandled)?.s;
        // A lone surrogate (stored as its stand-in) needs surrogatepass: pickle.py's encode.
        if surrogate::has_standin(s) {
            return Err(Unhandled);
        }
        let data = s.as_bytes();
        let n = data.len();
        let mut h = [0u8; 9];
        let hl = if n <= 0xff && self.proto >= 4 {
            h[0] = SHORT_BINUNICODE;
            h[1] = n as u8;
            2
        } else if n <= 0xffff_ffff {
            h[0] = BINUNICODE;
            h[1..5].copy_from_slice(&(n as u32).to_le_bytes());
            5
        } else if self.proto >= 4 {
            h[0] = BINUNICODE8;
            h[1..9].copy_from_slice(&(n as u64).to_le_bytes());
            9
        } else {
            return Err(Unhandled);
        };
        self.write_bytes(&h[..hl], data);
        self.memo_put(obj);
        Ok(())
    }

    fn save_tuple(&mut self, obj: Value) -> Result<(), Stop> {
        let items: &[Value] = as_tuple(obj).ok_or(Unhandled)?;
        let len = items.len();
        if len == 0 {
            self.write(&[EMPTY_TUPLE]);
            return Ok(());
        }
        let short = len <= 3;
        if !short {
            self.write(&[MARK]);
        }
        for &item in items {
            self.save(item)?;
        }
        // Recursive: the tuple reached itself through a container its items hold.
        if let Some(&idx) = self.memo.get(&memo_key(self.vm, obj)) {
            if short {
                for _ in 0..len {
                    self.write(&[POP]);
                }
            } else {
                self.write(&[POP_MARK]);
            }
            self.memo_get(idx);
            return Ok(());
        }
        self.write(&[match len {
            1 => TUPLE1,
            2 => TUPLE2,
            3 => TUPLE3,
            _ => TUPLE,
        }]);
        self.memo_put(obj);
        Ok(())
    }

    fn save_list(&mut self, obj: Value) -> Result<(), Stop> {
        self.write(&[EMPTY_LIST]);
        self.memo_put(obj);
        let len = as_list(obj).ok_or(Unhandled)?.len();
        if len == 0 {
            return Ok(());
        }
        // (No Python code runs while saving, so the list cannot change under the loop; it is
        // read in place at each step all the same.)
        self.nested(|p| p.batch_list(obj))
    }

    fn batch_list(&mut self, obj: Value) -> Result<(), Stop> {
        let item = |i: usize| as_list(obj).and_then(|l| l.get(i).copied());
        if item(1).is_none() {
            self.save(item(0).ok_or(Unhandled)?)?;
            self.write(&[APPEND]);
            return Ok(());
        }
        let mut total = 0;
        loop {
            self.write(&[MARK]);
            let mut batch = 0;
            while let Some(v) = item(total) {
                self.save(v)?;
                total += 1;
                batch += 1;
                if batch == BATCHSIZE {
                    break;
                }
            }
            self.write(&[APPENDS]);
            if item(total).is_none() {
                return Ok(());
            }
        }
    }

    fn save_dict(&mut self, obj: Value) -> Result<(), Stop> {
        self.write(&[EMPTY_DICT]);
        self.memo_put(obj);
        let entries: Vec<(Value, Value)> = as_dict(obj)
            .ok_or(Unhandled)?
            .table
            .iter()
            .map(|e| (e.key, e.value))
            .collect();
        if entries.is_empty() {
            return Ok(());
        }
        self.nested(|p| p.batch_dict(entries))
    }

    fn batch_dict(&mut self, entries: Vec<(Value, Value)>) -> Result<(), Stop> {
        if entries.len() == 1 {
            self.save(entries[0].0)?;
            self.save(entries[0].1)?;
            self.write(&[SETITEM]);
            return Ok(());
        }
        // C's loop: a batch ends after BATCHSIZE items, and one ending so is followed by
        // another, empty if nothing is left (MARK SETITEMS).
        let mut it = entries.into_iter();
        loop {
            self.write(&[MARK]);
            let mut batch = 0;
            for (k, v) in it.by_ref() {
                self.save(k)?;
                self.save(v)?;
                batch += 1;
                if batch == BATCHSIZE {
                    break;
                }
            }
            self.write(&[SETITEMS]);
            if batch != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn set_items(obj: Value) -> Result<Vec<Value>, Stop> {
        Ok(as_set(obj)
            .ok_or(Unhandled)?
            .table
            .iter()
            .map(|(k, _)| *k)
            .collect())
    }

    fn save_set(&mut self, obj: Value) -> Result<(), Stop> {
        self.write(&[EMPTY_SET]);
        self.memo_put(obj);
        let items = Self::set_items(obj)?;
        if items.is_empty() {
            return Ok(());
        }
        let mut it = items.into_iter();
        loop {
            self.write(&[MARK]);
            let mut batch = 0;
            for v in it.by_ref() {
                self.save(v)?;
                batch += 1;
                if batch == BATCHSIZE {
                    break;
                }
            }
            self.write(&[ADDITEMS]);
            if batch != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn save_frozenset(&mut self, obj: Value) -> Result<(), Stop> {
        self.write(&[MARK]);
        for v in Self::set_items(obj)? {
            self.save(v)?;
        }
        if let Some(&idx) = self.memo.get(&memo_key(self.vm, obj)) {
            self.write(&[POP_MARK]);
            self.memo_get(idx);
            return Ok(());
        }
        self.write(&[FROZENSET]);
        self.memo_put(obj);
        Ok(())
    }
}

/// `pickle_dumps(obj, protocol)`: the pickle's bytes, or None (module doc).
fn pickle_dumps(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "pickle_dumps", a, k, 0, 2, 2)?;
    let proto = if a[1] == vm.none {
        4
    } else if a[1].is_small_int() {
        match a[1].as_small_int() {
            p @ 2..=5 => p as u8,
            p if p < 0 => 5,
            _ => return Ok(vm.none),
        }
    } else {
        return Ok(vm.none);
    };
    let mut p = Pickler {
        vm,
        proto,
        out: Vec::with_capacity(64),
        framing: false,
        frame_start: None,
        memo: Default::default(),
        // (Called from pickle's `_dumps`, one Python frame more than C's `dumps`.)
        remaining: vm
            .recursion_limit
            .saturating_sub(vm.depth.saturating_sub(1)),
    };
    p.write(&[PROTO, proto]);
    p.framing = proto >= 4;
    match p.save(a[0]) {
        Ok(()) => {}
        Err(Stop::Unhandled | Stop::Malformed(_)) => return Ok(vm.none),
        Err(Stop::Recursion) => {
            return Err(vm.err(
                "RecursionError",
                "maximum recursion depth exceeded while pickling an object",
            ))
        }
    }
    p.write(&[STOP]);
    p.commit_frame();
    let out = p.out;
    Ok(vm.new_bytes(out))
}

/// The unpickler's state: the input, the stack with its marks, the memo.
struct Unpickler<'d> {
    data: &'d [u8],
    pos: usize,
    stack: Vec<Value>,
    marks: Vec<usize>,
    memo: crate::vm::fxhash::FxHashMap<u32, Value>,
}

impl<'d> Unpickler<'d> {
    fn read(&mut self, n: usize) -> Result<&'d [u8], Stop> {
        let end = self.pos.checked_add(n).ok_or(Unhandled)?;
        let s = self.data.get(self.pos..end).ok_or(Unhandled)?;
        self.pos = end;
        Ok(s)
    }

    fn byte(&mut self) -> Result<u8, Stop> {
        Ok(self.read(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, Stop> {
        Ok(u32::from_le_bytes(self.read(4)?.try_into().unwrap()))
    }

    fn u64(&mut self) -> Result<u64, Stop> {
        Ok(u64::from_le_bytes(self.read(8)?.try_into().unwrap()))
    }

    fn len64(&mut self) -> Result<usize, Stop> {
        usize::try_from(self.u64()?).map_err(|_| Unhandled)
    }

    /// `Pdata_stack_underflow`: nothing above the last mark (the fence) to take.
    fn underflow(&self) -> Stop {
        Stop::Malformed(if self.marks.is_empty() {
            "unpickling stack underflow"
        } else {
            "unexpected MARK found"
        })
    }

    fn pop(&mut self) -> Result<Value, Stop> {
        if self.stack.len() <= self.marks.last().copied().unwrap_or(0) {
            return Err(self.underflow());
        }
        self.stack.pop().ok_or(Unhandled)
    }

    fn top(&self) -> Result<Value, Stop> {
        if self.stack.len() <= self.marks.last().copied().unwrap_or(0) {
            return Err(self.underflow());
        }
        self.stack.last().copied().ok_or(Unhandled)
    }

    /// The items above the last mark, removed with it (`marker`).
    fn pop_mark(&mut self) -> Result<Vec<Value>, Stop> {
        let m = self
            .marks
            .pop()
            .ok_or(Stop::Malformed("could not find MARK"))?;
        Ok(self.stack.split_off(m))
    }

    fn memo_put(&mut self, idx: u32) -> Result<(), Stop> {
        let v = self.top()?;
        self.memo.insert(idx, v);
        Ok(())
    }

    fn memo_get(&mut self, idx: u32) -> Result<(), Stop> {
        let v = *self.memo.get(&idx).ok_or(Unhandled)?;
        self.stack.push(v);
        Ok(())
    }

    fn str(&mut self, vm: &mut Vm, n: usize) -> Result<(), Stop> {
        let raw = self.read(n)?;
        // Strict UTF-8 without stand-in characters; anything else (surrogatepass) is pickle.py's.
        let s = std::str::from_utf8(raw).map_err(|_| Unhandled)?;
        if surrogate::has_standin(s) {
            return Err(Unhandled);
        }
        let v = vm.new_str(s);
        self.stack.push(v);
        Ok(())
    }

    fn bytes(&mut self, vm: &mut Vm, n: usize) -> Result<(), Stop> {
        let raw = self.read(n)?.to_vec();
        let v = vm.new_bytes(raw);
        self.stack.push(v);
        Ok(())
    }

    fn long(&mut self, vm: &mut Vm, n: usize) -> Result<(), Stop> {
        let raw = self.read(n)?;
        let v = vm.new_bigint(BigInt::from_signed_bytes_le(raw));
        self.stack.push(v);
        Ok(())
    }

    fn run(&mut self, vm: &mut Vm) -> Result<Value, Stop> {
        loop {
            let op = self.byte()?;
            match op {
                PROTO => {
                    if self.byte()? > 5 {
                        return Err(Unhandled);
                    }
                }
                FRAME => {
                    // As `_pickle.c`'s load_frame: the frame's bytes must be there; opcodes are
                    // read on regardless of where frames end (pickle.py's unframer is stricter).
                    let n = self.u64()?;
                    if n > i64::MAX as u64 {
                        return Err(Unhandled);
                    }
                    if n > (i64::MAX as u64) - self.pos as u64 {
                        return Err(Stop::Malformed("read would overflow (invalid bytecode)"));
                    }
                    if self.pos + n as usize > self.data.len() {
                        return Err(Stop::Malformed("pickle data was truncated"));
                    }
                }
                STOP => return self.pop(),
                NONE => self.stack.push(vm.none),
                NEWTRUE => self.stack.push(vm.true_),
                NEWFALSE => self.stack.push(vm.false_),
                BININT => {
                    let x = self.u32()? as i32;
                    self.stack.push(vm.new_int(x as i64));
                }
                BININT1 => {
                    let x = self.byte()?;
                    self.stack.push(vm.new_int(x as i64));
                }
                BININT2 => {
                    let b = self.read(2)?;
                    let x = u16::from_le_bytes([b[0], b[1]]);
                    self.stack.push(vm.new_int(x as i64));
                }
                LONG1 => {
                    let n = self.byte()? as usize;
                    self.long(vm, n)?;
                }
                LONG4 => {
                    let n = self.u32()? as i32;
                    if n < 0 {
                        return Err(Unhandled);
                    }
                    self.long(vm, n as usize)?;
                }
                BINFLOAT => {
                    let b = self.read(8)?;
                    let f = f64::from_be_bytes(b.try_into().unwrap());
                    self.stack.push(vm.new_float(f));
                }
                SHORT_BINUNICODE | BINUNICODE | BINUNICODE8 | SHORT_BINBYTES | BINBYTES
                | BINBYTES8 => {
                    // The length: one byte, four or eight.
                    let n = match op {
                        SHORT_BINUNICODE | SHORT_BINBYTES => self.byte()? as usize,
                        BINUNICODE | BINBYTES => self.u32()? as usize,
                        _ => self.len64()?,
                    };
                    if matches!(op, SHORT_BINUNICODE | BINUNICODE | BINUNICODE8) {
                        self.str(vm, n)?;
                    } else {
                        self.bytes(vm, n)?;
                    }
                }
                EMPTY_TUPLE => {
                    let v = vm.new_tuple(Vec::new());
                    self.stack.push(v);
                }
                TUPLE1 | TUPLE2 | TUPLE3 => {
                    let n = (op - TUPLE1 + 1) as usize;
                    let mut items = vec![Value::NULL; n];
                    for slot in items.iter_mut().rev() {
                        *slot = self.pop()?;
                    }
                    let v = vm.new_tuple(items);
                    self.stack.push(v);
                }
                MARK => self.marks.push(self.stack.len()),
                TUPLE => {
                    let items = self.pop_mark()?;
                    let v = vm.new_tuple(items);
                    self.stack.push(v);
                }
                EMPTY_LIST => {
                    let v = vm.new_list(Vec::new());
                    self.stack.push(v);
                }
                APPEND => {
                    let v = self.pop()?;
                    let l = self.top()?;
                    as_list(l).ok_or(Unhandled)?.push(v);
                }
                APPENDS => {
                    let items = self.pop_mark()?;
                    let l = self.top()?;
                    let list = as_list(l).ok_or(Unhandled)?;
                    for v in items {
                        list.push(v);
                    }
                }
                EMPTY_DICT => {
                    let v = vm.new_dict();
                    self.stack.push(v);
                }
                SETITEM => {
                    let v = self.pop()?;
                    let key = self.pop()?;
                    let d = self.top()?;
                    self.dict_set(vm, d, key, v)?;
                }
                SETITEMS => {
                    let items = self.pop_mark()?;
                    if items.len() % 2 != 0 {
                        return Err(Stop::Malformed("odd number of items for SETITEMS"));
                    }
                    let d = self.top()?;
                    for kv in items.chunks(2) {
                        self.dict_set(vm, d, kv[0], kv[1])?;
                    }
                }
                EMPTY_SET => {
                    let v = vm.new_set(false);
                    self.stack.push(v);
                }
                ADDITEMS => {
                    let items = self.pop_mark()?;
                    let s = self.top()?;
                    for v in items {
                        self.set_add(vm, s, v)?;
                    }
                }
                FROZENSET => {
                    let items = self.pop_mark()?;
                    let s = vm.new_set(true);
                    for v in items {
                        self.set_add(vm, s, v)?;
                    }
                    self.stack.push(s);
                }
                MEMOIZE => {
                    let idx = u32::try_from(self.memo.len()).map_err(|_| Unhandled)?;
                    self.memo_put(idx)?;
                }
                BINPUT => {
                    let idx = self.byte()? as u32;
                    self.memo_put(idx)?;
                }
                LONG_BINPUT => {
                    let idx = self.u32()?;
                    self.memo_put(idx)?;
                }
                BINGET => {
                    let idx = self.byte()? as u32;
                    self.memo_get(idx)?;
                }
                LONG_BINGET => {
                    let idx = self.u32()?;
                    self.memo_get(idx)?;
                }
                POP => {
                    // pickle.py: POP right after a MARK drops the mark.
                    match self.marks.last() {
                        Some(&m) if m == self.stack.len() => {
                            self.marks.pop();
                        }
                        _ => {
                            self.pop()?;
                        }
                    }
                }
                POP_MARK => {
                    self.pop_mark()?;
                }
                _ => return Err(Unhandled),
            }
        }
    }

    /// Only keys of the kinds this module makes (none of whose hashes or comparisons run
    /// Python code); anything else, and an unhashable key, is pickle.py's to do.
    fn plain_key(vm: &Vm, v: Value) -> bool {
        if v.is_small_int() || v.is_float() || !v.is_ptr() {
            return true;
        }
        let t = vm.type_of(v);
        if t == vm.t.str_ || t == vm.t.bytes || t == vm.t.int || t == vm.t.bool_ {
            return true;
        }
        if v == vm.none {
            return true;
        }
        if t == vm.t.tuple {
            return as_tuple(v).is_some_and(|items| items.iter().all(|&i| Self::plain_key(vm, i)));
        }
        if t == vm.t.frozenset {
            return as_set(v).is_some_and(|s| s.table.iter().all(|(&i, _)| Self::plain_key(vm, i)));
        }
        false
    }

    fn dict_set(&mut self, vm: &mut Vm, d: Value, k: Value, v: Value) -> Result<(), Stop> {
        if vm.type_of(d) != vm.t.dict || !Self::plain_key(vm, k) {
            return Err(Unhandled);
        }
        crate::vm::runtime::dict::dict_set(vm, d, k, v).map_err(|_| Unhandled)
    }

    fn set_add(&mut self, vm: &mut Vm, s: Value, v: Value) -> Result<(), Stop> {
        let t = vm.type_of(s);
        if (t != vm.t.set && t != vm.t.frozenset) || !Self::plain_key(vm, v) {
            return Err(Unhandled);
        }
        crate::vm::runtime::set::set_add(vm, s, v)
            .map(|_| ())
            .map_err(|_| Unhandled)
    }
}

/// `pickle_loads(data)`: `(obj,)`, None (module doc), or the message of the UnpicklingError to
/// raise.
fn pickle_loads(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "pickle_loads", a, k, 0, 1, 1)?;
    let t = vm.type_of(a[0]);
    if t != vm.t.bytes && t != vm.t.bytearray {
        return Ok(vm.none);
    }
    // A copy: nothing here runs Python code, but the buffer must not be borrowed while values
    // are allocated.
    let Some(data) = crate::vm::types::memoryview::buffer_bytes(a[0]).map(|d| d.to_vec()) else {
        return Ok(vm.none);
    };
    let mut u = Unpickler {
        data: &data,
        pos: 0,
        stack: Vec::new(),
        marks: Vec::new(),
        memo: Default::default(),
    };
    match u.run(vm) {
        Ok(v) => Ok(vm.new_tuple(vec![v])),
        Err(Stop::Malformed(message)) => Ok(vm.new_str(message)),
        Err(_) => Ok(vm.none),
    }
}
