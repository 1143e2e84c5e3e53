//! Templates for locals, constants and the int/float arithmetic and comparison specializations.

use cranelift_codegen::ir::{
    condcodes::{FloatCC, IntCC},
    types::{F64, I64},
    InstBuilder, MemFlagsData, Value,
};

use super::{mem, Emitter, Template};

/// A binary operation's variants: only the proofs.
const PROOF_VARIANTS: &[&str] = &["guarded", "left proven", "right proven", "both proven"];

/// Float arithmetic's variants: the proofs, then again with the left, the right or both operands
/// taken unboxed from their shadows (`stencil_signature_cached`; variant = proof + 4 * unboxed,
/// unboxed bit 0 left, bit 1 right), which the stitcher picks where the operand is a cached
/// result of float arithmetic.
const FLOAT_VARIANTS: &[&str] = &[
    "guarded",
    "left proven",
    "right proven",
    "both proven",
    "left unboxed",
    "left unboxed, left proven",
    "left unboxed, right proven",
    "left unboxed, both proven",
    "right unboxed",
    "right unboxed, left proven",
    "right unboxed, right proven",
    "right unboxed, both proven",
    "both unboxed",
    "both unboxed, left proven",
    "both unboxed, right proven",
    "both unboxed, both proven",
];

/// Comparisons: one per operator (the oparg), times the proofs.
const CMP_VARIANTS: &[&str] = with_proofs!("<", "<=", "==", "!=", ">", ">=");

/// The fused compare-and-jump forms: the comparison (oparg) then the sense of the POP_JUMP_IF that
/// follows it (base variant = oparg + 6 for POP_JUMP_IF_TRUE), times the proofs.
const CMP_JUMP_VARIANTS: &[&str] = with_proofs!(
    "< if false",
    "<= if false",
    "== if false",
    "!= if false",
    "> if false",
    ">= if false",
    "< if true",
    "<= if true",
    "== if true",
    "!= if true",
    "> if true",
    ">= if true",
);

pub fn templates() -> Vec<Template> {
    let t = Template::plain;
    let mut v = vec![
        Template::variants(
            "LOAD_FAST",
            "(-- value) push local OPARG; deopt if it is unbound (the interpreter raises); \
             locals 0..16 have a variant each addressing the slot with a displacement, the rest \
             read OPARG; the `bound` variants (17 on, chosen by the stitcher where every path \
             binds the local: jit::bound) have no check",
            LOAD_FAST_VARIANTS,
            load_fast,
        )
        .cached(),
        Template::variants(
            "STORE_FAST",
            "(value --) pop into local OPARG (variants as LOAD_FAST)",
            LOCAL_VARIANTS,
            store_fast,
        )
        .cached(),
        Template::variants(
            "_GUARD_LOCAL",
            "(--) a loop header's entry check (jit::types): deopt at TARGET unless local OPARG \
             (variants as STORE_FAST) is a small int (the first 17 variants) or a float (the \
             rest), which the header's compiled code assumes",
            GUARD_LOCAL_VARIANTS,
            guard_local,
        ),
        t(
            "LOAD_CONST",
            "(-- value) push OPERAND (the constant's Value)",
            load_const,
        )
        .cached(),
    ];
    for (name, op) in [
        ("BINARY_OP_ADD_INT", IntOp::Add),
        ("BINARY_OP_SUBTRACT_INT", IntOp::Sub),
        ("BINARY_OP_MULTIPLY_INT", IntOp::Mul),
    ] {
        let build: fn(&mut Emitter, u32) = match op {
            IntOp::Add => |e, v| int_binop(e, IntOp::Add, v),
            IntOp::Sub => |e, v| int_binop(e, IntOp::Sub, v),
            IntOp::Mul => |e, v| int_binop(e, IntOp::Mul, v),
        };
        v.push(
            Template::variants(
                name,
                "(left right -- result) small ints; deopt unless both are small ints (an operand \
             proven earlier is not checked: the variants) and the result fits in 48 bits",
                PROOF_VARIANTS,
                build,
            )
            .cached(),
        );
    }
    for (name, build) in [
        (
            "BINARY_OP_ADD_FLOAT",
            (|e, v| float_binop(e, 0, v)) as fn(&mut Emitter, u32),
        ),
        ("BINARY_OP_SUBTRACT_FLOAT", |e, v| float_binop(e, 1, v)),
        ("BINARY_OP_MULTIPLY_FLOAT", |e, v| float_binop(e, 2, v)),
    ] {
        v.push(
            Template::variants(
                name,
                "(left right -- result) floats; deopt unless both are floats (an operand proven \
                 earlier is not checked, an unboxed operand is read from its shadow: the \
                 variants); the result's shadow is the unboxed result",
                FLOAT_VARIANTS,
                build,
            )
            .cached(),
        );
    }
    let variants = Template::variants;
    v.extend([
        variants(
            "COMPARE_OP_INT",
            "(left right -- bool) small ints, one variant per operator (the oparg) and operand proof; deopt unless both are small ints",
            CMP_VARIANTS,
            compare_int,
        )
        .cached(),
        variants(
            "COMPARE_OP_INT_JUMP",
            "(left right --) small ints, compared and jumped on in one: jump to JUMP_TARGET (the fused POP_JUMP_IF's) when the comparison (variant % 6) is false (variant % 12 in 0..6) or true (6..12), else continue after the POP_JUMP_IF; deopt unless both are small ints (variant / 12: the operands proven earlier, not checked)",
            CMP_JUMP_VARIANTS,
            |e, v| {
                let c = int_condition(e, v % 6, v / 12);
                jump_on(e, c, v % 12 >= 6);
            },
        )
        .cached(),
        variants(
            "COMPARE_OP_FLOAT_JUMP",
            "(left right --) floats, compared and jumped on in one (variants as COMPARE_OP_INT_JUMP); deopt unless both are floats",
            CMP_JUMP_VARIANTS,
            |e, v| {
                let c = float_condition(e, v % 6, v / 12);
                jump_on(e, c, v % 12 >= 6);
            },
        )
        .cached(),
        variants(
            "COMPARE_OP_FLOAT",
            "(left right -- bool) floats, one variant per operator (the oparg) and operand proof; deopt unless both are floats",
            CMP_VARIANTS,
            compare_float,
        )
        .cached(),
    ]);
    v
}

/// LOAD_FAST/STORE_FAST variants: one per local below 16 (its slot's offset is a displacement of
/// the load or store, where the `_JIT_OPARG` hole would cost a 64-bit immediate and an index
/// register), then the variant for any local (`jit::stencils::ANY_OPARG`).
const LOCAL_VARIANTS: &[&str] = &[
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "any",
];

/// LOAD_FAST's variants: LOCAL_VARIANTS with the unbound check, then again without it (for
/// locals proven bound). The stitcher picks them (`stitch::variant_of`), not the oparg alone.
const LOAD_FAST_VARIANTS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "10",
    "11",
    "12",
    "13",
    "14",
    "15",
    "any",
    "0 bound",
    "1 bound",
    "2 bound",
    "3 bound",
    "4 bound",
    "5 bound",
    "6 bound",
    "7 bound",
    "8 bound",
    "9 bound",
    "10 bound",
    "11 bound",
    "12 bound",
    "13 bound",
    "14 bound",
    "15 bound",
    "any bound",
];

/// `_GUARD_LOCAL`'s variants: LOCAL_VARIANTS checking for a small int, then again for a float.
const GUARD_LOCAL_VARIANTS: &[&str] = &[
    "0 int",
    "1 int",
    "2 int",
    "3 int",
    "4 int",
    "5 int",
    "6 int",
    "7 int",
    "8 int",
    "9 int",
    "10 int",
    "11 int",
    "12 int",
    "13 int",
    "14 int",
    "15 int",
    "any int",
    "0 float",
    "1 float",
    "2 float",
    "3 float",
    "4 float",
    "5 float",
    "6 float",
    "7 float",
    "8 float",
    "9 float",
    "10 float",
    "11 float",
    "12 float",
    "13 float",
    "14 float",
    "15 float",
    "any float",
];

fn guard_local(e: &mut Emitter, variant: u32) {
    let locals = LOCAL_VARIANTS.len() as u32;
    let (addr, disp) = local_slot(e, variant % locals);
    let v = e.b.ins().load(I64, mem(), addr, disp);
    let ok = if variant < locals {
        e.is_int(v)
    } else {
        e.is_float(v)
    };
    e.guard(ok);
    let sp = e.sp;
    e.continue_with(sp);
}

/// Address and displacement of local `OPARG` for a LOCAL_VARIANTS variant:
/// `frame + FRAME_LOCALSPLUS_OFFSET + 8 * OPARG`.
fn local_slot(e: &mut Emitter, variant: u32) -> (Value, i32) {
    if (variant as usize) < LOCAL_VARIANTS.len() - 1 {
        (e.frame, crate::FRAME_LOCALSPLUS_OFFSET + 8 * variant as i32)
    } else {
        (local_addr(e), crate::FRAME_LOCALSPLUS_OFFSET)
    }
}

/// Address of local `OPARG`: `frame + 8 * OPARG` (add `FRAME_LOCALSPLUS_OFFSET`).
pub fn local_addr(e: &mut Emitter) -> Value {
    let oparg = e.hole("_JIT_OPARG");
    let scaled = e.b.ins().ishl_imm_s(oparg, 3);
    e.b.ins().iadd(e.frame, scaled)
}

fn load_fast(e: &mut Emitter, variant: u32) {
    let locals = LOCAL_VARIANTS.len() as u32;
    let (addr, disp) = local_slot(e, variant % locals);
    let v = e.b.ins().load(I64, mem(), addr, disp);
    if variant < locals {
        let bound = e.b.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
        e.guard(bound);
    }
    e.finish(0, &[v]);
}

fn store_fast(e: &mut Emitter, variant: u32) {
    let v = e.peek(0);
    let (addr, disp) = local_slot(e, variant);
    e.b.ins().store(mem(), v, addr, disp);
    e.finish(1, &[]);
}

fn load_const(e: &mut Emitter, _: u32) {
    let v = e.hole("_JIT_OPERAND");
    e.finish(0, &[v]);
}

#[derive(Clone, Copy)]
enum IntOp {
    Add,
    Sub,
    Mul,
}

/// Small-int arithmetic on payloads shifted to the top 48 bits, so that the machine's 64-bit
/// overflow flag is exactly "the result does not fit in a small int".
fn int_binop(e: &mut Emitter, op: IntOp, proof: u32) {
    let left = e.peek(1);
    let right = e.peek(0);
    guard_ints(e, left, right, proof);
    let l = e.b.ins().ishl_imm_s(left, 16);
    let r16 = e.b.ins().ishl_imm_s(right, 16);
    let (res, overflow) = match op {
        IntOp::Add => e.b.ins().sadd_overflow(l, r16),
        IntOp::Sub => e.b.ins().ssub_overflow(l, r16),
        IntOp::Mul => {
            let r = e.b.ins().sshr_imm_s(r16, 16);
            e.b.ins().smul_overflow(l, r)
        }
    };
    let fits = e.b.ins().icmp_imm_s(IntCC::Equal, overflow, 0);
    e.guard(fits);
    let boxed = e.box_shifted_int(res);
    e.finish(2, &[boxed]);
}

pub(super) fn unbox_float(e: &mut Emitter, v: Value) -> Value {
    let bits = e.b.ins().iadd_imm_s(v, -(crate::ABI_FLOAT_OFFSET as i64));
    e.b.ins().bitcast(F64, MemFlagsData::new(), bits)
}

/// Boxes a float, canonicalizing NaNs (as `Value::from_f64` does). The operands were canonical, so a
/// NaN result is either one of them or the machine's default NaN, which differs from the canonical
/// one at most in its sign (x86-64: 0xFFF8..., AArch64: 0x7FF8...): clearing the sign canonicalizes
/// it, with a rotate and a shift instead of a 64-bit constant.
pub(super) fn box_float(e: &mut Emitter, f: Value) -> Value {
    let bits = e.b.ins().bitcast(I64, MemFlagsData::new(), f);
    let nan = e.b.ins().fcmp(FloatCC::Unordered, f, f);
    // (A shift pair would be folded back into `band` with a pooled 64-bit mask.)
    let up = e.b.ins().rotl_imm_s(bits, 1);
    let unsigned = e.b.ins().ushr_imm_s(up, 1);
    let bits = e.b.ins().select(nan, unsigned, bits);
    e.b.ins().iadd_imm_s(bits, crate::ABI_FLOAT_OFFSET as i64)
}

/// Deopts unless `left` and `right` are small ints, checking only the operands `proof` (a
/// PROOF_VARIANTS index: 1 left, 2 right, 3 both) does not say an earlier guard established.
fn guard_ints(e: &mut Emitter, left: Value, right: Value, proof: u32) {
    let ok = match proof {
        0 => e.both_ints(left, right),
        1 => e.is_int(right),
        2 => e.is_int(left),
        _ => return,
    };
    e.guard(ok);
}

/// Loads the two float operands, deopting unless both are floats (those `proof` does not cover).
fn float_operands(e: &mut Emitter, proof: u32) -> (Value, Value) {
    float_operands_unboxed(e, proof, 0)
}

/// `float_operands` taking the operands `unboxed` names (bit 0 left, bit 1 right) from their
/// shadows where they are cached: a float arithmetic result, no check and no unboxing.
fn float_operands_unboxed(e: &mut Emitter, proof: u32, unboxed: u32) -> (Value, Value) {
    let left = e.peek(1);
    let right = e.peek(0);
    let lx = if unboxed & 1 != 0 {
        e.peek_shadow(1)
    } else {
        None
    };
    let rx = if unboxed & 2 != 0 {
        e.peek_shadow(0)
    } else {
        None
    };
    let check_left = proof & 1 == 0 && lx.is_none();
    let check_right = proof & 2 == 0 && rx.is_none();
    let ok = match (check_left, check_right) {
        (true, true) => {
            let lf = e.is_float(left);
            let rf = e.is_float(right);
            Some(e.b.ins().band(lf, rf))
        }
        (true, false) => Some(e.is_float(left)),
        (false, true) => Some(e.is_float(right)),
        (false, false) => None,
    };
    if let Some(ok) = ok {
        e.guard(ok);
    }
    let l = match lx {
        Some(x) => x,
        None => unbox_float(e, left),
    };
    let r = match rx {
        Some(x) => x,
        None => unbox_float(e, right),
    };
    (l, r)
}

fn float_binop(e: &mut Emitter, op: u32, variant: u32) {
    let (l, r) = float_operands_unboxed(e, variant % 4, variant / 4);
    let res = match op {
        0 => e.b.ins().fadd(l, r),
        1 => e.b.ins().fsub(l, r),
        _ => e.b.ins().fmul(l, r),
    };
    // A NaN result (rare) takes the slow path (the runtime function redoes the operation and
    // boxes a canonical NaN), so the fast path boxes with one add and nothing on its dependency
    // chain but the result.
    let ordered = e.b.ins().fcmp(FloatCC::Ordered, res, res);
    e.slow_unless(ordered);
    let bits = e.b.ins().bitcast(I64, MemFlagsData::new(), res);
    let boxed = e.b.ins().iadd_imm_s(bits, crate::ABI_FLOAT_OFFSET as i64);
    e.finish_float(2, boxed, res);
}

fn compare_int(e: &mut Emitter, variant: u32) {
    let c = int_condition(e, variant % 6, variant / 6);
    let res = e.bool_value(c);
    e.finish(2, &[res]);
}

/// Pops the two operands: to JUMP_TARGET when `c` equals `jump_if`, else on to the next piece.
fn jump_on(e: &mut Emitter, c: Value, jump_if: bool) {
    let stay = if jump_if {
        e.b.ins().icmp_imm_s(IntCC::Equal, c, 0)
    } else {
        e.b.ins().icmp_imm_s(IntCC::NotEqual, c, 0)
    };
    e.branch_if_not(stay, |e| e.jump_popping("_JIT_JUMP_TARGET", 2));
    e.finish(2, &[]);
}

/// The comparison `variant` of the two small ints on top of the stack (deopt unless both are,
/// `proof` as in `guard_ints`).
fn int_condition(e: &mut Emitter, variant: u32, proof: u32) -> Value {
    let left = e.peek(1);
    let right = e.peek(0);
    guard_ints(e, left, right, proof);
    // Both tags are equal, so comparing the payloads shifted to the top compares the ints.
    let cc = match variant {
        crate::CMP_LT => IntCC::SignedLessThan,
        crate::CMP_LE => IntCC::SignedLessThanOrEqual,
        crate::CMP_EQ => IntCC::Equal,
        crate::CMP_NE => IntCC::NotEqual,
        crate::CMP_GT => IntCC::SignedGreaterThan,
        _ => IntCC::SignedGreaterThanOrEqual,
    };
    let l = e.b.ins().ishl_imm_s(left, 16);
    let r = e.b.ins().ishl_imm_s(right, 16);
    e.b.ins().icmp(cc, l, r)
}

fn compare_float(e: &mut Emitter, variant: u32) {
    let c = float_condition(e, variant % 6, variant / 6);
    let res = e.bool_value(c);
    e.finish(2, &[res]);
}

/// The comparison `variant` of the two floats on top of the stack (deopt unless both are,
/// `proof` as in `guard_ints`).
fn float_condition(e: &mut Emitter, variant: u32, proof: u32) -> Value {
    let (l, r) = float_operands(e, proof);
    // Ordered comparisons are false on NaN; `!=` (unordered or not equal) is true, as in Python.
    let cc = match variant {
        crate::CMP_LT => FloatCC::LessThan,
        crate::CMP_LE => FloatCC::LessThanOrEqual,
        crate::CMP_EQ => FloatCC::Equal,
        crate::CMP_NE => FloatCC::NotEqual,
        crate::CMP_GT => FloatCC::GreaterThan,
        _ => FloatCC::GreaterThanOrEqual,
    };
    e.b.ins().fcmp(cc, l, r)
}
