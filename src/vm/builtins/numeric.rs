//! abs, round, divmod, pow, hex, oct, bin.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::def;
use crate::bytecode::opcode::nb;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::num::{self, int_of, IntVal};
use crate::vm::runtime::ops::binary_op;
use crate::vm::types::{nargs, split_kw};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let b = vm.builtins;
    def(vm, b, "abs", abs);
    def(vm, b, "round", round);
    def(vm, b, "divmod", divmod);
    def(vm, b, "pow", pow);
    def(vm, b, "hex", hex);
    def(vm, b, "oct", oct);
    def(vm, b, "bin", bin);
}

fn abs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "abs", args, kw, 0, 1, 1)?;
    let v = args[0];
    if v.is_float() {
        return Ok(Value::from_f64(v.as_f64().abs()));
    }
    if let Some(i) = int_of(v) {
        return Ok(match i {
            IntVal::Small(x) => vm.new_int(x.abs()),
            IntVal::Big(b) => vm.new_bigint(b.abs()),
        });
    }
    if let Some(r) = crate::vm::types::complex::abs(vm, v) {
        return r;
    }
    if let Some(f) = lookup_type_str(vm, vm.type_of(v), "__abs__") {
        if as_builtin(f).is_none() {
            return call_method_value(vm, f, v, &[]);
        }
    }
    // An instance of a subclass of a numeric built-in: the value it wraps. Any other is named
    // by its own type.
    if let Some(b) = crate::vm::types::subclass::base_value(v) {
        if b.is_float() || int_of(b).is_some() || crate::vm::types::complex::is_complex(b) {
            return abs(vm, &[b], &[]);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
}

fn round(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let b = crate::vm::types::bind_named(vm, "round", pos, &kws, &["number", "ndigits"], 2, 1)?;
    let number = b[0].unwrap();
    let nd = b[1].filter(|&v| v != vm.none);
    let orig = number;
    let number =
        crate::vm::types::subclass::defer_to_base(vm, number, "__round__").unwrap_or(number);
    // builtin_round looks `__round__` up before anything converts ndigits (that is the
    // method's own business): round({}, 'x') names the missing method (of the argument's own
    // type, a subclass's too).
    if !number.is_float()
        && int_of(number).is_none()
        && lookup_type_str(vm, vm.type_of(number), "__round__").is_none()
    {
        let tn = vm.type_name(orig);
        return Err(vm.type_error(format!("type {tn} doesn't define __round__ method")));
    }
    let ndigits = match nd {
        None => None,
        Some(v) => match crate::vm::types::subclass::int_arg(v)
            .map_or_else(|| num::index_value(vm, v), |i| Ok(Some(i)))?
        {
            Some(IntVal::Small(i)) => Some(i),
            Some(IntVal::Big(b)) => Some(if b.is_negative() { -1000 } else { 1000 }),
            None => {
                let tn = vm.type_name(v);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    if number.is_float() {
        let x = number.as_f64();
        return match ndigits {
            None => {
                if x.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if x.is_infinite() {
                    return Err(vm.overflow_error("cannot convert float infinity to integer"));
                }
                let r = x.round_ties_even();
                crate::vm::types::int::int_from(vm, Value::from_f64(r))
            }
            Some(n) => match crate::rtlib::round::round_f64(x, n) {
                Ok(r) => Ok(Value::from_f64(r)),
                Err(e) => Err(crate::vm::runtime::repr::rt_err(vm, e)),
            },
        };
    }
    if let Some(i) = int_of(number) {
        let n = ndigits.unwrap_or(0);
        if n >= 0 {
            return Ok(num::new_int(vm, i));
        }
        let r = crate::rtlib::round::round_int(&i.to_big(), n);
        return Ok(vm.new_bigint(r));
    }
    if let Some(f) = lookup_type_str(vm, vm.type_of(number), "__round__") {
        let extra: Vec<Value> = nd.into_iter().collect();
        return call_method_value(vm, f, number, &extra);
    }
    let tn = vm.type_name(number);
    Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
}

fn divmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "divmod", args, kw, 0, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        if num::int_is_zero(&y) {
            return Err(vm.zero_division("integer division or modulo by zero"));
        }
        let q = num::int_binop(vm, nb::FLOOR_DIVIDE, x.as_ref(), y.as_ref())?.unwrap();
        let r = num::int_binop(vm, nb::REMAINDER, x.as_ref(), y.as_ref())?.unwrap();
        return Ok(vm.new_tuple(vec![q, r]));
    }
    let fa = num::float_of(vm, a)?;
    let fb = num::float_of(vm, b)?;
    if let (Some(x), Some(y)) = (fa, fb) {
        if y == 0.0 {
            return Err(vm.zero_division("float divmod()"));
        }
        let q = num::float_floordiv(x, y);
        let r = num::float_mod(x, y);
        return Ok(vm.new_tuple(vec![Value::from_f64(q), Value::from_f64(r)]));
    }
    if let Some(f) = lookup_type_str(vm, vm.type_of(a), "__divmod__") {
        // The numeric types' own __divmod__ only covers the cases handled above.
        if as_builtin(f).is_none() {
            return call_method_value(vm, f, a, &[b]);
        }
    }
    // Instances of int and float subclasses: the operation on their values (any other base
    // has no divmod, and the error below names the instances' own types).
    if let Some((x, y)) =
        crate::vm::types::subclass::unwrap_pair(vm, a, b, "__divmod__", "__rdivmod__")
    {
        let number = |v: Value| v.is_float() || crate::vm::runtime::num::is_int(v);
        if number(x) && number(y) {
            return divmod(vm, &[x, y], &[]);
        }
    }
    let (na, nbn) = (vm.tp_name(a), vm.tp_name(b));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{na}' and '{nbn}'"
    )))
}

fn pow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    // pow(base, exp, mod=None), bound as Argument Clinic does.
    let a = crate::vm::types::bind_named(vm, "pow", pos, &kws, &["base", "exp", "mod"], 3, 2)?;
    let (base, exp, m) = (a[0].unwrap(), a[1].unwrap(), a[2]);
    let m = m.filter(|&v| v != vm.none);
    let Some(m) = m else {
        return binary_op(vm, nb::POWER, base, exp);
    };
    // CPython's ternary_op: the nb_power of base's, exp's and mod's types in turn (each once),
    // all called as (base, exp, mod). int's gives NotImplemented unless all three are ints;
    // float's refuses a modulus outright; complex's converts base and exp, then refuses it. A
    // Python class's __pow__ is called for base alone (three-argument pow uses no __rpow__).
    if base.is_ptr() && layout_of(base) == Layout::Instance {
        let t = obj_type(base);
        if let Some(f) = lookup_type_str(vm, t, "__pow__").filter(|f| as_builtin(*f).is_none()) {
            let r = call_method_value(vm, f, base, &[exp, m])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    let mut all_int = true;
    let mut seen = [false; 3];
    for v in [base, exp, m] {
        let Some(r) = pow_rank(v) else {
            all_int = false;
            continue;
        };
        if r != 0 {
            all_int = false;
        }
        if std::mem::replace(&mut seen[r], true) {
            continue;
        }
        match r {
            1 => {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ))
            }
            2 if pow_rank(base).is_some() && pow_rank(exp).is_some() => {
                return Err(vm.value_error("complex modulo"))
            }
            _ => {}
        }
    }
    let unwrap = |v: Value| crate::vm::types::subclass::base_value(v).unwrap_or(v);
    let ints = (int_of(unwrap(base)), int_of(unwrap(exp)), int_of(unwrap(m)));
    let (true, (Some(b), Some(e), Some(md))) = (all_int, ints) else {
        let (a, b, c) = (vm.tp_name(base), vm.tp_name(exp), vm.tp_name(m));
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{a}', '{b}', '{c}'"
        )));
    };
    let (b, e, md) = (b.to_big(), e.to_big(), md.to_big());
    if md.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let (b, e) = if e.is_negative() {
        // Modular inverse.
        let g = b.extended_gcd(&md);
        if !g.gcd.abs().eq(&BigInt::from(1)) {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        (g.x.mod_floor(&md), -e)
    } else {
        (b, e)
    };
    let r = b.modpow(&e, &md.abs());
    let r = if md.is_negative() && !r.is_zero() {
        r + &md
    } else {
        r
    };
    Ok(vm.new_bigint(r))
}

/// Which built-in number type's nb_power handles `v` (0 int, 1 float, 2 complex), None for
/// other values.
fn pow_rank(v: Value) -> Option<usize> {
    let v = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    if v.is_float() {
        Some(1)
    } else if int_of(v).is_some() {
        Some(0)
    } else if crate::vm::types::complex::is_complex(v) {
        Some(2)
    } else {
        None
    }
}

fn radix(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    prefix: &str,
    base: u32,
) -> PyResult {
    nargs(vm, name, args, kw, 0, 1, 1)?;
    let Some(i) = num::index_value(vm, args[0])? else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let b = i.to_big();
    let s = b.abs().to_str_radix(base);
    let out = if b.is_negative() {
        format!("-{prefix}{s}")
    } else {
        format!("{prefix}{s}")
    };
    Ok(vm.new_str_owned(out))
}
fn hex(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    radix(vm, a, k, "hex", "0x", 16)
}
fn oct(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    radix(vm, a, k, "oct", "0o", 8)
}
fn bin(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    radix(vm, a, k, "bin", "0b", 2)
}
