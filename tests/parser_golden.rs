//! `ast_dump` of tests/parser_golden/*.py equals python3's `ast.dump` (recorded by
//! tools/record_ast_dumps.py), with and without positions; and eval mode parses expressions.

use cpjit::syntax::ast::Mod;
use cpjit::syntax::ast_dump::dump;
use cpjit::syntax::parser::{parse_expression, parse_module};
use std::path::Path;

#[test]
fn dumps_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parser_golden");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let src = std::fs::read(&path).unwrap();
        let m = parse_module(&src, "golden.py")
            .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.render()));
        for (ext, pos) in [("dump", false), ("pos.dump", true)] {
            let want = std::fs::read_to_string(path.with_extension(ext)).unwrap();
            let got = dump(&m, pos) + "\n";
            if got != want {
                let i = want
                    .bytes()
                    .zip(got.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                panic!(
                    "{} ({ext}) differs at byte {i}:\n want …{}\n got  …{}",
                    path.display(),
                    &want[i.saturating_sub(200)..(i + 100).min(want.len())],
                    &got[i.saturating_sub(200)..(i + 100).min(got.len())]
                );
            }
        }
        n += 1;
    }
    assert!(n >= 3);
}

#[test]
fn eval_mode() {
    let m = parse_expression(b"a + b * 2\n", "<e>").unwrap();
    assert!(matches!(m, Mod::Expression { .. }));
    assert!(parse_expression(b"x = 1", "<e>").is_err());
}
