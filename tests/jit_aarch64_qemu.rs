//! Runs AArch64 stencils for real: stitches regions for AArch64, then executes them under qemu-user
//! with a small C harness (tests/jit_aarch64_harness.c) that maps the code at the address it was
//! stitched for. It needs Debian's `qemu-user` and `gcc-aarch64-linux-gnu`, which `tools/test`
//! (README's test command, what CI runs) installs where missing
//! (`apt-get install qemu-user gcc-aarch64-linux-gnu`); it fails (never skips) without them.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use cpjit::bytecode::code::CodeObject;
use cpjit::bytecode::opcode::Opcode::{self, *};
use cpjit::jit::abi::JIT_CTX_BACKEDGES_OFFSET;
use cpjit::jit::runtime::{GenericFn, JitContext, RuntimeSymbols};
use cpjit::jit::stencils::Arch;
use cpjit::jit::stitch;
use cpjit::vm::value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};

const CODE_BASE: u64 = 0x1000_0000;
const DATA_BASE: u64 = 0x2000_0000;
const TRUE: Value = Value(DATA_BASE);
const FALSE: Value = Value(DATA_BASE + 16);
const NONE: Value = Value(DATA_BASE + 32);
const RANGE_ITER_TYPE: u64 = DATA_BASE + 48;
const RANGE_ITER: Value = Value(DATA_BASE + 64);

fn int(i: i64) -> Value {
    Value::try_from_i64(i).unwrap()
}

fn no_generic(_: Opcode) -> Option<GenericFn> {
    None
}

fn harness() -> &'static PathBuf {
    static H: OnceLock<PathBuf> = OnceLock::new();
    H.get_or_init(|| {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("jit_aarch64_harness");
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/jit_aarch64_harness.c");
        let st = Command::new("aarch64-linux-gnu-gcc")
            .args(["-O1", "-static", "-o"])
            .arg(&out)
            .arg(src)
            .status()
            .expect("aarch64-linux-gnu-gcc not found: apt-get install gcc-aarch64-linux-gnu");
        assert!(st.success(), "compiling the harness failed");
        out
    })
}

#[derive(Debug, PartialEq)]
struct Outcome {
    status: i64,
    ret: Value,
    instr: u32,
    depth: u32,
    /// Locals, then (after a deopt) the live stack.
    slots: Vec<Value>,
}

#[derive(Default)]
struct Asm {
    code: Vec<u32>,
}

impl Asm {
    fn op(&mut self, op: Opcode, arg: u32) -> u32 {
        let at = self.code.len() as u32;
        self.code.push(CodeObject::encode(op, arg));
        self.code
            .extend(std::iter::repeat_n(0, op.info().cache as usize));
        at
    }
    fn patch(&mut self, at: u32, arg: u32) {
        let op = Opcode::from_u8(self.code[at as usize] as u8).unwrap();
        self.code[at as usize] = CodeObject::encode(op, arg);
    }
}

/// Stitches `asm` for AArch64 at CODE_BASE and runs it under qemu from instruction 0.
fn run(asm: &Asm, consts: &[Value], locals: &[Value], range: Option<(i64, i64, i64)>) -> Outcome {
    let syms = RuntimeSymbols {
        true_value: TRUE,
        false_value: FALSE,
        none_value: NONE,
        range_iter_type: RANGE_ITER_TYPE as *const u8,
        cell_type: std::ptr::null(),
        attr_site: &|_| std::ptr::null(),
        type_epoch: std::ptr::null(),
        type_type: std::ptr::null(),
        tuple_type: std::ptr::null(),
        dict_type: std::ptr::null(),
        module_type: std::ptr::null(),
        tuple_iter_type: std::ptr::null(),
        list_iter_type: std::ptr::null(),
        list_type: std::ptr::null(),
        function_type: std::ptr::null(),
        inline_calls: false,
        generic_fn: &no_generic,
        switch_fn: &|_| None,
        cache: std::ptr::null(),
        as_step: &|_| false,
        proven_bound: &|_| false,
        burn_cache: &|_| false,
        call_stubs: false,
    };
    let layout = stitch::layout(Arch::Aarch64, &asm.code, consts, &syms).unwrap();
    let mut code = vec![0u8; layout.size()];
    layout.emit(&asm.code, &syms, &mut code, CODE_BASE).unwrap();
    let mut data = vec![0u64; 13];
    if let Some((next, step, len)) = range {
        data[8..13].copy_from_slice(&[RANGE_ITER_TYPE, 0, next as u64, step as u64, len as u64]);
    }
    let mut input: Vec<u64> = vec![CODE_BASE, code.len() as u64];
    code.resize(code.len().div_ceil(8) * 8, 0);
    input.extend(
        code.chunks(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap())),
    );
    input.extend([DATA_BASE, data.len() as u64 * 8]);
    input.extend(&data);
    let target = layout.instr_offset(0).unwrap() as u64;
    input.extend([target, locals.len() as u64, 8, 0]);
    input.extend(locals.iter().map(|v| v.0));
    // The JitContext, zeroed but for the backward jumps compiled code may take before it exits
    // (the interpreter refills it from the step budget; here: no limit).
    let mut ctx = vec![0u64; std::mem::size_of::<JitContext>().div_ceil(8)];
    let at = JIT_CTX_BACKEDGES_OFFSET as usize;
    ctx[at / 8] |= (u32::MAX as u64) << (8 * (at % 8));
    input.push(ctx.len() as u64);
    input.extend(&ctx);
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "aarch64_input_{}_{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::write(
        &path,
        input
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    let out = Command::new("qemu-aarch64")
        .arg(harness())
        .arg(&path)
        .output()
        .expect("qemu-aarch64 not found: apt-get install qemu-user");
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "harness failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let f: Vec<&str> = text.split_whitespace().collect();
    let hex = |s: &str| u64::from_str_radix(s, 16).unwrap();
    assert_eq!(
        (f[0], f[2], f[4], f[6], f[8]),
        ("status", "ret", "instr", "depth", "slots"),
        "{text}"
    );
    Outcome {
        status: hex(f[1]) as i64,
        ret: Value(hex(f[3])),
        instr: hex(f[5]) as u32,
        depth: hex(f[7]) as u32,
        slots: f[9..].iter().map(|s| Value(hex(s))).collect(),
    }
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

fn binop_program(op: Opcode) -> (Asm, u32) {
    let mut a = Asm::default();
    a.op(LOAD_FAST, 0);
    a.op(LOAD_FAST, 1);
    let at = a.op(op, 0);
    a.op(STORE_FAST, 2);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    (a, at)
}

#[test]
fn aarch64_arithmetic_and_deopts() {
    let f = Value::from_f64;
    for (op, l, r, want) in [
        (BINARY_OP_ADD_INT, int(5), int(37), int(42)),
        (BINARY_OP_SUBTRACT_INT, int(5), int(37), int(-32)),
        (BINARY_OP_MULTIPLY_INT, int(-6), int(7), int(-42)),
        (BINARY_OP_ADD_FLOAT, f(1.5), f(2.25), f(3.75)),
        (BINARY_OP_SUBTRACT_FLOAT, f(1.0), f(0.1), f(1.0 - 0.1)),
        (BINARY_OP_MULTIPLY_FLOAT, f(-3.0), f(1e300), f(-3e300)),
    ] {
        let (a, _) = binop_program(op);
        let o = run(&a, &[], &[l, r, Value::NULL], None);
        assert_eq!((o.status, o.ret), (0, want), "{op:?} {l:?} {r:?}");
        assert_eq!(o.slots[2], want);
    }
    for (op, l, r) in [
        (BINARY_OP_ADD_INT, int(5), f(1.5)),
        (BINARY_OP_ADD_INT, int(SMALL_INT_MAX), int(1)),
        (BINARY_OP_MULTIPLY_INT, int(1 << 24), int(1 << 23)),
        (BINARY_OP_ADD_FLOAT, f(1.0), int(1)),
        // A NaN result takes the slow path, which here (no runtime functions) is an exit.
        (BINARY_OP_SUBTRACT_FLOAT, f(f64::INFINITY), f(f64::INFINITY)),
    ] {
        let (a, at) = binop_program(op);
        let o = run(&a, &[], &[l, r, Value::NULL], None);
        assert_eq!(
            o,
            Outcome {
                status: 1,
                ret: Value::NULL,
                instr: at,
                depth: 2,
                slots: vec![l, r, Value::NULL, l, r]
            },
            "{op:?}"
        );
    }
}

#[test]
fn aarch64_loops_compares_and_branches() {
    // while i < n: total = total + i * i; i = i + 1
    let mut a = Asm::default();
    let head = a.op(LOAD_FAST, 1);
    a.op(LOAD_FAST, 0);
    a.op(COMPARE_OP_INT, 0);
    let exit_jump = a.op(POP_JUMP_IF_FALSE, 0);
    a.op(LOAD_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(LOAD_FAST, 1);
    a.op(BINARY_OP_MULTIPLY_INT, 0);
    a.op(BINARY_OP_ADD_INT, 0);
    a.op(STORE_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(LOAD_CONST, 0);
    a.op(BINARY_OP_ADD_INT, 0);
    a.op(STORE_FAST, 1);
    a.op(JUMP_BACKWARD, head);
    let end = a.code.len() as u32;
    a.patch(exit_jump, end);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    for n in [0i64, 7, 1000] {
        let o = run(&a, &[int(1)], &[int(n), int(0), int(0)], None);
        assert_eq!(
            (o.status, o.ret),
            (0, int((0..n).map(|i| i * i).sum())),
            "{n} {o:?}"
        );
    }

    // for i in range(5, -20, -3): total = total + i   (iterator in local 0)
    let mut a = Asm::default();
    a.op(LOAD_FAST, 0);
    let fh = a.op(FOR_ITER_RANGE, 0);
    a.op(STORE_FAST, 1);
    a.op(LOAD_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(BINARY_OP_ADD_INT, 0);
    a.op(STORE_FAST, 2);
    a.op(JUMP_BACKWARD, fh);
    let end = a.code.len() as u32;
    a.patch(fh, end);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    let values: Vec<i64> = (-19..=5).rev().step_by(3).collect();
    let o = run(
        &a,
        &[],
        &[RANGE_ITER, Value::NULL, int(0)],
        Some((5, -3, values.len() as i64)),
    );
    assert_eq!((o.status, o.ret), (0, int(values.iter().sum())));
    let o = run(
        &a,
        &[],
        &[RANGE_ITER, Value::NULL, int(0)],
        Some((SMALL_INT_MAX + 1, 1, 3)),
    );
    assert_eq!((o.status, o.instr, o.depth), (1, fh, 1));
    assert_eq!(o.slots[3], RANGE_ITER);

    // Compare variants and both branch senses.
    for cmp in 0..6u32 {
        for (x, y) in [(1i64, 2i64), (2, 2), (3, 2)] {
            for (jop, fl) in [(POP_JUMP_IF_FALSE, false), (POP_JUMP_IF_TRUE, true)] {
                let mut a = Asm::default();
                a.op(LOAD_CONST, 0);
                a.op(LOAD_CONST, 1);
                a.op(COMPARE_OP_INT, cmp);
                let j = a.op(jop, 0);
                a.op(LOAD_CONST, 2);
                a.op(RETURN_VALUE, 0);
                let t = a.code.len() as u32;
                a.patch(j, t);
                a.op(LOAD_CONST, 3);
                a.op(RETURN_VALUE, 0);
                let consts = [int(x), int(y), int(100), int(200)];
                let o = run(&a, &consts, &[], None);
                let c = [x < y, x <= y, x == y, x != y, x > y, x >= y][cmp as usize];
                let jumped = o.ret == int(200);
                assert_eq!(jumped, c == fl, "{x} cmp{cmp} {y} {jop:?}");
            }
        }
    }
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    a.op(LOAD_CONST, 1);
    a.op(COMPARE_OP_FLOAT, 3);
    a.op(RETURN_VALUE, 0);
    let nan = Value::from_f64(f64::NAN);
    assert_eq!(run(&a, &[nan, nan], &[], None).ret, TRUE);
    assert_eq!(
        run(&a, &[Value::from_f64(1.0), Value::from_f64(1.0)], &[], None).ret,
        FALSE
    );
    let _ = NONE;
}

#[test]
fn aarch64_constant_divisors() {
    // `n % d` and `n // d` with d a constant: a multiply by ceil(2**64 / d) (`umulh`) instead of
    // a division, with Python's floor semantics for every sign.
    for (n, d) in [
        (100, 7),
        (-100, 7),
        (-1, 7),
        (-7, 7),
        (-8, 7),
        (SMALL_INT_MIN, 2),
        (SMALL_INT_MAX, 65535),
        (SMALL_INT_MIN, 65535),
        (123_456_789, 1000),
        (-123_456_789, 3),
    ] {
        for (oparg, want) in [(6, n.rem_euclid(d)), (2, n.div_euclid(d))] {
            let mut a = Asm::default();
            a.op(LOAD_FAST, 0);
            a.op(LOAD_CONST, 0);
            a.op(BINARY_OP_SMALL_INT, oparg);
            a.op(RETURN_VALUE, 0);
            let o = run(&a, &[int(d)], &[int(n)], None);
            assert_eq!((o.status, o.ret), (0, int(want)), "{n} op {oparg} {d}");
        }
    }
}

#[test]
fn aarch64_unboxed_float_shadows() {
    // (a * b) + c and (a * b) * (c - a): the products and the difference reach the next float
    // operation unboxed in their f64 shadow registers (`left unboxed`, `both unboxed`).
    let f = Value::from_f64;
    let (x, y, z) = (1.5, 2.0, 0.25);
    let mut a = Asm::default();
    a.op(LOAD_FAST, 0);
    a.op(LOAD_FAST, 1);
    a.op(BINARY_OP_MULTIPLY_FLOAT, 5);
    a.op(LOAD_FAST, 2);
    a.op(BINARY_OP_ADD_FLOAT, 0);
    a.op(RETURN_VALUE, 0);
    let o = run(&a, &[], &[f(x), f(y), f(z)], None);
    assert_eq!((o.status, o.ret), (0, f(x * y + z)));
    let mut b = Asm::default();
    b.op(LOAD_FAST, 0);
    b.op(LOAD_FAST, 1);
    b.op(BINARY_OP_MULTIPLY_FLOAT, 5);
    b.op(LOAD_FAST, 2);
    b.op(LOAD_FAST, 0);
    b.op(BINARY_OP_SUBTRACT_FLOAT, 10);
    b.op(BINARY_OP_MULTIPLY_FLOAT, 5);
    b.op(RETURN_VALUE, 0);
    let o = run(&b, &[], &[f(x), f(y), f(z)], None);
    assert_eq!((o.status, o.ret), (0, f((x * y) * (z - x))));
}
