//! Golden tests: `tests/golden/tokens/*.py` against `*.tokens` recorded from `python3 -m tokenize`,
//! and `tests/golden/tokens/errors/*.py` against `*.err` recorded from CPython's `compile()`.
//! `BLESS=1 cargo test --test tokenizer_golden` re-records the expected files with python3.

use cpjit::syntax::token::TokKind;
use cpjit::syntax::tokenizer::{format_error, format_tokens, tokenize_with, Mode};
use std::path::{Path, PathBuf};
use std::process::Command;

fn dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/tokens")
        .join(sub)
}

fn inputs(d: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no golden inputs in {}", d.display());
    v
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

fn python(args: &[&str]) -> String {
    let out = Command::new("python3")
        .args(args)
        .output()
        .expect("python3 is needed to BLESS");
    let mut s = String::from_utf8(out.stdout).unwrap();
    s.push_str(&String::from_utf8(out.stderr).unwrap());
    s
}

/// The file name tokenize prints in errors: relative, so recordings do not depend on the checkout.
fn rel(p: &Path) -> String {
    p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn cpjit_tokenize(path: &Path, mode: Mode) -> String {
    let src = std::fs::read(path).unwrap();
    let name = rel(path);
    match tokenize_with(&src, &name, mode) {
        Ok(toks) => {
            let mut s = String::new();
            format_tokens(&toks, false, &mut s);
            s
        }
        Err(e) => format_error(&e, &name) + "\n",
    }
}

#[test]
fn tokens_match_python_tokenize() {
    let mut failures = Vec::new();
    for py in inputs(&dir("")) {
        let expected_path = py.with_extension("tokens");
        if bless() {
            let out = Command::new("python3")
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .args(["-m", "tokenize", &rel(&py)])
                .output()
                .unwrap();
            let mut s = String::from_utf8(out.stdout).unwrap();
            s.push_str(&String::from_utf8(out.stderr).unwrap());
            std::fs::write(&expected_path, s).unwrap();
        }
        let want =
            std::fs::read_to_string(&expected_path).expect("missing .tokens: run with BLESS=1");
        let got = cpjit_tokenize(&py, Mode::TokenizeModule);
        if got != want {
            failures.push(format!(
                "{}:\n--- want\n{want}\n--- got\n{got}",
                py.display()
            ));
        }
        // On valid code without `\r` the C-tokenizer mode gives the same stream. Files named
        // tm_* exercise tokenize.py-only behaviour (ERRORTOKEN, CRLF texts).
        let stem = py.file_stem().unwrap().to_string_lossy().into_owned();
        if !stem.starts_with("tm_") {
            let parser = cpjit_tokenize(&py, Mode::Parser);
            if parser != want {
                failures.push(format!(
                    "{} (Mode::Parser):\n--- want\n{want}\n--- got\n{parser}",
                    py.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const RECORD_ERROR: &str = r#"
import sys, warnings
warnings.simplefilter("ignore")
p = sys.argv[1]
try:
    import tokenize
    with tokenize.open(p) as f:  # decoded, universal newlines: CPython's messages for a str
        src = f.read()
    compile(src, p, "exec")
    print("no error")
except SyntaxError as e:
    print("%s: %s (%s, %s)" % (type(e).__name__, e.msg, e.lineno, e.offset))
"#;

#[test]
fn errors_match_cpython_compile() {
    let mut failures = Vec::new();
    for py in inputs(&dir("errors")) {
        let expected_path = py.with_extension("err");
        if bless() {
            std::fs::write(&expected_path, python(&["-c", RECORD_ERROR, &rel(&py)])).unwrap();
        }
        let want = std::fs::read_to_string(&expected_path).expect("missing .err: run with BLESS=1");
        let src = std::fs::read(&py).unwrap();
        let got = match tokenize_with(&src, &rel(&py), Mode::Parser) {
            // The parser's generic error at a token no rule accepts.
            Ok(toks) => match toks.iter().find(|t| t.kind == TokKind::ErrorToken) {
                Some(t) => format!(
                    "SyntaxError: invalid syntax ({}, {})\n",
                    t.start.line,
                    t.start.col_chars + 1
                ),
                None => "no error\n".to_string(),
            },
            Err(e) => format!(
                "{}: {} ({}, {})\n",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset
            ),
        };
        if got != want {
            failures.push(format!("{}: want {want} got {got}", py.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
