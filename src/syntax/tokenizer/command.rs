//! `cpjit tokenize [-e] [FILE]`: the output of `python3 -m tokenize [-e] [FILE]`, byte for byte.
//!
//! Extra option (not in tokenize.py): `--mode=parser` prints the stream of [`Mode::Parser`] (the
//! C tokenizer's rules), used to check that both modes agree on valid code.

use super::repr::py_repr;
use super::{tokenize_with, Mode};
use crate::syntax::error::SyntaxError;
use crate::syntax::token::{TokKind, Token};
use std::fmt::Write as _;
use std::io::{Read, Write};

const USAGE: &str = "usage: cpjit tokenize [-h] [-e] [--mode=parser] [filename.py]";

/// The exact type name `tokenize -e` prints: an operator's own name, OP for a non-operator OP.
pub fn exact_name(t: &Token) -> &'static str {
    match t.kind {
        TokKind::Op(op) if op.text() == t.text && op.text() != "!" => op.name(),
        k => k.name(),
    }
}

/// Formats tokens as `tokenize.main` prints them.
pub fn format_tokens(toks: &[Token], exact: bool, out: &mut String) {
    for t in toks {
        let range = format!(
            "{},{}-{},{}:",
            t.start.line, t.start.col_chars, t.end.line, t.end.col_chars
        );
        let name = if exact { exact_name(t) } else { t.kind.name() };
        let _ = writeln!(out, "{:<20}{:<15}{:<15}", range, name, py_repr(&t.text));
    }
}

/// How `tokenize.main` reports an error (`file:line:col: error: msg` when it has a position).
pub fn format_error(e: &SyntaxError, filename: &str) -> String {
    if e.lineno == 0 && e.msg.contains(" codec can't decode ") {
        // A UnicodeDecodeError: tokenize.main prints this line, then re-raises (traceback).
        format!("unexpected error: {}", e.msg)
    } else if e.lineno == 0 {
        format!("{}: error: {}", filename, e.msg)
    } else {
        format!(
            "{}:{}:{}: error: {}",
            filename,
            e.lineno,
            e.offset.saturating_sub(1),
            e.msg
        )
    }
}

pub fn command(args: &[String]) -> i32 {
    let mut exact = false;
    let mut mode = Mode::TokenizeModule;
    let mut file = None;
    for a in args {
        match a.as_str() {
            "-e" | "--exact" => exact = true,
            "--mode=parser" => mode = Mode::Parser,
            "--mode=tokenize" => mode = Mode::TokenizeModule,
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                eprintln!("{USAGE}\ncpjit tokenize: error: unrecognized arguments: {s}");
                return 2;
            }
            s if file.is_none() => file = Some(s.to_string()),
            s => {
                eprintln!("{USAGE}\ncpjit tokenize: error: unrecognized arguments: {s}");
                return 2;
            }
        }
    }
    let (source, filename, from_stdin) = match &file {
        Some(f) => match std::fs::read(f) {
            Ok(s) => (s, f.clone(), false),
            Err(e) => {
                // As Python's OSError prints: "[Errno 2] No such file or directory: 'f.py'".
                let msg = e.to_string();
                let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
                let errno = e.raw_os_error().unwrap_or(0);
                eprintln!("error: [Errno {errno}] {msg}: {}", py_repr(f));
                return 1;
            }
        },
        None => {
            let mut s = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut s) {
                eprintln!("error: {e}");
                return 1;
            }
            (s, "<stdin>".to_string(), true)
        }
    };
    match tokenize_with(&source, &filename, mode) {
        Ok(mut toks) => {
            if from_stdin {
                // tokenize.main reads stdin as text: no ENCODING token.
                toks.retain(|t| t.kind != TokKind::Encoding);
            }
            let mut out = String::with_capacity(toks.len() * 64);
            format_tokens(&toks, exact, &mut out);
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            if lock
                .write_all(out.as_bytes())
                .and_then(|_| lock.flush())
                .is_err()
            {
                return 1;
            }
            0
        }
        Err(e) => {
            eprintln!("{}", format_error(&e, &filename));
            1
        }
    }
}
