//! Compile-time SyntaxErrors (messages and locations) against CPython 3.11, recorded by
//! tools/record_compile_errors.py from tests/golden/compile_errors/cases.py.

use std::path::Path;

#[test]
fn compile_errors_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/compile_errors");
    let src = std::fs::read_to_string(dir.join("cases.py")).unwrap();
    let expected = std::fs::read_to_string(dir.join("cases.expected")).unwrap();
    let cases: Vec<&str> = src.split("# ---\n").collect();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(cases.len(), expected.len());
    let mut failures = Vec::new();
    for (case, exp) in cases.iter().zip(&expected) {
        let got = match cpjit::bytecode::dis::compile_source(case.as_bytes(), "case.py") {
            Ok(_) => "OK".to_string(),
            Err(e) => format!(
                "{}: {} @ {}:{}-{}:{}",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset
            ),
        };
        if &got != exp {
            failures.push(format!("{case}\n  expected {exp}\n  got      {got}"));
        }
    }
    for f in &failures {
        eprintln!("{f}\n");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ",
        failures.len(),
        cases.len()
    );
}
