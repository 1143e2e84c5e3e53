//! Templates for locals, constants and the int/float arithmetic and comparison specializations.

use cranelift_codegen::ir::{
    condcodes::{FloatCC, IntCC},
    types::{F64, I64},
    InstBuilder, MemFlagsData, Value,
};

use super::{mem, Emitter, Template};

const CMP_VARIANTS: &[&str] = &["<", "<=", "==", "!=", ">", ">="];

pub fn templates() -> Vec<Template> {
    let t = Template::plain;
    let mut v = vec![
        t(
            "LOAD_FAST",
            "(-- value) push local OPARG; deopt if it is unbound (the interpreter raises)",
            load_fast,
        ),
        t("STORE_FAST", "(value --) pop into local OPARG", store_fast),
        t(
            "LOAD_CONST",
            "(-- value) push OPERAND (the constant's Value)",
            load_const,
        ),
    ];
    for (name, op) in [
        ("BINARY_OP_ADD_INT", IntOp::Add),
        ("BINARY_OP_SUBTRACT_INT", IntOp::Sub),
        ("BINARY_OP_MULTIPLY_INT", IntOp::Mul),
    ] {
        let build: fn(&mut Emitter, u32) = match op {
            IntOp::Add => |e, _| int_binop(e, IntOp::Add),
            IntOp::Sub => |e, _| int_binop(e, IntOp::Sub),
            IntOp::Mul => |e, _| int_binop(e, IntOp::Mul),
        };
        v.push(t(
            name,
            "(left right -- result) small ints; deopt unless both are small ints and the result fits in 48 bits",
            build,
        ));
    }
    for (name, build) in [
        (
            "BINARY_OP_ADD_FLOAT",
            (|e, _| float_binop(e, 0)) as fn(&mut Emitter, u32),
        ),
        ("BINARY_OP_SUBTRACT_FLOAT", |e, _| float_binop(e, 1)),
        ("BINARY_OP_MULTIPLY_FLOAT", |e, _| float_binop(e, 2)),
    ] {
        v.push(t(
            name,
            "(left right -- result) floats; deopt unless both are floats",
            build,
        ));
    }
    v.push(Template {
        name: "COMPARE_OP_INT",
        doc: "(left right -- bool) small ints, one variant per operator (the oparg); deopt unless both are small ints",
        variants: CMP_VARIANTS,
        entry: false,
        build: compare_int,
    });
    v.push(Template {
        name: "COMPARE_OP_FLOAT",
        doc: "(left right -- bool) floats, one variant per operator (the oparg); deopt unless both are floats",
        variants: CMP_VARIANTS,
        entry: false,
        build: compare_float,
    });
    v
}

/// Address of local `OPARG`: `frame + FRAME_LOCALSPLUS_OFFSET + 8 * OPARG`.
pub fn local_addr(e: &mut Emitter) -> Value {
    let oparg = e.hole("_JIT_OPARG");
    let scaled = e.b.ins().ishl_imm_s(oparg, 3);
    e.b.ins().iadd(e.frame, scaled)
}

fn load_fast(e: &mut Emitter, _: u32) {
    let addr = local_addr(e);
    let v =
        e.b.ins()
            .load(I64, mem(), addr, crate::FRAME_LOCALSPLUS_OFFSET);
    let bound = e.b.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
    e.guard(bound);
    e.poke(-1, v);
    let sp = e.sp_after(1);
    e.continue_with(sp);
}

fn store_fast(e: &mut Emitter, _: u32) {
    let v = e.peek(0);
    let addr = local_addr(e);
    e.b.ins()
        .store(mem(), v, addr, crate::FRAME_LOCALSPLUS_OFFSET);
    let sp = e.sp_after(-1);
    e.continue_with(sp);
}

fn load_const(e: &mut Emitter, _: u32) {
    let v = e.hole("_JIT_OPERAND");
    e.poke(-1, v);
    let sp = e.sp_after(1);
    e.continue_with(sp);
}

#[derive(Clone, Copy)]
enum IntOp {
    Add,
    Sub,
    Mul,
}

/// Small-int arithmetic on payloads shifted to the top 48 bits, so that the machine's 64-bit
/// overflow flag is exactly "the result does not fit in a small int".
fn int_binop(e: &mut Emitter, op: IntOp) {
    let left = e.peek(1);
    let right = e.peek(0);
    let ok = e.both_ints(left, right);
    e.guard(ok);
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
    e.poke(1, boxed);
    let sp = e.sp_after(-1);
    e.continue_with(sp);
}

fn unbox_float(e: &mut Emitter, v: Value) -> Value {
    let bits = e.b.ins().iadd_imm_s(v, -(crate::ABI_FLOAT_OFFSET as i64));
    e.b.ins().bitcast(F64, MemFlagsData::new(), bits)
}

/// Boxes a float, canonicalizing NaNs (as `Value::from_f64` does). The operands were canonical, so a
/// NaN result is either one of them or the machine's default NaN, which differs from the canonical
/// one at most in its sign (x86-64: 0xFFF8..., AArch64: 0x7FF8...): clearing the sign canonicalizes
/// it, with a rotate and a shift instead of a 64-bit constant.
fn box_float(e: &mut Emitter, f: Value) -> Value {
    let bits = e.b.ins().bitcast(I64, MemFlagsData::new(), f);
    let nan = e.b.ins().fcmp(FloatCC::Unordered, f, f);
    // (A shift pair would be folded back into `band` with a pooled 64-bit mask.)
    let up = e.b.ins().rotl_imm_s(bits, 1);
    let unsigned = e.b.ins().ushr_imm_s(up, 1);
    let bits = e.b.ins().select(nan, unsigned, bits);
    e.b.ins().iadd_imm_s(bits, crate::ABI_FLOAT_OFFSET as i64)
}

/// Loads the two float operands, deopting unless both are floats.
fn float_operands(e: &mut Emitter) -> (Value, Value) {
    let left = e.peek(1);
    let right = e.peek(0);
    let lf = e.is_float(left);
    let rf = e.is_float(right);
    let ok = e.b.ins().band(lf, rf);
    e.guard(ok);
    (unbox_float(e, left), unbox_float(e, right))
}

fn float_binop(e: &mut Emitter, op: u32) {
    let (l, r) = float_operands(e);
    let res = match op {
        0 => e.b.ins().fadd(l, r),
        1 => e.b.ins().fsub(l, r),
        _ => e.b.ins().fmul(l, r),
    };
    let boxed = box_float(e, res);
    e.poke(1, boxed);
    let sp = e.sp_after(-1);
    e.continue_with(sp);
}

fn compare_int(e: &mut Emitter, variant: u32) {
    let left = e.peek(1);
    let right = e.peek(0);
    let ok = e.both_ints(left, right);
    e.guard(ok);
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
    let c = e.b.ins().icmp(cc, l, r);
    let res = e.bool_value(c);
    e.poke(1, res);
    let sp = e.sp_after(-1);
    e.continue_with(sp);
}

fn compare_float(e: &mut Emitter, variant: u32) {
    let (l, r) = float_operands(e);
    // Ordered comparisons are false on NaN; `!=` (unordered or not equal) is true, as in Python.
    let cc = match variant {
        crate::CMP_LT => FloatCC::LessThan,
        crate::CMP_LE => FloatCC::LessThanOrEqual,
        crate::CMP_EQ => FloatCC::Equal,
        crate::CMP_NE => FloatCC::NotEqual,
        crate::CMP_GT => FloatCC::GreaterThan,
        _ => FloatCC::GreaterThanOrEqual,
    };
    let c = e.b.ins().fcmp(cc, l, r);
    let res = e.bool_value(c);
    e.poke(1, res);
    let sp = e.sp_after(-1);
    e.continue_with(sp);
}
