//! Stitches stencil sequences on the host, runs them on real frames, and checks results, deopts
//! (instruction index and frame state as the interpreter would resume) and exits.

use cpjit::bytecode::code::CodeObject;
use cpjit::bytecode::opcode::Opcode::{self, *};
use cpjit::jit::runtime::{GenericFn, JitContext, JitExit, RangeIterLayout, RuntimeSymbols};
use cpjit::jit::stitch::Region;
use cpjit::vm::frame::Frame;
use cpjit::vm::value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};

/// Stand-ins for the VM's static singletons and range iterator type: any 8-aligned addresses work.
static TRUE_OBJ: [u64; 2] = [0; 2];
static FALSE_OBJ: [u64; 2] = [0; 2];
static NONE_OBJ: [u64; 2] = [0; 2];
static RANGE_ITER_TYPE: [u64; 4] = [0; 4];

fn t() -> Value {
    Value::from_ptr(TRUE_OBJ.as_ptr())
}
fn f() -> Value {
    Value::from_ptr(FALSE_OBJ.as_ptr())
}
fn none() -> Value {
    Value::from_ptr(NONE_OBJ.as_ptr())
}
fn int(i: i64) -> Value {
    Value::try_from_i64(i).unwrap()
}

/// Runtime functions for the generic opcodes the tests use.
unsafe extern "C" fn rt_nop(
    _frame: *mut Frame,
    sp: *mut Value,
    _ctx: *mut JitContext,
    _oparg: u64,
    _index: u64,
) -> *mut Value {
    sp
}

unsafe extern "C" fn rt_pop_top(
    _frame: *mut Frame,
    sp: *mut Value,
    _ctx: *mut JitContext,
    _oparg: u64,
    _index: u64,
) -> *mut Value {
    // SAFETY: POP_TOP runs with at least one value on the stack (the test programs guarantee it).
    unsafe { sp.sub(1) }
}

unsafe extern "C" fn rt_jump_forward(
    _frame: *mut Frame,
    sp: *mut Value,
    ctx: *mut JitContext,
    _oparg: u64,
    _index: u64,
) -> *mut Value {
    // SAFETY: `ctx` is the live context the region was entered with.
    unsafe { (*ctx).branch = 1 };
    sp
}

/// A BINARY_OP that always "raises": records where, as a runtime function must.
unsafe extern "C" fn rt_raise(
    frame: *mut Frame,
    sp: *mut Value,
    _ctx: *mut JitContext,
    _oparg: u64,
    index: u64,
) -> *mut Value {
    // SAFETY: `frame` is the live frame the region was entered with; `sp` points into its stack.
    unsafe {
        let base = (*frame)
            .localsplus
            .as_mut_ptr()
            .add((*frame).nlocalsplus as usize);
        (*frame).stack_depth = sp.offset_from(base) as u32;
        (*frame).instr_index = index as u32;
    }
    std::ptr::null_mut()
}

fn generic_fns(op: Opcode) -> Option<GenericFn> {
    match op {
        NOP => Some(rt_nop as GenericFn),
        POP_TOP => Some(rt_pop_top as GenericFn),
        JUMP_FORWARD => Some(rt_jump_forward as GenericFn),
        BINARY_OP => Some(rt_raise as GenericFn),
        _ => None,
    }
}

fn syms() -> RuntimeSymbols<'static> {
    RuntimeSymbols {
        true_value: t(),
        false_value: f(),
        none_value: none(),
        range_iter_type: RANGE_ITER_TYPE.as_ptr() as *const u8,
        cell_type: std::ptr::null(),
        generic_fn: &generic_fns,
        switch_fn: &|_| None,
        cache: std::ptr::null(),
        as_step: &|_| false,
        proven_bound: &|_| false,
    }
}

/// Assembles instructions, appending each one's inline cache units.
#[derive(Default)]
struct Asm {
    code: Vec<u32>,
}

impl Asm {
    /// Appends an instruction; returns its index.
    fn op(&mut self, op: Opcode, arg: u32) -> u32 {
        let at = self.code.len() as u32;
        self.code.push(CodeObject::encode(op, arg));
        for _ in 0..op.info().cache {
            self.code.push(0);
        }
        at
    }
    fn here(&self) -> u32 {
        self.code.len() as u32
    }
    /// Sets the oparg of the instruction at `at` (a forward jump's target).
    fn patch(&mut self, at: u32, arg: u32) {
        let op = Opcode::from_u8(self.code[at as usize] as u8).unwrap();
        self.code[at as usize] = CodeObject::encode(op, arg);
    }
}

/// A frame with room for `nlocals` locals and `stack` stack slots, in plain owned words.
struct TestFrame {
    words: Vec<u64>,
}

const HEADER_WORDS: usize = 8;

impl TestFrame {
    fn new(locals: &[Value], stack: usize) -> TestFrame {
        assert_eq!(std::mem::size_of::<Frame>(), HEADER_WORDS * 8);
        let mut words = vec![0u64; HEADER_WORDS + locals.len() + stack];
        words[6] = locals.len() as u64; // nlocalsplus: u32 at byte 48
        for (i, v) in locals.iter().enumerate() {
            words[HEADER_WORDS + i] = v.0;
        }
        TestFrame { words }
    }
    fn ptr(&mut self) -> *mut Frame {
        self.words.as_mut_ptr() as *mut Frame
    }
    fn instr_index(&self) -> u32 {
        self.words[5] as u32 // u32 at byte 40
    }
    fn stack_depth(&self) -> u32 {
        (self.words[5] >> 32) as u32 // u32 at byte 44
    }
    fn nlocals(&self) -> usize {
        self.words[6] as u32 as usize
    }
    fn local(&self, i: usize) -> Value {
        Value(self.words[HEADER_WORDS + i])
    }
    /// The live stack, per `stack_depth`.
    fn stack(&self) -> Vec<Value> {
        let base = HEADER_WORDS + self.nlocals();
        self.words[base..base + self.stack_depth() as usize]
            .iter()
            .map(|&w| Value(w))
            .collect()
    }
}

/// Compiles `asm`, runs it from instruction 0 on a frame holding `locals`.
fn run(asm: &Asm, consts: &[Value], locals: &[Value]) -> (JitExit, Value, TestFrame) {
    let region = Region::compile(&asm.code, consts, &syms()).expect("stitch");
    let mut frame = TestFrame::new(locals, 8);
    let mut ctx = JitContext::new();
    // SAFETY: the frame has room for its locals and 8 stack slots (more than any test program
    // needs), its header is zeroed with nlocalsplus set, and every object the code dereferences
    // (range iterators) outlives the call.
    let exit = unsafe { region.run(frame.ptr(), &mut ctx, 0) }.expect("run");
    (exit, ctx.return_value, frame)
}

/// LOAD_FAST 0, LOAD_FAST 1, <binop>, STORE_FAST 2, LOAD_FAST 2, RETURN_VALUE.
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
fn add_int_sequence_returns_sum() {
    let (a, _) = binop_program(BINARY_OP_ADD_INT);
    let region = Region::compile(&a.code, &[], &syms()).unwrap();
    let stats = region.stats();
    // Every instruction but RETURN_VALUE ends with a continue jump the stitcher drops, and so
    // does the `_SPILL` in front of RETURN_VALUE (LOAD_FAST leaves its value in a register).
    assert_eq!(stats.instructions, 6);
    assert_eq!(stats.dropped_jumps, 6, "{stats:?}");
    assert_eq!(stats.exits, 0);
    let (exit, ret, frame) = run(&a, &[], &[int(5), int(37), Value::NULL]);
    assert_eq!(exit, JitExit::Return);
    assert_eq!(ret, int(42));
    assert_eq!(frame.local(2), int(42));
    let (_, ret, _) = run(&a, &[], &[int(-7), int(SMALL_INT_MIN + 7), Value::NULL]);
    assert_eq!(ret, int(SMALL_INT_MIN));
}

#[test]
fn int_and_float_arithmetic() {
    let cases: &[(Opcode, Value, Value, Value)] = &[
        (BINARY_OP_SUBTRACT_INT, int(5), int(37), int(-32)),
        (BINARY_OP_MULTIPLY_INT, int(-6), int(7), int(-42)),
        (
            BINARY_OP_MULTIPLY_INT,
            int(1 << 23),
            int(1 << 23),
            int(1 << 46),
        ),
        (
            BINARY_OP_MULTIPLY_INT,
            int(-(1 << 23)),
            int(1 << 24),
            int(SMALL_INT_MIN),
        ),
        (
            BINARY_OP_ADD_FLOAT,
            Value::from_f64(1.5),
            Value::from_f64(2.25),
            Value::from_f64(3.75),
        ),
        (
            BINARY_OP_SUBTRACT_FLOAT,
            Value::from_f64(1.0),
            Value::from_f64(0.1),
            Value::from_f64(0.9),
        ),
        (
            BINARY_OP_MULTIPLY_FLOAT,
            Value::from_f64(-3.0),
            Value::from_f64(1e300),
            Value::from_f64(-3e300),
        ),
        (
            BINARY_OP_MULTIPLY_FLOAT,
            Value::from_f64(1e300),
            Value::from_f64(1e300),
            Value::from_f64(f64::INFINITY),
        ),
        (
            BINARY_OP_ADD_FLOAT,
            Value::from_f64(-0.0),
            Value::from_f64(-0.0),
            Value::from_f64(-0.0),
        ),
    ];
    for &(op, l, r, want) in cases {
        let (a, _) = binop_program(op);
        let (exit, ret, _) = run(&a, &[], &[l, r, Value::NULL]);
        assert_eq!(exit, JitExit::Return, "{op:?} {l:?} {r:?}");
        assert_eq!(ret, want, "{op:?} {l:?} {r:?}");
    }
    // A NaN result (inf - inf, NaN + 1) takes the slow path: the runtime function boxes the
    // canonical NaN (tests/programs/jit_type_proofs.py); without one, as here, it is an exit at
    // the instruction with both operands still on the stack.
    for (op, l, r) in [
        (BINARY_OP_SUBTRACT_FLOAT, f64::INFINITY, f64::INFINITY),
        (BINARY_OP_ADD_FLOAT, f64::NAN, 1.0),
    ] {
        let (a, _) = binop_program(op);
        let (l, r) = (Value::from_f64(l), Value::from_f64(r));
        let (exit, _, _) = run(&a, &[], &[l, r, Value::NULL]);
        assert_eq!(exit, JitExit::Deopt, "{op:?} {l:?} {r:?}");
    }
    // 1.0 - 0.1 in Rust, bit for bit.
    let (a, _) = binop_program(BINARY_OP_SUBTRACT_FLOAT);
    let (_, ret, _) = run(
        &a,
        &[],
        &[Value::from_f64(1.0), Value::from_f64(0.1), Value::NULL],
    );
    assert_eq!(ret.as_f64().to_bits(), (1.0f64 - 0.1).to_bits());
}

/// A guard failure leaves the frame as the interpreter expects to resume it: `instr_index` names
/// the specialized instruction, both operands are still on the stack, locals are untouched.
#[test]
fn guard_failures_deopt_with_interpreter_state() {
    let cases: &[(Opcode, Value, Value)] = &[
        (BINARY_OP_ADD_INT, int(5), Value::from_f64(1.5)),
        (BINARY_OP_ADD_INT, int(SMALL_INT_MAX), int(1)),
        (BINARY_OP_ADD_INT, int(SMALL_INT_MIN), int(-1)),
        (BINARY_OP_SUBTRACT_INT, int(SMALL_INT_MIN), int(1)),
        (BINARY_OP_MULTIPLY_INT, int(1 << 24), int(1 << 23)),
        (BINARY_OP_MULTIPLY_INT, int(SMALL_INT_MIN), int(-1)),
        (BINARY_OP_MULTIPLY_INT, int(3), none()),
        (BINARY_OP_ADD_FLOAT, Value::from_f64(1.0), int(1)),
        (BINARY_OP_MULTIPLY_FLOAT, t(), Value::from_f64(1.0)),
    ];
    for &(op, l, r) in cases {
        let (a, at) = binop_program(op);
        let (exit, _, frame) = run(&a, &[], &[l, r, Value::NULL]);
        assert_eq!(exit, JitExit::Deopt, "{op:?} {l:?} {r:?}");
        assert_eq!(frame.instr_index(), at, "{op:?} {l:?} {r:?}");
        assert_eq!(frame.stack_depth(), 2);
        assert_eq!(frame.stack(), vec![l, r]);
        assert_eq!(
            (frame.local(0), frame.local(1), frame.local(2)),
            (l, r, Value::NULL)
        );
    }
}

#[test]
fn unbound_local_deopts_at_load_fast() {
    let (a, _) = binop_program(BINARY_OP_ADD_INT);
    let (exit, _, frame) = run(&a, &[], &[int(1), Value::NULL, Value::NULL]);
    assert_eq!(exit, JitExit::Deopt);
    assert_eq!(frame.instr_index(), 1);
    assert_eq!(frame.stack(), vec![int(1)]);
}

#[test]
fn load_const_and_compare_variants() {
    let ints = [-3i64, 0, 5, SMALL_INT_MAX, SMALL_INT_MIN];
    let floats = [-1.5f64, 0.0, -0.0, 2.0, f64::INFINITY, f64::NAN];
    for cmp in 0..6u32 {
        let mut a = Asm::default();
        a.op(LOAD_CONST, 0);
        a.op(LOAD_CONST, 1);
        a.op(COMPARE_OP_INT, cmp);
        a.op(RETURN_VALUE, 0);
        let mut af = Asm::default();
        af.op(LOAD_CONST, 0);
        af.op(LOAD_CONST, 1);
        af.op(COMPARE_OP_FLOAT, cmp);
        af.op(RETURN_VALUE, 0);
        let want = |o: Option<std::cmp::Ordering>| match (cmp, o) {
            (3, None) => true,
            (_, None) => false,
            (0, Some(o)) => o.is_lt(),
            (1, Some(o)) => o.is_le(),
            (2, Some(o)) => o.is_eq(),
            (3, Some(o)) => o.is_ne(),
            (4, Some(o)) => o.is_gt(),
            (_, Some(o)) => o.is_ge(),
        };
        for &x in &ints {
            for &y in &ints {
                let (exit, ret, _) = run(&a, &[int(x), int(y)], &[]);
                assert_eq!(exit, JitExit::Return);
                let expect = if want(x.partial_cmp(&y)) { t() } else { f() };
                assert_eq!(ret, expect, "{x} cmp{cmp} {y}");
            }
        }
        for &x in &floats {
            for &y in &floats {
                let (_, ret, _) = run(&af, &[Value::from_f64(x), Value::from_f64(y)], &[]);
                let expect = if want(x.partial_cmp(&y)) { t() } else { f() };
                assert_eq!(ret, expect, "{x} cmp{cmp} {y}");
            }
        }
        let (exit, _, frame) = run(&af, &[int(1), Value::from_f64(1.0)], &[]);
        assert_eq!(
            (exit, frame.instr_index(), frame.stack_depth()),
            (JitExit::Deopt, 2, 2)
        );
    }
    // An operator code without a variant compiles as an exit at that instruction.
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    a.op(LOAD_CONST, 0);
    let at = a.op(COMPARE_OP_INT, 9);
    a.op(RETURN_VALUE, 0);
    let (exit, _, frame) = run(&a, &[int(1)], &[]);
    assert_eq!(
        (exit, frame.instr_index(), frame.stack_depth()),
        (JitExit::Deopt, at, 2)
    );
}

/// `i = 0; total = 0; while i < n: total = total + i * i; i = i + 1; return total`
#[test]
fn while_loop_with_compare_and_branches() {
    // locals: 0 n, 1 i, 2 total
    let mut a = Asm::default();
    let head = a.op(LOAD_FAST, 1);
    a.op(LOAD_FAST, 0);
    a.op(COMPARE_OP_INT, 0);
    let exit_jump = a.op(POP_JUMP_IF_FALSE, 0);
    a.op(LOAD_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(LOAD_FAST, 1);
    a.op(BINARY_OP_MULTIPLY_INT, 0);
    let add_at = a.op(BINARY_OP_ADD_INT, 0);
    a.op(STORE_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(LOAD_CONST, 0);
    a.op(BINARY_OP_ADD_INT, 0);
    a.op(STORE_FAST, 1);
    a.op(JUMP_BACKWARD, head);
    let end = a.here();
    a.patch(exit_jump, end);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    for n in [0i64, 1, 10, 1000] {
        let (exit, ret, frame) = run(&a, &[int(1)], &[int(n), int(0), int(0)]);
        assert_eq!(exit, JitExit::Return);
        assert_eq!(ret, int((0..n).map(|i| i * i).sum()));
        assert_eq!(frame.local(1), int(n));
    }
    // The sum overflows 48 bits partway: deopt at the ADD with the loop state intact.
    let n = 1 << 17;
    let (exit, _, frame) = run(&a, &[int(1)], &[int(n), int(0), int(0)]);
    assert_eq!(exit, JitExit::Deopt);
    let i = frame.local(1).as_small_int();
    let total = frame.local(2).as_small_int();
    assert_eq!(total, (0..i).map(|k| k * k).sum::<i64>());
    assert!(total + i * i > SMALL_INT_MAX);
    assert_eq!(frame.instr_index(), add_at);
    assert_eq!(frame.stack(), vec![int(total), int(i * i)]);
}

/// `for i in range(start, stop, step): total = total + i` with the iterator in local 0.
#[test]
fn for_iter_range_loop() {
    let mut a = Asm::default();
    a.op(LOAD_FAST, 0);
    let head = a.op(FOR_ITER_RANGE, 0);
    a.op(STORE_FAST, 1);
    a.op(LOAD_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(BINARY_OP_ADD_INT, 0);
    a.op(STORE_FAST, 2);
    a.op(JUMP_BACKWARD, head);
    let end = a.here();
    a.patch(head, end);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    for (start, stop, step) in [
        (0i64, 10i64, 1i64),
        (5, -20, -3),
        (0, 0, 1),
        (-100, 100_000, 7),
    ] {
        let values: Vec<i64> = if step > 0 {
            (start..stop).step_by(step as usize).collect()
        } else {
            (stop + 1..=start).rev().step_by((-step) as usize).collect()
        };
        let mut it = Box::new(RangeIterLayout {
            header: [RANGE_ITER_TYPE.as_ptr() as u64, 0],
            next: start,
            step,
            len: values.len() as i64,
        });
        let itv = Value::from_ptr(&mut *it as *mut RangeIterLayout);
        let (exit, ret, frame) = run(&a, &[], &[itv, Value::NULL, int(0)]);
        assert_eq!(exit, JitExit::Return);
        assert_eq!(ret, int(values.iter().sum()));
        assert_eq!(
            frame.local(1),
            values.last().map_or(Value::NULL, |&v| int(v))
        );
        assert_eq!(it.len, 0);
    }
    // A value outside small ints deopts at FOR_ITER_RANGE with the iterator on the stack, unchanged.
    let mut it = Box::new(RangeIterLayout {
        header: [RANGE_ITER_TYPE.as_ptr() as u64, 0],
        next: SMALL_INT_MAX + 1,
        step: 1,
        len: 5,
    });
    let itv = Value::from_ptr(&mut *it as *mut RangeIterLayout);
    let (exit, _, frame) = run(&a, &[], &[itv, Value::NULL, int(0)]);
    assert_eq!(exit, JitExit::Deopt);
    assert_eq!(frame.instr_index(), head);
    assert_eq!(frame.stack(), vec![itv]);
    assert_eq!((it.next, it.len), (SMALL_INT_MAX + 1, 5));
    // Another type deopts before touching it.
    let mut other = Box::new(RangeIterLayout {
        header: [8, 0],
        next: 0,
        step: 1,
        len: 5,
    });
    let ov = Value::from_ptr(&mut *other as *mut RangeIterLayout);
    let (exit, _, frame) = run(&a, &[], &[ov, Value::NULL, int(0)]);
    assert_eq!(
        (exit, frame.instr_index(), frame.stack()),
        (JitExit::Deopt, head, vec![ov])
    );
    assert_eq!(other.len, 5);
    // So does a non-object.
    let (exit, _, frame) = run(&a, &[], &[int(3), Value::NULL, int(0)]);
    assert_eq!(
        (exit, frame.instr_index(), frame.stack()),
        (JitExit::Deopt, head, vec![int(3)])
    );
}

#[test]
fn pop_jump_truthiness() {
    for (jump_if_true, op) in [(false, POP_JUMP_IF_FALSE), (true, POP_JUMP_IF_TRUE)] {
        let mut a = Asm::default();
        a.op(LOAD_FAST, 0);
        let j = a.op(op, 0);
        a.op(LOAD_CONST, 0);
        a.op(RETURN_VALUE, 0);
        let target = a.here();
        a.patch(j, target);
        a.op(LOAD_CONST, 1);
        a.op(RETURN_VALUE, 0);
        let consts = [int(100), int(200)];
        for (v, truthy) in [
            (t(), true),
            (f(), false),
            (none(), false),
            (int(0), false),
            (int(-1), true),
            (int(SMALL_INT_MIN), true),
        ] {
            let (exit, ret, _) = run(&a, &consts, &[v]);
            assert_eq!(exit, JitExit::Return);
            let jumped = ret == int(200);
            assert_eq!(jumped, truthy == jump_if_true, "{op:?} {v:?}");
        }
        let (exit, _, frame) = run(&a, &consts, &[Value::from_f64(0.5)]);
        assert_eq!(
            (exit, frame.instr_index(), frame.stack_depth()),
            (JitExit::Deopt, j, 1)
        );
    }
}

#[test]
fn generic_stencil_calls_runtime_functions() {
    let mut a = Asm::default();
    a.op(NOP, 0);
    a.op(LOAD_CONST, 0);
    a.op(POP_TOP, 0);
    let j = a.op(JUMP_FORWARD, 0);
    a.op(LOAD_CONST, 0);
    a.op(RETURN_VALUE, 0);
    let target = a.here();
    a.patch(j, target);
    a.op(LOAD_CONST, 1);
    a.op(RETURN_VALUE, 0);
    let (exit, ret, _) = run(&a, &[int(1), int(2)], &[]);
    assert_eq!((exit, ret), (JitExit::Return, int(2)));

    // A raising runtime function: status ERROR with the frame state it recorded.
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    a.op(LOAD_CONST, 0);
    let at = a.op(BINARY_OP, 0);
    a.op(RETURN_VALUE, 0);
    let (exit, _, frame) = run(&a, &[int(1)], &[]);
    assert_eq!(
        (exit, frame.instr_index(), frame.stack_depth()),
        (JitExit::Error, at, 2)
    );

    // A generic opcode without a runtime function is an exit to the interpreter.
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    let at = a.op(GET_ITER, 0);
    a.op(RETURN_VALUE, 0);
    let region = Region::compile(&a.code, &[int(1)], &syms()).unwrap();
    assert_eq!(region.stats().exits, 1);
    let (exit, _, frame) = run(&a, &[int(1)], &[]);
    assert_eq!(
        (exit, frame.instr_index(), frame.stack()),
        (JitExit::Deopt, at, vec![int(1)])
    );
}

#[test]
fn eval_breaker_exits_at_jump_backward() {
    let mut a = Asm::default();
    a.op(NOP, 0);
    let j = a.op(JUMP_BACKWARD, 0);
    let region = Region::compile(&a.code, &[], &syms()).unwrap();
    let mut frame = TestFrame::new(&[], 4);
    let ctx = &mut JitContext::new();
    ctx.eval_breaker
        .store(1, std::sync::atomic::Ordering::Relaxed);
    // SAFETY: a frame with no locals and room for 4 stack slots; the code touches neither.
    let exit = unsafe { region.run(frame.ptr(), ctx, 0) }.unwrap();
    assert_eq!(
        (exit, frame.instr_index(), frame.stack_depth()),
        (JitExit::Deopt, j, 0)
    );
}

#[test]
fn entering_mid_code_uses_the_frame_stack_depth() {
    // Enter at STORE_FAST with one value already on the stack, as the interpreter would leave it.
    // (The NOP before it takes nothing in registers, so STORE_FAST takes nothing either and can
    // be entered; after LOAD_CONST directly it would take the constant in a register.)
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    a.op(NOP, 0);
    let store = a.op(STORE_FAST, 0);
    a.op(LOAD_FAST, 0);
    a.op(RETURN_VALUE, 0);
    let region = Region::compile(&a.code, &[int(1)], &syms()).unwrap();
    let mut frame = TestFrame::new(&[Value::NULL], 4);
    frame.words[HEADER_WORDS + 1] = int(77).0;
    frame.words[5] |= 1 << 32; // stack_depth = 1
    let ctx = &mut JitContext::new();
    // SAFETY: one local and 4 stack slots, one of them live as stack_depth says.
    let exit = unsafe { region.run(frame.ptr(), ctx, store as usize) }.unwrap();
    assert_eq!(
        (exit, ctx.return_value, frame.local(0)),
        (JitExit::Return, int(77), int(77))
    );
    // An instruction that takes values in registers is no entry: the interpreter runs it.
    let mut c = Asm::default();
    c.op(LOAD_CONST, 0);
    let cached = c.op(STORE_FAST, 0);
    c.op(LOAD_FAST, 0);
    c.op(RETURN_VALUE, 0);
    let r = Region::compile(&c.code, &[int(1)], &syms()).unwrap();
    assert!(r.entry_offset(cached as usize).is_none() && r.is_compiled(cached as usize));
    // SAFETY: refused before running.
    assert!(unsafe { r.run(frame.ptr(), ctx, cached as usize) }.is_err());
    // Entering at a cache unit is refused.
    let mut b = Asm::default();
    b.op(BINARY_OP_ADD_INT, 0);
    let r = Region::compile(&b.code, &[], &syms()).unwrap();
    // SAFETY: refused before running.
    assert!(unsafe { r.run(frame.ptr(), ctx, 1) }.is_err());
}

#[test]
fn malformed_code_is_an_error_not_a_crash() {
    assert!(Region::compile(&[255], &[], &syms()).is_err());
    let mut a = Asm::default();
    a.op(LOAD_CONST, 3);
    assert!(Region::compile(&a.code, &[int(1)], &syms()).is_err());
    let mut a = Asm::default();
    a.op(JUMP_BACKWARD, 1000);
    assert!(Region::compile(&a.code, &[], &syms()).is_err());
    let mut a = Asm::default();
    a.op(BINARY_OP_ADD_INT, 0);
    a.op(JUMP_BACKWARD, 1); // the cache unit of the add
    assert!(Region::compile(&a.code, &[], &syms()).is_err());
}

/// Measurement, not a check of speed (run with `--ignored --nocapture`): stitching time per
/// instruction and the JIT-compiled while loop's time per iteration. The results are still checked.
#[test]
#[ignore]
fn measure_stitch_and_loop_speed() {
    // The while loop of `while_loop_with_compare_and_branches`, 15 instructions.
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
    let end = a.here();
    a.patch(exit_jump, end);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    let syms = syms();
    // The machine is shared: report the minimum and median of repeated runs.
    let stats = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[0], v[v.len() / 2])
    };
    let mut per_region = Vec::new();
    let mut bytes = 0;
    for _ in 0..20 {
        let t0 = std::time::Instant::now();
        for _ in 0..100 {
            let r = Region::compile(&a.code, &[int(1)], &syms).unwrap();
            bytes = r.stats().code_bytes;
        }
        per_region.push(t0.elapsed().as_nanos() as f64 / 100.0 / 1000.0);
    }
    let (min, med) = stats(per_region);
    println!(
        "stitch: {min:.1} us min, {med:.1} us median per region of 17 instructions ({bytes} bytes, \
         incl. mmap + mprotect + munmap)"
    );
    let host = cpjit::jit::stencils::Arch::host().unwrap();
    for (what, set) in [
        (
            "frames stripped",
            cpjit::jit::strip_frame::stitch_stencils(host),
        ),
        ("Cranelift's stencils as is", host.stencils()),
    ] {
        let region = Region::compile_with(set, &a.code, &[int(1)], &syms).unwrap();
        let ctx = &mut JitContext::new();
        let n = 50_000;
        let mut per_iter = Vec::new();
        for _ in 0..20 {
            let mut frame = TestFrame::new(&[int(n), int(0), int(0)], 8);
            let t0 = std::time::Instant::now();
            // SAFETY: three locals and 8 stack slots; the loop needs 3.
            let exit = unsafe { region.run(frame.ptr(), ctx, 0) }.unwrap();
            per_iter.push(t0.elapsed().as_nanos() as f64 / n as f64);
            let want = int((0..n).map(|k| k * k).sum());
            assert_eq!((exit, ctx.return_value), (JitExit::Return, want));
        }
        let (min, med) = stats(per_iter);
        println!(
            "loop ({what}, {} bytes): {min:.2} ns min, {med:.2} ns median per iteration of 15 \
             stencils ({n} iterations)",
            region.stats().code_bytes
        );
    }
}

/// Cranelift's stencils as generated (frames kept) stitch and run as well as the stripped ones.
#[test]
fn unstripped_stencils_run_too() {
    let host = cpjit::jit::stencils::Arch::host().unwrap();
    let (a, at) = binop_program(BINARY_OP_ADD_INT);
    let region = Region::compile_with(host.stencils(), &a.code, &[], &syms()).unwrap();
    for (l, r, want) in [
        (int(5), int(37), Some(int(42))),
        (int(SMALL_INT_MAX), int(1), None),
    ] {
        let mut frame = TestFrame::new(&[l, r, Value::NULL], 8);
        let mut ctx = JitContext::new();
        // SAFETY: three locals and 8 stack slots, more than the program needs.
        let exit = unsafe { region.run(frame.ptr(), &mut ctx, 0) }.unwrap();
        match want {
            Some(v) => assert_eq!((exit, ctx.return_value), (JitExit::Return, v)),
            None => assert_eq!(
                (exit, frame.instr_index(), frame.stack()),
                (JitExit::Deopt, at, vec![l, r])
            ),
        }
    }
}
