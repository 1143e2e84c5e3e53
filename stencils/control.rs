//! Templates for control flow and the stencils the stitcher itself needs: the entry trampoline, the
//! deopt stub, the generic runtime-function call, branches, loops and return.

use cranelift_codegen::ir::{condcodes::IntCC, types::I32, types::I64, InstBuilder, Value};

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
