//! Stitches stencil sequences on the host and runs them on the VM's real objects, frames and
//! runtime functions: a real `Vm` (its True/False/None, range iterators made by `iter(range(..))`,
//! code objects loaded as the VM loads compiled code), frames pushed on its frame stack as a call
//! pushes them, and the runtime symbols the JIT driver compiles with
//! (`jit::driver::runtime_symbols`). Checks results, deopts (instruction index and frame state as
//! the interpreter would resume) and exits, so drift between the VM's layouts and the stencils'
//! fails here.

use std::rc::Rc;

use cpjit::bytecode::code::{flags, slot_kind, CodeObject, ConstValue, Position, Positions};
use cpjit::bytecode::opcode::{
    nb,
    Opcode::{self, *},
};
use cpjit::jit::driver::{generic_fn, runtime_symbols};
use cpjit::jit::runtime::{JitContext, JitExit, RuntimeSymbols, EXIT_YIELD};
use cpjit::jit::stitch::Region;
use cpjit::vm::interp::Vm;
use cpjit::vm::object::{as_code, as_range_iter, as_seq_iter};
use cpjit::vm::value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};
use cpjit::vm::{eval, runtime::call, runtime::iter};

/// Value stack slots of every test program's code object (more than any of them needs).
const STACK: u32 = 8;

fn int(i: i64) -> Value {
    Value::try_from_i64(i).unwrap()
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

/// A test program loaded into the VM: its code object and a function of it.
#[derive(Clone, Copy)]
struct Prog {
    code: Value,
    func: Value,
}

/// What a run left: how compiled code exited, and the frame as it left it.
#[derive(Debug)]
struct Outcome {
    exit: JitExit,
    /// `JitContext::return_value`.
    ret: Value,
    instr_index: u32,
    stack_depth: u32,
    locals: Vec<Value>,
    /// The live stack, per `stack_depth`.
    stack: Vec<Value>,
    /// With `JitExit::Error`: the exception the runtime function raised, and where.
    exception: Value,
    error_at: u32,
    /// `JitContext::exit_kind`.
    exit_kind: u32,
}

/// A real VM, with the specializer and the JIT driver off: the code objects keep the
/// instructions as the tests assemble them, and the tests call the stitcher themselves.
struct Rt {
    vm: Box<Vm>,
    globals: Value,
}

impl Rt {
    fn new() -> Rt {
        let mut vm = Vm::new();
        vm.mode = cpjit::vm::adaptive::Mode::Off;
        vm.adaptive = false;
        vm.jit = None;
        let globals = vm.new_dict();
        vm.roots.push(globals);
        Rt { vm, globals }
    }

    fn t(&self) -> Value {
        self.vm.true_
    }
    fn f(&self) -> Value {
        self.vm.false_
    }
    fn none(&self) -> Value {
        self.vm.none
    }

    /// Keeps `v` alive for the VM's lifetime.
    fn root(&mut self, v: Value) -> Value {
        self.vm.roots.push(v);
        v
    }

    /// `repr(v)`, by the VM.
    fn repr(&mut self, v: Value) -> String {
        cpjit::vm::runtime::repr::repr_string(&mut self.vm, v).expect("repr")
    }

    /// `iter(range(start, stop, step))`, by the VM's `range` type and `iter`.
    fn range_iter(&mut self, start: i64, stop: i64, step: i64) -> Value {
        let range = Value::from_ptr(self.vm.t.range);
        let args = [start, stop, step].map(|i| self.vm.new_int(i));
        let r = call::call(&mut self.vm, range, &args, &[]).expect("range()");
        let r = self.root(r);
        let it = iter::get_iter(&mut self.vm, r).expect("iter(range)");
        self.root(it)
    }

    /// Loads `asm` as the code object of a function without parameters with `nlocals` locals
    /// and the constants `consts` (small ints and floats), as the VM loads compiled code.
    fn load(&mut self, asm: &Asm, consts: &[Value], nlocals: usize) -> Prog {
        let consts = consts
            .iter()
            .map(|&v| match v {
                v if v.is_small_int() => ConstValue::Int(v.as_small_int().into()),
                v if v.is_float() => ConstValue::Float(v.as_f64()),
                v => panic!("constant {v:?}"),
            })
            .collect();
        let co = CodeObject {
            name: "stitched".into(),
            qualname: "stitched".into(),
            filename: "<jit_stitch>".into(),
            firstlineno: 1,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: flags::CO_OPTIMIZED | flags::CO_NEWLOCALS | flags::CO_NOFREE,
            code: asm.code.clone(),
            consts,
            names: Vec::new(),
            localsplusnames: (0..nlocals).map(|i| format!("x{i}")).collect(),
            localspluskinds: vec![slot_kind::LOCAL; nlocals],
            stacksize: STACK,
            exception_table: Vec::new(),
            positions: Positions::from_runs([(asm.code.len() as u32, Position::default())]),
            lazy: None,
        };
        let code = cpjit::vm::code::load_code(&mut self.vm, Rc::new(co));
        let code = self.root(code);
        let nil = Value::NULL;
        let func = cpjit::vm::ops::new_function(&mut self.vm, code, self.globals, nil, [nil; 4]);
        let func = self.root(func);
        Prog { code, func }
    }

    /// The symbols the JIT driver compiles `p` with (no instruction demoted to a step, no local
    /// proven bound).
    fn syms(&self, p: Prog) -> RuntimeSymbols<'static> {
        let cd = as_code(p.code).expect("a code object");
        runtime_symbols(&self.vm, cd, &|_| false, &|_| false, &|_| false, &|_| {
            std::ptr::null()
        })
    }

    /// Stitches `p`'s instructions and constants with the driver's symbols.
    fn compile(&self, p: Prog) -> Region {
        self.try_compile(p).expect("stitch")
    }

    fn try_compile(&self, p: Prog) -> Result<Region, cpjit::jit::stitch::StitchError> {
        let cd = as_code(p.code).expect("a code object");
        Region::compile(&cd.code.code, &cd.consts, &self.syms(p))
    }

    /// As `compile`, but without a runtime function for `op`: its stencil's slow path, or the
    /// instruction itself, becomes an exit to the interpreter. Every other instruction calls the
    /// driver's runtime function.
    fn compile_without(&self, p: Prog, op: Opcode) -> Region {
        let cd = as_code(p.code).expect("a code object");
        let generic = |o: Opcode| if o == op { None } else { generic_fn(o) };
        let syms = RuntimeSymbols {
            generic_fn: &generic,
            ..self.syms(p)
        };
        Region::compile(&cd.code.code, &cd.consts, &syms).expect("stitch")
    }

    /// Runs `region` (compiled from `p`) from instruction `at` on a frame of `p` pushed on the
    /// VM's frame stack as a call pushes it (`eval::push_frame`), holding `locals` and `stack`,
    /// with `ctx` set up as the driver sets it up; the frame is popped again. `Err`: the region
    /// refused to run from `at`.
    fn run_at(
        &mut self,
        region: &Region,
        p: Prog,
        locals: &[Value],
        stack: &[Value],
        at: usize,
        ctx: &mut JitContext,
    ) -> Result<Outcome, cpjit::jit::stitch::StitchError> {
        let vm = &mut *self.vm;
        let f = eval::push_frame(vm, p.func, &[], &[]).expect("push a frame");
        let fr = f.get();
        let nlp = fr.nlocalsplus as usize;
        assert_eq!(nlp, locals.len());
        assert!(stack.len() <= STACK as usize);
        let slots = f.slots(nlp + stack.len());
        slots[..nlp].copy_from_slice(locals);
        slots[nlp..].copy_from_slice(stack);
        fr.stack_depth = stack.len() as u32;
        fr.instr_index = at as u32;
        ctx.vm = vm as *mut Vm as *mut ();
        ctx.entry_frame = f.0;
        // SAFETY: `f` is the VM's current frame, pushed for `p`'s code object, the one `region`
        // was compiled from (with its constants and inline caches); its slots hold `nlocalsplus`
        // locals and room for the code's stack, `stack_depth` of them live; every object in them
        // is rooted; `ctx.vm` is this VM, which nothing else borrows while the region runs, and
        // the runtime functions are the driver's.
        let exit = unsafe { region.run(f.0, ctx, at) };
        let fr = f.get();
        let (locals, stack) = f.live_values().split_at(fr.nlocalsplus as usize);
        let out = exit.map(|exit| Outcome {
            exit,
            ret: ctx.return_value,
            instr_index: fr.instr_index,
            stack_depth: fr.stack_depth,
            locals: locals.to_vec(),
            stack: stack.to_vec(),
            exception: ctx.exception,
            error_at: ctx.error_at,
            exit_kind: ctx.exit_kind,
        });
        eval::pop_frame(vm, f);
        out
    }

    /// Compiles `asm` with the driver's symbols and runs it from instruction 0 on a frame
    /// holding `locals`.
    fn run(&mut self, asm: &Asm, consts: &[Value], locals: &[Value]) -> Outcome {
        let p = self.load(asm, consts, locals.len());
        let region = self.compile(p);
        self.run_at(&region, p, locals, &[], 0, &mut JitContext::new())
            .expect("run")
    }

    /// As `run`, without a runtime function for `op` (`compile_without`).
    fn run_without(
        &mut self,
        op: Opcode,
        asm: &Asm,
        consts: &[Value],
        locals: &[Value],
    ) -> Outcome {
        let p = self.load(asm, consts, locals.len());
        let region = self.compile_without(p, op);
        self.run_at(&region, p, locals, &[], 0, &mut JitContext::new())
            .expect("run")
    }
}

/// The `nb` operator of a specialized binary instruction (its oparg in real code, which its
/// runtime function runs).
fn nb_of(op: Opcode) -> u32 {
    match op {
        BINARY_OP_ADD_INT | BINARY_OP_ADD_FLOAT => nb::ADD,
        BINARY_OP_SUBTRACT_INT | BINARY_OP_SUBTRACT_FLOAT => nb::SUBTRACT,
        BINARY_OP_MULTIPLY_INT | BINARY_OP_MULTIPLY_FLOAT => nb::MULTIPLY,
        _ => panic!("{op:?}"),
    }
}

/// LOAD_FAST 0, LOAD_FAST 1, <binop>, STORE_FAST 2, LOAD_FAST 2, RETURN_VALUE.
fn binop_program(op: Opcode) -> (Asm, u32) {
    let mut a = Asm::default();
    a.op(LOAD_FAST, 0);
    a.op(LOAD_FAST, 1);
    let at = a.op(op, nb_of(op));
    a.op(STORE_FAST, 2);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    (a, at)
}

#[test]
fn add_int_sequence_returns_sum() {
    let mut rt = Rt::new();
    let (a, _) = binop_program(BINARY_OP_ADD_INT);
    let p = rt.load(&a, &[], 3);
    let stats = rt.compile(p).stats();
    // Every instruction but RETURN_VALUE ends with a continue jump the stitcher drops, and so
    // does the `_SPILL` in front of RETURN_VALUE (LOAD_FAST leaves its value in a register).
    assert_eq!(stats.instructions, 6);
    assert_eq!(stats.dropped_jumps, 6, "{stats:?}");
    assert_eq!(stats.exits, 0);
    let out = rt.run(&a, &[], &[int(5), int(37), Value::NULL]);
    assert_eq!(out.exit, JitExit::Return);
    assert_eq!(out.ret, int(42));
    assert_eq!(out.locals[2], int(42));
    let out = rt.run(&a, &[], &[int(-7), int(SMALL_INT_MIN + 7), Value::NULL]);
    assert_eq!(out.ret, int(SMALL_INT_MIN));
}

#[test]
fn int_and_float_arithmetic() {
    let mut rt = Rt::new();
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
        let out = rt.run(&a, &[], &[l, r, Value::NULL]);
        assert_eq!(out.exit, JitExit::Return, "{op:?} {l:?} {r:?}");
        assert_eq!(out.ret, want, "{op:?} {l:?} {r:?}");
    }
    // A NaN result (inf - inf, NaN + 1) takes the slow path: the runtime function boxes the
    // canonical NaN (tests/programs/jit_type_proofs.py), and the code goes on; without one it is
    // an exit at the instruction with both operands still on the stack.
    for (op, l, r) in [
        (BINARY_OP_SUBTRACT_FLOAT, f64::INFINITY, f64::INFINITY),
        (BINARY_OP_ADD_FLOAT, f64::NAN, 1.0),
    ] {
        let (a, at) = binop_program(op);
        let (l, r) = (Value::from_f64(l), Value::from_f64(r));
        let out = rt.run(&a, &[], &[l, r, Value::NULL]);
        assert_eq!(out.exit, JitExit::Return, "{op:?} {l:?} {r:?}");
        assert_eq!(rt.repr(out.ret), "nan", "{op:?} {l:?} {r:?}");
        assert_eq!(out.locals[2], out.ret);
        let out = rt.run_without(op, &a, &[], &[l, r, Value::NULL]);
        assert_eq!(
            (out.exit, out.instr_index, out.stack),
            (JitExit::Deopt, at, vec![l, r]),
            "{op:?} {l:?} {r:?}"
        );
    }
    // 1.0 - 0.1 in Rust, bit for bit.
    let (a, _) = binop_program(BINARY_OP_SUBTRACT_FLOAT);
    let out = rt.run(
        &a,
        &[],
        &[Value::from_f64(1.0), Value::from_f64(0.1), Value::NULL],
    );
    assert_eq!(out.ret.as_f64().to_bits(), (1.0f64 - 0.1).to_bits());
}

/// A guard failure leaves the frame as the interpreter expects to resume it: `instr_index` names
/// the specialized instruction, both operands are still on the stack, locals are untouched.
#[test]
fn guard_failures_deopt_with_interpreter_state() {
    let mut rt = Rt::new();
    let (t, none) = (rt.t(), rt.none());
    let cases: &[(Opcode, Value, Value)] = &[
        (BINARY_OP_ADD_INT, int(5), Value::from_f64(1.5)),
        (BINARY_OP_ADD_INT, int(SMALL_INT_MAX), int(1)),
        (BINARY_OP_ADD_INT, int(SMALL_INT_MIN), int(-1)),
        (BINARY_OP_SUBTRACT_INT, int(SMALL_INT_MIN), int(1)),
        (BINARY_OP_MULTIPLY_INT, int(1 << 24), int(1 << 23)),
        (BINARY_OP_MULTIPLY_INT, int(SMALL_INT_MIN), int(-1)),
        (BINARY_OP_MULTIPLY_INT, int(3), none),
        (BINARY_OP_ADD_FLOAT, Value::from_f64(1.0), int(1)),
        (BINARY_OP_MULTIPLY_FLOAT, t, Value::from_f64(1.0)),
    ];
    for &(op, l, r) in cases {
        let (a, at) = binop_program(op);
        let out = rt.run(&a, &[], &[l, r, Value::NULL]);
        assert_eq!(out.exit, JitExit::Deopt, "{op:?} {l:?} {r:?}");
        assert_eq!(out.instr_index, at, "{op:?} {l:?} {r:?}");
        assert_eq!(out.stack_depth, 2);
        assert_eq!(out.stack, vec![l, r]);
        assert_eq!(out.locals, vec![l, r, Value::NULL]);
    }
}

#[test]
fn unbound_local_deopts_at_load_fast() {
    let mut rt = Rt::new();
    let (a, _) = binop_program(BINARY_OP_ADD_INT);
    let out = rt.run(&a, &[], &[int(1), Value::NULL, Value::NULL]);
    assert_eq!(out.exit, JitExit::Deopt);
    assert_eq!(out.instr_index, 1);
    assert_eq!(out.stack, vec![int(1)]);
}

#[test]
fn load_const_and_compare_variants() {
    let mut rt = Rt::new();
    let (t, f) = (rt.t(), rt.f());
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
                let out = rt.run(&a, &[int(x), int(y)], &[]);
                assert_eq!(out.exit, JitExit::Return);
                let expect = if want(x.partial_cmp(&y)) { t } else { f };
                assert_eq!(out.ret, expect, "{x} cmp{cmp} {y}");
            }
        }
        for &x in &floats {
            for &y in &floats {
                let out = rt.run(&af, &[Value::from_f64(x), Value::from_f64(y)], &[]);
                let expect = if want(x.partial_cmp(&y)) { t } else { f };
                assert_eq!(out.ret, expect, "{x} cmp{cmp} {y}");
            }
        }
        let out = rt.run(&af, &[int(1), Value::from_f64(1.0)], &[]);
        assert_eq!(
            (out.exit, out.instr_index, out.stack_depth),
            (JitExit::Deopt, 2, 2)
        );
    }
    // An operator code without a variant compiles as a call of the instruction's runtime
    // function, and without one as an exit at that instruction.
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    a.op(LOAD_CONST, 0);
    let at = a.op(COMPARE_OP_INT, 9);
    a.op(RETURN_VALUE, 0);
    let p = rt.load(&a, &[int(1)], 0);
    let (with, without) = (
        rt.compile(p).stats(),
        rt.compile_without(p, COMPARE_OP_INT).stats(),
    );
    assert_eq!((with.exits, without.exits), (0, 1));
    assert_eq!(with.calls, without.calls + 1);
    let out = rt.run_without(COMPARE_OP_INT, &a, &[int(1)], &[]);
    assert_eq!(
        (out.exit, out.instr_index, out.stack_depth),
        (JitExit::Deopt, at, 2)
    );
}

/// `i = 0; total = 0; while i < n: total = total + i * i; i = i + 1; return total`
fn while_loop() -> (Asm, u32) {
    // locals: 0 n, 1 i, 2 total
    let mut a = Asm::default();
    let head = a.op(LOAD_FAST, 1);
    a.op(LOAD_FAST, 0);
    a.op(COMPARE_OP_INT, 0);
    let exit_jump = a.op(POP_JUMP_IF_FALSE, 0);
    a.op(LOAD_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(LOAD_FAST, 1);
    a.op(BINARY_OP_MULTIPLY_INT, nb::MULTIPLY);
    let add_at = a.op(BINARY_OP_ADD_INT, nb::ADD);
    a.op(STORE_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(LOAD_CONST, 0);
    a.op(BINARY_OP_ADD_INT, nb::ADD);
    a.op(STORE_FAST, 1);
    a.op(JUMP_BACKWARD, head);
    let end = a.here();
    a.patch(exit_jump, end);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    (a, add_at)
}

#[test]
fn while_loop_with_compare_and_branches() {
    let mut rt = Rt::new();
    let (a, add_at) = while_loop();
    for n in [0i64, 1, 10, 1000] {
        let out = rt.run(&a, &[int(1)], &[int(n), int(0), int(0)]);
        assert_eq!(out.exit, JitExit::Return);
        assert_eq!(out.ret, int((0..n).map(|i| i * i).sum()));
        assert_eq!(out.locals[1], int(n));
    }
    // The sum overflows 48 bits partway: deopt at the ADD with the loop state intact.
    let n = 1 << 17;
    let out = rt.run(&a, &[int(1)], &[int(n), int(0), int(0)]);
    assert_eq!(out.exit, JitExit::Deopt);
    let i = out.locals[1].as_small_int();
    let total = out.locals[2].as_small_int();
    assert_eq!(total, (0..i).map(|k| k * k).sum::<i64>());
    assert!(total + i * i > SMALL_INT_MAX);
    assert_eq!(out.instr_index, add_at);
    assert_eq!(out.stack, vec![int(total), int(i * i)]);
}

/// `for i in <iterator in local 0>: total = total + i`
fn for_loop() -> (Asm, u32) {
    let mut a = Asm::default();
    a.op(LOAD_FAST, 0);
    let head = a.op(FOR_ITER_RANGE, 0);
    a.op(STORE_FAST, 1);
    a.op(LOAD_FAST, 2);
    a.op(LOAD_FAST, 1);
    a.op(BINARY_OP_ADD_INT, nb::ADD);
    a.op(STORE_FAST, 2);
    a.op(JUMP_BACKWARD, head);
    let end = a.here();
    a.patch(head, end);
    a.op(LOAD_FAST, 2);
    a.op(RETURN_VALUE, 0);
    (a, head)
}

/// `for i in range(start, stop, step): total = total + i` with the iterator in local 0.
#[test]
fn for_iter_range_loop() {
    let mut rt = Rt::new();
    let (a, head) = for_loop();
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
        let it = rt.range_iter(start, stop, step);
        assert_eq!(as_range_iter(it).unwrap().len, values.len() as i64);
        let out = rt.run(&a, &[], &[it, Value::NULL, int(0)]);
        assert_eq!(out.exit, JitExit::Return);
        assert_eq!(out.ret, int(values.iter().sum()));
        assert_eq!(
            out.locals[1],
            values.last().map_or(Value::NULL, |&v| int(v))
        );
        assert_eq!(as_range_iter(it).unwrap().len, 0);
    }
    // A value outside small ints deopts at FOR_ITER_RANGE with the iterator on the stack, unchanged.
    let it = rt.range_iter(SMALL_INT_MAX + 1, SMALL_INT_MAX + 6, 1);
    let out = rt.run(&a, &[], &[it, Value::NULL, int(0)]);
    assert_eq!(out.exit, JitExit::Deopt);
    assert_eq!(out.instr_index, head);
    assert_eq!(out.stack, vec![it]);
    let r = as_range_iter(it).unwrap();
    assert_eq!((r.next, r.len), (SMALL_INT_MAX + 1, 5));
    // Another type (a list iterator) deopts before touching it.
    let list = rt.vm.new_list(vec![int(1), int(2)]);
    let list = rt.root(list);
    let other = iter::get_iter(&mut rt.vm, list).unwrap();
    let other = rt.root(other);
    let out = rt.run(&a, &[], &[other, Value::NULL, int(0)]);
    assert_eq!(
        (out.exit, out.instr_index, out.stack),
        (JitExit::Deopt, head, vec![other])
    );
    assert_eq!(as_seq_iter(other).unwrap().idx, 0);
    // So does a non-object.
    let out = rt.run(&a, &[], &[int(3), Value::NULL, int(0)]);
    assert_eq!(
        (out.exit, out.instr_index, out.stack),
        (JitExit::Deopt, head, vec![int(3)])
    );
}

#[test]
fn pop_jump_truthiness() {
    let mut rt = Rt::new();
    let (t, f, none) = (rt.t(), rt.f(), rt.none());
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
            (t, true),
            (f, false),
            (none, false),
            (int(0), false),
            (int(-1), true),
            (int(SMALL_INT_MIN), true),
        ] {
            let out = rt.run(&a, &consts, &[v]);
            assert_eq!(out.exit, JitExit::Return);
            let jumped = out.ret == int(200);
            assert_eq!(jumped, truthy == jump_if_true, "{op:?} {v:?}");
        }
        let out = rt.run(&a, &consts, &[Value::from_f64(0.5)]);
        assert_eq!(
            (out.exit, out.instr_index, out.stack_depth),
            (JitExit::Deopt, j, 1)
        );
    }
}

#[test]
fn generic_stencil_calls_runtime_functions() {
    let mut rt = Rt::new();
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
    let out = rt.run(&a, &[int(1), int(2)], &[]);
    assert_eq!((out.exit, out.ret), (JitExit::Return, int(2)));

    // A generic instruction runs through its runtime function: GET_ITER of a range.
    let mut a = Asm::default();
    a.op(LOAD_FAST, 0);
    a.op(GET_ITER, 0);
    a.op(RETURN_VALUE, 0);
    let range = Value::from_ptr(rt.vm.t.range);
    let r = call::call(&mut rt.vm, range, &[int(3), int(30), int(4)], &[]).unwrap();
    let r = rt.root(r);
    let p = rt.load(&a, &[], 1);
    let region = rt.compile(p);
    assert_eq!(region.stats().exits, 0);
    let out = rt
        .run_at(&region, p, &[r], &[], 0, &mut JitContext::new())
        .expect("run");
    assert_eq!(out.exit, JitExit::Return);
    let it = as_range_iter(out.ret).expect("a range iterator");
    assert_eq!((it.next, it.step, it.len), (3, 4, 7));

    // A raising runtime function: status ERROR with the frame state it recorded (the raising
    // instruction, its operands still on the stack) and the exception.
    let mut a = Asm::default();
    a.op(LOAD_FAST, 0);
    a.op(LOAD_FAST, 1);
    let at = a.op(BINARY_OP, nb::ADD);
    a.op(RETURN_VALUE, 0);
    let none = rt.none();
    let out = rt.run(&a, &[], &[int(1), none]);
    assert_eq!(
        (out.exit, out.instr_index, out.stack_depth, out.error_at),
        (JitExit::Error, at, 2, at)
    );
    assert_eq!(out.stack, vec![int(1), none]);
    let type_error = rt.vm.exc_by_name("TypeError");
    assert_eq!(rt.vm.type_of(out.exception), type_error);
    assert!(
        rt.repr(out.exception).contains("unsupported operand"),
        "{}",
        rt.repr(out.exception)
    );

    // YIELD_VALUE (`_SWITCH`, `yield_switch`) in the frame compiled code was entered with leaves
    // with the value, the frame synced after the yield as the interpreter's arm leaves it.
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    let at = a.op(YIELD_VALUE, 0);
    a.op(RETURN_VALUE, 0);
    let p = rt.load(&a, &[int(1)], 0);
    assert_eq!(rt.compile(p).stats().exits, 0);
    let out = rt.run(&a, &[int(1)], &[]);
    assert_eq!(
        (out.exit, out.exit_kind, out.ret),
        (JitExit::Return, EXIT_YIELD, int(1))
    );
    assert_eq!((out.instr_index, out.stack_depth), (at + 1, 0));

    // An instruction without a runtime function (RETURN_GENERATOR: the driver gives it none) is
    // an exit to the interpreter, at the instruction with the stack as it was.
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    a.op(POP_TOP, 0);
    let at = a.op(RETURN_GENERATOR, 0);
    a.op(POP_TOP, 0);
    a.op(LOAD_CONST, 0);
    a.op(RETURN_VALUE, 0);
    let p = rt.load(&a, &[int(1)], 0);
    assert_eq!(rt.compile(p).stats().exits, 1);
    let out = rt.run(&a, &[int(1)], &[]);
    assert_eq!(
        (out.exit, out.instr_index, out.stack),
        (JitExit::Deopt, at, vec![])
    );
}

#[test]
fn eval_breaker_exits_at_jump_backward() {
    let mut rt = Rt::new();
    let mut a = Asm::default();
    a.op(NOP, 0);
    let j = a.op(JUMP_BACKWARD, 0);
    let p = rt.load(&a, &[], 0);
    let region = rt.compile(p);
    let ctx = &mut JitContext::new();
    ctx.eval_breaker
        .store(1, std::sync::atomic::Ordering::Relaxed);
    let out = rt.run_at(&region, p, &[], &[], 0, ctx).expect("run");
    assert_eq!(
        (out.exit, out.instr_index, out.stack_depth),
        (JitExit::Deopt, j, 0)
    );
}

#[test]
fn entering_mid_code_uses_the_frame_stack_depth() {
    let mut rt = Rt::new();
    // Enter at STORE_FAST with one value already on the stack, as the interpreter would leave it.
    // (The NOP before it takes nothing in registers, so STORE_FAST takes nothing either and can
    // be entered; after LOAD_CONST directly it would take the constant in a register.)
    let mut a = Asm::default();
    a.op(LOAD_CONST, 0);
    a.op(NOP, 0);
    let store = a.op(STORE_FAST, 0);
    a.op(LOAD_FAST, 0);
    a.op(RETURN_VALUE, 0);
    let p = rt.load(&a, &[int(1)], 1);
    let region = rt.compile(p);
    let ctx = &mut JitContext::new();
    let out = rt
        .run_at(&region, p, &[Value::NULL], &[int(77)], store as usize, ctx)
        .expect("run");
    assert_eq!(
        (out.exit, out.ret, out.locals[0]),
        (JitExit::Return, int(77), int(77))
    );
    // An instruction that takes values in registers is no entry: the interpreter runs it.
    let mut c = Asm::default();
    c.op(LOAD_CONST, 0);
    let cached = c.op(STORE_FAST, 0);
    c.op(LOAD_FAST, 0);
    c.op(RETURN_VALUE, 0);
    let pc = rt.load(&c, &[int(1)], 1);
    let r = rt.compile(pc);
    assert!(r.entry_offset(cached as usize).is_none() && r.is_compiled(cached as usize));
    let refused = rt.run_at(&r, pc, &[Value::NULL], &[int(1)], cached as usize, ctx);
    assert!(refused.is_err());
    // Entering at a cache unit is refused.
    let mut b = Asm::default();
    b.op(BINARY_OP_ADD_INT, nb::ADD);
    let pb = rt.load(&b, &[], 0);
    let r = rt.compile(pb);
    assert!(rt.run_at(&r, pb, &[], &[int(1), int(2)], 1, ctx).is_err());
}

#[test]
fn malformed_code_is_an_error_not_a_crash() {
    let mut rt = Rt::new();
    let p = rt.load(&Asm { code: vec![255] }, &[], 0);
    assert!(rt.try_compile(p).is_err());
    let mut a = Asm::default();
    a.op(LOAD_CONST, 3);
    let p = rt.load(&a, &[int(1)], 0);
    assert!(rt.try_compile(p).is_err());
    let mut a = Asm::default();
    a.op(JUMP_BACKWARD, 1000);
    let p = rt.load(&a, &[], 0);
    assert!(rt.try_compile(p).is_err());
    let mut a = Asm::default();
    a.op(BINARY_OP_ADD_INT, nb::ADD);
    a.op(JUMP_BACKWARD, 1); // the cache unit of the add
    let p = rt.load(&a, &[], 0);
    assert!(rt.try_compile(p).is_err());
}

/// Measurement, not a check of speed (run with `--ignored --nocapture`): stitching time per
/// instruction and the JIT-compiled while loop's time per iteration. The results are still checked.
#[test]
#[ignore]
fn measure_stitch_and_loop_speed() {
    let mut rt = Rt::new();
    // The while loop of `while_loop_with_compare_and_branches`, 15 instructions.
    let (a, _) = while_loop();
    let p = rt.load(&a, &[int(1)], 3);
    let cd = as_code(p.code).unwrap();
    let syms = rt.syms(p);
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
            let r = Region::compile(&cd.code.code, &cd.consts, &syms).unwrap();
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
        let region = Region::compile_with(set, &cd.code.code, &cd.consts, &syms).unwrap();
        let n = 50_000;
        let mut per_iter = Vec::new();
        for _ in 0..20 {
            let ctx = &mut JitContext::new();
            let t0 = std::time::Instant::now();
            let out = rt
                .run_at(&region, p, &[int(n), int(0), int(0)], &[], 0, ctx)
                .expect("run");
            per_iter.push(t0.elapsed().as_nanos() as f64 / n as f64);
            let want = int((0..n).map(|k| k * k).sum());
            assert_eq!((out.exit, out.ret), (JitExit::Return, want));
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
    let mut rt = Rt::new();
    let host = cpjit::jit::stencils::Arch::host().unwrap();
    let (a, at) = binop_program(BINARY_OP_ADD_INT);
    let p = rt.load(&a, &[], 3);
    let cd = as_code(p.code).unwrap();
    let region = Region::compile_with(host.stencils(), &cd.code.code, &cd.consts, &rt.syms(p));
    let region = region.unwrap();
    for (l, r, want) in [
        (int(5), int(37), Some(int(42))),
        (int(SMALL_INT_MAX), int(1), None),
    ] {
        let out = rt.run_at(
            &region,
            p,
            &[l, r, Value::NULL],
            &[],
            0,
            &mut JitContext::new(),
        );
        let out = out.expect("run");
        match want {
            Some(v) => assert_eq!((out.exit, out.ret), (JitExit::Return, v)),
            None => assert_eq!(
                (out.exit, out.instr_index, out.stack),
                (JitExit::Deopt, at, vec![l, r])
            ),
        }
    }
}
