//! complex: the heap type, its constructor (numbers and strings), methods, and the arithmetic,
//! comparison, hashing and formatting the generic runtime dispatches to when an operand is
//! complex. The number algorithms themselves are CPython's, in `rtlib::complexops`.

use super::{add_method, add_static, split_kw};
use crate::bytecode::opcode::{cmp, nb, Opcode};
use crate::rtlib::complexops::{c_abs, c_div, c_pow, c_prod, Complex};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::num::{self, int_of};
use crate::vm::runtime::repr::rt_err;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.complex;
    add_method(vm, t, "conjugate", conjugate);
    add_method(vm, t, "__format__", format_method);
    add_method(vm, t, "__complex__", complex_method);
    add_static(vm, t, "__new__", new, false);
}

pub fn new_complex(vm: &mut Vm, real: f64, imag: f64) -> Value {
    let ty = vm.t.complex;
    vm.heap.alloc(ty, ComplexData { real, imag })
}

#[inline]
pub fn is_complex(v: Value) -> bool {
    as_complex(v).is_some()
}

/// The parts of a complex, int, bool or float; None for anything else (OverflowError for ints
/// too large for a float).
pub fn parts_of(vm: &mut Vm, v: Value) -> PyResult<Option<Complex>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some((c.real, c.imag)));
    }
    Ok(num::float_of(vm, v)?.map(|f| (f, 0.0)))
}

fn new_from(vm: &mut Vm, c: Complex) -> Value {
    new_complex(vm, c.0, c.1)
}

/// `a <op> b` when one operand is complex; None when the other operand is not a number or the
/// operator is not defined for complex numbers.
pub fn binop(vm: &mut Vm, base: u32, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !matches!(
        base,
        nb::ADD | nb::SUBTRACT | nb::MULTIPLY | nb::TRUE_DIVIDE | nb::POWER
    ) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (parts_of(vm, a)?, parts_of(vm, b)?) else {
        return Ok(None);
    };
    let r = match base {
        nb::ADD => (x.0 + y.0, x.1 + y.1),
        nb::SUBTRACT => (x.0 - y.0, x.1 - y.1),
        nb::MULTIPLY => c_prod(x, y),
        nb::TRUE_DIVIDE => c_div(x, y).map_err(|e| rt_err(vm, e))?,
        _ => c_pow(x, y).map_err(|e| rt_err(vm, e))?,
    };
    Ok(Some(new_from(vm, r)))
}

/// `x ** y` for floats with a negative base and a non-integral exponent: CPython hands these to
/// complex power.
pub fn float_pow_complex(vm: &mut Vm, x: f64, y: f64) -> PyResult {
    let r = c_pow((x, 0.0), (y, 0.0)).map_err(|e| rt_err(vm, e))?;
    Ok(new_from(vm, r))
}

/// Unary -, + of a complex.
pub fn unary(vm: &mut Vm, op: Opcode, v: Value) -> Option<Value> {
    let c = as_complex(v)?;
    let (re, im) = (c.real, c.imag);
    match op {
        Opcode::UNARY_NEGATIVE => Some(new_complex(vm, -re, -im)),
        Opcode::UNARY_POSITIVE => Some(new_complex(vm, re, im)),
        _ => None,
    }
}

/// `abs(z)`.
pub fn abs(vm: &mut Vm, v: Value) -> Option<PyResult> {
    let c = as_complex(v)?;
    let z = (c.real, c.imag);
    Some(c_abs(z).map(Value::from_f64).map_err(|e| rt_err(vm, e)))
}

/// `==` / `!=` with a complex operand; None (not comparable natively) for ordering and
/// non-numbers.
pub fn compare(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<bool>> {
    if op != cmp::EQ && op != cmp::NE {
        return Ok(None);
    }
    let (z, other) = match (as_complex(a), as_complex(b)) {
        (Some(c), _) => ((c.real, c.imag), b),
        (None, Some(c)) => ((c.real, c.imag), a),
        _ => return Ok(None),
    };
    let eq = if let Some(w) = as_complex(other) {
        z.0 == w.real && z.1 == w.imag
    } else if other.is_float() {
        z.1 == 0.0 && z.0 == other.as_f64()
    } else if let Some(i) = int_of(other) {
        // Exact int comparison of the real part, as CPython does.
        z.1 == 0.0 && num::int_float_cmp(&i, z.0) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(None);
    };
    let _ = vm;
    Ok(Some(eq == (op == cmp::EQ)))
}

pub fn hash(v: Value) -> u64 {
    let c = as_complex(v).unwrap();
    let addr = v.0 as usize;
    let hr = crate::rtlib::hash::hash_f64(c.real, addr);
    let hi = crate::rtlib::hash::hash_f64(c.imag, addr);
    crate::rtlib::hash::hash_complex(hr, hi) as u64
}

pub fn truthy(v: Value) -> bool {
    let c = as_complex(v).unwrap();
    c.real != 0.0 || c.imag != 0.0
}

pub fn repr_string(v: Value) -> String {
    let c = as_complex(v).unwrap();
    crate::rtlib::float_repr::repr_complex(c.real, c.imag)
}

/// `format(z, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: &str) -> PyResult {
    let c = as_complex(v).unwrap();
    let (re, im) = (c.real, c.imag);
    let tn = vm.type_name(v);
    match crate::rtlib::format_spec::format_complex(re, im, spec, &tn) {
        Ok(s) => Ok(vm.new_str_owned(s)),
        Err(e) => Err(rt_err(vm, e)),
    }
}

/// The `real` / `imag` attributes.
pub fn special_attr(v: Value, name: &str) -> Option<Value> {
    let c = as_complex(v)?;
    match name {
        "real" => Some(Value::from_f64(c.real)),
        "imag" => Some(Value::from_f64(c.imag)),
        _ => None,
    }
}

fn self_parts(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    n: usize,
) -> PyResult<Complex> {
    super::nargs(vm, &format!("complex.{name}"), args, kw, 1, n, n)?;
    match as_complex(args[0]) {
        Some(c) => Ok((c.real, c.imag)),
        None => {
            let tn = vm.type_name(args[0]);
            Err(vm.type_error(format!(
                "descriptor '{name}' requires a 'complex' object but received a '{tn}'"
            )))
        }
    }
}

fn conjugate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (re, im) = self_parts(vm, "conjugate", args, kw, 0)?;
    Ok(new_complex(vm, re, -im))
}

fn complex_method(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (re, im) = self_parts(vm, "__complex__", args, kw, 0)?;
    Ok(new_complex(vm, re, im))
}

fn format_method(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    self_parts(vm, "__format__", args, kw, 1)?;
    let Some(s) = as_str(args[1]) else {
        let tn = vm.arg_type_name(args[1]);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    };
    let spec = s.s.to_string();
    format(vm, args[0], &spec)
}

/// `complex(real=0, imag=0)` / `complex(string)` (CPython's `complex_new_impl`).
fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, new)? {
        return Ok(r);
    }
    // Argument Clinic: complex(real=0, imag=0), bound as _PyArg_UnpackKeywords does.
    let (pos, kws) = split_kw(args, kw);
    let b = super::bind_named(vm, "complex", &pos[1..], &kws, &["real", "imag"], 2, 0)?;
    let (r, i) = (b[0], b[1]);
    let r = match (r, i) {
        (Some(r), _) => r,
        (None, None) => return Ok(new_complex(vm, 0.0, 0.0)),
        (None, Some(_)) => Value::try_from_i64(0).unwrap(),
    };
    // A str subclass is parsed as its string (PyUnicode_Check), before any `__complex__`.
    let r_str = super::subclass::base_value(r).unwrap_or(r);
    if let Some(s) = as_str(r_str) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let text = s.s.to_string();
        return match parse(&text) {
            Ok((re, im)) => Ok(new_complex(vm, re, im)),
            Err(ParseError::Malformed) => {
                Err(vm.value_error("complex() arg is a malformed string"))
            }
            Err(ParseError::Underscore) => {
                let rs = crate::rtlib::strmethods::repr_str(&text);
                Err(vm.value_error(format!("could not convert string to complex: {rs}")))
            }
        };
    }
    if let Some(iv) = i {
        if as_str(super::subclass::base_value(iv).unwrap_or(iv)).is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    // An exact complex with no imaginary argument is returned as is.
    if i.is_none() && obj_is_exact_complex(vm, r) {
        return Ok(r);
    }
    let (cr, cr_is_complex) = match to_complex_arg(vm, r)? {
        Some(c) => c,
        None => {
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!(
                "complex() first argument must be a string or a number, not '{tn}'"
            )));
        }
    };
    let (mut ci, ci_is_complex) = match i {
        None => ((cr.1, 0.0), false),
        Some(iv) => match to_complex_arg(vm, iv)? {
            Some(c) => c,
            None => {
                let tn = vm.type_name(iv);
                return Err(vm.type_error(format!(
                    "complex() second argument must be a number, not '{tn}'"
                )));
            }
        },
    };
    let mut real = cr.0;
    if ci_is_complex {
        real -= ci.1;
    }
    if cr_is_complex && i.is_some() {
        ci.0 += cr.1;
    }
    Ok(new_complex(vm, real, ci.0))
}

fn obj_is_exact_complex(vm: &Vm, v: Value) -> bool {
    v.is_ptr() && obj_type(v) == vm.t.complex
}

/// A constructor argument as (value, is_complex): complex, int, float, or an object with
/// `__complex__` / `__float__` / `__index__`.
fn to_complex_arg(vm: &mut Vm, v: Value) -> PyResult<Option<(Complex, bool)>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(((c.real, c.imag), true)));
    }
    if let Some(f) = num::float_of(vm, v)? {
        return Ok(Some(((f, 0.0), false)));
    }
    if v.is_ptr() && layout_of(v) == Layout::Instance {
        let t = obj_type(v);
        if let Some(f) = lookup_type_str(vm, t, "__complex__") {
            let r = call_method_value(vm, f, v, &[])?;
            return match as_complex(r) {
                Some(c) => Ok(Some(((c.real, c.imag), true))),
                None => {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})")))
                }
            };
        }
        if lookup_type_str(vm, t, "__float__").is_some()
            || lookup_type_str(vm, t, "__index__").is_some()
        {
            let f = super::float::float_from(vm, v)?;
            return Ok(Some(((f.as_f64(), 0.0), false)));
        }
    }
    Ok(None)
}

#[derive(Debug, PartialEq)]
enum ParseError {
    Malformed,
    Underscore,
}

/// Parses `complex(string)` (CPython's `complex_from_string_inner`, after
/// `_Py_string_to_number_with_underscores`).
fn parse(text: &str) -> Result<Complex, ParseError> {
    // Unicode white space and decimal digits count as their ASCII forms; any other non-ASCII
    // character makes the string malformed.
    let mut s: Vec<u8> = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            s.push(c as u8);
        } else if crate::rtlib::unicode::is_space(c) {
            s.push(b' ');
        } else if let Some(d) = crate::rtlib::unicode::decimal_value(c) {
            s.push(b'0' + d as u8);
        } else {
            s.push(b'?');
        }
    }
    if s.contains(&b'_') {
        let mut out = Vec::with_capacity(s.len());
        let mut prev = 0u8;
        for &c in &s {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(ParseError::Underscore);
                }
            } else {
                out.push(c);
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(ParseError::Underscore);
                }
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(ParseError::Underscore);
        }
        s = out;
    }
    let err = ParseError::Malformed;
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut p = 0;
    let at = |p: usize| s.get(p).copied().unwrap_or(0);
    while is_space(at(p)) {
        p += 1;
    }
    let mut got_bracket = false;
    if at(p) == b'(' {
        got_bracket = true;
        p += 1;
        while is_space(at(p)) {
            p += 1;
        }
    }
    let (x, y);
    let (z, n) = float_prefix(&s[p..]);
    if n > 0 {
        p += n;
        if at(p) == b'+' || at(p) == b'-' {
            x = z;
            let (w, m) = float_prefix(&s[p..]);
            if m > 0 {
                y = w;
                p += m;
            } else {
                y = if at(p) == b'+' { 1.0 } else { -1.0 };
                p += 1;
            }
            if !matches!(at(p), b'j' | b'J') {
                return Err(err);
            }
            p += 1;
        } else if matches!(at(p), b'j' | b'J') {
            p += 1;
            x = 0.0;
            y = z;
        } else {
            x = z;
            y = 0.0;
        }
    } else {
        y = match at(p) {
            b'+' => {
                p += 1;
                1.0
            }
            b'-' => {
                p += 1;
                -1.0
            }
            _ => 1.0,
        };
        x = 0.0;
        if !matches!(at(p), b'j' | b'J') {
            return Err(err);
        }
        p += 1;
    }
    while is_space(at(p)) {
        p += 1;
    }
    if got_bracket {
        if at(p) != b')' {
            return Err(err);
        }
        p += 1;
        while is_space(at(p)) {
            p += 1;
        }
    }
    if p != s.len() {
        return Err(err);
    }
    Ok((x, y))
}

/// The longest prefix of `s` that is a float (`PyOS_string_to_double` with an end pointer):
/// its value and length (0 when there is none). Overflow gives an infinity, as there.
fn float_prefix(s: &[u8]) -> (f64, usize) {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest
        .iter()
        .take(8)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let neg = s.first() == Some(&b'-');
    let sign = if neg { -1.0 } else { 1.0 };
    if lower.starts_with(b"infinity") {
        return (sign * f64::INFINITY, i + 8);
    }
    if lower.starts_with(b"inf") {
        return (sign * f64::INFINITY, i + 3);
    }
    if lower.starts_with(b"nan") {
        return (f64::NAN, i + 3);
    }
    let mut j = i;
    let mut digits = 0;
    while s.get(j).is_some_and(u8::is_ascii_digit) {
        j += 1;
        digits += 1;
    }
    if s.get(j) == Some(&b'.') {
        j += 1;
        while s.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return (0.0, 0);
    }
    if matches!(s.get(j), Some(b'e' | b'E')) {
        let mut k = j + 1;
        if matches!(s.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        if s.get(k).is_some_and(u8::is_ascii_digit) {
            while s.get(k).is_some_and(u8::is_ascii_digit) {
                k += 1;
            }
            j = k;
        }
    }
    // The slice is plain ASCII float syntax, which Rust parses correctly rounded.
    let t = std::str::from_utf8(&s[..j]).unwrap_or("0");
    (t.parse::<f64>().unwrap_or(0.0), j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cpython_forms() {
        assert_eq!(parse("1+2j"), Ok((1.0, 2.0)));
        assert_eq!(parse(" ( -1.5e3-j ) "), Ok((-1500.0, -1.0)));
        assert_eq!(parse("j"), Ok((0.0, 1.0)));
        assert_eq!(parse("-J"), Ok((0.0, -1.0)));
        assert_eq!(parse("3"), Ok((3.0, 0.0)));
        assert_eq!(parse("2.5j"), Ok((0.0, 2.5)));
        assert_eq!(parse("1_0+2_0j"), Ok((10.0, 20.0)));
        assert_eq!(parse("1e+j"), Err(ParseError::Malformed));
        assert_eq!(parse(""), Err(ParseError::Malformed));
        assert_eq!(parse("1+2"), Err(ParseError::Malformed));
        assert_eq!(parse("(1+2j"), Err(ParseError::Malformed));
        assert_eq!(parse("1__0"), Err(ParseError::Underscore));
        let (re, im) = parse("-inf+nanj").unwrap();
        assert!(re == f64::NEG_INFINITY && im.is_nan());
    }
}
