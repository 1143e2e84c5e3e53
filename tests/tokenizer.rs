//! Tokenizer unit tests: tricky streams, limits, robustness against arbitrary bytes.

use cpjit::syntax::error::SyntaxErrorKind;
use cpjit::syntax::token::{Op, TokKind};
use cpjit::syntax::tokenizer::{
    normalize_name, tokenize, tokenize_for_parser, tokenize_partial, tokenize_with, Mode,
};

fn kinds(src: &str, mode: Mode) -> Vec<(TokKind, String)> {
    tokenize_with(src.as_bytes(), "t.py", mode)
        .unwrap()
        .into_iter()
        .map(|t| (t.kind, t.text))
        .collect()
}

fn err(src: &str) -> cpjit::syntax::error::SyntaxError {
    tokenize(src.as_bytes(), "t.py").unwrap_err()
}

#[test]
fn ten_thousand_open_parens_fail_cleanly() {
    let src = "(".repeat(10_000);
    let e = err(&src);
    assert_eq!(e.msg, "too many nested parentheses");
    assert_eq!((e.lineno, e.offset), (1, 201));
    // tokenize.py has no nesting limit: it reaches EOF inside the brackets.
    let e = tokenize_with(src.as_bytes(), "t.py", Mode::TokenizeModule).unwrap_err();
    assert_eq!(e.msg, "EOF in multi-line statement");
}

#[test]
fn too_many_indentation_levels() {
    let mut src = String::new();
    for i in 0..100 {
        src.push_str(&" ".repeat(i));
        src.push_str("if 1:\n");
    }
    src.push_str(&" ".repeat(100));
    src.push_str("pass\n");
    let e = err(&src);
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(e.msg, "too many levels of indentation");
    assert_eq!(e.lineno, 101);
}

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

#[test]
fn random_bytes_never_panic() {
    const PIECES: &[&str] = &[
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "'",
        "\"",
        "'''",
        "\"\"\"",
        "\\",
        "\n",
        "\r",
        "\r\n",
        "\t",
        " ",
        "    ",
        "\x0c",
        "#",
        "0",
        "1",
        "0x",
        "0o",
        "0b",
        "_",
        "e",
        "j",
        ".",
        "...",
        "x",
        "if",
        ":",
        "=",
        "rb",
        "f",
        "é",
        "€",
        "\u{0300}",
        "\u{a0}",
        "$",
        "!",
        "\0",
        "\u{feff}",
        "# coding: latin-1\n",
        "\u{10ffff}",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..4000 {
        let mut src: Vec<u8> = Vec::new();
        for _ in 0..rng.below(60) {
            if rng.below(4) == 0 {
                src.push(rng.next() as u8);
            } else {
                src.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes());
            }
        }
        for mode in [Mode::Parser, Mode::TokenizeModule] {
            let (toks, e) = tokenize_partial(&src, "fuzz.py", mode);
            if e.is_none() {
                assert_eq!(
                    toks.last().map(|t| t.kind),
                    Some(TokKind::EndMarker),
                    "{src:?}"
                );
            }
        }
    }
}

#[test]
fn positions_in_bytes_and_code_points() {
    let toks = tokenize("é = 'ü'\n".as_bytes(), "t.py").unwrap();
    let s = &toks[3];
    assert_eq!(s.kind, TokKind::String);
    assert_eq!(
        (s.start.col, s.start.col_chars, s.end.col, s.end.col_chars),
        (5, 4, 9, 7)
    );
    assert_eq!(normalize_name("ﬁx"), "fix");
    assert_eq!(normalize_name("abc"), "abc");
}

#[test]
fn newline_kinds_and_dedents() {
    let k = kinds("if x:\n    y = (1,\n\n 2)\n\n# c\nz\n", Mode::Parser);
    let names: Vec<&str> = k.iter().map(|(k, _)| k.name()).collect();
    assert_eq!(
        names,
        [
            "ENCODING",
            "NAME",
            "NAME",
            "OP",
            "NEWLINE",
            "INDENT",
            "NAME",
            "OP",
            "OP",
            "NUMBER",
            "OP",
            "NL",
            "NL",
            "NUMBER",
            "OP",
            "NEWLINE",
            "NL",
            "COMMENT",
            "NL",
            "DEDENT",
            "NAME",
            "NEWLINE",
            "ENDMARKER"
        ]
    );
    assert_eq!(
        k,
        kinds(
            "if x:\n    y = (1,\n\n 2)\n\n# c\nz\n",
            Mode::TokenizeModule
        )
    );
}

#[test]
fn parser_mode_translates_newlines() {
    let toks = tokenize(b"s = '''a\r\nb'''\rx = 1", "t.py").unwrap();
    assert_eq!(toks[3].text, "'''a\nb'''");
    assert_eq!(toks[4].kind, TokKind::Newline);
    let last_nl = &toks[toks.len() - 2];
    assert_eq!(
        (last_nl.kind, last_nl.text.as_str()),
        (TokKind::Newline, "")
    );
    assert_eq!(toks.last().unwrap().start.line, 4);
}

#[test]
fn numbers_followed_by_keywords_and_operators() {
    let k = kinds("1if 1else 2\nx = 1.5j + 0xFFor 1\n", Mode::Parser);
    assert_eq!(k[1], (TokKind::Number, "1".into()));
    assert_eq!(k[2], (TokKind::Name, "if".into()));
    assert!(k.contains(&(TokKind::Number, "0xFF".into())));
    assert!(k.contains(&(TokKind::Op(Op::Plus), "+".into())));
    assert_eq!(err("x = 0xfg\n").msg, "invalid hexadecimal literal");
}

#[test]
fn operators_and_strings() {
    let k = kinds("a **= b // c -> d := e ... f @= g != h\n", Mode::Parser);
    let ops: Vec<Op> = k
        .iter()
        .filter_map(|(k, _)| {
            if let TokKind::Op(o) = k {
                Some(*o)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(
        ops,
        [
            Op::DoubleStarEqual,
            Op::DoubleSlash,
            Op::RArrow,
            Op::ColonEqual,
            Op::Ellipsis,
            Op::AtEqual,
            Op::NotEqual
        ]
    );
    let k = kinds("x = Rb'\\'' + f\"{a!r}\" + '''x\n'y'''\n", Mode::Parser);
    assert_eq!(k[3], (TokKind::String, "Rb'\\''".into()));
    assert_eq!(k[5], (TokKind::String, "f\"{a!r}\"".into()));
    assert_eq!(k[7], (TokKind::String, "'''x\n'y'''".into()));
    // `ub` is no prefix: NAME then STRING (the parser then reports "invalid syntax").
    let k = kinds("x = ub'a'\n", Mode::Parser);
    assert_eq!((k[3].0, k[4].0), (TokKind::Name, TokKind::String));
}

#[test]
fn partial_tokens_stop_at_the_error() {
    let (toks, e) = tokenize_partial(b"x = 1\ny = (2 +\n", "t.py", Mode::Parser);
    assert_eq!(e.unwrap().msg, "'(' was never closed");
    assert_eq!(toks.last().unwrap().kind, TokKind::Nl);
    // `$` is an ERRORTOKEN for the parser to reject; a later direct tokenizer error wins over the
    // parser's error, a later indentation error does not.
    let (toks, f) = tokenize_for_parser(b"x = $\ny = 'abc\n", "t.py");
    assert_eq!(toks[3].kind, TokKind::ErrorToken);
    let f = f.unwrap();
    assert!(f.direct);
    let generic = tokenize_for_parser(b"x = $\n", "t.py").0[3].clone();
    let parser_err = cpjit::syntax::error::SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: "invalid syntax".into(),
        filename: "t.py".into(),
        lineno: generic.start.line,
        offset: generic.start.col_chars + 1,
        end_lineno: 1,
        end_offset: 6,
        text: None,
    };
    assert_eq!(
        f.resolve(parser_err.clone()).msg,
        "unterminated string literal (detected at line 2)"
    );
    let (_, f) = tokenize_for_parser(b"x = $\nif 1:\n  a\n b\n", "t.py");
    assert_eq!(f.unwrap().resolve(parser_err.clone()).msg, "invalid syntax");
    let (_, f) = tokenize_for_parser(b"(\nx = $\n", "t.py");
    let mut later = parser_err;
    later.lineno = 2;
    assert_eq!(f.unwrap().resolve(later).msg, "'(' was never closed");
}

#[test]
fn encodings() {
    let e = err("\u{feff}# coding: latin-1\nx = 1\n");
    assert_eq!(e.msg, "encoding problem: iso-8859-1 with BOM");
    let e = tokenize(b"# coding: euc-jp\n", "t.py").unwrap_err();
    assert!(e.msg.contains("euc-jp"), "{}", e.msg);
    let e = tokenize(b"x = 1\ny = '\xff'\n", "t.py").unwrap_err();
    assert!(e
        .msg
        .starts_with("Non-UTF-8 code starting with '\\xff' in file t.py on line 2"));
    assert_eq!(
        err("x = 'a\0'\n").msg,
        "source code cannot contain null bytes"
    );
}

#[test]
#[ignore]
fn speed_5000_lines() {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/tokens/basic.py"
    ))
    .unwrap();
    let mut src = String::new();
    while src.lines().count() < 5000 {
        src.push_str(&base);
    }
    let t = std::time::Instant::now();
    let n = 20;
    for _ in 0..n {
        std::hint::black_box(tokenize(src.as_bytes(), "t.py").unwrap());
    }
    eprintln!("5000+ lines: {:?} per tokenize", t.elapsed() / n);
}

/// Over the installed stdlib, the C-tokenizer mode accepts every file CPython parses and gives
/// the same stream as the tokenize.py mode, except where tokenize.py itself reports an
/// ERRORTOKEN or the file has `\r` line ends (Mode::Parser translates them).
#[test]
fn parser_mode_matches_tokenize_mode_on_the_stdlib() {
    const LIST: &str = r#"
import ast, os, sys, sysconfig, warnings
warnings.simplefilter("ignore")
base = sysconfig.get_paths()["stdlib"]
for root, dirs, files in os.walk(base):
    dirs[:] = sorted(d for d in dirs if d != "site-packages")
    for f in sorted(files):
        if f.endswith(".py"):
            p = os.path.join(root, f)
            try:
                with open(p, "rb") as fh:
                    compile(fh.read(), p, "exec", ast.PyCF_ONLY_AST)
                ok = 1
            except Exception:
                ok = 0
            print(ok, p)
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", LIST])
        .output()
        .expect("python3");
    let listing = String::from_utf8(out.stdout).unwrap();
    let (mut files, mut compared) = (0, 0);
    let mut bad = Vec::new();
    for line in listing.lines() {
        let (ok, path) = line.split_once(' ').unwrap();
        let src = std::fs::read(path).unwrap();
        files += 1;
        let parser = tokenize_with(&src, path, Mode::Parser);
        let Ok(parser) = parser else {
            if ok == "1" {
                bad.push(format!(
                    "{path}: CPython compiles it, Mode::Parser: {:?}",
                    parser.err()
                ));
            }
            continue;
        };
        if ok == "1" && parser.iter().any(|t| t.kind == TokKind::ErrorToken) {
            bad.push(format!(
                "{path}: CPython compiles it, Mode::Parser has an ERRORTOKEN"
            ));
        }
        let Ok(module) = tokenize_with(&src, path, Mode::TokenizeModule) else {
            continue;
        };
        if src.contains(&b'\r') || module.iter().any(|t| t.kind == TokKind::ErrorToken) {
            continue;
        }
        compared += 1;
        if parser != module {
            let i = parser
                .iter()
                .zip(&module)
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            bad.push(format!(
                "{path}: token {i}: {:?} vs {:?}",
                parser.get(i),
                module.get(i)
            ));
        }
    }
    assert!(
        files > 1000 && compared > 1000,
        "only {files} files / {compared} compared"
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
