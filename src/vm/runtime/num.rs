//! Numeric helpers: the int/float tower (small ints, big ints, bools, floats).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

/// An int operand, widened.
pub enum IntVal {
    Small(i64),
    Big(BigInt),
}

impl IntVal {
    pub fn to_big(&self) -> BigInt {
        match self {
            IntVal::Small(i) => BigInt::from(*i),
            IntVal::Big(b) => b.clone(),
        }
    }
}

impl IntVal {
    /// A borrowed view (no copy of a big int's digits).
    pub fn as_ref(&self) -> IntRef<'_> {
        match self {
            IntVal::Small(i) => IntRef::Small(*i),
            IntVal::Big(b) => IntRef::Big(b),
        }
    }
}

/// An int operand borrowed from its object: arithmetic reads a big int's digits in place
/// instead of copying them (a copy per operand doubled the cost of big-int additions).
#[derive(Clone, Copy)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    /// The value, if it fits in an i64.
    #[inline]
    fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(i),
            IntRef::Big(b) => b.to_i64(),
        }
    }

    /// The value as a big int reference; a small one is widened into `tmp`.
    fn big<'b>(self, tmp: &'b mut BigInt) -> &'b BigInt
    where
        Self: 'b,
    {
        match self {
            IntRef::Small(i) => {
                *tmp = BigInt::from(i);
                tmp
            }
            IntRef::Big(b) => b,
        }
    }
}

/// The int value of an int or bool, borrowed (valid while `v` is reachable and unchanged: int
/// objects are immutable, so only a collection could end it, and none runs between safepoints).
#[inline]
pub fn int_ref<'a>(v: Value) -> Option<IntRef<'a>> {
    if v.is_small_int() {
        return Some(IntRef::Small(v.as_small_int()));
    }
    if v.is_ptr() {
        match layout_of(v) {
            Layout::BigInt => return Some(IntRef::Big(as_bigint(v).unwrap())),
            Layout::Bool => return Some(IntRef::Small(*as_bool_obj(v).unwrap() as i64)),
            _ => {}
        }
    }
    None
}

/// The int value of an int or bool, None for anything else.
#[inline]
pub fn int_of(v: Value) -> Option<IntVal> {
    if v.is_small_int() {
        return Some(IntVal::Small(v.as_small_int()));
    }
    if v.is_ptr() {
        match layout_of(v) {
            Layout::BigInt => return Some(IntVal::Big(as_bigint(v).unwrap().clone())),
            Layout::Bool => return Some(IntVal::Small(*as_bool_obj(v).unwrap() as i64)),
            _ => {}
        }
    }
    None
}

pub fn is_int(v: Value) -> bool {
    v.is_small_int() || (v.is_ptr() && matches!(layout_of(v), Layout::BigInt | Layout::Bool))
}

/// An i64 for ints that fit.
pub fn int_to_i64(v: Value) -> Option<i64> {
    match int_of(v)? {
        IntVal::Small(i) => Some(i),
        IntVal::Big(b) => b.to_i64(),
    }
}

pub fn big_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    let f = b.to_f64().unwrap_or(f64::INFINITY);
    if f.is_infinite() {
        return Err(vm.overflow_error("int too large to convert to float"));
    }
    Ok(f)
}

/// The float value of an int, bool or float, None otherwise.
pub fn float_of(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if v.is_float() {
        return Ok(Some(v.as_f64()));
    }
    match int_of(v) {
        Some(IntVal::Small(i)) => Ok(Some(i as f64)),
        Some(IntVal::Big(b)) => Ok(Some(big_to_f64(vm, &b)?)),
        None => Ok(None),
    }
}

/// `index_value` for index-sized callers (Py_ssize_t): a boxed int that fits in 64 bits (such
/// as `sys.maxsize`, past the 48-bit immediates) is Small.
///
/// The small-int case is inline in the caller: out of line, the `PyResult<Option<IntVal>>` went
/// back through memory in pieces, and reading it whole stalled on store forwarding (8% of
/// bm_fannkuch under `--jit`, in its slices and subscripts).
#[inline]
pub fn index_i64(vm: &mut Vm, v: Value) -> PyResult<Option<IntVal>> {
    if v.is_small_int() {
        return Ok(Some(IntVal::Small(v.as_small_int())));
    }
    index_i64_slow(vm, v)
}

#[cold]
#[inline(never)]
fn index_i64_slow(vm: &mut Vm, v: Value) -> PyResult<Option<IntVal>> {
    Ok(index_value(vm, v)?.map(|i| match i {
        IntVal::Big(b) => match i64::try_from(&b) {
            Ok(n) => IntVal::Small(n),
            Err(_) => IntVal::Big(b),
        },
        small => small,
    }))
}

pub fn new_int(vm: &mut Vm, i: IntVal) -> Value {
    match i {
        IntVal::Small(i) => vm.new_int(i),
        IntVal::Big(b) => vm.new_bigint(b),
    }
}

/// Python's floor modulo for floats.
pub fn float_mod(a: f64, b: f64) -> f64 {
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    m
}

/// CPython's float floor division.
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    }
}

pub fn float_pow(vm: &mut Vm, a: f64, b: f64) -> PyResult<f64> {
    // 0.0 ** -inf is inf (C99 pow); only a finite negative exponent divides by zero.
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && a.is_finite() && b.fract() != 0.0 && b.is_finite() {
        return Err(
            vm.not_implemented("complex numbers (negative number raised to a fractional power)")
        );
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

/// Integer binary op on two ints (NB code without the in-place bit); None if not an int op.
pub fn int_binop(vm: &mut Vm, op: u32, a: IntRef, b: IntRef) -> PyResult<Option<Value>> {
    use crate::bytecode::opcode::nb;
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        let r = match op {
            nb::ADD => Some(x + y),
            nb::SUBTRACT => Some(x - y),
            nb::MULTIPLY => {
                let p = x as i128 * y as i128;
                return Ok(Some(if let Ok(p) = i64::try_from(p) {
                    vm.new_int(p)
                } else {
                    vm.new_bigint(BigInt::from(p))
                }));
            }
            nb::FLOOR_DIVIDE => {
                if y == 0 {
                    return Err(vm.zero_division("integer division or modulo by zero"));
                }
                Some(Integer::div_floor(&x, &y))
            }
            nb::REMAINDER => {
                if y == 0 {
                    return Err(vm.zero_division("integer modulo by zero"));
                }
                Some(x.mod_floor(&y))
            }
            nb::AND => Some(x & y),
            nb::OR => Some(x | y),
            nb::XOR => Some(x ^ y),
            nb::RSHIFT => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            nb::LSHIFT => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if y < 16 {
                    Some(x << y)
                } else {
                    None
                }
            }
            nb::TRUE_DIVIDE => {
                if y == 0 {
                    return Err(vm.zero_division("division by zero"));
                }
                return Ok(Some(Value::from_f64(x as f64 / y as f64)));
            }
            nb::POWER => {
                if y < 0 {
                    let r = float_pow(vm, x as f64, y as f64)?;
                    return Ok(Some(Value::from_f64(r)));
                }
                if let Ok(e) = u32::try_from(y) {
                    if let Some(r) = x.checked_pow(e) {
                        return Ok(Some(vm.new_int(r)));
                    }
                }
                None
            }
            _ => return Ok(None),
        };
        if let Some(r) = r {
            return Ok(Some(vm.new_int(r)));
        }
    }
    // Ints beyond the small range that still fit in 64 bits (hash keys, masks, 63-bit random
    // numbers): the bitwise ops and + - * in machine words, with no big-int temporaries.
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        let r = match op {
            nb::ADD => Some(x as i128 + y as i128),
            nb::SUBTRACT => Some(x as i128 - y as i128),
            nb::MULTIPLY => Some(x as i128 * y as i128),
            nb::AND => Some((x & y) as i128),
            nb::OR => Some((x | y) as i128),
            nb::XOR => Some((x ^ y) as i128),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Some(match i64::try_from(r) {
                Ok(r) => vm.new_int(r),
                Err(_) => vm.new_bigint(BigInt::from(r)),
            }));
        }
    }
    let (mut xt, mut yt) = (BigInt::ZERO, BigInt::ZERO);
    let (x, y) = (a.big(&mut xt), b.big(&mut yt));
    let r: BigInt = match op {
        nb::ADD => x + y,
        nb::SUBTRACT => x - y,
        nb::MULTIPLY => x * y,
        nb::FLOOR_DIVIDE => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.div_floor(y)
        }
        nb::REMAINDER => {
            if y.is_zero() {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.mod_floor(y)
        }
        nb::AND => x & y,
        nb::OR => x | y,
        nb::XOR => x ^ y,
        nb::LSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let s = y
                .to_usize()
                .ok_or_else(|| vm.overflow_error("too many digits in integer"))?;
            x << s
        }
        nb::RSHIFT => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => x >> s,
                None => BigInt::from(if x.is_negative() { -1 } else { 0 }),
            }
        }
        nb::TRUE_DIVIDE => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            let q = match (x.to_f64(), y.to_f64()) {
                (Some(a), Some(b))
                    if a.is_finite() && b.is_finite() && a.abs() < 9e15 && b.abs() < 9e15 =>
                {
                    a / b
                }
                _ => big_true_div(vm, x, y)?,
            };
            return Ok(Some(Value::from_f64(q)));
        }
        nb::POWER => {
            if y.is_negative() {
                let (a, b) = (big_to_f64(vm, x)?, big_to_f64(vm, y)?);
                let r = float_pow(vm, a, b)?;
                return Ok(Some(Value::from_f64(r)));
            }
            // Huge exponents of 0, 1 and -1 have small results.
            let one = BigInt::from(1);
            let minus_one = -one.clone();
            if x.is_zero() || *x == one || *x == minus_one {
                let r = if *x == minus_one && !y.bit(0) {
                    one
                } else {
                    x.clone()
                };
                return Ok(Some(vm.new_bigint(r)));
            }
            let e = y
                .to_u32()
                .ok_or_else(|| vm.overflow_error("exponent too large"))?;
            num_traits::Pow::pow(x, e)
        }
        _ => return Ok(None),
    };
    Ok(Some(vm.new_bigint(r)))
}

/// Correctly rounded-enough big int true division.
fn big_true_div(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult<f64> {
    // Scale so the quotient has ~64 significant bits, then convert.
    let xb = x.bits() as i64;
    let yb = y.bits() as i64;
    let shift = 64 - (xb - yb);
    let q = if shift >= 0 {
        (x << shift as usize) / y
    } else {
        x / (y << (-shift) as usize)
    };
    let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(-shift as i32);
    if f.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(f)
}

/// Float binary op; None if not a float op.
pub fn float_binop(vm: &mut Vm, op: u32, x: f64, y: f64) -> PyResult<Option<Value>> {
    use crate::bytecode::opcode::nb;
    let r = match op {
        nb::ADD => x + y,
        nb::SUBTRACT => x - y,
        nb::MULTIPLY => x * y,
        nb::TRUE_DIVIDE => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        nb::FLOOR_DIVIDE => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            float_floordiv(x, y)
        }
        nb::REMAINDER => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            float_mod(x, y)
        }
        nb::POWER => {
            // float_pow handles an infinite base (C99 pow: inf or 0 with the odd-integer sign)
            // before handing a negative base with a fractional exponent to complex power.
            if x < 0.0 && x.is_finite() && y.is_finite() && y != y.floor() {
                return crate::vm::types::complex::float_pow_complex(vm, x, y).map(Some);
            }
            float_pow(vm, x, y)?
        }
        _ => return Ok(None),
    };
    Ok(Some(Value::from_f64(r)))
}

pub fn int_neg(vm: &mut Vm, v: &IntVal) -> Value {
    match v {
        IntVal::Small(i) => vm.new_int(-i),
        IntVal::Big(b) => vm.new_bigint(-b),
    }
}

pub fn int_is_zero(v: &IntVal) -> bool {
    match v {
        IntVal::Small(i) => *i == 0,
        IntVal::Big(b) => b.is_zero(),
    }
}

pub fn int_cmp(a: &IntVal, b: &IntVal) -> std::cmp::Ordering {
    match (a, b) {
        (IntVal::Small(x), IntVal::Small(y)) => x.cmp(y),
        _ => {
            let (mut xt, mut yt) = (BigInt::ZERO, BigInt::ZERO);
            a.as_ref().big(&mut xt).cmp(b.as_ref().big(&mut yt))
        }
    }
}

/// Compares an int with a float exactly; None when the float is NaN.
pub fn int_float_cmp(a: &IntVal, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    match a {
        IntVal::Small(i) => (*i as f64).partial_cmp(&f),
        IntVal::Big(b) => {
            if f.is_infinite() {
                return Some(if f > 0.0 {
                    std::cmp::Ordering::Less
                } else {
                    std::cmp::Ordering::Greater
                });
            }
            let fl = f.floor();
            let fb = BigInt::from(fl as i128);
            let fb = if fl.abs() < 1e38 {
                fb
            } else {
                num_bigint::BigInt::parse_bytes(format!("{:.0}", fl).as_bytes(), 10).unwrap_or(fb)
            };
            match b.cmp(&fb) {
                std::cmp::Ordering::Equal => {
                    if f > fl {
                        Some(std::cmp::Ordering::Less)
                    } else {
                        Some(std::cmp::Ordering::Equal)
                    }
                }
                o => Some(o),
            }
        }
    }
}

/// An integer argument (an int or `__index__`) that must fit a C `long` (`ctype`: the name the
/// OverflowError gives, "long" or "int" with `fits`): CPython's `"l"`/`"i"` argument formats.
/// Through `index_i64`, so a boxed int that fits in 64 bits (2**50) is not an overflow.
pub fn index_c(vm: &mut Vm, v: Value, ctype: &str, fits: fn(i64) -> bool) -> PyResult<i64> {
    match index_i64(vm, v)? {
        Some(IntVal::Small(n)) if fits(n) => Ok(n),
        Some(_) => Err(vm.overflow_error(&format!("Python int too large to convert to C {ctype}"))),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// CPython's `PyLong_AsUnsignedLong`: an int (bools and int subclasses too, but no
/// `__index__`: "an integer is required") from 0 to 2**64-1.
pub fn as_unsigned_long(vm: &mut Vm, v: Value) -> PyResult<u64> {
    let Some(i) = crate::vm::types::subclass::int_arg(v) else {
        return Err(vm.type_error("an integer is required"));
    };
    let b = i.to_big();
    if b.sign() == num_bigint::Sign::Minus {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    u64::try_from(&b)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned long"))
}

/// `operator.index(v)`: ints and bools, or an instance's `__index__` (which must return an int).
/// Ints past the 48-bit immediates are Big even where they fit in 64 bits (see `index_i64`).
pub fn index_value(vm: &mut Vm, v: Value) -> PyResult<Option<IntVal>> {
    if let Some(i) = int_of(v) {
        return Ok(Some(i));
    }
    if v.is_ptr() && layout_of(v) == Layout::Instance {
        if let Some(r) = crate::vm::runtime::call::call_dunder(vm, v, "__index__", &[])? {
            return match int_of(r) {
                Some(i) => Ok(Some(i)),
                None => {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("__index__ returned non-int (type {tn})")))
                }
            };
        }
    }
    Ok(None)
}

/// CPython's `_PyLong_AsInt` (an Argument Clinic `int` or `bool(accept={int})` parameter):
/// an int or an object with `__index__`, in the range of a C int.
pub fn c_int_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    match index_value(vm, v)? {
        Some(i) => i
            .to_big()
            .try_into()
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}
