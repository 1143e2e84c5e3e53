//! Python `str` method semantics on `&str` (indices count code points, as in Python).

use super::unicode;

/// Python's `repr(s)` for a str: quote choice, backslash escapes, non-printables escaped.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let n = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if n < 0x20 || n == 0x7f => out.push_str(&format!("\\x{:02x}", n)),
            _ if n < 0x7f => out.push(c),
            _ if unicode::is_printable(c) => out.push(c),
            _ if n <= 0xff => out.push_str(&format!("\\x{:02x}", n)),
            _ if n <= 0xffff => out.push_str(&format!("\\u{:04x}", n)),
            _ => out.push_str(&format!("\\U{:08x}", n)),
        }
    }
    out.push(quote);
    out
}
