//! The `math` module.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{def, set_attr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::iter as riter;
use crate::vm::runtime::num::{self, int_of, IntVal};
use crate::vm::runtime::repr::rt_err;
use crate::vm::types::{nargs, split_kw};
use crate::vm::value::Value;

/// The constants `math` and `cmath` share.
pub(super) const CONSTANTS: [(&str, f64); 5] = [
    ("pi", std::f64::consts::PI),
    ("e", std::f64::consts::E),
    ("tau", std::f64::consts::TAU),
    ("inf", f64::INFINITY),
    ("nan", f64::NAN),
];

pub fn create(vm: &mut Vm) -> Value {
    let m = vm.new_module("math");
    for (n, v) in CONSTANTS {
        set_attr(vm, m, n, Value::from_f64(v));
    }
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("sqrt", sqrt),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("exp", exp),
        ("log10", log10),
        ("log2", log2),
        ("log1p", log1p),
        ("expm1", expm1),
        ("fabs", fabs),
        ("degrees", degrees),
        ("radians", radians),
        ("atan2", atan2),
        ("pow", pow),
        ("fmod", fmod),
        ("copysign", copysign),
        ("hypot", hypot),
        ("log", log),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("isclose", isclose),
        ("gcd", gcd),
        ("lcm", lcm),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("prod", prod),
        ("fsum", fsum),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("dist", dist),
        ("acosh", acosh),
        ("asinh", asinh),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("exp2", exp2),
        ("erf", erf),
        ("erfc", erfc),
        ("gamma", gamma),
        ("lgamma", lgamma),
        ("nextafter", nextafter),
        ("remainder", remainder),
        ("ulp", ulp),
    ];
    for &(n, f) in fns {
        def(vm, m, n, f);
    }
    m
}

pub(super) fn arg_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match f64_opt(vm, v)? {
        Some(f) => Ok(f),
        None => {
            // Named by the argument's own type (a list subclass is not 'list').
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {tn}")))
        }
    }
}

/// `arg_f64`, None when `v` is not a real number.
fn f64_opt(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    if v.is_float() {
        return Ok(Some(v.as_f64()));
    }
    match num::float_of(vm, v)? {
        Some(f) => Ok(Some(f)),
        None => {
            if let Some(f) = lookup_type_str(vm, vm.type_of(v), "__float__") {
                let r = call_method_value(vm, f, v, &[])?;
                if r.is_float() {
                    return Ok(Some(r.as_f64()));
                }
            }
            match crate::vm::types::subclass::base_value(v) {
                Some(b) => f64_opt(vm, b),
                None => Ok(None),
            }
        }
    }
}

/// Argument count check with the messages of CPython's math functions: `math.sqrt() takes
/// exactly one argument (0 given)` (METH_O), `atan2 expected 2 arguments, got 1` (fast calls),
/// `math.atan2() takes no keyword arguments`.
fn margs(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    margs_in(vm, "math", name, args, kw, min, max)
}

/// `margs` for another module's functions (`cmath.sqrt() takes exactly one argument`).
pub(super) fn margs_in(
    vm: &mut Vm,
    module: &str,
    name: &str,
    args: &[Value],
    kw: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    // The common case first: no keywords and a count in range (the checks below build the
    // error messages).
    if kw.is_empty() && (min..=max).contains(&n) {
        return Ok(());
    }
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{module}.{name}() takes no keyword arguments")));
    }
    match (min, max) {
        (1, 1) if n != 1 => Err(vm.type_error(format!(
            "{module}.{name}() takes exactly one argument ({n} given)"
        ))),
        (2, 2) if n != 2 => Err(vm.type_error(format!("{name} expected 2 arguments, got {n}"))),
        _ => nargs(vm, name, args, kw, 0, min, max),
    }
}

fn no_kw(vm: &mut Vm, name: &str, kw: &[Value]) -> PyResult<()> {
    if kw.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("math.{name}() takes no keyword arguments")))
}

fn domain(vm: &mut Vm) -> Value {
    vm.value_error("math domain error")
}

fn unary(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    f: fn(f64) -> f64,
    check_domain: bool,
) -> PyResult {
    margs(vm, name, args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() && check_domain {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        if check_domain && matches!(name, "log10" | "log2" | "log1p") {
            return Err(domain(vm));
        }
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::from_f64(r))
}

macro_rules! unary_fn {
    ($name:ident, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
            unary(vm, args, kw, stringify!($name), $f, true)
        }
    };
}
unary_fn!(sin, f64::sin);
unary_fn!(cos, f64::cos);
unary_fn!(tan, f64::tan);
unary_fn!(asin, f64::asin);
unary_fn!(acos, f64::acos);
unary_fn!(atan, f64::atan);
unary_fn!(sinh, f64::sinh);
unary_fn!(cosh, f64::cosh);
unary_fn!(tanh, f64::tanh);
unary_fn!(exp, f64::exp);
unary_fn!(expm1, f64::exp_m1);
unary_fn!(fabs, f64::abs);
unary_fn!(degrees, f64::to_degrees);
unary_fn!(radians, f64::to_radians);

// rtlib's ports of CPython's own algorithms (m_tgamma, m_lgamma, m_erf/m_erfc) and of the C
// library's (cbrt, the inverse hyperbolics, remainder, nextafter), with CPython's domain and
// range errors: results match CPython's to the last bit on this platform.
macro_rules! rt_unary {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
            margs(vm, stringify!($name), args, kw, 1, 1)?;
            let x = arg_f64(vm, args[0])?;
            let r = crate::rtlib::math_fns::$name(x).map_err(|e| rt_err(vm, e))?;
            Ok(Value::from_f64(r))
        }
    )*};
}
rt_unary!(cbrt, exp2, asinh, acosh, atanh, erf, erfc, gamma, lgamma);

fn nextafter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (x, y) = binary(vm, args, kw, "nextafter")?;
    Ok(Value::from_f64(crate::rtlib::math_fns::nextafter(x, y)))
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y` (ties to even).
fn remainder(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (x, y) = binary(vm, args, kw, "remainder")?;
    let r = crate::rtlib::math_fns::remainder(x, y).map_err(|e| rt_err(vm, e))?;
    Ok(Value::from_f64(r))
}

/// The value of the least significant bit of `x`.
fn ulp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "ulp", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    Ok(Value::from_f64(crate::rtlib::math_fns::ulp(x)))
}

fn sqrt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "sqrt", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    if x < 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::from_f64(x.sqrt()))
}

fn log_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(IntVal::Big(b)) = int_of(v) {
        if b.is_positive() {
            // log of huge ints without overflowing to float.
            let bits = b.bits() as i64;
            let shift = (bits - 60).max(0);
            let top = (&b >> shift as usize).to_f64().unwrap_or(f64::INFINITY);
            return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
        }
        return Err(domain(vm));
    }
    let x = arg_f64(vm, v)?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(x.ln())
}

fn log(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    if !(1..=2).contains(&args.len()) {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let l = log_of(vm, args[0])?;
    if args.len() == 2 {
        let b = log_of(vm, args[1])?;
        if b == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        return Ok(Value::from_f64(l / b));
    }
    Ok(Value::from_f64(l))
}
fn log10(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "log10", args, kw, 1, 1)?;
    if let Some(IntVal::Big(_)) = int_of(args[0]) {
        let l = log_of(vm, args[0])?;
        return Ok(Value::from_f64(l / std::f64::consts::LN_10));
    }
    let x = arg_f64(vm, args[0])?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::from_f64(x.log10()))
}
fn log2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "log2", args, kw, 1, 1)?;
    if let Some(IntVal::Big(_)) = int_of(args[0]) {
        let l = log_of(vm, args[0])?;
        return Ok(Value::from_f64(l / std::f64::consts::LN_2));
    }
    let x = arg_f64(vm, args[0])?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::from_f64(x.log2()))
}
fn log1p(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "log1p", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    if x <= -1.0 {
        return Err(domain(vm));
    }
    Ok(Value::from_f64(x.ln_1p()))
}

fn binary(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<(f64, f64)> {
    margs(vm, name, args, kw, 2, 2)?;
    Ok((arg_f64(vm, args[0])?, arg_f64(vm, args[1])?))
}
fn atan2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (y, x) = binary(vm, args, kw, "atan2")?;
    Ok(Value::from_f64(y.atan2(x)))
}
fn pow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (x, y) = binary(vm, args, kw, "pow")?;
    // CPython's math_pow gives IEEE specials (an infinite or NaN operand) their C99 values
    // (x.powf's); only finite**finite can be a domain error.
    let finite = x.is_finite() && y.is_finite();
    if finite && x == 0.0 && y < 0.0 {
        return Err(domain(vm));
    }
    if finite && x < 0.0 && y.fract() != 0.0 {
        return Err(domain(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::from_f64(r))
}
fn fmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (x, y) = binary(vm, args, kw, "fmod")?;
    let r = crate::rtlib::math_fns::fmod(x, y).map_err(|e| rt_err(vm, e))?;
    Ok(Value::from_f64(r))
}
fn copysign(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (x, y) = binary(vm, args, kw, "copysign")?;
    Ok(Value::from_f64(x.copysign(y)))
}
fn hypot(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_kw(vm, "hypot", kw)?;
    let mut acc = 0.0f64;
    for &a in args {
        let x = arg_f64(vm, a)?;
        acc = acc.hypot(x);
    }
    Ok(Value::from_f64(acc))
}
fn dist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "dist", args, kw, 2, 2)?;
    let p = riter::collect(vm, args[0])?;
    let q = riter::with_roots(vm, &p, |vm| riter::collect(vm, args[1]))?;
    // `__float__` may run Python code: both points stay rooted.
    let both: Vec<Value> = p.iter().chain(&q).copied().collect();
    riter::with_roots(vm, &both, |vm| dist_of(vm, &p, &q))
}

fn dist_of(vm: &mut Vm, p: &[Value], q: &[Value]) -> PyResult {
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut acc = 0.0f64;
    for (&a, &b) in p.iter().zip(q) {
        let d = arg_f64(vm, a)? - arg_f64(vm, b)?;
        acc = acc.hypot(d);
    }
    Ok(Value::from_f64(acc))
}

fn to_int_rounded(vm: &mut Vm, v: Value, f: fn(f64) -> f64, dunder: &str) -> PyResult {
    if let Some(i) = int_of(v) {
        return Ok(num::new_int(vm, i));
    }
    if !v.is_float() {
        if let Some(m) = lookup_type_str(vm, vm.type_of(v), dunder) {
            return call_method_value(vm, m, v, &[]);
        }
    }
    let x = arg_f64(vm, v)?;
    crate::vm::types::int::int_from(vm, Value::from_f64(f(x)))
}
fn floor(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "floor", args, kw, 1, 1)?;
    to_int_rounded(vm, args[0], f64::floor, "__floor__")
}
fn ceil(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "ceil", args, kw, 1, 1)?;
    to_int_rounded(vm, args[0], f64::ceil, "__ceil__")
}
fn trunc(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "trunc", args, kw, 1, 1)?;
    to_int_rounded(vm, args[0], f64::trunc, "__trunc__")
}
fn isnan(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "isnan", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    Ok(vm.bool_val(x.is_nan()))
}
fn isinf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "isinf", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    Ok(vm.bool_val(x.is_infinite()))
}
fn isfinite(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "isfinite", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    Ok(vm.bool_val(x.is_finite()))
}
fn isclose(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // Argument Clinic: isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0), converted in order.
    let (pos, kws) = split_kw(args, kw);
    let names = ["a", "b", "rel_tol", "abs_tol"];
    let bound = crate::vm::types::bind_named(vm, "isclose", pos, &kws, &names, 2, 2)?;
    let (a, b) = (
        arg_f64(vm, bound[0].unwrap())?,
        arg_f64(vm, bound[1].unwrap())?,
    );
    let rel = match bound[2] {
        Some(v) => arg_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match bound[3] {
        Some(v) => arg_f64(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(vm.true_);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(vm.false_);
    }
    let d = (b - a).abs();
    let r = d <= (rel * b).abs() || d <= (rel * a).abs() || d <= abs_tol;
    Ok(vm.bool_val(r))
}

/// An integer argument: an int, or an object with `__index__` (PyNumber_Index).
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(i) = crate::vm::types::subclass::int_arg(v) {
        return Ok(i.to_big());
    }
    match crate::vm::runtime::num::index_value(vm, v)? {
        Some(i) => Ok(i.to_big()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}
fn gcd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_kw(vm, "gcd", kw)?;
    let mut g = BigInt::zero();
    for &a in args {
        let x = int_arg(vm, a)?;
        g = g.gcd(&x);
    }
    Ok(vm.new_bigint(g))
}
fn lcm(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_kw(vm, "lcm", kw)?;
    // Every argument is converted (CPython keeps checking after a zero).
    let mut l = BigInt::from(1);
    for &a in args {
        let x = int_arg(vm, a)?;
        if l.is_zero() {
            continue;
        }
        if x.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    Ok(vm.new_bigint(l))
}
fn factorial(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "factorial", args, kw, 1, 1)?;
    if args[0].is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, args[0])?;
    let r = crate::rtlib::math_int::factorial(&n).map_err(|e| rt_err(vm, e))?;
    Ok(vm.new_bigint(r))
}
fn comb(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "comb", args, kw, 2, 2)?;
    let n = int_arg(vm, args[0])?;
    let k = int_arg(vm, args[1])?;
    let r = crate::rtlib::math_int::comb(&n, &k).map_err(|e| rt_err(vm, e))?;
    Ok(vm.new_bigint(r))
}
fn perm(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "perm", args, kw, 1, 2)?;
    let n = int_arg(vm, args[0])?;
    let k = if args.len() > 1 && args[1] != vm.none {
        Some(int_arg(vm, args[1])?)
    } else {
        None
    };
    let r = crate::rtlib::math_int::perm(&n, k.as_ref()).map_err(|e| rt_err(vm, e))?;
    Ok(vm.new_bigint(r))
}
fn isqrt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "isqrt", args, kw, 1, 1)?;
    let n = int_arg(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}
fn prod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // Argument Clinic: prod(iterable, /, *, start=1).
    let (pos, kws) = split_kw(args, kw);
    let bound =
        crate::vm::types::bind_clinic(vm, "prod", pos, &kws, &["iterable", "start"], 1, 1, 1)?;
    let start = bound[1].unwrap_or(Value::try_from_i64(1).unwrap());
    let pos = [bound[0].unwrap()];
    let items = riter::collect(vm, pos[0])?;
    // `__mul__` may run Python code: the items and the running product stay rooted.
    riter::with_roots(vm, &items, |vm| {
        let slot = vm.roots.len();
        vm.roots.push(start);
        let mut acc = start;
        for &x in &items {
            acc = crate::vm::runtime::ops::binary_op(
                vm,
                crate::bytecode::opcode::nb::MULTIPLY,
                acc,
                x,
            )?;
            vm.roots[slot] = acc;
        }
        Ok(acc)
    })
}
/// Shewchuk's exact summation, as CPython's math.fsum.
fn fsum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "fsum", args, kw, 1, 1)?;
    let items = riter::collect(vm, args[0])?;
    // `__float__` may run Python code: the items stay rooted.
    riter::with_roots(vm, &items, |vm| fsum_of(vm, &items))
}

fn fsum_of(vm: &mut Vm, items: &[Value]) -> PyResult {
    let mut partials: Vec<f64> = Vec::new();
    for &it in items {
        let mut x = arg_f64(vm, it)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::from_f64(hi))
}
fn modf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "modf", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    let (f, i) = crate::rtlib::math_fns::modf(x);
    Ok(vm.new_tuple(vec![Value::from_f64(f), Value::from_f64(i)]))
}
fn frexp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "frexp", args, kw, 1, 1)?;
    let x = arg_f64(vm, args[0])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(vm.new_tuple(vec![Value::from_f64(x), Value::try_from_i64(0).unwrap()]));
    }
    let mut e = x.abs().log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(vm.new_tuple(vec![
        Value::from_f64(m),
        Value::try_from_i64(e as i64).unwrap(),
    ]))
}
fn ldexp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs(vm, "ldexp", args, kw, 2, 2)?;
    let x = arg_f64(vm, args[0])?;
    // An int only (no __index__), as CPython's ldexp takes it.
    let Some(e) = crate::vm::types::subclass::int_arg(args[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let r = crate::rtlib::math_fns::ldexp(x, &e.to_big()).map_err(|e| rt_err(vm, e))?;
    Ok(Value::from_f64(r))
}
