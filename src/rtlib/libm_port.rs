//! Bit-exact ports of the glibc routines CPython's `math` reaches through libm where Rust's own
//! implementations round differently (cbrt, asinh, acosh, atanh). Constants are kept digit for
//! digit as in the C sources.

#![allow(clippy::excessive_precision, clippy::approx_constant)]

use super::math_fns::{frexp, ldexp_f};

const LN2: f64 = 6.93147180559945286227e-01;

fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as i32
}

/// glibc's cbrt (dbl-64 s_cbrt.c, the version CPython's libm uses here; Rust's own cbrt rounds
/// differently in the last place).
pub(super) fn glibc_cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.2599210498948731648;
    const SQR_CBRT2: f64 = 1.5874010519681994748;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    let (xm, xe) = frexp(x.abs());
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let u = 0.354895765043919860
        + ((1.50819193781584896
            + (-2.11499494167371287
                + (2.44693122563534430
                    + (-1.83469277483613086
                        + (0.784932344976639262 - 0.145263899385486377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp_f(if x > 0.0 { ym } else { -ym }, xe / 3)
}

/// glibc's asinh (fdlibm s_asinh.c).
pub(super) fn glibc_asinh(x: f64) -> f64 {
    let ix = high_word(x) & 0x7fffffff;
    if ix < 0x3e300000 {
        return x; // |x| < 2**-28
    }
    let w = if ix > 0x41b00000 {
        if ix >= 0x7ff00000 {
            return x + x;
        }
        x.abs().ln() + LN2
    } else {
        let xa = x.abs();
        if ix > 0x40000000 {
            (2.0 * xa + 1.0 / ((xa * xa + 1.0).sqrt() + xa)).ln()
        } else {
            let t = xa * xa;
            (xa + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
        }
    };
    w.copysign(x)
}

/// glibc's acosh (fdlibm e_acosh.c).
pub(super) fn glibc_acosh(x: f64) -> f64 {
    let bits = x.to_bits();
    let hx = (bits >> 32) as i32;
    let lx = bits as u32;
    if hx < 0x3ff00000 {
        f64::NAN
    } else if hx >= 0x41b00000 {
        if hx >= 0x7ff00000 {
            x + x
        } else {
            x.ln() + LN2
        }
    } else if (hx - 0x3ff00000) as u32 | lx == 0 {
        0.0
    } else if hx > 0x40000000 {
        let t = x * x;
        (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln()
    } else {
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

/// glibc's atanh (e_atanh.c).
pub(super) fn glibc_atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < 2f64.powi(-28) {
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 {
        return f64::NAN;
    } else if xa.is_nan() {
        return x;
    } else {
        return x / 0.0;
    };
    t.copysign(x)
}
