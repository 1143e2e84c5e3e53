//! Executable memory for compiled regions (memmap2): written while read-write, then made
//! read+execute — never writable and executable at once (W^X). One anonymous mapping per region.

use std::io;

use memmap2::{Mmap, MmapMut};

/// A fresh read-write mapping that code is copied and patched into.
pub struct WritableCode {
    map: MmapMut,
}

/// A read+execute mapping holding finished code. Dropping it unmaps the code.
pub struct ExecutableCode {
    map: Mmap,
}

impl WritableCode {
    /// Maps `len` bytes (at least one page) of zeroed read-write memory.
    pub fn new(len: usize) -> io::Result<WritableCode> {
        Ok(WritableCode {
            map: MmapMut::map_anon(len.max(1))?,
        })
    }

    /// The address the code will run at (a mapping keeps its address when its protection changes).
    pub fn base(&self) -> u64 {
        self.map.as_ptr() as u64
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        &mut self.map[..]
    }

    /// Makes the mapping read+execute (`mprotect`; it stops being writable at the same moment) and
    /// synchronizes the instruction cache where the hardware needs it.
    pub fn into_executable(self) -> io::Result<ExecutableCode> {
        let map = self.map.make_exec()?;
        flush_icache(&map);
        Ok(ExecutableCode { map })
    }
}

impl ExecutableCode {
    pub fn base(&self) -> u64 {
        self.map.as_ptr() as u64
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn bytes(&self) -> &[u8] {
        &self.map[..]
    }
}

/// x86-64 keeps instruction fetch coherent with data writes, so nothing is needed there.
#[cfg(not(target_arch = "aarch64"))]
fn flush_icache(_map: &Mmap) {}

/// AArch64 does not: freshly written code must be cleaned from the data cache and invalidated in
/// the instruction cache before it runs. libgcc/compiler-rt's `__clear_cache` does exactly that
/// (`dc cvau`/`ic ivau` per line, then `dsb ish; isb`). This Rust path is not compiled on this
/// project's x86-64 machines; the AArch64 stencils are run under qemu-user by
/// tests/jit_aarch64_qemu.rs, whose C harness uses the same mprotect + `__clear_cache` sequence.
#[cfg(target_arch = "aarch64")]
fn flush_icache(map: &Mmap) {
    extern "C" {
        fn __clear_cache(start: *mut std::ffi::c_char, end: *mut std::ffi::c_char);
    }
    let start = map.as_ptr() as *mut std::ffi::c_char;
    // SAFETY: the range is exactly this live mapping; `__clear_cache` only performs cache
    // maintenance on it and does not read or write its contents.
    unsafe { __clear_cache(start, start.add(map.len())) }
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
}
