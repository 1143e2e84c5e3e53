//! `cmath`'s functions with CPython 3.11's algorithms: the C99 Annex G special values for
//! non-finite arguments (tables in `cmath_tables`, recorded from CPython), the branch cuts,
//! the rescaling that keeps large and tiny arguments from overflowing or underflowing, and
//! CPython's errors (`Dom`: ValueError "math domain error", `Range`: OverflowError "math
//! range error").

use super::cmath_tables as t;
use super::complexops::{c_quot, Complex};
use super::libm_port::glibc_asinh;

/// A special-value table entry.
#[derive(Clone, Copy)]
pub(super) enum E {
    /// The result.
    V(f64, f64),
    /// ValueError.
    D,
    /// Never read (both parts finite).
    U,
}
pub(super) type Entry = E;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CErr {
    Dom,
    Range,
}

pub type CResult = Result<Complex, CErr>;

const LARGE: f64 = f64::MAX / 4.0;
const LN2: f64 = std::f64::consts::LN_2;
const PI: f64 = std::f64::consts::PI;
const E_: f64 = std::f64::consts::E;
const MANT_DIG: i32 = 53;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}
fn log_large() -> f64 {
    LARGE.ln()
}
fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

fn ldexp(x: f64, e: i32) -> f64 {
    super::math_fns::ldexp_f(x, e)
}

/// The class of a double: 0 -inf, 1 negative, 2 -0.0, 3 +0.0, 4 positive, 5 +inf, 6 nan.
fn class(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d != 0.0 {
        if d.is_sign_positive() {
            4
        } else {
            1
        }
    } else if d.is_sign_positive() {
        3
    } else {
        2
    }
}

fn finite(z: Complex) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

fn special(table: &[[Entry; 7]; 7], z: Complex) -> CResult {
    match table[class(z.0)][class(z.1)] {
        E::V(a, b) => Ok((a, b)),
        E::D => Err(CErr::Dom),
        E::U => unreachable!("finite arguments are computed"),
    }
}

fn range_check(r: Complex) -> CResult {
    if r.0.is_infinite() || r.1.is_infinite() {
        Err(CErr::Range)
    } else {
        Ok(r)
    }
}

/// `sqrt` (principal branch, cut along the negative real axis).
pub fn sqrt(z: Complex) -> CResult {
    if !finite(z) {
        return special(&t::SQRT, z);
    }
    Ok(sqrt_finite(z))
}

fn sqrt_finite(z: Complex) -> Complex {
    let (x, y) = z;
    if x == 0.0 && y == 0.0 {
        return (0.0, y);
    }
    let (mut ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Scaled up so the hypot below does not lose the subnormal bits.
        ax = ldexp(ax, MANT_DIG);
        ldexp(
            (ax + ax.hypot(ldexp(ay, MANT_DIG))).sqrt(),
            -(MANT_DIG + 1) / 2,
        )
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if x >= 0.0 {
        (s, d.copysign(y))
    } else {
        (d, s.copysign(y))
    }
}

/// `exp`.
pub fn exp(z: Complex) -> CResult {
    let (x, y) = z;
    if !finite(z) {
        let r = if x.is_infinite() && y.is_finite() && y != 0.0 {
            if x > 0.0 {
                (
                    f64::INFINITY.copysign(y.cos()),
                    f64::INFINITY.copysign(y.sin()),
                )
            } else {
                (0.0f64.copysign(y.cos()), 0.0f64.copysign(y.sin()))
            }
        } else {
            special(&t::EXP, z)?
        };
        return Ok(r);
    }
    let r = if x > log_large() {
        let l = (x - 1.0).exp();
        (l * y.cos() * E_, l * y.sin() * E_)
    } else {
        let l = x.exp();
        (l * y.cos(), l * y.sin())
    };
    range_check(r)
}

/// The natural logarithm, without the error check `cmath.log` adds (log(0) is (-inf, atan2)
/// with a domain error).
fn c_log(z: Complex) -> (Complex, Option<CErr>) {
    if !finite(z) {
        return match special(&t::LOG, z) {
            Ok(r) => (r, None),
            Err(e) => ((f64::NAN, f64::NAN), Some(e)),
        };
    }
    let (x, y) = z;
    let (ax, ay) = (x.abs(), y.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - MANT_DIG as f64 * LN2
        } else {
            return ((f64::NEG_INFINITY, y.atan2(x)), Some(CErr::Dom));
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    ((re, y.atan2(x)), None)
}

/// `cmath.log(z[, base])`: as CPython, the error of the last step that set one (log of the
/// base resets a domain error from log(z); a zero log(base) is one).
pub fn log(z: Complex, base: Option<Complex>) -> CResult {
    let (mut r, mut err) = c_log(z);
    if let Some(b) = base {
        let (lb, e2) = c_log(b);
        err = e2;
        match c_quot(r, lb) {
            Some(q) => r = q,
            None => {
                r = (f64::NAN, f64::NAN);
                err = Some(CErr::Dom);
            }
        }
    }
    match err {
        Some(e) => Err(e),
        None => Ok(r),
    }
}

/// `log10`.
pub fn log10(z: Complex) -> CResult {
    let (r, err) = c_log(z);
    match err {
        Some(e) => Err(e),
        None => Ok((r.0 / std::f64::consts::LN_10, r.1 / std::f64::consts::LN_10)),
    }
}

/// `cosh` and `sinh`: `neg` gives the signs of (real, imag) for a -inf real part, `fr`/`fi`
/// the hyperbolic functions of the real part that scale cos(y) and sin(y).
fn cosh_sinh(
    z: Complex,
    table: &[[Entry; 7]; 7],
    neg: (f64, f64),
    fr: fn(f64) -> f64,
    fi: fn(f64) -> f64,
) -> CResult {
    let (x, y) = z;
    if !finite(z) {
        if x.is_infinite() && y.is_finite() && y != 0.0 {
            let (c, s) = (
                f64::INFINITY.copysign(y.cos()),
                f64::INFINITY.copysign(y.sin()),
            );
            return Ok(if x > 0.0 {
                (c, s)
            } else {
                (neg.0 * c, neg.1 * s)
            });
        }
        return special(table, z);
    }
    let r = if x.abs() > log_large() {
        let xm1 = x - 1.0f64.copysign(x);
        (y.cos() * fr(xm1) * E_, y.sin() * fi(xm1) * E_)
    } else {
        (y.cos() * fr(x), y.sin() * fi(x))
    };
    range_check(r)
}

/// `cosh`.
pub fn cosh(z: Complex) -> CResult {
    cosh_sinh(z, &t::COSH, (1.0, -1.0), f64::cosh, f64::sinh)
}

/// `sinh`.
pub fn sinh(z: Complex) -> CResult {
    cosh_sinh(z, &t::SINH, (-1.0, 1.0), f64::sinh, f64::cosh)
}

/// `tanh`.
pub fn tanh(z: Complex) -> CResult {
    let (x, y) = z;
    if !finite(z) {
        if x.is_infinite() && y.is_finite() && y != 0.0 {
            let im = 0.0f64.copysign(2.0 * y.sin() * y.cos());
            return Ok((if x > 0.0 { 1.0 } else { -1.0 }, im));
        }
        return special(&t::TANH, z);
    }
    if x.abs() > log_large() {
        return Ok((
            1.0f64.copysign(x),
            4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp(),
        ));
    }
    let tx = x.tanh();
    let ty = y.tan();
    let cx = 1.0 / x.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

/// `acos`.
pub fn acos(z: Complex) -> CResult {
    if !finite(z) {
        return special(&t::ACOS, z);
    }
    let (x, y) = z;
    if x.abs() > LARGE || y.abs() > LARGE {
        let re = y.abs().atan2(x);
        let l = (x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0;
        let im = if x < 0.0 {
            -l.copysign(y)
        } else {
            l.copysign(-y)
        };
        return Ok((re, im));
    }
    let s1 = sqrt_finite((1.0 - x, -y));
    let s2 = sqrt_finite((1.0 + x, y));
    Ok((
        2.0 * s1.0.atan2(s2.0),
        glibc_asinh(s2.0 * s1.1 - s2.1 * s1.0),
    ))
}

/// `acosh`.
pub fn acosh(z: Complex) -> CResult {
    if !finite(z) {
        return special(&t::ACOSH, z);
    }
    let (x, y) = z;
    if x.abs() > LARGE || y.abs() > LARGE {
        return Ok(((x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0, y.atan2(x)));
    }
    let s1 = sqrt_finite((x - 1.0, y));
    let s2 = sqrt_finite((x + 1.0, y));
    Ok((
        glibc_asinh(s1.0 * s2.0 + s1.1 * s2.1),
        2.0 * s1.1.atan2(s2.0),
    ))
}

/// `asinh`.
pub fn asinh(z: Complex) -> CResult {
    if !finite(z) {
        return special(&t::ASINH, z);
    }
    let (x, y) = z;
    if x.abs() > LARGE || y.abs() > LARGE {
        let l = (x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0;
        let re = if y >= 0.0 {
            l.copysign(x)
        } else {
            -l.copysign(-x)
        };
        return Ok((re, y.atan2(x.abs())));
    }
    let s1 = sqrt_finite((1.0 + y, -x));
    let s2 = sqrt_finite((1.0 - y, x));
    Ok((
        glibc_asinh(s1.0 * s2.1 - s2.0 * s1.1),
        y.atan2(s1.0 * s2.0 - s1.1 * s2.1),
    ))
}

/// `atanh`.
pub fn atanh(z: Complex) -> CResult {
    if !finite(z) {
        return special(&t::ATANH, z);
    }
    let (x, y) = z;
    if x < 0.0 {
        let r = atanh((-x, -y))?;
        return Ok((-r.0, -r.1));
    }
    let ay = y.abs();
    if x > sqrt_large() || ay > sqrt_large() {
        let h = (x / 2.0).hypot(y / 2.0);
        return Ok((x / 4.0 / h / h, -(PI / 2.0).copysign(-y)));
    }
    if x == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return Err(CErr::Dom);
        }
        return Ok((
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2.0f64.atan2(-ay) / 2.0).copysign(y),
        ));
    }
    Ok((
        (4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * y).atan2((1.0 - x) * (1.0 + x) - ay * ay) / 2.0,
    ))
}

/// The functions defined by rotating the argument a quarter turn: f(z) = ∓i g(±iz).
fn rotated(g: fn(Complex) -> CResult, z: Complex) -> CResult {
    let s = g((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

pub fn asin(z: Complex) -> CResult {
    rotated(asinh, z)
}
pub fn atan(z: Complex) -> CResult {
    rotated(atanh, z)
}
pub fn sin(z: Complex) -> CResult {
    rotated(sinh, z)
}
pub fn tan(z: Complex) -> CResult {
    rotated(tanh, z)
}
/// cos(z) = cosh(iz).
pub fn cos(z: Complex) -> CResult {
    cosh((-z.1, z.0))
}

/// `rect(r, phi)`.
pub fn rect(r: f64, phi: f64) -> CResult {
    if !r.is_finite() || !phi.is_finite() {
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (c, s) = (
                f64::INFINITY.copysign(phi.cos()),
                f64::INFINITY.copysign(phi.sin()),
            );
            return Ok(if r > 0.0 { (c, s) } else { (-c, -s) });
        }
        return special(&t::RECT, (r, phi));
    }
    if phi == 0.0 {
        return Ok((r, r * phi));
    }
    Ok((r * phi.cos(), r * phi.sin()))
}

/// atan2(imag, real), nan when either part is.
pub fn c_atan2(z: Complex) -> f64 {
    if z.0.is_nan() || z.1.is_nan() {
        return f64::NAN;
    }
    z.1.atan2(z.0)
}

/// `phase(z)`: atan2 with CPython's answers for nan and infinite parts; a result that
/// underflows to zero from a nonzero imaginary part is a range error (libm's atan2 sets
/// ERANGE, which `cmath.phase` reports).
pub fn phase(z: Complex) -> Result<f64, CErr> {
    let r = c_atan2(z);
    if r == 0.0 && z.1 != 0.0 && z.0.is_finite() {
        return Err(CErr::Range);
    }
    Ok(r)
}

/// `isclose(a, b, rel_tol, abs_tol)` (the tolerances already checked).
pub fn isclose(a: Complex, b: Complex, rel_tol: f64, abs_tol: f64) -> bool {
    if a == b {
        return true;
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return false;
    }
    let abs = |z: Complex| super::complexops::c_abs(z).unwrap_or(f64::INFINITY);
    let diff = abs((a.0 - b.0, a.1 - b.1));
    diff <= rel_tol * abs(b) || diff <= rel_tol * abs(a) || diff <= abs_tol
}
