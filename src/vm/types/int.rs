//! int and bool: constructors and methods.

use num_bigint::BigInt;
use num_traits::Signed;

use super::{add_method, add_static, nargs, split_kw};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::num::{int_of, new_int, IntVal};
use crate::vm::runtime::{compare, repr};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.int;
    add_method(vm, t, "bit_length", bit_length);
    add_method(vm, t, "bit_count", bit_count);
    add_method(vm, t, "conjugate", conjugate);
    add_method(vm, t, "as_integer_ratio", as_integer_ratio);
    add_method(vm, t, "__index__", conjugate);
    add_method(vm, t, "__int__", conjugate);
    add_method(vm, t, "__format__", format);
    add_method(vm, t, "to_bytes", to_bytes);
    add_static(vm, t, "from_bytes", from_bytes, true);
    add_static(vm, t, "__new__", new, false);
    let b = vm.t.bool_;
    add_static(vm, b, "__new__", bool_new, false);
}

fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, new)? {
        return Ok(r);
    }
    // Argument Clinic: int(x=0, /, base=10), bound as _PyArg_UnpackKeywords does (the total
    // count is checked before any keyword name).
    let (pos, kws) = split_kw(args, kw);
    let b = super::bind_clinic(vm, "int", &pos[1..], &kws, &["x", "base"], 1, 2, 0)?;
    let (mut x, base_v) = (b[0], b[1]);
    let Some(x) = x.take() else {
        if base_v.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::try_from_i64(0).unwrap());
    };
    if let Some(bv) = base_v {
        // A base out of the machine range is out of range too (not a TypeError).
        let b = match super::subclass::int_arg(bv).map(|i| match i {
            IntVal::Small(b) => b,
            IntVal::Big(_) => -1,
        }) {
            Some(b) => b,
            None => {
                let tn = vm.type_name(bv);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let x = super::subclass::base_value(x).unwrap_or(x);
        if as_bytes(x).is_some() {
            return int_from_bytes_literal(vm, x, b as u32);
        }
        let Some(s) = as_str(x) else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        let st = s.s.to_string();
        return match crate::rtlib::numparse::parse_int(&st, b as u32) {
            Ok(v) => Ok(vm.new_bigint(v)),
            Err(e) => Err(repr::rt_err(vm, e)),
        };
    }
    int_from(vm, x)
}

/// `int(b)` for bytes/bytearray: the bytes as an ASCII literal; errors show the object's repr.
fn int_from_bytes_literal(vm: &mut Vm, x: Value, base: u32) -> PyResult {
    int_from_buffer(vm, as_bytes(x).unwrap(), base)
}

/// `int(b)` of a buffer's bytes (errors show them as bytes, as CPython's copy shows them).
fn int_from_buffer(vm: &mut Vm, b: &[u8], base: u32) -> PyResult {
    let parsed = std::str::from_utf8(b)
        .ok()
        .filter(|s| s.is_ascii())
        .map(|s| crate::rtlib::numparse::parse_int(s, base));
    match parsed {
        Some(Ok(v)) => Ok(vm.new_bigint(v)),
        // The digit limit (sys.set_int_max_str_digits) says so itself.
        Some(Err(e)) if e.msg.starts_with("Exceeds the limit") => Err(repr::rt_err(vm, e)),
        _ => {
            // bytearray is shown as the bytes it holds, as CPython does.
            let r = repr::bytes_repr(b);
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// `int(x)` for one argument.
pub fn int_from(vm: &mut Vm, x: Value) -> PyResult {
    if let Some(i) = int_of(x) {
        return Ok(new_int(vm, i));
    }
    if x.is_float() {
        let f = x.as_f64();
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        let t = f.trunc();
        if t.abs() < 9e15 {
            return Ok(vm.new_int(t as i64));
        }
        use num_traits::FromPrimitive;
        return Ok(vm.new_bigint(BigInt::from_f64(t).unwrap_or_default()));
    }
    if let Some(s) = as_str(x) {
        let st = s.s.to_string();
        return match crate::rtlib::numparse::parse_int(&st, 10) {
            Ok(v) => Ok(vm.new_bigint(v)),
            Err(e) => Err(repr::rt_err(vm, e)),
        };
    }
    if as_bytes(x).is_some() {
        return int_from_bytes_literal(vm, x, 10);
    }
    let t = vm.type_of(x);
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(f) = lookup_type_str(vm, t, name) {
            if as_builtin(f).is_none() {
                return call_method_value(vm, f, x, &[]);
            }
        }
    }
    // An instance of a subclass of a text, buffer or number built-in converts as the value
    // it wraps; any other is named by its own type below.
    if let Some(b) = super::subclass::convertible_base(x) {
        return int_from(vm, b);
    }
    // Another buffer (memoryview, array.array): its bytes as a literal.
    if let Some(b) = super::memoryview::buffer_bytes(x) {
        return int_from_buffer(vm, &b.to_vec(), 10);
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
    )))
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "bool", args, kw, 1, 0, 1)?;
    if args.len() == 1 {
        return Ok(vm.false_);
    }
    let t = compare::truthy(vm, args[1])?;
    Ok(vm.bool_val(t))
}

fn bit_length(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "int.bit_length", args, kw, 1, 0, 0)?;
    let n = match int_of(args[0]).unwrap() {
        IntVal::Small(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        IntVal::Big(b) => b.abs().bits(),
    };
    Ok(vm.new_int(n as i64))
}

fn bit_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "int.bit_count", args, kw, 1, 0, 0)?;
    let n = match int_of(args[0]).unwrap() {
        IntVal::Small(i) => i.unsigned_abs().count_ones() as u64,
        IntVal::Big(b) => b.magnitude().count_ones(),
    };
    Ok(vm.new_int(n as i64))
}

/// `(int(self), 1)`
fn as_integer_ratio(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "int.as_integer_ratio", args, kw, 1, 0, 0)?;
    let n = new_int(vm, int_of(args[0]).unwrap());
    let one = vm.new_int(1);
    Ok(vm.new_tuple(vec![n, one]))
}

fn conjugate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "int.conjugate", args, kw, 1, 0, 0)?;
    let i = int_of(args[0]).unwrap();
    Ok(new_int(vm, i))
}

fn format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__format__", args, kw, 1, 1, 1)?;
    repr::format(vm, args[0], args[1])
}

/// Arguments of to_bytes/from_bytes: (first, byteorder is big, signed), with CPython's checks.
fn bytes_conv_args(
    vm: &mut Vm,
    name: &str,
    first: &str,
    args: &[Value],
    kw: &[Value],
) -> PyResult<BytesConvArgs> {
    let (pos, kws) = split_kw(args, kw);
    // Argument Clinic's order: the total count, then the positional one.
    let (npos, total) = (pos.len() - 1, args.len() - 1);
    if total > 3 {
        let kwd = if npos == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "{name}() takes at most 3 {kwd}arguments ({total} given)"
        )));
    }
    if npos > 2 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 2 positional arguments ({npos} given)"
        )));
    }
    let mut x = pos.get(1).copied();
    let mut order = pos.get(2).copied();
    let mut signed = None;
    for (k, v) in kws {
        let slot = match k {
            _ if k == first => &mut x,
            "byteorder" => &mut order,
            "signed" => &mut signed,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        };
        if slot.is_some() {
            let p = if k == first { 1 } else { 2 };
            return Err(vm.type_error(format!(
                "argument for {name}() given by name ('{k}') and position ({p})"
            )));
        }
        *slot = Some(v);
    }
    // Argument Clinic's stage, in parameter order: to_bytes' length (Py_ssize_t), byteorder's
    // type, signed's truth; the impl then checks byteorder's value (`byteorder_is_big`).
    if first == "bytes" && x.is_none() {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    }
    let length = match (first == "length", x) {
        (true, Some(l)) => Some(crate::vm::runtime::num::index_c(vm, l, "ssize_t", |_| {
            true
        })?),
        _ => None,
    };
    let order = match order {
        None => None,
        Some(o) => {
            let s = super::subclass::base_value(o).unwrap_or(o);
            if as_str(s).is_none() {
                let tn = vm.type_name(o);
                return Err(vm.type_error(format!(
                    "{name}() argument 'byteorder' must be str, not {tn}"
                )));
            }
            Some(s)
        }
    };
    let signed = match signed {
        Some(v) => compare::truthy(vm, v)?,
        None => false,
    };
    Ok(BytesConvArgs {
        first: x,
        length,
        order,
        signed,
    })
}

/// `to_bytes`/`from_bytes` arguments after Argument Clinic's conversions.
struct BytesConvArgs {
    first: Option<Value>,
    /// to_bytes' length as a Py_ssize_t (its sign not yet checked).
    length: Option<i64>,
    /// byteorder, a str (its value not yet checked).
    order: Option<Value>,
    signed: bool,
}

/// The impl's byteorder check: big-endian (the default) or little.
fn byteorder_is_big(vm: &mut Vm, order: Option<Value>) -> PyResult<bool> {
    match order.map(|o| &*as_str(o).unwrap().s) {
        None | Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn to_bytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let a = bytes_conv_args(vm, "to_bytes", "length", args, kw)?;
    let (big, signed) = (byteorder_is_big(vm, a.order)?, a.signed);
    let n = match a.length {
        None => 1,
        Some(l) if l < 0 => return Err(vm.value_error("length argument must be non-negative")),
        Some(l) => l as usize,
    };
    let v = int_of(args[0]).unwrap().to_big();
    if !signed && v.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    // The minimal encoding: zero needs no bytes.
    let mut bytes = if v.sign() == num_bigint::Sign::NoSign {
        Vec::new()
    } else if signed {
        v.to_signed_bytes_le()
    } else {
        v.to_bytes_le().1
    };
    if bytes.len() > n {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    bytes.resize(n, fill);
    if big {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod).
fn from_bytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let a = bytes_conv_args(vm, "from_bytes", "bytes", args, kw)?;
    let (big, signed) = (byteorder_is_big(vm, a.order)?, a.signed);
    let Some(data) = a.first else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let mut b: Vec<u8> = match as_bytes(data) {
        Some(b) => b.clone(),
        None => {
            if as_str(data).is_some() || crate::vm::runtime::iter::get_iter(vm, data).is_err() {
                let tn = vm.type_name(data);
                return Err(vm.type_error(format!("cannot convert '{tn}' object to bytes")));
            }
            let items = crate::vm::runtime::iter::collect(vm, data)?;
            super::bytes::byte_values(vm, &items, true)?
        }
    };
    if !big {
        b.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_be(&b)
    } else {
        BigInt::from_bytes_be(num_bigint::Sign::Plus, &b)
    };
    let r = vm.new_bigint(v);
    // As a classmethod of a subclass (bool), the result is converted by calling the class.
    let cls = args[0];
    if cls != Value::from_ptr(vm.t.int) && as_type(cls).is_some() {
        return crate::vm::runtime::call::call(vm, cls, &[r], &[]);
    }
    Ok(r)
}
