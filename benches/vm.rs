//! VM kernels: small Python programs (benches/vm_kernels/*.py) compiled once and run in-process
//! through the library, each run executing the module code in a fresh globals dict (so function
//! and class definitions are re-made each run, as in `tools/bench_kernels.py` for CPython, which
//! times the same files the same way). Every kernel leaves its answer in `result`; its repr is
//! checked against python3's before timing (BENCHMARKS.md, "VM kernels").
//!
//! Each kernel runs in each mode of `cpjit bench` (`vm/off/fib`, `vm/spec/fib`, `vm/jit/fib`):
//! the specializer and the JIT are installed once and each VM is set to its mode.

// The same allocator as the `cpjit` binary, so in-process numbers match what users run.
#[global_allocator]
static GLOBAL: cpjit::vm::alloc::Malloc = cpjit::vm::alloc::Malloc;

use cpjit::vm::interp::Vm;
use cpjit::vm::value::Value;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::time::{Duration, Instant};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/vm_kernels");
const KERNELS: &[&str] = &["fib", "int_loop", "float_loop", "method_calls", "dict_str"];

/// A VM with one kernel's module code compiled and loaded (rooted for the VM's lifetime).
struct Loaded {
    vm: Box<Vm>,
    code: Value,
}

/// The modes of `cpjit bench`: plain interpreter, specializing, specializing with the JIT.
const MODES: &[&str] = &["off", "spec", "jit"];

/// Installs the specializer and the JIT for VMs created from now on (each then picks its mode).
fn install() {
    cpjit::vm::adaptive::configure(cpjit::vm::adaptive::settings_from_env());
    cpjit::specialize::install();
    cpjit::jit::driver::install(cpjit::jit::driver::Settings {
        enabled: true,
        ..Default::default()
    });
}

fn set_mode(vm: &mut Vm, mode: &str) {
    use cpjit::vm::adaptive::Mode;
    vm.mode = if mode == "off" { Mode::Off } else { Mode::On };
    vm.adaptive = mode != "off";
    if mode != "jit" {
        vm.jit = None;
    }
}

fn load(name: &str, src: &[u8], mode: &str) -> Loaded {
    let filename = format!("{name}.py");
    let module = cpjit::syntax::parser::parse_module(src, &filename)
        .unwrap_or_else(|e| panic!("{filename}: {}", e.render()));
    let code = cpjit::compile::compile_module(&module, &filename)
        .unwrap_or_else(|e| panic!("{filename}: {}", e.render()));
    let mut vm = Vm::new();
    set_mode(&mut vm, mode);
    let code = cpjit::vm::code::load_code(&mut vm, std::rc::Rc::new(code));
    vm.roots.push(code);
    Loaded { vm, code }
}

/// Runs the module code once in fresh globals; returns repr(result).
fn run_once(l: &mut Loaded) -> String {
    use cpjit::vm::runtime::dict::{dict_get_str, dict_set};
    let vm = &mut *l.vm;
    let globals = vm.new_dict();
    vm.roots.push(globals);
    let (bk, b) = (vm.intern("__builtins__"), vm.builtins);
    let (nk, nv) = (vm.intern("__name__"), vm.new_str("__main__"));
    dict_set(vm, globals, bk, b).expect("set __builtins__");
    dict_set(vm, globals, nk, nv).expect("set __name__");
    let r = cpjit::vm::eval::run_code(vm, l.code, globals, globals, Value::NULL);
    if let Err(e) = r {
        let tb = cpjit::vm::traceback::format_exception(vm, e);
        panic!("kernel raised:\n{tb}");
    }
    let rk = vm.intern("result");
    let v = dict_get_str(vm, globals, rk).expect("kernel sets `result`");
    let s = cpjit::vm::runtime::repr::repr_string(vm, v).expect("repr(result)");
    vm.roots.pop();
    s
}

/// repr(result) of the kernel under python3, or None (with a notice) if python3 can't be run.
fn python_result(path: &str) -> Option<String> {
    let prog =
        "import sys; g = {}; exec(compile(open(sys.argv[1]).read(), sys.argv[1], 'exec'), g); \
                print(repr(g['result']))";
    match std::process::Command::new("python3")
        .args(["-c", prog, path])
        .output()
    {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).trim_end().into()),
        Ok(o) => panic!(
            "python3 failed on {path}: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => {
            println!("NOTE: python3 not runnable ({e}); {path} result not checked");
            None
        }
    }
}

fn bench_vm(c: &mut Criterion) {
    install();
    let mut g = c.benchmark_group("vm");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let mut summary = Vec::new();
    for mode in MODES {
        for name in KERNELS {
            let path = format!("{DIR}/{name}.py");
            let src = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut l = load(name, &src, mode);
            let got = run_once(&mut l);
            if let Some(want) = python_result(&path) {
                assert_eq!(
                    got, want,
                    "{name} ({mode}): cpjit result differs from python3's"
                );
            }
            g.bench_function(format!("{mode}/{name}"), |b| b.iter(|| run_once(&mut l)));
            // Min and median of 20 runs, printed like tools/bench_kernels.py for a direct comparison.
            let mut times: Vec<f64> = (0..20)
                .map(|_| {
                    let t = Instant::now();
                    run_once(&mut l);
                    t.elapsed().as_secs_f64()
                })
                .collect();
            times.sort_by(|a, b| a.partial_cmp(b).unwrap());
            summary.push((
                format!("{mode}/{name}"),
                times[0],
                times[times.len() / 2],
                got,
            ));
        }
    }
    g.finish();
    println!("cpjit (in-process, 20 runs after criterion)");
    println!(
        "{:<22} {:>10} {:>10}  result",
        "kernel", "min ms", "median ms"
    );
    for (name, min, med, r) in summary {
        let r = if r.len() <= 40 {
            r
        } else {
            format!("{}...", r.chars().take(37).collect::<String>())
        };
        println!("{name:<22} {:>10.3} {:>10.3}  {r}", min * 1e3, med * 1e3);
    }
}

/// The code objects of a loaded kernel: its module code and every function and class body in it.
fn code_objects(code: Value, out: &mut Vec<Value>) {
    if let Some(cd) = cpjit::vm::object::as_code(code) {
        out.push(code);
        for &c in cd.consts.iter() {
            code_objects(c, out);
        }
    }
}

/// The stitcher's compile speed: every code object of each kernel, quickened by one run in the
/// specializing mode, stitched into machine code as the JIT would (copy, patch, make executable),
/// in ns per bytecode instruction.
fn bench_stitch(c: &mut Criterion) {
    install();
    let mut g = c.benchmark_group("stitch");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    let mut summary = Vec::new();
    for name in KERNELS {
        let path = format!("{DIR}/{name}.py");
        let src = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut l = load(name, &src, "spec");
        run_once(&mut l);
        let mut codes = Vec::new();
        code_objects(l.code, &mut codes);
        let stitch_all = |vm: &mut Vm| -> usize {
            let mut instructions = 0;
            for &code in &codes {
                if let Some(Ok(region)) = cpjit::jit::driver::stitch_code_object(vm, code) {
                    instructions += region.stats().instructions;
                }
            }
            instructions
        };
        let instructions = stitch_all(&mut l.vm);
        assert!(instructions > 0, "{name}: nothing stitched");
        g.throughput(Throughput::Elements(instructions as u64));
        g.bench_function(*name, |b| b.iter(|| stitch_all(&mut l.vm)));
        let mut times: Vec<f64> = (0..50)
            .map(|_| {
                let t = Instant::now();
                stitch_all(&mut l.vm);
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        summary.push((name, instructions, times[times.len() / 2]));
    }
    g.finish();
    println!("stitcher (median of 50 after criterion)");
    println!(
        "{:<16} {:>12} {:>12} {:>10}",
        "kernel", "instructions", "median us", "ns/instr"
    );
    for (name, n, med) in summary {
        println!(
            "{name:<16} {n:>12} {:>12.1} {:>10.1}",
            med * 1e6,
            med * 1e9 / n as f64
        );
    }
}

criterion_group!(benches, bench_vm, bench_stitch);
criterion_main!(benches);
