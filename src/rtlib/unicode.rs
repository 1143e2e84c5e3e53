//! Per-character Unicode properties and case mappings with CPython 3.11's exact data (tables
//! generated from python3's unicodedata by gen_unicode_tables.py).

use super::unicode_tables as t;

fn in_ranges(rs: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    rs.binary_search_by(|&(a, b)| {
        if b < c {
            std::cmp::Ordering::Less
        } else if a > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

fn lookup_map(m: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    m.binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| m[i].1)
}

/// `c.isalpha()`.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(t::ALPHA, c)
}
/// `c.isdecimal()`.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DECIMAL, c)
}
/// `c.isdigit()`.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::DIGIT, c)
}
/// `c.isnumeric()`.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(t::NUMERIC, c)
}
/// `c.isalnum()`: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}
/// `c.isspace()` (includes \x1c-\x1f and \x85).
pub fn is_space(c: char) -> bool {
    in_ranges(t::SPACE, c)
}
/// `c.isprintable()`.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(t::PRINTABLE, c)
}
/// Uppercase property (`Py_UNICODE_ISUPPER`).
pub fn is_upper(c: char) -> bool {
    in_ranges(t::UPPER, c)
}
/// Lowercase property (`Py_UNICODE_ISLOWER`).
pub fn is_lower(c: char) -> bool {
    in_ranges(t::LOWER, c)
}
/// Titlecase letter (category Lt).
pub fn is_title(c: char) -> bool {
    in_ranges(t::TITLE, c)
}
/// Cased property.
pub fn is_cased(c: char) -> bool {
    in_ranges(t::CASED, c)
}
/// Case_Ignorable property.
pub fn is_case_ignorable(c: char) -> bool {
    in_ranges(t::CASE_IGNORABLE, c)
}
/// Can start an identifier (`'_'` or XID_Start).
pub fn is_id_start(c: char) -> bool {
    in_ranges(t::ID_START, c)
}
/// Can continue an identifier (XID_Continue).
pub fn is_id_continue(c: char) -> bool {
    in_ranges(t::ID_CONTINUE, c)
}
/// `unicodedata.decimal(c)`: the value of a decimal digit.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let n = c as u32;
    let rs = t::DECIMAL_VALUE;
    let i = rs.partition_point(|&(a, _, _)| a <= n);
    if i == 0 {
        return None;
    }
    let (a, b, d) = rs[i - 1];
    (n <= b).then(|| d as u32 + (n - a))
}

fn push_mapped(out: &mut String, m: &'static [(u32, &'static str)], c: char) {
    match lookup_map(m, c) {
        Some(s) => out.push_str(s),
        None => out.push(c),
    }
}
/// Append the full uppercase mapping of `c`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(out, t::UPPER_MAP, c)
    }
}
/// Append the full lowercase mapping of `c` (no final-sigma handling).
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push_mapped(out, t::LOWER_MAP, c)
    }
}
/// Append the full titlecase mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(out, t::TITLE_MAP, c)
    }
}
/// Append the full case folding of `c`.
pub fn push_fold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push_mapped(out, t::FOLD_MAP, c)
    }
}
