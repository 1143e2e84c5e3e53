//! Executable memory for compiled regions: one process-wide code arena of anonymous chunks
//! (memmap2) in which regions are packed one after another, each starting on a cache line.
//! Code is never writable and executable at once (W^X): the pages a region is copied and patched
//! into are read-write while it is written and read+execute (`mprotect`) from then on. A page it
//! shares with regions written before is made read-write for that time too, which is safe because
//! a chunk belongs to one thread: only the thread that compiles into a chunk runs code that could
//! be in it, and it runs no compiled code while it writes (the stitcher is plain Rust); compiled
//! code of other threads (tests run several VMs at once) is in chunks of their own. Freed regions
//! go back to the chunk's free list (first fit, merged with neighbours) and their pages stay
//! executable until a region is written there.
//!
//! Why packed: with whole pages per region (before), every region started at offset 0 of a page,
//! so the first lines of all regions fell into the same sets of the L1 instruction cache (its set
//! is the address's offset in a 4 KiB page) while their pages' upper parts sat unused, and each
//! region cost a page fault. Why an arena: a mapping per region cost an `mmap`, an `mprotect`,
//! page faults and an `munmap` (~20 us a region, more than the stitching of a small function).

use std::io;
use std::sync::Mutex;
use std::thread::ThreadId;

use memmap2::MmapMut;
use rustix::mm::MprotectFlags;

/// Bytes reserved per chunk (larger regions get a chunk of their own size). Untouched pages of a
/// chunk cost no memory.
const CHUNK_BYTES: usize = 4 << 20;

/// Where regions start: a cache line, so a region's entry is at the start of one.
pub const REGION_ALIGN: usize = 64;

/// What unwritten bytes of a region's range hold: a trapping instruction (`int3` on x86-64;
/// zero, `udf #0`, on AArch64), so a jump into a gap never runs leftover code of a freed region.
const FILL: u8 = if cfg!(target_arch = "aarch64") {
    0
} else {
    0xCC
};

/// A read-write range code is copied and patched into.
pub struct WritableCode {
    base: usize,
    /// Bytes asked for (what `bytes_mut` exposes).
    len: usize,
    /// Bytes owned (`len` rounded up to `REGION_ALIGN`).
    size: usize,
}

/// A read+execute range holding finished code. Dropping it gives the range back to the arena.
pub struct ExecutableCode {
    base: usize,
    len: usize,
    size: usize,
}

struct Chunk {
    map: MmapMut,
    /// The thread whose regions the chunk holds (the only one that changes its protection).
    owner: ThreadId,
    /// Ranges not in use, (offset, length) sorted by offset, never adjacent.
    free: Vec<(usize, usize)>,
    /// Per page: the number of live `WritableCode`s on it (while nonzero, it is read-write).
    writers: Vec<u16>,
    /// Per page: read+execute now (else read-write: fresh, or being written).
    executable: Vec<bool>,
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

/// The granule protection changes in: x86-64's page, and on AArch64 the largest page size Linux
/// uses there (64 KiB, a multiple of the 4 and 16 KiB ones), so a protection change never reaches
/// past the pages asked for whatever the kernel's configuration. (A constant: rustix's
/// `page_size` reads the auxiliary vector in a way valgrind does not support.)
fn page_size() -> usize {
    if cfg!(target_arch = "aarch64") {
        64 << 10
    } else {
        4 << 10
    }
}

/// The pages (indices in their chunk) the range `off..off + size` touches.
fn pages_of(off: usize, size: usize) -> std::ops::Range<usize> {
    let page = page_size();
    off / page..(off + size).div_ceil(page)
}

impl Arena {
    /// `size` bytes (a multiple of `REGION_ALIGN`) for `owner`: (chunk index, offset).
    fn alloc(&mut self, size: usize, owner: ThreadId) -> io::Result<(usize, usize)> {
        for (ci, c) in self.chunks.iter_mut().enumerate() {
            if c.owner != owner {
                continue;
            }
            let Some(k) = c.free.iter().position(|&(_, len)| len >= size) else {
                continue;
            };
            let (off, len) = c.free[k];
            if len == size {
                c.free.remove(k);
            } else {
                c.free[k] = (off + size, len - size);
            }
            return Ok((ci, off));
        }
        let map_len = CHUNK_BYTES.max(size.div_ceil(page_size()) * page_size());
        let map = MmapMut::map_anon(map_len)?;
        let mut free = Vec::new();
        if map_len > size {
            free.push((size, map_len - size));
        }
        let pages = map_len / page_size();
        self.chunks.push(Chunk {
            map,
            owner,
            free,
            writers: vec![0; pages],
            executable: vec![false; pages],
        });
        Ok((self.chunks.len() - 1, 0))
    }

    /// The chunk holding `addr` and the offset in it.
    fn find(&mut self, addr: usize) -> Option<(&mut Chunk, usize)> {
        self.chunks.iter_mut().find_map(|c| {
            let base = c.map.as_ptr() as usize;
            (addr >= base && addr < base + c.map.len()).then_some((c, addr - base))
        })
    }

    /// Gives back `size` bytes at `addr`.
    fn release(&mut self, addr: usize, size: usize) {
        let Some((c, off)) = self.find(addr) else {
            return;
        };
        c.release(off, size);
    }
}

impl Chunk {
    fn release(&mut self, off: usize, size: usize) {
        let k = self.free.partition_point(|&(o, _)| o < off);
        self.free.insert(k, (off, size));
        // Merge with the next range, then with the previous one.
        if k + 1 < self.free.len() && self.free[k].0 + self.free[k].1 == self.free[k + 1].0 {
            self.free[k].1 += self.free[k + 1].1;
            self.free.remove(k + 1);
        }
        if k > 0 && self.free[k - 1].0 + self.free[k - 1].1 == self.free[k].0 {
            self.free[k - 1].1 += self.free[k].1;
            self.free.remove(k);
        }
    }

    /// Registers a writer on the pages of `off..off + size`, making those that were executable
    /// read-write.
    fn begin_write(&mut self, off: usize, size: usize) -> io::Result<()> {
        let pages = pages_of(off, size);
        let to_write: Vec<usize> = pages.clone().filter(|&p| self.executable[p]).collect();
        if let Err(e) = self.set_protection(&to_write, MprotectFlags::READ | MprotectFlags::WRITE) {
            // The pages made writable before the failure hold other regions' code, which must
            // stay runnable: back to read+execute (best effort; they are still so recorded).
            let _ = self.set_protection(&to_write, MprotectFlags::READ | MprotectFlags::EXEC);
            return Err(e);
        }
        for p in pages {
            self.writers[p] += 1;
            self.executable[p] = false;
        }
        Ok(())
    }

    /// Ends a writer on the pages of `off..off + size`: those it was the last writer of become
    /// read+execute.
    fn end_write(&mut self, off: usize, size: usize) -> io::Result<()> {
        let pages = pages_of(off, size);
        for p in pages.clone() {
            self.writers[p] = self.writers[p].saturating_sub(1);
        }
        let to_exec: Vec<usize> = pages.filter(|&p| self.writers[p] == 0).collect();
        self.set_protection(&to_exec, MprotectFlags::READ | MprotectFlags::EXEC)?;
        for p in to_exec {
            self.executable[p] = true;
        }
        Ok(())
    }

    /// `mprotect`s the given pages (ascending), one call per run of adjacent ones.
    fn set_protection(&self, pages: &[usize], flags: MprotectFlags) -> io::Result<()> {
        let page = page_size();
        let base = self.map.as_ptr() as usize;
        let mut i = 0;
        while i < pages.len() {
            let mut j = i + 1;
            while j < pages.len() && pages[j] == pages[j - 1] + 1 {
                j += 1;
            }
            // SAFETY: the pages lie inside this chunk's live mapping, which is never unmapped
            // while the arena exists; they belong to the calling thread (the chunk's owner), which
            // neither runs code in them nor holds a reference into their bytes while their
            // protection changes (writers hold raw ranges, re-borrowed per `bytes_mut`).
            unsafe {
                rustix::mm::mprotect(
                    (base + pages[i] * page) as *mut std::ffi::c_void,
                    (j - i) * page,
                    flags,
                )
            }
            .map_err(io::Error::from)?;
            i = j;
        }
        Ok(())
    }
}

impl WritableCode {
    /// `len` bytes (at least one) of read-write memory filled with a trapping instruction,
    /// starting on a cache line in a chunk of the calling thread.
    pub fn new(len: usize) -> io::Result<WritableCode> {
        let size = len.max(1).next_multiple_of(REGION_ALIGN);
        let owner = std::thread::current().id();
        let mut a = arena();
        let (ci, off) = a.alloc(size, owner)?;
        let c = &mut a.chunks[ci];
        if let Err(e) = c.begin_write(off, size) {
            c.release(off, size);
            return Err(e);
        }
        let base = c.map.as_ptr() as usize + off;
        drop(a);
        let mut w = WritableCode { base, len, size };
        w.bytes_mut().fill(FILL);
        Ok(w)
    }

    /// The address the code will run at (its pages keep their address when their protection
    /// changes).
    pub fn base(&self) -> u64 {
        self.base as u64
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: `base..base + len` lies in this value's own range of a chunk that is never
        // unmapped (the arena is process-wide); its pages stay read-write while this value lives
        // (it counts as their writer), and `&mut self` makes the slice unique.
        unsafe { std::slice::from_raw_parts_mut(self.base as *mut u8, self.len) }
    }

    /// Makes the pages read+execute (`mprotect`; they stop being writable at the same moment)
    /// unless another writer is still on one of them, and synchronizes the instruction cache
    /// where the hardware needs it.
    pub fn into_executable(self) -> io::Result<ExecutableCode> {
        let (base, len, size) = (self.base, self.len, self.size);
        std::mem::forget(self);
        let x = ExecutableCode { base, len, size };
        {
            let mut a = arena();
            if let Some((c, off)) = a.find(base) {
                c.end_write(off, size)?;
            }
        }
        flush_icache(base, size);
        Ok(x)
    }
}

impl Drop for WritableCode {
    fn drop(&mut self) {
        // Never made executable (a stitch failed): its pages go back to what the other regions
        // on them need, and the range to the free list.
        let mut a = arena();
        if let Some((c, off)) = a.find(self.base) {
            // An error leaves the pages read-write (not executable): code of other regions on
            // them would fault rather than run writable; nothing better can be done here.
            let _ = c.end_write(off, self.size);
            c.release(off, self.size);
        }
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
        // SAFETY: `base..base + len` lies in this value's own range, which stays mapped, readable
        // (read+execute, or read-write while another region on its pages is written) and
        // unchanged while it lives.
        unsafe { std::slice::from_raw_parts(self.base as *const u8, self.len) }
    }
}

impl Drop for ExecutableCode {
    fn drop(&mut self) {
        // No code runs in it any more (a region is dropped only when no run of it is active):
        // the range goes back to the free list; its pages stay read+execute until a region is
        // written there (which fills the range first).
        arena().release(self.base, self.size);
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

    /// The permissions of the mapping holding `addr`, from /proc/self/maps ("r-xp").
    fn perms_at(addr: u64) -> String {
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        for line in maps.lines() {
            let mut f = line.split_whitespace();
            let (range, perms) = (f.next().unwrap(), f.next().unwrap());
            let (lo, hi) = range.split_once('-').unwrap();
            let (lo, hi) = (
                u64::from_str_radix(lo, 16).unwrap(),
                u64::from_str_radix(hi, 16).unwrap(),
            );
            if (lo..hi).contains(&addr) {
                return perms.to_string();
            }
        }
        panic!("{addr:#x} is not mapped")
    }

    /// `mov eax, 42; ret`: runs where x86-64 code can be called.
    const RETURN_42: [u8; 6] = [0xB8, 42, 0, 0, 0, 0xC3];

    #[cfg(target_arch = "x86_64")]
    fn call(x: &ExecutableCode) -> u32 {
        // SAFETY: `x` holds RETURN_42 at its base, read+execute; it takes no arguments, touches
        // no memory and returns with the C convention.
        let f: extern "C" fn() -> u32 = unsafe { std::mem::transmute(x.base() as usize) };
        f()
    }

    #[test]
    fn regions_packed_on_cache_lines_sharing_pages_but_never_writable_and_executable() {
        // A thread of its own: a chunk of its own, so the addresses are predictable.
        std::thread::spawn(|| {
            let mut a = WritableCode::new(100).unwrap();
            assert_eq!(a.base() % REGION_ALIGN as u64, 0);
            assert!(
                a.bytes_mut().iter().all(|&x| x == FILL),
                "filled with traps"
            );
            assert_eq!(perms_at(a.base()), "rw-p");
            a.bytes_mut()[..6].copy_from_slice(&RETURN_42);
            let a = a.into_executable().unwrap();
            assert_eq!(perms_at(a.base()), "r-xp");
            #[cfg(target_arch = "x86_64")]
            assert_eq!(call(&a), 42);

            // The next region starts on the next free cache line, on a's page: while it is
            // written that page is read-write and not executable; then both run.
            let mut b = WritableCode::new(10).unwrap();
            assert_eq!(b.base(), a.base() + 128);
            assert_eq!(perms_at(a.base()), "rw-p");
            assert_eq!(&a.bytes()[..6], &RETURN_42, "a is still readable");
            b.bytes_mut()[..6].copy_from_slice(&RETURN_42);
            let b = b.into_executable().unwrap();
            assert_eq!(perms_at(a.base()), "r-xp");
            #[cfg(target_arch = "x86_64")]
            assert_eq!((call(&a), call(&b)), (42, 42));

            // Two writers on one page: it stays writable until the last one is done.
            let c = WritableCode::new(10).unwrap();
            let d = WritableCode::new(10).unwrap();
            assert_eq!((c.base(), d.base()), (b.base() + 64, b.base() + 128));
            let c = c.into_executable().unwrap();
            assert_eq!(perms_at(a.base()), "rw-p");
            drop(d); // a failed stitch: never executable itself
            assert_eq!(perms_at(a.base()), "r-xp");
            #[cfg(target_arch = "x86_64")]
            assert_eq!(call(&a), 42);

            // A freed range is reused, refilled with traps first.
            let cb = c.base();
            drop(c);
            let mut e = WritableCode::new(64).unwrap();
            assert_eq!(e.base(), cb);
            assert!(e.bytes_mut().iter().all(|&x| x == FILL));
        })
        .join()
        .unwrap();
    }

    #[test]
    fn freed_ranges_are_reused_first_and_merged() {
        // A private arena (the process-wide one is shared with other tests running at once).
        let me = std::thread::current().id();
        let mut arena = Arena { chunks: Vec::new() };
        let (ci, a) = arena.alloc(128, me).unwrap();
        let (_, b) = arena.alloc(64, me).unwrap();
        let (_, c) = arena.alloc(64, me).unwrap();
        assert_eq!((a, b, c), (0, 128, 192));
        arena.chunks[ci].release(a, 128);
        arena.chunks[ci].release(b, 64);
        let (_, d) = arena.alloc(192, me).unwrap();
        assert_eq!(d, a, "the merged free range comes back first");
        let (_, e) = arena.alloc(64, me).unwrap();
        assert_eq!(e, c + 64);
        assert_eq!(arena.chunks.len(), 1);
        // Another thread's regions go to a chunk of its own.
        let other = std::thread::spawn(|| std::thread::current().id())
            .join()
            .unwrap();
        let (cj, f) = arena.alloc(64, other).unwrap();
        assert_eq!((cj, f, arena.chunks.len()), (1, 0, 2));
    }
}
