//! `_statistics`: the native `_normal_dist_inv_cdf(p, mu, sigma, /)` that `statistics.NormalDist`
//! uses when it is present: Wichura's algorithm AS241 ("The Percentage Points of the Normal
//! Distribution", Applied Statistics 37(3), 1988), the PPND16 rational approximations, which give
//! about 16 significant digits. The coefficients are the paper's, digit for digit.
#![allow(clippy::excessive_precision)]

use crate::vm::interp::{PyResult, Vm};
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_statistics");
    vm.roots.push(m);
    super::def(vm, m, "_normal_dist_inv_cdf", normal_dist_inv_cdf);
    vm.roots.pop();
    Ok(m)
}

/// Horner's rule over `coeffs`, highest degree first.
fn poly(coeffs: &[f64], x: f64) -> f64 {
    coeffs.iter().fold(0.0, |acc, &c| acc * x + c)
}

// AS241's coefficients (PPND16), highest degree first: the central region |q| <= 0.425 ...
const A: [f64; 8] = [
    2.5090809287301226727e+3,
    3.3430575583588128105e+4,
    6.7265770927008700853e+4,
    4.5921953931549871457e+4,
    1.3731693765509461125e+4,
    1.9715909503065514427e+3,
    1.3314166789178437745e+2,
    3.3871328727963666080e+0,
];
const B: [f64; 8] = [
    5.2264952788528545610e+3,
    2.8729085735721942674e+4,
    3.9307895800092710610e+4,
    2.1213794301586595867e+4,
    5.3941960214247511077e+3,
    6.8718700749205790830e+2,
    4.2313330701600911252e+1,
    1.0,
];
// ... the intermediate tail r <= 5 ...
const C: [f64; 8] = [
    7.74545014278341407640e-4,
    2.27238449892691845833e-2,
    2.41780725177450611770e-1,
    1.27045825245236838258e+0,
    3.64784832476320460504e+0,
    5.76949722146069140550e+0,
    4.63033784615654529590e+0,
    1.42343711074968357734e+0,
];
const D: [f64; 8] = [
    1.05075007164441684324e-9,
    5.47593808499534494600e-4,
    1.51986665636164571966e-2,
    1.48103976427480074590e-1,
    6.89767334985100004550e-1,
    1.67638483018380384940e+0,
    2.05319162663775882187e+0,
    1.0,
];
// ... and the far tail.
const E: [f64; 8] = [
    2.01033439929228813265e-7,
    2.71155556874348757815e-5,
    1.24266094738807843860e-3,
    2.65321895265761230930e-2,
    2.96560571828504891230e-1,
    1.78482653991729133580e+0,
    5.46378491116411436990e+0,
    6.65790464350110377720e+0,
];
const F: [f64; 8] = [
    2.04426310338993978564e-15,
    1.42151175831644588870e-7,
    1.84631831751005468180e-5,
    7.86869131145613259100e-4,
    1.48753612908506148525e-2,
    1.36929880922735805310e-1,
    5.99832206555887937690e-1,
    1.0,
];

/// The `p`-quantile of the normal distribution N(`mu`, `sigma`).
pub fn inv_cdf(p: f64, mu: f64, sigma: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        let x = poly(&A, r) * q / poly(&B, r);
        return mu + x * sigma;
    }
    let r = if q <= 0.0 { p } else { 1.0 - p };
    let r = (-r.ln()).sqrt();
    let x = if r <= 5.0 {
        let r = r - 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - 5.0;
        poly(&E, r) / poly(&F, r)
    };
    let x = if q < 0.0 { -x } else { x };
    mu + x * sigma
}

fn normal_dist_inv_cdf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("_statistics._normal_dist_inv_cdf() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "_normal_dist_inv_cdf expected 3 arguments, got {}",
            args.len()
        )));
    }
    let p = super::math::arg_f64(vm, args[0])?;
    let mu = super::math::arg_f64(vm, args[1])?;
    let sigma = super::math::arg_f64(vm, args[2])?;
    // NaNs pass (the result is NaN); a probability outside (0, 1) or a sigma not above 0 is an
    // error, as in CPython's module.
    if p <= 0.0 || p >= 1.0 || sigma <= 0.0 {
        return Err(vm.value_error("inv_cdf undefined for these parameters"));
    }
    Ok(Value::from_f64(inv_cdf(p, mu, sigma)))
}
