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
