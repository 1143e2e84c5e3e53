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
            // An end_offset of 0 is cpjit's "no end column" (CPython's None).
            Err(e) => format!(
                "{}: {} @ {}:{}-{}:{}",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                if e.end_offset == 0 {
                    "None".to_string()
                } else {
                    e.end_offset.to_string()
                }
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

#[test]
fn syntax_warnings_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/compile_errors");
    let src = std::fs::read(dir.join("warnings.py")).unwrap();
    let expected = std::fs::read_to_string(dir.join("warnings.expected")).unwrap();
    let (_, warnings) =
        cpjit::bytecode::dis::compile_source_with_warnings(&src, "warnings.py").unwrap();
    let got: String = warnings
        .iter()
        .map(|w| format!("{}: SyntaxWarning: {}\n", w.lineno, w.msg))
        .collect();
    assert_eq!(got, expected);
}
