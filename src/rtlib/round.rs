//! `round()` for floats and ints exactly as CPython 3.11 (Objects/floatobject.c `double_round`,
//! Objects/longobject.c `long_round`): round-half-even on the exact binary value, so
//! `round(2.675, 2) == 2.67`.

use super::error::{RtError, RtResult};
use super::floatops::{decompose, div_round_half_even, f64_to_bigint};
use num_bigint::BigInt;
use num_traits::{One, Pow};

/// `round(x)` for a float: the nearest int, ties to even.
pub fn round_f64_to_int(x: f64) -> RtResult<BigInt> {
    f64_to_bigint(x.round_ties_even())
}

/// Largest `ndigits` that can change a float (`NDIGITS_MAX`).
const NDIGITS_MAX: i64 = 323;
/// Below this every float rounds to zero (`NDIGITS_MIN`).
const NDIGITS_MIN: i64 = -308;

/// `round(x, ndigits)` for a float.
pub fn round_f64(x: f64, ndigits: i64) -> RtResult<f64> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x).expect("finite");
    // x * 10**ndigits as num/den, rounded half-even on the exact value.
    let mut num = BigInt::from(m);
    let mut den = BigInt::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let p = BigInt::from(10).pow(ndigits.unsigned_abs() as u32);
    if ndigits >= 0 {
        num *= &p;
    } else {
        den *= &p;
    }
    let r = div_round_half_even(&num, &den);
    // Back to a float, correctly rounded, via the decimal string as CPython does.
    let text = format!("{}e{}", r, -ndigits);
    let v: f64 = text.parse().expect("decimal literal");
    if v.is_infinite() {
        return Err(RtError::overflow("rounded value too large to represent"));
    }
    // A zero keeps the sign of x (CPython builds "-0e..." for negative x).
    Ok(if v == 0.0 { 0f64.copysign(x) } else { v })
}

/// `round(n, ndigits)` for an int: unchanged for ndigits >= 0, else to a multiple of
/// 10**-ndigits with ties to even.
pub fn round_int(n: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return n.clone();
    }
    // |n| < 10**k / 2 rounds to 0: skip building a huge power.
    let k = ndigits.unsigned_abs();
    if (n.bits() as f64) * std::f64::consts::LOG10_2 + 1.0 < k as f64 {
        return BigInt::from(0);
    }
    let p = BigInt::from(10).pow(k as u32);
    div_round_half_even(n, &p) * p
}
