//! Parse and compile throughput: tokenize + parse to AST, and AST to code objects, of a large real
//! file (the stdlib's `_pydecimal.py`, read from the CPython 3.11 on PATH at run time, or from
//! `$CPJIT_BENCH_FILE`), and the bytecode cache's load (`.pyc` payload to a validated code object)
//! of the same module. Compare with `python3 tools/bench_cpython_parse.py` (BENCHMARKS.md, "Parser").

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::time::Instant;

/// The stdlib's `_pydecimal.py` of the python3 on PATH (never a copy in this repository).
fn input_file() -> String {
    if let Ok(f) = std::env::var("CPJIT_BENCH_FILE") {
        return f;
    }
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_path('stdlib'))",
        ])
        .output()
        .expect("python3 (CPython 3.11) on PATH, or CPJIT_BENCH_FILE");
    let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
    format!("{dir}/_pydecimal.py")
}

fn bench_parse(c: &mut Criterion) {
    let file = input_file();
    let src = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let lines = src.iter().filter(|&&b| b == b'\n').count() as u64;
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(lines));
    g.bench_function("_pydecimal.py tokenize+parse", |b| {
        b.iter(|| cpjit::syntax::parser::parse_module(&src, "_pydecimal.py").expect("parses"))
    });
    let module = cpjit::syntax::parser::parse_module(&src, "_pydecimal.py").expect("parses");
    g.bench_function("_pydecimal.py compile (AST to code)", |b| {
        b.iter(|| cpjit::compile::compile_module(&module, "_pydecimal.py").expect("compiles"))
    });
    g.bench_function("_pydecimal.py parse+compile", |b| {
        b.iter(|| {
            let m = cpjit::syntax::parser::parse_module(&src, "_pydecimal.py").expect("parses");
            cpjit::compile::compile_module(&m, "_pydecimal.py").expect("compiles")
        })
    });
    // The cache's load path: checksummed payload -> code objects, validated (what an import
    // from `__pycache__` does instead of the two steps above).
    let code = cpjit::compile::compile_module(&module, "_pydecimal.py").expect("compiles");
    let payload = cpjit::bytecode::serialize::serialize(&code);
    g.bench_function("_pydecimal.py .pyc load (deserialize+validate)", |b| {
        b.iter(|| {
            cpjit::bytecode::serialize::deserialize(&payload, "_pydecimal.py").expect("loads")
        })
    });
    g.finish();
    // Best and median of 20 timed runs, in lines/s, printed the same way as the CPython script.
    let mut times: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let m = cpjit::syntax::parser::parse_module(&src, "_pydecimal.py").expect("parses");
            let dt = t.elapsed().as_secs_f64();
            drop(m);
            dt
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let (best, median) = (times[0], times[times.len() / 2]);
    println!(
        "cpjit parse_module: {lines} lines, best {:.2} ms ({:.0} lines/s), median {:.2} ms ({:.0} lines/s)",
        best * 1e3,
        lines as f64 / best,
        median * 1e3,
        lines as f64 / median
    );
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
