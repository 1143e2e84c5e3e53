//! The call-level fuzzer's short seed set (tools/call_fuzz.py, which documents what is called
//! and what is left out): runs each tests/call_fuzz/seed_N.py through cpjit and checks, for every
//! call, no panic (`PANIC`), no crash (the program must finish with status 0), no hang (a time
//! limit per program) and the exception type python3 recorded in seed_N.expected.
//!
//! Calls whose outcome still differs are listed in tests/call_fuzz/known_differences.txt as
//! `callable<TAB>python3 outcome<TAB>cpjit outcome` (`missing`: the callable does not exist in
//! cpjit). The list is strict: a difference not in it fails, and so does an entry that no longer
//! occurs (delete it). `BLESS=1` rewrites the list from the current run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIME_LIMIT: Duration = Duration::from_secs(120);

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/call_fuzz")
}

/// `index -> callable expression` from the generated program's CALLS lines.
fn targets(src: &str) -> BTreeMap<u32, String> {
    let mut out = BTreeMap::new();
    for line in src.lines() {
        let Some(rest) = line.strip_prefix("    (") else {
            continue;
        };
        let (Some((i, _)), Some((_, tail))) =
            (rest.split_once(", "), rest.split_once(", lambda: "))
        else {
            continue;
        };
        let target = tail.split(", (").next().unwrap_or(tail);
        if let Ok(i) = i.parse() {
            out.insert(i, target.to_string());
        }
    }
    out
}

fn outcomes(text: &str) -> BTreeMap<u32, String> {
    text.lines()
        .filter_map(|l| {
            let (i, o) = l.split_once(' ')?;
            Some((i.parse().ok()?, o.to_string()))
        })
        .collect()
}

/// Runs one program (with a collection at every safepoint if `gc_stress`); Err on crash or hang.
fn run(py: &Path, gc_stress: bool) -> Result<String, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cpjit"));
    if gc_stress {
        cmd.env("CPJIT_GC_STRESS", "1");
    }
    let mut child = cmd
        .arg(py.file_name().unwrap())
        .current_dir(py.parent().unwrap())
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut v);
        v
    });
    let mut stderr = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break st;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            let out = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
            let last = out.lines().last().unwrap_or("none").to_string();
            return Err(format!(
                "hang: killed after {TIME_LIMIT:?}; last result: {last}"
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
    let err = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    if !status.success() {
        let last = out.lines().last().unwrap_or("none").to_string();
        return Err(format!(
            "crash: {status}; last result: {last}; stderr: {}",
            err.chars()
                .rev()
                .take(800)
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
        ));
    }
    Ok(out)
}

/// The programs in tests/call_fuzz whose names start with `prefix`, sorted.
fn seed_programs(prefix: &str) -> Vec<PathBuf> {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/call_fuzz")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    seeds.sort();
    seeds
}

/// The GC-stress seeds (tools/call_fuzz.py's GC_POOL: arguments whose dunders run Python code
/// that allocates): under CPJIT_GC_STRESS=1, a collection at every safepoint, every call must
/// have the outcome it has without stress, with no crash or internal error. A value a built-in
/// forgot to root shows up as a crash, a PANIC or a different exception.
#[test]
fn call_fuzz_gc_stress_seeds() {
    let seeds = seed_programs("gc_seed_");
    assert!(
        !seeds.is_empty(),
        "no GC seed programs (run tools/call_fuzz.py bless)"
    );
    let mut failures = Vec::new();
    let mut calls = 0;
    for py in &seeds {
        let name = py.file_name().unwrap().to_string_lossy().into_owned();
        let targets = targets(&std::fs::read_to_string(py).unwrap());
        let (plain, stressed) = match (run(py, false), run(py, true)) {
            (Ok(a), Ok(b)) => (outcomes(&a), outcomes(&b)),
            (a, b) => {
                failures.push(format!(
                    "{name}: plain {:?}, stressed {:?}",
                    a.err(),
                    b.err()
                ));
                continue;
            }
        };
        for (i, target) in &targets {
            calls += 1;
            let (p, s) = (plain.get(i), stressed.get(i));
            if p != s || s.is_some_and(|s| s == "PANIC") {
                failures.push(format!(
                    "{name} call {i}: {target}: {p:?} without GC stress, {s:?} with"
                ));
            }
        }
    }
    println!(
        "call fuzz under GC stress: {calls} calls in {} programs",
        seeds.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn call_fuzz_seeds_match_cpython() {
    let d = dir();
    let seeds = seed_programs("seed_");
    assert!(
        !seeds.is_empty(),
        "no seed programs (run tools/call_fuzz.py bless)"
    );
    let known_path = d.join("known_differences.txt");
    let known: BTreeSet<String> = std::fs::read_to_string(&known_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let mut failures = Vec::new();
    let mut seen = BTreeSet::new();
    let mut calls = 0;
    for py in &seeds {
        let name = py.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(py).unwrap();
        let expected = outcomes(&std::fs::read_to_string(py.with_extension("expected")).unwrap());
        let targets = targets(&src);
        let got = match run(py, false) {
            Ok(out) => outcomes(&out),
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        for (i, exp) in &expected {
            calls += 1;
            let target = targets.get(i).map(String::as_str).unwrap_or("?");
            let g = got.get(i).map(String::as_str).unwrap_or("<no result>");
            if g == "PANIC" {
                failures.push(format!(
                    "{name} call {i}: {target}: Rust panic (internal error)"
                ));
                continue;
            }
            if g != exp {
                let key = format!("{target}\t{exp}\t{g}");
                if !known.contains(&key) {
                    failures.push(format!(
                        "{name} call {i}: {target}: python3 {exp}, cpjit {g}"
                    ));
                }
                seen.insert(key);
            }
        }
    }
    if std::env::var_os("BLESS").is_some() {
        let mut text = String::from(
            "# Outcome differences of the call fuzzer's seed set still to fix (tests/call_fuzz.rs).\n\
             # callable<TAB>python3<TAB>cpjit; rewritten by BLESS=1 cargo test --release --test call_fuzz\n",
        );
        for k in &seen {
            text.push_str(k);
            text.push('\n');
        }
        std::fs::write(&known_path, text).unwrap();
        failures.retain(|f| f.contains("hang") || f.contains("crash") || f.contains("panic"));
    } else {
        for k in known.difference(&seen) {
            failures.push(format!(
                "known difference no longer occurs (delete it): {k}"
            ));
        }
    }
    println!(
        "call fuzz: {calls} calls in {} programs, {} known differences",
        seeds.len(),
        seen.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
