//! Every name CPython 3.11's `builtins` has exists in cpjit: `dir(builtins)` against the list
//! recorded from python3 (tools/record_builtins_names.py -> tests/golden/builtins_names.txt).
//! KNOWN_MISSING names what is still absent; it is strict: a listed name that starts to exist
//! fails the test until it is removed from the list.

use std::collections::BTreeSet;
use std::process::Command;

/// Absent from cpjit, with why.
const KNOWN_MISSING: &[(&str, &str)] = &[(
    "__loader__",
    "import machinery object (importlib's BuiltinImporter), issue 13",
)];

#[test]
fn dir_builtins_matches_python3() {
    let golden = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/builtins_names.txt"
    ))
    .expect("run tools/record_builtins_names.py");
    let python: BTreeSet<&str> = golden.split_whitespace().collect();
    let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args([
            "-c",
            "import builtins\nprint('\\n'.join(sorted(dir(builtins))))",
        ])
        .output()
        .expect("run cpjit");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let ours: BTreeSet<&str> = text.split_whitespace().collect();
    let known: BTreeSet<&str> = KNOWN_MISSING.iter().map(|(n, _)| *n).collect();
    let mut problems = Vec::new();
    for n in python.difference(&ours) {
        if !known.contains(n) {
            problems.push(format!("missing from cpjit: {n}"));
        }
    }
    for n in &known {
        if ours.contains(n) {
            problems.push(format!("{n} exists now: remove it from KNOWN_MISSING"));
        }
        if !python.contains(n) {
            problems.push(format!("{n} is not a python3 builtin name"));
        }
    }
    for n in ours.difference(&python) {
        problems.push(format!("cpjit has a builtin CPython lacks: {n}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
