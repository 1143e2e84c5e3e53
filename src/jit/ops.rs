//! Runtime functions of the hot instructions that have no stencil of their own: each runs the
//! instruction's guarded fast path (the interpreter's own code: `vm::ops::spec`,
//! `eval::binary_op_fast`, ...) straight on the frame, without entering the interpreter loop as
//! [`generic_step`] does. They have `GenericFn`'s signature, so the `GENERIC` stencil calls them.
//!
//! - A guard that fails runs the instruction through [`generic_step`] (`Site::miss`): the
//!   interpreter's arm, where the specialized instruction misses and runs its family's generic
//!   form, and compiled code continues after it. Only the Python calls `_SWITCH` makes
//!   (`call_py`) still leave on a failed guard (`EXIT_DEOPT`), with the stack untouched.
//! - When the instruction in the quickened code is no longer the one the region was compiled for
//!   (the specializer rewrote it since), or a fast path does not apply to generic BINARY_OP /
//!   COMPARE_OP operands, the function hands over to [`generic_step`], which runs whatever the
//!   instruction is now.

use std::cell::Cell;

use super::abi::{JIT_STATUS_ERROR, JIT_STATUS_RETURN};
use super::runtime::{
    frame_slots, generic_step, GenericFn, JitContext, EXIT_CALL, EXIT_DEOPT, EXIT_RAISED,
    EXIT_RESUME, EXIT_YIELD,
};
use crate::bytecode::opcode::{nb, Opcode};
use crate::vm::eval;
use crate::vm::frame::Frame;
use crate::vm::framestack::{frame_code, FramePtr};
use crate::vm::interp::PyResult;
use crate::vm::interp::Vm;
use crate::vm::object::{
    as_cell, as_code, as_function, as_generator, as_list, as_seq_iter, as_tuple, code_unchecked,
    obj_type, CodeData,
};
use crate::vm::ops::{drain, spec};
use crate::vm::runtime::call;
use crate::vm::runtime::inline_cache as ic;
use crate::vm::runtime::{compare, dict as rdict, iter as riter, ops as rops, subscr};
use crate::vm::value::Value;

/// The runtime function of `op`: a dedicated one for the hot instructions, [`generic_step`] for
/// the others.
pub fn runtime_fn(op: Opcode) -> GenericFn {
    match op {
        Opcode::LOAD_GLOBAL_MODULE => load_global_module,
        Opcode::LOAD_GLOBAL_BUILTIN => load_global_builtin,
        Opcode::LOAD_ATTR_INSTANCE_VALUE => load_attr_instance_value,
        Opcode::LOAD_METHOD_WITH_VALUES => load_method_with_values,
        Opcode::LOAD_METHOD_NO_DICT => load_method_no_dict,
        Opcode::STORE_ATTR_INSTANCE_VALUE => store_attr_instance_value,
        Opcode::BINARY_SUBSCR_LIST_INT => binary_subscr_list_int,
        Opcode::BINARY_SUBSCR_TUPLE_INT => binary_subscr_tuple_int,
        Opcode::STORE_SUBSCR_LIST_INT => store_subscr_list_int,
        Opcode::BINARY_OP => binary_op,
        Opcode::BINARY_OP_SMALL_INT => binary_op_small_int,
        Opcode::COMPARE_OP => compare_op,
        Opcode::LOAD_DEREF => load_deref,
        Opcode::FOR_ITER_LIST => for_iter_list,
        Opcode::FOR_ITER_TUPLE => for_iter_tuple,
        Opcode::LIST_APPEND => list_append,
        Opcode::CALL_BUILTIN_FAST => call_builtin_fast,
        Opcode::COPY_FREE_VARS => copy_free_vars,
        Opcode::FOR_ITER_GEN => for_iter_gen,
        Opcode::BINARY_SUBSCR_DICT => binary_subscr_dict,
        Opcode::STORE_SUBSCR_DICT => store_subscr_dict,
        Opcode::STORE_DEREF => store_deref,
        Opcode::CALL_PY_EXACT_ARGS => call_py_exact_args,
        Opcode::CALL_BOUND_METHOD_EXACT_ARGS => call_bound_method_exact_args,
        Opcode::CALL_PY_WITH_DEFAULTS => call_py_with_defaults,
        Opcode::CALL_ALLOC_AND_ENTER_INIT => call_alloc_and_enter_init,
        Opcode::BINARY_OP_NUMERIC_FLOAT => binary_op_numeric_float,
        Opcode::UNPACK_SEQUENCE_TWO_TUPLE => unpack_sequence_two_tuple,
        Opcode::UNPACK_SEQUENCE_TUPLE => unpack_sequence_tuple,
        Opcode::UNPACK_SEQUENCE_LIST => unpack_sequence_list,
        Opcode::LOAD_ATTR_SLOT => load_attr_slot,
        Opcode::STORE_ATTR_SLOT => store_attr_slot,
        Opcode::LOAD_ATTR_CLASS => load_attr_class,
        Opcode::CALL_LEN => call_len,
        Opcode::CALL_ISINSTANCE => call_isinstance,
        Opcode::CALL_TYPE_1 => call_type_1,
        Opcode::CALL_STR_1 => call_str_1,
        Opcode::CALL_TUPLE_1 => call_tuple_1,
        Opcode::CALL_BUILTIN_CLASS => call_builtin_class,
        Opcode::CALL_LIST_APPEND => call_list_append,
        Opcode::GET_ITER => get_iter,
        Opcode::FOR_ITER => for_iter,
        Opcode::BINARY_SUBSCR => binary_subscr,
        Opcode::BUILD_SLICE => build_slice,
        Opcode::BINARY_SLICE => binary_slice,
        Opcode::STORE_SLICE => store_slice,
        Opcode::BUILD_TUPLE => build_tuple,
        Opcode::BUILD_LIST => build_list,
        Opcode::CONTAINS_OP => contains_op,
        Opcode::LOAD_CLOSURE => load_closure,
        Opcode::UNARY_NEGATIVE => unary_op,
        Opcode::MAKE_FUNCTION => make_function,
        Opcode::CALL => call,
        Opcode::JUMP_IF_FALSE_OR_POP => jump_if_false_or_pop,
        Opcode::JUMP_IF_TRUE_OR_POP => jump_if_true_or_pop,
        Opcode::KW_NAMES => kw_names,
        Opcode::LOAD_ATTR => load_attr,
        Opcode::STORE_ATTR => store_attr,
        Opcode::LOAD_METHOD => load_method_rt,
        Opcode::UNARY_NOT => unary_not,
        Opcode::BINARY_OP_ADD_UNICODE => binary_op_any,
        op if int_float_forms(op) => binary_op_any,
        Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT | Opcode::COMPARE_OP_STR => {
            compare_op_any
        }
        Opcode::STORE_GLOBAL => store_global,
        Opcode::POP_JUMP_IF_FALSE => pop_jump_if_false,
        Opcode::POP_JUMP_IF_TRUE => pop_jump_if_true,
        Opcode::LOAD_ATTR_MODULE => load_attr_module,
        Opcode::LOAD_METHOD_MODULE => load_method_module,
        Opcode::LOAD_METHOD_CLASS => load_method_class,
        Opcode::LOAD_METHOD_SUPER => load_method_super,
        _ => generic_step,
    }
}

/// The specialized forms of `+ - *` on two small ints or two floats (BINARY_OP_NUMERIC_FLOAT
/// does all of them, their mixes and `/`).
pub fn int_float_forms(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::BINARY_OP_ADD_INT
            | Opcode::BINARY_OP_SUBTRACT_INT
            | Opcode::BINARY_OP_MULTIPLY_INT
            | Opcode::BINARY_OP_ADD_FLOAT
            | Opcode::BINARY_OP_SUBTRACT_FLOAT
            | Opcode::BINARY_OP_MULTIPLY_FLOAT
    )
}

/// The helper a stencil calls (`_JIT_HELPER`), by opcode.
pub fn helper_fn(op: Opcode) -> Option<usize> {
    match op {
        Opcode::COPY_FREE_VARS => Some(copy_free_vars_helper as *const () as usize),
        _ => None,
    }
}

/// COPY_FREE_VARS's copy for its stencil: the interpreter's `spec::copy_free_vars` from the
/// frame's function into its last `n` local slots. 1 when done, 0 when the function has no
/// such closure (the stencil's slow path then runs the runtime function).
///
/// # Safety
/// `frame` is a live frame with at least `n` slots in `localsplus` (the compiler's COPY_FREE_VARS
/// oparg is the code's number of free variables).
unsafe extern "C" fn copy_free_vars_helper(
    _ctx: *mut JitContext,
    frame: *mut Frame,
    n: u64,
) -> u64 {
    let fp = FramePtr(frame);
    let nlp = fp.get().nlocalsplus as usize;
    let slots = fp.slots(nlp);
    let Some(start) = nlp.checked_sub(n as usize) else {
        return 0;
    };
    spec::copy_free_vars(fp.get().func, &mut slots[start..]) as u64
}

/// `list.append(v)` for LIST_APPEND (false: `list` is no list); asks for a safepoint when a
/// collection is due.
fn append_to_list(vm: &Vm, ctx: &mut JitContext, list: Value, v: Value) -> bool {
    let Some(l) = as_list(list) else {
        return false;
    };
    l.push(v);
    if vm.heap.should_collect() {
        ctx.eval_breaker
            .store(1, std::sync::atomic::Ordering::Relaxed);
    }
    true
}

/// The next item of a list (`list`) or tuple iterator `it`: `None` when `it` is not one,
/// `Some(None)` when it is exhausted.
fn seq_iter_next(vm: &Vm, list: bool, it: Value) -> Option<Option<Value>> {
    let want = if list {
        vm.t.list_iterator
    } else {
        vm.t.tuple_iterator
    };
    if !(it.is_ptr() && obj_type(it) == want) {
        return None;
    }
    Some(as_seq_iter(it).and_then(|i| i.advance()))
}

/// The runtime function of an instruction compiled as the `_SWITCH` stencil: Python calls and
/// returns that continue in the callee's or the caller's compiled code without going through the
/// driver (`RuntimeSymbols::switch_fn`).
pub fn switch_fn(op: Opcode) -> Option<GenericFn> {
    match op {
        Opcode::CALL_PY_EXACT_ARGS
        | Opcode::CALL_PY_WITH_DEFAULTS
        | Opcode::CALL_BOUND_METHOD_EXACT_ARGS => Some(call_py_switch),
        Opcode::CALL_ALLOC_AND_ENTER_INIT => Some(call_init_switch),
        Opcode::RETURN_VALUE => Some(return_switch),
        Opcode::YIELD_VALUE => Some(yield_switch),
        _ => None,
    }
}

/// A `_SWITCH` runtime function's result: a `JIT_STATUS_*` (the trampoline returns it).
fn status(s: i64) -> *mut Value {
    s as usize as *mut Value
}

/// Sets up `_SWITCH` to continue in `f`'s compiled code at instruction `ip` (its `instr_index`
/// and `stack_depth` synced) after a call (`call`) or a return, and returns the address; without
/// compiled code there, leaves it to the driver (a call: `EXIT_CALL`) or the interpreter.
fn switch_to(ctx: &mut JitContext, f: FramePtr, ip: usize, call: bool) -> *mut Value {
    // SAFETY: a frame's code is a code object.
    let cd = unsafe { code_unchecked(frame_code(f.get())) };
    switch_to_code(ctx, f, cd, ip, call)
}

/// `switch_to` with the frame's code data at hand.
#[inline(always)]
fn switch_to_code(
    ctx: &mut JitContext,
    f: FramePtr,
    cd: &CodeData,
    ip: usize,
    call: bool,
) -> *mut Value {
    match switch_address(ctx, f, cd, ip) {
        Some(addr) if call => {
            ctx.switched_calls += 1;
            addr
        }
        Some(addr) => {
            ctx.switched_returns += 1;
            addr
        }
        None => {
            ctx.exit_kind = if call { EXIT_CALL } else { EXIT_RESUME };
            status(JIT_STATUS_ERROR)
        }
    }
}

#[inline(always)]
fn switch_address(
    ctx: &mut JitContext,
    f: FramePtr,
    cd: &CodeData,
    ip: usize,
) -> Option<*mut Value> {
    let fr = f.get();
    let addr = super::driver::entry_address(cd, ip)?;
    ctx.next_frame = f.0;
    let depth = (fr.nlocalsplus + fr.stack_depth) as usize;
    // SAFETY: `f` is a live frame with `depth` live slots.
    ctx.next_sp = unsafe { frame_slots(f.0).add(depth) };
    Some(addr as *mut Value)
}

/// CALL_PY_EXACT_ARGS / CALL_PY_WITH_DEFAULTS / CALL_BOUND_METHOD_EXACT_ARGS as `_SWITCH`: pushes the callee's frame and
/// continues in its compiled code, or leaves (`EXIT_CALL`) for the driver to run it.
///
/// # Safety
/// `GenericFn`'s contract.
unsafe extern "C" fn call_py_switch(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    at: u64,
) -> *mut Value {
    // SAFETY: `frame` is live (the contract); a frame's code is a code object.
    let cd = unsafe { code_unchecked(frame_code(FramePtr(frame).get())) };
    // `at` starts an instruction of its code (the contract).
    let op = match Opcode::from_u8(cd.adaptive[at as usize].get() as u8) {
        Some(
            o @ (Opcode::CALL_PY_EXACT_ARGS
            | Opcode::CALL_PY_WITH_DEFAULTS
            | Opcode::CALL_BOUND_METHOD_EXACT_ARGS),
        ) => o,
        // Rewritten since the region was compiled (a site that sees builtins and Python
        // functions in turn): what it is now runs here.
        // SAFETY: as above.
        _ => return unsafe { rewritten_at_switch(frame, sp, ctx, oparg, at) },
    };
    if op != Opcode::CALL_PY_WITH_DEFAULTS {
        // SAFETY: as above.
        if let Some(r) = unsafe { call_py_exact_fast(frame, sp, ctx, oparg, at, op) } {
            return r;
        }
    }
    // SAFETY: as above; the instruction was just checked.
    let Some(mut s) = (unsafe { site_of(frame, sp, ctx, at, op, false) }) else {
        // SAFETY: as above.
        return unsafe { resume_at(frame, sp, ctx, at) };
    };
    s.args.3 = oparg;
    match call_py(s, oparg as u32) {
        Ok((callee, cd)) if eval::makes_generator(cd) => {
            // A generator (coroutine, async generator) function's frame only makes the object
            // (cells, free variables, RETURN_GENERATOR): run it here and go on in the caller's
            // compiled code, instead of leaving it for the driver to follow the call.
            // SAFETY: `ctx` is the driver's context (the contract); the site's borrow of the Vm
            // ended with `call_py`.
            let vm = unsafe { &mut *((*ctx).vm as *mut Vm) };
            let r = eval::run(vm, callee, None);
            match r {
                Ok(eval::Exit::Return(g)) => {
                    // (A generator function's frame is never an __init__'s.)
                    let caller = eval::return_into_caller(vm, callee, g);
                    let ip = caller.get().instr_index as usize;
                    // SAFETY: as above; no other reference to it is live any more.
                    switch_to(unsafe { &mut *ctx }, caller, ip, false)
                }
                // Unreachable for such code; the interpreter sorts out whatever it is.
                Ok(eval::Exit::Yield(_)) => {
                    // SAFETY: as above.
                    unsafe { (*ctx).exit_kind = EXIT_CALL };
                    status(JIT_STATUS_ERROR)
                }
                Err(e) => {
                    // The frame that raised is still the callee's (the interpreter unwound to it
                    // and found no handler): pop it, raise in the caller at the call.
                    eval::pop_frame(vm, callee);
                    // SAFETY: as above.
                    let c = unsafe { &mut *ctx };
                    c.exit_kind = EXIT_RAISED;
                    c.exception = e;
                    c.error_at = at as u32;
                    c.reraise = 0;
                    let fr = FramePtr(frame).get();
                    fr.instr_index = at as u32;
                    status(JIT_STATUS_ERROR)
                }
            }
        }
        Ok((callee, cd)) => {
            // SAFETY: `ctx` is the driver's context (the contract); no other reference to it
            // is live any more.
            switch_to_code(unsafe { &mut *ctx }, callee, cd, 0, true)
        }
        Err(()) => status(JIT_STATUS_ERROR),
    }
}

/// `call_py_switch`'s common case, CALL_PY_EXACT_ARGS / CALL_BOUND_METHOD_EXACT_ARGS calling a
/// plain function with the guards holding and no keyword names, without building a `Site`: the
/// same steps as `call_py` then `switch_to_code` (sync, push the callee's frame, switch into its
/// compiled code or leave for the driver to follow the call). `None` for anything else, which
/// the general path then handles; nothing has changed then but a bound method's call window
/// unpacked in place (function, self), which the general path's guard does again to the same
/// effect. 26 instructions fewer per call (fib: about 180 -> 155).
///
/// # Safety
/// `GenericFn`'s contract; `op` is the instruction at `at`, one of the two.
#[inline(always)]
unsafe fn call_py_exact_fast(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    at: u64,
    op: Opcode,
) -> Option<*mut Value> {
    // SAFETY: the driver's context (the contract).
    let c = unsafe { &mut *ctx };
    if !c.kwnames.is_null() {
        return None;
    }
    let n = oparg as usize + 2;
    // SAFETY: the call's window (NULL or the callable, the callable or self, the arguments) is
    // the top `n` values of the frame's stack, `sp` one past them (the contract).
    let window = unsafe { std::slice::from_raw_parts_mut(sp.sub(n), n) };
    let t = spec::py_call_target(op, window)?;
    if eval::makes_generator(t.cd) {
        return None;
    }
    // SAFETY: the driver's Vm (the contract); no other reference into it is live.
    let vm = unsafe { &mut *(c.vm as *mut Vm) };
    // SAFETY: forwarded (the contract).
    let depth = unsafe { sync_caller(frame, sp, at as usize, op) };
    let pushed = eval::push_frame_exact(vm, t.callable, t.fd, t.cd, &window[t.start..]);
    Some(enter_pushed(
        c,
        vm,
        frame,
        at as usize,
        op,
        depth - n as u32,
        pushed,
        t.cd,
    ))
}

/// Syncs the frame of a call at `at` for its callee (`instr_index` after the call,
/// `stack_depth` with the call's window) and returns that depth.
///
/// # Safety
/// `GenericFn`'s contract (`frame`, `sp`); `op` is the instruction at `at`.
#[inline(always)]
unsafe fn sync_caller(frame: *mut Frame, sp: *mut Value, at: usize, op: Opcode) -> u32 {
    let fr = FramePtr(frame).get();
    // SAFETY: `sp` points into this frame's slots (the contract).
    let depth = unsafe { sp.offset_from(frame_slots(frame)) } as u32 - fr.nlocalsplus;
    fr.instr_index = (at + 1 + op.cache_units()) as u32;
    fr.stack_depth = depth;
    depth
}

/// The fast calls' end (`call_py_exact_fast`, `call_init_fast`): with the callee's frame
/// `pushed`, the caller keeps `left` values on its stack and compiled code goes on in the
/// callee (a collection first if one is due); a failed push raises at the call, as
/// `Site::raise`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn enter_pushed(
    c: &mut JitContext,
    vm: &mut Vm,
    frame: *mut Frame,
    at: usize,
    op: Opcode,
    left: u32,
    pushed: PyResult<FramePtr>,
    cd: &CodeData,
) -> *mut Value {
    let fr = FramePtr(frame).get();
    match pushed {
        Ok(callee) => {
            fr.stack_depth = left;
            if vm.heap.should_collect() {
                vm.collect();
            }
            if let Some(st) = vm.stats.as_deref_mut() {
                st.ops[op as usize].hits += 1;
            }
            switch_to_code(c, callee, cd, 0, true)
        }
        Err(e) => {
            fr.instr_index = at as u32;
            c.exit_kind = EXIT_RAISED;
            c.exception = e;
            c.error_at = at as u32;
            c.reraise = 0;
            status(JIT_STATUS_ERROR)
        }
    }
}

/// A `_SWITCH` call site (CALL_PY_*) whose instruction the specializer has rewritten into another
/// form since the region was compiled: runs what the instruction is now (`rewritten`, which also
/// counts the region stale) and goes on after it in compiled code, as a generic site would. Each
/// such call used to leave compiled code for the interpreter (a site flipping between a builtin
/// and a Python function: 12k exits in `jit_call_site_flips.py`).
///
/// # Safety
/// `GenericFn`'s contract.
unsafe fn rewritten_at_switch(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    at: u64,
) -> *mut Value {
    // The site was compiled as one of the CALL_PY_* forms, none of which it is now; all CALL
    // forms have the same cache size.
    let call = Opcode::CALL_PY_EXACT_ARGS;
    // SAFETY: forwarded (the contract).
    let r = unsafe { rewritten(frame, sp, ctx, oparg, at, call) };
    if r.is_null() {
        // Raised, or left (a call, a resume): `ctx.exit_kind` says which, as from a generic site.
        return status(JIT_STATUS_ERROR);
    }
    let next = at as usize + 1 + call.cache_units();
    // SAFETY: `frame` is live (the contract); a frame's code is a code object.
    let cd = unsafe { code_unchecked(frame_code(FramePtr(frame).get())) };
    match super::driver::entry_address(cd, next) {
        Some(addr) => {
            // SAFETY: the driver's context (the contract).
            let c = unsafe { &mut *ctx };
            c.next_frame = frame;
            c.next_sp = r;
            addr as *mut Value
        }
        // SAFETY: `r` is the frame's stack pointer after the instruction.
        None => unsafe { resume_at(frame, r, ctx, next as u64) },
    }
}

/// Leaves compiled code to resume the interpreter at instruction `at`, stack untouched.
///
/// # Safety
/// `GenericFn`'s contract.
unsafe fn resume_at(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    at: u64,
) -> *mut Value {
    let fr = FramePtr(frame).get();
    // SAFETY: `sp` and the slots are in the same frame (the contract).
    let used = unsafe { sp.offset_from(frame_slots(frame)) } as u32;
    fr.instr_index = at as u32;
    fr.stack_depth = used - fr.nlocalsplus;
    // SAFETY: the driver's context (the contract).
    unsafe { (*ctx).exit_kind = EXIT_RESUME };
    status(JIT_STATUS_ERROR)
}

/// RETURN_VALUE as `_SWITCH`: from the frame the driver entered, leaves with the value
/// (`JIT_STATUS_RETURN`); from a frame compiled code called, pops it, pushes the value on the
/// caller's stack (`eval::return_into_caller`, as the interpreter does) and continues in the
/// caller's compiled code after the call, or resumes the interpreter there.
///
/// # Safety
/// `GenericFn`'s contract.
unsafe extern "C" fn return_switch(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    _oparg: u64,
    _at: u64,
) -> *mut Value {
    // SAFETY: the driver's context and Vm (the contract); `sp` is one past the returned value.
    let ctx = unsafe { &mut *ctx };
    let v = unsafe { *sp.sub(1) };
    if frame == ctx.entry_frame {
        ctx.return_value = v;
        return status(JIT_STATUS_RETURN);
    }
    // SAFETY: as above.
    let vm = unsafe { &mut *(ctx.vm as *mut Vm) };
    if eval::is_special_frame(FramePtr(frame)) {
        return return_from_special_switch(vm, ctx, FramePtr(frame), v);
    }
    let caller = eval::return_into_caller(vm, FramePtr(frame), v);
    let ip = caller.get().instr_index as usize;
    switch_to(ctx, caller, ip, false)
}

/// `return_switch` from an `__init__` or `__op__` frame (`eval::return_from_special`): back into
/// the caller's compiled code after the call, the instance already there or the operands
/// replaced by the result, or the error raised in the caller at the call (an `__init__` that
/// returned something else than None, a declined operation's TypeError; its `instr_index`
/// stays after it, as for an exception out of a callee).
#[cold]
#[inline(never)]
fn return_from_special_switch(
    vm: &mut Vm,
    ctx: &mut JitContext,
    f: FramePtr,
    v: Value,
) -> *mut Value {
    match eval::return_from_special(vm, f, v) {
        Ok(caller) => {
            let ip = caller.get().instr_index as usize;
            switch_to(ctx, caller, ip, false)
        }
        Err((exc, at)) => {
            ctx.exit_kind = EXIT_RAISED;
            ctx.exception = exc;
            ctx.error_at = at;
            ctx.reraise = 0;
            status(JIT_STATUS_ERROR)
        }
    }
}

/// YIELD_VALUE as `_SWITCH`: a generator's frame only runs as the entry frame of a run
/// (`ops::gen_resume` runs it with `eval::run`), so from the frame the driver entered this pops the
/// value, syncs the frame after the yield as the interpreter's arm does, and leaves with the value
/// (`EXIT_YIELD`); the driver hands it to the loop (`JitOutcome::Yield`), which returns it from the
/// run. Anywhere else the interpreter runs it.
///
/// # Safety
/// `GenericFn`'s contract.
unsafe extern "C" fn yield_switch(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    _oparg: u64,
    at: u64,
) -> *mut Value {
    // SAFETY: the driver's context (the contract).
    let c = unsafe { &mut *ctx };
    if frame != c.entry_frame {
        // SAFETY: forwarded (the contract).
        return unsafe { resume_at(frame, sp, ctx, at) };
    }
    // SAFETY: `sp` is one past the value yielded, in the frame's slots (the contract).
    let (v, used) = unsafe { (*sp.sub(1), sp.sub(1).offset_from(frame_slots(frame)) as u32) };
    let fr = FramePtr(frame).get();
    // SAFETY: the driver's Vm (the contract); no other reference into it is live.
    let vm = unsafe { &mut *(c.vm as *mut Vm) };
    if drain::drain_yield(vm, FramePtr(frame), v) {
        // Drained (`vm::ops::drain`): None in the value's place, as `next()` would push it, and
        // on after the yield in compiled code (or the interpreter, without an entry there).
        // SAFETY: as above: the value's slot.
        unsafe { *sp.sub(1) = vm.none };
        fr.instr_index = at as u32 + 1;
        fr.stack_depth = used + 1 - fr.nlocalsplus;
        // SAFETY: a frame's code is a code object.
        let cd = unsafe { code_unchecked(frame_code(fr)) };
        return switch_to_code(c, FramePtr(frame), cd, at as usize + 1, false);
    }
    fr.instr_index = at as u32 + 1;
    fr.stack_depth = used - fr.nlocalsplus;
    c.return_value = v;
    c.exit_kind = EXIT_YIELD;
    status(JIT_STATUS_RETURN)
}

/// What a runtime function works on: the VM, the frame and its code, its slots (locals, then the
/// value stack) and the stack pointer as an index into them.
struct Site<'a> {
    ctx: &'a mut JitContext,
    vm: &'a mut Vm,
    fp: FramePtr,
    cd: &'a CodeData,
    slots: &'a mut [Value],
    nlp: usize,
    sp: usize,
    at: usize,
    op: Opcode,
    /// The arguments as received, for [`Site::step`].
    args: (*mut Frame, *mut Value, *mut JitContext, u64),
}

/// The site of instruction `at`, or `None` when the quickened code no longer holds `op` there.
///
/// # Safety
/// `GenericFn`'s contract: `frame` is the current frame of the `Vm` in `ctx.vm`, `sp` points into
/// its value stack one past the top, `at` starts an instruction of its code.
#[inline(always)]
unsafe fn site<'a>(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    at: u64,
    op: Opcode,
) -> Option<Site<'a>> {
    // SAFETY: forwarded (the contract above).
    unsafe { site_of(frame, sp, ctx, at, op, true) }
}

/// `site` without checking the quickened code (`op` then only names the instruction's family
/// for its cache size and statistics).
///
/// # Safety
/// As `site`.
#[inline(always)]
unsafe fn site_of<'a>(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    at: u64,
    op: Opcode,
    check: bool,
) -> Option<Site<'a>> {
    // SAFETY: the entry trampoline passes the context the driver created, whose `vm` points to the
    // `Vm` running this frame; the driver holds no reference into the Vm while compiled code runs.
    let ctx_ref = unsafe { &mut *ctx };
    let vm = unsafe { &mut *(ctx_ref.vm as *mut Vm) };
    let fp = FramePtr(frame);
    let fr = fp.get();
    // SAFETY: a frame's code is a code object.
    let cd: &CodeData = unsafe { code_unchecked(frame_code(fr)) };
    if check && cd.adaptive.get(at as usize)?.get() as u8 != op as u8 {
        return None;
    }
    let nlp = fr.nlocalsplus as usize;
    let slots = fp.slots(nlp + cd.code.stacksize as usize + 1);
    // SAFETY: `sp` points into this frame's slots (the contract above).
    let sp_index = unsafe { sp.offset_from(frame_slots(frame)) } as usize;
    Some(Site {
        ctx: ctx_ref,
        vm,
        fp,
        cd,
        slots,
        nlp,
        sp: sp_index,
        at: at as usize,
        op,
        args: (frame, sp, ctx, 0),
    })
}

impl<'a> Site<'a> {
    /// The instruction's site in the code's attribute caches (`runtime::inline_cache`), as the
    /// interpreter's `site!()`.
    fn ic_site(&self) -> &'a [Cell<u64>] {
        ic::site(&self.cd.caches, &self.cd.site_of, self.at)
    }

    /// The code units after the instruction: its inline cache (`vm::ops::spec`).
    #[inline(always)]
    fn c(&self) -> &[Cell<u32>] {
        &self.cd.adaptive[self.at + 1..]
    }

    #[inline(always)]
    fn push(&mut self, v: Value) {
        self.slots[self.sp] = v;
        self.sp += 1;
    }

    #[inline(always)]
    fn hit(&mut self) {
        if !self.op.is_specialized() {
            return;
        }
        if let Some(s) = self.vm.stats.as_deref_mut() {
            s.ops[self.op as usize].hits += 1;
        }
    }

    /// Done: the new stack pointer.
    #[inline(always)]
    fn done(mut self) -> *mut Value {
        self.hit();
        // SAFETY: `sp` stays within the frame's slots (a stack never exceeds `stacksize`).
        unsafe { self.slots.as_mut_ptr().add(self.sp) }
    }

    /// A generic family instruction counts its executions and, when its counter says so, lets the
    /// specializer rewrite it (as the interpreter's arm does first); the driver then recompiles
    /// the region with the specialized form.
    fn adapt(&mut self) {
        if self.vm.adaptive && crate::vm::adaptive::tick(&self.cd.adaptive[self.at + 1]) {
            let fr = self.fp.get();
            fr.instr_index = self.at as u32 + 1;
            fr.stack_depth = (self.sp - self.nlp) as u32;
            if let Some(specialize) = crate::vm::adaptive::specializer() {
                let stack = &self.slots[self.nlp..self.sp];
                specialize(self.vm, self.cd, self.fp, self.at, stack);
            }
        }
    }

    /// Syncs the frame before running code that may raise, call back into Python or collect:
    /// the next instruction, every value on the stack live.
    #[inline(always)]
    fn sync(&mut self) {
        let fr = self.fp.get();
        fr.instr_index = (self.at + 1 + self.op.cache_units()) as u32;
        fr.stack_depth = (self.sp - self.nlp) as u32;
    }

    /// Done after allocating: asks compiled code to reach a safepoint when a collection is due
    /// (as `generic_step` does).
    #[inline(always)]
    fn done_alloc(self) -> *mut Value {
        if self.vm.heap.should_collect() {
            self.ctx
                .eval_breaker
                .store(1, std::sync::atomic::Ordering::Relaxed);
        }
        self.done()
    }

    /// A guard failed: the interpreter's arm runs the instruction ([`generic_step`]), where the
    /// specialized instruction misses and runs its family's generic form, counting the miss as
    /// in the interpreter. Cheaper than leaving compiled code (`deopt`): the rest of the region
    /// keeps running compiled, and a region is not thrown away for its runtime functions' misses.
    /// The families with a generic runtime function run it directly (after counting the miss
    /// as the interpreter does, `adaptive::miss`); the others step.
    #[inline(always)]
    fn miss(self) -> *mut Value {
        let (frame, sp, ctx, oparg) = self.args;
        let (at, op) = (self.at as u64, self.op);
        drop(self);
        // SAFETY: the arguments this runtime function was called with (`GenericFn`'s contract);
        // the site's references into them end here.
        unsafe { miss_slow(frame, sp, ctx, oparg, at, op) }
    }

    /// Runs the instruction through [`generic_step`] (the interpreter's arm) instead.
    fn step(self) -> *mut Value {
        let (frame, sp, ctx, oparg) = self.args;
        let at = self.at as u64;
        drop(self);
        // SAFETY: the arguments this runtime function was called with (`GenericFn`'s contract);
        // the site's references into them end here.
        unsafe { generic_step(frame, sp, ctx, oparg, at) }
    }

    /// A guard failed: resume the interpreter at this instruction, stack untouched.
    #[inline(always)]
    fn deopt(self) -> *mut Value {
        let fr = self.fp.get();
        fr.instr_index = self.at as u32;
        fr.stack_depth = (self.sp - self.nlp) as u32;
        self.ctx.exit_kind = EXIT_DEOPT;
        std::ptr::null_mut()
    }

    /// The instruction raised `exc` with the stack as it is.
    fn raise(self, exc: Value) -> *mut Value {
        let fr = self.fp.get();
        fr.instr_index = self.at as u32;
        fr.stack_depth = (self.sp - self.nlp) as u32;
        self.ctx.exit_kind = EXIT_RAISED;
        self.ctx.exception = exc;
        self.ctx.error_at = self.at as u32;
        self.ctx.reraise = 0;
        std::ptr::null_mut()
    }
}

/// `Site::miss` out of line (the fast paths keep their site in registers): rebuilds the site.
///
/// # Safety
/// `GenericFn`'s contract; `op` is the instruction at `at`.
#[cold]
#[inline(never)]
unsafe fn miss_slow(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    at: u64,
    op: Opcode,
) -> *mut Value {
    // SAFETY: the contract above.
    let Some(mut s) = (unsafe { site(frame, sp, ctx, at, op) }) else {
        // SAFETY: as above.
        return unsafe { generic_step(frame, sp, ctx, oparg, at) };
    };
    s.args.3 = oparg;
    s.miss_here()
}

impl Site<'_> {
    /// `Site::miss` with this site: counts the miss as the interpreter does (`adaptive::miss`)
    /// and runs the family's generic runtime function, or steps.
    #[inline(always)]
    fn miss_here(mut self) -> *mut Value {
        if super::driver::stats_enabled() {
            super::driver::count_miss(self.cd, self.at);
        }
        let generic = self.op.generic();
        if !matches!(
            generic,
            Opcode::LOAD_ATTR | Opcode::STORE_ATTR | Opcode::LOAD_METHOD | Opcode::CALL
        ) {
            return self.step();
        }
        crate::vm::adaptive::miss(self.vm, &self.cd.adaptive, self.at, self.op);
        self.op = generic;
        self.run_generic()
    }

    /// Hands the instruction, which the quickened code no longer holds as `self.op`, to
    /// [`rewritten`] with the arguments this runtime function was called with.
    fn hand_to_rewritten(self) -> *mut Value {
        let (frame, sp, ctx, oparg) = self.args;
        let (at, op) = (self.at as u64, self.op);
        drop(self);
        // SAFETY: the arguments this runtime function was called with (`GenericFn`'s
        // contract); the site's references into them end here.
        unsafe { rewritten(frame, sp, ctx, oparg, at, op) }
    }

    /// Runs the generic runtime function of the family `self.op` now names (LOAD_ATTR,
    /// STORE_ATTR, LOAD_METHOD or CALL).
    #[inline(always)]
    fn run_generic(self) -> *mut Value {
        let oparg = self.args.3 as u32;
        match self.op {
            Opcode::LOAD_ATTR => load_attr_generic(self, oparg),
            Opcode::STORE_ATTR => store_attr_generic(self, oparg),
            Opcode::LOAD_METHOD => load_method_generic(self, oparg),
            _ => call_generic(self, oparg),
        }
    }
}

/// For the generic BINARY_OP / COMPARE_OP runtime functions (`s.op` names the family): `Ok(s)`
/// when the instruction is still the generic form (after ticking its counter, as the
/// interpreter's arm does) or has become one of the family's forms that `runtime_fn` runs with
/// the family's `_any` function (`in_family`): their operation is the same for any operands, so
/// it runs here, and the region is told it is stale (`driver::note_stale`, which recompiles it
/// with the site's stencil unless the site keeps flipping). Anything else is `rewritten`.
///
/// The generic site's own counter is what specializes it (`adapt`), so without this every run of
/// the site after that took the detour through `rewritten` (~150 instructions): bm_barnes_hut's
/// flipping compares 600k times a loop at a threshold of 64.
#[inline(always)]
fn generic_family_now(mut s: Site, in_family: fn(Opcode) -> bool) -> Result<Site, *mut Value> {
    let now = s.cd.adaptive[s.at].get() as u8;
    if now == s.op as u8 {
        s.adapt();
        return Ok(s);
    }
    if Opcode::from_u8(now).is_some_and(in_family) {
        super::driver::note_stale(s.vm, s.cd, s.at);
        return Ok(s);
    }
    Err(s.hand_to_rewritten())
}

/// The BINARY_OP forms `runtime_fn` runs with `binary_op_any` (not the in-place string
/// concatenation, which also stores, nor the forms with functions of their own).
fn binary_family(op: Opcode) -> bool {
    op == Opcode::BINARY_OP_ADD_UNICODE || int_float_forms(op)
}

/// The COMPARE_OP forms `runtime_fn` runs with `compare_op_any`, and the fused compare-and-jumps
/// whose compare is one of them (the region has the compare and its POP_JUMP_IF apart).
fn compare_family(op: Opcode) -> bool {
    matches!(
        eval::step_form(op),
        Opcode::COMPARE_OP_INT | Opcode::COMPARE_OP_FLOAT | Opcode::COMPARE_OP_STR
    )
}

/// For a specialized attribute instruction's runtime function (reached from its stencil's slow
/// path, so mostly on a missed guard): `Ok(s)` while the instruction is still the form the
/// region was compiled for. Sites that see several classes go back and forth between a
/// specialized form and the generic one; the generic form runs here (`Err(result)`) without the
/// detour through `rewritten` and the generic runtime function, and without marking the region
/// stale (its stencil still hits for the class it was specialized for). Any other form is
/// `rewritten`.
#[inline(always)]
fn attr_family_now(mut s: Site) -> Result<Site, *mut Value> {
    let now = s.cd.adaptive[s.at].get() as u8;
    if now == s.op as u8 {
        return Ok(s);
    }
    let generic = s.op.generic();
    if now != generic as u8 {
        return Err(s.hand_to_rewritten());
    }
    s.op = generic;
    s.adapt();
    Err(s.run_generic())
}

/// The instruction at `at` is no longer `compiled_for` (the specializer rewrote it since the
/// region was compiled): runs the runtime function of what it is now, or [`generic_step`].
///
/// # Safety
/// `GenericFn`'s contract.
#[cold]
#[inline(never)]
unsafe fn rewritten(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    at: u64,
    compiled_for: Opcode,
) -> *mut Value {
    let cd: Option<&CodeData> = as_code(frame_code(FramePtr(frame).get())).map(|c| &*c);
    let now = cd
        .and_then(|cd| cd.adaptive.get(at as usize))
        .and_then(|w| Opcode::from_u8(w.get() as u8));
    if let Some(cd) = cd {
        // SAFETY: the context's `vm` is the running Vm (`GenericFn`'s contract); this borrow
        // ends before the runtime function below takes its own.
        let vm = unsafe { &mut *((*ctx).vm as *mut Vm) };
        super::driver::note_stale(vm, cd, at as usize);
    }
    let f = match now {
        // A fused compare-and-jump the region has as a compare and a POP_JUMP_IF: the compare.
        Some(op) if eval::step_form(op) != op => runtime_fn(eval::step_form(op)),
        // Each runtime function is `runtime_fn` of exactly its own instruction, so this one
        // finds its site: no second redirection.
        Some(op) if op != compiled_for => runtime_fn(op),
        _ => generic_step,
    };
    // SAFETY: forwarded (the contract above).
    unsafe { f(frame, sp, ctx, oparg, at) }
}

/// Defines a runtime function for `$op`: `$body` gets the site (and the oparg) and returns the new
/// stack pointer; when the site does not hold `$op` any more, [`generic_step`] runs instead.
/// `$op (any)`: a function for any form of `$op`'s family, which does not check the quickened
/// code (`$op` then only names the family, for the cache size and statistics).
macro_rules! runtime_fns {
    (@check) => { true };
    (@check any) => { false };
    ($($name:ident: $op:ident $(($any:ident))?, |$s:ident, $oparg:ident| $body:block)*) => {$(
        /// A runtime function (`GenericFn`'s contract; see the module documentation).
        unsafe extern "C" fn $name(
            frame: *mut Frame,
            sp: *mut Value,
            ctx: *mut JitContext,
            oparg: u64,
            at: u64,
        ) -> *mut Value {
            // SAFETY: forwarded from the caller (`GenericFn`'s contract).
            let check = runtime_fns!(@check $($any)?);
            let Some(mut $s) = (unsafe { site_of(frame, sp, ctx, at, Opcode::$op, check) }) else {
                // SAFETY: as above.
                return unsafe { rewritten(frame, sp, ctx, oparg, at, Opcode::$op) };
            };
            $s.args.3 = oparg;
            let $oparg = oparg as u32;
            let _ = &mut $s;
            let _ = $oparg;
            $body
        }
    )*};
}

#[inline(always)]
fn load_global(mut s: Site, oparg: u32) -> *mut Value {
    let builtin = s.op == Opcode::LOAD_GLOBAL_BUILTIN;
    match spec::load_global(s.vm, s.fp.get().globals, builtin, s.c()) {
        Some(v) => {
            if oparg & 1 != 0 {
                s.push(Value::NULL);
            }
            s.push(v);
            s.done()
        }
        None => s.miss(),
    }
}

/// LOAD_METHOD_WITH_VALUES / LOAD_METHOD_NO_DICT (a miss runs the generic form with this site).
#[inline(always)]
fn load_method(mut s: Site, oparg: u32) -> *mut Value {
    let o = s.slots[s.sp - 1];
    let name = s.cd.names[oparg as usize];
    match spec::load_method(s.vm, s.op, o, name, s.c()) {
        Some(m) => {
            s.slots[s.sp - 1] = m;
            s.push(o);
            s.done()
        }
        None => s.miss_here(),
    }
}

/// The runtime functions of LOAD_ATTR_INSTANCE_VALUE, LOAD_METHOD_WITH_VALUES/NO_DICT and
/// STORE_ATTR_INSTANCE_VALUE: their stencils' slow paths, reached mostly with an object of
/// another class than the one the instruction was specialized for (a site that sees sibling
/// classes in turn). Before building the site, `probe` looks in the instruction's attribute cache
/// for an object whose attribute needs no lookup by name (`inline_cache::*_hit_values`, the
/// generic form's own first step, so a hit does what it would do); a hit spends one of the
/// instruction's misses as the interpreter's miss does (`adaptive::spend_miss`). Otherwise
/// (no hit, the allowance spent, the instruction rewritten) `site_fn` runs: the site's path,
/// which rewrites the instruction when the allowance is spent.
macro_rules! site_probed_fns {
    ($($name:ident: $op:ident via $site_fn:ident, |$c:ident, $sp:ident| $probe:expr)*) => {$(
        /// A runtime function (`GenericFn`'s contract): see `site_probed_fns`.
        unsafe extern "C" fn $name(
            frame: *mut Frame,
            sp: *mut Value,
            ctx: *mut JitContext,
            oparg: u64,
            at: u64,
        ) -> *mut Value {
            // SAFETY: `frame` is live and `at` starts an instruction of its code (the
            // contract); a frame's code is a code object.
            let cd = unsafe { code_unchecked(frame_code(FramePtr(frame).get())) };
            let i = at as usize;
            let unit = &cd.adaptive[i + 1];
            let live = cd.adaptive[i].get() as u8 == Opcode::$op as u8;
            if live {
                // SAFETY: the driver's context and Vm (the contract); no other reference into
                // the Vm is live here.
                let vm = unsafe { &mut *((*ctx).vm as *mut Vm) };
                super::driver::note_burned_slow(vm, cd, i);
            }
            if live && crate::vm::adaptive::count(unit.get()) > 0 {
                let $c = ic::site(&cd.caches, &cd.site_of, i);
                let $sp = sp;
                // SAFETY: the instruction's operands are on the stack (the contract).
                let probed: Option<*mut Value> = unsafe { $probe };
                if let Some(next) = probed {
                    crate::vm::adaptive::spend_miss(unit);
                    if super::driver::stats_enabled() {
                        super::driver::count_miss(cd, i);
                    }
                    return next;
                }
            }
            // SAFETY: forwarded (the contract).
            unsafe { $site_fn(frame, sp, ctx, oparg, at) }
        }
    )*};
}

site_probed_fns! {
    load_attr_instance_value: LOAD_ATTR_INSTANCE_VALUE via load_attr_instance_value_site, |c, sp| {
        let top = sp.sub(1);
        ic::load_attr_hit_values(c, *top).map(|v| {
            *top = v;
            sp
        })
    }
    load_method_with_values: LOAD_METHOD_WITH_VALUES via load_method_with_values_site, |c, sp| {
        method_probe(c, sp)
    }
    load_method_no_dict: LOAD_METHOD_NO_DICT via load_method_no_dict_site, |c, sp| {
        method_probe(c, sp)
    }
    store_attr_instance_value: STORE_ATTR_INSTANCE_VALUE via store_attr_instance_value_site, |c, sp| {
        ic::store_attr_hit_values(c, *sp.sub(1), *sp.sub(2)).then(|| sp.sub(2))
    }
}

/// LOAD_METHOD's probe (`site_probed_fns`): (obj -- method obj) for a heap object whose class's
/// method the site cached and which has no instance dict.
///
/// # Safety
/// `sp` is one past the object on a frame's value stack, with room for one more value.
unsafe fn method_probe(c: &[Cell<u64>], sp: *mut Value) -> Option<*mut Value> {
    // SAFETY: the contract above.
    unsafe {
        let o = *sp.sub(1);
        if !o.is_ptr() {
            return None;
        }
        let m = ic::method_hit(c, obj_type(o), o, None)?;
        *sp.sub(1) = m;
        *sp = o;
        Some(sp.add(1))
    }
}

#[inline(always)]
fn subscr_seq_int(mut s: Site) -> *mut Value {
    let (seq, k) = (s.slots[s.sp - 2], s.slots[s.sp - 1]);
    match spec::subscr_seq_int(s.vm, s.op, seq, k) {
        Some(v) => {
            s.sp -= 1;
            s.slots[s.sp - 1] = v;
            s.done()
        }
        None => s.miss(),
    }
}

/// CALL_PY_EXACT_ARGS / CALL_PY_WITH_DEFAULTS / CALL_BOUND_METHOD_EXACT_ARGS: pushes the callee's
/// frame (the interpreter's `push_frame_exact` / `push_frame_with_defaults`), the caller synced to resume after the call. `Err`: the frame is synced
/// for a guard exit or an exception (`ctx.exit_kind`).
#[inline(always)]
fn call_py<'a>(mut s: Site, oparg: u32) -> Result<(FramePtr, &'a CodeData), ()> {
    if !s.ctx.kwnames.is_null() {
        s.deopt();
        return Err(());
    }
    let base = s.sp - oparg as usize - 2;
    let sp = s.sp;
    let Some(t) = spec::py_call_target(s.op, &mut s.slots[base..sp]) else {
        s.deopt();
        return Err(());
    };
    s.sync();
    let args = &s.slots[base + t.start..sp];
    let pushed = if s.op == Opcode::CALL_PY_WITH_DEFAULTS {
        eval::push_frame_with_defaults(s.vm, t.callable, t.fd, t.cd, args)
    } else {
        eval::push_frame_exact(s.vm, t.callable, t.fd, t.cd, args)
    };
    pushed_callee(s, pushed, base, t.cd)
}

/// A call that pushed (`pushed`) the callee's frame, of code `cd`: the caller keeps its stack up
/// to `keep` (the call's window gone, or the instance CALL_ALLOC_AND_ENTER_INIT left), a
/// collection runs if due, the hit is counted; a push that raised raises at the call.
fn pushed_callee<'a>(
    s: Site<'_>,
    pushed: PyResult<FramePtr>,
    keep: usize,
    cd: &'a CodeData,
) -> Result<(FramePtr, &'a CodeData), ()> {
    match pushed {
        Ok(callee) => {
            s.fp.get().stack_depth = (keep - s.nlp) as u32;
            if s.vm.heap.should_collect() {
                s.vm.collect();
            }
            if let Some(st) = s.vm.stats.as_deref_mut() {
                st.ops[s.op as usize].hits += 1;
            }
            Ok((callee, cd))
        }
        Err(e) => {
            s.raise(e);
            Err(())
        }
    }
}

/// CALL_ALLOC_AND_ENTER_INIT: allocates the instance, leaves it as the call's result and pushes
/// the `__init__` frame (`spec::enter_init`, as the interpreter's arm), synced for the callee to
/// return into; a guard that fails leaves for the interpreter at the call, as `call_py`.
fn init_call<'a>(mut s: Site<'a>, oparg: u32) -> Result<(FramePtr, &'a CodeData), ()> {
    if !s.ctx.kwnames.is_null() {
        s.deopt();
        return Err(());
    }
    let base = s.sp - oparg as usize - 2;
    let sp = s.sp;
    let cache = &s.cd.adaptive[s.at + 1..];
    let Some(t) = spec::init_call_target(s.vm, &s.slots[base..sp], cache) else {
        s.deopt();
        return Err(());
    };
    s.sync();
    let pushed = spec::enter_init(s.vm, &t, &mut s.slots[base..sp]);
    // The instance stays as the call's result.
    pushed_callee(s, pushed, base + 1, t.cd)
}

/// `init_call`'s common case without building a `Site` (as `call_py_exact_fast` for
/// CALL_PY_EXACT_ARGS): the instruction still CALL_ALLOC_AND_ENTER_INIT, no keyword names, the
/// guards of `spec::init_call_target`; then `spec::enter_init` and on in `__init__`'s compiled
/// code. `None`: `init_call` decides (a failed guard deopts there). A construction cost ~250
/// instructions besides the allocation itself.
///
/// # Safety
/// `GenericFn`'s contract.
#[inline(always)]
unsafe fn call_init_fast(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    at: u64,
) -> Option<*mut Value> {
    // SAFETY: the driver's context (the contract).
    let c = unsafe { &mut *ctx };
    if !c.kwnames.is_null() {
        return None;
    }
    // SAFETY: a frame's code is a code object.
    let cd: &CodeData = unsafe { code_unchecked(frame_code(FramePtr(frame).get())) };
    let at = at as usize;
    let op = Opcode::CALL_ALLOC_AND_ENTER_INIT;
    if cd.adaptive.get(at)?.get() as u8 != op as u8 {
        return None;
    }
    let n = oparg as usize + 2;
    // SAFETY: the call's window (NULL, the class, the arguments) is the top `n` values of the
    // frame's stack, `sp` one past them (the contract).
    let window = unsafe { std::slice::from_raw_parts_mut(sp.sub(n), n) };
    // SAFETY: the driver's Vm (the contract); no other reference into it is live.
    let vm = unsafe { &mut *(c.vm as *mut Vm) };
    let t = spec::init_call_target(vm, window, cd.adaptive.get(at + 1..)?)?;
    // SAFETY: forwarded (the contract).
    let depth = unsafe { sync_caller(frame, sp, at, op) };
    let pushed = spec::enter_init(vm, &t, window);
    // The instance stays as the call's result.
    Some(enter_pushed(
        c,
        vm,
        frame,
        at,
        op,
        depth - n as u32 + 1,
        pushed,
        t.cd,
    ))
}

/// CALL_ALLOC_AND_ENTER_INIT as `_SWITCH`: pushes the `__init__` frame and continues in its
/// compiled code (`init_call`, then as `call_py_switch`); `__init__`'s RETURN_VALUE comes back
/// after the call through `return_switch`, the instance already in place.
///
/// # Safety
/// `GenericFn`'s contract.
unsafe extern "C" fn call_init_switch(
    frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    oparg: u64,
    at: u64,
) -> *mut Value {
    // SAFETY: forwarded (the contract).
    if let Some(r) = unsafe { call_init_fast(frame, sp, ctx, oparg, at) } {
        return r;
    }
    // SAFETY: forwarded (the contract).
    let Some(s) = (unsafe { site(frame, sp, ctx, at, Opcode::CALL_ALLOC_AND_ENTER_INIT) }) else {
        // Rewritten since the region was compiled: what it is now runs here.
        // SAFETY: as above.
        return unsafe { rewritten_at_switch(frame, sp, ctx, oparg, at) };
    };
    match init_call(s, oparg as u32) {
        // SAFETY: the driver's context (the contract); the site's borrow ended.
        Ok((callee, cd)) => switch_to_code(unsafe { &mut *ctx }, callee, cd, 0, true),
        Err(()) => status(JIT_STATUS_ERROR),
    }
}

/// BINARY_OP whose first step is calling the left operand's Python `__op__` (`f`,
/// `runtime::ops::lhs_dunder_first`): pushes its frame (`FRAME_BINOP`, the operator in its
/// flags) with copies of the operands, which stay on this frame's stack, and leaves with
/// `EXIT_CALL` for the driver to follow the call into the method's compiled code, instead of
/// calling it natively (through `call_function`, a nested interpreter loop and a nested run of
/// the driver). Its return (`eval::return_from_binop`) replaces the operands with the result.
/// A function that takes more than the two operands, or a generator function, runs natively.
#[cold]
#[inline(never)]
fn binary_op_push_dunder(mut s: Site, op: u32, f: Value) -> *mut Value {
    let Some((fd, cd)) = spec::exact_function(f, 2) else {
        return binary_result(s, None, rops::binary_op);
    };
    s.sync();
    let args = [s.slots[s.sp - 2], s.slots[s.sp - 1]];
    match eval::push_frame_exact(s.vm, f, fd, cd, &args) {
        Ok(callee) => {
            callee.get().flags = crate::vm::frame::FRAME_BINOP | op << 8;
            if s.vm.heap.should_collect() {
                s.vm.collect();
            }
            s.ctx.exit_kind = EXIT_CALL;
            std::ptr::null_mut()
        }
        Err(e) => s.raise(e),
    }
}

/// `call_py` as a generic runtime function: leaves with `EXIT_CALL` for the driver to follow.
fn call_py_exit(s: Site, oparg: u32) -> *mut Value {
    // SAFETY: the driver's context (`GenericFn`'s contract); the site's reference ended.
    let ctx = s.args.2;
    if call_py(s, oparg).is_ok() {
        unsafe { (*ctx).exit_kind = EXIT_CALL };
    }
    std::ptr::null_mut()
}

/// A binary instruction's result replaces its two operands: `fast`, else `slow` runs (the
/// runtime function the interpreter's arm calls) with the frame synced.
#[inline(always)]
fn binary_result(
    mut s: Site,
    fast: Option<Value>,
    slow: fn(&mut Vm, u32, Value, Value) -> PyResult,
) -> *mut Value {
    let r = match fast {
        Some(r) => r,
        None => {
            s.sync();
            let (a, b) = (s.slots[s.sp - 2], s.slots[s.sp - 1]);
            match slow(s.vm, s.args.3 as u32, a, b) {
                Ok(r) => r,
                Err(e) => return s.raise(e),
            }
        }
    };
    s.sp -= 1;
    s.slots[s.sp - 1] = r;
    s.done_alloc()
}

/// FOR_ITER_LIST / FOR_ITER_TUPLE: the next item, or (exhausted) pop the iterator and take the
/// jump (`ctx.branch`).
#[inline(always)]
fn for_iter_seq(mut s: Site) -> *mut Value {
    let it = s.slots[s.sp - 1];
    let Some(next) = seq_iter_next(s.vm, s.op == Opcode::FOR_ITER_LIST, it) else {
        return s.miss();
    };
    match next {
        Some(v) => s.push(v),
        None => {
            s.sp -= 1;
            s.ctx.branch = 1;
        }
    }
    s.done()
}

runtime_fns! {
    load_global_module: LOAD_GLOBAL_MODULE, |s, oparg| { load_global(s, oparg) }
    load_global_builtin: LOAD_GLOBAL_BUILTIN, |s, oparg| { load_global(s, oparg) }
    load_attr_instance_value_site: LOAD_ATTR_INSTANCE_VALUE (any), |s, oparg| {
        let s = match attr_family_now(s) {
            Ok(s) => s,
            Err(r) => return r,
        };
        match spec::load_attr_instance_value(s.slots[s.sp - 1], s.c()) {
            Some(v) => {
                s.slots[s.sp - 1] = v;
                s.done()
            }
            None => s.miss_here(),
        }
    }
    load_method_with_values_site: LOAD_METHOD_WITH_VALUES (any), |s, oparg| {
        match attr_family_now(s) {
            Ok(s) => load_method(s, oparg),
            Err(r) => r,
        }
    }
    load_method_no_dict_site: LOAD_METHOD_NO_DICT (any), |s, oparg| {
        match attr_family_now(s) {
            Ok(s) => load_method(s, oparg),
            Err(r) => r,
        }
    }
    store_attr_instance_value_site: STORE_ATTR_INSTANCE_VALUE (any), |s, oparg| {
        let mut s = match attr_family_now(s) {
            Ok(s) => s,
            Err(r) => return r,
        };
        let (o, v) = (s.slots[s.sp - 1], s.slots[s.sp - 2]);
        let c = &s.cd.adaptive[s.at + 1..];
        if spec::store_attr_instance_value(s.vm, o, v, c) {
            s.sp -= 2;
            s.done()
        } else {
            s.miss_here()
        }
    }
    binary_subscr_list_int: BINARY_SUBSCR_LIST_INT, |s, oparg| { subscr_seq_int(s) }
    binary_subscr_tuple_int: BINARY_SUBSCR_TUPLE_INT, |s, oparg| { subscr_seq_int(s) }
    store_subscr_list_int: STORE_SUBSCR_LIST_INT, |s, oparg| {
        let (v, l, k) = (s.slots[s.sp - 3], s.slots[s.sp - 2], s.slots[s.sp - 1]);
        if spec::store_subscr_list_int(s.vm, v, l, k) {
            s.sp -= 3;
            s.done()
        } else {
            s.miss()
        }
    }
    binary_op: BINARY_OP (any), |s, oparg| {
        let s = match generic_family_now(s, binary_family) {
            Ok(s) => s,
            Err(r) => return r,
        };
        let (a, b) = (s.slots[s.sp - 2], s.slots[s.sp - 1]);
        let r = eval::binary_op_fast(oparg, a, b);
        if r.is_none() {
            if let Some(f) = rops::lhs_dunder_first(s.vm, oparg, a, b) {
                return binary_op_push_dunder(s, oparg, f);
            }
        }
        binary_result(s, r, rops::binary_op)
    }
    binary_op_small_int: BINARY_OP_SMALL_INT, |s, oparg| {
        let (a, b) = (s.slots[s.sp - 2], s.slots[s.sp - 1]);
        let r = if a.is_small_int() && b.is_small_int() {
            eval::small_int_op(oparg % nb::INPLACE, a.as_small_int(), b.as_small_int())
        } else {
            None
        };
        match r {
            Some(r) => {
                s.sp -= 1;
                s.slots[s.sp - 1] = r;
                s.done()
            }
            None => s.miss(),
        }
    }
    // The BINARY_OP- and COMPARE_OP-family specializations compiled as a call (a site whose
    // stencil's guards kept failing, so the region was recompiled with it as a call, or one
    // without a stencil): the family's operation on whatever operands come, fast path first,
    // whichever form the quickened code holds now. Nothing here depends on the specialization,
    // so they are right for any form (a fused compare-and-jump is compiled apart from its
    // POP_JUMP_IF then; not BINARY_OP_INPLACE_ADD_UNICODE, which also stores).
    binary_op_any: BINARY_OP (any), |s, oparg| {
        let r = eval::binary_op_fast(oparg, s.slots[s.sp - 2], s.slots[s.sp - 1]);
        binary_result(s, r, rops::binary_op)
    }
    compare_op_any: COMPARE_OP (any), |s, oparg| {
        let r = eval::compare_fast(s.vm, oparg, s.slots[s.sp - 2], s.slots[s.sp - 1]);
        binary_result(s, r, compare::compare)
    }
    compare_op: COMPARE_OP (any), |s, oparg| {
        let s = match generic_family_now(s, compare_family) {
            Ok(s) => s,
            Err(r) => return r,
        };
        let r = eval::compare_fast(s.vm, oparg, s.slots[s.sp - 2], s.slots[s.sp - 1]);
        binary_result(s, r, compare::compare)
    }
    load_deref: LOAD_DEREF, |s, oparg| {
        match as_cell(s.slots[oparg as usize]).map(|c| *c) {
            Some(v) if !v.is_null() => {
                s.push(v);
                s.done()
            }
            // Unbound: the interpreter's arm raises.
            _ => s.step(),
        }
    }
    store_deref: STORE_DEREF, |s, oparg| {
        let v = s.slots[s.sp - 1];
        match as_cell(s.slots[oparg as usize]) {
            Some(c) => {
                *c = v;
                s.sp -= 1;
                s.done()
            }
            None => s.step(),
        }
    }
    for_iter_list: FOR_ITER_LIST, |s, oparg| { for_iter_seq(s) }
    for_iter_tuple: FOR_ITER_TUPLE, |s, oparg| { for_iter_seq(s) }
    copy_free_vars: COPY_FREE_VARS, |s, oparg| {
        let func = s.fp.get().func;
        let nlp = s.nlp;
        if spec::copy_free_vars(func, &mut s.slots[nlp - oparg as usize..nlp]) {
            s.done()
        } else {
            s.step()
        }
    }
    for_iter_gen: FOR_ITER_GEN, |s, oparg| {
        let it = s.slots[s.sp - 1];
        if !(as_generator(it).is_some() && obj_type(it) == s.vm.t.generator) {
            return s.miss();
        }
        iter_next(s, it)
    }
    call_builtin_fast: CALL_BUILTIN_FAST, |s, oparg| {
        let base = s.sp - oparg as usize - 2;
        let Some((bf, start)) = spec::builtin_fast_target(s.vm, &s.slots[base..s.sp]) else {
            return s.miss();
        };
        if !s.ctx.kwnames.is_null() {
            return s.miss();
        }
        s.sync();
        let args = &s.slots[base + start..s.sp];
        match crate::vm::panic_guard::guard(s.vm, |vm| bf(vm, args, &[])) {
            Ok(r) => {
                s.sp = base;
                s.push(r);
                s.done_alloc()
            }
            Err(e) => s.raise(e),
        }
    }
    list_append: LIST_APPEND, |s, oparg| {
        let v = s.slots[s.sp - 1];
        let list = s.slots[s.sp - 1 - oparg as usize];
        if append_to_list(s.vm, s.ctx, list, v) {
            s.sp -= 1;
            s.done()
        } else {
            s.step()
        }
    }
    binary_subscr_dict: BINARY_SUBSCR_DICT, |s, oparg| {
        let (d, k) = (s.slots[s.sp - 2], s.slots[s.sp - 1]);
        if !(d.is_ptr() && obj_type(d) == s.vm.t.dict) {
            return s.miss();
        }
        s.sync();
        match subscr::getitem(s.vm, d, k) {
            Ok(v) => {
                s.sp -= 1;
                s.slots[s.sp - 1] = v;
                s.done_alloc()
            }
            Err(e) => s.raise(e),
        }
    }
    store_subscr_dict: STORE_SUBSCR_DICT, |s, oparg| {
        let (v, d, k) = (s.slots[s.sp - 3], s.slots[s.sp - 2], s.slots[s.sp - 1]);
        if !(d.is_ptr() && obj_type(d) == s.vm.t.dict) {
            return s.miss();
        }
        s.sync();
        match rdict::dict_set(s.vm, d, k, v) {
            Ok(()) => {
                s.sp -= 3;
                s.done_alloc()
            }
            Err(e) => s.raise(e),
        }
    }
    call_py_exact_args: CALL_PY_EXACT_ARGS, |s, oparg| { call_py_exit(s, oparg) }
    call_bound_method_exact_args: CALL_BOUND_METHOD_EXACT_ARGS, |s, oparg| {
        call_py_exit(s, oparg)
    }
    call_py_with_defaults: CALL_PY_WITH_DEFAULTS, |s, oparg| { call_py_exit(s, oparg) }
    call_alloc_and_enter_init: CALL_ALLOC_AND_ENTER_INIT, |s, oparg| {
        // As `call_py_exit`: leaves with `EXIT_CALL` for the driver to follow the call.
        let ctx = s.args.2;
        if init_call(s, oparg).is_ok() {
            // SAFETY: the driver's context (`GenericFn`'s contract); the site's borrow ended.
            unsafe { (*ctx).exit_kind = EXIT_CALL };
        }
        std::ptr::null_mut()
    }
}

/// UNPACK_SEQUENCE_TWO_TUPLE / _TUPLE / _LIST: the items replace the sequence, first on top.
#[inline(always)]
fn unpack_sequence(mut s: Site, oparg: u32) -> *mut Value {
    let n = oparg as usize;
    let Some(items) = spec::unpack_items(s.vm, s.op, s.slots[s.sp - 1], n) else {
        return s.miss();
    };
    s.sp -= 1;
    for (i, v) in items.iter().rev().enumerate() {
        s.slots[s.sp + i] = *v;
    }
    s.sp += n;
    s.done()
}

/// CALL_LEN .. CALL_TUPLE_1, CALL_BUILTIN_CLASS: the shared `spec::call_builtin_1`.
#[inline(always)]
fn call_builtin_1(mut s: Site, oparg: u32) -> *mut Value {
    if !s.ctx.kwnames.is_null() {
        return s.miss();
    }
    let base = s.sp - oparg as usize - 2;
    s.sync();
    let c = &s.cd.adaptive[s.at + 1..];
    match spec::call_builtin_1(s.vm, s.op, &s.slots[base..s.sp], c) {
        Some(Ok(r)) => {
            s.sp = base;
            s.push(r);
            s.done_alloc()
        }
        Some(Err(e)) => s.raise(e),
        None => s.miss(),
    }
}

/// FOR_ITER / FOR_ITER_GEN: the iterator's next item (`riter::next`, as the interpreter's arms),
/// or (exhausted) pop the iterator and take the jump (`ctx.branch`).
#[inline(always)]
fn iter_next(mut s: Site, it: Value) -> *mut Value {
    s.sync();
    match riter::next(s.vm, it) {
        Ok(Some(v)) => s.push(v),
        Ok(None) => {
            s.sp -= 1;
            s.ctx.branch = 1;
        }
        Err(e) => return s.raise(e),
    }
    s.done_alloc()
}

/// Generic LOAD_ATTR (also what a missed specialized form of its family runs).
#[inline(always)]
fn load_attr_generic(mut s: Site, oparg: u32) -> *mut Value {
    let (o, name) = (s.slots[s.sp - 1], s.cd.names[oparg as usize]);
    s.sync();
    let r = ic::load_attr(s.vm, s.ic_site(), o, name);
    replace(s, 1, r)
}

/// Generic STORE_ATTR (also what a missed specialized form of its family runs).
#[inline(always)]
fn store_attr_generic(mut s: Site, oparg: u32) -> *mut Value {
    let (o, v, name) = (
        s.slots[s.sp - 1],
        s.slots[s.sp - 2],
        s.cd.names[oparg as usize],
    );
    s.sync();
    if let Err(e) = ic::store_attr(s.vm, s.ic_site(), o, name, v) {
        return s.raise(e);
    }
    s.sp -= 2;
    s.done_alloc()
}

/// Generic LOAD_METHOD (also what a missed specialized form of its family runs).
#[inline(always)]
fn load_method_generic(mut s: Site, oparg: u32) -> *mut Value {
    let (o, name) = (s.slots[s.sp - 1], s.cd.names[oparg as usize]);
    s.sync();
    match ic::load_method(s.vm, s.ic_site(), o, name) {
        Ok((m, this)) => {
            if this.is_null() {
                s.slots[s.sp - 1] = Value::NULL;
                s.push(m);
            } else {
                s.slots[s.sp - 1] = m;
                s.push(this);
            }
            s.done_alloc()
        }
        Err(e) => s.raise(e),
    }
}

/// Generic CALL (also what a missed specialized form of its family runs).
#[inline(always)]
fn call_generic(mut s: Site, oparg: u32) -> *mut Value {
    let base = s.sp - oparg as usize - 2;
    let kwnames = std::mem::replace(&mut s.ctx.kwnames, Value::NULL);
    let kw: &[Value] = as_tuple(kwnames).map_or(&[], |t| &t[..]);
    let sp = s.sp;
    let (callable, start) = match spec::call_target(&mut s.slots[base..sp]) {
        Ok(target) => target,
        Err((bf, start)) => {
            s.sync();
            let args = &s.slots[base + start..sp];
            let r = crate::vm::panic_guard::guard(s.vm, |vm| bf(vm, args, kw));
            return replace(s, sp - base, r);
        }
    };
    // A generator, coroutine or async generator function's call only makes the object (its
    // frame runs RETURN_GENERATOR and returns): made here, compiled code goes on, where a pushed
    // frame would leave compiled code for the driver and the caller's rest of the iteration
    // would run interpreted (nqueens: 80k such exits).
    let makes_generator = as_function(callable)
        .and_then(|fd| as_code(fd.code))
        .is_some_and(|cd| eval::makes_generator(cd));
    if as_function(callable).is_some() && !makes_generator {
        // The interpreter's push of the callee's frame; the driver follows it (EXIT_CALL).
        let fr = s.fp.get();
        fr.instr_index = (s.at + 1 + Opcode::CALL.cache_units()) as u32;
        fr.stack_depth = (sp - s.nlp) as u32;
        return match eval::push_frame(s.vm, callable, &s.slots[base + start..sp], kw) {
            Ok(_) => {
                fr.stack_depth = (base - s.nlp) as u32;
                if s.vm.heap.should_collect() {
                    s.vm.collect();
                }
                s.ctx.exit_kind = EXIT_CALL;
                std::ptr::null_mut()
            }
            Err(e) => s.raise(e),
        };
    }
    s.sync();
    let r = call::call(s.vm, callable, &s.slots[base + start..sp], kw);
    replace(s, sp - base, r)
}

/// The conditional jumps compiled as a call: JUMP_IF_FALSE_OR_POP (`when` false) /
/// JUMP_IF_TRUE_OR_POP jump keeping the top of the stack when its truth is `when`, else pop it;
/// POP_JUMP_IF_FALSE / _TRUE (`pop_always`: their stencil's guard kept failing on values that
/// are not bools, None or small ints) pop it either way. A backward jump (a safepoint) is the
/// interpreter's.
#[inline(always)]
fn jump_on_truth(mut s: Site, oparg: u32, when: bool, pop_always: bool) -> *mut Value {
    if oparg as usize <= s.at {
        return s.step();
    }
    let v = s.slots[s.sp - 1];
    s.sync();
    match compare::truthy(s.vm, v) {
        Ok(t) => {
            if t == when {
                s.ctx.branch = 1;
            }
            if t != when || pop_always {
                s.sp -= 1;
            }
        }
        Err(e) => return s.raise(e),
    }
    s.done()
}

/// A guarded load's value replaces the top of the stack; `None` (a guard failed) deopts.
#[inline(always)]
fn top_or_deopt(s: Site, v: Option<Value>) -> *mut Value {
    match v {
        Some(v) => {
            s.slots[s.sp - 1] = v;
            s.done()
        }
        None => s.miss(),
    }
}

/// The result `r` of an instruction that may have raised replaces its `pops` operands.
#[inline(always)]
fn replace(mut s: Site, pops: usize, r: PyResult) -> *mut Value {
    match r {
        Ok(v) => {
            s.sp -= pops;
            s.push(v);
            s.done_alloc()
        }
        Err(e) => s.raise(e),
    }
}

runtime_fns! {
    binary_op_numeric_float: BINARY_OP_NUMERIC_FLOAT (any), |s, oparg| {
        match spec::numeric_float(oparg, s.slots[s.sp - 2], s.slots[s.sp - 1]) {
            Some(r) => {
                s.sp -= 1;
                s.slots[s.sp - 1] = r;
                s.done()
            }
            // Two small ints, a big int, a zero divisor, another type: the generic operation
            // here, as BINARY_OP's runtime function does it (a site the JIT widened meets its
            // int-with-int case this way: as a step it cost bm_barnes_hut 219k interpreter
            // steps per loop).
            None => {
                let r = eval::binary_op_fast(oparg, s.slots[s.sp - 2], s.slots[s.sp - 1]);
                binary_result(s, r, rops::binary_op)
            }
        }
    }
    unpack_sequence_two_tuple: UNPACK_SEQUENCE_TWO_TUPLE, |s, oparg| { unpack_sequence(s, oparg) }
    unpack_sequence_tuple: UNPACK_SEQUENCE_TUPLE, |s, oparg| { unpack_sequence(s, oparg) }
    unpack_sequence_list: UNPACK_SEQUENCE_LIST, |s, oparg| { unpack_sequence(s, oparg) }
    load_attr_slot: LOAD_ATTR_SLOT, |s, oparg| {
        super::driver::note_burned_slow(s.vm, s.cd, s.at);
        let v = spec::load_attr_slot(s.slots[s.sp - 1], s.c());
        top_or_deopt(s, v)
    }
    store_global: STORE_GLOBAL, |s, oparg| {
        let name = s.cd.names[oparg as usize];
        let v = s.slots[s.sp - 1];
        let g = s.fp.get().globals;
        match rdict::dict_set(s.vm, g, name, v) {
            Ok(_) => {
                s.sp -= 1;
                s.done_alloc()
            }
            Err(e) => s.raise(e),
        }
    }
    load_attr_module: LOAD_ATTR_MODULE, |s, oparg| {
        let v = spec::load_attr_module(s.slots[s.sp - 1], s.c());
        top_or_deopt(s, v)
    }
    load_method_module: LOAD_METHOD_MODULE, |s, oparg| {
        match spec::load_attr_module(s.slots[s.sp - 1], s.c()) {
            Some(v) => {
                s.slots[s.sp - 1] = Value::NULL;
                s.push(v);
                s.done()
            }
            None => s.miss(),
        }
    }
    load_method_class: LOAD_METHOD_CLASS, |s, oparg| {
        match spec::load_method_class(s.slots[s.sp - 1], s.c()) {
            Some((a, b)) => {
                s.slots[s.sp - 1] = a;
                s.push(b);
                s.done()
            }
            None => s.miss(),
        }
    }
    load_method_super: LOAD_METHOD_SUPER, |s, oparg| {
        match spec::load_method_super(s.slots[s.sp - 1], s.c()) {
            Some((m, o)) => {
                s.slots[s.sp - 1] = m;
                s.push(o);
                s.done()
            }
            None => s.miss(),
        }
    }
    load_attr_class: LOAD_ATTR_CLASS, |s, oparg| {
        let v = spec::load_attr_class(s.slots[s.sp - 1], s.c());
        top_or_deopt(s, v)
    }
    store_attr_slot: STORE_ATTR_SLOT, |s, oparg| {
        super::driver::note_burned_slow(s.vm, s.cd, s.at);
        let (o, v) = (s.slots[s.sp - 1], s.slots[s.sp - 2]);
        if spec::store_attr_slot(o, v, s.c()) {
            s.sp -= 2;
            s.done()
        } else {
            s.miss()
        }
    }
    call_len: CALL_LEN, |s, oparg| { call_builtin_1(s, oparg) }
    call_isinstance: CALL_ISINSTANCE, |s, oparg| { call_builtin_1(s, oparg) }
    call_type_1: CALL_TYPE_1, |s, oparg| { call_builtin_1(s, oparg) }
    call_str_1: CALL_STR_1, |s, oparg| { call_builtin_1(s, oparg) }
    call_tuple_1: CALL_TUPLE_1, |s, oparg| { call_builtin_1(s, oparg) }
    call_builtin_class: CALL_BUILTIN_CLASS, |s, oparg| { call_builtin_1(s, oparg) }
    call_list_append: CALL_LIST_APPEND, |s, oparg| {
        let base = s.sp - 3;
        if !s.ctx.kwnames.is_null()
            || !spec::call_list_append(s.vm, oparg, &s.slots[base..s.sp], s.c())
        {
            return s.miss();
        }
        s.sp = base;
        let none = s.vm.none;
        s.push(none);
        s.done_alloc()
    }
    get_iter: GET_ITER, |s, oparg| {
        let v = s.slots[s.sp - 1];
        s.sync();
        let r = riter::get_iter(s.vm, v);
        replace(s, 1, r)
    }
    for_iter: FOR_ITER, |s, oparg| {
        s.adapt();
        let it = s.slots[s.sp - 1];
        iter_next(s, it)
    }
    binary_subscr: BINARY_SUBSCR, |s, oparg| {
        s.adapt();
        let (c, k) = (s.slots[s.sp - 2], s.slots[s.sp - 1]);
        s.sync();
        let r = subscr::getitem(s.vm, c, k);
        replace(s, 2, r)
    }
    build_slice: BUILD_SLICE, |s, oparg| {
        let n = oparg as usize;
        let step = if n == 3 { s.slots[s.sp - 1] } else { s.vm.none };
        let (a, b) = (s.slots[s.sp - n], s.slots[s.sp - n + 1]);
        let r = subscr::new_slice(s.vm, a, b, step);
        replace(s, n, Ok(r))
    }
    binary_slice: BINARY_SLICE, |s, oparg| {
        let (c, a, b) = (s.slots[s.sp - 3], s.slots[s.sp - 2], s.slots[s.sp - 1]);
        if let Some(r) = subscr::simple_slice(s.vm, c, a, b) {
            return replace(s, 3, Ok(r));
        }
        s.sync();
        let none = s.vm.none;
        let sl = subscr::new_slice(s.vm, a, b, none);
        s.slots[s.sp - 1] = sl;
        let r = subscr::getitem(s.vm, c, sl);
        replace(s, 3, r)
    }
    store_slice: STORE_SLICE, |s, oparg| {
        let (v, c) = (s.slots[s.sp - 4], s.slots[s.sp - 3]);
        let (a, b) = (s.slots[s.sp - 2], s.slots[s.sp - 1]);
        if !subscr::simple_store_slice(s.vm, c, a, b, v) {
            s.sync();
            let none = s.vm.none;
        let sl = subscr::new_slice(s.vm, a, b, none);
            s.slots[s.sp - 1] = sl;
            if let Err(e) = subscr::setitem(s.vm, c, sl, v) {
                return s.raise(e);
            }
        }
        s.sp -= 4;
        s.done_alloc()
    }
    build_tuple: BUILD_TUPLE, |s, oparg| {
        let n = oparg as usize;
        let items = s.slots[s.sp - n..s.sp].to_vec();
        let t = s.vm.new_tuple(items);
        replace(s, n, Ok(t))
    }
    build_list: BUILD_LIST, |s, oparg| {
        let n = oparg as usize;
        let items = s.slots[s.sp - n..s.sp].to_vec();
        let l = s.vm.new_list(items);
        replace(s, n, Ok(l))
    }
    contains_op: CONTAINS_OP, |s, oparg| {
        let (a, b) = (s.slots[s.sp - 2], s.slots[s.sp - 1]);
        s.sync();
        let r = compare::contains(s.vm, b, a).map(|r| s.vm.bool_val(r != (oparg == 1)));
        replace(s, 2, r)
    }
    load_closure: LOAD_CLOSURE, |s, oparg| {
        let v = s.slots[oparg as usize];
        s.push(v);
        s.done()
    }
    kw_names: KW_NAMES, |s, oparg| {
        s.ctx.kwnames = s.cd.consts[oparg as usize];
        s.done()
    }
    load_attr: LOAD_ATTR, |s, oparg| {
        s.adapt();
        load_attr_generic(s, oparg)
    }
    store_attr: STORE_ATTR, |s, oparg| {
        s.adapt();
        store_attr_generic(s, oparg)
    }
    load_method_rt: LOAD_METHOD, |s, oparg| {
        s.adapt();
        load_method_generic(s, oparg)
    }
    call: CALL, |s, oparg| {
        s.adapt();
        call_generic(s, oparg)
    }
    jump_if_false_or_pop: JUMP_IF_FALSE_OR_POP, |s, oparg| { jump_on_truth(s, oparg, false, false) }
    jump_if_true_or_pop: JUMP_IF_TRUE_OR_POP, |s, oparg| { jump_on_truth(s, oparg, true, false) }
    pop_jump_if_false: POP_JUMP_IF_FALSE, |s, oparg| { jump_on_truth(s, oparg, false, true) }
    pop_jump_if_true: POP_JUMP_IF_TRUE, |s, oparg| { jump_on_truth(s, oparg, true, true) }
    make_function: MAKE_FUNCTION, |s, oparg| {
        s.sync();
        let globals = s.fp.get().globals;
        let mut sp = s.sp;
        let r = crate::vm::ops::make_function(s.vm, &s.slots[..sp], &mut sp, oparg, globals);
        s.sp = sp;
        replace(s, 0, r)
    }
    unary_op: UNARY_NEGATIVE, |s, oparg| {
        let v = s.slots[s.sp - 1];
        s.sync();
        let r = rops::unary_op(s.vm, s.op, v);
        replace(s, 1, r)
    }
    unary_not: UNARY_NOT, |s, oparg| {
        let v = s.slots[s.sp - 1];
        s.sync();
        let r = compare::truthy(s.vm, v).map(|t| s.vm.bool_val(!t));
        replace(s, 1, r)
    }
}
