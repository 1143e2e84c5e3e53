//! `int(str, base)` and `float(str)` parsing, and int → str in any base, as CPython 3.11 does
//! them (Objects/longobject.c `PyLong_FromString`, Objects/floatobject.c `PyFloat_FromString`),
//! including the 4300-digit limit on decimal conversions (`sys.int_max_str_digits`).

use super::error::{RtError, RtResult};
use super::strmethods::repr_str;
use super::unicode;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// Below this many digits the limit is never checked (`_PY_LONG_MAX_STR_DIGITS_THRESHOLD`).
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

thread_local! {
    /// `sys.get_int_max_str_digits()` of the interpreter running on this thread (0: no limit).
    static MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

/// The digit limit in force (`sys.get_int_max_str_digits()`).
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|c| c.get())
}

/// `sys.set_int_max_str_digits(n)` (the caller checks `n` is 0 or at least the threshold).
pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|c| c.set(n))
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode spaces → ' ', Unicode decimal digits →
/// ASCII digits; anything else non-ASCII (or DEL) ends the text with '?' (an invalid char).
fn to_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c);
        } else if unicode::is_space(c) {
            out.push(' ');
        } else if let Some(d) = unicode::decimal_value(c) {
            out.push(char::from_digit(d, 10).expect("decimal digit"));
        } else {
            out.push('?');
            break;
        }
    }
    out
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `%.200R`: the repr, cut to 200 characters.
fn repr200(s: &str) -> String {
    repr_str(s).chars().take(200).collect()
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

/// `int(s, base)` for a str `s` (base 0 or 2..=36), with the digit limit in force.
pub fn parse_int(s: &str, base: u32) -> RtResult<BigInt> {
    parse_int_limited(s, base, max_str_digits())
}

/// `int(s, base)` with an explicit `sys.int_max_str_digits` (0 = unlimited).
pub fn parse_int_limited(s: &str, base: u32, max_digits: usize) -> RtResult<BigInt> {
    if (base != 0 && base < 2) || base > 36 {
        return Err(RtError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        RtError::value(format!(
            "invalid literal for int() with base {}: {}",
            base,
            repr200(s)
        ))
    };
    let ascii = to_ascii(s);
    let b = ascii.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() && is_c_space(b[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base_ = base;
    let mut error_if_nonzero = false;
    if base_ == 0 {
        base_ = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && ((base_ == 16 && matches!(at(i + 1), b'x' | b'X'))
            || (base_ == 8 && matches!(at(i + 1), b'o' | b'O'))
            || (base_ == 2 && matches!(at(i + 1), b'b' | b'B')))
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(invalid());
    }
    let start = i;
    let mut digits: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while i < b.len() && (digit_value(b[i]) < base_ || b[i] == b'_') {
        if b[i] == b'_' {
            if prev == b'_' {
                return Err(invalid());
            }
        } else {
            digits.push(digit_value(b[i]) as u8);
        }
        prev = b[i];
        i += 1;
    }
    if prev == b'_' {
        return Err(invalid());
    }
    if i == start {
        return Err(invalid());
    }
    if !base_.is_power_of_two()
        && digits.len() > MAX_STR_DIGITS_THRESHOLD
        && max_digits > 0
        && digits.len() > max_digits
    {
        return Err(RtError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            max_digits,
            digits.len()
        )));
    }
    let mag = BigUint::from_radix_be(&digits, base_).unwrap_or_default();
    if error_if_nonzero && !mag.is_zero() {
        return Err(invalid());
    }
    while i < b.len() && is_c_space(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(invalid());
    }
    Ok(BigInt::from_biguint(
        if negative { Sign::Minus } else { Sign::Plus },
        mag,
    ))
}

/// `float(s)` for a str `s`.
pub fn parse_float(s: &str) -> RtResult<f64> {
    let invalid = || {
        RtError::value(format!(
            "could not convert string to float: {}",
            repr_str(s)
        ))
    };
    let ascii = to_ascii(s);
    // Underscores: only between digits (`_Py_string_to_number_with_underscores`).
    let cleaned: String = if ascii.contains('_') {
        let b = ascii.as_bytes();
        let mut out = String::with_capacity(b.len());
        let mut prev = 0u8;
        for &c in b {
            if c == 0 {
                return Err(invalid());
            }
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(invalid());
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(invalid());
                }
                out.push(c as char);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(invalid());
        }
        out
    } else {
        ascii
    };
    let t = cleaned.trim_matches(|c: char| c.is_ascii() && is_c_space(c as u8));
    if t.is_empty() {
        return Err(invalid());
    }
    parse_float_literal(t).ok_or_else(invalid)
}

/// `_PyOS_ascii_strtod` on a whole string: [sign] (digits[.digits][e[sign]digits] | inf |
/// infinity | nan), case-insensitive words; overflow gives ±inf. Correctly rounded.
pub fn parse_float_literal(t: &str) -> Option<f64> {
    let b = t.as_bytes();
    let (neg, body) = match b.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = if lower == "inf" || lower == "infinity" {
        f64::INFINITY
    } else if lower == "nan" {
        f64::NAN
    } else {
        let bb = body.as_bytes();
        let mut i = 0;
        let mut nd = 0;
        while i < bb.len() && bb[i].is_ascii_digit() {
            i += 1;
            nd += 1;
        }
        if i < bb.len() && bb[i] == b'.' {
            i += 1;
            while i < bb.len() && bb[i].is_ascii_digit() {
                i += 1;
                nd += 1;
            }
        }
        if nd == 0 {
            return None;
        }
        if i < bb.len() && (bb[i] == b'e' || bb[i] == b'E') {
            i += 1;
            if i < bb.len() && (bb[i] == b'+' || bb[i] == b'-') {
                i += 1;
            }
            let st = i;
            while i < bb.len() && bb[i].is_ascii_digit() {
                i += 1;
            }
            if i == st {
                return None;
            }
        }
        if i != bb.len() {
            return None;
        }
        body.parse::<f64>().ok()?
    };
    Some(if neg { -v } else { v })
}

/// Digits of |v| in `base` (2..=36), lowercase, with a leading '-' for negatives.
pub fn int_to_str_radix(v: &BigInt, base: u32) -> String {
    v.to_str_radix(base)
}

/// `bin(v)` / `oct(v)` / `hex(v)` (base 2, 8 or 16), e.g. "-0x1f"; other bases give plain digits.
pub fn int_to_base_prefixed(v: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = v.magnitude().to_str_radix(base);
    let sign = if v.sign() == Sign::Minus { "-" } else { "" };
    format!("{}{}{}", sign, prefix, digits)
}

/// `str(v)` for an int, with CPython's digit limit (ValueError past `max_digits`, 0 = unlimited).
pub fn int_to_decimal_limited(v: &BigInt, max_digits: usize) -> RtResult<String> {
    let s = uint_to_decimal_limited(v.magnitude(), max_digits)?;
    Ok(if v.sign() == Sign::Minus {
        format!("-{s}")
    } else {
        s
    })
}

/// The decimal digits of `v`, with CPython's digit limit (see `int_to_decimal_limited`).
pub fn uint_to_decimal_limited(v: &BigUint, max_digits: usize) -> RtResult<String> {
    // Cheap bound first: bits * log10(2) estimates the digit count.
    if max_digits > 0 && v.bits() as f64 * std::f64::consts::LOG10_2 > max_digits as f64 + 1.0 {
        return Err(int_str_limit_error(max_digits));
    }
    let s = v.to_string();
    if max_digits > 0 && s.len() > max_digits && s.len() > MAX_STR_DIGITS_THRESHOLD {
        return Err(int_str_limit_error(max_digits));
    }
    Ok(s)
}

/// `str(v)` with the digit limit in force (`sys.set_int_max_str_digits`).
pub fn int_to_decimal(v: &BigInt) -> RtResult<String> {
    int_to_decimal_limited(v, max_str_digits())
}

/// The decimal digits of `v` with the digit limit in force.
pub fn uint_to_decimal(v: &BigUint) -> RtResult<String> {
    uint_to_decimal_limited(v, max_str_digits())
}

fn int_str_limit_error(max_digits: usize) -> RtError {
    RtError::value(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit",
        max_digits
    ))
}
