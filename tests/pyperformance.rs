//! pyperformance scripts (fetched by shared/bench/fetch-pyperformance) run under cpjit with the
//! pyperf shim and print exactly what python3 prints.

use std::path::{Path, PathBuf};
use std::process::Command;

const BENCHMARKS: &[&str] = &[
    "nbody",
    "richards",
    "float",
    "spectral_norm",
    "fannkuch",
    "nqueens",
    // Beyond the six the compiler + VM issue names: more of the suite that runs today.
    "chaos",
    "go",
    "deltablue",
    "richards_super",
    "unpack_sequence",
    "pidigits",
    "meteor_contest",
    "barnes_hut",
    "gc_traversal",
    // Run since the standard library loads (issue 13).
    "generators",
];

/// The project's shared/ directory: beside the checkout (as CI lays it out) or /work/shared.
fn shared_dir(root: &Path) -> PathBuf {
    if let Some(d) = std::env::var_os("CPJIT_SHARED") {
        return PathBuf::from(d);
    }
    for c in [root.join("../shared"), PathBuf::from("/work/shared")] {
        if c.join("bench/fetch-pyperformance").is_file() {
            return c;
        }
    }
    panic!("shared/ not found beside the checkout; set CPJIT_SHARED");
}

#[test]
fn pyperformance_scripts_match_python3() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = shared_dir(&root);
    let dest = root.join("target/pyperformance");
    let st = Command::new(shared.join("bench/fetch-pyperformance"))
        .arg(&dest)
        .current_dir(&root)
        .status()
        .expect("run fetch-pyperformance");
    assert!(st.success(), "fetch-pyperformance failed");
    let shim = shared.join("pyperf_shim");
    let mut failures = Vec::new();
    for b in BENCHMARKS {
        let script = dest.join(format!("bm_{b}/run_benchmark.py"));
        let run = |exe: &Path, mode: &str| {
            Command::new(exe)
                .arg(&script)
                .env("PYTHONPATH", &shim)
                .env("CPJIT_SPECIALIZE", mode)
                .output()
                .expect("run benchmark")
        };
        let want = run(Path::new("python3"), "");
        if !want.status.success() {
            failures.push(format!("{b}: python3 itself failed"));
            continue;
        }
        // Every specialization mode (rule 1): off, on (the default) and stress.
        for mode in ["off", "on", "stress"] {
            let got = run(Path::new(env!("CARGO_BIN_EXE_cpjit")), mode);
            if got.stdout != want.stdout || got.status.code() != want.status.code() {
                failures.push(format!(
                    "{b} (specialize={mode}): expected {:?}, got {:?} (status {:?}); stderr:\n{}",
                    String::from_utf8_lossy(&want.stdout),
                    String::from_utf8_lossy(&got.stdout),
                    got.status.code(),
                    String::from_utf8_lossy(&got.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
