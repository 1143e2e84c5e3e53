//! VM kernels: small Python programs (benches/vm_kernels/*.py) compiled once and run in-process
//! through the library, each run executing the module code in a fresh globals dict (so function
//! and class definitions are re-made each run, as in `tools/bench_kernels.py` for CPython, which
//! times the same files the same way). Every kernel leaves its answer in `result`; its repr is
//! checked against python3's before timing (BENCHMARKS.md, "VM kernels").

// The same allocator as the `cpjit` binary, so in-process numbers match what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cpjit::vm::interp::Vm;
use cpjit::vm::value::Value;
use criterion::{criterion_group, criterion_main, Criterion};
use std::time::{Duration, Instant};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/vm_kernels");
const KERNELS: &[&str] = &["fib", "int_loop", "float_loop", "method_calls", "dict_str"];

/// A VM with one kernel's module code compiled and loaded (rooted for the VM's lifetime).
struct Loaded {
    vm: Box<Vm>,
    code: Value,
}

fn load(name: &str, src: &[u8]) -> Loaded {
    let filename = format!("{name}.py");
    let module = cpjit::syntax::parser::parse_module(src, &filename)
        .unwrap_or_else(|e| panic!("{filename}: {}", e.render()));
    let code = cpjit::compile::compile_module(&module, &filename)
        .unwrap_or_else(|e| panic!("{filename}: {}", e.render()));
    let mut vm = Vm::new();
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
    let mut g = c.benchmark_group("vm");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let mut summary = Vec::new();
    for name in KERNELS {
        let path = format!("{DIR}/{name}.py");
        let src = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut l = load(name, &src);
        let got = run_once(&mut l);
        if let Some(want) = python_result(&path) {
            assert_eq!(got, want, "{name}: cpjit result differs from python3's");
        }
        g.bench_function(*name, |b| b.iter(|| run_once(&mut l)));
        // Min and median of 20 runs, printed like tools/bench_kernels.py for a direct comparison.
        let mut times: Vec<f64> = (0..20)
            .map(|_| {
                let t = Instant::now();
                run_once(&mut l);
                t.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        summary.push((name, times[0], times[times.len() / 2], got));
    }
    g.finish();
    println!("cpjit (in-process, 20 runs after criterion)");
    println!(
        "{:<16} {:>10} {:>10}  result",
        "kernel", "min ms", "median ms"
    );
    for (name, min, med, r) in summary {
        let r = if r.len() <= 40 {
            r
        } else {
            format!("{}...", r.chars().take(37).collect::<String>())
        };
        println!("{name:<16} {:>10.3} {:>10.3}  {r}", min * 1e3, med * 1e3);
    }
}

criterion_group!(benches, bench_vm);
criterion_main!(benches);
