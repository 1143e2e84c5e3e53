//! The invalid programs of tests/syntax_errors/: cpjit must reject each with python3's exception
//! type and line (recorded by tools/record_syntax_errors.py into expected.tsv); the column, end and
//! message are compared too, and the number of exact matches is reported and must not drop below
//! the floor below.

use cpjit::syntax::parser::{parse_file, parse_module};
use std::path::Path;

/// Cases matching CPython in every field (type, line, offset, end, message). Raise it when more match.
const EXACT_FLOOR: usize = 96;

#[test]
fn syntax_error_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax_errors");
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).expect("expected.tsv");
    let (mut total, mut exact, mut type_line) = (0, 0, 0);
    let mut report = String::new();
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, kind, lineno, offset, end_lineno, end_offset, msg) =
            (f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
        total += 1;
        let src = std::fs::read(dir.join(name)).unwrap();
        let got = match parse_module(&src, name) {
            Ok(_) => {
                report.push_str(&format!(
                    "{name}: parsed without error; python3: {kind}: {msg}\n"
                ));
                continue;
            }
            Err(e) => e,
        };
        let tl = got.kind.name() == kind && got.lineno.to_string() == lineno;
        let pos_ok = (offset.is_empty() || got.offset.to_string() == offset)
            && (end_lineno.is_empty() || got.end_lineno.to_string() == end_lineno)
            && (end_offset.is_empty()
                || got.end_offset.to_string() == end_offset
                // CPython's "no end" (-1 or 0) is 0 here.
                || (end_offset.parse::<i64>().is_ok_and(|v| v <= 0) && got.end_offset == 0));
        let msg_ok = got.msg == msg;
        if tl {
            type_line += 1;
        }
        if tl && pos_ok && msg_ok {
            exact += 1;
        } else {
            report.push_str(&format!(
                "{name}: got {} {}:{}-{}:{} {:?}; python3 {kind} {lineno}:{offset}-{end_lineno}:{end_offset} {msg:?}\n",
                got.kind.name(),
                got.lineno,
                got.offset,
                got.end_lineno,
                got.end_offset,
                got.msg
            ));
        }
    }
    println!("{report}syntax errors: {total} cases, type+line match {type_line}, exact {exact}");
    assert_eq!(type_line, total, "type or line differs:\n{report}");
    assert!(
        exact >= EXACT_FLOOR,
        "only {exact} exact matches (floor {EXACT_FLOOR}):\n{report}"
    );
}

/// `SyntaxError::render` prints what `python3 FILE` prints (recorded in expected_render.txt).
#[test]
fn render_matches_python3() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax_errors");
    let expected = std::fs::read_to_string(dir.join("expected_render.txt")).unwrap();
    let (mut total, mut same) = (0, 0);
    let mut report = String::new();
    for section in expected.split("=== ").filter(|s| !s.is_empty()) {
        let (name, want) = section.split_once('\n').unwrap();
        total += 1;
        let path = dir.join(name);
        let src = std::fs::read(&path).unwrap();
        let e = parse_file(&src, &path.to_string_lossy()).unwrap_err();
        let got = e.render().replace(&*dir.to_string_lossy(), "<DIR>");
        if got == want {
            same += 1;
        } else {
            report.push_str(&format!("{name}:\n{want}--- got:\n{got}\n"));
        }
    }
    println!("{report}render: {same} of {total} identical to python3");
    assert!(same >= RENDER_FLOOR, "{report}");
}

/// Cases whose rendering is byte-identical to python3's.
const RENDER_FLOOR: usize = 96;
