//! The adaptive interpreter's bookkeeping (PEP 659): the specialization mode, the counters kept in
//! each adaptive instruction's first inline cache unit, the hook through which the interpreter asks
//! the specializer (`crate::specialize`, a higher layer) to rewrite an instruction, and `--stats`.
//!
//! Counter unit layout (the first cache unit of every instruction of a family):
//!
//! | bits | meaning |
//! |---|---|
//! | 0..16 | the count: for a generic (adaptive) instruction, executions left before the next specialization attempt; for a specialized one, misses left before it returns to its generic form |
//! | 16..20 | the backoff exponent: failed attempts and deopts double the wait, up to 2^12 |
//!
//! The rest of an instruction's cache units belong to its specialized form (see `specialize`).

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::bytecode::opcode::Opcode;
use crate::vm::framestack::FramePtr;
use crate::vm::interp::Vm;
use crate::vm::object::CodeData;
use crate::vm::value::Value;

/// When instructions are specialized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Never: every instruction stays generic, and the generic attribute/global instructions'
    /// own site caches (`vm::runtime::inline_cache`) are never filled either: the plain
    /// interpreter, the baseline specialization is measured against.
    Off,
    /// After a short warm-up, with exponential backoff after failures and deopts (the default).
    On,
    /// At the first execution, and again right after every deopt (for testing the specialized and
    /// deopt paths as often as possible).
    Stress,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "off" | "0" => Some(Mode::Off),
            "on" | "1" => Some(Mode::On),
            "stress" => Some(Mode::Stress),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Mode::Off => "off",
            Mode::On => "on",
            Mode::Stress => "stress",
        }
    }
}

/// How `--stats` reports at exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsFormat {
    Text,
    Json,
}

/// Process-wide settings, fixed before the first `Vm` is made (the CLI sets them; otherwise they
/// come from `CPJIT_SPECIALIZE` and `CPJIT_STATS`).
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub mode: Mode,
    pub stats: Option<StatsFormat>,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Fixes the settings (a later call is ignored: the first `Vm` already read them).
pub fn configure(s: Settings) {
    let _ = SETTINGS.set(s);
}

/// The settings, from the environment if nobody configured them.
pub fn settings() -> Settings {
    *SETTINGS.get_or_init(settings_from_env)
}

/// The settings `CPJIT_SPECIALIZE` and `CPJIT_STATS` ask for.
pub fn settings_from_env() -> Settings {
    Settings {
        mode: std::env::var("CPJIT_SPECIALIZE")
            .ok()
            .and_then(|v| Mode::parse(&v))
            .unwrap_or(Mode::On),
        stats: match std::env::var("CPJIT_STATS").as_deref() {
            Ok("json") => Some(StatsFormat::Json),
            Ok("1") | Ok("text") => Some(StatsFormat::Text),
            _ => None,
        },
    }
}

/// The specializer's entry point: given the generic instruction at `at` (its operands on top of
/// `stack`), rewrite it in place to a specialized form or record why not. Installed by the layer
/// above the VM (`crate::specialize::install`), so the VM never names it.
pub type SpecializeFn = fn(vm: &mut Vm, cd: &CodeData, f: FramePtr, at: usize, stack: &[Value]);

static SPECIALIZER: OnceLock<SpecializeFn> = OnceLock::new();

pub fn install_specializer(f: SpecializeFn) {
    let _ = SPECIALIZER.set(f);
}

pub fn specializer() -> Option<SpecializeFn> {
    SPECIALIZER.get().copied()
}

const COUNT_MASK: u32 = 0xFFFF;
const BACKOFF_SHIFT: u32 = 16;
const MAX_BACKOFF: u32 = 12;
/// Misses a specialized instruction tolerates before returning to its generic form (CPython
/// 3.12's ADAPTIVE_COOLDOWN_VALUE).
const COOLDOWN: u32 = 52;
/// Executions of the generic form after a deopt before the next attempt (CPython 3.11's 31).
const RESTART: u32 = 31;

/// The counter a generic instruction starts with.
pub fn initial_counter(mode: Mode) -> u32 {
    match mode {
        // Specialize at the second execution (the first may be a one-off).
        Mode::On => 1 | (1 << BACKOFF_SHIFT),
        Mode::Stress | Mode::Off => 0,
    }
}

#[inline(always)]
pub fn count(unit: u32) -> u32 {
    unit & COUNT_MASK
}

/// The counter after a failed attempt or a deopt: wait twice as long as last time.
pub fn backoff(unit: u32, mode: Mode) -> u32 {
    if mode == Mode::Stress {
        return 0;
    }
    let b = ((unit >> BACKOFF_SHIFT) + 1).min(MAX_BACKOFF);
    ((1 << b) - 1) | (b << BACKOFF_SHIFT)
}

/// The counter after a deopt: a short fixed wait before specializing again, for whatever types
/// the site sees now (CPython 3.11's `adaptive_counter_start`). Unlike a failed attempt it does
/// not grow the wait: a site whose receiver type changed (a polymorphic site, a phase change)
/// specializes again soon instead of running its generic form for up to 2^12 executions.
pub fn restart(unit: u32, mode: Mode) -> u32 {
    if mode == Mode::Stress {
        return 0;
    }
    RESTART | (unit & !COUNT_MASK)
}

/// The counter of a freshly specialized instruction: its miss allowance (the backoff exponent
/// is kept for the next deopt).
pub fn cooldown(unit: u32, mode: Mode) -> u32 {
    let n = if mode == Mode::Stress { 0 } else { COOLDOWN };
    n | (unit & !COUNT_MASK)
}

/// Whether the specialized instruction whose counter is `unit` has missed a guard since it was
/// specialized (its miss allowance is no longer whole).
pub fn missed_since_specialized(unit: u32, mode: Mode) -> bool {
    count(unit) < count(cooldown(0, mode))
}

/// A missed guard in the specialized instruction at `at` (its generic form then runs): counts
/// down its miss allowance and, when that is spent, rewrites it back to its generic form.
#[inline]
pub fn miss(vm: &mut Vm, code: &[Cell<u32>], at: usize, op: Opcode) {
    let c = &code[at + 1];
    let n = c.get();
    if let Some(s) = vm.stats.as_deref_mut() {
        s.op(op).misses += 1;
    }
    if spend_miss(c) {
        return;
    }
    let generic = op.generic();
    let w = code[at].get();
    code[at].set((w & !0xFF) | generic as u32);
    c.set(restart(n, vm.mode));
    if let Some(s) = vm.stats.as_deref_mut() {
        s.op(op).deopts += 1;
    }
}

/// Spends one of a specialized instruction's misses (its counter `unit`): false when its
/// allowance is spent, and then `miss` rewrites it to its generic form. The same countdown as
/// a generic instruction's `tick`, on the specialized form's allowance.
#[inline(always)]
pub fn spend_miss(unit: &Cell<u32>) -> bool {
    !tick(unit)
}

/// Counts an execution of a generic instruction; true when it is time to try specializing it.
#[inline(always)]
pub fn tick(unit: &Cell<u32>) -> bool {
    let n = unit.get();
    if count(n) == 0 {
        return true;
    }
    unit.set(n - 1);
    false
}

/// Per-instruction counts.
#[derive(Clone, Copy, Default, Debug)]
pub struct OpStats {
    /// Executions that passed the guards (specialized instructions).
    pub hits: u64,
    /// Executions whose guard failed (the generic form ran instead).
    pub misses: u64,
    /// Times the instruction was rewritten back to its generic form.
    pub deopts: u64,
}

/// Per-family specialization attempts.
#[derive(Clone, Default, Debug)]
pub struct FamilyStats {
    pub attempts: u64,
    pub successes: u64,
    /// Failure reason -> count.
    pub failures: BTreeMap<&'static str, u64>,
}

/// What `--stats` reports at exit (CPython's pystats, for the specializer).
pub struct Stats {
    pub ops: Vec<OpStats>,
    pub families: BTreeMap<&'static str, FamilyStats>,
    /// Specializations by the instruction they produced.
    pub specialized: BTreeMap<&'static str, u64>,
    /// Generators drained by collecting built-ins (`vm::ops::drain`), and the items their
    /// yields handed over without suspending.
    pub drains: u64,
    pub drained_items: u64,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            ops: vec![OpStats::default(); 256],
            families: BTreeMap::new(),
            specialized: BTreeMap::new(),
            drains: 0,
            drained_items: 0,
        }
    }
}

impl Stats {
    #[inline]
    pub fn op(&mut self, op: Opcode) -> &mut OpStats {
        &mut self.ops[op as usize]
    }

    pub fn success(&mut self, family: Opcode, to: Opcode) {
        let f = self.families.entry(family.name()).or_default();
        f.attempts += 1;
        f.successes += 1;
        *self.specialized.entry(to.name()).or_default() += 1;
    }

    pub fn failure(&mut self, family: Opcode, reason: &'static str) {
        let f = self.families.entry(family.name()).or_default();
        f.attempts += 1;
        *f.failures.entry(reason).or_default() += 1;
    }

    /// The report as text (one block per family, then per specialized instruction).
    pub fn text(&self, mode: Mode) -> String {
        let mut s = format!("cpjit specialization stats (mode {})\n", mode.name());
        for (fam, f) in &self.families {
            s += &format!(
                "{fam}: attempts {} successes {} failures {}\n",
                f.attempts,
                f.successes,
                f.attempts - f.successes
            );
            for (r, n) in &f.failures {
                s += &format!("    failure {r}: {n}\n");
            }
        }
        for op in Opcode::ALL.iter().filter(|o| o.is_specialized()) {
            let o = self.ops[*op as usize];
            let made = self.specialized.get(op.name()).copied().unwrap_or(0);
            if o.hits + o.misses + o.deopts + made > 0 {
                s += &format!(
                    "{}: specialized {} hits {} misses {} deopts {}\n",
                    op.name(),
                    made,
                    o.hits,
                    o.misses,
                    o.deopts
                );
            }
        }
        if self.drains > 0 {
            s += &format!(
                "generator drains: runs {} items {}\n",
                self.drains, self.drained_items
            );
        }
        s
    }

    /// The report as one JSON object; `jit`: the members of its `"jit"` object (`--jit`).
    pub fn json(&self, mode: Mode, jit: Option<&str>) -> String {
        let mut fams = Vec::new();
        for (fam, f) in &self.families {
            let fails: Vec<String> = f
                .failures
                .iter()
                .map(|(r, n)| format!("\"{}\":{n}", json_escape(r)))
                .collect();
            fams.push(format!(
                "\"{fam}\":{{\"attempts\":{},\"successes\":{},\"failures\":{{{}}}}}",
                f.attempts,
                f.successes,
                fails.join(",")
            ));
        }
        let mut ops = Vec::new();
        for op in Opcode::ALL.iter().filter(|o| o.is_specialized()) {
            let o = self.ops[*op as usize];
            let made = self.specialized.get(op.name()).copied().unwrap_or(0);
            ops.push(format!(
                "\"{}\":{{\"specialized\":{made},\"hits\":{},\"misses\":{},\"deopts\":{}}}",
                op.name(),
                o.hits,
                o.misses,
                o.deopts
            ));
        }
        let jit = jit.map(|j| format!(",\"jit\":{{{j}}}")).unwrap_or_default();
        format!(
            "{{\"mode\":\"{}\",\"families\":{{{}}},\"instructions\":{{{}}},\"drains\":{{\"runs\":{},\"items\":{}}}{jit}}}\n",
            mode.name(),
            fams.join(","),
            ops.join(","),
            self.drains,
            self.drained_items
        )
    }
}

fn json_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Reads two consecutive cache units as one 64-bit word (low unit first).
#[inline(always)]
pub fn read_u64(units: &[Cell<u32>], i: usize) -> u64 {
    units[i].get() as u64 | (units[i + 1].get() as u64) << 32
}

#[inline(always)]
pub fn write_u64(units: &[Cell<u32>], i: usize, v: u64) {
    units[i].set(v as u32);
    units[i + 1].set((v >> 32) as u32);
}
