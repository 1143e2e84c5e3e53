//! `cpjit symtable` against python3's `symtable` module for tests/golden/symtable/*.py (recorded by
//! tools/record_symtable.py).

use std::path::Path;

#[test]
fn symtable_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/symtable");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for py in &files {
        let name = py.file_name().unwrap().to_str().unwrap();
        let src = std::fs::read(py).unwrap();
        let module = cpjit::syntax::parser::parse_module(&src, name).unwrap();
        // As `cpjit symtable` and python3's module: the tree before constant folding.
        let st = cpjit::compile::symtable::build(&module, name).unwrap();
        let got = st.dump();
        let expected = std::fs::read_to_string(py.with_extension("symtable")).unwrap();
        if got != expected {
            let mut d = format!("--- {name} (expected | cpjit)\n");
            for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
                if e != g {
                    d.push_str(&format!("line {}: {e}\n       | {g}\n", i + 1));
                }
            }
            if expected.lines().count() != got.lines().count() {
                d.push_str("(line counts differ)\n");
            }
            failures.push(d);
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} files differ",
        failures.len(),
        files.len()
    );
}
