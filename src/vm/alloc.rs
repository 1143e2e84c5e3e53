//! Object memory: small objects come from per-size-class free lists carved out of 64 KiB slabs
//! (objects die in bulk at each sweep, and reusing their blocks is much cheaper than malloc/free
//! churn); larger ones go to the system allocator. Part of the GC (unsafe allowed here).

use std::alloc::{alloc, dealloc, Layout};

const GRAIN: usize = 16;
const CLASSES: usize = 16; // blocks up to 256 bytes
const SLAB: usize = 64 * 1024;

pub struct SlabAlloc {
    free: Vec<Vec<*mut u8>>,
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
            free: (0..=CLASSES).map(|_| Vec::new()).collect(),
            slabs: Vec::new(),
        }
    }

    #[inline]
    fn class(size: usize) -> usize {
        size.div_ceil(GRAIN)
    }

    /// A block of at least `size` bytes, 16-byte aligned.
    #[inline]
    pub fn alloc(&mut self, size: usize) -> *mut u8 {
        let c = Self::class(size);
        if c <= CLASSES {
            if let Some(p) = self.free[c].pop() {
                return p;
            }
            self.refill(c);
            return self.free[c].pop().expect("refilled");
        }
        // SAFETY: size > 0 and the layout is valid (size rounded by the allocator, align 16).
        let p = unsafe { alloc(Layout::from_size_align(size, GRAIN).expect("layout")) };
        if p.is_null() {
            std::alloc::handle_alloc_error(Layout::from_size_align(size, GRAIN).unwrap());
        }
        p
    }

    fn refill(&mut self, c: usize) {
        let layout = Layout::from_size_align(SLAB, GRAIN).expect("layout");
        // SAFETY: non-zero size, valid alignment.
        let base = unsafe { alloc(layout) };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        self.slabs.push(base);
        let bs = c * GRAIN;
        let n = SLAB / bs;
        let list = &mut self.free[c];
        list.reserve(n);
        for i in (0..n).rev() {
            // SAFETY: i * bs + bs <= SLAB, so the block lies inside the slab.
            list.push(unsafe { base.add(i * bs) });
        }
    }

    /// Returns a block obtained from `alloc(size)`.
    #[inline]
    pub fn release(&mut self, p: *mut u8, size: usize) {
        let c = Self::class(size);
        if c <= CLASSES {
            self.free[c].push(p);
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
