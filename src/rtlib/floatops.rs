//! Float arithmetic with CPython's semantics: int→float conversion, floor division, modulo, pow,
//! hex conversion, ratios (see the individual functions).

use super::error::{RtError, RtResult};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// `float(int)`: correctly rounded (ties-to-even); OverflowError "int too large to convert to
/// float" past the float range.
pub fn bigint_to_f64(v: &BigInt) -> RtResult<f64> {
    // num-bigint keeps a sticky bit below the top 64 bits, so the u64→f64 step rounds correctly.
    match v.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(RtError::overflow("int too large to convert to float")),
    }
}

use num_bigint::{BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Zero};
use std::cmp::Ordering;

/// `x` = `m * 2**e` exactly, with `m` an integer (sign included); `None` for inf/nan.
pub fn decompose(x: f64) -> Option<(i64, i32)> {
    if !x.is_finite() {
        return None;
    }
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    Some((sign * m, e))
}

/// `ldexp(x, k)` for an `x` that is an integer below 2**54 and a result known to be
/// representable or overflowing (no double rounding: scaling steps stay exact).
fn ldexp_exact(mut x: f64, mut k: i64) -> f64 {
    while k > 1000 {
        x *= 2f64.powi(1000);
        k -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while k < -1000 {
        x *= 2f64.powi(-1000);
        k += 1000;
    }
    x * 2f64.powi(k as i32)
}

/// `m * 2**e` correctly rounded (ties-to-even) to a float, subnormals included; `None` when it
/// overflows. `m` is a magnitude; apply the sign yourself.
pub fn round_to_f64(m: &BigUint, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let nbits = m.bits() as i64;
    let top = nbits - 1 + e; // exponent of the leading bit
    if top > 1024 {
        return None;
    }
    if top < -1076 {
        return Some(0.0);
    }
    // Bits we may keep: 53, fewer for subnormals (lowest representable bit is 2**-1074).
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let shift = nbits - keep;
    let v = if shift > 0 {
        let shift_u = shift as u64;
        let mut q: BigUint = m >> shift_u;
        let rem: BigUint = m - (&q << shift_u);
        let half = BigUint::one() << (shift_u - 1);
        if rem > half || (rem == half && q.is_odd()) {
            q += 1u32;
        }
        let qf = q.to_u64().expect("at most 54 bits") as f64;
        ldexp_exact(qf, e + shift)
    } else {
        let mf = m.to_u64().expect("at most 53 bits") as f64;
        ldexp_exact(mf, e)
    };
    if v.is_infinite() {
        None
    } else {
        Some(v)
    }
}

/// `int(x)` for a float: truncation; ValueError for NaN, OverflowError for infinities.
pub fn f64_to_bigint(x: f64) -> RtResult<BigInt> {
    if x.is_nan() {
        return Err(RtError::value("cannot convert float NaN to integer"));
    }
    let (m, e) = decompose(x.trunc())
        .ok_or_else(|| RtError::overflow("cannot convert float infinity to integer"))?;
    let m = BigInt::from(m);
    Ok(if e >= 0 {
        m << e as usize
    } else {
        m >> (-e) as usize
    })
}

/// `a / b` for ints: the correctly rounded quotient ("division by zero", "integer division
/// result too large for a float").
pub fn int_true_divide(a: &BigInt, b: &BigInt) -> RtResult<f64> {
    if b.is_zero() {
        return Err(RtError::zero_div("division by zero"));
    }
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (na, nb) = (a.magnitude(), b.magnitude());
    if na.is_zero() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    const EXACT: u64 = 1 << 53;
    if let (Some(x), Some(y)) = (na.to_u64(), nb.to_u64()) {
        if x <= EXACT && y <= EXACT {
            let q = x as f64 / y as f64;
            return Ok(if neg { -q } else { q });
        }
    }
    // Scale so the integer quotient has at least 55 bits, then fold the remainder into a
    // sticky bit below the rounding position.
    let shift = nb.bits() as i64 - na.bits() as i64 + 55;
    let (num, den) = if shift >= 0 {
        (na << shift as u64, nb.clone())
    } else {
        (na.clone(), nb << (-shift) as u64)
    };
    let (q, r) = num.div_rem(&den);
    let m = (q << 1u32) | BigUint::from(!r.is_zero() as u32);
    match round_to_f64(&m, -shift - 1) {
        Some(v) => Ok(if neg { -v } else { v }),
        None => Err(RtError::overflow(
            "integer division result too large for a float",
        )),
    }
}

/// Exact comparison of an int with a float (`None` when `x` is NaN).
pub fn compare_int_f64(a: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let (m, e) = decompose(x).expect("finite");
    let m = BigInt::from(m);
    Some(if e >= 0 {
        a.cmp(&(m << e as usize))
    } else {
        (a << (-e) as usize).cmp(&m)
    })
}

/// `float.as_integer_ratio()`: the reduced fraction, positive denominator.
pub fn as_integer_ratio(x: f64) -> RtResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(RtError::value("cannot convert NaN to integer ratio"));
    }
    let (m, e) = decompose(x)
        .ok_or_else(|| RtError::overflow("cannot convert Infinity to integer ratio"))?;
    if m == 0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let tz = m.unsigned_abs().trailing_zeros() as i32;
    let (m, e) = (m >> tz, e + tz);
    let m = BigInt::from(m);
    Ok(if e >= 0 {
        (m << e as usize, BigInt::one())
    } else {
        (m, BigInt::one() << (-e) as usize)
    })
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor()
}

/// `x / y` for floats ("float division by zero").
pub fn float_div(x: f64, y: f64) -> RtResult<f64> {
    if y == 0.0 {
        return Err(RtError::zero_div("float division by zero"));
    }
    Ok(x / y)
}

/// `_float_div_mod`: CPython's floor quotient and modulo (sign of the divisor, snapped quotient).
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `x // y` for floats.
pub fn float_floordiv(x: f64, y: f64) -> RtResult<f64> {
    if y == 0.0 {
        return Err(RtError::zero_div("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// `x % y` for floats.
pub fn float_mod(x: f64, y: f64) -> RtResult<f64> {
    if y == 0.0 {
        return Err(RtError::zero_div("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0f64.copysign(y);
    }
    Ok(m)
}

/// `divmod(x, y)` for floats.
pub fn float_divmod(x: f64, y: f64) -> RtResult<(f64, f64)> {
    if y == 0.0 {
        return Err(RtError::zero_div("float divmod()"));
    }
    Ok(div_mod(x, y))
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor() && (x % 2.0).abs() == 1.0
}

/// `x ** y` for floats (`float_pow`). `Ok(None)` means a negative base with a non-integral
/// exponent: CPython then returns `complexops::c_pow((x, 0.0), (y, 0.0))`.
pub fn float_pow(iv: f64, iw: f64) -> RtResult<Option<f64>> {
    if iw == 0.0 {
        return Ok(Some(1.0));
    }
    if iv.is_nan() {
        return Ok(Some(iv));
    }
    if iw.is_nan() {
        return Ok(Some(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(Some(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(Some(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(RtError::zero_div(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Some(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if base < 0.0 {
        if iw != iw.floor() {
            return Ok(None);
        }
        base = -base;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(Some(if negate { -1.0 } else { 1.0 }));
    }
    let ix = base.powf(iw);
    if ix.is_infinite() {
        return Err(RtError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(Some(if negate { -ix } else { ix }))
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return super::float_repr::repr_f64(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        };
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{}0x{}.{:013x}p{}{}",
        if x < 0.0 { "-" } else { "" },
        lead,
        frac,
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> RtResult<f64> {
    let invalid = || RtError::value("invalid hexadecimal floating-point string");
    let b = s.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let mut end = b.len();
    while end > i && is_space(b[end - 1]) {
        end -= 1;
    }
    let body = &s[i..end];
    if let Some(v) = super::numparse::parse_float_literal(body) {
        let word = body.trim_start_matches(['+', '-']).to_ascii_lowercase();
        if matches!(word.as_str(), "inf" | "infinity" | "nan") {
            return Ok(v);
        }
    }
    let b = body.as_bytes();
    let mut p = 0;
    let mut neg = false;
    if p < b.len() && (b[p] == b'-' || b[p] == b'+') {
        neg = b[p] == b'-';
        p += 1;
    }
    if p + 1 < b.len() && b[p] == b'0' && (b[p + 1] == b'x' || b[p + 1] == b'X') {
        p += 2;
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut fdigits: i64 = 0;
    while p < b.len() && (b[p] as char).is_ascii_hexdigit() {
        digits.push((b[p] as char).to_digit(16).expect("hex") as u8);
        p += 1;
    }
    if p < b.len() && b[p] == b'.' {
        p += 1;
        while p < b.len() && (b[p] as char).is_ascii_hexdigit() {
            digits.push((b[p] as char).to_digit(16).expect("hex") as u8);
            fdigits += 1;
            p += 1;
        }
    }
    if digits.is_empty() {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if p < b.len() && (b[p] == b'p' || b[p] == b'P') {
        p += 1;
        let st = p;
        if p < b.len() && (b[p] == b'-' || b[p] == b'+') {
            p += 1;
        }
        if !(p < b.len() && b[p].is_ascii_digit()) {
            return Err(invalid());
        }
        while p < b.len() && b[p].is_ascii_digit() {
            p += 1;
        }
        // strtol saturates; anything this large is certainly out of range.
        exp = body[st..p]
            .parse::<i64>()
            .unwrap_or(if b[st] == b'-' { i64::MIN } else { i64::MAX });
    }
    if p != b.len() {
        return Err(invalid());
    }
    let m = BigUint::from_radix_be(&digits, 16).unwrap_or_default();
    let signed = |v: f64| if neg { -v } else { v };
    if m.is_zero() || exp < i64::MIN / 2 {
        return Ok(signed(0.0));
    }
    if exp > i64::MAX / 2 {
        return Err(RtError::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    match round_to_f64(&m, exp - 4 * fdigits) {
        Some(v) => Ok(signed(v)),
        None => Err(RtError::overflow(
            "hexadecimal value too large to represent as a float",
        )),
    }
}

/// Round a rational `num / den` (den > 0) to the nearest integer, ties to even.
pub fn div_round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_mod_floor(den);
    let twice: BigInt = &r * 2u32;
    match twice.cmp(den) {
        Ordering::Less => q,
        Ordering::Greater => q + 1,
        Ordering::Equal => {
            if q.is_odd() {
                q + 1
            } else {
                q
            }
        }
    }
}
