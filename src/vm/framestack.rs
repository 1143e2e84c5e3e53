//! Frame storage: frames of ordinary calls live on a contiguous, chunked frame stack; generator
//! frames live in their generator object. Both are a `Frame` header followed by `nlocalsplus +
//! stacksize` value words. This module turns frame pointers into references (it is part of the
//! object layout code).

use super::frame::Frame;
use super::value::Value;

/// Words of the frame header before `localsplus`.
pub const HEADER_WORDS: usize = std::mem::size_of::<Frame>() / 8;
const CHUNK_WORDS: usize = 1 << 20;

const _: () = assert!(std::mem::size_of::<Frame>() % 8 == 0);

/// A pointer to a live frame (on the frame stack or inside a generator).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FramePtr(pub *mut Frame);

impl FramePtr {
    pub const NULL: FramePtr = FramePtr(std::ptr::null_mut());

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0.is_null()
    }
    /// The frame header.
    #[inline(always)]
    pub fn get<'a>(self) -> &'a mut Frame {
        // SAFETY: a non-null FramePtr points to a frame initialized by `init` whose storage (a
        // frame-stack chunk or a generator's box) outlives every use of the pointer: frames are
        // popped only after their execution ends, generator storage lives as long as the generator.
        unsafe { &mut *self.0 }
    }
    /// `localsplus` and the value stack: `nlocalsplus + stacksize` words.
    #[inline(always)]
    pub fn slots<'a>(self, len: usize) -> &'a mut [Value] {
        // SAFETY: as `get`; `init` reserved `len` words after the header (callers pass the code
        // object's nlocalsplus + stacksize).
        unsafe {
            let base = (self.0 as *mut u8).add(std::mem::size_of::<Frame>()) as *mut Value;
            std::slice::from_raw_parts_mut(base, len)
        }
    }
    /// `localsplus` and the value stack as the interpreter loop indexes them: [`Slots`], whose
    /// indexing by one position does not check bounds (see there why that is sound).
    #[inline(always)]
    pub fn slot_view(self, len: usize) -> Slots {
        let s = self.slots(len);
        Slots {
            base: s.as_mut_ptr(),
            len,
        }
    }
    /// The live values of the frame (locals and the used part of the stack), for the GC.
    pub fn live_values<'a>(self) -> &'a [Value] {
        let f = self.get();
        let n = (f.nlocalsplus + f.stack_depth) as usize;
        self.slots(n)
    }
    pub fn previous(self) -> FramePtr {
        FramePtr(self.get().previous)
    }
}

/// Writes a fresh frame header with all locals NULL into `mem` (at least HEADER_WORDS + nslots).
/// The value stack needs no clearing: only slots below `stack_depth` are ever read (by the GC),
/// and those were pushed by this frame.
pub fn init(
    mem: &mut [u64],
    code: Value,
    func: Value,
    globals: Value,
    nlocalsplus: u32,
) -> FramePtr {
    init_with_args(mem, code, func, globals, nlocalsplus, &[])
}

/// A fresh frame for an exact positional call: the header, then the arguments copied into the
/// first locals and the other locals NULL (no memset: frames are small).
#[inline(always)]
pub fn init_with_args(
    mem: &mut [u64],
    code: Value,
    func: Value,
    globals: Value,
    nlocalsplus: u32,
    args: &[Value],
) -> FramePtr {
    let p = mem.as_mut_ptr() as *mut Frame;
    let f = FramePtr(p);
    let fr = f.get();
    fr.code = code.0 as *const u8;
    fr.previous = std::ptr::null_mut();
    fr.globals = globals;
    fr.builtins = Value::NULL;
    fr.func = func;
    fr.instr_index = 0;
    fr.stack_depth = 0;
    fr.nlocalsplus = nlocalsplus;
    fr.flags = 0;
    fr._reserved = [0; 2];
    let slots = f.slots(nlocalsplus as usize);
    let n = args.len().min(slots.len());
    // Most calls pass a few arguments: an element loop beats a `memcpy` call for those.
    if n <= 4 {
        for (d, a) in slots.iter_mut().zip(&args[..n]) {
            *d = *a;
        }
    } else {
        slots[..n].copy_from_slice(&args[..n]);
    }
    for s in &mut slots[n..] {
        *s = Value::NULL;
    }
    f
}

/// The code object Value of a frame.
#[inline(always)]
pub fn frame_code(f: &Frame) -> Value {
    Value(f.code as u64)
}

/// The stack of frames of ordinary calls: chunks that never move, used LIFO. `repr(C)`:
/// compiled calls and returns push and pop frames in place (`base`, `top`, `len` at the
/// `VM_FRAMES_*` offsets of `vm::abi`, the frame stack being the first field of `Vm`).
#[repr(C)]
pub struct FrameStack {
    /// `chunks[chunk]`'s first word and length, kept in step with `chunk` (`select`): a push
    /// or pop on the call path reads them instead of indexing `chunks` (a boxed chunk never
    /// moves when `chunks` grows).
    base: *mut u64,
    /// The first free word in the chunk frames are pushed into. A pop finds its place again
    /// from the popped frame's address (no per-frame bookkeeping on the call path).
    top: usize,
    len: usize,
    chunks: Vec<Box<[u64]>>,
    chunk: usize,
}

const _: () = {
    use super::abi::*;
    use std::mem::offset_of;
    assert!(offset_of!(FrameStack, base) == VM_FRAMES_BASE_OFFSET as usize);
    assert!(offset_of!(FrameStack, top) == VM_FRAMES_TOP_OFFSET as usize);
    assert!(offset_of!(FrameStack, len) == VM_FRAMES_LEN_OFFSET as usize);
    assert!(std::mem::size_of::<FrameStack>() == VM_CURRENT_OFFSET as usize);
};

impl Default for FrameStack {
    fn default() -> Self {
        Self::new()
    }
}

impl FrameStack {
    pub fn new() -> Self {
        let mut s = FrameStack {
            chunks: vec![vec![0u64; CHUNK_WORDS].into_boxed_slice()],
            chunk: 0,
            top: 0,
            base: std::ptr::null_mut(),
            len: 0,
        };
        s.select(0);
        s
    }

    /// Makes `chunks[chunk]` the current chunk.
    fn select(&mut self, chunk: usize) {
        self.chunk = chunk;
        let c = &mut self.chunks[chunk];
        self.base = c.as_mut_ptr();
        self.len = c.len();
    }

    /// Reserves a frame of `words` words (header included) and returns its memory.
    #[inline(always)]
    pub fn push(&mut self, words: usize) -> &mut [u64] {
        if self.top + words > self.len {
            self.next_chunk(words);
        }
        let start = self.top;
        self.top += words;
        // SAFETY: `base` is the first of the current chunk's `len` words (`select`), and
        // `start + words <= len`; the chunk is owned by `chunks` and never moves, and the words
        // handed out are above every live frame's (the stack is used LIFO).
        unsafe { std::slice::from_raw_parts_mut(self.base.add(start), words) }
    }

    #[cold]
    fn next_chunk(&mut self, words: usize) {
        let next = self.chunk + 1;
        if next == self.chunks.len() {
            let size = CHUNK_WORDS.max(words);
            self.chunks.push(vec![0u64; size].into_boxed_slice());
        } else if self.chunks[next].len() < words {
            self.chunks[next] = vec![0u64; words].into_boxed_slice();
        }
        self.select(next);
        self.top = 0;
    }

    /// Pops `f`, the most recently pushed frame: the stack's top goes back to where `f` starts.
    #[inline(always)]
    pub fn pop(&mut self, f: FramePtr) {
        let offset = (f.0 as usize).wrapping_sub(self.base as usize) / 8;
        if offset < self.len {
            self.top = offset;
        } else {
            self.pop_to_earlier_chunk(f.0 as usize);
        }
    }

    /// `pop` of a frame in an earlier chunk (the frames after it filled the chunk it was in).
    #[cold]
    fn pop_to_earlier_chunk(&mut self, addr: usize) {
        while self.chunk > 0 {
            self.select(self.chunk - 1);
            let offset = addr.wrapping_sub(self.base as usize) / 8;
            if offset < self.len {
                self.top = offset;
                return;
            }
        }
        unreachable!("popped a frame that is not on the frame stack");
    }

    /// Where the next frame goes, for [`FrameStack::truncate`].
    pub fn mark(&self) -> (usize, usize) {
        (self.chunk, self.top)
    }

    /// Drops every frame pushed since `mark` was taken (unwinding after a panic).
    pub fn truncate(&mut self, mark: (usize, usize)) {
        self.select(mark.0);
        self.top = mark.1;
    }
}

/// The frame's locals dict (module and class bodies), NULL for function frames. Kept in the two
/// reserved header words at offsets 56..64 (`Frame::_reserved`).
pub fn locals(f: FramePtr) -> Value {
    let r = &f.get()._reserved;
    Value(r[0] as u64 | (r[1] as u64) << 32)
}

pub fn set_locals(f: FramePtr, v: Value) {
    let r = &mut f.get()._reserved;
    r[0] = v.0 as u32;
    r[1] = (v.0 >> 32) as u32;
}

/// A heap copy of frame `f` (`words` words, header included), for a generator to own.
pub fn copy_frame(f: FramePtr, words: usize) -> Box<[u64]> {
    // SAFETY: `f` is a live frame with `words` initialized words (the frame stack reserved them).
    let src = unsafe { std::slice::from_raw_parts(f.0 as *const u64, words) };
    let mut b = src.to_vec().into_boxed_slice();
    let nf = FramePtr(b.as_mut_ptr() as *mut Frame);
    nf.get().previous = std::ptr::null_mut();
    b
}

/// The frame stored in a generator's box.
pub fn boxed_frame(b: &mut [u64]) -> FramePtr {
    FramePtr(b.as_mut_ptr() as *mut Frame)
}

/// A running frame's value words (`localsplus`, then the value stack) as the interpreter loop
/// (`vm::eval::run_impl`) reads and writes them: `slots[i]` does not check `i` against the length.
///
/// Sound because every code object the VM runs has passed `bytecode::serialize::validate` (the
/// compiler's output as it leaves `compile::compile_module_with_warnings`, cached code as it is
/// read): every local operand indexes within `nlocalsplus`, and on every path through the code
/// the value stack stays between its bottom and `stacksize`, so no position the interpreter forms
/// from a valid instruction reaches past the frame's `nlocalsplus + stacksize + 1` words. Debug
/// builds check every index anyway. Ranges (`&slots[a..b]`, rarer: argument lists) are checked.
/// This is how CPython's `ceval.c` indexes its frames; the bounds checks it saves were a fifth
/// of the interpreter's instructions on float-heavy code (BENCHMARKS.md).
#[derive(Clone, Copy)]
pub struct Slots {
    base: *mut Value,
    len: usize,
}

impl Slots {
    #[inline(always)]
    pub fn as_slice<'a>(self) -> &'a mut [Value] {
        // SAFETY: `base` and `len` come from `FramePtr::slots` of a live frame (see there).
        unsafe { std::slice::from_raw_parts_mut(self.base, self.len) }
    }
    #[inline(always)]
    pub fn swap(&mut self, a: usize, b: usize) {
        let (x, y) = (self[a], self[b]);
        self[a] = y;
        self[b] = x;
    }
}

impl std::ops::Index<usize> for Slots {
    type Output = Value;
    #[inline(always)]
    fn index(&self, i: usize) -> &Value {
        debug_assert!(i < self.len, "slot {i} of {}", self.len);
        // SAFETY: `i < len` for every index formed from validated code (the type's doc); `base`
        // points to `len` initialized words of a live frame.
        unsafe { &*self.base.add(i) }
    }
}

impl std::ops::IndexMut<usize> for Slots {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut Value {
        debug_assert!(i < self.len, "slot {i} of {}", self.len);
        // SAFETY: as `index`.
        unsafe { &mut *self.base.add(i) }
    }
}

macro_rules! slots_range_index {
    ($($r:ty),*) => {$(
        impl std::ops::Index<$r> for Slots {
            type Output = [Value];
            #[inline(always)]
            fn index(&self, r: $r) -> &[Value] {
                &self.as_slice()[r]
            }
        }
        impl std::ops::IndexMut<$r> for Slots {
            #[inline(always)]
            fn index_mut(&mut self, r: $r) -> &mut [Value] {
                &mut self.as_slice()[r]
            }
        }
    )*};
}
slots_range_index!(
    std::ops::Range<usize>,
    std::ops::RangeTo<usize>,
    std::ops::RangeFrom<usize>
);
