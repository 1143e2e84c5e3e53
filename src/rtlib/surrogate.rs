//! Lone surrogates in Python strs.
//!
//! A Rust `str` cannot hold U+D800..U+DFFF, which a Python str can (`'\udcff'`, the
//! `surrogateescape` error handler's output). cpjit stores lone surrogate U+D800+k as the
//! plane-15 private-use character U+F0800+k (both ranges are 2,048 long), from the parser to the
//! VM. Python never sees the stand-in: `ord`, `repr`, comparisons, hashing, the codecs and the
//! regex engine read it as the surrogate, and every place that makes a str from outside data
//! (decoding, `chr`, literals) refuses a genuine character of U+F0800..U+F0FFF with a
//! NotImplementedError instead of letting it turn into a surrogate (docs/design.md).

use std::cmp::Ordering;

/// First code point of the range that stands for lone surrogates.
pub const STANDIN_BASE: u32 = 0xF0800;

/// The stand-in character of lone surrogate `v` (0xD800..=0xDFFF).
pub fn standin(v: u32) -> char {
    debug_assert!((0xD800..0xE000).contains(&v));
    char::from_u32(STANDIN_BASE + (v - 0xD800)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The surrogate a stand-in character stands for, if it is one.
#[inline]
pub fn surrogate_of(c: char) -> Option<u32> {
    let n = c as u32;
    (STANDIN_BASE..STANDIN_BASE + 0x800)
        .contains(&n)
        .then(|| 0xD800 + (n - STANDIN_BASE))
}

/// Whether `c` is a stand-in (a lone surrogate as Python sees it).
#[inline]
pub fn is_standin(c: char) -> bool {
    surrogate_of(c).is_some()
}

/// The code point Python sees for `c` (`ord(c)`).
#[inline]
pub fn code_point(c: char) -> u32 {
    surrogate_of(c).unwrap_or(c as u32)
}

/// What code point `v` becomes in a str.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FromCodePoint {
    Char(char),
    /// Not below 0x110000.
    OutOfRange,
    /// A genuine character of U+F0800..U+F0FFF, which cpjit's str cannot hold.
    Unsupported,
}

/// The character of Python code point `v` (a surrogate becomes its stand-in).
pub fn from_code_point(v: u32) -> FromCodePoint {
    if (0xD800..0xE000).contains(&v) {
        return FromCodePoint::Char(standin(v));
    }
    match char::from_u32(v) {
        Some(c) if is_standin(c) => FromCodePoint::Unsupported,
        Some(c) => FromCodePoint::Char(c),
        None => FromCodePoint::OutOfRange,
    }
}

/// The character of code point `v` (below 0x110000), or the NotImplementedError for a genuine
/// U+F0800..U+F0FFF character.
pub fn char_or_unsupported(v: u32) -> Result<char, super::error::RtError> {
    match from_code_point(v) {
        FromCodePoint::Char(c) => Ok(c),
        _ => Err(super::error::RtError::unsupported_char(v)),
    }
}

/// The message of the NotImplementedError for a genuine U+F0800..U+F0FFF character.
pub fn unsupported_message(v: u32) -> String {
    format!("characters U+F0800..U+F0FFF in str (U+{v:05X}; cpjit keeps lone surrogates there)")
}

/// Whether UTF-8 text holds a stand-in: each is F3 B0 [A0-BF] xx.
#[inline]
pub fn has_standin(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&x| x == 0xF3) {
        let j = i + p;
        if b.get(j + 1) == Some(&0xB0) && matches!(b.get(j + 2), Some(0xA0..=0xBF)) {
            return true;
        }
        i = j + 1;
    }
    false
}

/// The first stand-in of `s`, if any (for NotImplementedError messages where text comes in).
pub fn first_standin(s: &str) -> Option<char> {
    if !has_standin(s) {
        return None;
    }
    s.chars().find(|&c| is_standin(c))
}

/// `s` with each lone surrogate written `\udXXX` (what the `backslashreplace` error handler
/// makes of it when UTF-8 text goes out, as on sys.stderr).
pub fn backslash_standins(s: &str) -> std::borrow::Cow<'_, str> {
    if !has_standin(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match surrogate_of(c) {
            Some(v) => out.push_str(&format!("\\u{v:04x}")),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Python's order of two strs: by code point, with surrogates (U+D800..U+DFFF) below U+E000.
/// UTF-8 byte order is code point order, so only the first differing characters need a look.
pub fn cmp_str(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let Some(d) = x.iter().zip(y).position(|(p, q)| p != q) else {
        return x.len().cmp(&y.len());
    };
    // Back up to the start of the differing characters (same prefix bytes in both).
    let mut s = d;
    while s > 0 && (x[s] & 0xC0) == 0x80 {
        s -= 1;
    }
    let ca = a[s..].chars().next().map(code_point);
    let cb = b[s..].chars().next().map(code_point);
    ca.cmp(&cb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_mapping() {
        let s = standin(0xDCFF);
        assert_eq!(code_point(s), 0xDCFF);
        assert!(has_standin(&format!("ab{s}")));
        assert!(!has_standin("\u{F0000}\u{F1000}"));
        let sur = format!("{s}");
        assert_eq!(cmp_str(&sur, "\u{E000}"), Ordering::Less);
        assert_eq!(cmp_str(&sur, "\u{D7FF}"), Ordering::Greater);
        assert_eq!(cmp_str("a", "ab"), Ordering::Less);
        assert_eq!(from_code_point(0xF0800), FromCodePoint::Unsupported);
        assert_eq!(from_code_point(0x110000), FromCodePoint::OutOfRange);
    }
}
