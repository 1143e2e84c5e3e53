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
    ///
    /// # Safety
    /// `p` came from this allocator's `alloc(size)` with the same `size`, and nothing uses the
    /// block any more.
    #[inline]
    pub unsafe fn release(&mut self, p: *mut u8, size: usize) {
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

/// The process's global allocator: mimalloc, called the way Rust's own `System` allocator calls
/// malloc. `mimalloc::MiMalloc` sends every request through `mi_malloc_aligned`, whose generic
/// path cost ~60 instructions per small allocation in bm_nqueens (callgrind), where `mi_malloc`
/// takes ~20; mimalloc already aligns every block to 16 bytes (to its size when smaller), so the
/// aligned entry points are only needed above that.
pub struct Malloc;

/// What `mi_malloc` guarantees: blocks of 16 bytes or more are 16-byte aligned.
const MI_MIN_ALIGN: usize = 16;

#[inline]
fn plain(align: usize, size: usize) -> bool {
    align <= MI_MIN_ALIGN && align <= size
}

// SAFETY: every method forwards to mimalloc, which returns blocks valid for the requested size;
// the plain entry points are used only where their alignment guarantee covers `layout.align()`,
// and `mi_free` releases blocks from either family.
unsafe impl std::alloc::GlobalAlloc for Malloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi::mi_malloc(layout.size()) as *mut u8
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi::mi_zalloc(layout.size()) as *mut u8
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the GlobalAlloc contract).
        unsafe { libmimalloc_sys::mi_free(ptr as *mut std::ffi::c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: `ptr` came from this allocator with `layout` (the GlobalAlloc contract).
        unsafe {
            if plain(layout.align(), new_size) {
                mi::mi_realloc(ptr as *mut std::ffi::c_void, new_size) as *mut u8
            } else {
                mi::mi_realloc_aligned(ptr as *mut std::ffi::c_void, new_size, layout.align())
                    as *mut u8
            }
        }
    }
}
