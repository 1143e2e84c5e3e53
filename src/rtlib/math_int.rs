//! The `math` module's integer functions: factorial, gcd, lcm, isqrt, comb, perm.

use super::error::{RtError, RtResult};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// `math.factorial(n)` ("factorial() not defined for negative values").
pub fn factorial(n: &BigInt) -> RtResult<BigInt> {
    if n.is_negative() {
        return Err(RtError::value(
            "factorial() not defined for negative values",
        ));
    }
    let n = n.to_i64().ok_or_else(|| {
        RtError::overflow("factorial() argument should not exceed 9223372036854775807")
    })?;
    Ok(product_range(1, n as u64))
}

/// Product of lo..=hi by binary splitting (fast for big factorials).
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        for k in lo..=hi {
            p *= k;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

/// `math.gcd(*ints)`.
pub fn gcd(xs: &[BigInt]) -> BigInt {
    xs.iter().fold(BigInt::zero(), |a, b| a.gcd(b))
}

/// `math.lcm(*ints)`.
pub fn lcm(xs: &[BigInt]) -> BigInt {
    let mut acc = BigInt::one();
    for x in xs {
        if x.is_zero() {
            return BigInt::zero();
        }
        acc = acc.lcm(x);
    }
    acc.abs()
}

/// `math.isqrt(n)`.
pub fn isqrt(n: &BigInt) -> RtResult<BigInt> {
    if n.is_negative() {
        return Err(RtError::value("isqrt() argument must be nonnegative"));
    }
    Ok(n.sqrt())
}

fn check_nk(n: &BigInt, k: &BigInt) -> RtResult<()> {
    if n.is_negative() {
        return Err(RtError::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(RtError::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `math.perm(n, k)`; `k = None` means `n!`.
pub fn perm(n: &BigInt, k: Option<&BigInt>) -> RtResult<BigInt> {
    let Some(k) = k else { return factorial(n) };
    check_nk(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = k
        .to_i64()
        .ok_or_else(|| RtError::overflow("k must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        r *= &f;
        f -= 1;
    }
    Ok(r)
}

/// `math.comb(n, k)`.
pub fn comb(n: &BigInt, k: &BigInt) -> RtResult<BigInt> {
    check_nk(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let nk: BigInt = n - k;
    let k = if &nk < k { nk } else { k.clone() };
    let k = k
        .to_i64()
        .ok_or_else(|| RtError::overflow("min(n - k, k) must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (n - BigInt::from(i)) / BigInt::from(i + 1);
    }
    Ok(r)
}
