//! Object memory: small objects come from per-size-class free lists carved out of 64 KiB slabs
//! (objects die in bulk at each sweep, and reusing their blocks is much cheaper than malloc/free
//! churn); larger ones go to the system allocator. Part of the GC (unsafe allowed here).
//!
//! A free block holds the address of the next free block of its class in its first word (an
//! intrusive list: no side vector to grow, a freed block is reused first while it is still in
//! cache). A new slab is handed out from a bump pointer, so its pages are touched only as objects
//! are placed in them.

use std::alloc::{alloc, dealloc, Layout};

const GRAIN: usize = 16;
const CLASSES: usize = 16; // blocks up to 256 bytes
const SLAB: usize = 64 * 1024;

pub struct SlabAlloc {
    /// Head of each class's free list (null: empty).
    free: [*mut u8; CLASSES + 1],
    /// Unused tail of each class's newest slab: [next, end).
    bump: [(*mut u8, *mut u8); CLASSES + 1],
    slabs: Vec<*mut u8>,
}

impl Default for SlabAlloc {
    fn default() -> Self {
        Self::new()
    }
}

impl SlabAlloc {
    pub fn new() -> Self {
        SlabAlloc {
            free: [std::ptr::null_mut(); CLASSES + 1],
            bump: [(std::ptr::null_mut(), std::ptr::null_mut()); CLASSES + 1],
            slabs: Vec::new(),
        }
    }

    #[inline]
    fn class(size: usize) -> usize {
        size.div_ceil(GRAIN)
    }

    /// The bytes a block for `size` bytes really takes (its size class), for the GC's accounting.
    #[inline]
    pub const fn block_size(size: usize) -> usize {
        if size.div_ceil(GRAIN) <= CLASSES {
            size.div_ceil(GRAIN) * GRAIN
        } else {
            size
        }
    }

    /// Number of 64 KiB slabs taken from the system allocator.
    pub fn slab_count(&self) -> usize {
        self.slabs.len()
    }

    /// A block of at least `size` bytes, 16-byte aligned.
    #[inline]
    pub fn alloc(&mut self, size: usize) -> *mut u8 {
        let c = Self::class(size);
        if c <= CLASSES {
            let p = self.free[c];
            if !p.is_null() {
                // SAFETY: `p` is a free block of this class; its first word holds the next free
                // block (written by `release`), and blocks are 16-byte aligned.
                self.free[c] = unsafe { *(p as *mut *mut u8) };
                return p;
            }
            return self.bump_alloc(c);
        }
        // SAFETY: size > 0 and the layout is valid (size rounded by the allocator, align 16).
        let p = unsafe { alloc(Layout::from_size_align(size, GRAIN).expect("layout")) };
        if p.is_null() {
            std::alloc::handle_alloc_error(Layout::from_size_align(size, GRAIN).unwrap());
        }
        p
    }

    fn bump_alloc(&mut self, c: usize) -> *mut u8 {
        let bs = c * GRAIN;
        let (next, end) = self.bump[c];
        if !next.is_null() && (end as usize) - (next as usize) >= bs {
            // SAFETY: next + bs <= end, the end of this class's newest slab.
            self.bump[c].0 = unsafe { next.add(bs) };
            return next;
        }
        let layout = Layout::from_size_align(SLAB, GRAIN).expect("layout");
        // SAFETY: non-zero size, valid alignment.
        let base = unsafe { alloc(layout) };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        self.slabs.push(base);
        // SAFETY: the slab is SLAB bytes long and bs <= 256 < SLAB; blocks that would cross the
        // end are never handed out (the check above).
        self.bump[c] = unsafe { (base.add(bs), base.add(SLAB)) };
        base
    }

    /// Returns a block obtained from `alloc(size)`.
    #[inline]
    pub fn release(&mut self, p: *mut u8, size: usize) {
        let c = Self::class(size);
        if c <= CLASSES {
            // SAFETY: `p` is a dead block of at least 16 bytes, 16-byte aligned: its first word
            // can hold the list link.
            unsafe { *(p as *mut *mut u8) = self.free[c] };
            self.free[c] = p;
        } else {
            // SAFETY: `p` came from `alloc` with this same size and alignment.
            unsafe { dealloc(p, Layout::from_size_align(size, GRAIN).expect("layout")) }
        }
    }
}

impl Drop for SlabAlloc {
    fn drop(&mut self) {
        let layout = Layout::from_size_align(SLAB, GRAIN).expect("layout");
        for &s in &self.slabs {
            // SAFETY: every slab was allocated with this layout and is no longer used.
            unsafe { dealloc(s, layout) }
        }
    }
}
