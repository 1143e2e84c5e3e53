//! `bytes.decode` / `str.encode` for utf-8, ascii, latin-1 and raw-unicode-escape with CPython's
//! error handlers (strict, ignore, replace, backslashreplace, xmlcharrefreplace, namereplace,
//! surrogateescape, surrogatepass) and exception texts. Lone surrogates are the stand-in
//! characters of `rtlib::surrogate`; decoding refuses a genuine U+F0800..U+F0FFF character
//! ([`CodecError::Unsupported`]).

use super::surrogate::{self, code_point, standin, surrogate_of};

/// A supported codec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Ascii,
    Latin1,
    /// `raw-unicode-escape` (pickle's protocol 0 text): latin-1 with `\uXXXX`/`\UXXXXXXXX`.
    RawUnicodeEscape,
}

impl Encoding {
    /// CPython's codec lookup for the names it aliases to these codecs (case, '-', '_' and ' '
    /// insensitive).
    pub fn lookup(name: &str) -> Result<Encoding, CodecError> {
        // The spellings programs use, without normalizing (a `String` per call).
        match name {
            "utf-8" | "utf8" | "UTF-8" => return Ok(Encoding::Utf8),
            "ascii" => return Ok(Encoding::Ascii),
            "latin-1" | "latin1" => return Ok(Encoding::Latin1),
            _ => {}
        }
        match normalize(name).as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Encoding::Utf8),
            "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ascii_" | "us" | "iso646_us"
            | "cp367" | "csascii" | "ibm367" => Ok(Encoding::Ascii),
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" | "iso_ir_100" | "csisolatin1" | "ibm819" => Ok(Encoding::Latin1),
            "raw_unicode_escape" => Ok(Encoding::RawUnicodeEscape),
            _ => Err(CodecError::UnknownEncoding(name.to_string())),
        }
    }

    /// The name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
            Encoding::RawUnicodeEscape => "rawunicodeescape",
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether `name` is the `utf-8-sig` codec (CPython's names for it, as `Encoding::lookup`
/// normalizes them).
fn is_utf8_sig(name: &str) -> bool {
    // Normalizing never lengthens a name: a shorter one ("utf-8", "ascii") is not it.
    name.len() >= "utf_8_sig".len() && normalize(name) == "utf_8_sig"
}

/// A codec name as `Encoding::lookup` compares it: lower case, '-' and ' ' as '_'.
fn normalize(name: &str) -> String {
    name.trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect()
}

/// A codec failure: the exception CPython raises, with its attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// UnicodeDecodeError(encoding, object, start, end, reason).
    Decode {
        encoding: &'static str,
        object: Vec<u8>,
        start: usize,
        end: usize,
        reason: String,
    },
    /// UnicodeEncodeError(encoding, object, start, end, reason); positions in code points.
    Encode {
        encoding: &'static str,
        object: String,
        start: usize,
        end: usize,
        reason: String,
    },
    /// LookupError "unknown error handler name '...'".
    UnknownHandler(String),
    /// LookupError "unknown encoding: ...".
    UnknownEncoding(String),
    /// NotImplementedError: the text holds a character cpjit's str cannot (U+F0800..U+F0FFF).
    Unsupported(String),
}

impl CodecError {
    /// The exception class name.
    pub fn exc_name(&self) -> &'static str {
        match self {
            CodecError::Decode { .. } => "UnicodeDecodeError",
            CodecError::Encode { .. } => "UnicodeEncodeError",
            CodecError::Unsupported(_) => "NotImplementedError",
            _ => "LookupError",
        }
    }

    /// `str(exc)`, as CPython formats it.
    pub fn message(&self) -> String {
        match self {
            CodecError::Decode {
                encoding,
                object,
                start,
                end,
                reason,
            } => {
                if end - start == 1 {
                    format!(
                        "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                        encoding, object[*start], start, reason
                    )
                } else {
                    format!(
                        "'{}' codec can't decode bytes in position {}-{}: {}",
                        encoding,
                        start,
                        end - 1,
                        reason
                    )
                }
            }
            CodecError::Encode {
                encoding,
                object,
                start,
                end,
                reason,
            } => {
                if end - start == 1 {
                    let c = object.chars().nth(*start).expect("in range");
                    let shown = escape_char(c);
                    format!(
                        "'{}' codec can't encode character '{}' in position {}: {}",
                        encoding, shown, start, reason
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {}-{}: {}",
                        encoding,
                        start,
                        end - 1,
                        reason
                    )
                }
            }
            CodecError::UnknownHandler(h) => format!("unknown error handler name '{}'", h),
            CodecError::UnknownEncoding(e) => format!("unknown encoding: {}", e),
            CodecError::Unsupported(m) => m.clone(),
        }
    }
}

/// Where the next undecodable range is: (valid prefix length, bad length, reason).
fn next_error(enc: Encoding, b: &[u8]) -> Option<(usize, usize, &'static str)> {
    match enc {
        Encoding::Latin1 | Encoding::RawUnicodeEscape => None,
        Encoding::Ascii => b
            .iter()
            .position(|&c| c >= 0x80)
            .map(|p| (p, 1, "ordinal not in range(128)")),
        Encoding::Utf8 => match std::str::from_utf8(b) {
            Ok(_) => None,
            Err(e) => {
                let p = e.valid_up_to();
                Some(match e.error_len() {
                    None => (p, b.len() - p, "unexpected end of data"),
                    Some(n) => {
                        let start_ok = matches!(b[p], 0xc2..=0xf4);
                        (
                            p,
                            n,
                            if n == 1 && !start_ok {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            },
                        )
                    }
                })
            }
        },
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a character (backslashreplace, error messages).
pub fn escape_char(c: char) -> String {
    let n = code_point(c);
    if n < 0x100 {
        format!("\\x{:02x}", n)
    } else if n < 0x10000 {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

/// The NotImplementedError for decoded text holding a genuine U+F0800..U+F0FFF character.
fn check_decoded(s: &str) -> Result<(), CodecError> {
    match surrogate::first_standin(s) {
        Some(c) => Err(CodecError::Unsupported(surrogate::unsupported_message(
            c as u32,
        ))),
        None => Ok(()),
    }
}

fn decode_valid(enc: Encoding, b: &[u8], out: &mut String) -> Result<(), CodecError> {
    match enc {
        Encoding::Utf8 => {
            let s = std::str::from_utf8(b).expect("validated");
            check_decoded(s)?;
            out.push_str(s)
        }
        _ => out.extend(b.iter().map(|&c| c as char)),
    }
    Ok(())
}

/// `b.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> Result<String, CodecError> {
    if b.is_empty() {
        // PyUnicode_Decode returns '' before looking the codec up.
        return Ok(String::new());
    }
    if is_utf8_sig(encoding) {
        // encodings.utf_8_sig: a leading BOM is dropped, the rest is UTF-8.
        return decode(b.strip_prefix(UTF8_BOM).unwrap_or(b), "utf-8", errors);
    }
    let enc = Encoding::lookup(encoding)?;
    if enc == Encoding::RawUnicodeEscape {
        return raw_unicode_escape_decode(b, errors);
    }
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    while let Some((valid, bad, reason)) = next_error(enc, &b[pos..]) {
        decode_valid(enc, &b[pos..pos + valid], &mut out)?;
        let (start, end) = (pos + valid, pos + valid + bad);
        let err = || CodecError::Decode {
            encoding: enc.name(),
            object: b.to_vec(),
            start,
            end,
            reason: reason.to_string(),
        };
        match errors {
            "strict" => return Err(err()),
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for &c in &b[start..end] {
                    out.push_str(&format!("\\x{:02x}", c));
                }
            }
            "surrogateescape" => {
                // Each undecodable byte (all >= 0x80) becomes U+DC00 + byte.
                if b[start..end].iter().any(|&c| c < 0x80) {
                    return Err(err());
                }
                out.extend(b[start..end].iter().map(|&c| standin(0xDC00 + c as u32)));
            }
            "surrogatepass" => {
                // UTF-8's encoding of a surrogate: ED A0..BF 80..BF.
                match &b[start..] {
                    [0xED, x @ 0xA0..=0xBF, y @ 0x80..=0xBF, ..] if enc == Encoding::Utf8 => {
                        let v = 0xD000 | ((*x as u32 & 0x3F) << 6) | (*y as u32 & 0x3F);
                        out.push(standin(v));
                        pos = start + 3;
                        continue;
                    }
                    _ => return Err(err()),
                }
            }
            other => return Err(CodecError::UnknownHandler(other.to_string())),
        }
        pos = end;
    }
    decode_valid(enc, &b[pos..], &mut out)?;
    Ok(out)
}

/// What an encoding error handler puts in place of the unencodable `run` of characters
/// (`start` is its first character's index), or the error to raise.
fn encode_replacement(
    errors: &str,
    run: &[char],
    start: usize,
    err: &dyn Fn(usize) -> CodecError,
    out: &mut Vec<u8>,
) -> Result<(), CodecError> {
    match errors {
        "strict" => return Err(err(start)),
        "ignore" => {}
        "replace" => out.extend(std::iter::repeat_n(b'?', run.len())),
        "backslashreplace" => {
            for &c in run {
                out.extend_from_slice(escape_char(c).as_bytes());
            }
        }
        "namereplace" => {
            for &c in run {
                let name = (!surrogate::is_standin(c))
                    .then(|| unicode_names2::name(c))
                    .flatten();
                match name {
                    Some(n) => out.extend_from_slice(format!("\\N{{{n}}}").as_bytes()),
                    None => out.extend_from_slice(escape_char(c).as_bytes()),
                }
            }
        }
        "xmlcharrefreplace" => {
            for &c in run {
                out.extend_from_slice(format!("&#{};", code_point(c)).as_bytes());
            }
        }
        "surrogateescape" => {
            // U+DC80..U+DCFF become the bytes 0x80..0xFF; the first other character raises.
            for (k, &c) in run.iter().enumerate() {
                match surrogate_of(c) {
                    Some(v @ 0xDC80..=0xDCFF) => out.push((v - 0xDC00) as u8),
                    _ => return Err(err(start + k)),
                }
            }
        }
        other => return Err(CodecError::UnknownHandler(other.to_string())),
    }
    Ok(())
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, CodecError> {
    if is_utf8_sig(encoding) {
        // encodings.utf_8_sig: a BOM, then UTF-8.
        let mut out = UTF8_BOM.to_vec();
        out.extend(encode(s, "utf-8", errors)?);
        return Ok(out);
    }
    let enc = Encoding::lookup(encoding)?;
    let limit: u32 = match enc {
        Encoding::Utf8 => return encode_utf8(s, errors),
        Encoding::Ascii => 0x80,
        Encoding::Latin1 => 0x100,
        Encoding::RawUnicodeEscape => {
            let mut out = Vec::with_capacity(s.len());
            for c in s.chars() {
                match code_point(c) {
                    n if n < 0x100 => out.push(n as u8),
                    n if n < 0x10000 => out.extend_from_slice(format!("\\u{n:04x}").as_bytes()),
                    n => out.extend_from_slice(format!("\\U{n:08x}").as_bytes()),
                }
            }
            return Ok(out);
        }
    };
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(cs.len());
    let mut i = 0;
    while i < cs.len() {
        if (cs[i] as u32) < limit {
            out.push(cs[i] as u32 as u8);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < cs.len() && cs[end] as u32 >= limit {
            end += 1;
        }
        let err = |from: usize| CodecError::Encode {
            encoding: enc.name(),
            object: s.to_string(),
            start: from,
            end,
            reason: format!("ordinal not in range({})", limit),
        };
        let errors = if errors == "surrogatepass" {
            "strict"
        } else {
            errors
        };
        encode_replacement(errors, &cs[start..end], start, &err, &mut out)?;
        i = end;
    }
    Ok(out)
}

/// UTF-8 encoding: only lone surrogates cannot be encoded.
fn encode_utf8(s: &str, errors: &str) -> Result<Vec<u8>, CodecError> {
    if !surrogate::has_standin(s) {
        return Ok(s.as_bytes().to_vec());
    }
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let Some(_) = surrogate_of(cs[i]) else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(cs[i].encode_utf8(&mut buf).as_bytes());
            i += 1;
            continue;
        };
        let start = i;
        let mut end = i;
        while end < cs.len() && surrogate::is_standin(cs[end]) {
            end += 1;
        }
        if errors == "surrogatepass" {
            for &c in &cs[start..end] {
                let v = code_point(c);
                out.extend_from_slice(&[
                    0xE0 | (v >> 12) as u8,
                    0x80 | ((v >> 6) & 0x3F) as u8,
                    0x80 | (v & 0x3F) as u8,
                ]);
            }
        } else {
            let err = |from: usize| CodecError::Encode {
                encoding: "utf-8",
                object: s.to_string(),
                start: from,
                end,
                reason: "surrogates not allowed".to_string(),
            };
            encode_replacement(errors, &cs[start..end], start, &err, &mut out)?;
        }
        i = end;
    }
    Ok(out)
}

/// `raw-unicode-escape` decoding: bytes are latin-1 code points, except that `\uXXXX` and
/// `\UXXXXXXXX` after an odd number of backslashes are the code point they name.
fn raw_unicode_escape_decode(b: &[u8], errors: &str) -> Result<String, CodecError> {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i] as char);
            i += 1;
            continue;
        }
        // A run of backslashes: an even number stands for itself.
        let run = b[i..].iter().take_while(|&&c| c == b'\\').count();
        for _ in 0..run - 1 {
            out.push('\\');
        }
        i += run - 1;
        if run % 2 == 0 {
            out.push('\\');
            i += 1;
            continue;
        }
        let digits = match b.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => {
                out.push('\\');
                i += 1;
                continue;
            }
        };
        let hex = &b[i + 2..(i + 2 + digits).min(b.len())];
        let n = hex.iter().take_while(|c| c.is_ascii_hexdigit()).count();
        let (end, reason, value) = if n < digits {
            let r = if digits == 4 {
                "truncated \\uXXXX escape"
            } else {
                "truncated \\UXXXXXXXX escape"
            };
            (i + 2 + n, r, None)
        } else {
            let v = u32::from_str_radix(std::str::from_utf8(hex).unwrap_or("0"), 16).unwrap_or(0);
            match surrogate::from_code_point(v) {
                surrogate::FromCodePoint::Char(c) => (i + 2 + digits, "", Some(c)),
                surrogate::FromCodePoint::Unsupported => {
                    return Err(CodecError::Unsupported(surrogate::unsupported_message(v)));
                }
                surrogate::FromCodePoint::OutOfRange => {
                    (i + 2 + digits, "\\Uxxxxxxxx out of range", None)
                }
            }
        };
        match value {
            Some(c) => out.push(c),
            None => match errors {
                "strict" => {
                    return Err(CodecError::Decode {
                        encoding: "rawunicodeescape",
                        object: b.to_vec(),
                        start: i,
                        end,
                        reason: reason.to_string(),
                    })
                }
                "ignore" => {}
                "replace" => out.push('\u{fffd}'),
                other => return Err(CodecError::UnknownHandler(other.to_string())),
            },
        }
        i = end;
    }
    Ok(out)
}
