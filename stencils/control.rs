//! Templates for control flow and the stencils the stitcher itself needs: the entry trampoline, the
//! deopt stub, the generic runtime-function call, branches, loops and return.

use cranelift_codegen::ir::{condcodes::IntCC, types::I32, types::I64, InstBuilder, Value};

use cranelift_codegen::ir;

use super::{mem, stencil_signature, Emitter, Template};

pub fn templates() -> Vec<Template> {
    let t = Template::plain;
    vec![
        Template {
            name: "_ENTRY",
            doc: "System V (frame, ctx, target) -> status: computes sp from frame.nlocalsplus and \
                  frame.stack_depth and calls the stencil at `target`",
            variants: &[],
            entry: true,
            cached: false,
            build: entry,
        },
        t(
            "_DEOPT",
            "exit stub: frame.instr_index = TARGET, frame.stack_depth from sp; returns DEOPT",
            deopt,
        ),
        Template::variants(
            "GENERIC",
            "(stack effect of the instruction) calls RUNTIME_FN(frame, sp, ctx, OPARG, TARGET); \
             0 -> returns ERROR; else CONTINUE, or (variant `jump`, for jump instructions) \
             JUMP_TARGET when ctx.branch is set",
            GENERIC_VARIANTS,
            generic,
        ),
        t(
            "_SWITCH",
            "calls RUNTIME_FN(frame, sp, ctx, OPARG, TARGET), which returns a status (< 16: returns \
             it) or the address of a stencil to continue at with ctx.next_frame and ctx.next_sp \
             (a call into a callee's compiled code, a return into its caller's)",
            switch,
        ),
        Template::variants(
            "_CALL_PY",
            "CALL_PY_EXACT_ARGS (NULL|method, callable|self, args... -- ) pushing the callee's \
             frame in place and continuing at its compiled entry, when the callable is a Python \
             function (FUNCTION_TYPE) whose code takes exactly these positional arguments and \
             has an entry at its start, no keyword names are pending, the eval breaker is clear, \
             the recursion limit, step budget, collection threshold and frame-stack chunk allow \
             it; the caller resumes at OPERAND. Otherwise SLOW: a _SWITCH piece (the instruction's \
             runtime function). One variant per oparg (0-4), the arguments' copy unrolled; \
             then (CALL_PY_WITH_DEFAULTS) one per oparg and number of parameters the call leaves \
             to the defaults (1-2, the specializer's c[1]): the defaults tuple holds that many, \
             copied from its end after the arguments",
            CALL_PY_VARIANTS,
            |e, v| call_py(e, v % 5, v / 5),
        ),
        t(
            "_RETURN",
            "RETURN_VALUE (value -- ) popping the frame in place and continuing at the caller's \
             compiled entry for its next instruction, pushing the value there (an __init__ \
             frame's None is not pushed: the caller holds the instance), when this frame is not \
             the run's entry frame, is plain or an __init__ frame returning None, is in the \
             current frame-stack chunk and the caller has such an entry. Otherwise SLOW: a _SWITCH piece (the \
             instruction's runtime function)",
            return_inline,
        ),
        t(
            "POP_JUMP_IF_FALSE",
            "(cond --) jump to JUMP_TARGET if False/None/0; deopt on other types",
            |e, _| pop_jump_if(e, false),
        )
        .cached(),
        t(
            "POP_JUMP_IF_TRUE",
            "(cond --) jump to JUMP_TARGET if True/nonzero int; deopt on other types",
            |e, _| pop_jump_if(e, true),
        )
        .cached(),
        t(
            "_SPILL",
            "(--) stores the values cached on entry to the stack's memory, for a stencil after it \
             that takes none (the stitcher places it between them)",
            |e, _| e.finish_keep(0, &[], 0),
        )
        .cached(),
        Template::variants(
            "_FILL",
            "(--) loads the top values (variant % 4: how many) from the stack's memory into \
             registers: after a slow path, for an instruction whose fast path leaves them \
             cached; the values variant / 4 names (a bit each, the deepest first) are floats \
             whose shadows the fast path made valid, unboxed again here",
            FILL_VARIANTS,
            |e, v| {
                let n = (v % 4) as i32;
                let mask = v / 4;
                let pushes: Vec<_> = (0..n)
                    .map(|j| {
                        let value = e.peek(n - 1 - j);
                        let shadow = (mask >> j & 1 != 0)
                            .then(|| super::ops::unbox_float(e, value));
                        (value, shadow)
                    })
                    .collect();
                e.finish_pushes(n as usize, &pushes, n as usize)
            },
        ),
        t(
            "JUMP_BACKWARD",
            "(--) jump to JUMP_TARGET; deopt (to the interpreter) if ctx.eval_breaker is set or \
             ctx.backedges is 0, else decrement ctx.backedges",
            jump_backward,
        ),
        t(
            "FOR_ITER_RANGE",
            "(iter -- iter value) | exhausted: (iter --) and jump to JUMP_TARGET; deopt unless iter's \
             type is RANGE_ITER_TYPE and the value fits in a small int",
            for_iter_range,
        ),
        t("NOP", "(--) nothing", |e, _| {
            let sp = e.sp;
            e.continue_with(sp)
        }),
        t(
            "RESUME",
            "(--) nothing in compiled code (the interpreter's RESUME offers the JIT an entry)",
            |e, _| {
                let sp = e.sp;
                e.continue_with(sp)
            },
        ),
        t("POP_TOP", "(value --)", |e, _| e.finish(1, &[])).cached(),
        t("PUSH_NULL", "(-- NULL)", |e, _| {
            let zero = e.iconst(0);
            e.poke(-1, zero);
            let sp = e.sp_after(1);
            e.continue_with(sp)
        }),
        t("JUMP_FORWARD", "(--) jump to JUMP_TARGET", |e, _| {
            let sp = e.sp;
            e.tail_to("_JIT_JUMP_TARGET", sp)
        }),
        t(
            "JUMP_BACKWARD_NO_INTERRUPT",
            "(--) jump to JUMP_TARGET (the yield-from loop: no eval-breaker check, as in the \
             interpreter)",
            |e, _| {
                let sp = e.sp;
                e.tail_to("_JIT_JUMP_TARGET", sp)
            },
        ),
        t(
            "UNARY_NOT",
            "(value -- not value) True/False swapped, None and small ints by their truth; any \
             other value the slow path (its truth, by the runtime function)",
            unary_not,
        ),
        t(
            "JUMP_IF_FALSE_OR_POP",
            "(cond -- cond) and jump to JUMP_TARGET if False, (cond --) if True; any other value \
             the slow path (its truth, by the runtime function)",
            |e, _| jump_if_or_pop(e, false),
        ),
        t(
            "JUMP_IF_TRUE_OR_POP",
            "(cond -- cond) and jump to JUMP_TARGET if True, (cond --) if False; any other value \
             the slow path",
            |e, _| jump_if_or_pop(e, true),
        ),
        t(
            "POP_JUMP_IF_NONE",
            "(value --) jump to JUMP_TARGET if value is None",
            |e, _| pop_jump_if_none(e, true),
        ),
        t(
            "POP_JUMP_IF_NOT_NONE",
            "(value --) jump to JUMP_TARGET if value is not None",
            |e, _| pop_jump_if_none(e, false),
        ),
        t(
            "COPY",
            "(item_n ... item_1 -- item_n ... item_1 item_n) n = OPARG",
            copy,
        ),
        t(
            "SWAP",
            "(item_n ... item_1 -- item_1 ... item_n) n = OPARG",
            swap,
        ),
        Template {
            name: "IS_OP",
            doc: "(left right -- bool) identity; variant 0 `is`, 1 `is not` (the oparg)",
            variants: &["is", "is not"],
            entry: false,
            cached: false,
            build: is_op,
        },
        t(
            "RETURN_VALUE",
            "(value --) ctx.return_value = value; returns RETURN",
            return_value,
        ),
    ]
}

/// The System V entry trampoline: enters a stencil chain with the stack pointer the frame implies.
fn entry(e: &mut Emitter, _: u32) {
    let (frame, ctx, target) = (e.params[0], e.params[1], e.params[2]);
    let nlocals =
        e.b.ins()
            .uload32(mem(), frame, crate::FRAME_NLOCALSPLUS_OFFSET);
    let depth =
        e.b.ins()
            .uload32(mem(), frame, crate::FRAME_STACK_DEPTH_OFFSET);
    let slots = e.b.ins().iadd(nlocals, depth);
    let bytes = e.b.ins().ishl_imm_s(slots, 3);
    let base =
        e.b.ins()
            .iadd_imm_s(frame, crate::FRAME_LOCALSPLUS_OFFSET as i64);
    let sp = e.b.ins().iadd(base, bytes);
    let sig = e.b.import_signature(stencil_signature());
    let call = e.b.ins().call_indirect(sig, target, &[frame, sp, ctx]);
    let status = e.b.inst_results(call)[0];
    e.b.ins().return_(&[status]);
}

/// Writes the resume point into the frame, as the interpreter expects it, and leaves the JIT.
fn deopt(e: &mut Emitter, _: u32) {
    let target = e.hole("_JIT_TARGET");
    let target32 = e.b.ins().ireduce(I32, target);
    e.b.ins()
        .store(mem(), target32, e.frame, crate::FRAME_INSTR_INDEX_OFFSET);
    let nlocals =
        e.b.ins()
            .uload32(mem(), e.frame, crate::FRAME_NLOCALSPLUS_OFFSET);
    let used = e.b.ins().isub(e.sp, e.frame);
    let used =
        e.b.ins()
            .iadd_imm_s(used, -(crate::FRAME_LOCALSPLUS_OFFSET as i64));
    let slots = e.b.ins().ushr_imm_s(used, 3);
    let depth = e.b.ins().isub(slots, nlocals);
    let depth32 = e.b.ins().ireduce(I32, depth);
    e.b.ins()
        .store(mem(), depth32, e.frame, crate::FRAME_STACK_DEPTH_OFFSET);
    e.exit(crate::JIT_STATUS_DEOPT);
}

/// `GENERIC`'s variants: the stitcher takes `jump` for instructions with a jump target (their
/// runtime function sets `ctx.branch` to take it), `plain` for all others.
pub const GENERIC_VARIANTS: &[&str] = &["plain", "jump"];

fn generic(e: &mut Emitter, variant: u32) {
    let oparg = e.hole("_JIT_OPARG");
    let target = e.hole("_JIT_TARGET");
    let (frame, sp, ctx) = (e.frame, e.sp, e.ctx);
    let new_sp = e.call_spilling(false, |e| {
        e.call_runtime_fn(&[frame, sp, ctx, oparg, target])
    });
    let ctx = e.ctx;
    let ok = e.b.ins().icmp_imm_s(IntCC::NotEqual, new_sp, 0);
    e.branch_if_not(ok, |e| e.exit(crate::JIT_STATUS_ERROR));
    if variant == 0 {
        e.continue_with(new_sp);
        return;
    }
    let branch =
        e.b.ins()
            .load(I32, mem(), ctx, crate::JIT_CTX_BRANCH_OFFSET);
    let not_taken = e.b.ins().icmp_imm_s(IntCC::Equal, branch, 0);
    e.branch_if_not(not_taken, |e| {
        let zero = e.b.ins().iconst(I32, 0);
        e.b.ins()
            .store(mem(), zero, ctx, crate::JIT_CTX_BRANCH_OFFSET);
        e.tail_to("_JIT_JUMP_TARGET", new_sp);
    });
    e.continue_with(new_sp);
}

/// A loop over the words from `start` up to `end` (addresses): `body(e, p)` for each word's
/// address `p`. The counts are known only at run time; a pointer loop keeps one value live
/// besides `end`.
fn for_words(e: &mut Emitter, start: Value, end: Value, body: impl Fn(&mut Emitter, Value)) {
    let head = e.b.create_block();
    let step = e.b.create_block();
    let done = e.b.create_block();
    let p = e.b.append_block_param(head, I64);
    e.b.ins().jump(head, &[ir::BlockArg::Value(start)]);
    e.b.switch_to_block(head);
    let more = e.b.ins().icmp(IntCC::UnsignedLessThan, p, end);
    e.b.ins().brif(more, step, &[], done, &[]);
    e.b.switch_to_block(step);
    e.b.seal_block(step);
    body(e, p);
    let next = e.b.ins().iadd_imm_s(p, 8);
    e.b.ins().jump(head, &[ir::BlockArg::Value(next)]);
    e.b.seal_block(head);
    e.b.switch_to_block(done);
    e.b.seal_block(done);
}

/// Adds 1 to the u64 at `p + offset`.
fn bump(e: &mut Emitter, p: Value, offset: i32) {
    let n = e.b.ins().load(I64, mem(), p, offset);
    let n = e.b.ins().iadd_imm_s(n, 1);
    e.b.ins().store(mem(), n, p, offset);
}

/// Checks that `code` (a code object) has compiled code entered at code unit `index` (a u32
/// loaded zero-extended), else the slow path. `entry_at` reads the address once the path has
/// committed (loads after stores are not merged with these, so nothing stays live between).
fn check_entry(e: &mut Emitter, code: Value, index: Value) {
    let offset = entry_offset(e, code, Some(index));
    // Compared as a u32: `CODE_NO_ENTRY` is no 32-bit signed immediate in 64 bits, and a
    // 64-bit constant would go to a constant pool.
    let entered = e.b.ins().icmp_imm_s(
        IntCC::UnsignedLessThan,
        offset,
        crate::CODE_NO_ENTRY as i32 as i64,
    );
    e.slow_unless(entered);
}

/// The entry table's value for `index` (an I32), checking the index against the table's
/// length where `check` gives it (else `index` is 0, which every table has).
fn entry_offset(e: &mut Emitter, code: Value, check: Option<Value>) -> Value {
    let table =
        e.b.ins()
            .load(I64, mem(), code, crate::CODE_ENTRY_TABLE_OFFSET);
    let Some(index) = check else {
        return e.b.ins().load(I32, mem(), table, 0);
    };
    let len = e.b.ins().uload32(mem(), code, crate::CODE_ENTRY_LEN_OFFSET);
    let inside = e.b.ins().icmp(IntCC::UnsignedLessThan, index, len);
    e.slow_unless(inside);
    let at = e.b.ins().ishl_imm_s(index, 2);
    let at = e.b.ins().iadd(table, at);
    e.b.ins().load(I32, mem(), at, 0)
}

/// The compiled entry address of `code` at `index` that `check_entry` checked (`None`: 0),
/// counting the entry into its region (as `jit::driver::entry_address` does).
fn entry_at(e: &mut Emitter, code: Value, index: Option<Value>) -> Value {
    let count =
        e.b.ins()
            .load(I64, mem(), code, crate::CODE_ENTRY_COUNT_OFFSET);
    bump(e, count, 0);
    let table =
        e.b.ins()
            .load(I64, mem(), code, crate::CODE_ENTRY_TABLE_OFFSET);
    let at = match index {
        Some(i) => {
            let i = e.b.ins().ishl_imm_s(i, 2);
            e.b.ins().iadd(table, i)
        }
        None => table,
    };
    let offset = e.b.ins().uload32(mem(), at, 0);
    let base =
        e.b.ins()
            .load(I64, mem(), code, crate::CODE_ENTRY_BASE_OFFSET);
    e.b.ins().iadd(base, offset)
}

/// Continues at `target` (a stencil's address) in frame `frame` with stack pointer `sp`.
fn jump_into(e: &mut Emitter, target: Value, frame: Value, sp: Value) {
    let sig = e.b.import_signature(stencil_signature());
    let ctx = e.ctx;
    e.b.ins()
        .return_call_indirect(sig, target, &[frame, sp, ctx]);
}

/// CALL_PY_EXACT_ARGS in place: the frame push of `eval::push_frame_exact` (header, arguments
/// moved into the first locals, the other locals NULL), the caller synced as
/// `ops::call_py_exact_fast` syncs it, and on in the callee's compiled code; every case that
/// path would not take goes to the slow path (`_SWITCH`) before anything is written. The
/// steps are ordered so that few values are live at once: with more than the caller-saved
/// registers, Cranelift saves callee-saved ones in a frame that every exit tears down.
fn call_py(e: &mut Emitter, nargs: u32, missing: u32) {
    let (frame, ctx) = (e.frame, e.ctx);
    let kwnames =
        e.b.ins()
            .load(I64, mem(), ctx, crate::JIT_CTX_KWNAMES_OFFSET);
    let no_kwnames = e.b.ins().icmp_imm_s(IntCC::Equal, kwnames, 0);
    e.slow_unless(no_kwnames);
    let breaker =
        e.b.ins()
            .uload32(mem(), ctx, crate::JIT_CTX_EVAL_BREAKER_OFFSET);
    let clear = e.b.ins().icmp_imm_s(IntCC::Equal, breaker, 0);
    e.slow_unless(clear);
    let (plain, callable) = callable_of(e, nargs);
    e.exact_type_or_slow(callable, "_JIT_FUNCTION_TYPE");
    let code =
        e.b.ins()
            .load(I64, mem(), callable, crate::FUNC_CODE_OFFSET);
    // Arguments: `oparg`, and self too in a method call. `u32::MAX` (no exact call) is no
    // argument count.
    let exact =
        e.b.ins()
            .uload32(mem(), code, crate::CODE_EXACT_ARGC_OFFSET);
    let is_plain = e.b.ins().uextend(I64, plain);
    let argc = e.iconst(nargs as i64 + 1 + missing as i64);
    let argc = e.b.ins().isub(argc, is_plain);
    let fits = e.b.ins().icmp(IntCC::Equal, exact, argc);
    e.slow_unless(fits);
    if missing > 0 {
        // `push_frame_with_defaults`: the last `missing` defaults (a tuple of at least that
        // many; NULL or shorter is the slow path).
        let (_, items_len) = defaults_of(e, nargs);
        let enough =
            e.b.ins()
                .icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, items_len, missing as i64);
        e.slow_unless(enough);
    }
    let zero = e.iconst(0);
    check_entry(e, code, zero);
    let vm = e.b.ins().load(I64, mem(), ctx, crate::JIT_CTX_VM_OFFSET);
    // This frame is the current one (the callee's `previous`, synced below as the caller).
    let current = e.b.ins().load(I64, mem(), vm, crate::VM_CURRENT_OFFSET);
    let is_current = e.b.ins().icmp(IntCC::Equal, current, frame);
    e.slow_unless(is_current);
    let depth = e.b.ins().load(I64, mem(), vm, crate::VM_DEPTH_OFFSET);
    let limit =
        e.b.ins()
            .load(I64, mem(), vm, crate::VM_RECURSION_LIMIT_OFFSET);
    let below = e.b.ins().icmp(IntCC::UnsignedLessThan, depth, limit);
    e.slow_unless(below);
    let budget = e.b.ins().load(I64, mem(), vm, crate::VM_STEP_BUDGET_OFFSET);
    let left = e.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, budget, 1);
    e.slow_unless(left);
    // A collection due: the slow path collects.
    let allocated =
        e.b.ins()
            .load(I64, mem(), vm, crate::VM_HEAP_ALLOCATED_OFFSET);
    let threshold =
        e.b.ins()
            .load(I64, mem(), vm, crate::VM_HEAP_THRESHOLD_OFFSET);
    let no_collection =
        e.b.ins()
            .icmp(IntCC::UnsignedLessThan, allocated, threshold);
    e.slow_unless(no_collection);
    let words =
        e.b.ins()
            .uload32(mem(), code, crate::CODE_FRAME_WORDS_OFFSET);
    let top = e.b.ins().load(I64, mem(), vm, crate::VM_FRAMES_TOP_OFFSET);
    let len = e.b.ins().load(I64, mem(), vm, crate::VM_FRAMES_LEN_OFFSET);
    let new_top = e.b.ins().iadd(top, words);
    let room = e.b.ins().icmp(IntCC::UnsignedLessThanOrEqual, new_top, len);
    e.slow_unless(room);
    // Committed from here on. Values the guards read are loaded again where needed rather than
    // kept (loads after a store are not merged with those before it): with more live values
    // than x86-64's nine caller-saved registers, Cranelift would save callee-saved ones in a
    // frame that every exit tears down. First the Vm: the frame pushed and made current.
    e.b.ins()
        .store(mem(), new_top, vm, crate::VM_FRAMES_TOP_OFFSET);
    let chunk = e.b.ins().load(I64, mem(), vm, crate::VM_FRAMES_BASE_OFFSET);
    let at = e.b.ins().ishl_imm_s(top, 3);
    let callee = e.b.ins().iadd(chunk, at);
    let caller = e.b.ins().load(I64, mem(), vm, crate::VM_CURRENT_OFFSET);
    e.b.ins().store(mem(), callee, vm, crate::VM_CURRENT_OFFSET);
    let depth = e.b.ins().load(I64, mem(), vm, crate::VM_DEPTH_OFFSET);
    let depth = e.b.ins().iadd_imm_s(depth, 1);
    e.b.ins().store(mem(), depth, vm, crate::VM_DEPTH_OFFSET);
    let budget = e.b.ins().load(I64, mem(), vm, crate::VM_STEP_BUDGET_OFFSET);
    let budget = e.b.ins().iadd_imm_s(budget, -1);
    e.b.ins()
        .store(mem(), budget, vm, crate::VM_STEP_BUDGET_OFFSET);
    let builtins = e.b.ins().load(I64, mem(), vm, crate::VM_BUILTINS_OFFSET);
    e.b.ins()
        .store(mem(), builtins, callee, crate::FRAME_BUILTINS_OFFSET);
    e.b.ins()
        .store(mem(), caller, callee, crate::FRAME_PREVIOUS_OFFSET);
    bump(e, ctx, crate::JIT_CTX_SWITCHED_CALLS_OFFSET);
    // The caller resumes after the call with the window popped.
    let resume = e.hole("_JIT_OPERAND");
    e.b.ins()
        .istore32(mem(), resume, caller, crate::FRAME_INSTR_INDEX_OFFSET);
    let window = call_window(e, nargs);
    let used = e.b.ins().isub(window, caller);
    let used =
        e.b.ins()
            .iadd_imm_s(used, -16 - crate::FRAME_LOCALSPLUS_OFFSET as i64);
    let used = e.b.ins().ushr_imm_s(used, 3);
    let caller_nlp =
        e.b.ins()
            .uload32(mem(), caller, crate::FRAME_NLOCALSPLUS_OFFSET);
    let caller_depth = e.b.ins().isub(used, caller_nlp);
    e.b.ins()
        .istore32(mem(), caller_depth, caller, crate::FRAME_STACK_DEPTH_OFFSET);
    // The rest of the callee's header, each value stored as soon as it is loaded.
    let (plain, callable) = callable_of(e, nargs);
    e.b.ins()
        .store(mem(), callable, callee, crate::FRAME_FUNC_OFFSET);
    let code =
        e.b.ins()
            .load(I64, mem(), callable, crate::FUNC_CODE_OFFSET);
    e.b.ins()
        .store(mem(), code, callee, crate::FRAME_CODE_OFFSET);
    // nlocalsplus, and flags 0 above it.
    let nlp =
        e.b.ins()
            .uload32(mem(), code, crate::CODE_NLOCALSPLUS_OFFSET);
    e.b.ins()
        .store(mem(), nlp, callee, crate::FRAME_NLOCALSPLUS_OFFSET);
    let globals =
        e.b.ins()
            .load(I64, mem(), callable, crate::FUNC_GLOBALS_OFFSET);
    e.b.ins()
        .store(mem(), globals, callee, crate::FRAME_GLOBALS_OFFSET);
    // instr_index and stack_depth, both 0; the reserved word 0.
    for offset in [
        crate::FRAME_INSTR_INDEX_OFFSET,
        crate::FRAME_RESERVED_OFFSET,
    ] {
        e.b.ins().store(mem(), zero, callee, offset);
    }
    // The arguments (self first in a method call) moved into the first locals, the other
    // locals NULL. The copy is unrolled (a loop kept more values live than there are
    // caller-saved registers): self or the callable, then the `oparg` arguments.
    let slots =
        e.b.ins()
            .iadd_imm_s(callee, crate::FRAME_LOCALSPLUS_OFFSET as i64);
    let window = call_window(e, nargs);
    let w1 = e.b.ins().load(I64, mem(), window, -8);
    e.b.ins().store(mem(), w1, slots, 0);
    let is_plain = e.b.ins().uextend(I64, plain);
    let shift = e.b.ins().ishl_imm_s(is_plain, 3);
    let args_to = e.b.ins().isub(slots, shift);
    for k in 0..nargs as i32 {
        let v = e.b.ins().load(I64, mem(), window, 8 * k);
        e.b.ins().store(mem(), v, args_to, 8 * (k + 1));
    }
    let filled = e.b.ins().iadd_imm_s(args_to, 8 * (nargs as i64 + 1));
    // The parameters left to the defaults: the defaults tuple's last `missing` items.
    for j in 0..missing as i64 {
        let (items, n) = defaults_of(e, nargs);
        let from = e.b.ins().ishl_imm_s(n, 3);
        let from = e.b.ins().iadd(items, from);
        let v =
            e.b.ins()
                .load(I64, mem(), from, 8 * (j - missing as i64) as i32);
        e.b.ins().store(mem(), v, filled, 8 * j as i32);
    }
    let filled = e.b.ins().iadd_imm_s(filled, 8 * missing as i64);
    let nlp =
        e.b.ins()
            .uload32(mem(), callee, crate::FRAME_NLOCALSPLUS_OFFSET);
    let nlp_bytes = e.b.ins().ishl_imm_s(nlp, 3);
    let slots =
        e.b.ins()
            .iadd_imm_s(callee, crate::FRAME_LOCALSPLUS_OFFSET as i64);
    let callee_sp = e.b.ins().iadd(slots, nlp_bytes);
    for_words(e, filled, callee_sp, |e, p| {
        let zero = e.iconst(0);
        e.b.ins().store(mem(), zero, p, 0);
    });
    let code = e.b.ins().load(I64, mem(), callee, crate::FRAME_CODE_OFFSET);
    let target = entry_at(e, code, None);
    jump_into(e, target, callee, callee_sp);
}

/// `_CALL_PY`'s variants: the oparg (arguments besides self), plus 5 times the parameters left
/// to the defaults (CALL_PY_WITH_DEFAULTS; `jit::stitch` computes the same numbers).
const CALL_PY_VARIANTS: &[&str] = &[
    "0 args",
    "1 arg",
    "2 args",
    "3 args",
    "4 args",
    "0 args, 1 default",
    "1 arg, 1 default",
    "2 args, 1 default",
    "3 args, 1 default",
    "4 args, 1 default",
    "0 args, 2 defaults",
    "1 arg, 2 defaults",
    "2 args, 2 defaults",
    "3 args, 2 defaults",
    "4 args, 2 defaults",
];

/// The call's callable's defaults tuple (after checking it is one: a function's `defaults` is
/// NULL or a tuple, `__defaults__`'s setter sees to it): its items and length. Loaded again
/// where needed (see `call_py`).
fn defaults_of(e: &mut Emitter, nargs: u32) -> (Value, Value) {
    let (_, callable) = callable_of(e, nargs);
    let d =
        e.b.ins()
            .load(I64, mem(), callable, crate::FUNC_DEFAULTS_OFFSET);
    let set = e.b.ins().icmp_imm_s(IntCC::NotEqual, d, 0);
    e.slow_unless(set);
    let n = e.b.ins().load(I64, mem(), d, crate::TUPLE_LEN_OFFSET);
    let items = e.b.ins().load(I64, mem(), d, crate::TUPLE_ITEMS_OFFSET);
    (items, n)
}

/// Where a call's `nargs` arguments start, after the two words before them (NULL or the
/// callable, the callable or self).
fn call_window(e: &mut Emitter, nargs: u32) -> Value {
    let sp = e.sp;
    e.b.ins().iadd_imm_s(sp, -8 * nargs as i64)
}

/// The call's callable, loaded from its window: (whether the first word is NULL, a plain call,
/// the callable).
fn callable_of(e: &mut Emitter, nargs: u32) -> (Value, Value) {
    let window = call_window(e, nargs);
    let w0 = e.b.ins().load(I64, mem(), window, -16);
    let w1 = e.b.ins().load(I64, mem(), window, -8);
    let plain = e.b.ins().icmp_imm_s(IntCC::Equal, w0, 0);
    (plain, e.b.ins().select(plain, w1, w0))
}

/// RETURN_VALUE in place: `eval::return_into_caller` (pop the frame, push the value on the
/// caller's stack) and on in the caller's compiled code after its call, when `ops::return_switch`
/// would do the same; everything else goes to the slow path (`_SWITCH`) before anything is
/// written.
fn return_inline(e: &mut Emitter, _: u32) {
    let (frame, sp, ctx) = (e.frame, e.sp, e.ctx);
    let entry_frame =
        e.b.ins()
            .load(I64, mem(), ctx, crate::JIT_CTX_ENTRY_FRAME_OFFSET);
    let inner = e.b.ins().icmp(IntCC::NotEqual, frame, entry_frame);
    e.slow_unless(inner);
    // A plain frame, or an `__init__` frame returning None (`eval::return_from_init`: the
    // caller already holds the instance as the call's result, so nothing is pushed).
    // (Checked off the plain frames' path: one test there.)
    let flags = e.b.ins().uload32(mem(), frame, crate::FRAME_FLAGS_OFFSET);
    let plain = e.b.ins().icmp_imm_s(IntCC::Equal, flags, 0);
    let init_frame = e.b.create_block();
    let checked = e.b.create_block();
    e.b.ins().brif(plain, checked, &[], init_frame, &[]);
    e.b.switch_to_block(init_frame);
    e.b.seal_block(init_frame);
    let init =
        e.b.ins()
            .icmp_imm_s(IntCC::Equal, flags, crate::FRAME_INIT as i64);
    e.slow_unless(init);
    let value = e.b.ins().load(I64, mem(), sp, -8);
    let none = e.hole("_JIT_NONE");
    let returns_none = e.b.ins().icmp(IntCC::Equal, value, none);
    e.slow_unless(returns_none);
    e.b.ins().jump(checked, &[]);
    e.b.switch_to_block(checked);
    e.b.seal_block(checked);
    let caller =
        e.b.ins()
            .load(I64, mem(), frame, crate::FRAME_PREVIOUS_OFFSET);
    let code = e.b.ins().load(I64, mem(), caller, crate::FRAME_CODE_OFFSET);
    let resume =
        e.b.ins()
            .uload32(mem(), caller, crate::FRAME_INSTR_INDEX_OFFSET);
    check_entry(e, code, resume);
    // `FrameStack::pop`'s fast case: the frame is in the current chunk.
    let vm = e.b.ins().load(I64, mem(), ctx, crate::JIT_CTX_VM_OFFSET);
    let chunk = e.b.ins().load(I64, mem(), vm, crate::VM_FRAMES_BASE_OFFSET);
    let len = e.b.ins().load(I64, mem(), vm, crate::VM_FRAMES_LEN_OFFSET);
    let offset = e.b.ins().isub(frame, chunk);
    let top = e.b.ins().ushr_imm_s(offset, 3);
    let inside = e.b.ins().icmp(IntCC::UnsignedLessThan, top, len);
    e.slow_unless(inside);
    // Committed from here on (values loaded again rather than kept, as in `_CALL_PY`): the
    // frame popped, the caller current.
    e.b.ins().store(mem(), top, vm, crate::VM_FRAMES_TOP_OFFSET);
    e.b.ins().store(mem(), caller, vm, crate::VM_CURRENT_OFFSET);
    let depth = e.b.ins().load(I64, mem(), vm, crate::VM_DEPTH_OFFSET);
    let depth = e.b.ins().iadd_imm_s(depth, -1);
    e.b.ins().store(mem(), depth, vm, crate::VM_DEPTH_OFFSET);
    bump(e, ctx, crate::JIT_CTX_SWITCHED_RETURNS_OFFSET);
    // The value pushed on the caller's stack (an `__init__` frame's, None, is written just
    // above the caller's stack and not counted: 1 - flags values pushed).
    let value = e.b.ins().load(I64, mem(), sp, -8);
    let nlp =
        e.b.ins()
            .uload32(mem(), caller, crate::FRAME_NLOCALSPLUS_OFFSET);
    let used =
        e.b.ins()
            .uload32(mem(), caller, crate::FRAME_STACK_DEPTH_OFFSET);
    let n = e.b.ins().iadd(nlp, used);
    let n = e.b.ins().ishl_imm_s(n, 3);
    let to = e.b.ins().iadd(caller, n);
    e.b.ins()
        .store(mem(), value, to, crate::FRAME_LOCALSPLUS_OFFSET);
    let flags = e.b.ins().uload32(mem(), frame, crate::FRAME_FLAGS_OFFSET);
    let pushed = e.b.ins().iadd_imm_s(used, 1);
    let pushed = e.b.ins().isub(pushed, flags);
    e.b.ins()
        .istore32(mem(), pushed, caller, crate::FRAME_STACK_DEPTH_OFFSET);
    let skipped = e.b.ins().ishl_imm_s(flags, 3);
    let caller_sp =
        e.b.ins()
            .iadd_imm_s(to, crate::FRAME_LOCALSPLUS_OFFSET as i64 + 8);
    let caller_sp = e.b.ins().isub(caller_sp, skipped);
    let code = e.b.ins().load(I64, mem(), caller, crate::FRAME_CODE_OFFSET);
    let resume =
        e.b.ins()
            .uload32(mem(), caller, crate::FRAME_INSTR_INDEX_OFFSET);
    let target = entry_at(e, code, Some(resume));
    jump_into(e, target, caller, caller_sp);
}

/// Leaves this frame's compiled code for another frame's: a Python call or return.
fn switch(e: &mut Emitter, _: u32) {
    let oparg = e.hole("_JIT_OPARG");
    let target = e.hole("_JIT_TARGET");
    let (frame, sp, ctx) = (e.frame, e.sp, e.ctx);
    let r = e.call_runtime_fn(&[frame, sp, ctx, oparg, target]);
    let is_status = e.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, r, 16);
    let switch = e.b.ins().icmp_imm_s(IntCC::Equal, is_status, 0);
    e.branch_if_not(switch, |e| {
        e.b.ins().return_(&[r]);
    });
    let next_frame =
        e.b.ins()
            .load(I64, mem(), ctx, crate::JIT_CTX_NEXT_FRAME_OFFSET);
    let next_sp =
        e.b.ins()
            .load(I64, mem(), ctx, crate::JIT_CTX_NEXT_SP_OFFSET);
    let sig = e.b.import_signature(stencil_signature());
    e.b.ins()
        .return_call_indirect(sig, r, &[next_frame, next_sp, ctx]);
}

/// Branches on `v` when it is True or False: `take(e, truth)` ends the path of each; other
/// values fall through.
fn branch_on_bools(e: &mut Emitter, v: Value, take: impl Fn(&mut Emitter, bool)) {
    let t = e.hole("_JIT_TRUE");
    let f = e.hole("_JIT_FALSE");
    let not_true = e.b.ins().icmp(IntCC::NotEqual, v, t);
    e.branch_if_not(not_true, |e| take(e, true));
    let not_false = e.b.ins().icmp(IntCC::NotEqual, v, f);
    e.branch_if_not(not_false, |e| take(e, false));
}

/// Pops the condition: to JUMP_TARGET when `jump`, else on to the next piece.
fn pop_and_branch(e: &mut Emitter, jump: bool) {
    if jump {
        e.jump_popping("_JIT_JUMP_TARGET", 1)
    } else {
        e.finish(1, &[])
    }
}

/// Truthiness of the common cases inline: True and False first (a comparison's result), then
/// None and small ints; anything else deopts.
fn pop_jump_if(e: &mut Emitter, jump_if: bool) {
    let v = e.peek(0);
    branch_on_bools(e, v, |e, truth| pop_and_branch(e, truth == jump_if));
    let n = e.hole("_JIT_NONE");
    let is_none = e.b.ins().icmp(IntCC::Equal, v, n);
    // Rotating the tag to the bottom keeps the test free of 64-bit constants.
    let rotated = e.b.ins().rotl_imm_s(v, 16);
    let zero = e.b.ins().icmp_imm_s(IntCC::Equal, rotated, 0xFFFF);
    let top = e.b.ins().ushr_imm_s(v, 48);
    let is_int = e.b.ins().icmp_imm_s(IntCC::Equal, top, 0xFFFF);
    let nonzero_int = e.b.ins().bxor(is_int, zero);
    let falsy = e.b.ins().bor(is_none, zero);
    let known = e.b.ins().bor(falsy, nonzero_int);
    e.guard(known);
    // `jump` is true when the branch is taken.
    let jump = if jump_if { nonzero_int } else { falsy };
    let stay = e.b.ins().icmp_imm_s(IntCC::Equal, jump, 0);
    e.branch_if_not(stay, |e| pop_and_branch(e, true));
    pop_and_branch(e, false);
}

/// `not v` for the values whose truth needs no call: True, False, None and small ints.
fn unary_not(e: &mut Emitter, _: u32) {
    let v = e.peek(0);
    let (t, f) = (e.hole("_JIT_TRUE"), e.hole("_JIT_FALSE"));
    let n = e.hole("_JIT_NONE");
    let is_false = e.b.ins().icmp(IntCC::Equal, v, f);
    let is_none = e.b.ins().icmp(IntCC::Equal, v, n);
    // Rotating the tag to the bottom keeps the tests free of 64-bit constants.
    let rotated = e.b.ins().rotl_imm_s(v, 16);
    let zero = e.b.ins().icmp_imm_s(IntCC::Equal, rotated, 0xFFFF);
    let top = e.b.ins().ushr_imm_s(v, 48);
    let is_int = e.b.ins().icmp_imm_s(IntCC::Equal, top, 0xFFFF);
    let is_true = e.b.ins().icmp(IntCC::Equal, v, t);
    let falsy = e.b.ins().bor(is_false, is_none);
    let falsy = e.b.ins().bor(falsy, zero);
    let known = e.b.ins().bor(is_true, is_int);
    let known = e.b.ins().bor(known, falsy);
    e.slow_unless(known);
    let r = e.b.ins().select(falsy, t, f);
    e.poke(0, r);
    let sp = e.sp;
    e.continue_with(sp);
}

/// `and` / `or`: True and False inline (the value stays for the jump, is popped otherwise); any
/// other value goes to the runtime function (`_JIT_SLOW`), which tests its truth.
fn jump_if_or_pop(e: &mut Emitter, jump_if: bool) {
    let v = e.peek(0);
    let (sp, popped) = (e.sp, e.sp_after(-1));
    branch_on_bools(e, v, |e, truth| {
        if truth == jump_if {
            e.tail_to("_JIT_JUMP_TARGET", sp)
        } else {
            e.continue_with(popped)
        }
    });
    e.tail_to("_JIT_SLOW", sp);
}

fn jump_backward(e: &mut Emitter, _: u32) {
    let breaker =
        e.b.ins()
            .load(I32, mem(), e.ctx, crate::JIT_CTX_EVAL_BREAKER_OFFSET);
    let calm = e.b.ins().icmp_imm_s(IntCC::Equal, breaker, 0);
    e.guard(calm);
    let left =
        e.b.ins()
            .load(I32, mem(), e.ctx, crate::JIT_CTX_BACKEDGES_OFFSET);
    let some_left = e.b.ins().icmp_imm_s(IntCC::NotEqual, left, 0);
    e.guard(some_left);
    let left = e.b.ins().iadd_imm_s(left, -1);
    e.b.ins()
        .store(mem(), left, e.ctx, crate::JIT_CTX_BACKEDGES_OFFSET);
    let sp = e.sp;
    e.tail_to("_JIT_JUMP_TARGET", sp);
}

fn for_iter_range(e: &mut Emitter, _: u32) {
    let it = e.peek(0);
    let is_ptr = e.is_ptr(it);
    e.guard(is_ptr);
    let ty = e.b.ins().load(I64, mem(), it, crate::OBJ_TYPE_OFFSET);
    let want = e.hole("_JIT_RANGE_ITER_TYPE");
    let is_range = e.b.ins().icmp(IntCC::Equal, ty, want);
    e.guard(is_range);
    let len = e.b.ins().load(I64, mem(), it, crate::RANGE_ITER_LEN_OFFSET);
    let more = e.b.ins().icmp_imm_s(IntCC::SignedGreaterThan, len, 0);
    let popped = e.sp_after(-1);
    e.branch_if_not(more, |e| e.tail_to("_JIT_JUMP_TARGET", popped));
    let next =
        e.b.ins()
            .load(I64, mem(), it, crate::RANGE_ITER_NEXT_OFFSET);
    let fits = e.fits_small_int(next);
    e.guard(fits);
    let step =
        e.b.ins()
            .load(I64, mem(), it, crate::RANGE_ITER_STEP_OFFSET);
    let after = e.b.ins().iadd(next, step);
    e.b.ins()
        .store(mem(), after, it, crate::RANGE_ITER_NEXT_OFFSET);
    let left = e.b.ins().iadd_imm_s(len, -1);
    e.b.ins()
        .store(mem(), left, it, crate::RANGE_ITER_LEN_OFFSET);
    let boxed = e.box_int(next);
    e.poke(-1, boxed);
    let sp = e.sp_after(1);
    e.continue_with(sp);
}

fn return_value(e: &mut Emitter, _: u32) {
    let v = e.peek(0);
    e.b.ins()
        .store(mem(), v, e.ctx, crate::JIT_CTX_RETURN_VALUE_OFFSET);
    e.exit(crate::JIT_STATUS_RETURN);
}

fn pop_jump_if_none(e: &mut Emitter, jump_if_none: bool) {
    let v = e.peek(0);
    let none = e.hole("_JIT_NONE");
    let cc = if jump_if_none {
        IntCC::NotEqual
    } else {
        IntCC::Equal
    };
    let stay = e.b.ins().icmp(cc, v, none);
    let sp = e.sp_after(-1);
    e.branch_if_not(stay, |e| e.tail_to("_JIT_JUMP_TARGET", sp));
    e.continue_with(sp);
}

/// Address of stack item `OPARG` from the top (1 = the top): `sp - 8 * OPARG`.
fn item_addr(e: &mut Emitter) -> cranelift_codegen::ir::Value {
    let n = e.hole("_JIT_OPARG");
    let bytes = e.b.ins().ishl_imm_s(n, 3);
    e.b.ins().isub(e.sp, bytes)
}

fn copy(e: &mut Emitter, _: u32) {
    let addr = item_addr(e);
    let v = e.b.ins().load(I64, mem(), addr, 0);
    e.poke(-1, v);
    let sp = e.sp_after(1);
    e.continue_with(sp);
}

fn swap(e: &mut Emitter, _: u32) {
    let addr = item_addr(e);
    let v = e.b.ins().load(I64, mem(), addr, 0);
    let top = e.peek(0);
    e.b.ins().store(mem(), top, addr, 0);
    e.poke(0, v);
    let sp = e.sp;
    e.continue_with(sp);
}

fn is_op(e: &mut Emitter, variant: u32) {
    let (left, right) = (e.peek(1), e.peek(0));
    let cc = if variant == 0 {
        IntCC::Equal
    } else {
        IntCC::NotEqual
    };
    let r = e.b.ins().icmp(cc, left, right);
    let b = e.bool_value(r);
    e.poke(1, b);
    let sp = e.sp_after(-1);
    e.continue_with(sp);
}

/// `_FILL`'s variants: how many values (0..4), plus 4 times the mask of unboxed shadows.
const FILL_VARIANTS: &[&str] = &[
    "none",
    "1",
    "2",
    "3",
    "none",
    "1, shadow 1",
    "2, shadow 1",
    "3, shadow 1",
    "none",
    "1",
    "2, shadow 2",
    "3, shadow 2",
    "none",
    "1, shadow 1",
    "2, shadows 1 2",
    "3, shadows 1 2",
    "none",
    "1",
    "2",
    "3, shadow 3",
    "none",
    "1, shadow 1",
    "2, shadow 1",
    "3, shadows 1 3",
    "none",
    "1",
    "2, shadow 2",
    "3, shadows 2 3",
    "none",
    "1, shadow 1",
    "2, shadows 1 2",
    "3, shadows 1 2 3",
];
