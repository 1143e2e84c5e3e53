//! The interpreter's side of the JIT: the places where the evaluation loop offers to run compiled
//! code, and the hook through which the JIT (a higher layer, `jit::driver`) is called.
//!
//! The VM never names the JIT's types: a code object keeps its compiled code as an opaque
//! `Box<dyn Any>` in its [`JitSlot`] (dropped with the code object), and the loop calls the
//! installed [`JitHook`] at three kinds of [`Entry`] points. What the hook returns tells the loop how
//! to continue ([`JitOutcome`]): the frame always holds the exact interpreter state (instruction
//! index of the next instruction, stack depth, live values in its slots) when compiled code leaves.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

use super::framestack::FramePtr;
use super::interp::Vm;
use super::object::CodeData;
use super::value::Value;

/// What compiled calls and returns (`_CALL_PY`, `_RETURN`) read of a code object without
/// calling into Rust: the first field of `CodeData` (`repr(C)`), at the `CODE_*` offsets of
/// `vm::abi` (asserted below). The first three are fixed when the code object is made; the
/// JIT keeps the entry fields in step with the compiled code it installs (`jit::driver`), all
/// zero while there is none.
#[repr(C)]
pub struct JitCallInfo {
    /// The argument count of a call that fills the frame with its positional arguments alone
    /// (`call::is_exact_positional`, not a generator/coroutine), or `u32::MAX`.
    pub exact_argc: u32,
    pub nlocalsplus: u32,
    /// Words a frame takes on the frame stack (`eval::push_frame_exact`'s count).
    pub frame_words: u32,
    /// `entry_table`'s length.
    pub entry_len: Cell<u32>,
    /// The compiled region's address.
    pub entry_base: Cell<usize>,
    /// Per code unit, the offset of its compiled piece in the region, or `CODE_NO_ENTRY` or
    /// above when it cannot be entered there (`jit::stitch::Region::entry_offset`).
    pub entry_table: Cell<*const u32>,
    /// The compiled code's entry counter (what `jit::driver::entry_address` counts).
    pub entry_count: Cell<*mut u64>,
}

impl JitCallInfo {
    pub fn new(exact_argc: Option<u32>, nlocalsplus: u32, frame_words: u32) -> JitCallInfo {
        JitCallInfo {
            exact_argc: exact_argc.unwrap_or(u32::MAX),
            nlocalsplus,
            frame_words,
            entry_len: Cell::new(0),
            entry_base: Cell::new(0),
            entry_table: Cell::new(std::ptr::null()),
            entry_count: Cell::new(std::ptr::null_mut()),
        }
    }

    /// Points the entry fields at compiled code (`None`: there is none).
    pub fn set_entries(&self, entries: Option<(usize, &[u32], &Cell<u64>)>) {
        match entries {
            Some((base, table, count)) => {
                self.entry_base.set(base);
                self.entry_table.set(table.as_ptr());
                self.entry_len
                    .set(table.len().min(u32::MAX as usize) as u32);
                self.entry_count.set(count.as_ptr());
            }
            None => {
                self.entry_len.set(0);
                self.entry_base.set(0);
                self.entry_table.set(std::ptr::null());
                self.entry_count.set(std::ptr::null_mut());
            }
        }
    }
}

const _: () = {
    use super::abi::*;
    use std::mem::offset_of;
    let data = OBJ_HEADER_SIZE as usize + offset_of!(CodeData, call);
    assert!(data + offset_of!(JitCallInfo, exact_argc) == CODE_EXACT_ARGC_OFFSET as usize);
    assert!(data + offset_of!(JitCallInfo, nlocalsplus) == CODE_NLOCALSPLUS_OFFSET as usize);
    assert!(data + offset_of!(JitCallInfo, frame_words) == CODE_FRAME_WORDS_OFFSET as usize);
    assert!(data + offset_of!(JitCallInfo, entry_len) == CODE_ENTRY_LEN_OFFSET as usize);
    assert!(data + offset_of!(JitCallInfo, entry_base) == CODE_ENTRY_BASE_OFFSET as usize);
    assert!(data + offset_of!(JitCallInfo, entry_table) == CODE_ENTRY_TABLE_OFFSET as usize);
    assert!(data + offset_of!(JitCallInfo, entry_count) == CODE_ENTRY_COUNT_OFFSET as usize);
};

/// Per code object JIT state.
#[derive(Default)]
pub struct JitSlot {
    /// Entries counted towards the compile threshold.
    pub warmth: Cell<u32>,
    /// The warmth at which the hook wants to be called again while the code has no compiled
    /// code (the JIT sets it: its threshold); below it the loop counts entries itself instead
    /// of calling the hook at every function start and loop iteration. 0 until the first call.
    pub due: Cell<u32>,
    /// The compiled region (the JIT's own type), or a marker that compiling failed.
    pub compiled: RefCell<Option<Box<dyn Any>>>,
    /// The JIT's shortcut to the compiled code in `compiled` (an address it owns there, or 0),
    /// which it updates whenever it replaces `compiled`.
    pub fast: Cell<usize>,
    /// The JIT will never run this code (it failed to compile, or was left to the
    /// interpreter): the loop stops offering it (no hook call at every loop iteration).
    pub never: Cell<bool>,
}

/// Where the loop offers to enter compiled code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// RESUME at the start of a code object (function entry).
    Start,
    /// A backward jump was taken (the loop header is next): on-stack replacement.
    Backedge,
    /// A callee returned into this frame, or the interpreter ran an instruction compiled code left
    /// to it: enter only if the code is already compiled (never counts towards compiling).
    Continue,
    /// A generator resumed by `next` or `send` after a yield, offered before the loop starts
    /// (`eval::resume_generator`): as `Continue`, and cheap enough that a run which only goes
    /// on to the next yield is worth it.
    Resumed,
}

/// How compiled code left.
pub enum JitOutcome {
    /// Nothing ran (not hot yet, not compilable, or no compiled code at this instruction).
    NotRun,
    /// Resume the interpreter from the frame's state; `kwnames` are the keyword names a KW_NAMES
    /// in compiled code left pending for the next CALL.
    Resume { kwnames: Value },
    /// RETURN_VALUE ran with this value (the frame is still current).
    Return(Value),
    /// YIELD_VALUE ran with this value in the frame the hook was called with, a generator's (the
    /// entry frame of its run), which is synced after it: the run returns `Exit::Yield`.
    Yield(Value),
    /// Instruction `at` raised `exc`; unwind from it (`reraise`: the traceback already names it).
    Raise { exc: Value, at: u32, reraise: bool },
}

/// Called by the loop with the current frame synced (`instr_index` = `ip`).
pub type JitHook = fn(&mut Vm, FramePtr, &CodeData, usize, Entry) -> JitOutcome;

/// The JIT's part of `--stats`: text lines, or (`true`) the members of a JSON object.
pub type JitReport = fn(json: bool) -> String;

static HOOK: OnceLock<JitHook> = OnceLock::new();
static REPORT: OnceLock<JitReport> = OnceLock::new();

/// Installs the JIT (`--jit`); VMs created afterwards call it.
pub fn install(h: JitHook, report: JitReport) {
    let _ = HOOK.set(h);
    let _ = REPORT.set(report);
}

/// The JIT's `--stats` report, if the JIT is installed.
pub fn report(json: bool) -> Option<String> {
    REPORT.get().map(|r| r(json))
}

pub fn hook() -> Option<JitHook> {
    HOOK.get().copied()
}
