//! Python's `repr()` of a `str`, as `tokenize` prints token strings with `%r`.

use super::chars::is_printable;
use std::fmt::Write;

/// `repr(s)`: single quotes unless the text has `'` and no `"`; `\\`, the quote, `\t`, `\n`, `\r`
/// escaped; other non-printable characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn py_repr(s: &str) -> String {
    py_repr_with(s, false)
}

/// `repr()` of a str constant of the AST, where U+F0800..U+F0FFF stand for lone surrogates
/// (`ast::SURROGATE_STANDIN_BASE`) and print as `\udXXX`, as CPython prints the surrogate.
pub fn py_repr_constant(s: &str) -> String {
    py_repr_with(s, true)
}

fn py_repr_with(s: &str, standins: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c => {
                let n = match crate::syntax::ast::standin_surrogate(c) {
                    Some(sur) if standins => sur,
                    _ => c as u32,
                };
                let _ = if n <= 0xff {
                    write!(out, "\\x{n:02x}")
                } else if n <= 0xffff {
                    write!(out, "\\u{n:04x}")
                } else {
                    write!(out, "\\U{n:08x}")
                };
            }
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::py_repr;

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(py_repr("a"), "'a'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("'\""), "'\\'\"'");
        assert_eq!(py_repr("\t\n\r\\\x0c\x7f"), "'\\t\\n\\r\\\\\\x0c\\x7f'");
        assert_eq!(py_repr("é\u{a0}\u{200b}€"), "'é\\xa0\\u200b€'");
    }
}
