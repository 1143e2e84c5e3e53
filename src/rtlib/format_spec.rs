//! The format-spec mini-language (`format(x, spec)`, `f"{x:spec}"`), ported from CPython's
//! Python/formatter_unicode.c: parsing with its error messages, and rendering of ints, floats
//! and strs with fill/align/sign/width/grouping exactly as CPython.
//!
//! An empty spec means `str(x)`: the `format_*` functions below return `str()` of the plain type
//! for it, so callers with subclasses (e.g. bool: `format(True, '')` is 'True') must handle the
//! empty spec themselves.

use super::error::{RtError, RtResult};
use super::float_repr::{double_to_string, repr_f64, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0};
use super::floatops::bigint_to_f64;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// A parsed format spec (`InternalFormatSpec`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `<`, `>`, `=`, `^`.
    pub align: char,
    /// `None`, `Some('+')`, `Some('-')` or `Some(' ')`.
    pub sign: Option<char>,
    /// The 'z' flag.
    pub no_neg_0: bool,
    /// The '#' flag.
    pub alternate: bool,
    pub width: Option<i64>,
    /// `Some(',')` or `Some('_')`.
    pub grouping: Option<char>,
    pub precision: Option<i64>,
    /// The presentation type; `None` only for floats with no type ('' type).
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parse a run of decimal digits ('get_integer'): returns (value, digits consumed).
fn get_integer(cs: &[char], pos: &mut usize) -> RtResult<(i64, usize)> {
    let mut acc: i64 = 0;
    let mut n = 0;
    while *pos < cs.len() {
        let Some(d) = cs[*pos].to_digit(10) else {
            break;
        };
        if acc > (i64::MAX - d as i64) / 10 {
            return Err(RtError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as i64;
        *pos += 1;
        n += 1;
    }
    Ok((acc, n))
}

fn code_text(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

/// `parse_internal_render_format_spec`: `default_type` is 'd' for ints, 's' for strs and `None`
/// for floats; `default_align` is '>' for numbers and '<' for strs; `type_name` names the object's
/// type in error messages.
pub fn parse_format_spec(
    spec: &str,
    default_type: Option<char>,
    default_align: char,
    type_name: &str,
) -> RtResult<FormatSpec> {
    let cs: Vec<char> = spec.chars().collect();
    let end = cs.len();
    let mut pos = 0;
    let mut f = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: default_type,
    };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end - pos >= 2 && is_align(cs[pos + 1]) {
        f.align = cs[pos + 1];
        f.fill = cs[pos];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(cs[pos]) {
        f.align = cs[pos];
        align_specified = true;
        pos += 1;
    }
    if pos < end && matches!(cs[pos], '+' | '-' | ' ') {
        f.sign = Some(cs[pos]);
        pos += 1;
    }
    if pos < end && cs[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && cs[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && cs[pos] == '0' {
        f.fill = '0';
        if !align_specified && default_align == '>' {
            f.align = '=';
        }
        pos += 1;
    }
    let (w, n) = get_integer(&cs, &mut pos)?;
    if n > 0 {
        f.width = Some(w);
    }
    if pos < end && cs[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && cs[pos] == '_' {
        if f.grouping.is_some() {
            return Err(RtError::value("Cannot specify both ',' and '_'."));
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && cs[pos] == ',' && f.grouping == Some('_') {
        return Err(RtError::value("Cannot specify both ',' and '_'."));
    }
    if pos < end && cs[pos] == '.' {
        pos += 1;
        let (p, n) = get_integer(&cs, &mut pos)?;
        if n == 0 {
            return Err(RtError::value("Format specifier missing precision"));
        }
        f.precision = Some(p);
    }
    if end - pos > 1 {
        return Err(RtError::value(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, type_name
        )));
    }
    if end - pos == 1 {
        f.ty = Some(cs[pos]);
    }
    if let Some(g) = f.grouping {
        let ok = match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            let t = f.ty.unwrap_or('\0');
            return Err(RtError::value(format!(
                "Cannot specify '{}' with '{}'.",
                g,
                code_text(t)
            )));
        }
    }
    if let Some(w) = f.width {
        super::error::check_result_size(w)?;
    }
    Ok(f)
}

fn unknown_code(ty: char, type_name: &str) -> RtError {
    RtError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        code_text(ty),
        type_name
    ))
}

/// `_PyUnicode_InsertThousandsGrouping`: group `digits` (ASCII) by `group` (0 = no grouping)
/// with `sep`, left-padding with zeros (also grouped) up to `min_width` characters.
fn group_digits(digits: &str, min_width: i64, group: i64, sep: char) -> String {
    let d: Vec<char> = digits.chars().collect();
    let mut out: Vec<char> = Vec::new(); // built right to left
    let mut dpos = d.len();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width.max(0);
    let mut use_sep = false;
    let mut fill = |out: &mut Vec<char>, n_chars: i64, n_zeros: i64, use_sep: bool| {
        if use_sep {
            out.push(sep);
        }
        for _ in 0..n_chars {
            dpos -= 1;
            out.push(d[dpos]);
        }
        for _ in 0..n_zeros {
            out.push('0');
        }
    };
    let mut broken = false;
    if group > 0 {
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            fill(&mut out, n_chars, n_zeros, use_sep);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        fill(&mut out, n_chars, n_zeros, use_sep);
    }
    out.reverse();
    out.into_iter().collect()
}

/// The pieces of a number to lay out (`calc_number_widths` + `fill_number`).
struct NumParts<'a> {
    negative: bool,
    prefix: &'a str,
    digits: &'a str,
    has_decimal: bool,
    remainder: &'a str,
}

fn pad(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

fn fill_number(p: &NumParts, f: &FormatSpec, group: i64, sep: char, upper: bool) -> String {
    let sign = match f.sign {
        Some('+') => Some(if p.negative { '-' } else { '+' }),
        Some(' ') => Some(if p.negative { '-' } else { ' ' }),
        _ => p.negative.then_some('-'),
    };
    let n_prefix = p.prefix.chars().count() as i64;
    let n_remainder = p.remainder.chars().count() as i64;
    let non_digit = sign.is_some() as i64 + n_prefix + p.has_decimal as i64 + n_remainder;
    let width = f.width.unwrap_or(-1);
    let min_width = if f.fill == '0' && f.align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        group_digits(p.digits, min_width, group, sep)
    };
    let n_padding = width - (non_digit + grouped.chars().count() as i64);
    let (mut l, mut s, mut r) = (0, 0, 0);
    if n_padding > 0 {
        match f.align {
            '<' => r = n_padding,
            '^' => {
                l = n_padding / 2;
                r = n_padding - l;
            }
            '=' => s = n_padding,
            _ => l = n_padding,
        }
    }
    let mut out = String::new();
    pad(&mut out, f.fill, l);
    if let Some(c) = sign {
        out.push(c);
    }
    if upper {
        out.push_str(&p.prefix.to_ascii_uppercase());
    } else {
        out.push_str(p.prefix);
    }
    pad(&mut out, f.fill, s);
    if upper {
        out.push_str(&grouped.to_ascii_uppercase());
    } else {
        out.push_str(&grouped);
    }
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    pad(&mut out, f.fill, r);
    out
}

/// `format(v, spec)` for an int; `type_name` is the object's type name for messages ('int',
/// 'bool', ...).
pub fn format_int(v: &BigInt, spec: &str, type_name: &str) -> RtResult<String> {
    if spec.is_empty() {
        return super::numparse::int_to_decimal(v);
    }
    let f = parse_format_spec(spec, Some('d'), '>', type_name)?;
    let ty = f.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(v, &f, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = bigint_to_f64(v)?;
            format_float_internal(x, &f)
        }
        _ => Err(unknown_code(ty, type_name)),
    }
}

/// `format(v, spec)` for an int held as i64.
pub fn format_i64(v: i64, spec: &str, type_name: &str) -> RtResult<String> {
    format_int(&BigInt::from(v), spec, type_name)
}

fn format_long_internal(v: &BigInt, f: &FormatSpec, ty: char) -> RtResult<String> {
    if f.precision.is_some() {
        return Err(RtError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_0 {
        return Err(RtError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(RtError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(RtError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v
            .to_i64()
            .ok_or_else(|| RtError::overflow("Python int too large to convert to C long"))?;
        if !(0..=0x10ffff).contains(&x) {
            return Err(RtError::overflow("%c arg not in range(0x110000)"));
        }
        let c = super::surrogate::char_or_unsupported(x as u32)?;
        let rem = c.to_string();
        let parts = NumParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &rem,
        };
        return Ok(fill_number(&parts, f, 0, ',', false));
    }
    let (base, pfx) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = if base == 10 {
        // The decimal digit limit applies to the magnitude's digits, as in CPython.
        super::numparse::uint_to_decimal(v.magnitude())?
    } else {
        v.magnitude().to_str_radix(base)
    };
    let prefix = if f.alternate { pfx } else { "" };
    let (group, sep) = match (ty, f.grouping) {
        ('n', _) | (_, None) => (0, ','),
        ('b' | 'o' | 'x' | 'X', Some(c)) => (4, c),
        (_, Some(c)) => (3, c),
    };
    let parts = NumParts {
        negative: v.sign() == Sign::Minus,
        prefix,
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    Ok(fill_number(&parts, f, group, sep, ty == 'X'))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str, type_name: &str) -> RtResult<String> {
    if spec.is_empty() {
        return Ok(repr_f64(x));
    }
    let f = parse_format_spec(spec, None, '>', type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_internal(x, &f),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

fn format_float_internal(x: f64, f: &FormatSpec) -> RtResult<String> {
    let mut precision = match f.precision {
        Some(p) if p > i32::MAX as i64 => return Err(RtError::value("precision too big")),
        Some(p) => p as i32,
        None => -1,
    };
    super::error::check_result_size(precision as i64)?;
    let mut flags = 0;
    if f.alternate {
        flags |= DTSF_ALT;
    }
    if f.no_neg_0 {
        flags |= DTSF_NO_NEG_0;
    }
    let mut default_precision = 6;
    let mut ty = f.ty.unwrap_or('\0');
    if ty == '\0' {
        flags |= DTSF_ADD_DOT_0;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    if precision < 0 {
        precision = default_precision;
    } else if ty == 'r' {
        ty = 'g';
    }
    let mut buf = double_to_string(val, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let ndig = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let digits = &body[..ndig];
    let has_decimal = body[ndig..].starts_with('.');
    let remainder = &body[ndig + has_decimal as usize..];
    let (group, sep) = match (f.ty, f.grouping) {
        (Some('n'), _) | (_, None) => (0, ','),
        (_, Some(c)) => (3, c),
    };
    let parts = NumParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    Ok(fill_number(&parts, f, group, sep, false))
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str, type_name: &str) -> RtResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_format_spec(spec, Some('s'), '<', type_name)?;
    match f.ty {
        Some('s') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
        None => unreachable!("str default type is 's'"),
    }
    match f.sign {
        Some(' ') => {
            return Err(RtError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(RtError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if f.no_neg_0 {
        return Err(RtError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(RtError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == '=' {
        return Err(RtError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = s.chars().count() as i64;
    let body: &str = match f.precision {
        Some(p) if p < len => {
            len = p;
            match s.char_indices().nth(p as usize) {
                Some((i, _)) => &s[..i],
                None => s,
            }
        }
        _ => s,
    };
    let total = f.width.unwrap_or(-1).max(len);
    let l = match f.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let r = total - len - l;
    let mut out = String::new();
    pad(&mut out, f.fill, l);
    out.push_str(body);
    pad(&mut out, f.fill, r);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        assert_eq!(format_float(1.0, "", "float").unwrap(), "1.0");
        assert_eq!(format_float(1e16, ".3", "float").unwrap(), "1e+16");
        assert_eq!(format_i64(1234, "010,", "int").unwrap(), "00,001,234");
        assert_eq!(format_i64(255, "#X", "int").unwrap(), "0XFF");
        assert_eq!(format_str("ab", "05", "str").unwrap(), "ab000");
    }
}

/// Split a formatted float ("-1.5e+07") into (negative, digits, has_decimal, remainder).
fn split_number(buf: &str) -> (bool, &str, bool, &str) {
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf),
    };
    let ndig = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let has_decimal = body[ndig..].starts_with('.');
    (
        negative,
        &body[..ndig],
        has_decimal,
        &body[ndig + has_decimal as usize..],
    )
}

/// `format(z, spec)` for a complex number (`format_complex_internal`).
pub fn format_complex(re: f64, im: f64, spec: &str, type_name: &str) -> RtResult<String> {
    if spec.is_empty() {
        return Ok(super::float_repr::repr_complex(re, im));
    }
    let f = parse_format_spec(spec, None, '>', type_name)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    let mut precision = match f.precision {
        Some(p) if p > i32::MAX as i64 => return Err(RtError::value("precision too big")),
        Some(p) => p as i32,
        None => -1,
    };
    if f.fill == '0' {
        return Err(RtError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == '=' {
        return Err(RtError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut flags = 0;
    if f.alternate {
        flags |= DTSF_ALT;
    }
    if f.no_neg_0 {
        flags |= DTSF_NO_NEG_0;
    }
    let mut ty = f.ty.unwrap_or('\0');
    let mut default_precision = 6;
    let mut skip_re = false;
    let mut add_parens = false;
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    if precision < 0 {
        precision = default_precision;
    } else if ty == 'r' {
        ty = 'g';
    }
    let re_buf = double_to_string(re, ty, precision, flags);
    let im_buf = double_to_string(im, ty, precision, flags);
    let (group, sep) = match (f.ty, f.grouping) {
        (Some('n'), _) | (_, None) => (0, ','),
        (_, Some(c)) => (3, c),
    };
    // Each part is laid out without padding; padding wraps the whole.
    let mut part_spec = f.clone();
    part_spec.fill = '\0';
    part_spec.align = '<';
    part_spec.width = None;
    let (neg, digits, has_decimal, remainder) = split_number(&re_buf);
    let re_text = if skip_re {
        String::new()
    } else {
        let p = NumParts {
            negative: neg,
            prefix: "",
            digits,
            has_decimal,
            remainder,
        };
        fill_number(&p, &part_spec, group, sep, false)
    };
    if !skip_re {
        part_spec.sign = Some('+');
    }
    let (neg, digits, has_decimal, remainder) = split_number(&im_buf);
    let p = NumParts {
        negative: neg,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    let im_text = fill_number(&p, &part_spec, group, sep, false);
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    body.push_str(&re_text);
    body.push_str(&im_text);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let len = body.chars().count() as i64;
    let total = f.width.unwrap_or(-1).max(len);
    let l = match f.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = String::new();
    pad(&mut out, f.fill, l);
    out.push_str(&body);
    pad(&mut out, f.fill, total - len - l);
    Ok(out)
}
