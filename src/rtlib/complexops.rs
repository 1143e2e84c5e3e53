//! complex arithmetic with CPython 3.11's algorithms and errors (Objects/complexobject.c):
//! Smith's division, `**` (repeated squaring for small integral exponents, polar form
//! otherwise), `abs()`.

use super::error::{RtError, RtResult};

/// A complex value (real, imag).
pub type Complex = (f64, f64);

/// `_Py_c_prod`.
pub fn c_prod(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot` (Smith's algorithm); `None` when dividing by zero.
pub fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `a / b` for complex numbers ("complex division by zero").
pub fn c_div(a: Complex, b: Complex) -> RtResult<Complex> {
    c_quot(a, b).ok_or_else(|| RtError::zero_div("complex division by zero"))
}

fn c_powu(x: Complex, n: i64) -> Complex {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `a ** b` for complex numbers (also what `float ** float` becomes for a negative base and a
/// fractional exponent).
pub fn c_pow(a: Complex, b: Complex) -> RtResult<Complex> {
    let zero_err = || RtError::zero_div("0.0 to a negative or complex power");
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            c_quot((1.0, 0.0), c_powu(a, -n)).ok_or_else(zero_err)?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(zero_err());
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        if phase.is_infinite() {
            // libm's cos/sin of an infinity set errno = EDOM, which CPython reports as this.
            return Err(zero_err());
        }
        (len * phase.cos(), len * phase.sin())
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(RtError::overflow("complex exponentiation"));
    }
    Ok(p)
}

/// `abs(z)` ("absolute value too large" on overflow).
pub fn c_abs(z: Complex) -> RtResult<f64> {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() {
            return Ok(z.0.abs());
        }
        if z.1.is_infinite() {
            return Ok(z.1.abs());
        }
        return Ok(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if !r.is_finite() {
        return Err(RtError::overflow("absolute value too large"));
    }
    Ok(r)
}
