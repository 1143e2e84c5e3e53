//! Literal decoding as CPython does it: number tokens, and the escapes of string and bytes
//! literals (`Parser/string_parser.c`, `decode_unicode_with_escapes`, `PyBytes_DecodeEscape`).

use crate::syntax::ast::Constant;
use num_bigint::BigInt;
use num_traits::Num;

/// The value of a NUMBER token.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberValue {
    Int(BigInt),
    Float(f64),
    Imag(f64),
}

/// Decodes a NUMBER token's text (as the tokenizer validated it); None if malformed.
pub fn decode_number(text: &str) -> Option<NumberValue> {
    let s: String = text.chars().filter(|&c| c != '_').collect();
    let lower = s.to_ascii_lowercase();
    if let Some(body) = lower.strip_suffix('j') {
        return parse_float(body).map(NumberValue::Imag);
    }
    let radix_int = |digits: &str, radix: u32| -> Option<NumberValue> {
        if digits.is_empty() {
            return None;
        }
        BigInt::from_str_radix(digits, radix)
            .ok()
            .map(NumberValue::Int)
    };
    if let Some(d) = lower.strip_prefix("0x") {
        return radix_int(d, 16);
    }
    if let Some(d) = lower.strip_prefix("0o") {
        return radix_int(d, 8);
    }
    if let Some(d) = lower.strip_prefix("0b") {
        return radix_int(d, 2);
    }
    if lower.contains(['.', 'e']) {
        return parse_float(&lower).map(NumberValue::Float);
    }
    radix_int(&lower, 10)
}

fn parse_float(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'+' | b'-'))
    {
        return None;
    }
    s.parse::<f64>().ok()
}

pub(crate) fn number_constant(text: &str) -> Option<Constant> {
    Some(match decode_number(text)? {
        NumberValue::Int(i) => Constant::Int(i),
        NumberValue::Float(f) => Constant::Float(f),
        NumberValue::Imag(f) => Constant::Complex { real: 0.0, imag: f },
    })
}

/// A string token split into its parts.
pub(crate) struct StrTok<'a> {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    /// The text between the quotes.
    pub body: &'a str,
    /// Byte offset of `body` within the token text.
    pub body_start: usize,
}

pub(crate) fn split_string_token(text: &str) -> StrTok<'_> {
    let b = text.as_bytes();
    let mut i = 0;
    let (mut raw, mut bytes, mut fstring) = (false, false, false);
    while i < b.len() && b[i] != b'\'' && b[i] != b'"' {
        match b[i] {
            b'r' | b'R' => raw = true,
            b'b' | b'B' => bytes = true,
            b'f' | b'F' => fstring = true,
            _ => {}
        }
        i += 1;
    }
    let q = if text[i..].starts_with("\"\"\"") || text[i..].starts_with("'''") {
        3
    } else {
        1
    };
    let start = i + q;
    let end = text.len().saturating_sub(q).max(start);
    StrTok {
        raw,
        bytes,
        fstring,
        body: &text[start..end],
        body_start: start,
    }
}

/// Why a literal could not be decoded.
#[derive(Debug)]
pub(crate) enum DecodeError {
    /// CPython's message (without location).
    Msg(String),
    /// A str literal's text or escapes produce a character of U+F0800..U+F0FFF, the range that stands
    /// for lone surrogates (see `ast::SURROGATE_STANDIN_BASE`).
    Surrogate,
}

/// Decodes the escapes of a (non-raw) str literal body.
pub(crate) fn decode_str(body: &str) -> Result<String, DecodeError> {
    check_no_standins(body)?;
    if !body.contains('\\') {
        return Ok(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    let b = body.as_bytes();
    let mut i = 0;
    // Byte position in the escaped text, as the codec's error messages count it.
    while i < b.len() {
        let c = b[i];
        if c != b'\\' {
            let ch = body[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let esc_start = i;
        i += 1;
        if i >= b.len() {
            return Err(unicode_err(esc_start, b.len(), "\\ at end of string"));
        }
        let e = b[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                push_code(&mut out, v)?;
            }
            b'x' | b'u' | b'U' => {
                let n = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let digits = &b[i..(i + n).min(b.len())];
                let ok = digits.len() == n && digits.iter().all(|d| d.is_ascii_hexdigit());
                if !ok {
                    let good = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
                    let what = match e {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Err(unicode_err(esc_start, i + good, what));
                }
                let v = u32::from_str_radix(std::str::from_utf8(digits).unwrap(), 16).unwrap();
                if v > 0x10ffff {
                    return Err(unicode_err(esc_start, i + n, "illegal Unicode character"));
                }
                i += n;
                push_code(&mut out, v)?;
            }
            b'N' => {
                // \N{NAME}
                if i < b.len() && b[i] == b'{' {
                    if let Some(close) = body[i..].find('}') {
                        let name = &body[i + 1..i + close];
                        if let Some(ch) = lookup_name(name) {
                            out.push(ch);
                            i += close + 1;
                            continue;
                        }
                        return Err(unicode_err(
                            esc_start,
                            i + close + 1,
                            "unknown Unicode character name",
                        ));
                    }
                }
                return Err(unicode_err(
                    esc_start,
                    (i).min(b.len()),
                    "malformed \\N character escape",
                ));
            }
            _ => {
                // Invalid escape: kept as is (a DeprecationWarning in 3.11).
                out.push('\\');
                let ch = body[i - 1..].chars().next().unwrap();
                out.push(ch);
                i += ch.len_utf8() - 1;
            }
        }
    }
    Ok(out)
}

fn lookup_name(name: &str) -> Option<char> {
    if name.is_empty() {
        return None;
    }
    unicode_names2::character(name)
}

fn push_code(out: &mut String, v: u32) -> Result<(), DecodeError> {
    match char::from_u32(v) {
        Some(c) if crate::syntax::ast::standin_surrogate(c).is_some() => {
            Err(DecodeError::Surrogate)
        }
        Some(c) => {
            out.push(c);
            Ok(())
        }
        None if (0xd800..0xe000).contains(&v) => {
            out.push(crate::syntax::ast::surrogate_standin(v));
            Ok(())
        }
        None => Err(DecodeError::Msg("illegal Unicode character".into())),
    }
}

fn unicode_err(start: usize, end: usize, what: &str) -> DecodeError {
    let end = end.saturating_sub(1).max(start);
    let pos = if end > start {
        format!("position {start}-{end}")
    } else {
        format!("position {start}")
    };
    DecodeError::Msg(format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in {pos}: {what}"
    ))
}

/// Decodes a bytes literal body (raw or not).
pub(crate) fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, DecodeError> {
    if !body.is_ascii() {
        return Err(DecodeError::Msg(
            "bytes can only contain ASCII literal characters".into(),
        ));
    }
    let b = body.as_bytes();
    if raw || !body.contains('\\') {
        return Ok(b.to_vec());
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        if i >= b.len() {
            return Err(DecodeError::Msg(
                "(value error) Trailing \\ in string".into(),
            ));
        }
        let e = b[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let d = &b[i..(i + 2).min(b.len())];
                if d.len() == 2 && d.iter().all(|x| x.is_ascii_hexdigit()) {
                    out.push(u8::from_str_radix(std::str::from_utf8(d).unwrap(), 16).unwrap());
                    i += 2;
                } else {
                    return Err(DecodeError::Msg(format!(
                        "(value error) invalid \\x escape at position {}",
                        i - 2
                    )));
                }
            }
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// Rejects source text holding a character of the surrogate stand-in range (see
/// `ast::SURROGATE_STANDIN_BASE`); raw and escaped str literal bodies both pass through here.
pub(crate) fn check_no_standins(body: &str) -> Result<(), DecodeError> {
    if crate::rtlib::surrogate::has_standin(body) {
        return Err(DecodeError::Surrogate);
    }
    Ok(())
}
