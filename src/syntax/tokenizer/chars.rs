//! Character classes shared by both tokenizer modes: Python's `str.isidentifier`, `re`'s `\w`,
//! `str.isprintable`, and the 3.11 operator table.

use crate::syntax::token::Op;
use unicode_general_category::{get_general_category, GeneralCategory as G};

/// `XID_Start` or `_`: what `str.isidentifier` accepts as a first character.
pub fn is_id_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

/// `XID_Continue`: what `str.isidentifier` accepts after the first character.
pub fn is_id_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
}

/// Python's `str.isidentifier` on a whole string.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_id_start(c) => it.all(is_id_continue),
        _ => false,
    }
}

/// `\w` of Python's `re` in Unicode mode: letters, numbers (isalnum) and `_`. Combining marks are
/// not word characters, which is why tokenize.py splits some identifiers that CPython accepts.
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::DecimalNumber
            | G::LetterNumber
            | G::OtherNumber
    )
}

/// Python 3.11's `str.isprintable` for one character, from tables generated from CPython's own
/// Unicode 14 database (a newer Unicode would call some 3.11-unassigned characters printable).
pub fn is_printable(c: char) -> bool {
    crate::rtlib::unicode::is_printable(c)
}

/// The longest 3.11 operator at the start of `s` (3.11 has no lone `!` token).
pub fn match_op(s: &[u8]) -> Option<(Op, usize)> {
    let b0 = *s.first()?;
    let b1 = s.get(1).copied().unwrap_or(0);
    let b2 = s.get(2).copied().unwrap_or(0);
    use Op::*;
    let three = match (b0, b1, b2) {
        (b'*', b'*', b'=') => Some(DoubleStarEqual),
        (b'/', b'/', b'=') => Some(DoubleSlashEqual),
        (b'<', b'<', b'=') => Some(LeftShiftEqual),
        (b'>', b'>', b'=') => Some(RightShiftEqual),
        (b'.', b'.', b'.') => Some(Ellipsis),
        _ => None,
    };
    if let Some(op) = three {
        return Some((op, 3));
    }
    let two = match (b0, b1) {
        (b'=', b'=') => Some(EqEqual),
        (b'!', b'=') => Some(NotEqual),
        (b'<', b'=') => Some(LessEqual),
        (b'>', b'=') => Some(GreaterEqual),
        (b'<', b'<') => Some(LeftShift),
        (b'>', b'>') => Some(RightShift),
        (b'*', b'*') => Some(DoubleStar),
        (b'+', b'=') => Some(PlusEqual),
        (b'-', b'=') => Some(MinEqual),
        (b'*', b'=') => Some(StarEqual),
        (b'/', b'=') => Some(SlashEqual),
        (b'%', b'=') => Some(PercentEqual),
        (b'&', b'=') => Some(AmperEqual),
        (b'|', b'=') => Some(VBarEqual),
        (b'^', b'=') => Some(CircumflexEqual),
        (b'/', b'/') => Some(DoubleSlash),
        (b'@', b'=') => Some(AtEqual),
        (b'-', b'>') => Some(RArrow),
        (b':', b'=') => Some(ColonEqual),
        _ => None,
    };
    if let Some(op) = two {
        return Some((op, 2));
    }
    let one = match b0 {
        b'(' => LPar,
        b')' => RPar,
        b'[' => LSqb,
        b']' => RSqb,
        b':' => Colon,
        b',' => Comma,
        b';' => Semi,
        b'+' => Plus,
        b'-' => Minus,
        b'*' => Star,
        b'/' => Slash,
        b'|' => VBar,
        b'&' => Amper,
        b'<' => Less,
        b'>' => Greater,
        b'=' => Equal,
        b'.' => Dot,
        b'%' => Percent,
        b'{' => LBrace,
        b'}' => RBrace,
        b'~' => Tilde,
        b'^' => Circumflex,
        b'@' => At,
        _ => return None,
    };
    Some((one, 1))
}

/// Length of a valid string prefix (`r`, `b`, `u`, `f`, `br`, `rb`, `fr`, `rf`, any case) at the
/// start of `s` that is directly followed by a quote, with that quote byte.
pub fn string_prefix(s: &[u8]) -> Option<(usize, u8)> {
    let mut n = 0;
    while n < 3 && n < s.len() && s[n].is_ascii_alphabetic() {
        n += 1;
    }
    let q = *s.get(n)?;
    if q != b'\'' && q != b'"' {
        return None;
    }
    let p: Vec<u8> = s[..n].iter().map(|b| b.to_ascii_lowercase()).collect();
    let ok = matches!(
        p.as_slice(),
        b"" | b"r" | b"b" | b"u" | b"f" | b"br" | b"rb" | b"fr" | b"rf"
    );
    ok.then_some((n, q))
}

/// Number of code points in a UTF-8 byte slice.
#[inline]
pub fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x & 0xC0) != 0x80).count()
}

/// Converts byte columns of one line into code-point columns, cheaply for forward scans.
pub struct Cols<'a> {
    s: &'a [u8],
    ascii: bool,
    last_b: usize,
    last_c: usize,
}

impl<'a> Cols<'a> {
    pub fn new(s: &'a str) -> Self {
        Cols {
            s: s.as_bytes(),
            ascii: s.is_ascii(),
            last_b: 0,
            last_c: 0,
        }
    }
    pub fn at(&mut self, b: usize) -> u32 {
        if self.ascii {
            return b as u32;
        }
        if b < self.last_b {
            self.last_b = 0;
            self.last_c = 0;
        }
        self.last_c += count_chars(&self.s[self.last_b..b]);
        self.last_b = b;
        self.last_c as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_identifier("_x1") && is_identifier("été") && !is_identifier("1x"));
        assert!(is_word('²') && !is_id_start('²'));
        assert!(!is_word('\u{0300}'));
        assert!(is_printable('é') && !is_printable('\u{a0}') && !is_printable('\t'));
        assert_eq!(match_op(b"**=x"), Some((Op::DoubleStarEqual, 3)));
        assert_eq!(match_op(b"!x"), None);
        assert_eq!(string_prefix(b"Rb'x'"), Some((2, b'\'')));
        assert_eq!(string_prefix(b"ub'x'"), None);
        assert_eq!(string_prefix(b"abc"), None);
    }
}
