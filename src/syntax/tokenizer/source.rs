//! Source decoding: UTF-8 BOM and PEP 263 encoding declarations (line 1 or 2).
//!
//! Decoded natively: UTF-8, Latin-1 (ISO-8859-1) and ASCII. Any other codec is a SyntaxError that
//! names it. The error wording follows the `tokenize` module in [`Mode::TokenizeModule`] and the C
//! tokenizer (what `python3 FILE` says) in [`Mode::Parser`].

use super::codec_tables;
use super::repr::py_repr;
use super::Mode;
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};

pub struct Decoded {
    pub text: String,
    /// What the ENCODING token says (`utf-8`, `iso-8859-1`, or the declared name as written).
    pub encoding: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    /// A single-byte codec: code points of bytes 0x80..=0xFF (generated from CPython).
    Table(&'static [u32; 128]),
}

/// An error without a source position (`file: error: msg` in `tokenize`).
pub fn plain_error(msg: String, filename: &str) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// The first `n` lines as `readline` on a binary file returns them (split after `\n`).
fn first_lines(src: &[u8]) -> (&[u8], &[u8]) {
    let split = |s: &'_ [u8]| -> usize {
        s.iter()
            .position(|&b| b == b'\n')
            .map_or(s.len(), |i| i + 1)
    };
    let a = split(src);
    let b = split(&src[a..]);
    (&src[..a], &src[a..a + b])
}

/// `cookie_re` of tokenize.py: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` (ASCII).
fn find_cookie(line: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < line.len() && matches!(line[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    if line.get(i) != Some(&b'#') {
        return None;
    }
    let mut j = i + 1;
    while j < line.len() && line[j] != b'\n' {
        if line[j..].starts_with(b"coding") && matches!(line.get(j + 6), Some(b':' | b'=')) {
            let mut k = j + 7;
            while matches!(line.get(k), Some(b' ' | b'\t')) {
                k += 1;
            }
            let start = k;
            while let Some(&c) = line.get(k) {
                if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.' {
                    k += 1;
                } else {
                    break;
                }
            }
            if k > start {
                return Some(String::from_utf8_lossy(&line[start..k]).into_owned());
            }
        }
        j += 1;
    }
    None
}

/// `blank_re`: a line that is blank or only a comment, after which line 2 may declare the encoding.
fn is_blank_or_comment(line: &[u8]) -> bool {
    let mut i = 0;
    while i < line.len() && matches!(line[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    i == line.len() || matches!(line[i], b'#' | b'\r' | b'\n')
}

/// tokenize's `_get_normal_name` (and tokenizer.c's `get_normal_name`).
fn normal_name(enc: &str) -> String {
    let e: String = enc
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if e == "utf-8" || e.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for l in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if e == l || e.starts_with(&format!("{l}-")) {
            return "iso-8859-1".into();
        }
    }
    enc.to_string()
}

/// Python's codec registry lookup, for the codecs cpjit can decode. `Err(true)` when Python knows
/// the codec but cpjit does not decode it; `Err(false)` when Python does not know it either (as far
/// as the common aliases go).
fn lookup(enc: &str) -> Result<Codec, bool> {
    let n = normalize_encoding(enc);
    match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" | "utf_8_sig" => {
            Ok(Codec::Utf8)
        }
        "latin_1" | "latin1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "latin" | "l1"
        | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" => Ok(Codec::Latin1),
        "ascii" | "us_ascii" | "646" | "us" | "iso646_us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
        | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso_ir_6" => Ok(Codec::Ascii),
        _ => table_codec(&n).ok_or_else(|| is_known_python_codec(&n)),
    }
}

/// `encodings.normalize_encoding` after `codecs.lookup`'s lower-casing: runs of characters other
/// than ASCII letters, digits and `.` become one `_`, dropped at both ends.
fn normalize_encoding(enc: &str) -> String {
    let mut n = String::new();
    let mut pending = false;
    for c in enc.to_ascii_lowercase().chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if pending && !n.is_empty() {
                n.push('_');
            }
            pending = false;
            n.push(c);
        } else {
            pending = true;
        }
    }
    n
}

/// A generated single-byte codec by normalized name or alias.
fn table_codec(n: &str) -> Option<Codec> {
    let find = |k: &str| {
        codec_tables::ALIASES
            .iter()
            .find(|(a, _)| *a == k)
            .map(|(_, c)| *c)
    };
    let name = find(n).or_else(|| find(&n.replace('.', "_")))?;
    let (_, t) = codec_tables::TABLES.iter().find(|(c, _)| *c == name)?;
    Some(Codec::Table(t))
}

/// Whether CPython 3.11 has a codec of this (normalized) name: the common families, so the error
/// says "not supported" rather than "unknown" for real encodings.
fn is_known_python_codec(n: &str) -> bool {
    let n = n.replace('_', "");
    let prefixes = [
        "cp", "iso8859", "latin", "koi8", "mac", "windows", "utf16", "utf32", "utf7", "euc", "gb",
        "big5", "shiftjis", "sjis", "hz", "iso2022", "johab", "ptcp", "tis620", "hp", "kz", "ibm",
        "ms", "charmap",
    ];
    prefixes.iter().any(|p| n.starts_with(p))
}

/// Decodes `source`, returning the text (BOM removed) and the ENCODING token's text.
pub fn decode(source: &[u8], filename: &str, mode: Mode) -> Result<Decoded, SyntaxError> {
    let (mut bom, mut src) = (false, source);
    if let Some(rest) = source.strip_prefix(b"\xEF\xBB\xBF") {
        bom = true;
        src = rest;
    }
    let fname = py_repr(filename);
    let (l1, l2) = first_lines(src);
    let mut declared = None;
    for (i, line) in [l1, l2].into_iter().enumerate() {
        if line.is_empty() || (i == 1 && !is_blank_or_comment(l1)) {
            break;
        }
        if mode == Mode::TokenizeModule && std::str::from_utf8(line).is_err() {
            let msg = format!("invalid or missing encoding declaration for {fname}");
            return Err(plain_error(msg, filename));
        }
        if let Some(c) = find_cookie(line) {
            declared = Some(normal_name(&c));
            break;
        }
    }
    let mut codec = Codec::Utf8;
    let mut encoding = "utf-8".to_string();
    if let Some(enc) = declared {
        codec = match lookup(&enc) {
            Ok(c) => c,
            Err(known) => {
                let msg = match (known, mode) {
                    (false, Mode::TokenizeModule) => format!("unknown encoding for {fname}: {enc}"),
                    (false, Mode::Parser) => format!("encoding problem: {enc}"),
                    (true, _) => format!(
                        "encoding problem: {enc}: cpjit decodes only utf-8, latin-1, ascii and \
                         common single-byte (cp125x, koi8, iso8859-x, mac-roman) source files"
                    ),
                };
                return Err(plain_error(msg, filename));
            }
        };
        if bom && enc != "utf-8" {
            let msg = match mode {
                Mode::TokenizeModule => format!("encoding problem for {fname}: utf-8"),
                Mode::Parser => format!("encoding problem: {enc} with BOM"),
            };
            return Err(plain_error(msg, filename));
        }
        encoding = enc;
    }
    let text = match codec {
        Codec::Utf8 => match std::str::from_utf8(src) {
            Ok(s) => s.to_string(),
            Err(e) => return Err(utf8_error(src, e, filename, mode)),
        },
        Codec::Latin1 => src.iter().map(|&b| b as char).collect(),
        Codec::Table(t) => {
            let mut s = String::with_capacity(src.len());
            for (p, &b) in src.iter().enumerate() {
                let c = if b < 0x80 {
                    Some(b as char)
                } else {
                    char::from_u32(t[b as usize - 0x80])
                };
                match c {
                    Some(c) => s.push(c),
                    None => {
                        let msg = format!(
                            "'charmap' codec can't decode byte 0x{b:02x} in position {}: character maps to <undefined>",
                            p - line_start(src, p)
                        );
                        return Err(plain_error(msg, filename));
                    }
                }
            }
            s
        }
        Codec::Ascii => match src.iter().position(|&b| b >= 0x80) {
            None => String::from_utf8_lossy(src).into_owned(),
            Some(p) => {
                let msg = format!(
                    "'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                    src[p],
                    p - line_start(src, p)
                );
                return Err(plain_error(msg, filename));
            }
        },
    };
    Ok(Decoded { text, encoding })
}

fn line_start(src: &[u8], p: usize) -> usize {
    src[..p]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

fn utf8_error(src: &[u8], e: std::str::Utf8Error, filename: &str, mode: Mode) -> SyntaxError {
    let p = e.valid_up_to();
    let lineno = src[..p].iter().filter(|&&b| b == b'\n').count() + 1;
    let msg = match mode {
        Mode::Parser => format!(
            "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding \
             declared; see https://peps.python.org/pep-0263/ for details",
            src[p], filename, lineno
        ),
        Mode::TokenizeModule => {
            let why = if e.error_len().is_none() {
                "unexpected end of data"
            } else if (0x80..0xC0).contains(&src[p]) || src[p] >= 0xF8 {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            format!(
                "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                src[p],
                p - line_start(src, p),
                why
            )
        }
    };
    plain_error(msg, filename)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies() {
        assert_eq!(
            find_cookie(b"# -*- coding: latin-1 -*-\n").as_deref(),
            Some("latin-1")
        );
        assert_eq!(find_cookie(b"#!/usr/bin/python\n"), None);
        assert_eq!(find_cookie(b"x = 1 # coding: latin-1\n"), None);
        assert_eq!(normal_name("Latin_1"), "iso-8859-1");
        assert_eq!(normal_name("UTF-8-unix"), "utf-8");
        assert!(matches!(lookup("latin-"), Ok(Codec::Latin1)));
        assert!(matches!(lookup("UTF 8"), Ok(Codec::Utf8)));
        assert!(matches!(lookup("ISO-8859-15"), Ok(Codec::Table(_))));
        let d = decode(b"#!py\n# coding: latin-1\nx = '\xe9'\n", "f", Mode::Parser).unwrap();
        assert_eq!(d.encoding, "iso-8859-1");
        assert!(d.text.contains('é'));
        let d = decode(b"# coding: koi8-r\nx = '\xc1'\n", "f", Mode::Parser).unwrap();
        assert_eq!(
            (d.encoding.as_str(), d.text.contains('а')),
            ("koi8-r", true)
        );
        assert!(decode(b"# coding: euc-jp\n", "f", Mode::Parser).is_err());
        assert!(decode(b"# coding: cp1252\nx = '\x81'\n", "f", Mode::Parser).is_err());
        assert!(decode(b"x = '\xff'\n", "f", Mode::Parser).is_err());
    }
}
