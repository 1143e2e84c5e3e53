//! [`Mode::TokenizeModule`]: a line-for-line port of `tokenize._tokenize` of Python 3.11
//! (Lib/tokenize.py), with its regular expressions replaced by hand-written matchers that keep the
//! regex semantics (first matching alternative, backtracking where it changes the result).
//!
//! Lines are what `readline` on a binary file returns: split after `\n` only, so a lone `\r` is
//! not a line break here (it becomes an ERRORTOKEN, as in tokenize.py).

use super::chars::{is_id_start, is_word, match_op, string_prefix, Cols};
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::token::{Op, Pos, TokKind, Token};

const TABSIZE: usize = 8;

/// Where the pseudo-token regex matched: `(start, end)` byte offsets in the line.
fn pseudo_match(s: &[u8], pos: usize) -> Option<(usize, usize)> {
    let mut p = pos;
    while p < s.len() && matches!(s[p], b' ' | b'\x0c' | b'\t') {
        p += 1;
    }
    let rest = &s[p..];
    // PseudoExtras: line continuation, end of line, comment, triple-quote opener.
    if rest.starts_with(b"\\\n") {
        return Some((p, p + 2));
    }
    if rest.starts_with(b"\\\r\n") {
        return Some((p, p + 3));
    }
    if rest.is_empty() {
        return Some((p, p));
    }
    if rest[0] == b'#' {
        let n = rest
            .iter()
            .position(|&b| b == b'\r' || b == b'\n')
            .unwrap_or(rest.len());
        return Some((p, p + n));
    }
    if let Some((n, q)) = string_prefix(rest) {
        if rest[n..].starts_with(&[q, q, q]) {
            return Some((p, p + n + 3));
        }
    }
    if let Some(n) = number(rest) {
        return Some((p, p + n));
    }
    // Funny: newline or operator.
    if rest.starts_with(b"\r\n") {
        return Some((p, p + 2));
    }
    if rest[0] == b'\n' {
        return Some((p, p + 1));
    }
    if let Some((_, n)) = match_op(rest) {
        return Some((p, p + n));
    }
    if let Some(n) = cont_str(rest) {
        return Some((p, p + n));
    }
    // Name: \w+
    let text = std::str::from_utf8(rest).unwrap_or("");
    let n: usize = text
        .chars()
        .take_while(|&c| is_word(c))
        .map(char::len_utf8)
        .sum();
    (n > 0).then_some((p, p + n))
}

/// `[0-9](?:_?[0-9])*`
fn digitpart(s: &[u8], i: usize) -> Option<usize> {
    if !s.get(i)?.is_ascii_digit() {
        return None;
    }
    let mut j = i + 1;
    loop {
        match s.get(j) {
            Some(c) if c.is_ascii_digit() => j += 1,
            Some(b'_') if s.get(j + 1).is_some_and(|c| c.is_ascii_digit()) => j += 2,
            _ => return Some(j),
        }
    }
}

/// `(?:_?X)+` where X is a digit class; returns the end.
fn radix_digits(s: &[u8], i: usize, ok: fn(u8) -> bool) -> Option<usize> {
    let mut j = i;
    loop {
        match s.get(j) {
            Some(&c) if ok(c) => j += 1,
            Some(b'_') if s.get(j + 1).is_some_and(|&c| ok(c)) => j += 2,
            _ => break,
        }
    }
    (j > i).then_some(j)
}

/// `[eE][-+]?[0-9](?:_?[0-9])*`
fn exponent(s: &[u8], i: usize) -> Option<usize> {
    if !matches!(s.get(i), Some(b'e' | b'E')) {
        return None;
    }
    let j = if matches!(s.get(i + 1), Some(b'-' | b'+')) {
        i + 2
    } else {
        i + 1
    };
    digitpart(s, j)
}

fn pointfloat(s: &[u8]) -> Option<usize> {
    let base = if let Some(a) = digitpart(s, 0) {
        if s.get(a) != Some(&b'.') {
            return None;
        }
        digitpart(s, a + 1).unwrap_or(a + 1)
    } else if s.first() == Some(&b'.') {
        digitpart(s, 1)?
    } else {
        return None;
    };
    Some(exponent(s, base).unwrap_or(base))
}

fn floatnumber(s: &[u8]) -> Option<usize> {
    pointfloat(s).or_else(|| exponent(s, digitpart(s, 0)?))
}

/// tokenize.py's `Number`: Imagnumber | Floatnumber | Intnumber, first alternative that matches.
fn number(s: &[u8]) -> Option<usize> {
    let is_j = |i: usize| matches!(s.get(i), Some(b'j' | b'J'));
    if let Some(a) = digitpart(s, 0) {
        if is_j(a) {
            return Some(a + 1);
        }
    }
    if let Some(f) = floatnumber(s) {
        return Some(if is_j(f) { f + 1 } else { f });
    }
    if s.first() == Some(&b'0') {
        let radix: Option<fn(u8) -> bool> = match s.get(1) {
            Some(b'x' | b'X') => Some(|c: u8| c.is_ascii_hexdigit()),
            Some(b'b' | b'B') => Some(|c: u8| c == b'0' || c == b'1'),
            Some(b'o' | b'O') => Some(|c: u8| (b'0'..=b'7').contains(&c)),
            _ => None,
        };
        if let Some(end) = radix.and_then(|ok| radix_digits(s, 2, ok)) {
            return Some(end);
        }
        // 0(?:_?0)*
        let mut j = 1;
        loop {
            match s.get(j) {
                Some(b'0') => j += 1,
                Some(b'_') if s.get(j + 1) == Some(&b'0') => j += 2,
                _ => return Some(j),
            }
        }
    }
    match s.first() {
        Some(b'1'..=b'9') => digitpart(s, 0),
        _ => None,
    }
}

/// ContStr: a complete one-line string, or the first line of one continued with `\`.
fn cont_str(s: &[u8]) -> Option<usize> {
    let (n, q) = string_prefix(s)?;
    let mut j = n + 1;
    loop {
        let c = *s.get(j)?;
        if c == b'\n' {
            return None;
        }
        if c == q {
            return Some(j + 1);
        }
        if c == b'\\' {
            match s.get(j + 1) {
                None => return None,
                Some(b'\n') => return Some(j + 2),
                Some(b'\r') if s.get(j + 2) == Some(&b'\n') => return Some(j + 3),
                Some(_) => j += 1 + utf8_len(s[j + 1]),
            }
        } else {
            j += 1;
        }
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// The end patterns: the rest of a `'`/`"` string (`Single`/`Double`) or of a triple-quoted one
/// (`Single3`/`Double3`), matched from `i`. `\\.` does not match a backslash before `\n`.
fn end_match(s: &[u8], i: usize, q: u8, triple: bool) -> Option<usize> {
    let mut j = i;
    loop {
        let c = *s.get(j)?;
        if c == q {
            if !triple {
                return Some(j + 1);
            }
            if s.get(j + 1) == Some(&q) && s.get(j + 2) == Some(&q) {
                return Some(j + 3);
            }
            j += 1;
        } else if c == b'\\' {
            match s.get(j + 1) {
                None | Some(b'\n') => return None,
                Some(&d) => j += 1 + utf8_len(d),
            }
        } else {
            j += 1;
        }
    }
}

struct ContStr {
    start: Pos,
    abs: usize,
    quote: u8,
    triple: bool,
}

fn err(kind: SyntaxErrorKind, msg: &str, filename: &str, line: u32, col: u32) -> SyntaxError {
    SyntaxError {
        kind,
        msg: msg.to_string(),
        filename: filename.to_string(),
        lineno: line,
        offset: col + 1,
        end_lineno: line,
        end_offset: col + 1,
        text: None,
    }
}

/// Tokenizes decoded text exactly as tokenize.py does.
pub fn tokenize(text: &str, encoding: &str, filename: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 4 + 8);
    let mut push = |kind, t: &str, start: Pos, end: Pos| {
        toks.push(Token {
            kind,
            text: t.to_string(),
            start,
            end,
        });
    };
    let p0 = Pos::default();
    push(TokKind::Encoding, encoding, p0, p0);

    let bytes = text.as_bytes();
    let mut line_start; // absolute offset of the current line
    let mut next_start = 0usize;
    let mut lnum: u32 = 0;
    let mut parenlev: i64 = 0;
    let mut continued = false;
    let mut indents: Vec<usize> = vec![0];
    let mut contstr: Option<ContStr> = None;
    // As in tokenize.py, `needcont` outlives the string that set it: only a completed continued
    // string clears it, so a later triple-quoted string can inherit it.
    let mut needcont = false;
    let mut last_line: &str;
    let mut line: &str = "";

    loop {
        last_line = std::mem::take(&mut line);
        line_start = next_start;
        if next_start < bytes.len() {
            let end = bytes[next_start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| next_start + i + 1);
            line = &text[next_start..end];
            next_start = end;
        }
        lnum += 1;
        let s = line.as_bytes();
        let max = s.len();
        let mut pos = 0usize;
        let mut cols = Cols::new(line);
        let at = |cols: &mut Cols, b: usize| Pos {
            line: lnum,
            col: b as u32,
            col_chars: cols.at(b),
        };

        if let Some(cs) = &contstr {
            if line.is_empty() {
                let e = err(
                    SyntaxErrorKind::SyntaxError,
                    "EOF in multi-line string",
                    filename,
                    cs.start.line,
                    cs.start.col_chars,
                );
                return Err(e);
            }
            if let Some(end) = end_match(s, 0, cs.quote, cs.triple) {
                pos = end;
                let e = at(&mut cols, end);
                push(
                    TokKind::String,
                    &text[cs.abs..line_start + end],
                    cs.start,
                    e,
                );
                contstr = None;
                needcont = false;
            } else if needcont && !line.ends_with("\\\n") && !line.ends_with("\\\r\n") {
                let e = at(&mut cols, max);
                push(
                    TokKind::ErrorToken,
                    &text[cs.abs..line_start + max],
                    cs.start,
                    e,
                );
                contstr = None;
                continue;
            } else {
                continue;
            }
        } else if parenlev == 0 && !continued {
            if line.is_empty() {
                break;
            }
            let mut column = 0usize;
            while pos < max {
                match s[pos] {
                    b' ' => column += 1,
                    b'\t' => column = (column / TABSIZE + 1) * TABSIZE,
                    b'\x0c' => column = 0,
                    _ => break,
                }
                pos += 1;
            }
            if pos == max {
                break;
            }
            if matches!(s[pos], b'#' | b'\r' | b'\n') {
                if s[pos] == b'#' {
                    let c = line[pos..].trim_end_matches(['\r', '\n']);
                    let (a, b) = (at(&mut cols, pos), at(&mut cols, pos + c.len()));
                    push(TokKind::Comment, c, a, b);
                    pos += c.len();
                }
                let (a, b) = (at(&mut cols, pos), at(&mut cols, max));
                push(TokKind::Nl, &line[pos..], a, b);
                continue;
            }
            if column > *indents.last().unwrap() {
                indents.push(column);
                let (a, b) = (at(&mut cols, 0), at(&mut cols, pos));
                push(TokKind::Indent, &line[..pos], a, b);
            }
            while column < *indents.last().unwrap() {
                if !indents.contains(&column) {
                    let msg = "unindent does not match any outer indentation level";
                    let col = cols.at(pos);
                    return Err(err(
                        SyntaxErrorKind::IndentationError,
                        msg,
                        filename,
                        lnum,
                        col,
                    ));
                }
                indents.pop();
                let a = at(&mut cols, pos);
                push(TokKind::Dedent, "", a, a);
            }
        } else {
            if line.is_empty() {
                let e = err(
                    SyntaxErrorKind::SyntaxError,
                    "EOF in multi-line statement",
                    filename,
                    lnum,
                    0,
                );
                return Err(e);
            }
            continued = false;
        }

        while pos < max {
            let Some((start, end)) = pseudo_match(s, pos) else {
                let n = utf8_len(s[pos]);
                let (a, b) = (at(&mut cols, pos), at(&mut cols, pos + n));
                push(TokKind::ErrorToken, &line[pos..pos + n], a, b);
                pos += n;
                continue;
            };
            pos = end;
            if start == end {
                continue;
            }
            let token = &line[start..end];
            let initial = s[start];
            let (spos, epos) = (at(&mut cols, start), at(&mut cols, end));
            if initial.is_ascii_digit() || (initial == b'.' && token != "." && token != "...") {
                push(TokKind::Number, token, spos, epos);
            } else if initial == b'\r' || initial == b'\n' {
                let kind = if parenlev > 0 {
                    TokKind::Nl
                } else {
                    TokKind::Newline
                };
                push(kind, token, spos, epos);
            } else if initial == b'#' {
                push(TokKind::Comment, token, spos, epos);
            } else if let Some((n, q)) = string_prefix(token.as_bytes()).filter(|&(n, q)| {
                token.len() == n + 3 && token.as_bytes()[n + 1] == q && token.as_bytes()[n + 2] == q
            }) {
                let _ = n;
                if let Some(e) = end_match(s, pos, q, true) {
                    pos = e;
                    let ep = at(&mut cols, e);
                    push(TokKind::String, &line[start..e], spos, ep);
                } else {
                    contstr = Some(ContStr {
                        start: spos,
                        abs: line_start + start,
                        quote: q,
                        triple: true,
                    });
                    break;
                }
            } else if let Some((_, q)) = string_prefix(token.as_bytes()) {
                if token.ends_with('\n') {
                    needcont = true;
                    contstr = Some(ContStr {
                        start: spos,
                        abs: line_start + start,
                        quote: q,
                        triple: false,
                    });
                    break;
                }
                push(TokKind::String, token, spos, epos);
            } else if token.chars().next().is_some_and(is_id_start) {
                push(TokKind::Name, token, spos, epos);
            } else if initial == b'\\' {
                continued = true;
            } else {
                match initial {
                    b'(' | b'[' | b'{' => parenlev += 1,
                    b')' | b']' | b'}' => parenlev -= 1,
                    _ => {}
                }
                let kind = match match_op(token.as_bytes()) {
                    Some((op, n)) if n == token.len() => TokKind::Op(op),
                    // A `\w+` run that is not an identifier (`²`): tokenize.py reports it as OP.
                    // 3.11 has no `!` token, so `Op::Exclamation` marks such a non-operator OP;
                    // its printed exact type is OP (see `exact_name`).
                    _ => TokKind::Op(Op::Exclamation),
                };
                push(kind, token, spos, epos);
            }
        }
    }

    let last_chars = last_line.chars().count() as u32;
    let ends_nl = last_line.ends_with(['\r', '\n']);
    if !last_line.is_empty() && !ends_nl && !last_line.trim().starts_with('#') {
        let a = Pos {
            line: lnum - 1,
            col: last_line.len() as u32,
            col_chars: last_chars,
        };
        let b = Pos {
            col: a.col + 1,
            col_chars: a.col_chars + 1,
            ..a
        };
        push(TokKind::Newline, "", a, b);
    }
    let e = Pos {
        line: lnum,
        col: 0,
        col_chars: 0,
    };
    for _ in 1..indents.len() {
        push(TokKind::Dedent, "", e, e);
    }
    push(TokKind::EndMarker, "", e, e);
    Ok(toks)
}
