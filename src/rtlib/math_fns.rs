//! The `math` module's semantics (Modules/mathmodule.c, CPython 3.11): special values, "math
//! domain error" (ValueError) and "math range error" (OverflowError) rules, exact integer
//! functions, `fsum` (Shewchuk, with CPython's final half-even correction) and `hypot`'s
//! extended-precision norm.
//!
//! Elementary functions come from the platform libm through Rust's `f64` methods, as CPython
//! calls libm; cbrt/asinh/acosh/atanh/erf/erfc, which Rust computes differently, are ported from
//! glibc (libm_port.rs, erf.rs) so results match bit for bit. gamma/lgamma: gamma.rs; integer
//! functions: math_int.rs.

use super::error::{RtError, RtResult};
use super::floatops::f64_to_bigint;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

pub use super::gamma::{gamma, lgamma};
pub use super::math_int::{comb, factorial, gcd, isqrt, lcm, perm};

/// `math.pi`.
pub const PI: f64 = std::f64::consts::PI;
/// `math.e`.
pub const E: f64 = std::f64::consts::E;
/// `math.tau`.
pub const TAU: f64 = std::f64::consts::TAU;
/// `math.inf`.
pub const INF: f64 = f64::INFINITY;
/// `math.nan`.
pub const NAN: f64 = f64::NAN;

fn domain() -> RtError {
    RtError::value("math domain error")
}
fn range() -> RtError {
    RtError::overflow("math range error")
}

/// `math_1`: NaN from a non-NaN is a domain error; inf from a finite is a range error when the
/// function can overflow, else a domain error (a singularity).
fn math_1(x: f64, f: impl Fn(f64) -> f64, can_overflow: bool) -> RtResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(r)
}

/// `math_2`'s error rules for a two-argument function.
fn math_2(x: f64, y: f64, r: f64) -> RtResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.sqrt`.
pub fn sqrt(x: f64) -> RtResult<f64> {
    math_1(x, f64::sqrt, false)
}
/// `math.cbrt`.
pub fn cbrt(x: f64) -> RtResult<f64> {
    math_1(x, super::libm_port::glibc_cbrt, false)
}
/// `math.exp`.
pub fn exp(x: f64) -> RtResult<f64> {
    math_1(x, f64::exp, true)
}
/// `math.exp2`.
pub fn exp2(x: f64) -> RtResult<f64> {
    math_1(x, f64::exp2, true)
}
/// `math.expm1`.
pub fn expm1(x: f64) -> RtResult<f64> {
    math_1(x, f64::exp_m1, true)
}
/// `math.sin`.
pub fn sin(x: f64) -> RtResult<f64> {
    math_1(x, f64::sin, false)
}
/// `math.cos`.
pub fn cos(x: f64) -> RtResult<f64> {
    math_1(x, f64::cos, false)
}
/// `math.tan`.
pub fn tan(x: f64) -> RtResult<f64> {
    math_1(x, f64::tan, false)
}
/// `math.asin`.
pub fn asin(x: f64) -> RtResult<f64> {
    math_1(x, f64::asin, false)
}
/// `math.acos`.
pub fn acos(x: f64) -> RtResult<f64> {
    math_1(x, f64::acos, false)
}
/// `math.atan`.
pub fn atan(x: f64) -> RtResult<f64> {
    math_1(x, f64::atan, false)
}
/// `math.sinh`.
pub fn sinh(x: f64) -> RtResult<f64> {
    math_1(x, f64::sinh, true)
}
/// `math.cosh`.
pub fn cosh(x: f64) -> RtResult<f64> {
    math_1(x, f64::cosh, true)
}
/// `math.tanh`.
pub fn tanh(x: f64) -> RtResult<f64> {
    math_1(x, f64::tanh, false)
}
/// `math.asinh`.
pub fn asinh(x: f64) -> RtResult<f64> {
    math_1(x, super::libm_port::glibc_asinh, false)
}
/// `math.acosh`.
pub fn acosh(x: f64) -> RtResult<f64> {
    math_1(x, super::libm_port::glibc_acosh, false)
}
/// `math.atanh`.
pub fn atanh(x: f64) -> RtResult<f64> {
    math_1(x, super::libm_port::glibc_atanh, false)
}
/// `math.erf`.
pub fn erf(x: f64) -> RtResult<f64> {
    math_1(x, super::erf::erf, false)
}
/// `math.erfc`.
pub fn erfc(x: f64) -> RtResult<f64> {
    math_1(x, super::erf::erfc, false)
}
/// `math.fabs`.
pub fn fabs(x: f64) -> f64 {
    x.abs()
}
/// `math.copysign`.
pub fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}
/// `math.degrees`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}
/// `math.radians`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}
/// `math.isfinite`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}
/// `math.isinf`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}
/// `math.isnan`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

/// `m_log`: log with C99 special values.
fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.ln()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log2(x: f64) -> f64 {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            x
        } else {
            f64::NAN
        }
    } else if x > 0.0 {
        x.log2()
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

fn m_log10(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.log10()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// An argument of the log functions: a float, or an int (which may exceed the float range).
#[derive(Clone, Debug)]
pub enum LogArg {
    Float(f64),
    Int(BigInt),
}

/// `loghelper`: ints too large for a float are split as m * 2**e.
fn loghelper(arg: &LogArg, f: fn(f64) -> f64) -> RtResult<f64> {
    match arg {
        LogArg::Float(x) => math_1(*x, f, false),
        LogArg::Int(n) => {
            if !n.is_positive() {
                return Err(domain());
            }
            match super::floatops::bigint_to_f64(n) {
                Ok(x) => math_1(x, f, false),
                Err(_) => {
                    // _PyLong_Frexp: x in [0.5, 1) with n ~= x * 2**e.
                    let e = n.bits() as i64;
                    let shift = e - 55;
                    let top = (n >> shift as usize).to_f64().expect("55 bits");
                    let x = top / 2f64.powi(55);
                    Ok(f(x) + f(2.0) * e as f64)
                }
            }
        }
    }
}

/// `math.log(x[, base])`.
pub fn log(x: &LogArg, base: Option<&LogArg>) -> RtResult<f64> {
    let num = loghelper(x, m_log)?;
    match base {
        None => Ok(num),
        Some(b) => {
            let den = loghelper(b, m_log)?;
            if den == 0.0 {
                return Err(RtError::zero_div("float division by zero"));
            }
            Ok(num / den)
        }
    }
}

/// `math.log2`.
pub fn log2(x: &LogArg) -> RtResult<f64> {
    loghelper(x, m_log2)
}

/// `math.log10`.
pub fn log10(x: &LogArg) -> RtResult<f64> {
    loghelper(x, m_log10)
}

/// `math.log1p`.
pub fn log1p(x: f64) -> RtResult<f64> {
    math_1(x, |x| if x == 0.0 { x } else { x.ln_1p() }, false)
}

/// `math.pow(x, y)` (never complex: negative ** fractional is a domain error).
pub fn pow(x: f64, y: f64) -> RtResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain() } else { range() });
    }
    Ok(r)
}

/// `math.fmod`.
pub fn fmod(x: f64, y: f64) -> RtResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(r)
}

/// `math.atan2(y, x)`.
pub fn atan2(y: f64, x: f64) -> RtResult<f64> {
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if y.is_infinite() {
        if x.is_infinite() {
            if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            }
        } else {
            (0.5 * PI).copysign(y)
        }
    } else if x.is_infinite() || y == 0.0 {
        if x.is_sign_positive() {
            0f64.copysign(y)
        } else {
            PI.copysign(y)
        }
    } else {
        y.atan2(x)
    };
    math_2(y, x, r)
}

/// `math.remainder(x, y)` (IEEE 754 remainder, port of `m_remainder`).
pub fn remainder(x: f64, y: f64) -> RtResult<f64> {
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let absx = x.abs();
            let absy = y.abs();
            let m = absx % absy;
            let c = absy - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                // Exactly half-way: pick the even multiple.
                m - 2.0 * ((0.5 * (absx - m)) % absy)
            };
            1f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    math_2(x, y, r)
}

/// `math.hypot(*coordinates)` (3.11's `vector_norm`).
pub fn hypot(coords: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    let mut v: Vec<f64> = Vec::with_capacity(coords.len());
    for &c in coords {
        let x = c.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    vector_norm(&mut v, max, found_nan)
}

/// `math.dist(p, q)` for equal-length points (the caller checks lengths).
pub fn dist(p: &[f64], q: &[f64]) -> f64 {
    let diffs: Vec<f64> = p.iter().zip(q).map(|(a, b)| a - b).collect();
    hypot(&diffs)
}

fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    let n = vec.len();
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || n <= 1 {
        return max;
    }
    let max_e = frexp(max).1;
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp_f(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    for &x0 in vec.iter() {
        let x = x0 * scale;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        let x = hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = 2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let t = h * T27;
    let hi = t - (t - h);
    let lo = h - hi;
    let x = -hi * hi;
    let old = csum;
    csum += x;
    frac1 += (old - csum) + x;
    let x = -2.0 * hi * lo;
    let old = csum;
    csum += x;
    frac2 += (old - csum) + x;
    let x = -lo * lo;
    let old = csum;
    csum += x;
    frac3 += (old - csum) + x;
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// C's `frexp`: (m, e) with x = m * 2**e, 0.5 <= |m| < 1; (x, 0) for 0, inf and nan.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    (
        f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52)),
        exp - 1022,
    )
}

/// C's `ldexp`: x * 2**e correctly rounded (subnormal results round once; overflow gives inf).
pub(super) fn ldexp_f(x: f64, e: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, e0) = super::floatops::decompose(x).expect("finite");
    let mag = num_bigint::BigUint::from(m.unsigned_abs());
    let v = super::floatops::round_to_f64(&mag, e0 as i64 + e as i64).unwrap_or(f64::INFINITY);
    v.copysign(x)
}

/// `math.ldexp(x, i)`; OverflowError "math range error" on overflow.
pub fn ldexp(x: f64, i: &BigInt) -> RtResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let e = match i.to_i64() {
        Some(e) => e.clamp(-100_000, 100_000) as i32,
        None => {
            if i.is_negative() {
                -100_000
            } else {
                100_000
            }
        }
    };
    let r = ldexp_f(x, e);
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `math.modf(x)`: (fractional part, integral part), both with x's sign.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let i = x.trunc();
    ((x - i).copysign(x), i)
}

/// `math.floor(x)` for a float, as an int.
pub fn floor(x: f64) -> RtResult<BigInt> {
    f64_to_bigint(x.floor())
}
/// `math.ceil(x)` for a float, as an int.
pub fn ceil(x: f64) -> RtResult<BigInt> {
    f64_to_bigint(x.ceil())
}
/// `math.trunc(x)` for a float, as an int.
pub fn trunc(x: f64) -> RtResult<BigInt> {
    f64_to_bigint(x.trunc())
}

/// `math.isclose(a, b, rel_tol, abs_tol)`.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> RtResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(RtError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.fsum(xs)`: exactly rounded sum (Shewchuk's partials, CPython's special cases).
pub fn fsum(xs: impl IntoIterator<Item = f64>) -> RtResult<f64> {
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for x0 in xs {
        let mut x = x0;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(RtError::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(RtError::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0f64;
    let mut lo = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// C's `nextafter(x, y)`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

/// `math.ulp(x)`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    x2 - x
}
