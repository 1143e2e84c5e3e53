//! Float → text exactly as CPython's `PyOS_double_to_string` (Python/pystrtod.c): `repr()`, and the
//! 'e'/'f'/'g'/'r' engines behind `format()` and `%`.
//!
//! Digit generation uses Rust's formatter, which is correctly rounded (exact, ties-to-even on the
//! exact binary value) and whose shortest mode picks the same digits as David Gay's dtoa mode 0; the
//! layout (where the point and exponent go) is a port of `format_float_short`.

/// Always emit a sign ('+' for non-negative), like `Py_DTSF_SIGN`.
pub const DTSF_SIGN: u32 = 0x01;
/// Add ".0" when the result would look like an integer, like `Py_DTSF_ADD_DOT_0`.
pub const DTSF_ADD_DOT_0: u32 = 0x02;
/// Alternate form ('#'): keep the point and trailing zeros, like `Py_DTSF_ALT`.
pub const DTSF_ALT: u32 = 0x04;
/// Turn a negative zero result into positive zero ('z'), like `Py_DTSF_NO_NEG_0`.
pub const DTSF_NO_NEG_0: u32 = 0x08;

/// Python's `repr(x)` / `str(x)` for a float.
pub fn repr_f64(x: f64) -> String {
    double_to_string(x, 'r', 0, DTSF_ADD_DOT_0)
}

/// Decimal digits of |x| (no leading/trailing zeros except the lone "0" for zero) and the position
/// of the decimal point relative to them, as `_Py_dg_dtoa` returns them.
/// mode 0: shortest round-trip; mode 2: `ndigits` significant digits; mode 3: `ndigits` after the
/// point (may return no digits when the value rounds to zero).
pub fn dtoa(x: f64, mode: u32, ndigits: i32) -> (String, i32) {
    let a = x.abs();
    if a == 0.0 {
        return ("0".to_string(), 1);
    }
    match mode {
        0 | 2 => {
            let s = if mode == 0 {
                format!("{:e}", a)
            } else {
                // A double's exact expansion has at most 767 significant digits, so capping
                // keeps the result exact and within Rust's precision limit.
                format!("{:.*e}", (ndigits.clamp(1, 800) - 1) as usize, a)
            };
            let (mant, exp) = s.split_once('e').expect("exponent form");
            let exp: i32 = exp.parse().expect("exponent");
            let mut digits: String = mant.chars().filter(|c| *c != '.').collect();
            while digits.len() > 1 && digits.ends_with('0') {
                digits.pop();
            }
            if mode == 0 && digits.len() > 1 {
                // Rust's shortest mode may pick either of two equally near shortest candidates;
                // dtoa picks the correctly rounded (ties-to-even) one when it round-trips.
                let n = digits.len();
                let alt = format!("{:.*e}", n - 1, a);
                if alt.parse::<f64>() == Ok(a) {
                    let (m2, e2) = alt.split_once('e').expect("exponent form");
                    let mut d2: String = m2.chars().filter(|c| *c != '.').collect();
                    while d2.len() > 1 && d2.ends_with('0') {
                        d2.pop();
                    }
                    return (d2, e2.parse::<i32>().expect("exponent") + 1);
                }
            }
            (digits, exp + 1)
        }
        _ => {
            // At most 1074 fractional digits are ever nonzero; the cap keeps it exact.
            let s = format!("{:.*}", ndigits.clamp(0, 1100) as usize, a);
            let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
            let mut decpt = ip.len() as i32;
            let all = format!("{}{}", ip, fp);
            let trimmed = all.trim_start_matches('0');
            decpt -= (all.len() - trimmed.len()) as i32;
            let digits = trimmed.trim_end_matches('0').to_string();
            if digits.is_empty() {
                // dtoa's "no digits" case: the value rounds to zero at this precision.
                return (String::new(), -ndigits);
            }
            (digits, decpt)
        }
    }
}

/// `PyOS_double_to_string(x, code, precision, flags)`: code is one of e E f F g G r (precision is
/// ignored for 'r'). Returns the text including any sign.
pub fn double_to_string(x: f64, code: char, precision: i32, flags: u32) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let code = code.to_ascii_lowercase();
    let mut precision = precision;
    let (mode, ndig) = match code {
        'e' => {
            precision += 1;
            (2, precision)
        }
        'f' => (3, precision),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            (2, precision)
        }
        _ => (0, 0),
    };
    let always_sign = flags & DTSF_SIGN != 0;
    let add_dot_0 = flags & DTSF_ADD_DOT_0 != 0;
    let alt = flags & DTSF_ALT != 0;
    let no_neg_0 = flags & DTSF_NO_NEG_0 != 0;

    let mut out = String::new();
    if !x.is_finite() {
        let neg = x.is_sign_negative() && !x.is_nan();
        if neg {
            out.push('-');
        } else if always_sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let (digits, decpt) = dtoa(x, mode, ndig);
    let mut sign = x.is_sign_negative();
    let digits = digits.as_bytes();
    let digits_len = digits.len() as i64;
    if no_neg_0 && sign && (digits_len == 0 || digits == b"0") {
        sign = false;
    }
    let mut decpt = decpt as i64;
    let precision = precision as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    if sign {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let dstr = std::str::from_utf8(digits).expect("ascii digits");
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&dstr[..decpt as usize]);
        out.push('.');
        out.push_str(&dstr[decpt as usize..]);
    } else {
        out.push_str(dstr);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout() {
        assert_eq!(repr_f64(1e16), "1e+16");
        assert_eq!(repr_f64(1e-5), "1e-05");
        assert_eq!(repr_f64(1.5e300), "1.5e+300");
        assert_eq!(repr_f64(f64::INFINITY), "inf");
        assert_eq!(repr_f64(f64::NEG_INFINITY), "-inf");
        assert_eq!(repr_f64(f64::NAN), "nan");
        assert_eq!(repr_f64(-0.0), "-0.0");
        assert_eq!(repr_f64(0.1), "0.1");
        assert_eq!(repr_f64(100.0), "100.0");
        assert_eq!(repr_f64(1e15), "1000000000000000.0");
        assert_eq!(repr_f64(0.0001), "0.0001");
    }
}

/// Python's `repr(complex(re, im))`: "1j", "(1+2j)", "(-0-1j)", "(nan+infj)".
pub fn repr_complex(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", double_to_string(im, 'r', 0, 0))
    } else {
        format!(
            "({}{}j)",
            double_to_string(re, 'r', 0, 0),
            double_to_string(im, 'r', 0, DTSF_SIGN)
        )
    }
}
