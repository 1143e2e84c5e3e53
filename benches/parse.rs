//! Parse and compile throughput: tokenize + parse to AST, and AST to code objects, of a large real file (the stdlib's `_pydecimal.py`,
//! copied into benches/data so the numbers don't depend on the machine's Python). Compare with
//! `python3 tools/bench_cpython_parse.py` (BENCHMARKS.md, "Parser").

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::time::Instant;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/_pydecimal.py");

fn bench_parse(c: &mut Criterion) {
    let src = std::fs::read(FILE).expect("benches/data/_pydecimal.py");
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
