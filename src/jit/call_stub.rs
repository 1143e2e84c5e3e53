//! Call stubs: the shared, out-of-line half of a generic instruction's call.
//!
//! A `GENERIC` stencil spends most of its 47 bytes (x86-64) on the same work at every site:
//! a frame for the unwinder, saving `frame` and `ctx` across the call, a `movabs` of the runtime
//! function's address, the null check and the error exit. Generic instructions are a third of
//! a call-heavy script's compiled code (bm_deltablue: 1,043 sites, 52 KB of 153 KB), and the
//! interpreter's loop fits the instruction cache where such code does not. So on the host each
//! runtime function gets one stub per thread, written once, and a site that calls it is
//!
//! ```text
//! mov ecx, OPARG        ; b9 imm32
//! mov r8d, TARGET       ; 41 b8 imm32
//! call STUB             ; e8 rel32     (16 bytes; a slow path adds `jmp CONTINUE`)
//! ```
//!
//! The stub does what the stencil did around its call and returns with the new stack pointer in
//! `rsi`, `frame` (`rdi`) and `ctx` (`rdx`) as they were: the registers a `GENERIC` piece leaves
//! behind. On a null result it returns `JIT_STATUS_ERROR` from the region itself, dropping the
//! site's return address, exactly as the stencil's own exit does. The site is a stencil
//! ([`site_stencil`]) whose `_JIT_CALL_STUB` hole the stitcher fills with the stub's address, so
//! layout, patching, `--jit-dump` and `--perf-map` treat it like any other piece.
//!
//! Stubs are hand-encoded, not Cranelift-built: the stub's convention (arguments in the
//! stencils' registers, a `ret` to the site on success and a return from the caller's frame on
//! error) is none Cranelift offers. x86-64 only for now; AArch64 sites keep the `GENERIC`
//! stencil. A stub must be within `call rel32` reach of the site; a region that would be out
//! of reach is laid out again with the stencil (`stitch::Region::compile_with`).

use std::cell::RefCell;

use super::abi::JIT_STATUS_ERROR;
use super::memory::{ExecutableCode, WritableCode};
use super::runtime::GenericFn;
use super::stencils::{Arch, Hole, HoleValue, RelocKind, Stencil};

/// Bytes per stub (42 of code, padded with `int3` so each starts on 16 bytes).
pub const STUB_BYTES: usize = 48;

/// Offset of the runtime function's address in a stub (`movabs rax, imm64`).
const STUB_FN_OFFSET: usize = 9;

/// The x86-64 stub calling `f`: on entry `rdi` = frame, `rsi` = sp, `rdx` = ctx, `ecx` = oparg,
/// `r8d` = instruction index, and the site's return address on the stack (so `rsp` is 16-byte
/// aligned: regions run at `rsp` = 8 mod 16, as a called function does).
pub fn x86_64_stub(f: u64) -> [u8; STUB_BYTES] {
    let status = (JIT_STATUS_ERROR as u32).to_le_bytes();
    let mut s = [0xCC; STUB_BYTES];
    let code: [u8; 42] = [
        0x55, // push rbp            (a frame, for perf's unwinder)
        0x48, 0x89, 0xE5, // mov rbp, rsp
        0x52, // push rdx            (ctx)
        0x57, // push rdi            (frame)
        0x57, // push rdi            (again: the call needs rsp 16-byte aligned)
        0x48, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, // movabs rax, f
        0xFF, 0xD0, // call rax
        0x5F, // pop rdi
        0x5F, // pop rdi
        0x5A, // pop rdx
        0x5D, // pop rbp
        0x48, 0x85, 0xC0, // test rax, rax
        0x74, 0x04, // je error
        0x48, 0x89, 0xC6, // mov rsi, rax   (the new stack pointer)
        0xC3, // ret                 (to the site)
        // error:
        0xB8, status[0], status[1], status[2], status[3], // mov eax, JIT_STATUS_ERROR
        0x48, 0x83, 0xC4, 0x08, // add rsp, 8   (the site's return address)
        0xC3, // ret                 (from the region, to _ENTRY)
    ];
    s[..code.len()].copy_from_slice(&code);
    s[STUB_FN_OFFSET..STUB_FN_OFFSET + 8].copy_from_slice(&f.to_le_bytes());
    s
}

/// The x86-64 site: `mov ecx, OPARG; mov r8d, TARGET; call STUB; jmp CONTINUE` (the jump is
/// dropped where the next piece follows, as every stencil's is).
static X86_64_SITE: Stencil = Stencil {
    name: "GENERIC",
    opcode: None,
    variant: Some((0, "stub call")),
    cached: (0, 0),
    flow: (0, 0, 0),
    doc: "(stack effect of the instruction) calls RUNTIME_FN(frame, sp, ctx, OPARG, TARGET) \
          through its call stub (jit::call_stub), which returns ERROR from the region for 0; \
          else CONTINUE",
    trailing_continue: 5,
    code: &[
        0xB9, 0, 0, 0, 0, // mov ecx, imm32
        0x41, 0xB8, 0, 0, 0, 0, // mov r8d, imm32
        0xE8, 0, 0, 0, 0, // call rel32
        0xE9, 0, 0, 0, 0, // jmp rel32
    ],
    holes: &[
        Hole {
            offset: 1,
            kind: RelocKind::X86_64_32,
            value: HoleValue::Oparg,
            addend: 0,
        },
        Hole {
            offset: 7,
            kind: RelocKind::X86_64_32,
            value: HoleValue::Target,
            addend: 0,
        },
        Hole {
            offset: 12,
            kind: RelocKind::X86_64_PLT32,
            value: HoleValue::CallStub,
            addend: -4,
        },
        Hole {
            offset: 17,
            kind: RelocKind::X86_64_PLT32,
            value: HoleValue::Continue,
            addend: -4,
        },
    ],
};

/// The stencil of a generic instruction's call through a stub, for code that runs on this host
/// as `arch` (`None`: sites there keep the `GENERIC` stencil).
pub fn site_stencil(arch: Arch) -> Option<&'static Stencil> {
    match arch {
        Arch::X86_64 if cfg!(target_arch = "x86_64") => Some(&X86_64_SITE),
        _ => None,
    }
}

/// Farthest a stub may be from a region's start (and end) for `call rel32` to reach it.
const REACH: u64 = (1 << 31) - 1;

#[derive(Default)]
struct Stubs {
    /// (runtime function address, its stub's address), sorted by function: looked up for every
    /// stub-call site stitched (a binary search over a few dozen entries, no hashing).
    by_fn: Vec<(usize, u64)>,
    /// The memory the stubs are in (never freed while the thread lives: every region of the
    /// thread may call them).
    code: Vec<ExecutableCode>,
}

impl Stubs {
    fn find(&self, f: usize) -> Option<u64> {
        let k = self.by_fn.binary_search_by_key(&f, |&(g, _)| g).ok()?;
        Some(self.by_fn[k].1)
    }
}

thread_local! {
    // Per thread: code memory (`jit::memory`) is per thread, and so are the regions calling them.
    static STUBS: RefCell<Stubs> = RefCell::new(Stubs::default());
}

/// Makes sure each of `fns` has a stub on this thread (those missing are written together, in
/// one range of code memory). Returns the (address, length) of the range written, if any.
pub fn ensure(fns: &[GenericFn]) -> std::io::Result<Option<(u64, usize)>> {
    STUBS.with(|s| {
        let mut s = s.borrow_mut();
        let mut missing: Vec<usize> = fns
            .iter()
            .map(|&f| f as usize)
            .filter(|&f| s.find(f).is_none())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if missing.is_empty() {
            return Ok(None);
        }
        let mut w = WritableCode::new(missing.len() * STUB_BYTES)?;
        let base = w.base();
        for (k, &f) in missing.iter().enumerate() {
            w.bytes_mut()[k * STUB_BYTES..(k + 1) * STUB_BYTES]
                .copy_from_slice(&x86_64_stub(f as u64));
        }
        let x = w.into_executable()?;
        let len = x.len();
        s.code.push(x);
        for (k, &f) in missing.iter().enumerate() {
            s.by_fn.push((f, base + (k * STUB_BYTES) as u64));
        }
        s.by_fn.sort_unstable();
        Ok(Some((base, len)))
    })
}

/// Whether this thread has no stubs yet (its first compile is about to make them).
pub fn none_yet() -> bool {
    STUBS.with(|s| s.borrow().by_fn.is_empty())
}

/// The address of `f`'s stub on this thread, if [`ensure`] made one.
pub fn address(f: GenericFn) -> Option<u64> {
    STUBS.with(|s| s.borrow().find(f as usize))
}

/// Whether every stub of `fns` is within `call rel32` reach of all of `base..base + len`.
pub fn reachable(fns: &[GenericFn], base: u64, len: usize) -> bool {
    fns.iter().all(|&f| {
        address(f).is_some_and(|a| {
            a.abs_diff(base) <= REACH - len as u64 && a.abs_diff(base + len as u64) <= REACH
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_x86::{Decoder, DecoderOptions, Mnemonic};

    #[test]
    fn stub_decodes_to_the_call_and_both_returns() {
        let f = 0x1122_3344_5566_7788u64;
        let s = x86_64_stub(f);
        let mut d = Decoder::with_ip(64, &s, 0x1000, DecoderOptions::NONE);
        let ins: Vec<_> = std::iter::from_fn(|| d.can_decode().then(|| d.decode()))
            .take_while(|i| i.mnemonic() != Mnemonic::Int3)
            .collect();
        let names: Vec<_> = ins.iter().map(|i| format!("{i}")).collect();
        assert_eq!(
            names,
            [
                "push rbp",
                "mov rbp,rsp",
                "push rdx",
                "push rdi",
                "push rdi",
                "mov rax,1122334455667788h",
                "call rax",
                "pop rdi",
                "pop rdi",
                "pop rdx",
                "pop rbp",
                "test rax,rax",
                "je short 0000000000001020h",
                "mov rsi,rax",
                "ret",
                "mov eax,2",
                "add rsp,8",
                "ret",
            ]
        );
        // The error path starts where the `je` goes.
        assert_eq!(ins[15].ip(), ins[12].near_branch_target());
        assert_eq!(ins[15].immediate32() as i64, JIT_STATUS_ERROR);
        // Pushes and pops balance on both paths (rbp + three words, then the call).
        assert_eq!(s.len() % 16, 0);
    }

    #[test]
    fn site_holes_cover_its_fields() {
        let s = &X86_64_SITE;
        let mut d = Decoder::with_ip(64, s.code, 0, DecoderOptions::NONE);
        let ins: Vec<_> = std::iter::from_fn(|| d.can_decode().then(|| d.decode())).collect();
        let m: Vec<_> = ins.iter().map(|i| i.mnemonic()).collect();
        assert_eq!(
            m,
            [Mnemonic::Mov, Mnemonic::Mov, Mnemonic::Call, Mnemonic::Jmp]
        );
        // Each hole is the last four bytes of its instruction.
        for (h, i) in s.holes.iter().zip(&ins) {
            assert_eq!(h.offset + 4, i.next_ip(), "{h:?}");
        }
        assert_eq!(s.trailing_continue, ins[3].len());
    }

    #[test]
    fn stubs_are_made_once_per_function() {
        std::thread::spawn(|| {
            unsafe extern "C" fn a(
                _: *mut crate::vm::frame::Frame,
                sp: *mut crate::vm::value::Value,
                _: *mut super::super::runtime::JitContext,
                _: u64,
                _: u64,
            ) -> *mut crate::vm::value::Value {
                sp
            }
            let f: GenericFn = a;
            assert_eq!(address(f), None);
            let (base, len) = ensure(&[f, f]).unwrap().unwrap();
            assert_eq!(len, STUB_BYTES);
            assert_eq!(address(f), Some(base));
            assert_eq!(ensure(&[f]).unwrap(), None, "already there");
            assert!(reachable(&[f], base + 4096, 100));
            assert!(!reachable(&[f], base + (1 << 32), 100));
        })
        .join()
        .unwrap();
    }
}
