//! Executable memory for compiled regions: one process-wide code arena of anonymous chunks
//! (memmap2) from which every region gets whole pages of its own. A region's pages are read-write
//! while its stencils are copied and patched, then read+execute (`mprotect`): never writable and
//! executable at once (W^X), and no page is shared by two regions, so making one region executable
//! never exposes another one being written. Freed pages go back to read-write and to the arena's
//! free list for the next region.
//!
//! Why an arena: a mapping per region cost an `mmap`, an `mprotect`, page faults on fresh pages
//! and an `munmap` (~20 us a region, more than the stitching of a small function); reusing pages
//! leaves one `mprotect` to make a region executable and one to free it.

use std::io;
use std::sync::Mutex;

use memmap2::MmapMut;
use rustix::mm::MprotectFlags;

/// Bytes reserved per chunk (larger regions get a chunk of their own size). Untouched pages of a
/// chunk cost no memory.
const CHUNK_BYTES: usize = 4 << 20;

/// A fresh read-write range of pages that code is copied and patched into.
pub struct WritableCode {
    base: usize,
    /// Bytes asked for (what `bytes_mut` exposes).
    len: usize,
    /// Bytes of whole pages owned.
    pages: usize,
}

/// A read+execute range holding finished code. Dropping it gives the pages back to the arena.
pub struct ExecutableCode {
    base: usize,
    len: usize,
    pages: usize,
}

struct Chunk {
    map: MmapMut,
    /// Read-write ranges not in use, (offset, length) sorted by offset, never adjacent.
    free: Vec<(usize, usize)>,
    /// The end of the part ever handed out: beyond it the chunk is still as mapped (zero).
    used_top: usize,
}

struct Arena {
    chunks: Vec<Chunk>,
}

static ARENA: Mutex<Arena> = Mutex::new(Arena { chunks: Vec::new() });

fn arena() -> std::sync::MutexGuard<'static, Arena> {
    // A panic while the lock was held left the free lists consistent (no step of `alloc` or
    // `release` panics between its updates), so a poisoned lock is still usable.
    ARENA.lock().unwrap_or_else(|p| p.into_inner())
}

/// The granule regions are allocated and protected in: x86-64's page, and on AArch64 the largest
/// page size Linux uses there (64 KiB, a multiple of the 4 and 16 KiB ones), so no page is ever
/// shared by two regions whatever the kernel's configuration. (A constant: rustix's
/// `page_size` reads the auxiliary vector in a way valgrind does not support.)
fn page_size() -> usize {
    if cfg!(target_arch = "aarch64") {
        64 << 10
    } else {
        4 << 10
    }
}

impl Arena {
    /// `pages` bytes (a multiple of the page size) of read-write memory; whether it was used
    /// before (then it is not zeroed).
    fn alloc(&mut self, pages: usize) -> io::Result<(usize, bool)> {
        for c in &mut self.chunks {
            let base = c.map.as_ptr() as usize;
            let Some(k) = c.free.iter().position(|&(_, len)| len >= pages) else {
                continue;
            };
            let (off, len) = c.free[k];
            if len == pages {
                c.free.remove(k);
            } else {
                c.free[k] = (off + pages, len - pages);
            }
            let reused = off < c.used_top;
            c.used_top = c.used_top.max(off + pages);
            return Ok((base + off, reused));
        }
        let size = CHUNK_BYTES.max(pages);
        let map = MmapMut::map_anon(size)?;
        let base = map.as_ptr() as usize;
        let mut free = Vec::new();
        if size > pages {
            free.push((pages, size - pages));
        }
        self.chunks.push(Chunk {
            map,
            free,
            used_top: pages,
        });
        Ok((base, false))
    }

    /// Gives back `pages` bytes at `addr` (already read-write).
    fn release(&mut self, addr: usize, pages: usize) {
        let Some(c) = self.chunks.iter_mut().find(|c| {
            let base = c.map.as_ptr() as usize;
            addr >= base && addr < base + c.map.len()
        }) else {
            return;
        };
        let off = addr - c.map.as_ptr() as usize;
        let k = c.free.partition_point(|&(o, _)| o < off);
        c.free.insert(k, (off, pages));
        // Merge with the next range, then with the previous one.
        if k + 1 < c.free.len() && c.free[k].0 + c.free[k].1 == c.free[k + 1].0 {
            c.free[k].1 += c.free[k + 1].1;
            c.free.remove(k + 1);
        }
        if k > 0 && c.free[k - 1].0 + c.free[k - 1].1 == c.free[k].0 {
            c.free[k - 1].1 += c.free[k].1;
            c.free.remove(k);
        }
    }
}

/// Changes the protection of an arena range.
///
/// # Safety
/// `addr..addr + pages` is a whole-page range of an arena chunk owned by the caller (allocated
/// and not released), with no live reference into its bytes.
unsafe fn protect(addr: usize, pages: usize, flags: MprotectFlags) -> io::Result<()> {
    // SAFETY: the caller's contract: the range is inside a live mapping of ours and nothing
    // reads or writes it through a Rust reference while its protection changes.
    unsafe { rustix::mm::mprotect(addr as *mut std::ffi::c_void, pages, flags) }
        .map_err(io::Error::from)
}

impl WritableCode {
    /// `len` bytes (at least one page) of zeroed read-write memory.
    pub fn new(len: usize) -> io::Result<WritableCode> {
        let page = page_size();
        let pages = len.max(1).div_ceil(page) * page;
        let (base, reused) = arena().alloc(pages)?;
        let mut w = WritableCode { base, len, pages };
        if reused {
            w.bytes_mut().fill(0);
        }
        Ok(w)
    }

    /// The address the code will run at (its pages keep their address when their protection
    /// changes).
    pub fn base(&self) -> u64 {
        self.base as u64
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: `base..base + len` lies in this value's own read-write pages of a chunk that
        // is never unmapped (the arena is process-wide), and `&mut self` makes the slice unique.
        unsafe { std::slice::from_raw_parts_mut(self.base as *mut u8, self.len) }
    }

    /// Makes the pages read+execute (`mprotect`; they stop being writable at the same moment)
    /// and synchronizes the instruction cache where the hardware needs it.
    pub fn into_executable(self) -> io::Result<ExecutableCode> {
        let (base, len, pages) = (self.base, self.len, self.pages);
        std::mem::forget(self);
        let x = ExecutableCode { base, len, pages };
        // SAFETY: the pages are this value's own; the writable slice's borrow ended with `self`.
        unsafe { protect(base, pages, MprotectFlags::READ | MprotectFlags::EXEC) }?;
        flush_icache(base, pages);
        Ok(x)
    }
}

impl Drop for WritableCode {
    fn drop(&mut self) {
        // Still read-write: straight back to the free list.
        arena().release(self.base, self.pages);
    }
}

impl ExecutableCode {
    pub fn base(&self) -> u64 {
        self.base as u64
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `base..base + len` lies in this value's own readable pages, which stay mapped
        // and unchanged while it lives.
        unsafe { std::slice::from_raw_parts(self.base as *const u8, self.len) }
    }
}

impl Drop for ExecutableCode {
    fn drop(&mut self) {
        // SAFETY: the pages are this value's own; no code runs in them any more (a region is
        // dropped only when no run of it is active) and no slice of them outlives `self`.
        if unsafe {
            protect(
                self.base,
                self.pages,
                MprotectFlags::READ | MprotectFlags::WRITE,
            )
        }
        .is_ok()
        {
            arena().release(self.base, self.pages);
        }
        // Otherwise the pages stay read+execute and out of the free list (leaked, never
        // written again).
    }
}

/// x86-64 keeps instruction fetch coherent with data writes, so nothing is needed there.
#[cfg(not(target_arch = "aarch64"))]
fn flush_icache(_base: usize, _len: usize) {}

/// AArch64 does not: freshly written code must be cleaned from the data cache and invalidated in
/// the instruction cache before it runs. libgcc/compiler-rt's `__clear_cache` does exactly that
/// (`dc cvau`/`ic ivau` per line, then `dsb ish; isb`). This Rust path is not compiled on this
/// project's x86-64 machines; the AArch64 stencils are run under qemu-user by
/// tests/jit_aarch64_qemu.rs, whose C harness uses the same mprotect + `__clear_cache` sequence.
#[cfg(target_arch = "aarch64")]
fn flush_icache(base: usize, len: usize) {
    extern "C" {
        fn __clear_cache(start: *mut std::ffi::c_char, end: *mut std::ffi::c_char);
    }
    let start = base as *mut std::ffi::c_char;
    // SAFETY: the range is exactly this region's live pages; `__clear_cache` only performs cache
    // maintenance on it and does not read or write its contents.
    unsafe { __clear_cache(start, start.add(len)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_then_execute_keeps_address_and_bytes() {
        let mut w = WritableCode::new(16).unwrap();
        let base = w.base();
        w.bytes_mut()[..4].copy_from_slice(&[1, 2, 3, 4]);
        let x = w.into_executable().unwrap();
        assert_eq!(x.base(), base);
        assert_eq!(&x.bytes()[..4], &[1, 2, 3, 4]);
    }

    #[test]
    fn whole_pages_each_and_zeroed() {
        let page = page_size();
        let mut a = WritableCode::new(page + 1).unwrap();
        a.bytes_mut().fill(0xAA);
        let a = a.into_executable().unwrap();
        let mut b = WritableCode::new(10).unwrap();
        let (ab, bb) = (a.base() as usize, b.base() as usize);
        assert!(bb % page == 0 && ab % page == 0);
        assert!(bb >= ab + 2 * page || bb + page <= ab, "no page shared");
        drop(a);
        assert!(b.bytes_mut().iter().all(|&x| x == 0));
        let mut c = WritableCode::new(2 * page).unwrap();
        assert!(c.bytes_mut().iter().all(|&x| x == 0));
    }

    #[test]
    fn freed_ranges_are_reused_first_and_merged() {
        // A private arena (the process-wide one is shared with other tests running at once).
        let page = page_size();
        let mut arena = Arena { chunks: Vec::new() };
        let (a, fresh) = arena.alloc(2 * page).unwrap();
        assert!(!fresh);
        let (b, _) = arena.alloc(page).unwrap();
        let (c, _) = arena.alloc(page).unwrap();
        assert_eq!((b, c), (a + 2 * page, a + 3 * page));
        arena.release(a, 2 * page);
        arena.release(b, page);
        let (d, reused) = arena.alloc(3 * page).unwrap();
        assert_eq!(d, a, "the merged free range comes back first");
        assert!(reused);
        let (e, reused) = arena.alloc(page).unwrap();
        assert_eq!(e, c + page);
        assert!(!reused, "never handed out before: still zero");
        assert_eq!(arena.chunks.len(), 1);
    }
}
