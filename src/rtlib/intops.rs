//! int arithmetic with CPython's semantics and messages (Objects/longobject.c): floor division
//! and modulo, `divmod`, `**` (negative exponents go to float), three-argument `pow`, shifts.
//!
//! Results larger than 2**35 bits are refused with MemoryError rather than attempted.

use super::error::{ExcKind, RtError, RtResult};
use super::floatops::{bigint_to_f64, float_pow};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Bit size above which results are refused (CPython would exhaust memory).
const MAX_BITS: u64 = 1 << 35;

fn memory_error() -> RtError {
    RtError {
        kind: ExcKind::MemoryError,
        msg: String::new(),
    }
}

/// `a // b`.
pub fn floordiv(a: &BigInt, b: &BigInt) -> RtResult<BigInt> {
    if b.is_zero() {
        return Err(RtError::zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_floor(b))
}

/// `a % b` (sign of the divisor).
pub fn modulo(a: &BigInt, b: &BigInt) -> RtResult<BigInt> {
    if b.is_zero() {
        return Err(RtError::zero_div("integer modulo by zero"));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)`.
pub fn divmod(a: &BigInt, b: &BigInt) -> RtResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(RtError::zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_mod_floor(b))
}

/// The result of `int ** int`: an int, or a float for negative exponents.
#[derive(Clone, Debug, PartialEq)]
pub enum PowResult {
    Int(BigInt),
    Float(f64),
}

/// `a ** b` for ints.
pub fn pow(a: &BigInt, b: &BigInt) -> RtResult<PowResult> {
    if b.is_negative() {
        // CPython hands negative exponents to float pow.
        let x = bigint_to_f64(a)?;
        let y = bigint_to_f64(b)?;
        return Ok(PowResult::Float(
            float_pow(x, y)?.expect("integral exponent stays real"),
        ));
    }
    if a.is_zero() || a.magnitude().is_one() {
        let odd = b.is_odd();
        return Ok(PowResult::Int(if a.is_zero() {
            if b.is_zero() {
                BigInt::one()
            } else {
                BigInt::zero()
            }
        } else if a.is_negative() && odd {
            -BigInt::one()
        } else {
            BigInt::one()
        }));
    }
    let e = b.to_u64().ok_or_else(memory_error)?;
    if (a.bits() - 1).saturating_mul(e) > MAX_BITS {
        return Err(memory_error());
    }
    Ok(PowResult::Int(num_traits::Pow::pow(a, e)))
}

/// `pow(a, b, m)` for ints (negative `b` uses the modular inverse).
pub fn pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> RtResult<BigInt> {
    if m.is_zero() {
        return Err(RtError::value("pow() 3rd argument cannot be 0"));
    }
    let negative_output = m.is_negative();
    let c = m.abs();
    if c.is_one() {
        return Ok(BigInt::zero());
    }
    let mut base = a.mod_floor(&c);
    let mut exp = b.clone();
    if exp.is_negative() {
        base = invmod(&base, &c)
            .ok_or_else(|| RtError::value("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    let z = base.modpow(&exp, &c);
    Ok(if negative_output && !z.is_zero() {
        z - c
    } else {
        z
    })
}

/// Inverse of `a` modulo `n` (n > 1), if it exists.
fn invmod(a: &BigInt, n: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(n);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(n))
}

fn shift_count(n: &BigInt) -> RtResult<Option<u64>> {
    if n.is_negative() {
        return Err(RtError::value("negative shift count"));
    }
    Ok(n.to_u64())
}

/// `a << n`.
pub fn lshift(a: &BigInt, n: &BigInt) -> RtResult<BigInt> {
    let count = shift_count(n)?;
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    match count {
        Some(c) if a.bits().saturating_add(c) <= MAX_BITS => Ok(a << c),
        _ => Err(memory_error()),
    }
}

/// `a >> n` (floor: negative numbers shift towards -1).
pub fn rshift(a: &BigInt, n: &BigInt) -> RtResult<BigInt> {
    let count = shift_count(n)?;
    match count {
        Some(c) if c < a.bits() => Ok(a >> c),
        _ => Ok(if a.sign() == Sign::Minus {
            -BigInt::one()
        } else {
            BigInt::zero()
        }),
    }
}
