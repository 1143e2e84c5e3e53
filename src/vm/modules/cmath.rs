//! The `cmath` module: argument conversion and errors here, the mathematics (CPython 3.11's
//! algorithms and special values) in `rtlib::cmath`.

use super::math::{arg_f64, margs_in};
use crate::rtlib::cmath::{self as cm, CErr, CResult};
use crate::rtlib::complexops::Complex;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::types::complex::{new_complex, parts_of};
use crate::vm::types::split_kw;
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("cmath");
    vm.roots.push(m);
    for (n, v) in super::math::CONSTANTS {
        super::set_attr(vm, m, n, Value::from_f64(v));
    }
    let infj = new_complex(vm, 0.0, f64::INFINITY);
    super::set_attr(vm, m, "infj", infj);
    let nanj = new_complex(vm, 0.0, f64::NAN);
    super::set_attr(vm, m, "nanj", nanj);
    let doc =
        vm.new_str("This module provides access to mathematical functions for complex\nnumbers.");
    super::set_attr(vm, m, "__doc__", doc);
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("log10", log10),
        ("cos", cos),
        ("sin", sin),
        ("tan", tan),
        ("acos", acos),
        ("asin", asin),
        ("atan", atan),
        ("cosh", cosh),
        ("sinh", sinh),
        ("tanh", tanh),
        ("acosh", acosh),
        ("asinh", asinh),
        ("atanh", atanh),
        ("log", log),
        ("phase", phase),
        ("polar", polar),
        ("rect", rect),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
    ];
    for &(n, f) in fns {
        super::def(vm, m, n, f);
    }
    vm.roots.pop();
    Ok(m)
}

/// A complex argument: a complex, an int or float, an object with `__complex__`, else one
/// with `__float__`/`__index__` ("must be real number, not str").
fn z_arg(vm: &mut Vm, v: Value) -> PyResult<Complex> {
    if let Some(z) = parts_of(vm, v)? {
        return Ok(z);
    }
    if let Some(f) = lookup_type_str(vm, vm.type_of(v), "__complex__") {
        let r = call_method_value(vm, f, v, &[])?;
        return match as_complex(r) {
            Some(c) => Ok((c.real, c.imag)),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})")))
            }
        };
    }
    Ok((real_arg(vm, v)?, 0.0))
}

/// A float argument as PyFloat_AsDouble takes it: `__float__`, else `__index__`.
fn real_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if lookup_type_str(vm, vm.type_of(v), "__float__").is_none() {
        if let Some(f) = lookup_type_str(vm, vm.type_of(v), "__index__") {
            let i = call_method_value(vm, f, v, &[])?;
            if let Some(x) = crate::vm::runtime::num::float_of(vm, i)? {
                return Ok(x);
            }
        }
    }
    arg_f64(vm, v)
}

fn result(vm: &mut Vm, r: CResult) -> PyResult {
    match r {
        Ok(z) => Ok(new_complex(vm, z.0, z.1)),
        Err(e) => Err(math_error(vm, e)),
    }
}

fn math_error(vm: &mut Vm, e: CErr) -> Value {
    match e {
        CErr::Dom => vm.value_error("math domain error"),
        CErr::Range => vm.overflow_error("math range error"),
    }
}

fn one(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Complex> {
    margs_in(vm, "cmath", name, args, kw, 1, 1)?;
    z_arg(vm, args[0])
}

macro_rules! unary {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
            let z = one(vm, stringify!($name), args, kw)?;
            result(vm, cm::$name(z))
        }
    )*};
}
unary!(sqrt, exp, log10, cos, sin, tan, acos, asin, atan, cosh, sinh, tanh, acosh, asinh, atanh);

/// `log(z[, base])`.
fn log(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs_in(vm, "cmath", "log", args, kw, 1, 2)?;
    let z = z_arg(vm, args[0])?;
    let base = match args.get(1) {
        Some(&b) => Some(z_arg(vm, b)?),
        None => None,
    };
    result(vm, cm::log(z, base))
}

fn phase(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let z = one(vm, "phase", args, kw)?;
    match cm::phase(z) {
        Ok(p) => Ok(Value::from_f64(p)),
        Err(e) => Err(math_error(vm, e)),
    }
}

/// `polar(z)`: (abs(z), phase(z)); OverflowError when abs overflows.
fn polar(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let z = one(vm, "polar", args, kw)?;
    // As CPython: abs() runs after atan2 and decides the error alone.
    let phi = cm::c_atan2(z);
    let r = match crate::rtlib::complexops::c_abs(z) {
        Ok(r) => r,
        Err(_) => return Err(math_error(vm, CErr::Range)),
    };
    Ok(vm.new_tuple(vec![Value::from_f64(r), Value::from_f64(phi)]))
}

fn rect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    margs_in(vm, "cmath", "rect", args, kw, 2, 2)?;
    let r = real_arg(vm, args[0])?;
    let phi = real_arg(vm, args[1])?;
    result(vm, cm::rect(r, phi))
}

fn predicate(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: fn(f64) -> bool,
    both: bool,
) -> PyResult {
    let z = one(vm, name, args, kw)?;
    let r = if both {
        f(z.0) && f(z.1)
    } else {
        f(z.0) || f(z.1)
    };
    Ok(vm.bool_val(r))
}

fn isfinite(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    predicate(vm, "isfinite", args, kw, f64::is_finite, true)
}
fn isinf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    predicate(vm, "isinf", args, kw, f64::is_infinite, false)
}
fn isnan(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    predicate(vm, "isnan", args, kw, f64::is_nan, false)
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() > 2 {
        let n = pos.len();
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({n} given)"
        )));
    }
    let mut ab: [Option<Value>; 2] = [pos.first().copied(), pos.get(1).copied()];
    let mut rel = 1e-9;
    let mut abs_tol = 0.0;
    for (k, v) in kws {
        match k {
            "a" | "b" => {
                let i = usize::from(k == "b");
                if ab[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for isclose() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                ab[i] = Some(v);
            }
            "rel_tol" => rel = real_arg(vm, v)?,
            "abs_tol" => abs_tol = real_arg(vm, v)?,
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for isclose()"
                )))
            }
        }
    }
    let (Some(a), Some(b)) = (ab[0], ab[1]) else {
        let (n, p) = if ab[0].is_none() { ("a", 1) } else { ("b", 2) };
        return Err(vm.type_error(format!(
            "isclose() missing required argument '{n}' (pos {p})"
        )));
    };
    let (a, b) = (z_arg(vm, a)?, z_arg(vm, b)?);
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    Ok(vm.bool_val(cm::isclose(a, b, rel, abs_tol)))
}
