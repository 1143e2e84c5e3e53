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
    fr._reserved = [0; 3];
    let slots = f.slots(nlocalsplus as usize);
    let n = args.len().min(slots.len());
    slots[..n].copy_from_slice(&args[..n]);
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

/// The stack of frames of ordinary calls: chunks that never move, used LIFO.
pub struct FrameStack {
    chunks: Vec<Box<[u64]>>,
    /// (chunk index, word offset) of each pushed frame, for popping.
    marks: Vec<(usize, usize)>,
    chunk: usize,
    top: usize,
}

impl Default for FrameStack {
    fn default() -> Self {
        Self::new()
    }
}

impl FrameStack {
    pub fn new() -> Self {
        FrameStack {
            chunks: vec![vec![0u64; CHUNK_WORDS].into_boxed_slice()],
            marks: Vec::new(),
            chunk: 0,
            top: 0,
        }
    }

    /// Reserves a frame of `words` words (header included) and returns its memory.
    #[inline(always)]
    pub fn push(&mut self, words: usize) -> &mut [u64] {
        if self.top + words > self.chunks[self.chunk].len() {
            self.next_chunk(words);
        }
        self.marks.push((self.chunk, self.top));
        let start = self.top;
        self.top += words;
        &mut self.chunks[self.chunk][start..start + words]
    }

    #[cold]
    fn next_chunk(&mut self, words: usize) {
        self.chunk += 1;
        if self.chunk == self.chunks.len() {
            let size = CHUNK_WORDS.max(words);
            self.chunks.push(vec![0u64; size].into_boxed_slice());
        } else if self.chunks[self.chunk].len() < words {
            self.chunks[self.chunk] = vec![0u64; words].into_boxed_slice();
        }
        self.top = 0;
    }

    /// Pops the most recently pushed frame.
    #[inline]
    pub fn pop(&mut self) {
        if let Some((c, t)) = self.marks.pop() {
            self.chunk = c;
            self.top = t;
        }
    }

    pub fn depth(&self) -> usize {
        self.marks.len()
    }
}

/// The frame's locals dict (module and class bodies), NULL for function frames. Kept in the two
/// reserved header words at offsets 56..64 (`Frame::_reserved[1..3]`).
pub fn locals(f: FramePtr) -> Value {
    let r = &f.get()._reserved;
    Value(r[1] as u64 | (r[2] as u64) << 32)
}

pub fn set_locals(f: FramePtr, v: Value) {
    let r = &mut f.get()._reserved;
    r[1] = v.0 as u32;
    r[2] = (v.0 >> 32) as u32;
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
