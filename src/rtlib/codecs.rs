//! `bytes.decode` / `str.encode` for utf-8, ascii and latin-1 with CPython's error handlers
//! (strict, ignore, replace, backslashreplace, xmlcharrefreplace) and exception texts.
//! `surrogateescape`/`surrogatepass` need lone surrogates, which a Rust `str` cannot hold: they
//! are reported as unknown handlers only when an error occurs, like any other unsupported name.

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
        let norm: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '-' || c == ' ' { '_' } else { c })
            .collect();
        match norm.as_str() {
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
}

impl CodecError {
    /// The exception class name.
    pub fn exc_name(&self) -> &'static str {
        match self {
            CodecError::Decode { .. } => "UnicodeDecodeError",
            CodecError::Encode { .. } => "UnicodeEncodeError",
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
                    let c = object.chars().nth(*start).expect("in range") as u32;
                    let shown = if c < 0x100 {
                        format!("\\x{:02x}", c)
                    } else if c < 0x10000 {
                        format!("\\u{:04x}", c)
                    } else {
                        format!("\\U{:08x}", c)
                    };
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

fn decode_valid(enc: Encoding, b: &[u8], out: &mut String) {
    match enc {
        Encoding::Utf8 => out.push_str(std::str::from_utf8(b).expect("validated")),
        _ => out.extend(b.iter().map(|&c| c as char)),
    }
}

/// `b.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> Result<String, CodecError> {
    if b.is_empty() {
        // PyUnicode_Decode returns '' before looking the codec up.
        return Ok(String::new());
    }
    let enc = Encoding::lookup(encoding)?;
    if enc == Encoding::RawUnicodeEscape {
        return raw_unicode_escape_decode(b, errors);
    }
    let mut out = String::with_capacity(b.len());
    let mut pos = 0;
    while let Some((valid, bad, reason)) = next_error(enc, &b[pos..]) {
        decode_valid(enc, &b[pos..pos + valid], &mut out);
        let (start, end) = (pos + valid, pos + valid + bad);
        match errors {
            "strict" => {
                return Err(CodecError::Decode {
                    encoding: enc.name(),
                    object: b.to_vec(),
                    start,
                    end,
                    reason: reason.to_string(),
                })
            }
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for &c in &b[start..end] {
                    out.push_str(&format!("\\x{:02x}", c));
                }
            }
            other => return Err(CodecError::UnknownHandler(other.to_string())),
        }
        pos = end;
    }
    decode_valid(enc, &b[pos..], &mut out);
    Ok(out)
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, CodecError> {
    let enc = Encoding::lookup(encoding)?;
    let limit: u32 = match enc {
        Encoding::Utf8 => return Ok(s.as_bytes().to_vec()),
        Encoding::Ascii => 0x80,
        Encoding::Latin1 => 0x100,
        Encoding::RawUnicodeEscape => {
            let mut out = Vec::with_capacity(s.len());
            for c in s.chars() {
                match c as u32 {
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
        match errors {
            "strict" => {
                return Err(CodecError::Encode {
                    encoding: enc.name(),
                    object: s.to_string(),
                    start,
                    end,
                    reason: format!("ordinal not in range({})", limit),
                })
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - start)),
            "backslashreplace" => {
                for &c in &cs[start..end] {
                    let n = c as u32;
                    let t = if n < 0x100 {
                        format!("\\x{:02x}", n)
                    } else if n < 0x10000 {
                        format!("\\u{:04x}", n)
                    } else {
                        format!("\\U{:08x}", n)
                    };
                    out.extend_from_slice(t.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &cs[start..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            other => return Err(CodecError::UnknownHandler(other.to_string())),
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
            match char::from_u32(v) {
                Some(c) => (i + 2 + digits, "", Some(c)),
                None => (i + 2 + digits, "\\Uxxxxxxxx out of range", None),
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
