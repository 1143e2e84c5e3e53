//! cpjit's bytecode against CPython 3.11's for tests/golden/dis/*.py (recorded by
//! tools/record_dis.py; the comparison rules are in tests/golden/dis/README.md).

use std::path::Path;

use cpjit::bytecode::dis::{compile_source, golden_listing};

fn parse_expected(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(q) = line.strip_prefix("== ") {
            out.push((q.to_string(), Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(line.to_string());
        }
    }
    out
}

#[test]
fn dis_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/dis");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let (mut total, mut failures) = (0, Vec::new());
    for py in files {
        let src = std::fs::read(&py).unwrap();
        let name = py.file_name().unwrap().to_str().unwrap().to_string();
        let co = compile_source(&src, &name).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let got = golden_listing(&co);
        let expected = parse_expected(&std::fs::read_to_string(py.with_extension("dis")).unwrap());
        assert_eq!(
            got.iter().map(|g| &g.0).collect::<Vec<_>>(),
            expected.iter().map(|e| &e.0).collect::<Vec<_>>(),
            "{name}: code objects differ"
        );
        for ((q, g), (_, e)) in got.iter().zip(&expected) {
            total += 1;
            if g != e {
                let mut d = format!("--- {name}: {q}\n");
                for i in 0..g.len().max(e.len()) {
                    let gl = g.get(i).map(String::as_str).unwrap_or("");
                    let el = e.get(i).map(String::as_str).unwrap_or("");
                    let mark = if gl == el { "  " } else { "!!" };
                    d.push_str(&format!("{mark} {el:<40} | {gl}\n"));
                }
                failures.push(d);
            }
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!(
        "{} of {total} code objects match CPython 3.11",
        total - failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} code objects differ (expected | cpjit)",
        failures.len()
    );
}

/// `eval` mode (`compile_expression`): tests/golden/dis/*.eval, one expression per line.
#[test]
fn eval_mode_matches_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/dis");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "eval") {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let mut got = String::new();
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            got.push_str(&format!("# {line}\n"));
            let module = cpjit::syntax::parser::parse_expression(line.as_bytes(), &name).unwrap();
            let cpjit::syntax::ast::Mod::Expression { body } = &module else {
                unreachable!()
            };
            let co = cpjit::compile::compile_expression(body, &name).unwrap();
            for (q, lines) in golden_listing(&co) {
                got.push_str(&format!("== {q}\n"));
                for l in lines {
                    got.push_str(&l);
                    got.push('\n');
                }
            }
            checked += 1;
        }
        let expected = std::fs::read_to_string(dir.join(format!("{name}.dis"))).unwrap();
        if got != expected {
            for (g, e) in got.lines().zip(expected.lines()) {
                if g != e {
                    eprintln!("expected {e}\n     got {g}");
                }
            }
            panic!("{name}: eval-mode bytecode differs");
        }
    }
    assert!(checked > 0);
}
