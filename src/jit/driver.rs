//! The JIT inside the VM: decides when to compile, compiles a code object's quickened
//! instructions into a region, runs it, and turns every way compiled code leaves into the
//! interpreter state the loop continues from (`vm::jit_hook`).
//!
//! Policy (whole functions, entered anywhere):
//! - a code object is compiled when it has been entered `threshold` times at function starts and
//!   backward jumps together (`--jit-threshold`, `CPJIT_JIT_THRESHOLD`; stress compiles at the first
//!   entry); the region covers every instruction, so the loop enters it at a function start, at a
//!   loop header after a backward jump (on-stack replacement), and where a callee returned;
//! - the region is stitched from a snapshot of the quickened instructions: instructions with a
//!   stencil of their own run as copied machine code, every other one as a call of
//!   `generic_step`, which runs the interpreter's own code for that one instruction
//!   (`vm::eval::step`), so each operation has one implementation;
//! - calls of Python functions and returns switch frames (`_SWITCH`): on in the callee's or
//!   caller's compiled code if it has some, else back to the loop, which enters it again when it
//!   does (Python recursion never grows the native stack); a yield leaves compiled code with its
//!   value, which the run returns (`JitOutcome::Yield`);
//! - a guard that fails leaves at its instruction with the stack untouched; exits are counted per
//!   instruction, and a region whose guards fail too often is thrown away and recompiled later
//!   (with exponential backoff) with the instructions that kept failing compiled as steps.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use super::runtime::{
    JitContext, JitExit, RuntimeSymbols, EXIT_CALL, EXIT_DEOPT, EXIT_RAISED, EXIT_RESUME,
    EXIT_YIELD,
};
use super::stitch::Region;
use crate::bytecode::opcode::Opcode;
use crate::vm::eval;
use crate::vm::framestack::{frame_code, FramePtr};
use crate::vm::interp::Vm;
use crate::vm::jit_hook::{self, Entry, JitOutcome};
use crate::vm::object::{as_code, CodeData};

/// `--jit` settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub enabled: bool,
    /// Entries (function starts plus backward jumps) before a code object is compiled; 1 compiles
    /// at the first opportunity (stress).
    pub threshold: u32,
    /// `--jit-dump`: print every compiled region (bytecode, stencil, patched machine code) to
    /// stderr.
    pub dump: bool,
    /// `--perf-map`: name every compiled piece in `/tmp/perf-<pid>.map` for `perf report`.
    pub perf_map: bool,
    /// Bytes of machine code the live regions may hold together (`--jit-code-limit`, in KiB);
    /// compiling past it evicts the oldest regions first (`make_room`).
    pub code_limit: usize,
    /// Generic instructions call their runtime function through a shared stub
    /// (`jit::call_stub`; `CPJIT_JIT_CALL_STUBS=0` gives each site the whole `GENERIC` stencil).
    pub call_stubs: bool,
    /// Whether Python calls and returns switch frames in compiled code where they can
    /// (`_CALL_PY`, `_RETURN`; `CPJIT_JIT_INLINE_CALLS=0` sends every one through its runtime
    /// function, as `--stats` does).
    pub inline_calls: bool,
}

/// The default threshold: CPython 3.13's tier-two warm-up is 16 backward jumps.
pub const DEFAULT_THRESHOLD: u32 = 16;

/// The default code cache bound: 64 MiB of machine code.
pub const DEFAULT_CODE_LIMIT: usize = 64 << 20;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: false,
            threshold: DEFAULT_THRESHOLD,
            dump: false,
            perf_map: false,
            code_limit: DEFAULT_CODE_LIMIT,
            call_stubs: true,
            inline_calls: true,
        }
    }
}

impl Settings {
    /// `CPJIT_JIT` (`off`, `on`, `stress`) and `CPJIT_JIT_THRESHOLD`.
    pub fn from_env() -> Settings {
        let mut s = Settings::default();
        match std::env::var("CPJIT_JIT").as_deref() {
            Ok("on") | Ok("1") => s.enabled = true,
            Ok("stress") => {
                s.enabled = true;
                s.threshold = 1;
            }
            _ => {}
        }
        if let Some(n) = std::env::var("CPJIT_JIT_THRESHOLD")
            .ok()
            .and_then(|v| v.parse::<u32>().ok())
        {
            s.threshold = n.max(1);
        }
        s.dump = std::env::var_os("CPJIT_JIT_DUMP").is_some_and(|v| v != "0");
        s.perf_map = std::env::var_os("CPJIT_PERF_MAP").is_some_and(|v| v != "0");
        s.call_stubs = std::env::var_os("CPJIT_JIT_CALL_STUBS").is_none_or(|v| v != "0");
        s.inline_calls = std::env::var_os("CPJIT_JIT_INLINE_CALLS").is_none_or(|v| v != "0");
        if let Some(kib) = std::env::var("CPJIT_JIT_CODE_LIMIT")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
        {
            s.code_limit = kib.saturating_mul(1024);
        }
        s
    }
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Fixes the settings and, if enabled, connects the JIT to VMs created from now on.
pub fn install(settings: Settings) {
    let _ = SETTINGS.set(settings);
    if settings.enabled {
        jit_hook::install(hook, report);
    }
}

fn settings() -> Settings {
    SETTINGS.get().copied().unwrap_or_default()
}

/// A region is checked for stale generic sites at these entry counts (powers of two up to this).
const REFRESH_CHECK_UNTIL: u64 = 1 << 12;
/// At most this many stale-snapshot recompilations per code object.
const MAX_REFRESHES: u32 = 4;

/// After this many recompilations a code object stays interpreted.
const MAX_RECOMPILES: u32 = 6;
/// A region is thrown away once its guards failed this many times and on more than
/// 1 in `EXIT_RATIO` entries...
const EXIT_LIMIT: u64 = 64;
const EXIT_RATIO: u64 = 4;
/// ... and an instruction whose guard failed this many times is compiled as a step next time.
const DEMOTE_AFTER: u32 = 16;

/// What a code object's `JitSlot::compiled` holds.
enum Slot {
    Compiled(Rc<Compiled>),
    /// Thrown away `recompiles` times; warming up again. `demoted`: instructions to compile as
    /// steps; `widened`: as BINARY_OP_NUMERIC_FLOAT (`Compiled::widened`).
    Cooling {
        recompiles: u32,
        demoted: Vec<usize>,
        widened: Vec<usize>,
    },
    /// Cannot be compiled (a stitching error) or recompiled too often.
    Never,
}

struct Compiled {
    region: Region,
    /// Adaptive (family) instructions that were still in their generic form when the region was
    /// compiled, with that opcode: once the specializer rewrites one, the region is recompiled
    /// (`refresh`).
    generic_sites: Vec<(usize, u8)>,
    /// By code unit: the type version (c[1]) the inline cache held where the stencil took the
    /// cache's values as immediates (`burned_site`), else 0. Once the specializer re-specializes
    /// such an instruction for another version, its fast path always misses, and the region is
    /// recompiled (`refresh`, `note_burned_slow`).
    burned: Box<[u32]>,
    /// The opcode each code unit was compiled as (`snapshot`): a guard that keeps failing where
    /// the specializer has since rewritten the instruction recompiles the region (`note_exit`).
    ops: Box<[u8]>,
    /// Instructions whose rewriting by the specializer recompiled this code object's region
    /// (`note_exit`): the second time one does, it is compiled as a step (`demoted`).
    refreshed_at: Vec<usize>,
    /// Instructions a refresh noticed by stale runs or the entry check was for (`note_stale`,
    /// `refresh`): rewritten again, they flip among forms, and trigger no such refresh again.
    /// Kept apart from `refreshed_at`, so that a guard failing at one later still refreshes
    /// first (a phase change) rather than demoting it at once.
    stale_refreshed: Vec<usize>,
    /// Int and float arithmetic the specializer flipped between int and float forms, compiled as
    /// BINARY_OP_NUMERIC_FLOAT (both kinds and their mixes inline, no guard exit; `compile`).
    widened: Vec<usize>,
    /// Times this code object's region was recompiled because its snapshot went stale.
    refreshes: u32,
    recompiles: u32,
    demoted: Vec<usize>,
    entries: Cell<u64>,
    /// Runs that ended at a yield without taking a backward jump (`note_yield`).
    short_yields: Cell<u64>,
    /// Runtime functions that found their instruction rewritten since the region was compiled
    /// (`ops::rewritten`): at `stale_limit` the region is recompiled (`note_stale`).
    stale: Cell<u32>,
    /// Guard failures in total and per instruction.
    exits: Cell<u64>,
    exits_at: std::cell::RefCell<HashMap<usize, u32>>,
}

/// What `--stats` reports about the JIT.
#[derive(Default)]
struct Stats {
    regions: u64,
    /// Regions thrown away because their guards kept failing.
    invalidated: u64,
    /// Regions evicted to keep the code cache within `Settings::code_limit`.
    evicted: u64,
    /// Generator regions left to the interpreter because their runs kept ending at a yield
    /// without completing a loop iteration (`note_yield`).
    yield_bound: u64,
    /// Regions recompiled because the specializer rewrote instructions they ran generically.
    refreshed: u64,
    /// ... by what noticed it (`Noticed`): the entry check, stale runs, guard exits.
    refreshed_by: [u64; 3],
    /// Regions replaced (refreshed or thrown away) while compiled code was running on this
    /// thread, kept until the outermost run returned (`set_slot`).
    retired: u64,
    compile_failures: u64,
    code_bytes: u64,
    compile_ns: u64,
    /// Instructions compiled: with a stencil of their own, as runtime-function calls, as exits.
    compiled_own: u64,
    compiled_calls: u64,
    compiled_exits: u64,
    /// Entries by kind: function start, loop header after a backward jump, after a return or an
    /// instruction the interpreter ran, a generator resumed before the loop started.
    entries: [u64; 4],
    /// Instructions run through `generic_step`.
    steps: u64,
    /// Calls and returns continued from compiled code to compiled code (`_SWITCH`).
    switched_calls: u64,
    switched_returns: u64,
    /// Exits by reason.
    returns: u64,
    /// YIELD_VALUE left compiled code with its value (`JitOutcome::Yield`).
    yields: u64,
    /// Calls of Python functions (followed into the callee's compiled code when it has some).
    calls: u64,
    guard_exits: u64,
    breaker_exits: u64,
    to_interpreter: u64,
    raised: u64,
    /// Guard failures, by the instruction's name.
    guard_exits_by_op: std::collections::BTreeMap<&'static str, u64>,
    /// Calls that left compiled code for the driver to follow (`calls`), by the calling
    /// instruction's name: the calls `_SWITCH` does not continue in compiled code itself.
    calls_by_op: std::collections::BTreeMap<&'static str, u64>,
    /// Exits to the interpreter (calls of Python functions, yields, ...), by instruction name.
    interpreter_by_op: std::collections::BTreeMap<&'static str, u64>,
    /// Instructions run through `generic_step`, by instruction name.
    steps_by_op: std::collections::BTreeMap<&'static str, u64>,
    /// Guard failures of runtime functions, handled in compiled code (`jit::ops`, `Site::miss`:
    /// the interpreter's miss path runs), by instruction name.
    guard_misses_by_op: std::collections::BTreeMap<&'static str, u64>,
}

thread_local! {
    static STATS: std::cell::RefCell<Stats> = Default::default();
}

/// Counts one instruction run through `generic_step` (`--stats`: steps by instruction).
pub(crate) fn count_step(cd: &CodeData, at: usize) {
    with_stats(|s| *s.steps_by_op.entry(op_name(cd, at)).or_default() += 1);
}

/// Counts a runtime function's guard failure handled in compiled code (`--stats`).
pub(crate) fn count_miss(cd: &CodeData, at: usize) {
    with_stats(|s| *s.guard_misses_by_op.entry(op_name(cd, at)).or_default() += 1);
}

pub(crate) fn stats_enabled() -> bool {
    // Asked at every entry into compiled code: the settings, once known, as one byte
    // (0 not read yet, 1 off, 2 on).
    use std::sync::atomic::{AtomicU8, Ordering::Relaxed};
    static ON: AtomicU8 = AtomicU8::new(0);
    match ON.load(Relaxed) {
        0 => {
            let on = crate::vm::adaptive::settings().stats.is_some();
            ON.store(1 + on as u8, Relaxed);
            on
        }
        v => v == 2,
    }
}

fn with_stats(f: impl FnOnce(&mut Stats)) {
    if stats_enabled() {
        STATS.with(|s| f(&mut s.borrow_mut()));
    }
}

/// The start of the instruction that ends where `next` starts (`--stats` only: a walk from the
/// code's first instruction).
fn instr_before(cd: &CodeData, next: usize) -> Option<usize> {
    let mut at = 0;
    let mut prev = None;
    while at < next {
        prev = Some(at);
        let op = Opcode::from_u8(cd.adaptive.get(at)?.get() as u8)?;
        at += 1 + op.cache_units();
    }
    if at == next {
        prev
    } else {
        None
    }
}

fn op_name(cd: &CodeData, at: usize) -> &'static str {
    cd.adaptive
        .get(at)
        .and_then(|w| Opcode::from_u8(w.get() as u8))
        .map_or("?", |o| eval::step_form(o).name())
}

fn report(json: bool) -> String {
    STATS.with(|s| {
        let s = s.borrow();
        let map = |m: &std::collections::BTreeMap<&'static str, u64>, json: bool| -> String {
            let items: Vec<String> = m
                .iter()
                .map(|(k, v)| {
                    if json {
                        format!("\"{k}\":{v}")
                    } else {
                        format!("{k} {v}")
                    }
                })
                .collect();
            items.join(if json { "," } else { ", " })
        };
        if json {
            format!(
                "\"regions\":{},\"refreshed\":{},\"refreshed_by\":{{\"entry\":{},\"stale\":{},\"exits\":{}}},\"invalidated\":{},\"evicted\":{},\"yield_bound\":{},\"retired\":{},\"compile_failures\":{},\"code_bytes\":{},\
                 \"compile_ns\":{},\"compiled\":{{\"own\":{},\"calls\":{},\"exits\":{}}},\
                 \"entries\":{{\"start\":{},\"backedge\":{},\"continue\":{},\"resumed\":{}}},\"steps\":{},\
                 \"switched\":{{\"calls\":{},\"returns\":{}}},\
                 \"exits\":{{\"return\":{},\"yield\":{},\"call\":{},\"guard\":{},\"eval_breaker\":{},\"interpreter\":{},\
                 \"raised\":{}}},\"guard_exits_by_instruction\":{{{}}},\"call_exits_by_instruction\":{{{}}},\
                 \"interpreter_exits_by_instruction\":{{{}}},\"steps_by_instruction\":{{{}}},\"guard_misses_by_instruction\":{{{}}}",
                s.regions,
                s.refreshed,
                s.refreshed_by[0],
                s.refreshed_by[1],
                s.refreshed_by[2],
                s.invalidated,
                s.evicted,
                s.yield_bound,
                s.retired,
                s.compile_failures,
                s.code_bytes,
                s.compile_ns,
                s.compiled_own,
                s.compiled_calls,
                s.compiled_exits,
                s.entries[0],
                s.entries[1],
                s.entries[2],
                s.entries[3],
                s.steps,
                s.switched_calls,
                s.switched_returns,
                s.returns,
                s.yields,
                s.calls,
                s.guard_exits,
                s.breaker_exits,
                s.to_interpreter,
                s.raised,
                map(&s.guard_exits_by_op, true),
                map(&s.calls_by_op, true),
                map(&s.interpreter_by_op, true),
                map(&s.steps_by_op, true),
                map(&s.guard_misses_by_op, true)
            )
        } else {
            format!(
                "cpjit JIT stats (threshold {})\n\
                 regions {} refreshed {} (entry check {}, stale runs {}, guard exits {}) invalidated {} evicted {} left to the interpreter at yields {} retired while running {} compile failures {} code bytes {} compile time {} us\n\
                 compiled instructions: own stencil {} runtime call {} exit {}\n\
                 entries: function start {} loop header {} continue {} generator resume {}\n\
                 steps (instructions run through their runtime function) {}\n\
                 switched in compiled code: calls {} returns {}\n\
                 exits: return {} yield {} call {} guard {} eval breaker {} to interpreter {} raised {}\n\
                 guard exits by instruction: {}\n\
                 call exits by instruction: {}\n\
                 interpreter exits by instruction: {}\n\
                 steps by instruction: {}\n\
                 guard misses run in compiled code, by instruction: {}\n",
                settings().threshold,
                s.regions,
                s.refreshed,
                s.refreshed_by[0],
                s.refreshed_by[1],
                s.refreshed_by[2],
                s.invalidated,
                s.evicted,
                s.yield_bound,
                s.retired,
                s.compile_failures,
                s.code_bytes,
                s.compile_ns / 1000,
                s.compiled_own,
                s.compiled_calls,
                s.compiled_exits,
                s.entries[0],
                s.entries[1],
                s.entries[2],
                s.entries[3],
                s.steps,
                s.switched_calls,
                s.switched_returns,
                s.returns,
                s.yields,
                s.calls,
                s.guard_exits,
                s.breaker_exits,
                s.to_interpreter,
                s.raised,
                map(&s.guard_exits_by_op, false),
                map(&s.calls_by_op, false),
                map(&s.interpreter_by_op, false),
                map(&s.steps_by_op, false),
                map(&s.guard_misses_by_op, false)
            )
        }
    })
}

/// Runs compiled code from frame `f0` at `ip`, following calls and returns between compiled
/// code objects in a loop (never recursing natively), until code leaves to the interpreter or `f0`
/// returns.
fn hook(vm: &mut Vm, f0: FramePtr, cd0: &CodeData, ip: usize, kind: Entry) -> JitOutcome {
    // Nothing to run (not hot yet, or no entry at `ip`): back before setting up a run.
    let Some((code0, offset0)) = runnable(vm, cd0, kind, ip) else {
        return JitOutcome::NotRun;
    };
    // Everything below runs at every entry (a generator expression's resume is one): what only
    // an exit of some kind needs is worked out in its arm.
    let stats = stats_enabled();
    let mut first = Some((code0, offset0));
    let mut f = f0;
    let mut ip = ip;
    let mut kind = kind;
    // From here on every region this run reaches stays alive until it returns (`set_slot`), so
    // the loop works on the slots' regions by reference (`running`).
    let _run = RunGuard::enter();
    let mut ctx = JitContext::new();
    ctx.vm = vm as *mut Vm as *mut ();
    ctx.entry_frame = f0.0;
    loop {
        let (cd, code, offset) = match first.take() {
            Some((code, offset)) => (cd0, code, offset),
            None => {
                // A callee returned into its caller, or a call pushed a frame: run its compiled
                // code if it has some; otherwise the interpreter takes over from the frame.
                let Some(cd) = as_code(frame_code(f.get())).map(|c| &*c) else {
                    return JitOutcome::Resume {
                        kwnames: ctx.kwnames,
                    };
                };
                match runnable(vm, cd, kind, ip) {
                    Some((code, offset)) => (cd, code, offset),
                    None => {
                        return JitOutcome::Resume {
                            kwnames: ctx.kwnames,
                        }
                    }
                }
            }
        };
        let entries = code.entries.get() + 1;
        code.entries.set(entries);
        let (code, offset) = if entries.is_power_of_two() && entries <= REFRESH_CHECK_UNTIL {
            let fresh = refresh(vm, cd, code);
            match fresh.region.entry_offset(ip) {
                Some(o) => (fresh, o),
                // A refreshed region enters where its snapshot did; kept defensive.
                None => {
                    return JitOutcome::Resume {
                        kwnames: ctx.kwnames,
                    }
                }
            }
        } else {
            (code, offset)
        };
        if stats {
            with_stats(|s| s.entries[kind as usize] += 1);
        }
        let budget = vm.step_budget.saturating_sub(1).min(1 << 30) as u32;
        ctx.backedges = budget;
        ctx.exit_kind = EXIT_RAISED;
        ctx.steps = 0;
        ctx.eval_breaker
            .store(0, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: `f` is the current frame, synced (instr_index = ip, stack_depth), laid out as
        // `Frame` with room for the code's stack; the region was compiled from this very code
        // object, whose constants it embeds and which outlives the run (the frame holds it), and
        // `offset` is its entry at `ip`. The runtime functions are `generic_step` and `jit::ops`,
        // which uphold `GenericFn`'s contract.
        let exit = unsafe { code.region.run_at(f.0, &mut ctx, offset) };
        let used = budget - ctx.backedges;
        vm.step_budget = vm.step_budget.saturating_sub(used as u64).max(1);
        // A runtime function's guard failed (`jit::ops`): a guard exit like a stencil's.
        let exit = match exit {
            Some(JitExit::Error) if ctx.exit_kind == EXIT_DEOPT => Some(JitExit::Deopt),
            e => e,
        };
        // The common exits first: a yield, and a return from the entry frame.
        if let Some(JitExit::Return) = exit {
            if ctx.exit_kind == EXIT_YIELD {
                if stats {
                    exit_stats(&mut ctx, cd, code, f, exit);
                }
                // Entered where the last run yielded (kind Continue), the loop's own backward
                // jump is the one iteration; entered at the loop header, none. A resume
                // straight into compiled code (kind Resumed) costs less than the loop's start,
                // however little it runs.
                if kind != Entry::Resumed
                    && used <= (kind == Entry::Continue) as u32
                    && vm.current == f
                {
                    let at = f.get().instr_index as usize;
                    note_yield(cd, code, at.saturating_sub(1));
                }
                return JitOutcome::Yield(ctx.return_value);
            }
            if vm.current == f0 {
                if stats {
                    exit_stats(&mut ctx, cd, code, f, exit);
                }
                return JitOutcome::Return(ctx.return_value);
            }
        }
        // Compiled code may have left in another frame's compiled code (`_SWITCH`: calls and
        // returns): account the exit to the frame it left from, the current one.
        let (cd, code) = if vm.current == f {
            (cd, code)
        } else {
            let current: Option<&CodeData> = as_code(frame_code(vm.current.get())).map(|c| &*c);
            match current.and_then(|c| Some((c, running(c)?))) {
                Some((c, k)) => (c, k),
                None => (cd, code),
            }
        };
        // The frame compiled code left in (calls and returns switch frames).
        f = vm.current;
        if stats {
            exit_stats(&mut ctx, cd, code, f, exit);
        }
        match exit {
            // (A return from `f0` itself and a yield left above.)
            Some(JitExit::Return) => {
                // A callee this loop entered returned: back into its caller's compiled code.
                let returned = if eval::is_special_frame(f) {
                    eval::return_from_special(vm, f, ctx.return_value)
                } else {
                    Ok(eval::return_into_caller(vm, f, ctx.return_value))
                };
                match returned {
                    Ok(caller) => f = caller,
                    // An __init__ that returned something else than None: raised at the call.
                    Err((exc, at)) => {
                        return JitOutcome::Raise {
                            exc,
                            at,
                            reraise: false,
                        };
                    }
                }
                ip = f.get().instr_index as usize;
                kind = Entry::Continue;
            }
            Some(JitExit::Error) if ctx.exit_kind == EXIT_CALL => {
                // The call pushed the callee's frame: run its compiled code if it has some (the
                // interpreter's RESUME counts it towards compiling otherwise).
                ip = f.get().instr_index as usize;
                kind = Entry::Continue;
            }
            Some(JitExit::Deopt) => {
                let at = f.get().instr_index as usize;
                if !exit_is_breaker(&ctx) && code.region.is_compiled(at) {
                    note_exit(vm, cd, code, at);
                }
                return JitOutcome::Resume {
                    kwnames: ctx.kwnames,
                };
            }
            Some(JitExit::Error) if ctx.exit_kind == EXIT_RESUME => {
                return JitOutcome::Resume {
                    kwnames: ctx.kwnames,
                }
            }
            Some(JitExit::Error) => {
                return JitOutcome::Raise {
                    exc: ctx.exception,
                    at: ctx.error_at,
                    reraise: ctx.reraise != 0,
                }
            }
            None => {
                return JitOutcome::Raise {
                    exc: vm.err(
                        "SystemError",
                        "cpjit: compiled code returned an unknown exit status",
                    ),
                    at: ip as u32,
                    reraise: false,
                }
            }
        }
    }
}

/// A backward jump left because a collection is due or the countdown ran out: not a guard.
fn exit_is_breaker(ctx: &JitContext) -> bool {
    ctx.backedges == 0 || ctx.eval_breaker.load(std::sync::atomic::Ordering::Relaxed) != 0
}

/// `--stats`: how one run of compiled code left frame `f` (the current one) of `cd`.
#[cold]
fn exit_stats(
    ctx: &mut JitContext,
    cd: &CodeData,
    code: &Compiled,
    f: FramePtr,
    exit: Option<JitExit>,
) {
    let at = f.get().instr_index as usize;
    let breaker = exit_is_breaker(ctx);
    // An instruction compiled as an exit (a yield, generator creation): not a guard either.
    let exit_piece = !code.region.is_compiled(at);
    with_stats(|s| {
        s.steps += ctx.steps;
        s.switched_calls += std::mem::take(&mut ctx.switched_calls);
        s.switched_returns += std::mem::take(&mut ctx.switched_returns);
        match exit {
            Some(JitExit::Return) if ctx.exit_kind == EXIT_YIELD => s.yields += 1,
            Some(JitExit::Return) => s.returns += 1,
            Some(JitExit::Deopt) if breaker => s.breaker_exits += 1,
            Some(JitExit::Deopt) if exit_piece => {
                s.to_interpreter += 1;
                *s.interpreter_by_op.entry(op_name(cd, at)).or_default() += 1;
            }
            Some(JitExit::Deopt) => {
                s.guard_exits += 1;
                *s.guard_exits_by_op.entry(op_name(cd, at)).or_default() += 1;
            }
            Some(JitExit::Error) if ctx.exit_kind == EXIT_CALL => {
                s.calls += 1;
                // `f` is the callee's frame; its caller's index is past the call.
                let caller = f.previous();
                let name = (!caller.is_null())
                    .then(|| as_code(frame_code(caller.get())))
                    .flatten()
                    .and_then(|ccd| {
                        let at = instr_before(ccd, caller.get().instr_index as usize)?;
                        Some(op_name(ccd, at))
                    });
                *s.calls_by_op.entry(name.unwrap_or("?")).or_default() += 1;
            }
            Some(JitExit::Error) if ctx.exit_kind == EXIT_RESUME => {
                s.to_interpreter += 1;
                *s.interpreter_by_op.entry(op_name(cd, at)).or_default() += 1;
            }
            _ => s.raised += 1,
        }
    });
}

/// The compiled code of `cd`, if it has some, by reference: through the slot's `fast` address,
/// without borrowing the slot or counting a reference. Only while a run is active
/// (`RunGuard`), in which a region the slot stops holding is retired rather than freed, so the
/// reference stays valid until the outermost run returns.
fn running<'a>(cd: &CodeData) -> Option<&'a Compiled> {
    let fast = cd.jit.fast.get() as *const Compiled;
    // SAFETY: `fast` is 0 or the address of the `Compiled` the slot's `Rc` holds (`set_slot`
    // keeps them in step); while a run is active a replaced one is retired, not freed (above).
    (!fast.is_null()).then(|| unsafe { &*fast })
}

/// `cd`'s compiled code (compiling it if it became hot, as `kind` allows) and its entry at
/// `ip`, if it has both: what a run of the hook enters, by reference (`running`).
///
/// Inline, the common case only (compiled code at hand): what compiling needs is out of line
/// (`runnable_cold`), so a generator expression's resume touches a few cache lines of it rather
/// than the compile path's (nqueens: ~1.5M entries per loop).
#[inline(always)]
fn runnable<'a>(
    vm: &mut Vm,
    cd: &CodeData,
    kind: Entry,
    ip: usize,
) -> Option<(&'a Compiled, usize)> {
    let code = match running(cd) {
        Some(code) => code,
        None => return runnable_cold(vm, cd, kind, ip),
    };
    Some((code, code.region.entry_offset(ip)?))
}

/// `runnable` when `cd` has no compiled code yet: counts the entry and compiles once hot.
#[cold]
#[inline(never)]
fn runnable_cold<'a>(
    vm: &mut Vm,
    cd: &CodeData,
    kind: Entry,
    ip: usize,
) -> Option<(&'a Compiled, usize)> {
    let code = compiled_for(vm, cd, kind).and(running(cd))?;
    Some((code, code.region.entry_offset(ip)?))
}

/// The slot's `Rc` of `code` if `cd`'s slot still holds it (a region being run may have been
/// replaced meanwhile): what recompiling from it needs.
fn slot_rc(cd: &CodeData, code: &Compiled) -> Option<Rc<Compiled>> {
    compiled_of(cd).filter(|c| std::ptr::eq(&**c, code))
}

/// The compiled code of `cd`, if it has some.
fn compiled_of(cd: &CodeData) -> Option<Rc<Compiled>> {
    match cd.jit.compiled.borrow().as_ref()?.downcast_ref::<Slot>()? {
        Slot::Compiled(code) => Some(code.clone()),
        _ => None,
    }
}

/// Replaces `cd`'s JIT slot, keeping `JitSlot::fast` (the address of the `Compiled` in the
/// slot's `Rc`, or 0) in step with it.
///
/// The region it replaces may still be running: compiled code switches (`_SWITCH`) into regions
/// the driver holds no `Rc` of, and a runtime function called from one of them (a step calling a
/// builtin that calls Python code, an `__eq__`, ...) can enter the driver again, which may
/// refresh or throw away that very region while the outer run's native stack still returns into
/// it. So while any region runs on this thread, a replaced region is retired (`RETIRED`) rather
/// than freed, and freed when the outermost run returns (`RunGuard`).
fn set_slot(cd: &CodeData, slot: Slot) {
    let fast = match &slot {
        Slot::Compiled(code) => Rc::as_ptr(code) as usize,
        _ => 0,
    };
    // The code cache lists exactly the installed regions.
    let old_fast = cd.jit.fast.get();
    if old_fast != 0 {
        uninstall(old_fast);
    }
    if let Slot::Compiled(code) = &slot {
        let bytes = code.region.stats().code_bytes;
        let _ = INSTALLED.try_with(|c| {
            let mut c = c.borrow_mut();
            c.bytes += bytes;
            c.regions.push_back((cd as *const CodeData, fast, bytes));
        });
    }
    cd.jit.never.set(matches!(slot, Slot::Never));
    // Compiled calls and returns (`_CALL_PY`, `_RETURN`) find entries through `cd.call`:
    // pointed at the new code before the old can be dropped below.
    cd.call.set_entries(match &slot {
        Slot::Compiled(code) => Some((
            code.region.base() as usize,
            code.region.entry_table(),
            &code.entries,
        )),
        _ => None,
    });
    let old = cd.jit.compiled.borrow_mut().replace(Box::new(slot));
    cd.jit.fast.set(fast);
    if let Some(Ok(old)) = old.map(|b| b.downcast::<Slot>()) {
        if let Slot::Compiled(code) = *old {
            if RUN_DEPTH.with(|d| d.get()) > 0 {
                with_stats(|s| s.retired += 1);
                RETIRED.with(|r| r.borrow_mut().push(code));
                ANY_RETIRED.with(|a| a.set(true));
            }
        }
    }
}

/// The installed regions, oldest first: (code object, its `Compiled`, code bytes), and their
/// bytes together. A `Compiled` leaves the list when its slot replaces it (`set_slot`) or when it
/// is dropped with its code object (`Drop for Compiled`), so every code object listed is alive.
#[derive(Default)]
struct CodeCache {
    regions: std::collections::VecDeque<(*const CodeData, usize, usize)>,
    bytes: usize,
}

/// Takes the region `compiled` (a `Compiled`'s address) off the code cache's list.
fn uninstall(compiled: usize) {
    let _ = INSTALLED.try_with(|c| {
        let mut c = c.borrow_mut();
        if let Some(k) = c.regions.iter().position(|&(_, p, _)| p == compiled) {
            let (_, _, bytes) = c.regions.remove(k).unwrap_or_default();
            c.bytes -= bytes;
        }
    });
}

impl Drop for Compiled {
    fn drop(&mut self) {
        uninstall(self as *const Compiled as usize);
    }
}

/// Keeps the installed regions within `Settings::code_limit`: evicts the oldest (but `keep`, the
/// region just compiled) until they fit. An evicted code object warms up again and may be
/// compiled anew; a region still running is retired, not freed (`set_slot`).
fn make_room(keep: *const CodeData) {
    let limit = settings().code_limit;
    loop {
        let victim = INSTALLED.with(|c| {
            let c = c.borrow();
            if c.bytes <= limit {
                return None;
            }
            c.regions
                .iter()
                .find(|&&(cd, _, _)| cd != keep)
                .map(|&(cd, _, _)| cd)
        });
        let Some(cd) = victim else { return };
        // SAFETY: a listed code object is alive (see `CodeCache`).
        let cd = unsafe { &*cd };
        let recompiles = match cd
            .jit
            .compiled
            .borrow()
            .as_ref()
            .and_then(|b| b.downcast_ref::<Slot>())
        {
            Some(Slot::Compiled(code)) => code.recompiles,
            _ => 0,
        };
        with_stats(|s| s.evicted += 1);
        set_slot(
            cd,
            Slot::Cooling {
                recompiles,
                demoted: Vec::new(),
                widened: Vec::new(),
            },
        );
        cd.jit.warmth.set(0);
    }
}

thread_local! {
    /// The installed regions (the code cache's bound: `make_room`).
    static INSTALLED: std::cell::RefCell<CodeCache> = std::cell::RefCell::new(CodeCache::default());
    /// Driver runs (`hook`) active on this thread's native stack.
    static RUN_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Regions replaced while some run was active, freed when the outermost run returns.
    static RETIRED: std::cell::RefCell<Vec<Rc<Compiled>>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Whether `RETIRED` holds something.
    static ANY_RETIRED: Cell<bool> = const { Cell::new(false) };
}

/// Counts a driver run as active for its lifetime; the outermost one frees the retired regions
/// when it ends (no native frame can return into compiled code then).
struct RunGuard;

impl RunGuard {
    fn enter() -> RunGuard {
        RUN_DEPTH.with(|d| d.set(d.get() + 1));
        RunGuard
    }
}

impl Drop for RunGuard {
    #[inline(always)]
    fn drop(&mut self) {
        let depth = RUN_DEPTH.with(|d| {
            d.set(d.get() - 1);
            d.get()
        });
        // `RETIRED` has a destructor, so each access checks its registration: only when
        // something was retired.
        if depth == 0 && ANY_RETIRED.with(|a| a.get()) {
            free_retired();
        }
    }
}

/// Frees the regions retired while runs were active (the outermost run has returned).
#[cold]
#[inline(never)]
fn free_retired() {
    ANY_RETIRED.with(|a| a.set(false));
    let retired = RETIRED.with(|r| std::mem::take(&mut *r.borrow_mut()));
    drop(retired);
}

/// The address of the compiled piece of instruction `ip` of `cd`, if `cd` has compiled code and
/// the instruction is compiled (not an exit), counted as an entry: where `_SWITCH` continues a
/// call or a return. The region stays alive while it runs: a region replaced while any run is
/// active is retired, not freed, until the outermost run returns (`set_slot`).
pub(super) fn entry_address(cd: &CodeData, ip: usize) -> Option<usize> {
    let fast = cd.jit.fast.get() as *const Compiled;
    if fast.is_null() {
        return None;
    }
    // SAFETY: `fast` is the address of the `Compiled` the slot's `Rc` holds (`set_slot` keeps
    // them in step), alive as long as the slot holds it, which outlasts this call.
    let code = unsafe { &*fast };
    let offset = code.region.entry_offset(ip)?;
    code.entries.set(code.entries.get() + 1);
    Some(code.region.base() as usize + offset)
}

/// The compiled code of `cd`, compiling it when it became hot.
fn compiled_for(vm: &mut Vm, cd: &CodeData, kind: Entry) -> Option<Rc<Compiled>> {
    let slot = &cd.jit;
    let (recompiles, demoted, widened) = {
        let c = slot.compiled.borrow();
        match c.as_ref().and_then(|b| b.downcast_ref::<Slot>()) {
            Some(Slot::Compiled(code)) => return Some(code.clone()),
            Some(Slot::Never) => return None,
            Some(Slot::Cooling {
                recompiles,
                demoted,
                widened,
            }) => (*recompiles, demoted.clone(), widened.clone()),
            None => (0, Vec::new(), Vec::new()),
        }
    };
    if matches!(kind, Entry::Continue | Entry::Resumed) {
        return None;
    }
    let warmth = slot.warmth.get().saturating_add(1);
    slot.warmth.set(warmth);
    let threshold = settings().threshold.saturating_mul(1 << recompiles.min(16));
    // Until then the loop counts entries itself (`eval::jit_due`).
    slot.due.set(threshold);
    if warmth < threshold {
        return None;
    }
    slot.warmth.set(0);
    let started = std::time::Instant::now();
    let compiled = compile(vm, cd, &demoted, &widened, &[]);
    with_stats(|s| {
        s.compile_ns += started.elapsed().as_nanos() as u64;
        match &compiled {
            Ok((region, ..)) => {
                let st = region.stats();
                s.regions += 1;
                s.code_bytes += st.code_bytes as u64;
                s.compiled_exits += st.exits as u64;
                s.compiled_calls += st.calls as u64;
                s.compiled_own += (st.instructions - st.exits - st.calls) as u64;
            }
            Err(_) => s.compile_failures += 1,
        }
    });
    let new = match compiled {
        Ok((region, ops, burned)) => Slot::Compiled(Rc::new(Compiled {
            generic_sites: generic_sites(cd),
            burned,
            ops,
            refreshed_at: Vec::new(),
            stale_refreshed: Vec::new(),
            widened,
            refreshes: 0,
            region,
            recompiles,
            demoted,
            entries: Cell::new(0),
            short_yields: Cell::new(0),
            stale: Cell::new(0),
            exits: Cell::new(0),
            exits_at: Default::default(),
        })),
        Err(_) => Slot::Never,
    };
    let out = match &new {
        Slot::Compiled(c) => Some(c.clone()),
        _ => None,
    };
    set_slot(cd, new);
    make_room(cd);
    out
}

/// The adaptive instructions of `cd` now in their generic form (see `Compiled::generic_sites`).
fn generic_sites(cd: &CodeData) -> Vec<(usize, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cd.adaptive.len() {
        let w = cd.adaptive[i].get() as u8;
        let Some(op) = Opcode::from_u8(w) else { break };
        if op.is_adaptive() && op.info().cache > 0 {
            out.push((i, w));
        }
        i += 1 + op.info().cache as usize;
    }
    out
}

/// Whether `op`'s stencil takes its inline cache's values as immediates when the region is
/// compiled (`_JIT_CACHE_VERSION` ...; stencils/attr.rs) rather than reading the live cache.
pub(super) fn burns_cache(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::LOAD_ATTR_INSTANCE_VALUE
            | Opcode::LOAD_ATTR_SLOT
            | Opcode::STORE_ATTR_INSTANCE_VALUE
            | Opcode::STORE_ATTR_SLOT
            | Opcode::LOAD_METHOD_WITH_VALUES
            | Opcode::LOAD_METHOD_NO_DICT
    )
}

/// Whether the instruction at `i` of `cd` gets its inline cache's values compiled in
/// (`RuntimeSymbols::burn_cache`): an attribute instruction whose stencil can (`burns_cache`)
/// at a site that has seen instances of one class only: whose specialized form has not missed
/// since it was specialized, and whose generic form's attribute cache (`inline_cache::site`),
/// which records each class a miss met, holds at most one. Where a site sees several classes
/// the specializer keeps re-specializing it among them (bm_deltablue's constraint methods run
/// on sibling subclasses) and a compiled-in cache would miss for all but one, so such sites
/// read the live cache (compiling every site's cache in cost bm_deltablue 20% more
/// instructions and 31 recompiles in five loops).
fn burned_site(cd: &CodeData, i: usize, mode: crate::vm::adaptive::Mode) -> bool {
    let Some(op) = cd
        .adaptive
        .get(i)
        .and_then(|w| Opcode::from_u8(w.get() as u8))
    else {
        return false;
    };
    if !burns_cache(op) || cd.site_of.get(i).is_none_or(|&s| s == 0) {
        return false;
    }
    let counter = cd.adaptive.get(i + 1).map_or(0, |c| c.get());
    // (No type has version 0: a cache holding it guards nothing; `burned_sites` marks "none".)
    let version = cd.adaptive.get(i + 2).map_or(0, |c| c.get());
    if version == 0 || crate::vm::adaptive::missed_since_specialized(counter, mode) {
        return false;
    }
    let site = crate::vm::runtime::inline_cache::site(&cd.caches, &cd.site_of, i);
    let words = crate::vm::runtime::inline_cache::WORDS;
    let mut seen = 0;
    for entry in site.chunks(words) {
        let ty = entry[0].get();
        if ty != 0 && ty != seen {
            if seen != 0 {
                return false;
            }
            seen = ty;
        }
    }
    true
}

/// For each code unit of `cd`, the type version its inline cache holds now (c[1], the unit
/// after the counter) if the instruction there is compiled with its cache's values in
/// (`burned_site`, but not those in `live`), else 0 (no type has version 0): a
/// table by index, so a slow path finds its instruction's entry in one load
/// (`note_burned_slow`; a binary search there cost bm_richards 3% more instructions, its
/// polymorphic sites taking the slow path 470k times a loop).
fn burned_sites(cd: &CodeData, mode: crate::vm::adaptive::Mode, live: &[usize]) -> Box<[u32]> {
    let mut out = vec![0u32; cd.adaptive.len()];
    let mut i = 0;
    while i < cd.adaptive.len() {
        let Some(op) = Opcode::from_u8(cd.adaptive[i].get() as u8) else {
            break;
        };
        if !live.contains(&i) && burned_site(cd, i, mode) {
            if let Some(c1) = cd.adaptive.get(i + 2) {
                out[i] = c1.get();
            }
        }
        i += 1 + op.info().cache as usize;
    }
    out.into_boxed_slice()
}

/// Whether the instruction at `at` is still the one `code` burned a cache into, re-specialized
/// since for another type version (its compiled fast path then never hits).
#[inline]
fn burned_stale(cd: &CodeData, code: &Compiled, at: usize) -> bool {
    let version = code.burned.get(at).copied().unwrap_or(0);
    version != 0
        && cd.adaptive.get(at + 2).map(|c| c.get()) != Some(version)
        && cd.adaptive.get(at).map(|w| w.get() as u8) == code.ops.get(at).copied()
}

/// A burned-cache instruction's runtime function ran (its compiled fast path missed, or it is
/// compiled as a call): if the instruction was re-specialized for another type version since
/// the region was compiled, counts a stale run (`note_stale`), which recompiles the region at
/// the limit. Other misses (an object of another class at a polymorphic site) count nothing.
#[inline]
pub(super) fn note_burned_slow(vm: &mut Vm, cd: &CodeData, at: usize) {
    let Some(code) = running(cd) else { return };
    if burned_stale(cd, code, at) {
        note_stale_cold(vm, cd, at);
    }
}

/// `note_stale` out of line, for callers where staleness is the rare case (it keeps
/// `note_burned_slow` small enough to inline into the attribute runtime functions).
#[cold]
#[inline(never)]
fn note_stale_cold(vm: &mut Vm, cd: &CodeData, at: usize) {
    note_stale(vm, cd, at);
}

/// Recompiles `code` when the specializer has rewritten one of the generic instructions it was
/// compiled from (a region compiled early, e.g. before a recursive function's second half first
/// ran, would otherwise keep running those through their generic runtime functions for good).
#[cold]
#[inline(never)]
fn refresh<'a>(vm: &mut Vm, cd: &CodeData, code: &'a Compiled) -> &'a Compiled {
    let settled = |i: usize| code.stale_refreshed.contains(&i);
    if code.refreshes >= MAX_REFRESHES
        || (code
            .generic_sites
            .iter()
            .all(|&(i, w)| cd.adaptive[i].get() as u8 == w || settled(i))
            && code
                .burned
                .iter()
                .enumerate()
                .all(|(i, &v)| v == 0 || !burned_stale(cd, code, i) || settled(i)))
    {
        return code;
    }
    match slot_rc(cd, code) {
        Some(rc) => {
            recompile_refreshed(vm, cd, rc, None, Noticed::EntryCheck);
            running(cd).unwrap_or(code)
        }
        None => code,
    }
}

/// Runtime functions of `cd`'s region found their instruction rewritten since it was compiled
/// (each such run hands over to another runtime function, or steps) this many times per
/// instruction the region compiled (at least `STALE_REFRESH_MIN`) before the region is
/// recompiled from the code as it is now. Proportional to the region because so is what a
/// recompile costs (~2k machine instructions per bytecode instruction, stitching and analysis)
/// while what each stale run costs is about constant (~100: the redirection and a runtime call
/// for what a stencil does inline; more where the stale site is a call that now leaves for the
/// interpreter): recompiling once the stale runs have cost about what the recompile will (rent,
/// then buy) costs at most twice what the best choice in hindsight would. A flat 64 recompiled
/// bm_deltablue's regions 38 times in a 30 ms run (2.4 ms of compiling); 16 per instruction, 12
/// times. 64 per instruction left more of bm_go's stale call sites exiting (1058M instructions
/// at one loop, 16: 1055M, the flat 64: 1051M).
const STALE_REFRESH_PER_INSTRUCTION: u32 = 16;
const STALE_REFRESH_MIN: u32 = 64;

/// The stale runs after which `code` is recompiled (`STALE_REFRESH_PER_INSTRUCTION`).
fn stale_limit(code: &Compiled) -> u32 {
    let n = code.region.stats().instructions as u32;
    n.saturating_mul(STALE_REFRESH_PER_INSTRUCTION)
        .max(STALE_REFRESH_MIN)
}

/// A runtime function of `cd`'s region found its instruction rewritten (`ops::rewritten`). Code
/// entered mostly through calls and returns switched in compiled code rarely passes the driver's
/// entry checks (`refresh`), so this count recompiles it too (within `MAX_REFRESHES`). Safe while
/// the region runs: the replaced region is retired until the outermost run returns.
#[inline]
pub(super) fn note_stale(vm: &mut Vm, cd: &CodeData, at: usize) {
    let fast = cd.jit.fast.get() as *const Compiled;
    if fast.is_null() {
        return;
    }
    // SAFETY: `fast` is the address of the `Compiled` the slot's `Rc` holds (`set_slot` keeps
    // them in step), alive while the slot holds it, which outlasts this read.
    let current = unsafe { &*fast };
    // A site rewritten again after a refresh for it flips among forms (a polymorphic
    // attribute, a call site seeing builtins and Python functions): recompiling for it would
    // only catch it in one form until the next flip (bm_deltablue's call sites flipped between
    // CALL and CALL_BUILTIN_FAST, a refresh each time). Its runs keep being redirected, so this
    // is checked before the slot is borrowed.
    if current.refreshes >= MAX_REFRESHES || current.stale_refreshed.contains(&at) {
        return;
    }
    note_stale_run(vm, cd);
}

/// `note_stale` past its checks: counts the stale run and recompiles at the limit. Out of line:
/// the checks run on every slow path of a stale site (a compare flipping between forms, whose
/// runs stay in compiled code), and this is the part that borrows the slot.
#[cold]
#[inline(never)]
fn note_stale_run(vm: &mut Vm, cd: &CodeData) {
    let code = {
        let c = cd.jit.compiled.borrow();
        match c.as_ref().and_then(|b| b.downcast_ref::<Slot>()) {
            Some(Slot::Compiled(code)) => code.clone(),
            _ => return,
        }
    };
    let n = code.stale.get() + 1;
    code.stale.set(n);
    if n >= stale_limit(&code) && code.refreshes < MAX_REFRESHES {
        recompile_refreshed(vm, cd, code, None, Noticed::StaleRuns);
    }
}

/// Guard failures at one instruction the specializer has rewritten since the region was compiled
/// (checked at this count and each power of two after it) after which the region is recompiled
/// from the code as it is now (`note_exit`). A guard that fails where the interpreter then
/// re-specialized the instruction (a float addition that met `0 + 0`, now
/// BINARY_OP_NUMERIC_FLOAT) would otherwise exit at every such run while the region's other
/// exits and entries keep the ratio that invalidates it out of reach: bm_barnes_hut left
/// compiled code 194k times per loop this way. Low, as each exit costs an exit, a step in
/// the interpreter and an entry.
const REWRITTEN_EXITS: u32 = 16;
/// At most this many recompiles of one code object's region in all (stale snapshots and sites
/// demoted after flipping twice).
const MAX_FLIP_REFRESHES: u32 = 24;

/// The specialized forms of `+ - * /` (and float `**`) on small ints and floats: a site flipping
/// among them takes BINARY_OP_NUMERIC_FLOAT, which does all of them but int-with-int inline
/// (`widened`; a `**` site keeps its form, the stencil's slow path doing it).
fn int_or_float_arith(op: Opcode) -> bool {
    op == Opcode::BINARY_OP_NUMERIC_FLOAT || super::ops::int_float_forms(op)
}

/// Whether `was`, what a region compiled the instruction at `at` as, is `int_or_float_arith` and
/// the instruction there now is too, or is the generic BINARY_OP waiting to re-specialize, with
/// a float form on one side: an int site that met big ints (int form <-> generic) is not one
/// (as BINARY_OP_NUMERIC_FLOAT its big ints would all take the slow path: bigint's scaled
/// kernel ran 276k steps, 97M -> 108M instructions).
fn numeric_flip(cd: &CodeData, was: Option<u8>, at: usize) -> bool {
    let Some(now) = cd.adaptive.get(at).map(|w| w.get()) else {
        return false;
    };
    let was = was.and_then(Opcode::from_u8);
    let float_form = |o: Option<Opcode>| {
        matches!(
            o,
            Some(
                Opcode::BINARY_OP_ADD_FLOAT
                    | Opcode::BINARY_OP_SUBTRACT_FLOAT
                    | Opcode::BINARY_OP_MULTIPLY_FLOAT
                    | Opcode::BINARY_OP_NUMERIC_FLOAT
            )
        )
    };
    was.is_some_and(int_or_float_arith)
        && widenable(now)
        && (float_form(was) || float_form(Opcode::from_u8(now as u8)))
}

/// What recompiling a region for an instruction the specializer rewrote does with it
/// (`note_exit`): a numeric flip is widened, a site rewritten a second time is demoted to a
/// step, any other recompiles from the code as it is now.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rewritten {
    Refresh,
    Widen,
    Demote,
}

impl Rewritten {
    fn of(cd: &CodeData, code: &Compiled, at: usize) -> Rewritten {
        if numeric_flip(cd, code.ops.get(at).copied(), at) {
            Rewritten::Widen
        } else if code.refreshed_at.contains(&at) {
            Rewritten::Demote
        } else {
            Rewritten::Refresh
        }
    }
}

/// Whether the code unit `w` is `int_or_float_arith`, or a generic BINARY_OP of `+ - * /`.
fn widenable(w: u32) -> bool {
    match Opcode::from_u8(w as u8) {
        Some(Opcode::BINARY_OP) => {
            use crate::bytecode::opcode::nb;
            matches!(
                (w >> 8) % nb::INPLACE,
                nb::ADD | nb::SUBTRACT | nb::MULTIPLY | nb::TRUE_DIVIDE
            )
        }
        Some(op) => int_or_float_arith(op),
        None => false,
    }
}

/// The instructions (not their cache units) `rewritten_since` `code` was compiled.
fn rewritten_sites(cd: &CodeData, code: &Compiled) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.ops.len() {
        let Some(op) = Opcode::from_u8(code.ops[i]) else {
            break;
        };
        if rewritten_since(cd, code, i) {
            out.push(i);
        }
        i += 1 + op.info().cache as usize;
    }
    out
}

/// Whether the instruction at `at` is no longer what `code` compiled it as.
fn rewritten_since(cd: &CodeData, code: &Compiled, at: usize) -> bool {
    let (Some(live), Some(&was)) = (cd.adaptive.get(at), code.ops.get(at)) else {
        return false;
    };
    let form = |op: u8| Opcode::from_u8(op).map(eval::step_form);
    form(live.get() as u8) != form(was) || burned_stale(cd, code, at)
}

/// What noticed that the specializer rewrote instructions a region was compiled from (`--stats`:
/// refreshes by cause).
#[derive(Clone, Copy)]
enum Noticed {
    /// The driver's check at an entry (`refresh`).
    EntryCheck,
    /// Runtime functions finding their instruction rewritten (`note_stale`).
    StaleRuns,
    /// A guard failing where the instruction was rewritten (`note_exit`).
    GuardExits,
}

/// Recompiles `code`'s code object from its quickened instructions as they are now; `rewritten`:
/// because the guard of that instruction kept failing after the specializer rewrote it, and
/// what to do with it (`Rewritten`).
fn recompile_refreshed(
    vm: &mut Vm,
    cd: &CodeData,
    code: Rc<Compiled>,
    rewritten: Option<(usize, Rewritten)>,
    noticed: Noticed,
) -> Rc<Compiled> {
    let started = std::time::Instant::now();
    let mut demoted = code.demoted.clone();
    let mut widened = code.widened.clone();
    let mut refreshed_at = code.refreshed_at.clone();
    let mut stale_refreshed = code.stale_refreshed.clone();
    match rewritten {
        Some((at, Rewritten::Widen)) => widened.push(at),
        Some((at, Rewritten::Demote)) => demoted.push(at),
        Some((at, Rewritten::Refresh)) => refreshed_at.push(at),
        // Every instruction rewritten since: a refresh is for them (`note_stale`, `refresh`).
        None => {
            for at in rewritten_sites(cd, &code) {
                if !stale_refreshed.contains(&at) {
                    stale_refreshed.push(at);
                }
            }
        }
    }
    let Ok((region, ops, burned)) = compile(vm, cd, &demoted, &widened, &stale_refreshed) else {
        return code;
    };
    with_stats(|s| {
        s.compile_ns += started.elapsed().as_nanos() as u64;
        s.regions += 1;
        s.refreshed += 1;
        s.refreshed_by[noticed as usize] += 1;
        s.code_bytes += region.stats().code_bytes as u64;
    });
    let new = Rc::new(Compiled {
        region,
        ops,
        refreshed_at,
        stale_refreshed,
        widened,
        generic_sites: generic_sites(cd),
        burned,
        refreshes: code.refreshes + 1,
        recompiles: code.recompiles,
        demoted,
        entries: Cell::new(code.entries.get()),
        short_yields: Cell::new(code.short_yields.get()),
        stale: Cell::new(0),
        exits: Cell::new(0),
        exits_at: Default::default(),
    });
    set_slot(cd, Slot::Compiled(new.clone()));
    make_room(cd);
    new
}

/// A generator region whose runs this often end at a yield without a backward jump...
const SHORT_YIELD_LIMIT: u64 = 256;
/// ... on at least 1 in this many entries is left to the interpreter.
const SHORT_YIELD_RATIO: u64 = 2;

/// A run the loop started (kind `Continue`: a generator resumed through `eval::run`, as
/// `throw` does) left compiled code at the YIELD_VALUE at `at` without taking a backward jump:
/// it did part of one loop iteration for the loop's start, an entry into compiled code and an
/// exit, which cost more than the interpreter's iteration (a generator expression's body is a
/// handful of instructions). Regions where that is the rule are left to the interpreter for good.
/// Resumes by `next` and `send` enter compiled code before the loop starts
/// (`eval::resume_generator`, kind `Resumed`) and are not counted: nqueens' 702k generator
/// expression resumes per loop cost 1063M instructions left to the interpreter, 1014M compiled.
fn note_yield(cd: &CodeData, code: &Compiled, at: usize) {
    if cd.adaptive.get(at).map(|w| w.get() as u8) != Some(Opcode::YIELD_VALUE as u8) {
        return;
    }
    let n = code.short_yields.get() + 1;
    code.short_yields.set(n);
    if n >= SHORT_YIELD_LIMIT && n * SHORT_YIELD_RATIO >= code.entries.get() {
        with_stats(|s| s.yield_bound += 1);
        set_slot(cd, Slot::Never);
    }
}

/// Counts a guard failure at `at`; throws the region away when its guards fail too often.
fn note_exit(vm: &mut Vm, cd: &CodeData, code: &Compiled, at: usize) {
    let exits = code.exits.get() + 1;
    code.exits.set(exits);
    let here = {
        let mut by_site = code.exits_at.borrow_mut();
        let n = by_site.entry(at).or_insert(0);
        *n += 1;
        *n
    };
    if here >= REWRITTEN_EXITS && here.is_power_of_two() && rewritten_since(cd, code, at) {
        if let Some(current) = slot_rc(cd, code) {
            let mut how = Rewritten::of(cd, code, at);
            // Out of refreshes, a site whose guard keeps failing where the specializer rewrote
            // it is demoted to a step: left compiled as it was, it would exit at every such run
            // for good (bm_pidigits' `compose`, whose multiplications flip between the int form
            // and the generic one as its operands grow: 9.7k exits in five loops).
            if how == Rewritten::Refresh && current.refreshes >= MAX_REFRESHES {
                how = Rewritten::Demote;
            }
            // Widening and demoting are bounded by the sites, not by `MAX_REFRESHES`.
            let limit = match how {
                Rewritten::Refresh => MAX_REFRESHES,
                Rewritten::Widen | Rewritten::Demote => MAX_FLIP_REFRESHES,
            };
            if current.refreshes < limit {
                recompile_refreshed(vm, cd, current, Some((at, how)), Noticed::GuardExits);
                return;
            }
        }
    }
    if exits >= EXIT_LIMIT && exits * EXIT_RATIO >= code.entries.get() {
        let recompiles = code.recompiles + 1;
        let mut demoted = code.demoted.clone();
        for (&i, &n) in code.exits_at.borrow().iter() {
            if n >= DEMOTE_AFTER && !demoted.contains(&i) {
                demoted.push(i);
            }
        }
        let next = if recompiles > MAX_RECOMPILES {
            Slot::Never
        } else {
            Slot::Cooling {
                recompiles,
                demoted,
                widened: code.widened.clone(),
            }
        };
        with_stats(|s| s.invalidated += 1);
        // The region being run stays alive until the outermost run returns (`set_slot`).
        set_slot(cd, next);
        cd.jit.warmth.set(0);
    }
}

/// Stitches the code object `code` from its quickened instructions as they are now, nothing
/// demoted, without installing the region: what the stitcher's benchmark times (benches/vm.rs).
/// `None` if `code` is not a code object.
pub fn stitch_code_object(
    vm: &mut Vm,
    code: crate::vm::value::Value,
) -> Option<Result<Region, super::stitch::StitchError>> {
    let cd: &CodeData = as_code(code)?;
    Some(compile(vm, cd, &[], &[], &[]).map(|(region, ..)| region))
}

/// Stitches `cd`'s quickened instructions as they are now, `demoted` ones as steps,
/// `widened` ones as BINARY_OP_NUMERIC_FLOAT and attribute instructions in `live` (sites a
/// refresh was for: they flip among forms) reading their live inline cache; with the opcode
/// each code unit was compiled as and the versions of the caches compiled in
/// (`Compiled::burned`: the one table the stitcher's choice of variant is read from too).
fn compile(
    vm: &mut Vm,
    cd: &CodeData,
    demoted: &[usize],
    widened: &[usize],
    live: &[usize],
) -> Result<(Region, Box<[u8]>, Box<[u32]>), super::stitch::StitchError> {
    let mut code = snapshot(cd);
    for &i in widened {
        let Some(w) = code.get_mut(i) else { continue };
        if widenable(*w) {
            *w = (*w & !0xFF) | Opcode::BINARY_OP_NUMERIC_FLOAT as u32;
        }
    }
    let bound = {
        use crate::bytecode::code::flags;
        let co = &cd.code;
        let star = |f: u32| (co.flags & f != 0) as usize;
        let nparams = co.argcount as usize
            + co.kwonlyargcount as usize
            + star(flags::CO_VARARGS)
            + star(flags::CO_VARKEYWORDS);
        let handlers: Vec<u32> = co.exception_table.iter().map(|e| e.target).collect();
        super::bound::proven_bound_loads(&code, nparams, &handlers)
    };
    let as_step = |i: usize| demoted.contains(&i);
    let proven_bound = |i: usize| bound.get(i).copied().unwrap_or(false);
    let burned = burned_sites(cd, vm.mode, live);
    let burn = |i: usize| burned.get(i).is_some_and(|&v| v != 0);
    let attr_site = |i: usize| {
        crate::vm::runtime::inline_cache::full_site(&cd.caches, &cd.site_of, i)
            .unwrap_or(std::ptr::null())
    };
    let syms = runtime_symbols(vm, cd, &as_step, &proven_bound, &burn, &attr_site);
    let region = Region::compile(&code, &cd.consts, &syms)?;
    if settings().dump {
        let title = format!("{} (recompiled as steps: {demoted:?})", cd.code.qualname);
        eprint!("{}", super::dump::region(&region, &code, &title));
    }
    if settings().perf_map {
        write_perf_map(&region, &code, &cd.code.qualname);
    }
    Ok((region, code.iter().map(|&w| w as u8).collect(), burned))
}

/// The symbols the driver compiles `cd`'s regions with: `vm`'s singletons and types, the runtime
/// functions ([`generic_fn`], `ops::switch_fn`) and `cd`'s live quickened code for the inline
/// caches; `as_step`, `proven_bound` and `burn_cache` as [`RuntimeSymbols`] describes them.
pub fn runtime_symbols<'a>(
    vm: &Vm,
    cd: &CodeData,
    as_step: &'a dyn Fn(usize) -> bool,
    proven_bound: &'a dyn Fn(usize) -> bool,
    burn_cache: &'a dyn Fn(usize) -> bool,
    attr_site: &'a dyn Fn(usize) -> *const u8,
) -> RuntimeSymbols<'a> {
    RuntimeSymbols {
        true_value: vm.true_,
        false_value: vm.false_,
        none_value: vm.none,
        range_iter_type: vm.t.range_iterator as *const u8,
        cell_type: vm.t.cell as *const u8,
        function_type: vm.t.function as *const u8,
        type_type: vm.t.type_ as *const u8,
        tuple_type: vm.t.tuple as *const u8,
        dict_type: vm.t.dict as *const u8,
        module_type: vm.t.module as *const u8,
        tuple_iter_type: vm.t.tuple_iterator as *const u8,
        list_iter_type: vm.t.list_iterator as *const u8,
        list_type: vm.t.list as *const u8,
        attr_site,
        type_epoch: crate::vm::runtime::inline_cache::epoch_address(),
        inline_calls: settings().inline_calls && vm.stats.is_none(),
        generic_fn: &generic_fn,
        switch_fn: &super::ops::switch_fn,
        cache: cd.adaptive.as_ptr() as *const u8,
        as_step,
        proven_bound,
        burn_cache,
        call_stubs: settings().call_stubs,
    }
}

/// The runtime function compiled code calls for generic instruction `op` (`ops::runtime_fn`),
/// or `None` for the instructions that leave the frame (the interpreter switches frames) or are
/// not supported: those are exits.
pub fn generic_fn(op: Opcode) -> Option<super::runtime::GenericFn> {
    match op {
        Opcode::RETURN_GENERATOR | Opcode::YIELD_VALUE => None,
        _ => Some(super::ops::runtime_fn(op)),
    }
}

/// Appends the pieces of `region` to `/tmp/perf-<pid>.map` (Linux perf's JIT symbol map:
/// `START SIZE NAME` in hex, one line per range), named `cpjit:QUALNAME:INDEX OPNAME` (an
/// instruction's piece; out-of-line pieces add their stencil), so `perf report` attributes samples
/// in compiled code to the bytecode instruction. Stencils keep rbp as the frame pointer (the
/// entry trampoline sets up the only frame), so `perf record -g` unwinds through them.
fn write_perf_map(region: &Region, code: &[u32], qualname: &str) {
    use std::io::Write;
    static FILE: std::sync::Mutex<Option<std::fs::File>> = std::sync::Mutex::new(None);
    let Ok(mut file) = FILE.lock() else { return };
    if file.is_none() {
        let path = format!("/tmp/perf-{}.map", std::process::id());
        *file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok();
    }
    let Some(f) = file.as_mut() else { return };
    let mut out = String::new();
    for p in region.pieces() {
        if p.size == 0 {
            continue;
        }
        let op = code
            .get(p.index)
            .and_then(|&w| Opcode::from_u8(w as u8))
            .map_or("?", |o| o.name());
        let what = if p.stencil.name == op || p.stencil.name == "GENERIC" && !p.is_deopt_stub {
            String::new()
        } else {
            format!(" {}", p.stencil.name)
        };
        out.push_str(&format!(
            "{:x} {:x} cpjit:{qualname}:{} {op}{what}\n",
            region.base() + p.offset as u64,
            p.size,
            p.index
        ));
    }
    if let Some((base, len)) = region.new_stubs() {
        let n = len / super::call_stub::STUB_BYTES;
        for k in 0..n {
            let at = base + (k * super::call_stub::STUB_BYTES) as u64;
            out.push_str(&format!(
                "{at:x} {:x} cpjit:call stub\n",
                super::call_stub::STUB_BYTES
            ));
        }
    }
    let _ = f.write_all(out.as_bytes());
}

/// The instructions a region is compiled from: the quickened code with each instruction in the
/// form a single step runs (`eval::step_form`).
fn snapshot(cd: &CodeData) -> Vec<u32> {
    let mut code: Vec<u32> = cd.adaptive.iter().map(|c| c.get()).collect();
    let mut i = 0;
    while i < code.len() {
        let Some(op) = Opcode::from_u8(code[i] as u8) else {
            break;
        };
        // The fused compare-and-jumps with stencils of their own stay (`stitch` compiles the
        // compare alone in its step form where it cannot fuse them).
        let form = match op {
            Opcode::COMPARE_OP_INT_JUMP | Opcode::COMPARE_OP_FLOAT_JUMP => op,
            _ => eval::step_form(op),
        };
        code[i] = (code[i] & !0xFF) | form as u32;
        i += 1 + op.info().cache as usize;
    }
    code
}
