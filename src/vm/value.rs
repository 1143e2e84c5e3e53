//! `Value`: every Python value is one tagged 64-bit machine word (NaN-boxing with a pointer bias, as
//! JavaScriptCore does). The encoding is part of the JIT ABI: stencils test and build these bit
//! patterns directly, so the constants below are the only definition of it (see docs/design.md).
//!
//! ```text
//!   top 16 bits   meaning
//!   0x0000        heap pointer (8-byte aligned, non-zero) to an object starting with `ObjHeader`;
//!                 the all-zero word is NULL (an empty local / no value), never a Python value
//!   0x0002-0xFFF2 float: f64 bits + FLOAT_OFFSET (NaNs canonicalized before boxing)
//!   0xFFFF        small int: 48-bit two's complement payload in the low 48 bits
//! ```
//! Floats are "decoded" with one subtraction; small ints with a shift pair. Ints outside 48 bits are
//! heap big ints. `None`, `True`, `False` and every other object are heap pointers to static objects.

/// One Python value.
#[repr(transparent)]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value(pub u64);

/// Added to a float's bit pattern when boxing, so that no float encodes with top 16 bits 0x0000.
pub const FLOAT_OFFSET: u64 = 1 << 49;
/// Tag of small ints: the top 16 bits.
pub const INT_TAG: u64 = 0xFFFF_0000_0000_0000;
/// Mask selecting the top 16 bits.
pub const TAG_MASK: u64 = 0xFFFF_0000_0000_0000;
/// Largest small int (2^47 - 1); anything outside [SMALL_INT_MIN, SMALL_INT_MAX] is a big int.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// The quiet NaN every NaN is canonicalized to before boxing.
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

impl Value {
    /// The empty slot: an unbound local, a missing value. Never visible to Python code.
    pub const NULL: Value = Value(0);

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    pub fn is_ptr(self) -> bool {
        self.0 & TAG_MASK == 0 && self.0 != 0
    }
    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.0 & TAG_MASK == INT_TAG
    }
    #[inline(always)]
    pub fn is_float(self) -> bool {
        let top = self.0 >> 48;
        (0x0002..=0xFFF2).contains(&top)
    }

    /// Boxes `i` if it fits in 48 bits.
    #[inline(always)]
    pub fn try_from_i64(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value((i as u64 & !TAG_MASK) | INT_TAG))
        } else {
            None
        }
    }
    /// The payload of a small int. Only meaningful when `is_small_int()`.
    #[inline(always)]
    pub fn as_small_int(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    #[inline(always)]
    pub fn from_f64(f: f64) -> Value {
        let bits = if f.is_nan() {
            CANONICAL_NAN
        } else {
            f.to_bits()
        };
        Value(bits.wrapping_add(FLOAT_OFFSET))
    }
    /// The payload of a float. Only meaningful when `is_float()`.
    #[inline(always)]
    pub fn as_f64(self) -> f64 {
        f64::from_bits(self.0.wrapping_sub(FLOAT_OFFSET))
    }

    /// The heap pointer. Only meaningful when `is_ptr()`.
    #[inline(always)]
    pub fn as_ptr<T>(self) -> *mut T {
        self.0 as *mut T
    }
    #[inline(always)]
    pub fn from_ptr<T>(p: *const T) -> Value {
        debug_assert!(p as u64 & TAG_MASK == 0 && p as u64 & 7 == 0);
        Value(p as u64)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_null() {
            write!(f, "NULL")
        } else if self.is_small_int() {
            write!(f, "int({})", self.as_small_int())
        } else if self.is_float() {
            write!(f, "float({:?})", self.as_f64())
        } else if self.is_ptr() {
            write!(f, "ptr({:#x})", self.0)
        } else {
            write!(f, "invalid({:#x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_round_trip_and_bound() {
        for i in [0, 1, -1, 42, SMALL_INT_MAX, SMALL_INT_MIN, -123456789] {
            let v = Value::try_from_i64(i).unwrap();
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr() && !v.is_null());
            assert_eq!(v.as_small_int(), i);
        }
        assert!(Value::try_from_i64(SMALL_INT_MAX + 1).is_none());
        assert!(Value::try_from_i64(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_round_trip() {
        for f in [
            0.0,
            -0.0,
            1.5,
            -1e308,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            let v = Value::from_f64(f);
            assert!(v.is_float() && !v.is_small_int() && !v.is_ptr(), "{f}");
            assert_eq!(v.as_f64().to_bits(), f.to_bits());
        }
        let nan = Value::from_f64(f64::NAN);
        assert!(nan.is_float() && nan.as_f64().is_nan());
        let neg_nan = Value::from_f64(-f64::NAN);
        assert!(neg_nan.is_float() && neg_nan.as_f64().is_nan());
    }
}
