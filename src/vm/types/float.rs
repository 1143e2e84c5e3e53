//! float: constructor and methods.

use super::{add_method, add_static, nargs};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::num::{self, int_of};
use crate::vm::runtime::repr;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.float;
    add_method(vm, t, "is_integer", is_integer);
    add_method(vm, t, "as_integer_ratio", as_integer_ratio);
    add_method(vm, t, "conjugate", conjugate);
    add_method(vm, t, "hex", hex);
    add_static(vm, t, "fromhex", fromhex, true);
    add_static(vm, t, "__getformat__", getformat, true);
    add_method(vm, t, "__format__", format);
    add_static(vm, t, "__new__", new, false);
}

fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, new)? {
        return Ok(r);
    }
    nargs(vm, "float", args, kw, 1, 0, 1)?;
    if args.len() == 1 {
        return Ok(Value::from_f64(0.0));
    }
    float_from(vm, args[1])
}

pub fn float_from(vm: &mut Vm, x: Value) -> PyResult {
    if x.is_float() {
        return Ok(x);
    }
    if int_of(x).is_some() {
        let f = num::float_of(vm, x)?.unwrap();
        return Ok(Value::from_f64(f));
    }
    if let Some(s) = as_str(x) {
        let st = s.s.to_string();
        return match crate::rtlib::numparse::parse_float(&st) {
            Ok(f) => Ok(Value::from_f64(f)),
            Err(e) => Err(repr::rt_err(vm, e)),
        };
    }
    if let Some(b) = as_bytes(x) {
        return float_from_buffer(vm, x, b);
    }
    let t = vm.type_of(x);
    if let Some(f) = lookup_type_str(vm, t, "__float__") {
        if as_builtin(f).is_none() {
            let r = call_method_value(vm, f, x, &[])?;
            return checked_float_result(vm, x, r);
        }
    }
    // An instance of a subclass of a text, buffer or number built-in converts as the value
    // it wraps; any other is named by its own type below.
    if let Some(b) = super::subclass::convertible_base(x) {
        return float_from(vm, b);
    }
    // Another buffer (memoryview, array.array): its bytes as a literal.
    if let Some(b) = super::memoryview::buffer_bytes(x) {
        return float_from_buffer(vm, x, &b.to_vec());
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{tn}'"
    )))
}

/// What `x.__float__()` returned, checked as PyNumber_Float checks it: a float, or (with a
/// DeprecationWarning) an instance of a float subclass, taken as its value.
fn checked_float_result(vm: &mut Vm, x: Value, r: Value) -> PyResult {
    if r.is_float() {
        return Ok(r);
    }
    let (xn, rn) = (vm.type_name(x), vm.type_name(r));
    let Some(v) = super::subclass::base_value(r).filter(|b| b.is_float()) else {
        return Err(vm.type_error(format!("{xn}.__float__ returned non-float (type {rn})")));
    };
    let msg = format!(
        "{xn}.__float__ returned non-float (type {rn}).  The ability to return an instance of \
         a strict subclass of float is deprecated, and may be removed in a future version of \
         Python."
    );
    crate::vm::modules::warn(vm, "DeprecationWarning", msg)?;
    Ok(v)
}

/// `float(x)` of the bytes of buffer `x`, as an ASCII literal; the error shows `x`'s repr.
fn float_from_buffer(vm: &mut Vm, x: Value, b: &[u8]) -> PyResult {
    let parsed = std::str::from_utf8(b)
        .ok()
        .filter(|s| s.is_ascii())
        .and_then(|s| crate::rtlib::numparse::parse_float(s).ok());
    match parsed {
        Some(f) => Ok(Value::from_f64(f)),
        None => {
            let r = repr::repr_string(vm, x)?;
            Err(vm.value_error(format!("could not convert string to float: {r}")))
        }
    }
}

fn is_integer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "float.is_integer", args, kw, 1, 0, 0)?;
    let f = args[0].as_f64();
    Ok(vm.bool_val(f.is_finite() && f.fract() == 0.0))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "float.as_integer_ratio", args, kw, 1, 0, 0)?;
    let (n, d) = crate::rtlib::floatops::as_integer_ratio(args[0].as_f64())
        .map_err(|e| repr::rt_err(vm, e))?;
    let nv = vm.new_bigint(n);
    let dv = vm.new_bigint(d);
    Ok(vm.new_tuple(vec![nv, dv]))
}

fn conjugate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "float.conjugate", args, kw, 1, 0, 0)?;
    Ok(args[0])
}

fn format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__format__", args, kw, 1, 1, 1)?;
    repr::format(vm, args[0], args[1])
}

fn hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "float.hex", args, kw, 1, 0, 0)?;
    Ok(vm.new_str_owned(crate::rtlib::floatops::float_hex(args[0].as_f64())))
}

/// `float.__getformat__(typestr)`: how C doubles and floats are stored (test.support reads it).
fn getformat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "float.__getformat__", args, kw, 1, 1, 1)?;
    let Some(s) = as_str(super::subclass::base_value(args[1]).unwrap_or(args[1])) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("__getformat__() argument must be str, not {tn}")));
    };
    if &*s.s != "double" && &*s.s != "float" {
        return Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    Ok(vm.new_str(if cfg!(target_endian = "little") {
        "IEEE, little-endian"
    } else {
        "IEEE, big-endian"
    }))
}

fn fromhex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "float.fromhex", args, kw, 1, 1, 1)?;
    // A str or an instance of a str subclass (its value).
    let arg = super::subclass::base_value(args[1]).unwrap_or(args[1]);
    let Some(s) = as_str(arg) else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    match crate::rtlib::floatops::float_fromhex(&s.s) {
        Ok(f) => Ok(Value::from_f64(f)),
        Err(e) => Err(repr::rt_err(vm, e)),
    }
}
