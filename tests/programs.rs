//! Runs every tests/programs/NAME.py through the cpjit binary and compares stdout, stderr and the
//! exit status byte for byte with what python3 produced (recorded by tools/record_programs.py).
//! One test reports every failing program.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn run_one(bin: &Path, dir: &Path, name: &str, stress: bool, mode: &str) -> Result<(), String> {
    let exp = dir.join("expected");
    let read = |ext: &str| std::fs::read(exp.join(format!("{name}.{ext}")));
    let (Ok(out), Ok(err), Ok(status)) = (read("out"), read("err"), read("status")) else {
        return Err("no recorded expectation (run tools/record_programs.py)".into());
    };
    let status: i32 = String::from_utf8_lossy(&status)
        .trim()
        .parse()
        .unwrap_or(-999);
    let mut cmd = Command::new(bin);
    if stress {
        cmd.env("CPJIT_GC_STRESS", "1");
    }
    // `jit` / `jit-stress`: the JIT after warm-up, or compiling at the first opportunity with
    // every instruction specialized at its first execution.
    match mode {
        "jit" => cmd.env("CPJIT_SPECIALIZE", "on").env("CPJIT_JIT", "on"),
        "jit-stress" => cmd
            .env("CPJIT_SPECIALIZE", "stress")
            .env("CPJIT_JIT", "stress"),
        _ => cmd.env("CPJIT_SPECIALIZE", mode).env("CPJIT_JIT", "off"),
    };
    let mut child = cmd
        .arg(format!("{name}.py"))
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .env("PYTHONHASHSEED", "0")
        // As tools/record_programs.py records the expectations: the standard streams' buffering
        // (and so the order of a program's output against its child processes') follows it.
        .env("PYTHONUNBUFFERED", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawn: {e}"))?;
    let start = Instant::now();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let mut s = stdout;
        let _ = std::io::Read::read_to_end(&mut s, &mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let mut s = stderr;
        let _ = std::io::Read::read_to_end(&mut s, &mut v);
        v
    });
    let code = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break st.code().unwrap_or(-1);
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            return Err("timed out after 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // Like CPython, cpjit names the script by its absolute path; the recorder strips the program
    // directory from traceback file names (tools/record_programs.py portable()): do the same.
    let prefix = format!("File \"{}/", dir.display());
    let got_out = t_out.join().unwrap();
    let got_err = String::from_utf8_lossy(&t_err.join().unwrap())
        .replace(&prefix, "File \"")
        .into_bytes();
    let mut problems = Vec::new();
    if got_out != out {
        problems.push(format!(
            "stdout differs:\n--- expected\n{}\n--- got\n{}",
            tail(&out),
            tail(&got_out)
        ));
    }
    if got_err != err {
        problems.push(format!(
            "stderr differs:\n--- expected\n{}\n--- got\n{}",
            tail(&err),
            tail(&got_err)
        ));
    }
    if code != status {
        problems.push(format!("exit status {code}, expected {status}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn tail(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let lines: Vec<&str> = s.lines().collect();
    let start = lines.len().saturating_sub(15);
    lines[start..].join("\n")
}

/// The default mode: specialization after warm-up.
#[test]
fn programs_match_python3() {
    run_suite("on");
}

/// No specialization: the generic instructions alone.
#[test]
fn programs_match_python3_specialize_off() {
    run_suite("off");
}

/// Every adaptive instruction specialized at its first execution and re-specialized right after
/// each deopt: the specialized forms and their miss paths run as often as possible.
#[test]
fn programs_match_python3_specialize_stress() {
    run_suite("stress");
}

/// `--jit` with the default threshold: hot code runs as stitched machine code.
#[test]
fn programs_match_python3_jit() {
    run_suite("jit");
}

/// `--jit` compiling every code object at its first entry, with stress specialization: every
/// program runs (almost) entirely as compiled code, steps and exits.
#[test]
fn programs_match_python3_jit_stress() {
    run_suite("jit-stress");
}

fn run_suite(mode: &str) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_cpjit"));
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            if p.extension()? == "py" {
                Some(p.file_stem()?.to_string_lossy().into_owned())
            } else {
                None
            }
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no programs in {}", dir.display());
    let filter = std::env::var("PROGRAMS").ok();
    if let Some(f) = &filter {
        names.retain(|n| n.contains(f.as_str()));
    }
    let results = std::sync::Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                if i >= names.len() {
                    break;
                }
                let r = run_one(&bin, &dir, &names[i], false, mode);
                results.lock().unwrap().push((names[i].clone(), r));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    // tests/programs/known_failures.txt lists programs cpjit does not pass yet, one `NAME: reason`
    // line each (written by tools/program_failures.py --write). They are reported, never hidden, and
    // the list is strict: a listed program that passes fails the test until its line is removed.
    let known: std::collections::BTreeMap<String, String> =
        std::fs::read_to_string(dir.join("known_failures.txt"))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (n, r) = l.split_once(':').unwrap_or((l, ""));
                (n.trim().to_string(), r.trim().to_string())
            })
            .collect();
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    let mut known_failing = 0;
    for (name, r) in &results {
        match (r, known.get(name)) {
            (Err(e), None) => {
                eprintln!("==== {name}.py FAILED (specialize={mode})\n{e}\n");
                unexpected.push(name.as_str());
            }
            (Err(_), Some(reason)) => {
                eprintln!("known failure: {name}: {reason}");
                known_failing += 1;
            }
            (Ok(()), Some(_)) => now_passing.push(name.as_str()),
            (Ok(()), None) => {}
        }
    }
    let listed_missing: Vec<&String> = known
        .keys()
        .filter(|k| filter.is_none() && !results.iter().any(|r| &r.0 == *k))
        .collect();
    eprintln!(
        "specialize={mode}: {} of {} programs pass; {} known failures (tests/programs/known_failures.txt)",
        results.len() - unexpected.len() - known_failing,
        results.len(),
        known_failing
    );
    assert!(
        unexpected.is_empty(),
        "specialize={mode}: {} programs differ from python3: {}",
        unexpected.len(),
        unexpected.join(", ")
    );
    assert!(
        now_passing.is_empty() && listed_missing.is_empty(),
        "known_failures.txt is stale: now passing {now_passing:?}, no such program {listed_missing:?}"
    );
}

/// Programs heavy on classes, closures, generators and containers, with a collection at every
/// safepoint: a value Rust code forgot to root would be freed and show up as wrong output.
#[test]
fn programs_under_gc_stress() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_cpjit"));
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let names = [
        "classes_basic",
        "closures",
        "dunder_methods",
        "generators",
        "generators2",
        "gen_pipeline",
        // Async generators: awaitables holding the generator across its resumptions.
        "async_gen_basics",
        "async_gen_athrow_aclose",
        "async_gen_errors",
        "itertools_use",
        "closures_decorators",
        "oop_patterns",
        "sets",
        "dicts",
        "sorting",
        "exceptions_basic",
        "with_statement",
        "prog_bst",
        "prog_game_of_life",
        "p_sum_bigint_generator",
        "kwargs_calls",
        "p_complex_ops",
        "p_bytes_methods",
        "p_str_maketrans",
        "p_num_dunders_views",
        "set_python_hash_keys",
        // Imports run module code (and so collect) inside the import machinery.
        "stdlib_import_system",
        "stdlib_json_string_typing",
        "gc_roots_dicts",
        "gc_roots_calls",
        "gc_roots_numeric",
        "gc_roots_builtins",
        "gc_roots_itertools",
        "gc_roots_reduce",
        "gc_roots_mutating",
    ];
    let failed: Vec<String> = names
        .iter()
        .filter_map(|n| {
            run_one(&bin, &dir, n, true, "stress")
                .err()
                .map(|e| format!("{n}: {e}"))
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
