//! The evaluation loop. Python-to-Python calls run in the same loop on the frame stack (no native
//! recursion); the loop re-enters only when Rust code calls back into Python (dunder methods,
//! generators, callbacks of built-ins), and every Python frame counts against the recursion limit.

use crate::bytecode::code::flags;
use crate::bytecode::opcode::{nb, Opcode};
use crate::vm::adaptive;
use crate::vm::dict::DictTable;
use crate::vm::frame::FRAME_BINOP;
use crate::vm::framestack::{self, frame_code, FramePtr, HEADER_WORDS};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::jit_hook::{Entry as JitEntry, JitOutcome};
use crate::vm::object::*;
use crate::vm::ops;
use crate::vm::ops::spec;
use crate::vm::runtime::inline_cache as ic;
use crate::vm::runtime::{attr, call, compare, dict as rdict, iter as riter, ops as rops, subscr};
use crate::vm::value::Value;

/// How `run` left its entry frame.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// Pushes a frame for `func` on the frame stack with the arguments bound, linked above
/// `vm.current`, and makes it current.
pub fn push_frame(
    vm: &mut Vm,
    func: Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<FramePtr> {
    if vm.depth >= vm.recursion_limit {
        return Err(vm.err("RecursionError", "maximum recursion depth exceeded"));
    }
    spend_step(vm)?;
    let fd = as_function(func).unwrap();
    let (code, globals) = (fd.code, fd.globals);
    crate::vm::code::ensure_body(vm, code)?;
    let cd = as_code(code).unwrap();
    let nlp = cd.code.nlocalsplus();
    let words = frame_words(nlp, cd.code.stacksize as usize);
    let mem = vm.frames.push(words);
    // Exact positional call of a plain function: the arguments go straight into the first
    // locals as the frame is made (not NULLed first and copied after).
    let exact = call::is_exact_positional(&cd.code, args.len(), kwnames);
    let first = if exact { args } else { &[] };
    let f = framestack::init_with_args(mem, code, func, globals, nlp as u32, first);
    f.get().builtins = vm.builtins;
    f.get().previous = vm.current.0;
    vm.current = f;
    vm.depth += 1;
    if exact {
        return Ok(f);
    }
    let slots = f.slots(nlp);
    if let Err(e) = call::bind_args(vm, func, slots, args, kwnames) {
        pop_frame(vm, f);
        return Err(e);
    }
    Ok(f)
}

/// Pushes a frame for a positional call of Python function `func` that leaves trailing
/// parameters to their defaults (the caller checked `call::fits_with_defaults`, CALL_PY_WITH_DEFAULTS):
/// the arguments go straight into the first locals, the defaults' tail into the rest, with no
/// pass through the general binding.
#[inline]
pub fn push_frame_with_defaults(
    vm: &mut Vm,
    func: Value,
    fd: &FunctionData,
    cd: &CodeData,
    args: &[Value],
) -> PyResult<FramePtr> {
    let f = push_frame_exact(vm, func, fd, cd, args)?;
    let npos = cd.code.argcount as usize;
    let defaults = as_tuple(fd.defaults).map(|t| &t[..]).unwrap_or(&[]);
    // Indexed from the end (a `__defaults__` longer than the parameters gives its tail).
    let nd = defaults.len();
    let slots = f.slots(npos);
    for (j, s) in slots.iter_mut().enumerate().skip(args.len()) {
        *s = defaults[j + nd - npos];
    }
    Ok(f)
}

/// Pushes a frame for an exact positional call of Python function `func` (the caller checked
/// `call::is_exact_positional`; `cd` is `fd.code`'s data): the arguments go straight into the
/// callee's first locals.
#[inline(always)]
pub fn push_frame_exact(
    vm: &mut Vm,
    func: Value,
    fd: &FunctionData,
    cd: &CodeData,
    args: &[Value],
) -> PyResult<FramePtr> {
    if vm.depth >= vm.recursion_limit {
        return Err(vm.err("RecursionError", "maximum recursion depth exceeded"));
    }
    spend_step(vm)?;
    debug_assert!(
        cd.code.lazy.is_none(),
        "the callers' guards refuse undecoded bodies"
    );
    let nlp = cd.code.nlocalsplus();
    let words = frame_words(nlp, cd.code.stacksize as usize);
    let mem = vm.frames.push(words);
    let f = framestack::init_with_args(mem, fd.code, func, fd.globals, nlp as u32, args);
    let fr = f.get();
    fr.builtins = vm.builtins;
    fr.previous = vm.current.0;
    vm.current = f;
    vm.depth += 1;
    Ok(f)
}

/// The words a frame takes on the frame stack: the header, the slots, and one spare word.
#[inline(always)]
pub fn frame_words(nlocalsplus: usize, stacksize: usize) -> usize {
    HEADER_WORDS + nlocalsplus + stacksize + 1
}

/// Counts one step of the step budget (taken at calls and backward jumps, the places where a
/// program can run unboundedly); past the budget, raises the error that stops the run. In an
/// ordinary run the budget is only a countdown to the next look at pending signals, whose
/// Python handlers run here (and may raise).
#[inline(always)]
pub fn spend_step(vm: &mut Vm) -> PyResult<()> {
    vm.step_budget -= 1;
    if vm.step_budget == 0 {
        return budget_ran_out(vm);
    }
    Ok(())
}

#[cold]
fn budget_ran_out(vm: &mut Vm) -> PyResult<()> {
    if vm.budget_limited {
        return Err(budget_exhausted(vm));
    }
    vm.step_budget = crate::vm::modules::signal::CHECK_INTERVAL;
    crate::vm::modules::signal::check(vm)
}

#[cold]
fn budget_exhausted(vm: &mut Vm) -> Value {
    // Stay at the limit: every later step raises again.
    vm.step_budget = 1;
    vm.budget_exhausted = true;
    vm.err("RuntimeError", "cpjit: step budget exhausted")
}

/// `x op y` on two small ints when the result needs no big int and raises nothing; CPython's
/// floor semantics for `//` and `%`; true division as a correctly rounded float (both operands
/// are exact in an f64, as in CPython's own fast path).
#[inline(always)]
pub fn small_int_op(op: u32, x: i64, y: i64) -> Option<Value> {
    match op {
        nb::ADD => Value::try_from_i64(x + y),
        nb::SUBTRACT => Value::try_from_i64(x - y),
        nb::MULTIPLY => x.checked_mul(y).and_then(Value::try_from_i64),
        nb::FLOOR_DIVIDE if y != 0 => {
            let q = x / y;
            let q = if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            };
            Value::try_from_i64(q)
        }
        nb::REMAINDER if y != 0 => {
            let r = x % y;
            let r = if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            };
            Value::try_from_i64(r)
        }
        nb::TRUE_DIVIDE if y != 0 => Some(Value::from_f64(x as f64 / y as f64)),
        nb::AND => Value::try_from_i64(x & y),
        nb::OR => Value::try_from_i64(x | y),
        nb::XOR => Value::try_from_i64(x ^ y),
        nb::RSHIFT if (0..64).contains(&y) => Value::try_from_i64(x >> y),
        _ => None,
    }
}

/// `x op y` on floats for the operators that need no special cases.
#[inline(always)]
fn float_op(op: u32, x: f64, y: f64) -> Option<Value> {
    match op {
        nb::ADD => Some(Value::from_f64(x + y)),
        nb::SUBTRACT => Some(Value::from_f64(x - y)),
        nb::MULTIPLY => Some(Value::from_f64(x * y)),
        nb::TRUE_DIVIDE if y != 0.0 => Some(Value::from_f64(x / y)),
        _ => None,
    }
}

/// BINARY_OP's inline fast paths (shared with the JIT's runtime function): small ints and floats
/// (and the two mixed) when the result needs no big int and nothing raises.
#[inline(always)]
pub fn binary_op_fast(oparg: u32, a: Value, b: Value) -> Option<Value> {
    if a.is_small_int() && b.is_small_int() {
        small_int_op(oparg % nb::INPLACE, a.as_small_int(), b.as_small_int())
    } else if let (Some(x), Some(y)) = (spec::as_f64_number(a), spec::as_f64_number(b)) {
        float_op(oparg % nb::INPLACE, x, y)
    } else {
        None
    }
}

/// COMPARE_OP's inline fast paths (shared with the JIT's runtime function): two small ints or
/// two floats.
#[inline(always)]
pub fn compare_fast(vm: &Vm, oparg: u32, a: Value, b: Value) -> Option<Value> {
    if a.is_small_int() && b.is_small_int() {
        let o = a.as_small_int().cmp(&b.as_small_int());
        Some(vm.bool_val(compare::cmp_ord(oparg, o)))
    } else if a.is_float() && b.is_float() {
        Some(vm.bool_val(compare::cmp_f64(oparg, a.as_f64(), b.as_f64())))
    } else {
        None
    }
}

/// Pops frame `f` (the current, frame-stack frame).
#[inline]
pub fn pop_frame(vm: &mut Vm, f: FramePtr) {
    vm.current = f.previous();
    vm.depth -= 1;
    vm.frames.pop(f);
}

/// Returns `v` from frame `f` (not the entry frame of a `run`, not a flagged frame: see
/// [`is_special_frame`]) into its caller: pops `f` and pushes `v` on the caller's value stack (whose
/// depth the call synced). Returns the caller.
#[inline(always)]
pub fn return_into_caller(vm: &mut Vm, f: FramePtr, v: Value) -> FramePtr {
    let prev = f.previous();
    pop_frame(vm, f);
    let fr = prev.get();
    let depth = (fr.nlocalsplus + fr.stack_depth) as usize;
    prev.slots(depth + 1)[depth] = v;
    fr.stack_depth += 1;
    prev
}

/// Whether `f` returns other than through `return_into_caller`: an `__init__` frame
/// (`FRAME_INIT`, pushed by CALL_ALLOC_AND_ENTER_INIT) or a `__op__` frame of a BINARY_OP
/// (`FRAME_BINOP`); both return through [`return_from_special`]. Every place that returns into
/// a caller checks (one load and test; the flags are rare).
#[inline(always)]
pub fn is_special_frame(f: FramePtr) -> bool {
    f.get().flags != 0
}

/// Returns from a frame [`is_special_frame`] names: `return_from_init` or `return_from_binop`.
/// `Err`: the exception to raise in the caller, now current, at the returned instruction index.
#[cold]
#[inline(never)]
pub fn return_from_special(vm: &mut Vm, f: FramePtr, v: Value) -> Result<FramePtr, (Value, u32)> {
    if f.get().flags & FRAME_BINOP != 0 {
        return return_from_binop(vm, f, v);
    }
    return_from_init(vm, f, v)
}

/// Returns from the `__op__` frame `f` (`FRAME_BINOP`) of a BINARY_OP with `v`: pops it; the
/// operands are still the caller's top two values (the frame got copies), and the result
/// replaces them, or when `v` is NotImplemented, what `a <op> b` does after the left operand's
/// method declined (`runtime::ops::binary_op_after_lhs`: the TypeError, as a rule). An error
/// raises at the BINARY_OP's last unit, the caller's `instr_index` staying after it, as for an
/// exception out of a callee.
fn return_from_binop(vm: &mut Vm, f: FramePtr, v: Value) -> Result<FramePtr, (Value, u32)> {
    let op = f.get().flags >> 8;
    let prev = f.previous();
    pop_frame(vm, f);
    let fr = prev.get();
    let depth = (fr.nlocalsplus + fr.stack_depth) as usize;
    let (a, b) = {
        let s = prev.slots(depth);
        (s[depth - 2], s[depth - 1])
    };
    let r = if v == vm.not_implemented {
        crate::vm::runtime::ops::binary_op_after_lhs(vm, op, a, b)
    } else {
        Ok(v)
    };
    match r {
        Ok(r) => {
            prev.slots(depth)[depth - 2] = r;
            prev.get().stack_depth -= 1;
            Ok(prev)
        }
        Err(e) => Err((e, prev.get().instr_index.saturating_sub(1))),
    }
}

/// Returns from `__init__` frame `f` with `v`: pops it and pushes nothing (its caller already
/// holds the new instance where the call's result goes). `v` must be None; anything else is
/// the TypeError CPython's `type_call` raises (`Err`, the frame popped all the same), to raise
/// in the caller, now current, at the returned instruction index: the call's last unit (its
/// `instr_index` stays after the call, as when an exception comes out of a callee).
#[cold]
#[inline(never)]
pub fn return_from_init(vm: &mut Vm, f: FramePtr, v: Value) -> Result<FramePtr, (Value, u32)> {
    let prev = f.previous();
    pop_frame(vm, f);
    if v == vm.none {
        return Ok(prev);
    }
    let tn = vm.type_name(v);
    let exc = vm.type_error(format!("__init__() should return None, not '{tn}'"));
    Err((exc, prev.get().instr_index.saturating_sub(1)))
}

/// Calls a Python function from Rust.
pub fn call_function(vm: &mut Vm, func: Value, args: &[Value], kwnames: &[Value]) -> PyResult {
    let f = push_frame(vm, func, args, kwnames)?;
    let r = run_function(vm, f);
    pop_frame(vm, f);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.err("SystemError", "yield outside a generator frame")),
    }
}

/// Runs a module or class body: `code` with the given globals and locals dict.
pub fn run_code(vm: &mut Vm, code: Value, globals: Value, locals: Value, func: Value) -> PyResult {
    if vm.depth >= vm.recursion_limit {
        return Err(vm.err("RecursionError", "maximum recursion depth exceeded"));
    }
    crate::vm::code::ensure_body(vm, code)?;
    let cd = as_code(code).unwrap();
    let nlp = cd.code.nlocalsplus();
    let words = frame_words(nlp, cd.code.stacksize as usize);
    let mem = vm.frames.push(words);
    let f = framestack::init(mem, code, func, globals, nlp as u32);
    f.get().builtins = vm.builtins;
    f.get().previous = vm.current.0;
    framestack::set_locals(f, locals);
    vm.current = f;
    vm.depth += 1;
    run_pushed(vm, f)
}

/// `__build_class__`'s run of a class body `func` with namespace `locals`: called as CPython's
/// `_PyEval_Vector(func, locals, no arguments)` does, so a function with parameters gets its
/// defaults (or the missing-argument TypeError) like any call.
pub fn run_class_body(vm: &mut Vm, func: Value, locals: Value) -> PyResult {
    let f = push_frame(vm, func, &[], &[])?;
    framestack::set_locals(f, locals);
    run_pushed(vm, f)
}

/// Runs the module or class body frame `f` (pushed and current) from its start, pops it, and
/// gives its return value. The compiler rejects `yield` in a body, so a yield here is an
/// internal error.
fn run_pushed(vm: &mut Vm, f: FramePtr) -> PyResult {
    let r = run(vm, f, None);
    pop_frame(vm, f);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.err("SystemError", "yield outside a generator frame")),
    }
}

/// Finds the handler for an exception raised by instruction `at`.
fn find_handler(cd: &CodeData, at: u32) -> Option<crate::bytecode::code::ExceptionEntry> {
    let mut best: Option<crate::bytecode::code::ExceptionEntry> = None;
    for e in &cd.code.exception_table {
        if e.start <= at && at < e.end {
            match best {
                Some(b) if b.end - b.start <= e.end - e.start => {}
                _ => best = Some(*e),
            }
        }
    }
    best
}

/// Whether frames of code from `filename` are left off the frame chain Python code sees
/// (`sys._getframe`, `f_back`; `types::frameobj`): the modules cpjit writes in Python where
/// CPython has C (`<frozen _struct>`, `<frozen itertools>`, ...), whose functions have no frames
/// in CPython.
pub fn hidden_from_frames(filename: &str) -> bool {
    filename.starts_with("<frozen ")
}

/// Whether frames of code from `filename` stay out of tracebacks: those hidden from the frame
/// chain, and the standard library's pure-Python twins of C modules that cpjit runs in their
/// place (`_pyio` for `_io`, `_pydecimal` for `_decimal`, `datetime.py`'s classes for
/// `_datetime`'s, `pickle.py`'s pickler for `_pickle`'s), which add no traceback entry in CPython.
/// (The twins stay on the frame chain: cpjit's stand-ins find the module importing them there.
/// A program importing `_pyio` or `_pydecimal` itself loses their traceback entries too.)
pub fn hidden_from_tracebacks(vm: &Vm, filename: &str) -> bool {
    const TWINS: [&str; 4] = ["_pyio.py", "_pydecimal.py", "datetime.py", "pickle.py"];
    if hidden_from_frames(filename) {
        return true;
    }
    let Some(info) = &vm.stdlib else {
        return false;
    };
    filename
        .strip_prefix(info.stdlib.as_str())
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|name| TWINS.contains(&name))
}

fn add_traceback(vm: &mut Vm, exc: Value, code: Value, at: u32, globals: Value) {
    let handled = vm.current_exception();
    if let Some(inst) = as_instance(exc) {
        if let Some(e) = inst.exc.as_mut() {
            if !as_code(code).is_some_and(|c| hidden_from_tracebacks(vm, &c.code.filename)) {
                e.traceback.push((code, at));
                // Aligned with `traceback` (entries added elsewhere have none: see frameobj).
                e.tb_globals.resize(e.traceback.len() - 1, Value::NULL);
                e.tb_globals.push(globals);
            }
            if e.context.is_null() && !handled.is_null() && handled != vm.none && handled != exc {
                e.context = handled;
            }
        }
    }
}

macro_rules! load_frame {
    ($f:ident, $cd:ident, $instrs:ident, $slots:ident, $ip:ident, $sp:ident, $nlp:ident) => {
        $cd = as_code(frame_code($f.get())).unwrap();
        $instrs = &$cd.adaptive[..];
        $nlp = $f.get().nlocalsplus as usize;
        $slots = $f.slot_view($nlp + $cd.code.stacksize as usize + 1);
        $ip = $f.get().instr_index as usize;
        $sp = $nlp + $f.get().stack_depth as usize;
    };
}

/// Runs frame `entry` (already current) until it returns or yields. `throw` raises an exception
/// at the frame's current instruction first (generator.throw).
pub fn run(vm: &mut Vm, entry: FramePtr, throw: Option<Value>) -> PyResult<Exit> {
    run_impl::<false, false>(vm, entry, throw, &mut StepState::new(Value::NULL))
}

/// `run` for a generator's frame resumed by `next` or `send` (already current, the sent value
/// pushed): when its code is compiled, runs that code from the frame's instruction straight away
/// (after a yield the RESUME, whose only work in the loop is this offer; a new generator's
/// first instruction), without starting the loop for a run that compiled code usually ends at
/// the next yield (a generator expression feeding a built-in: the loop's start costs more than
/// the iteration). The loop starts only when compiled code leaves the frame to the interpreter,
/// taking up that outcome as `jit_enter!` does, in its own instance (`HANDOVER`): the loop's code
/// is sensitive to anything added at its start (+0.5% to +3% instructions on richards and
/// nqueens without the JIT when this was a branch in the one instance).
#[inline]
pub fn resume_generator(vm: &mut Vm, entry: FramePtr) -> PyResult<Exit> {
    let fr = entry.get();
    // A frame's code is a code object.
    let (Some(hook), Some(cd)) = (vm.jit, as_code(frame_code(fr))) else {
        return run(vm, entry, None);
    };
    let cd: &CodeData = cd;
    if cd.jit.fast.get() == 0 {
        return run(vm, entry, None);
    }
    let outcome = hook(vm, entry, cd, fr.instr_index as usize, JitEntry::Resumed);
    take_over(vm, entry, outcome)
}

/// `run` for a function's frame `entry` just pushed by a call from Rust (`call_function`: an
/// operator's dunder, `__call__`, a built-in's callback): when its code is compiled and starts
/// with RESUME 0, steps over the RESUME (whose only work in the loop is the offer to the JIT)
/// and offers the JIT the function's start directly, as `resume_generator` offers a generator's
/// resume, instead of starting the loop for it first (~100 instructions a call).
#[inline]
fn run_function(vm: &mut Vm, entry: FramePtr) -> PyResult<Exit> {
    let fr = entry.get();
    // A frame's code is a code object.
    if let (Some(hook), Some(cd)) = (vm.jit, as_code(frame_code(fr))) {
        let cd: &CodeData = cd;
        let starts_with_resume = cd
            .adaptive
            .first()
            .is_some_and(|w| w.get() == Opcode::RESUME as u32);
        if cd.jit.fast.get() != 0 && !cd.jit.never.get() && starts_with_resume {
            fr.instr_index = 1;
            let outcome = hook(vm, entry, cd, 1, JitEntry::Start);
            return take_over(vm, entry, outcome);
        }
    }
    run(vm, entry, None)
}

/// The loop takes over frame `entry` (a run's entry) from what the JIT's hook did there
/// (`resume_generator`, `run_function`): nothing (the loop runs it from its instruction), a
/// yield or return (the run's result), or compiled code that left it to the interpreter
/// (`HANDOVER`: the loop continues in the current frame, raising if compiled code raised).
fn take_over(vm: &mut Vm, entry: FramePtr, outcome: JitOutcome) -> PyResult<Exit> {
    let mut st = StepState::new(Value::NULL);
    let throw = match outcome {
        JitOutcome::NotRun => return run(vm, entry, None),
        JitOutcome::Yield(v) => return Ok(Exit::Yield(v)),
        JitOutcome::Return(v) => return Ok(Exit::Return(v)),
        JitOutcome::Resume { kwnames } => {
            st.kwnames = kwnames;
            None
        }
        JitOutcome::Raise { exc, at, reraise } => {
            st.at = at;
            st.reraise = reraise;
            Some(exc)
        }
    };
    run_impl::<false, true>(vm, entry, throw, &mut st)
}

/// What one [`step`] did.
pub enum Step {
    /// The instruction ran; the frame holds the next instruction index and the new stack depth.
    Done,
    /// The instruction would leave the frame (a return, a yield, generator creation): it did not
    /// run, and the interpreter loop must run it (the frame is unchanged). A call of a Python
    /// function does run: it pushes the callee's frame, which is then current (`vm.current`).
    Declined,
    /// Instruction `at` raised `exc` (`reraise`: the traceback already names this frame).
    Raised { exc: Value, at: u32, reraise: bool },
}

/// State a single step carries in and out of the loop: KW_NAMES's operand (in and out), and
/// where an exception was raised.
struct StepState {
    kwnames: Value,
    at: u32,
    reraise: bool,
}

impl StepState {
    fn new(kwnames: Value) -> StepState {
        StepState {
            kwnames,
            at: 0,
            reraise: false,
        }
    }
}

/// Whether the loop should call the JIT hook at an entry point of `cd`: always when it has
/// compiled code; otherwise never for a `Continue` (which does not count towards compiling), and
/// for a start or loop iteration only once its warmth reaches what the JIT set as due (counting
/// it here below that, which is what the hook would do).
#[inline(always)]
fn jit_due(cd: &CodeData, kind: JitEntry) -> bool {
    let slot = &cd.jit;
    if slot.fast.get() != 0 {
        return true;
    }
    if kind == JitEntry::Continue {
        return false;
    }
    let warmth = slot.warmth.get() + 1;
    if warmth < slot.due.get() {
        slot.warmth.set(warmth);
        return false;
    }
    true
}

/// Runs exactly one instruction of frame `f` (current, with `instr_index` and `stack_depth` synced):
/// the very code of the interpreter's arm for it, which is how compiled code runs every instruction
/// without a stencil of its own (`jit::driver`). `kwnames` carries KW_NAMES's operand between steps.
/// Superinstructions run as their first instruction and fused compare-and-jumps as the compare, so
/// that every step ends at the next instruction or at the instruction's own jump target.
pub fn step(vm: &mut Vm, f: FramePtr, kwnames: &mut Value) -> Step {
    let mut st = StepState::new(*kwnames);
    let r = run_impl::<true, false>(vm, f, None, &mut st);
    *kwnames = st.kwnames;
    match r {
        Ok(Exit::Return(_)) => Step::Done,
        Ok(Exit::Yield(_)) => Step::Declined,
        Err(exc) => Step::Raised {
            exc,
            at: st.at,
            reraise: st.reraise,
        },
    }
}

/// The form of a specialized instruction a single step runs (see [`step`]).
pub fn step_form(op: Opcode) -> Opcode {
    match op {
        Opcode::LOAD_FAST__LOAD_FAST | Opcode::LOAD_FAST__LOAD_CONST => Opcode::LOAD_FAST,
        Opcode::LOAD_CONST__LOAD_FAST => Opcode::LOAD_CONST,
        Opcode::STORE_FAST__LOAD_FAST | Opcode::STORE_FAST__STORE_FAST => Opcode::STORE_FAST,
        Opcode::COMPARE_OP_INT_JUMP => Opcode::COMPARE_OP_INT,
        Opcode::COMPARE_OP_FLOAT_JUMP => Opcode::COMPARE_OP_FLOAT,
        Opcode::COMPARE_OP_STR_JUMP => Opcode::COMPARE_OP_STR,
        o => o,
    }
}

/// Instructions that leave their frame, which a single step never runs.
pub fn switches_frames(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::RETURN_VALUE | Opcode::RETURN_GENERATOR | Opcode::YIELD_VALUE
    )
}

/// The loop, and (`SINGLE`) one step of it: with `SINGLE` it runs the instruction at the frame's
/// `instr_index` and returns `Exit::Return(NULL)` when it ran, `Exit::Yield(NULL)` when it
/// declined, `Err` (with `st` saying where) when it raised; the frame is synced in every case.
/// With `HANDOVER` the loop takes over from compiled code that ran first
/// ([`resume_generator`]): it continues in the current frame (compiled code may have called
/// into others), with `st.kwnames` pending, and with `throw` raised at `st.at` (`st.reraise`).
fn run_impl<const SINGLE: bool, const HANDOVER: bool>(
    vm: &mut Vm,
    entry: FramePtr,
    throw: Option<Value>,
    st: &mut StepState,
) -> PyResult<Exit> {
    let mut f = entry;
    let mut cd: &CodeData;
    let mut instrs: &[std::cell::Cell<u32>];
    let mut slots: crate::vm::framestack::Slots;
    let mut ip: usize;
    let mut sp: usize;
    let mut nlp: usize;
    load_frame!(f, cd, instrs, slots, ip, sp, nlp);
    let mut kwnames: Value = if SINGLE { st.kwnames } else { Value::NULL };
    let mut stepped = false;
    // The exception being raised, or NULL (checked once per instruction).
    let mut pending: Value = throw.unwrap_or(Value::NULL);
    let mut cur: usize = ip.saturating_sub(1);
    // Set by RERAISE and bare `raise`: the traceback already names this frame.
    let mut reraise = false;
    if HANDOVER {
        // As `jit_enter!` takes up a `Resume` or `Raise`.
        f = vm.current;
        load_frame!(f, cd, instrs, slots, ip, sp, nlp);
        kwnames = st.kwnames;
        if !pending.is_null() {
            cur = st.at as usize;
            reraise = st.reraise;
        }
    }

    macro_rules! push {
        ($v:expr) => {{
            let v = $v;
            slots[sp] = v;
            sp += 1;
        }};
    }
    macro_rules! pop {
        () => {{
            sp -= 1;
            slots[sp]
        }};
    }
    macro_rules! top {
        () => {
            slots[sp - 1]
        };
    }
    // The inline-cache words of the current instruction.
    macro_rules! site {
        () => {{
            ic::site(&cd.caches, &cd.site_of, cur)
        }};
    }
    macro_rules! sync {
        () => {{
            let fr = f.get();
            fr.instr_index = ip as u32;
            fr.stack_depth = (sp - nlp) as u32;
        }};
    }

    // Leaves the current frame with value `v`: returns it from `run` if this is the entry frame,
    // else pops the frame and pushes `v` in the caller's.
    macro_rules! return_to_caller {
        ($v:expr) => {{
            let v = $v;
            if f == entry {
                sync!();
                return Ok(Exit::Return(v));
            }
            if !is_special_frame(f) {
                f = return_into_caller(vm, f, v);
                load_frame!(f, cd, instrs, slots, ip, sp, nlp);
            } else {
                std::hint::cold_path();
                let r = return_from_special(vm, f, v);
                f = vm.current;
                load_frame!(f, cd, instrs, slots, ip, sp, nlp);
                if let Err((exc, at)) = r {
                    // An __init__ returned something else than None: raised at the call.
                    cur = at as usize;
                    reraise = false;
                    pending = exc;
                    unwind_if_pending!();
                }
            }
        }};
    }
    // Offers the JIT (`vm::jit_hook`) to run compiled code from `ip` on, and continues from
    // wherever compiled code left the frame.
    macro_rules! jit_enter {
        ($kind:expr) => {
            if !SINGLE {
                if let Some(hook) = vm.jit.filter(|_| !cd.jit.never.get() && jit_due(cd, $kind)) {
                    std::hint::cold_path();
                    let mut kind = $kind;
                    loop {
                        sync!();
                        match hook(vm, f, cd, ip, kind) {
                            JitOutcome::NotRun => break,
                            JitOutcome::Resume { kwnames: k } => {
                                // Compiled code may have called (pushed frames) before it left.
                                kwnames = k;
                                f = vm.current;
                                load_frame!(f, cd, instrs, slots, ip, sp, nlp);
                                break;
                            }
                            JitOutcome::Raise {
                                exc,
                                at,
                                reraise: r,
                            } => {
                                f = vm.current;
                                load_frame!(f, cd, instrs, slots, ip, sp, nlp);
                                pending = exc;
                                cur = at as usize;
                                reraise = r;
                                break;
                            }
                            JitOutcome::Return(v) => {
                                return_to_caller!(v);
                                kind = JitEntry::Continue;
                            }
                            // Only a run's entry frame is a generator's, as in the arm.
                            JitOutcome::Yield(v) if f == entry => return Ok(Exit::Yield(v)),
                            JitOutcome::Yield(_) => {
                                f = vm.current;
                                load_frame!(f, cd, instrs, slots, ip, sp, nlp);
                                pending = vm.err(
                                    "SystemError",
                                    "cpjit internal error: compiled code yielded from a frame \
                                     that is not a generator's",
                                );
                                break;
                            }
                        }
                    }
                    unwind_if_pending!();
                }
            }
        };
    }

    // Set when a specialized instruction missed and its generic form runs (which then must not
    // count towards re-specializing).
    #[allow(unused_assignments)]
    let mut from_miss = false;
    // The instruction being executed (its specialized or generic form).
    #[allow(unused_assignments)]
    let mut op: Opcode = Opcode::NOP;
    // A generic (adaptive) family instruction: count the execution and, when its counter says
    // so, let the specializer rewrite it (the rewritten form runs from the next execution).
    macro_rules! adapt {
        () => {
            if vm.adaptive && !from_miss && adaptive::tick(&instrs[cur + 1]) {
                std::hint::cold_path();
                sync!();
                if let Some(specialize) = adaptive::specializer() {
                    specialize(vm, cd, f, cur, &slots[nlp..sp]);
                }
            }
        };
    }
    macro_rules! hit {
        () => {
            if let Some(s) = vm.stats.as_deref_mut() {
                std::hint::cold_path();
                s.ops[op as usize].hits += 1;
            }
        };
    }
    // A backward jump closes a loop: count a step and collect garbage if due (every backward
    // edge is a safepoint).
    macro_rules! backedge {
        () => {{
            if vm.step_budget == 1 {
                // The step runs signal handlers: the frame is seen as it is.
                std::hint::cold_path();
                sync!();
            }
            tryv!(spend_step(vm));
            if vm.heap.should_collect() {
                std::hint::cold_path();
                sync!();
                vm.collect();
            }
            jit_enter!(JitEntry::Backedge);
        }};
    }
    // FOR_ITER's outcome: push the next item and step over the cache unit, or pop the
    // exhausted iterator and jump past the loop (`oparg` is the jump target).
    macro_rules! for_iter_next {
        ($next:expr) => {
            match $next {
                Some(v) => {
                    push!(v);
                    ip += 1;
                }
                None => {
                    sp -= 1;
                    ip = (instrs[cur].get() >> 8) as usize;
                }
            }
        };
    }
    macro_rules! int_binop {
        ($f:expr) => {{
            let (a, b) = (slots[sp - 2], slots[sp - 1]);
            if a.is_small_int() && b.is_small_int() {
                if let Some(r) = ($f)(a.as_small_int(), b.as_small_int()) {
                    hit!();
                    ip += 1;
                    sp -= 1;
                    slots[sp - 1] = r;
                    continue;
                }
            }
        }};
    }
    macro_rules! float_binop {
        ($f:expr) => {{
            let (a, b) = (slots[sp - 2], slots[sp - 1]);
            if a.is_float() && b.is_float() {
                hit!();
                ip += 1;
                sp -= 1;
                slots[sp - 1] = Value::from_f64(($f)(a.as_f64(), b.as_f64()));
                continue;
            }
        }};
    }
    // A specialized comparison's result: pushed, or (the *_JUMP forms) acted on as the
    // POP_JUMP_IF_FALSE/TRUE after the cache unit would.
    macro_rules! compare_done {
        ($r:expr) => {{
            let r: bool = $r;
            hit!();
            sp -= 2;
            if matches!(
                op,
                Opcode::COMPARE_OP_INT_JUMP
                    | Opcode::COMPARE_OP_FLOAT_JUMP
                    | Opcode::COMPARE_OP_STR_JUMP
            ) {
                let jw = instrs[cur + 2].get();
                if r == ((jw as u8) == Opcode::POP_JUMP_IF_TRUE as u8) {
                    ip = (jw >> 8) as usize;
                    if ip <= cur {
                        backedge!();
                    }
                } else {
                    ip = cur + 3;
                }
            } else {
                push!(vm.bool_val(r));
                ip += 1;
            }
            continue;
        }};
    }

    // Two loops: the outer one is entered only when an exception is being raised (`pending`),
    // and unwinds; the inner one dispatches instructions and never tests for an exception
    // (raising is `continue 'run`, in the macros defined here, where the label is in scope).
    'run: loop {
        // An instruction's failure: unwind to the handler (`Err(e)` of a fallible operation).
        macro_rules! tryv {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        std::hint::cold_path();
                        pending = e;
                        continue 'run;
                    }
                }
            };
        }
        macro_rules! throw {
            ($e:expr) => {{
                std::hint::cold_path();
                pending = $e;
                continue 'run;
            }};
        }
        // Compiled code left the frame raising (`jit_enter!` set `pending`).
        macro_rules! unwind_if_pending {
            () => {
                if !pending.is_null() {
                    continue 'run;
                }
            };
        }
        if SINGLE && !pending.is_null() {
            sync!();
            st.kwnames = kwnames;
            st.at = cur as u32;
            st.reraise = reraise;
            return Err(pending);
        }
        if !pending.is_null() {
            std::hint::cold_path();
            let exc = std::mem::replace(&mut pending, Value::NULL);
            // Unwind: find a handler in this frame, else pop frames until one has one.
            let exc = exc;
            loop {
                let code_v = frame_code(f.get());
                if !reraise {
                    add_traceback(vm, exc, code_v, cur as u32, f.get().globals);
                }
                reraise = false;
                if let Some(h) = find_handler(cd, cur as u32).filter(|_| !vm.budget_exhausted) {
                    sp = nlp + h.depth as usize;
                    if h.lasti {
                        push!(Value::try_from_i64(cur as i64).unwrap());
                    }
                    push!(exc);
                    ip = h.target as usize;
                    break;
                }
                if f == entry {
                    sync!();
                    return Err(exc);
                }
                let prev = f.previous();
                pop_frame(vm, f);
                f = prev;
                load_frame!(f, cd, instrs, slots, ip, sp, nlp);
                cur = ip.saturating_sub(1);
            }
        }
        loop {
            if SINGLE {
                if stepped {
                    sync!();
                    st.kwnames = kwnames;
                    return Ok(Exit::Return(Value::NULL));
                }
                stepped = true;
            }
            cur = ip;
            let word = fetch_unit(instrs, ip);
            ip += 1;
            let oparg = word >> 8;
            op = match Opcode::from_u8(word as u8) {
                Some(o) => o,
                None => throw!(vm.err("SystemError", format!("unknown opcode {}", word as u8))),
            };
            if SINGLE {
                op = step_form(op);
                if switches_frames(op) {
                    ip = cur;
                    sync!();
                    st.kwnames = kwnames;
                    return Ok(Exit::Yield(Value::NULL));
                }
            }
            // Specialized instructions (PEP 659): each checks its guards and either completes
            // (`continue`) or falls out of this match; then the miss is counted and the family's
            // generic form below runs instead.
            from_miss = false;
            if op.is_specialized() {
                match op {
                    Opcode::BINARY_OP_ADD_INT => {
                        int_binop!(|x: i64, y: i64| Value::try_from_i64(x + y))
                    }
                    Opcode::BINARY_OP_SUBTRACT_INT => {
                        int_binop!(|x: i64, y: i64| Value::try_from_i64(x - y))
                    }
                    Opcode::BINARY_OP_MULTIPLY_INT => {
                        int_binop!(|x: i64, y: i64| x.checked_mul(y).and_then(Value::try_from_i64))
                    }
                    Opcode::BINARY_OP_SMALL_INT => {
                        int_binop!(|x: i64, y: i64| small_int_op(oparg % nb::INPLACE, x, y))
                    }
                    Opcode::BINARY_OP_ADD_FLOAT => float_binop!(|x: f64, y: f64| x + y),
                    Opcode::BINARY_OP_SUBTRACT_FLOAT => float_binop!(|x: f64, y: f64| x - y),
                    Opcode::BINARY_OP_MULTIPLY_FLOAT => float_binop!(|x: f64, y: f64| x * y),
                    Opcode::BINARY_OP_NUMERIC_FLOAT => {
                        let (a, b) = (slots[sp - 2], slots[sp - 1]);
                        if let Some(r) = spec::numeric_float(oparg, a, b) {
                            hit!();
                            ip += 1;
                            sp -= 1;
                            slots[sp - 1] = r;
                            continue;
                        }
                    }
                    Opcode::BINARY_OP_ADD_UNICODE | Opcode::BINARY_OP_INPLACE_ADD_UNICODE => {
                        let (a, b) = (slots[sp - 2], slots[sp - 1]);
                        if is_exact(a, vm.t.str_) && is_exact(b, vm.t.str_) {
                            hit!();
                            let r = rops::str_add(vm, a, b);
                            sp -= 2;
                            if op == Opcode::BINARY_OP_INPLACE_ADD_UNICODE {
                                // The STORE_FAST that follows, done here.
                                let store = instrs[cur + 2].get();
                                slots[(store >> 8) as usize] = r;
                                ip += 2;
                            } else {
                                push!(r);
                                ip += 1;
                            }
                            continue;
                        }
                    }
                    Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_INT_JUMP => {
                        let (a, b) = (slots[sp - 2], slots[sp - 1]);
                        if a.is_small_int() && b.is_small_int() {
                            let r =
                                compare::cmp_ord(oparg, a.as_small_int().cmp(&b.as_small_int()));
                            compare_done!(r);
                        }
                    }
                    Opcode::COMPARE_OP_FLOAT | Opcode::COMPARE_OP_FLOAT_JUMP => {
                        let (a, b) = (slots[sp - 2], slots[sp - 1]);
                        if a.is_float() && b.is_float() {
                            let r = compare::cmp_f64(oparg, a.as_f64(), b.as_f64());
                            compare_done!(r);
                        }
                    }
                    Opcode::COMPARE_OP_STR | Opcode::COMPARE_OP_STR_JUMP => {
                        let (a, b) = (slots[sp - 2], slots[sp - 1]);
                        if is_exact(a, vm.t.str_) && is_exact(b, vm.t.str_) {
                            let eq = a == b || as_str(a).unwrap().s == as_str(b).unwrap().s;
                            compare_done!(eq == (oparg == crate::bytecode::opcode::cmp::EQ));
                        }
                    }
                    Opcode::LOAD_GLOBAL_MODULE | Opcode::LOAD_GLOBAL_BUILTIN => {
                        let c = &instrs[cur + 1..];
                        let builtin = op == Opcode::LOAD_GLOBAL_BUILTIN;
                        if let Some(v) = spec::load_global(vm, f.get().globals, builtin, c) {
                            hit!();
                            ip += 6;
                            if oparg & 1 != 0 {
                                push!(Value::NULL);
                            }
                            push!(v);
                            continue;
                        }
                    }
                    Opcode::LOAD_ATTR_INSTANCE_VALUE => {
                        // A type-version compare and one indexed load (the class's shared keys
                        // give the index; a NULL value or a dict-backed instance misses).
                        if let Some(v) = spec::load_attr_instance_value(top!(), &instrs[cur + 1..])
                        {
                            hit!();
                            ip += 7;
                            slots[sp - 1] = v;
                            continue;
                        }
                    }
                    Opcode::LOAD_ATTR_SLOT
                    | Opcode::LOAD_ATTR_NONDESCRIPTOR
                    | Opcode::LOAD_ATTR_PROPERTY => {
                        let o = top!();
                        let c = &instrs[cur + 1..];
                        if op == Opcode::LOAD_ATTR_SLOT {
                            if let Some(v) = spec::load_attr_slot(o, c) {
                                hit!();
                                ip += 7;
                                slots[sp - 1] = v;
                                continue;
                            }
                        } else if o.is_ptr() && type_data(obj_type(o)).version.get() == c[1].get() {
                            let name = cd.names[oparg as usize];
                            let v = match op {
                                Opcode::LOAD_ATTR_NONDESCRIPTOR => {
                                    let d = as_instance(o).unwrap().dict;
                                    if d.is_null() || ic::find_str(table_of(d), name).is_none() {
                                        Some(Value(adaptive::read_u64(c, 3)))
                                    } else {
                                        None
                                    }
                                }
                                _ => {
                                    // A property (a data descriptor: the instance dict does not
                                    // matter); its getter is a Python function taking the instance.
                                    let getter = Value(adaptive::read_u64(c, 3));
                                    hit!();
                                    ip += 7;
                                    sync!();
                                    let r = tryv!(call::call(vm, getter, &[o], &[]));
                                    slots[sp - 1] = r;
                                    continue;
                                }
                            };
                            if let Some(v) = v {
                                hit!();
                                ip += 7;
                                slots[sp - 1] = v;
                                continue;
                            }
                        }
                    }
                    Opcode::LOAD_ATTR_MODULE | Opcode::LOAD_METHOD_MODULE => {
                        if let Some(v) = spec::load_attr_module(top!(), &instrs[cur + 1..]) {
                            hit!();
                            ip += 7;
                            if op == Opcode::LOAD_METHOD_MODULE {
                                slots[sp - 1] = Value::NULL;
                                push!(v);
                            } else {
                                slots[sp - 1] = v;
                            }
                            continue;
                        }
                    }
                    Opcode::LOAD_METHOD_CLASS => {
                        if let Some((a, b)) = spec::load_method_class(top!(), &instrs[cur + 1..]) {
                            hit!();
                            ip += 7;
                            slots[sp - 1] = a;
                            push!(b);
                            continue;
                        }
                    }
                    Opcode::LOAD_METHOD_SUPER => {
                        if let Some((m, o)) = spec::load_method_super(top!(), &instrs[cur + 1..]) {
                            hit!();
                            ip += 7;
                            slots[sp - 1] = m;
                            push!(o);
                            continue;
                        }
                    }
                    Opcode::LOAD_ATTR_CLASS => {
                        if let Some(v) = spec::load_attr_class(top!(), &instrs[cur + 1..]) {
                            hit!();
                            ip += 7;
                            slots[sp - 1] = v;
                            continue;
                        }
                    }
                    Opcode::LOAD_METHOD_WITH_VALUES | Opcode::LOAD_METHOD_NO_DICT => {
                        let o = top!();
                        let name = cd.names[oparg as usize];
                        if let Some(m) = spec::load_method(vm, op, o, name, &instrs[cur + 1..]) {
                            hit!();
                            ip += 7;
                            slots[sp - 1] = m;
                            push!(o);
                            continue;
                        }
                    }
                    Opcode::STORE_ATTR_INSTANCE_VALUE => {
                        let (o, v) = (slots[sp - 1], slots[sp - 2]);
                        if spec::store_attr_instance_value(vm, o, v, &instrs[cur + 1..]) {
                            hit!();
                            ip += 7;
                            sp -= 2;
                            continue;
                        }
                    }
                    Opcode::STORE_ATTR_SLOT => {
                        let (o, v) = (slots[sp - 1], slots[sp - 2]);
                        if spec::store_attr_slot(o, v, &instrs[cur + 1..]) {
                            hit!();
                            ip += 7;
                            sp -= 2;
                            continue;
                        }
                    }
                    Opcode::CALL_PY_EXACT_ARGS
                    | Opcode::CALL_PY_WITH_DEFAULTS
                    | Opcode::CALL_BOUND_METHOD_EXACT_ARGS => {
                        let n = oparg as usize;
                        let base = sp - n - 2;
                        if kwnames.is_null() {
                            if let Some(t) = spec::py_call_target(op, &mut slots[base..sp]) {
                                let start = base + t.start;
                                hit!();
                                ip += 3;
                                f.get().instr_index = ip as u32;
                                f.get().stack_depth = (sp - nlp) as u32;
                                let args = &slots[start..sp];
                                let nf = if op == Opcode::CALL_PY_WITH_DEFAULTS {
                                    tryv!(push_frame_with_defaults(
                                        vm, t.callable, t.fd, t.cd, args
                                    ))
                                } else {
                                    tryv!(push_frame_exact(vm, t.callable, t.fd, t.cd, args))
                                };
                                f.get().stack_depth = (base - nlp) as u32;
                                f = nf;
                                load_frame!(f, cd, instrs, slots, ip, sp, nlp);
                                if vm.heap.should_collect() {
                                    vm.collect();
                                }
                                continue;
                            }
                        }
                    }
                    Opcode::CALL_ALLOC_AND_ENTER_INIT => {
                        let base = sp - oparg as usize - 2;
                        if kwnames.is_null() {
                            let c = &instrs[cur + 1..];
                            if let Some(t) = spec::init_call_target(vm, &slots[base..sp], c) {
                                hit!();
                                ip += 3;
                                sync!();
                                let nf = tryv!(spec::enter_init(vm, &t, &mut slots[base..sp]));
                                // The instance stays as the call's result.
                                f.get().stack_depth = (base + 1 - nlp) as u32;
                                f = nf;
                                load_frame!(f, cd, instrs, slots, ip, sp, nlp);
                                if vm.heap.should_collect() {
                                    vm.collect();
                                }
                                continue;
                            }
                        }
                    }
                    Opcode::CALL_BUILTIN_FAST => {
                        let n = oparg as usize;
                        let base = sp - n - 2;
                        if kwnames.is_null() {
                            if let Some((bf, start)) =
                                spec::builtin_fast_target(vm, &slots[base..sp])
                            {
                                hit!();
                                ip += 3;
                                sync!();
                                let r = tryv!(bf(vm, &slots[base + start..sp], &[]));
                                sp = base;
                                push!(r);
                                continue;
                            }
                        }
                    }
                    Opcode::CALL_LEN
                    | Opcode::CALL_ISINSTANCE
                    | Opcode::CALL_TYPE_1
                    | Opcode::CALL_STR_1
                    | Opcode::CALL_TUPLE_1
                    | Opcode::CALL_BUILTIN_CLASS => {
                        // The callable is pinned by pointer (a built-in object or type, never freed).
                        let base = sp - oparg as usize - 2;
                        if kwnames.is_null() {
                            sync!();
                            let c = &instrs[cur + 1..];
                            if let Some(r) = spec::call_builtin_1(vm, op, &slots[base..sp], c) {
                                let r = tryv!(r);
                                hit!();
                                ip += 3;
                                sp = base;
                                push!(r);
                                continue;
                            }
                        }
                    }
                    Opcode::CALL_LIST_APPEND => {
                        // LOAD_METHOD left (list.append, the list); one argument.
                        let base = sp - 3;
                        if kwnames.is_null()
                            && spec::call_list_append(
                                vm,
                                oparg,
                                &slots[base..sp],
                                &instrs[cur + 1..],
                            )
                        {
                            hit!();
                            ip += 3;
                            sp = base;
                            push!(vm.none);
                            continue;
                        }
                    }
                    Opcode::BINARY_SUBSCR_LIST_INT | Opcode::BINARY_SUBSCR_TUPLE_INT => {
                        let (c, k) = (slots[sp - 2], slots[sp - 1]);
                        if let Some(v) = spec::subscr_seq_int(vm, op, c, k) {
                            hit!();
                            ip += 1;
                            sp -= 1;
                            slots[sp - 1] = v;
                            continue;
                        }
                    }
                    Opcode::BINARY_SUBSCR_STR_INT => {
                        let (c, k) = (slots[sp - 2], slots[sp - 1]);
                        if k.is_small_int() && is_exact(c, vm.t.str_) {
                            let s = as_str(c).unwrap();
                            if s.is_ascii() {
                                if let Some(j) = subscr::norm_index(k.as_small_int(), s.s.len()) {
                                    hit!();
                                    let v = vm.small_strs[s.s.as_bytes()[j] as usize];
                                    ip += 1;
                                    sp -= 1;
                                    slots[sp - 1] = v;
                                    continue;
                                }
                            }
                        }
                    }
                    Opcode::BINARY_SUBSCR_DICT => {
                        let (c, k) = (slots[sp - 2], slots[sp - 1]);
                        if is_exact(c, vm.t.dict) {
                            hit!();
                            ip += 1;
                            sync!();
                            let r = tryv!(subscr::getitem(vm, c, k));
                            sp -= 1;
                            slots[sp - 1] = r;
                            continue;
                        }
                    }
                    Opcode::STORE_SUBSCR_LIST_INT => {
                        let (v, c, k) = (slots[sp - 3], slots[sp - 2], slots[sp - 1]);
                        if spec::store_subscr_list_int(vm, v, c, k) {
                            hit!();
                            ip += 1;
                            sp -= 3;
                            continue;
                        }
                    }
                    Opcode::STORE_SUBSCR_DICT => {
                        let (v, c, k) = (slots[sp - 3], slots[sp - 2], slots[sp - 1]);
                        if is_exact(c, vm.t.dict) {
                            hit!();
                            ip += 1;
                            sync!();
                            tryv!(rdict::dict_set(vm, c, k, v));
                            sp -= 3;
                            continue;
                        }
                    }
                    Opcode::FOR_ITER_RANGE => {
                        if let Some(r) = as_range_iter(top!()) {
                            hit!();
                            let next = r.advance().map(|v| vm.new_int(v));
                            for_iter_next!(next);
                            continue;
                        }
                    }
                    Opcode::FOR_ITER_LIST | Opcode::FOR_ITER_TUPLE => {
                        let it = top!();
                        let want = match op {
                            Opcode::FOR_ITER_LIST => vm.t.list_iterator,
                            _ => vm.t.tuple_iterator,
                        };
                        if it.is_ptr() && obj_type(it) == want {
                            hit!();
                            let next = as_seq_iter(it).unwrap().advance();
                            for_iter_next!(next);
                            continue;
                        }
                    }
                    Opcode::FOR_ITER_GEN => {
                        let it = top!();
                        if as_generator(it).is_some() && obj_type(it) == vm.t.generator {
                            hit!();
                            sync!();
                            let next = tryv!(riter::next(vm, it));
                            for_iter_next!(next);
                            continue;
                        }
                    }
                    Opcode::UNPACK_SEQUENCE_TWO_TUPLE
                    | Opcode::UNPACK_SEQUENCE_TUPLE
                    | Opcode::UNPACK_SEQUENCE_LIST => {
                        let n = oparg as usize;
                        if let Some(items) = spec::unpack_items(vm, op, top!(), n) {
                            hit!();
                            sp -= 1;
                            for i in 0..n {
                                slots[sp + i] = items[n - 1 - i];
                            }
                            sp += n;
                            ip += 1;
                            continue;
                        }
                    }
                    Opcode::LOAD_FAST__LOAD_FAST | Opcode::LOAD_FAST__LOAD_CONST => {
                        let v = slots[oparg as usize];
                        if v.is_null() {
                            throw!(ops::unbound_local(vm, cd, oparg as usize));
                        }
                        push!(v);
                        let second = instrs[cur + 1].get() >> 8;
                        ip = cur + 2;
                        if op == Opcode::LOAD_FAST__LOAD_CONST {
                            push!(cd.consts[second as usize]);
                        } else {
                            let w = slots[second as usize];
                            if w.is_null() {
                                // Raised by the second instruction (its line, its handler).
                                cur += 1;
                                throw!(ops::unbound_local(vm, cd, second as usize));
                            }
                            push!(w);
                        }
                        continue;
                    }
                    Opcode::LOAD_CONST__LOAD_FAST | Opcode::STORE_FAST__LOAD_FAST => {
                        if op == Opcode::LOAD_CONST__LOAD_FAST {
                            push!(cd.consts[oparg as usize]);
                        } else {
                            slots[oparg as usize] = pop!();
                        }
                        let second = (instrs[cur + 1].get() >> 8) as usize;
                        ip = cur + 2;
                        let w = slots[second];
                        if w.is_null() {
                            // Raised by the second instruction (its line, its handler).
                            cur += 1;
                            throw!(ops::unbound_local(vm, cd, second));
                        }
                        push!(w);
                        continue;
                    }
                    Opcode::STORE_FAST__STORE_FAST => {
                        slots[oparg as usize] = pop!();
                        let second = (instrs[cur + 1].get() >> 8) as usize;
                        slots[second] = pop!();
                        ip = cur + 2;
                        continue;
                    }
                    _ => {}
                }
                std::hint::cold_path();
                adaptive::miss(vm, instrs, cur, op);
                op = op.generic();
                from_miss = true;
            }
            match op {
                Opcode::NOP => {}
                Opcode::RESUME => {
                    if oparg == 0 {
                        jit_enter!(JitEntry::Start);
                    } else {
                        // A generator or coroutine resumed after a yield or await: into its
                        // compiled code right away if it has some (not counted towards compiling).
                        jit_enter!(JitEntry::Continue);
                    }
                }
                Opcode::POP_TOP => {
                    sp -= 1;
                }
                Opcode::LOAD_CONST => push!(cd.consts[oparg as usize]),
                Opcode::LOAD_FAST => {
                    let v = slots[oparg as usize];
                    if v.is_null() {
                        throw!(ops::unbound_local(vm, cd, oparg as usize));
                    }
                    push!(v);
                }
                Opcode::STORE_FAST => {
                    slots[oparg as usize] = pop!();
                }
                Opcode::DELETE_FAST => {
                    if slots[oparg as usize].is_null() {
                        throw!(ops::unbound_local(vm, cd, oparg as usize));
                    }
                    slots[oparg as usize] = Value::NULL;
                }
                Opcode::BINARY_OP => {
                    adapt!();
                    let b = slots[sp - 1];
                    let a = slots[sp - 2];
                    ip += 1;
                    // No type-specific fast path here: those are the specialized forms' (so
                    // `--specialize=off` is the plain interpreter).
                    sync!();
                    let r = tryv!(rops::binary_op(vm, oparg, a, b));
                    sp -= 1;
                    slots[sp - 1] = r;
                }
                Opcode::COMPARE_OP => {
                    adapt!();
                    let b = slots[sp - 1];
                    let a = slots[sp - 2];
                    ip += 1;
                    sync!();
                    let r = tryv!(compare::compare(vm, oparg, a, b));
                    sp -= 1;
                    slots[sp - 1] = r;
                }
                Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                    let v = pop!();
                    let t = if v == vm.true_ {
                        true
                    } else if v == vm.false_ || v == vm.none {
                        false
                    } else if v.is_small_int() {
                        v.as_small_int() != 0
                    } else {
                        sync!();
                        tryv!(compare::truthy(vm, v))
                    };
                    if t == (op == Opcode::POP_JUMP_IF_TRUE) {
                        ip = oparg as usize;
                        if ip <= cur {
                            backedge!();
                        }
                    }
                }
                Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                    if (pop!() == vm.none) == (op == Opcode::POP_JUMP_IF_NONE) {
                        ip = oparg as usize;
                        if ip <= cur {
                            backedge!();
                        }
                    }
                }
                Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                    let v = top!();
                    sync!();
                    let t = tryv!(compare::truthy(vm, v));
                    if t == (op == Opcode::JUMP_IF_TRUE_OR_POP) {
                        ip = oparg as usize;
                        if ip <= cur {
                            backedge!();
                        }
                    } else {
                        sp -= 1;
                    }
                }
                Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => ip = oparg as usize,
                Opcode::JUMP_BACKWARD => {
                    ip = oparg as usize;
                    backedge!();
                }
                Opcode::GET_ITER => {
                    let v = top!();
                    sync!();
                    let it = tryv!(riter::get_iter(vm, v));
                    slots[sp - 1] = it;
                }
                Opcode::FOR_ITER => {
                    adapt!();
                    let it = top!();
                    sync!();
                    let next = tryv!(riter::next(vm, it));
                    for_iter_next!(next);
                }
                Opcode::RETURN_VALUE => {
                    let v = pop!();
                    return_to_caller!(v);
                    jit_enter!(JitEntry::Continue);
                }
                Opcode::PUSH_NULL => push!(Value::NULL),
                Opcode::COPY => {
                    let v = slots[sp - oparg as usize];
                    push!(v);
                }
                Opcode::SWAP => {
                    slots.swap(sp - 1, sp - oparg as usize);
                }
                Opcode::UNARY_POSITIVE | Opcode::UNARY_NEGATIVE | Opcode::UNARY_INVERT => {
                    let v = top!();
                    sync!();
                    let r = tryv!(rops::unary_op(vm, op, v));
                    slots[sp - 1] = r;
                }
                Opcode::UNARY_NOT => {
                    let v = top!();
                    sync!();
                    let t = tryv!(compare::truthy(vm, v));
                    slots[sp - 1] = vm.bool_val(!t);
                }
                Opcode::IS_OP => {
                    let b = pop!();
                    let a = top!();
                    slots[sp - 1] = vm.bool_val((a == b) != (oparg == 1));
                }
                Opcode::CONTAINS_OP => {
                    let b = slots[sp - 1];
                    let a = slots[sp - 2];
                    sync!();
                    let r = tryv!(compare::contains(vm, b, a));
                    sp -= 1;
                    slots[sp - 1] = vm.bool_val(r != (oparg == 1));
                }
                Opcode::BINARY_SUBSCR => {
                    adapt!();
                    let k = slots[sp - 1];
                    let c = slots[sp - 2];
                    ip += 1;
                    sync!();
                    let r = tryv!(subscr::getitem(vm, c, k));
                    sp -= 1;
                    slots[sp - 1] = r;
                }
                Opcode::STORE_SUBSCR => {
                    adapt!();
                    let k = slots[sp - 1];
                    let c = slots[sp - 2];
                    let v = slots[sp - 3];
                    ip += 1;
                    sync!();
                    tryv!(subscr::setitem(vm, c, k, v));
                    sp -= 3;
                }
                Opcode::DELETE_SUBSCR => {
                    let k = slots[sp - 1];
                    let c = slots[sp - 2];
                    sync!();
                    tryv!(subscr::delitem(vm, c, k));
                    sp -= 2;
                }
                Opcode::BINARY_SLICE => {
                    let (c, a, b) = (slots[sp - 3], slots[sp - 2], slots[sp - 1]);
                    if let Some(r) = subscr::simple_slice(vm, c, a, b) {
                        sp -= 2;
                        slots[sp - 1] = r;
                        continue;
                    }
                    sync!();
                    let s = subscr::new_slice(vm, a, b, vm.none);
                    slots[sp - 1] = s;
                    let r = tryv!(subscr::getitem(vm, c, s));
                    sp -= 2;
                    slots[sp - 1] = r;
                }
                Opcode::STORE_SLICE => {
                    let (v, c, a, b) = (slots[sp - 4], slots[sp - 3], slots[sp - 2], slots[sp - 1]);
                    if subscr::simple_store_slice(vm, c, a, b, v) {
                        sp -= 4;
                        continue;
                    }
                    sync!();
                    let s = subscr::new_slice(vm, a, b, vm.none);
                    slots[sp - 1] = s;
                    tryv!(subscr::setitem(vm, c, s, v));
                    sp -= 4;
                }
                Opcode::BUILD_SLICE => {
                    let n = oparg as usize;
                    let step = if n == 3 { pop!() } else { vm.none };
                    let b = pop!();
                    let a = pop!();
                    let s = subscr::new_slice(vm, a, b, step);
                    push!(s);
                }
                Opcode::LOAD_NAME => {
                    let name = cd.names[oparg as usize];
                    let locals = framestack::locals(f);
                    let mut found = None;
                    if !locals.is_null() {
                        sync!();
                        found = tryv!(crate::vm::runtime::names::load(vm, locals, name));
                    }
                    if found.is_none() {
                        found = rdict::dict_get_str(vm, f.get().globals, name);
                    }
                    if found.is_none() {
                        found = rdict::dict_get_str(vm, vm.builtins, name);
                    }
                    match found {
                        Some(v) => push!(v),
                        None => {
                            throw!(ops::name_error(vm, name, f.get().globals));
                        }
                    }
                }
                Opcode::STORE_NAME => {
                    let name = cd.names[oparg as usize];
                    let v = pop!();
                    let mut locals = framestack::locals(f);
                    if locals.is_null() {
                        locals = f.get().globals;
                    }
                    sync!();
                    tryv!(crate::vm::runtime::names::store(vm, locals, name, v));
                }
                Opcode::DELETE_NAME => {
                    let name = cd.names[oparg as usize];
                    let mut locals = framestack::locals(f);
                    if locals.is_null() {
                        locals = f.get().globals;
                    }
                    sync!();
                    if !tryv!(crate::vm::runtime::names::delete(vm, locals, name)) {
                        throw!(ops::name_error(vm, name, f.get().globals));
                    }
                }
                Opcode::LOAD_GLOBAL => {
                    adapt!();
                    let name = cd.names[(oparg >> 1) as usize];
                    ip += 6;
                    if oparg & 1 != 0 {
                        push!(Value::NULL);
                    }
                    let g = f.get().globals;
                    let v = match ic::load_global(vm, site!(), g, name) {
                        Some(v) => v,
                        None => {
                            throw!(ops::name_error(vm, name, f.get().globals));
                        }
                    };
                    push!(v);
                }
                Opcode::STORE_GLOBAL => {
                    let name = cd.names[oparg as usize];
                    let v = pop!();
                    let g = f.get().globals;
                    tryv!(rdict::dict_set(vm, g, name, v));
                }
                Opcode::DELETE_GLOBAL => {
                    let name = cd.names[oparg as usize];
                    let g = f.get().globals;
                    if tryv!(rdict::dict_del(vm, g, name)).is_none() {
                        throw!(ops::name_error(vm, name, f.get().globals));
                    }
                }
                Opcode::MAKE_CELL => {
                    let v = slots[oparg as usize];
                    slots[oparg as usize] = vm.new_cell(v);
                }
                Opcode::LOAD_CLOSURE => push!(slots[oparg as usize]),
                Opcode::LOAD_DEREF | Opcode::LOAD_CLASSDEREF => {
                    let i = oparg as usize;
                    if op == Opcode::LOAD_CLASSDEREF {
                        let locals = framestack::locals(f);
                        if !locals.is_null() {
                            if let Some(v) = rdict::dict_get_str(vm, locals, cd.localsplusnames[i])
                            {
                                push!(v);
                                continue;
                            }
                        }
                    }
                    let Some(&mut v) = as_cell(slots[i]) else {
                        throw!(ops::malformed(vm, "LOAD_DEREF of a slot without a cell"));
                    };
                    if v.is_null() {
                        throw!(ops::unbound_deref(vm, cd, i));
                    }
                    push!(v);
                }
                Opcode::STORE_DEREF => {
                    let v = pop!();
                    let Some(c) = as_cell(slots[oparg as usize]) else {
                        throw!(ops::malformed(vm, "STORE_DEREF of a slot without a cell"));
                    };
                    *c = v;
                }
                Opcode::DELETE_DEREF => {
                    let Some(c) = as_cell(slots[oparg as usize]) else {
                        throw!(ops::malformed(vm, "DELETE_DEREF of a slot without a cell"));
                    };
                    if c.is_null() {
                        throw!(ops::unbound_deref(vm, cd, oparg as usize));
                    }
                    *c = Value::NULL;
                }
                Opcode::COPY_FREE_VARS => {
                    let start = nlp - oparg as usize;
                    let copied = spec::copy_free_vars(f.get().func, &mut slots[start..nlp]);
                    debug_assert!(copied, "COPY_FREE_VARS without a closure");
                }
                Opcode::LOAD_ATTR => {
                    adapt!();
                    let o = top!();
                    let name = cd.names[oparg as usize];
                    ip += 7;
                    sync!();
                    let v = tryv!(ic::load_attr(vm, site!(), o, name));
                    slots[sp - 1] = v;
                }
                Opcode::STORE_ATTR => {
                    adapt!();
                    let o = slots[sp - 1];
                    let v = slots[sp - 2];
                    let name = cd.names[oparg as usize];
                    ip += 7;
                    sync!();
                    tryv!(ic::store_attr(vm, site!(), o, name, v));
                    sp -= 2;
                }
                Opcode::DELETE_ATTR => {
                    let o = top!();
                    let name = cd.names[oparg as usize];
                    sync!();
                    tryv!(attr::delattr(vm, o, name));
                    sp -= 1;
                }
                Opcode::LOAD_METHOD => {
                    adapt!();
                    let o = top!();
                    let name = cd.names[oparg as usize];
                    ip += 7;
                    sync!();
                    let (m, s) = tryv!(ic::load_method(vm, site!(), o, name));
                    if s.is_null() {
                        slots[sp - 1] = Value::NULL;
                        push!(m);
                    } else {
                        slots[sp - 1] = m;
                        push!(s);
                    }
                }
                Opcode::KW_NAMES => kwnames = cd.consts[oparg as usize],
                Opcode::CALL => {
                    adapt!();
                    ip += 3;
                    let n = oparg as usize;
                    let base = sp - n - 2;
                    let kw: &[Value] = match as_tuple(kwnames) {
                        Some(t) => t,
                        None => &[],
                    };
                    kwnames = Value::NULL;
                    let (callable, start) = match spec::call_target(&mut slots[base..sp]) {
                        Ok((callable, start)) => (callable, base + start),
                        Err((bf, start)) => {
                            sync!();
                            let args = &slots[base + start..sp];
                            let r = tryv!(crate::vm::panic_guard::guard(vm, |vm| bf(vm, args, kw)));
                            sp = base;
                            push!(r);
                            continue;
                        }
                    };
                    if as_function(callable).is_some() {
                        f.get().instr_index = ip as u32;
                        f.get().stack_depth = (sp - nlp) as u32;
                        let args = &slots[start..sp];
                        let nf = tryv!(push_frame(vm, callable, args, kw));
                        f.get().stack_depth = (base - nlp) as u32;
                        f = nf;
                        load_frame!(f, cd, instrs, slots, ip, sp, nlp);
                        if vm.heap.should_collect() {
                            vm.collect();
                        }
                        continue;
                    }
                    sync!();
                    let r = tryv!(call::call(vm, callable, &slots[start..sp], kw));
                    sp = base;
                    push!(r);
                }
                Opcode::CALL_FUNCTION_EX => {
                    let kwargs = if oparg & 1 != 0 { pop!() } else { Value::NULL };
                    let args = pop!();
                    let callable = pop!();
                    let null = pop!();
                    let _ = null;
                    // Keep the operands rooted while the call runs.
                    push!(callable);
                    push!(args);
                    push!(kwargs);
                    sync!();
                    let r = tryv!(ops::call_ex(vm, callable, args, kwargs));
                    sp -= 3;
                    push!(r);
                }
                Opcode::MAKE_FUNCTION => {
                    sync!();
                    let r = tryv!(ops::make_function(
                        vm,
                        &slots[..sp],
                        &mut sp,
                        oparg,
                        f.get().globals
                    ));
                    push!(r);
                }
                Opcode::RETURN_GENERATOR => {
                    sync!();
                    let g = ops::make_generator(vm, f, cd, ip, sp - nlp);
                    return_to_caller!(g);
                }
                Opcode::YIELD_VALUE => {
                    let v = pop!();
                    if ops::drain::drain_yield(vm, f, v) {
                        // Drained: on as if `next()` resumed the frame at once.
                        push!(vm.none);
                    } else {
                        sync!();
                        return Ok(Exit::Yield(v));
                    }
                }
                Opcode::SEND => {
                    let v = slots[sp - 1];
                    let recv = slots[sp - 2];
                    sync!();
                    match tryv!(ops::send(vm, recv, v)) {
                        Exit::Yield(y) => slots[sp - 1] = y,
                        Exit::Return(r) => {
                            sp -= 2;
                            push!(r);
                            ip = oparg as usize;
                        }
                    }
                }
                Opcode::GET_YIELD_FROM_ITER => {
                    let v = top!();
                    if as_generator(v).is_none() || obj_type(v) == vm.t.async_generator {
                        sync!();
                        let it = tryv!(riter::get_iter(vm, v));
                        slots[sp - 1] = it;
                    }
                }
                Opcode::BUILD_TUPLE => {
                    let n = oparg as usize;
                    let items = slots[sp - n..sp].to_vec();
                    sp -= n;
                    let t = vm.new_tuple(items);
                    push!(t);
                }
                Opcode::BUILD_LIST => {
                    let n = oparg as usize;
                    let items = slots[sp - n..sp].to_vec();
                    sp -= n;
                    let t = vm.new_list(items);
                    push!(t);
                }
                Opcode::BUILD_SET => {
                    let n = oparg as usize;
                    let s = vm.new_set(false);
                    push!(s);
                    sync!();
                    let items = slots[sp - 1 - n..sp - 1].to_vec();
                    let r: PyResult<()> = items
                        .into_iter()
                        .try_for_each(|x| rdict::set_add(vm, s, x).map(|_| ()));
                    tryv!(r);
                    sp -= n + 1;
                    push!(s);
                }
                Opcode::BUILD_MAP => {
                    let n = oparg as usize;
                    let d = vm.new_dict();
                    push!(d);
                    sync!();
                    let kv = slots[sp - 1 - 2 * n..sp - 1].to_vec();
                    let r: PyResult<()> = kv
                        .chunks(2)
                        .try_for_each(|p| rdict::dict_set(vm, d, p[0], p[1]));
                    tryv!(r);
                    sp -= 2 * n + 1;
                    push!(d);
                }
                Opcode::BUILD_CONST_KEY_MAP => {
                    let n = oparg as usize;
                    let keys = slots[sp - 1];
                    let d = vm.new_dict();
                    push!(d);
                    sync!();
                    // (CPython's check: only bytecode not from its compiler fails it.)
                    let ks = match as_tuple(keys) {
                        Some(t) if t.len() == n => t.to_vec(),
                        _ => throw!(vm.err("SystemError", "bad BUILD_CONST_KEY_MAP keys argument")),
                    };
                    let vals = slots[sp - 2 - n..sp - 2].to_vec();
                    let r: PyResult<()> = ks
                        .into_iter()
                        .zip(vals)
                        .try_for_each(|(k, v)| rdict::dict_set(vm, d, k, v));
                    tryv!(r);
                    sp -= n + 2;
                    push!(d);
                }
                Opcode::BUILD_STRING => {
                    let n = oparg as usize;
                    let mut s = String::new();
                    for v in &slots[sp - n..sp] {
                        s.push_str(str_of(*v));
                    }
                    sp -= n;
                    let r = vm.new_str_owned(s);
                    push!(r);
                }
                Opcode::LIST_APPEND => {
                    let v = pop!();
                    let l = slots[sp - oparg as usize];
                    let Some(l) = as_list(l) else {
                        throw!(ops::malformed(vm, "LIST_APPEND to a non-list"));
                    };
                    l.push(v);
                }
                Opcode::SET_ADD => {
                    let v = slots[sp - 1];
                    let s = slots[sp - 1 - oparg as usize];
                    if as_set(s).is_none() {
                        throw!(ops::malformed(vm, "SET_ADD to a non-set"));
                    }
                    sync!();
                    tryv!(rdict::set_add(vm, s, v));
                    sp -= 1;
                }
                Opcode::MAP_ADD => {
                    let v = slots[sp - 1];
                    let k = slots[sp - 2];
                    let d = slots[sp - 2 - oparg as usize];
                    if as_dict(d).is_none() {
                        throw!(ops::malformed(vm, "MAP_ADD to a non-dict"));
                    }
                    sync!();
                    tryv!(rdict::dict_set(vm, d, k, v));
                    sp -= 2;
                }
                Opcode::LIST_EXTEND => {
                    let it = slots[sp - 1];
                    let l = slots[sp - 1 - oparg as usize];
                    sync!();
                    tryv!(ops::list_extend(vm, l, it));
                    sp -= 1;
                }
                Opcode::SET_UPDATE => {
                    let it = slots[sp - 1];
                    let s = slots[sp - 1 - oparg as usize];
                    if as_set(s).is_none() {
                        throw!(ops::malformed(vm, "SET_UPDATE of a non-set"));
                    }
                    sync!();
                    tryv!(crate::vm::runtime::set::update(vm, s, it));
                    sp -= 1;
                }
                Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                    let m = slots[sp - 1];
                    let d = slots[sp - 1 - oparg as usize];
                    let callee = if op == Opcode::DICT_MERGE {
                        slots[sp - 1 - oparg as usize - 2]
                    } else {
                        Value::NULL
                    };
                    if as_dict(d).is_none() {
                        throw!(ops::malformed(vm, "DICT_UPDATE of a non-dict"));
                    }
                    sync!();
                    tryv!(ops::dict_update(vm, d, m, op == Opcode::DICT_MERGE, callee));
                    sp -= 1;
                }
                Opcode::LIST_TO_TUPLE => {
                    let l = top!();
                    let Some(l) = as_list(l) else {
                        throw!(ops::malformed(vm, "LIST_TO_TUPLE of a non-list"));
                    };
                    let items = l.to_vec();
                    slots[sp - 1] = vm.new_tuple(items);
                }
                Opcode::UNPACK_SEQUENCE => {
                    adapt!();
                    let v = top!();
                    ip += 1;
                    let n = oparg as usize;
                    if let Some(t) = as_tuple(v) {
                        if t.len() == n {
                            sp -= 1;
                            for i in 0..n {
                                slots[sp + i] = t[n - 1 - i];
                            }
                            sp += n;
                            continue;
                        }
                    }
                    sync!();
                    let items = tryv!(riter::unpack(vm, v, n));
                    sp -= 1;
                    for i in 0..n {
                        slots[sp + i] = items[n - 1 - i];
                    }
                    sp += n;
                }
                Opcode::UNPACK_EX => {
                    let v = top!();
                    let before = (oparg & 0xFF) as usize;
                    let after = (oparg >> 8) as usize;
                    sync!();
                    let items = tryv!(riter::unpack_all(vm, v));
                    if items.len() < before + after {
                        throw!(vm.value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )));
                    }
                    sp -= 1;
                    let mid_end = items.len() - after;
                    let mid = vm.new_list(items[before..mid_end].to_vec());
                    let mut seq: Vec<Value> = items[..before].to_vec();
                    seq.push(mid);
                    seq.extend_from_slice(&items[mid_end..]);
                    for x in seq.into_iter().rev() {
                        push!(x);
                    }
                }
                Opcode::FORMAT_VALUE => {
                    let spec = if oparg & 4 != 0 { pop!() } else { Value::NULL };
                    let v = top!();
                    push!(spec);
                    sync!();
                    let r = tryv!(ops::format_value(vm, v, oparg & 3, spec));
                    sp -= 1;
                    slots[sp - 1] = r;
                }
                Opcode::PUSH_EXC_INFO => {
                    let exc = pop!();
                    let prev = if vm.handled.is_null() {
                        vm.none
                    } else {
                        vm.handled
                    };
                    push!(prev);
                    push!(exc);
                    vm.handled = exc;
                }
                Opcode::POP_EXCEPT => {
                    let v = pop!();
                    vm.handled = v;
                }
                Opcode::CHECK_EXC_MATCH => {
                    let t = top!();
                    let e = slots[sp - 2];
                    sync!();
                    let r = tryv!(ops::exc_matches(vm, e, t));
                    slots[sp - 1] = vm.bool_val(r);
                }
                Opcode::RERAISE => {
                    let e = pop!();
                    // The handler is looked up at this instruction; the traceback already has the
                    // original location (RERAISE adds no entry).
                    reraise = true;
                    throw!(e);
                }
                Opcode::RAISE_VARARGS => {
                    sync!();
                    let e = match oparg {
                        0 => {
                            let h = vm.current_exception();
                            if h.is_null() || h == vm.none {
                                vm.err("RuntimeError", "No active exception to reraise")
                            } else {
                                reraise = true;
                                h
                            }
                        }
                        1 => {
                            let e = pop!();
                            tryv!(ops::make_exception(vm, e))
                        }
                        _ => {
                            let cause = pop!();
                            let e = pop!();
                            let e = tryv!(ops::make_exception(vm, e));
                            tryv!(ops::set_cause(vm, e, cause));
                            e
                        }
                    };
                    throw!(e);
                }
                Opcode::LOAD_ASSERTION_ERROR => push!(Value::from_ptr(vm.t.exc("AssertionError"))),
                Opcode::BEFORE_WITH => {
                    let cm = top!();
                    sync!();
                    let (exit, enter_result) = tryv!(ops::before_with(vm, cm));
                    slots[sp - 1] = exit;
                    push!(enter_result);
                }
                Opcode::WITH_EXCEPT_START => {
                    let exc = slots[sp - 1];
                    let exit = slots[sp - 4];
                    sync!();
                    let t = Value::from_ptr(vm.type_of(exc));
                    // __exit__(type, value, traceback): the exception's __traceback__.
                    let tb = tryv!(crate::vm::types::frameobj::traceback_object(vm, exc));
                    vm.roots.push(tb);
                    let r = call::call(vm, exit, &[t, exc, tb], &[]);
                    vm.roots.pop();
                    let r = tryv!(r);
                    push!(r);
                }
                Opcode::LOAD_BUILD_CLASS => {
                    let k = vm.sname("__build_class__");
                    match rdict::dict_get_str(vm, vm.builtins, k) {
                        Some(v) => push!(v),
                        None => throw!(vm.err("NameError", "__build_class__ not found")),
                    }
                }
                Opcode::SETUP_ANNOTATIONS => {
                    let mut locals = framestack::locals(f);
                    if locals.is_null() {
                        locals = f.get().globals;
                    }
                    let k = vm.sname("__annotations__");
                    if rdict::dict_get_str(vm, locals, k).is_none() {
                        let d = vm.new_dict();
                        tryv!(rdict::dict_set(vm, locals, k, d));
                    }
                }
                Opcode::IMPORT_NAME => {
                    let name = cd.names[oparg as usize];
                    let fromlist = slots[sp - 1];
                    let level = slots[sp - 2];
                    sync!();
                    let m = tryv!(crate::vm::modules::import_name(vm, name, fromlist, level));
                    sp -= 2;
                    push!(m);
                }
                Opcode::IMPORT_FROM => {
                    let m = top!();
                    let name = cd.names[oparg as usize];
                    sync!();
                    let v = tryv!(crate::vm::modules::import_from(vm, m, name));
                    push!(v);
                }
                Opcode::IMPORT_STAR => {
                    let m = top!();
                    let mut locals = framestack::locals(f);
                    if locals.is_null() {
                        locals = f.get().globals;
                    }
                    sync!();
                    tryv!(crate::vm::modules::import_star(vm, m, locals));
                    sp -= 1;
                }
                Opcode::GET_LEN => {
                    let v = top!();
                    sync!();
                    let n = tryv!(crate::vm::builtins::len_of(vm, v));
                    push!(vm.new_int(n as i64));
                }
                Opcode::MATCH_MAPPING => {
                    let r = crate::vm::runtime::match_class::is_mapping(vm, top!());
                    push!(vm.bool_val(r));
                }
                Opcode::MATCH_SEQUENCE => {
                    let r = crate::vm::runtime::match_class::is_sequence(vm, top!());
                    push!(vm.bool_val(r));
                }
                Opcode::MATCH_KEYS => {
                    let (subject, keys) = (slots[sp - 2], slots[sp - 1]);
                    sync!();
                    let r = tryv!(crate::vm::runtime::match_class::match_keys(
                        vm, subject, keys
                    ));
                    push!(r);
                }
                Opcode::MATCH_CLASS => {
                    let (subject, cls, names) = (slots[sp - 3], slots[sp - 2], slots[sp - 1]);
                    sync!();
                    let r = tryv!(crate::vm::runtime::match_class::match_class(
                        vm,
                        subject,
                        cls,
                        names,
                        oparg as usize
                    ));
                    sp -= 2;
                    slots[sp - 1] = r;
                }
                Opcode::PRINT_EXPR => {
                    // Interactive-mode expression statements (compile(..., 'single')).
                    let v = pop!();
                    sync!();
                    tryv!(crate::vm::modules::sys::print_expr(vm, v));
                }
                Opcode::CHECK_EG_MATCH => {
                    // [exc, type] -> [exc, None] (no match) or [rest, match].
                    let t = pop!();
                    let exc = top!();
                    sync!();
                    let r = tryv!(ops::except_star(vm, "check_eg_match", &[exc, t]));
                    let pair = as_tuple(r).map(|p| (p[0], p[1]));
                    let Some((matched, rest)) = pair else {
                        throw!(vm.err("SystemError", "check_eg_match returned a non-tuple"));
                    };
                    if matched == vm.none {
                        push!(matched);
                    } else {
                        slots[sp - 1] = rest;
                        push!(matched);
                        vm.handled = matched;
                    }
                }
                Opcode::PREP_RERAISE_STAR => {
                    let excs = pop!();
                    let orig = top!();
                    sync!();
                    let r = tryv!(ops::except_star(vm, "prep_reraise_star", &[orig, excs]));
                    slots[sp - 1] = r;
                }
                Opcode::GET_AWAITABLE => {
                    let v = top!();
                    sync!();
                    let it = tryv!(ops::get_awaitable(vm, v, oparg));
                    slots[sp - 1] = it;
                }
                Opcode::BEFORE_ASYNC_WITH => {
                    let cm = top!();
                    sync!();
                    let (exit, enter_result) = tryv!(ops::before_async_with(vm, cm));
                    slots[sp - 1] = exit;
                    push!(enter_result);
                }
                Opcode::GET_AITER => {
                    let v = top!();
                    sync!();
                    let it = tryv!(ops::get_aiter(vm, v));
                    slots[sp - 1] = it;
                }
                Opcode::GET_ANEXT => {
                    let aiter = top!();
                    sync!();
                    let aw = tryv!(ops::get_anext(vm, aiter));
                    push!(aw);
                }
                Opcode::END_ASYNC_FOR => {
                    let e = pop!();
                    if vm.isinstance(e, vm.t.exc("StopAsyncIteration")) {
                        sp -= 1;
                    } else {
                        reraise = true;
                        throw!(e);
                    }
                }
                Opcode::ASYNC_GEN_WRAP => {
                    // The YIELD_VALUE after it yields to the async generator's consumer: cpjit
                    // reads that off the suspended frame (`types::asyncgen`), so nothing to do.
                }
                // Specialized instructions complete above or continue here as their generic form.
                _ => {
                    throw!(vm.err(
                        "SystemError",
                        format!(
                            "cpjit internal error: {} reached the generic dispatch",
                            op.name()
                        )
                    ));
                }
            }
        }
    }
}

#[inline(always)]
fn table_of<'a>(d: Value) -> &'a mut DictTable {
    &mut as_dict(d).expect("a dict").table
}

/// Whether a code object is a generator function body.
pub fn is_generator_code(cd: &CodeData) -> bool {
    cd.code.flags & flags::CO_GENERATOR != 0
}

/// Whether calling a function of this code makes a generator, coroutine or async generator (its
/// frame runs to RETURN_GENERATOR and returns the object).
pub fn makes_generator(cd: &CodeData) -> bool {
    cd.code.flags & (flags::CO_GENERATOR | flags::CO_COROUTINE | flags::CO_ASYNC_GENERATOR) != 0
}
