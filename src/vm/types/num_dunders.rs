//! The operator dunders of int, float and complex as attributes (`(5).__add__(3)`,
//! `float.__mul__`, `(1).__eq__(1.0)`), each delegating to the generic operator code. As in
//! CPython, a method returns NotImplemented when the other operand is of a "wider" numeric type
//! (int < float < complex) or not a number, and only the operators each type defines exist.

use super::{add_method, nargs};
use crate::bytecode::opcode::{cmp, nb, Opcode};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::runtime::{compare, ops};
use crate::vm::value::Value;

/// 0 for int and bool, 1 for float, 2 for complex.
fn rank(v: Value) -> Option<u8> {
    let v = super::subclass::base_value(v).unwrap_or(v);
    if v.is_float() {
        Some(1)
    } else if int_of(v).is_some() {
        Some(0)
    } else if super::complex::is_complex(v) {
        Some(2)
    } else {
        None
    }
}

/// Slot wrappers check their argument count with this message ("expected 1 argument, got 0").
fn wrapper_args(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value], n: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let got = args.len() - 1;
    if got != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {n} argument{s}, got {got}")));
    }
    Ok(())
}

/// Whether built-in type `owner`'s `name` is a slot wrapper in CPython (wrapper_descriptor:
/// "descriptor 'x' requires a 'T' object but received a 'U'", "<slot wrapper ...>") rather than
/// a method (method_descriptor: "descriptor 'x' for 'T' objects doesn't apply to a 'U' object"):
/// list and dict define `__getitem__`, and dict, set and frozenset `__contains__`, as methods
/// too (METH_COEXIST), which is what their type's dict holds.
pub fn is_slot_wrapper_of(owner: &str, name: &str) -> bool {
    let coexist = match name {
        "__getitem__" => matches!(owner, "list" | "dict"),
        "__contains__" => matches!(owner, "dict" | "set" | "frozenset"),
        _ => false,
    };
    is_slot_wrapper(name) && !coexist
}

/// Whether `name` is one of the slot wrappers defined here (their descriptor type error reads
/// "descriptor '__add__' requires a 'int' object but received a 'float'").
pub fn is_slot_wrapper(name: &str) -> bool {
    matches!(
        name,
        "__add__"
            | "__radd__"
            | "__sub__"
            | "__rsub__"
            | "__mul__"
            | "__rmul__"
            | "__truediv__"
            | "__rtruediv__"
            | "__pow__"
            | "__rpow__"
            | "__lt__"
            | "__le__"
            | "__eq__"
            | "__ne__"
            | "__gt__"
            | "__ge__"
            | "__neg__"
            | "__pos__"
            | "__abs__"
            | "__bool__"
            | "__floordiv__"
            | "__rfloordiv__"
            | "__mod__"
            | "__rmod__"
            | "__float__"
            | "__int__"
            | "__index__"
            | "__and__"
            | "__rand__"
            | "__or__"
            | "__ror__"
            | "__xor__"
            | "__rxor__"
            | "__lshift__"
            | "__rlshift__"
            | "__rshift__"
            | "__rrshift__"
            | "__invert__"
            | "__divmod__"
            | "__rdivmod__"
            | "__repr__"
            | "__str__"
            | "__hash__"
            | "__len__"
            | "__iter__"
            | "__next__"
            | "__contains__"
            | "__getitem__"
            | "__setitem__"
            | "__delitem__"
            | "__iadd__"
            | "__imul__"
            | "__iand__"
            | "__ior__"
            | "__isub__"
            | "__ixor__"
            | "__init__"
            | "__call__"
            | "__get__"
            | "__set__"
            | "__delete__"
            | "__getattribute__"
            | "__setattr__"
            | "__delattr__"
    )
}

fn binary(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, op: u32, rev: bool) -> PyResult {
    wrapper_args(vm, name, args, kw, 1)?;
    let (s, o) = (args[0], args[1]);
    match (rank(s), rank(o)) {
        (Some(rs), Some(ro)) if ro <= rs => {
            if rev {
                ops::binary_op(vm, op, o, s)
            } else {
                ops::binary_op(vm, op, s, o)
            }
        }
        _ => Ok(vm.not_implemented),
    }
}

/// `__pow__` / `__rpow__` take an optional modulus (three-argument `pow`).
fn power(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, rev: bool) -> PyResult {
    nargs(vm, name, args, kw, 1, 1, 2)?;
    match args.get(2) {
        Some(&m) if m != vm.none => {
            let (s, o) = (args[0], args[1]);
            // float_pow refuses a modulus before looking at the operands; complex_pow after
            // converting them.
            match rank(s) {
                Some(1) => {
                    return Err(vm.type_error(
                        "pow() 3rd argument not allowed unless all arguments are integers",
                    ))
                }
                Some(2) if rank(o).is_some() => return Err(vm.value_error("complex modulo")),
                _ => {}
            }
            if rank(s) != Some(0) || rank(o) != Some(0) || rank(m) != Some(0) {
                return Ok(vm.not_implemented);
            }
            let (b, e) = if rev { (o, s) } else { (s, o) };
            call_builtin(vm, "pow", &[b, e, m])
        }
        _ => binary(vm, &args[..2], kw, name, nb::POWER, rev),
    }
}

fn richcmp(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, op: u32) -> PyResult {
    wrapper_args(vm, name, args, kw, 1)?;
    let (s, o) = (args[0], args[1]);
    match (rank(s), rank(o)) {
        (Some(2), _) if op != cmp::EQ && op != cmp::NE => Ok(vm.not_implemented),
        (Some(rs), Some(ro)) if ro <= rs => compare::compare(vm, op, s, o),
        _ => Ok(vm.not_implemented),
    }
}

fn unary(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, op: Opcode) -> PyResult {
    wrapper_args(vm, name, args, kw, 0)?;
    ops::unary_op(vm, op, args[0])
}

fn abs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    wrapper_args(vm, "__abs__", args, kw, 0)?;
    let v = args[0];
    if v.is_float() {
        return Ok(Value::from_f64(v.as_f64().abs()));
    }
    if let Some(r) = super::complex::abs(vm, v) {
        return r;
    }
    Ok(match int_of(v) {
        Some(IntVal::Small(x)) => vm.new_int(x.abs()),
        Some(IntVal::Big(b)) => vm.new_bigint(num_traits::Signed::abs(&b)),
        None => vm.not_implemented,
    })
}

fn bool_(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    wrapper_args(vm, "__bool__", args, kw, 0)?;
    let t = compare::truthy(vm, args[0])?;
    Ok(vm.bool_val(t))
}

fn float_(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    wrapper_args(vm, "__float__", args, kw, 0)?;
    super::float::float_from(vm, args[0])
}

/// `__int__` / `__trunc__` of a float.
fn float_int(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    wrapper_args(vm, "__int__", args, kw, 0)?;
    super::int::int_from(vm, args[0])
}

fn rounded(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult {
    nargs(vm, name, args, kw, 1, 0, 0)?;
    let v = args[0];
    if v.is_float() {
        let r = Value::from_f64(f(v.as_f64()));
        return super::int::int_from(vm, r);
    }
    Ok(match int_of(v) {
        Some(i) => crate::vm::runtime::num::new_int(vm, i),
        None => v,
    })
}

macro_rules! binops {
    ($($f:ident, $r:ident, $name:literal, $rname:literal, $op:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
                binary(vm, a, k, $name, $op, false)
            }
            fn $r(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
                binary(vm, a, k, $rname, $op, true)
            }
        )*
    };
}

binops! {
    add, radd, "__add__", "__radd__", nb::ADD;
    sub, rsub, "__sub__", "__rsub__", nb::SUBTRACT;
    mul, rmul, "__mul__", "__rmul__", nb::MULTIPLY;
    truediv, rtruediv, "__truediv__", "__rtruediv__", nb::TRUE_DIVIDE;
    floordiv, rfloordiv, "__floordiv__", "__rfloordiv__", nb::FLOOR_DIVIDE;
    mod_, rmod, "__mod__", "__rmod__", nb::REMAINDER;
    and, rand, "__and__", "__rand__", nb::AND;
    or, ror, "__or__", "__ror__", nb::OR;
    xor, rxor, "__xor__", "__rxor__", nb::XOR;
    lshift, rlshift, "__lshift__", "__rlshift__", nb::LSHIFT;
    rshift, rrshift, "__rshift__", "__rrshift__", nb::RSHIFT;
}

macro_rules! fns {
    ($($f:ident => $body:expr;)*) => {
        $(fn $f(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
            let f: fn(&mut Vm, &[Value], &[Value]) -> PyResult = $body;
            f(vm, a, k)
        })*
    };
}

fns! {
    pow => |vm, a, k| power(vm, a, k, "__pow__", false);
    rpow => |vm, a, k| power(vm, a, k, "__rpow__", true);
    lt => |vm, a, k| richcmp(vm, a, k, "__lt__", cmp::LT);
    le => |vm, a, k| richcmp(vm, a, k, "__le__", cmp::LE);
    eq => |vm, a, k| richcmp(vm, a, k, "__eq__", cmp::EQ);
    ne => |vm, a, k| richcmp(vm, a, k, "__ne__", cmp::NE);
    gt => |vm, a, k| richcmp(vm, a, k, "__gt__", cmp::GT);
    ge => |vm, a, k| richcmp(vm, a, k, "__ge__", cmp::GE);
    neg => |vm, a, k| unary(vm, a, k, "__neg__", Opcode::UNARY_NEGATIVE);
    pos => |vm, a, k| unary(vm, a, k, "__pos__", Opcode::UNARY_POSITIVE);
    invert => |vm, a, k| unary(vm, a, k, "__invert__", Opcode::UNARY_INVERT);
    floor => |vm, a, k| rounded(vm, a, k, "__floor__", f64::floor);
    ceil => |vm, a, k| rounded(vm, a, k, "__ceil__", f64::ceil);
    trunc => |vm, a, k| rounded(vm, a, k, "__trunc__", f64::trunc);
    divmod => |vm, a, k| builtin_pair(vm, a, k, "__divmod__", "divmod", false);
    rdivmod => |vm, a, k| builtin_pair(vm, a, k, "__rdivmod__", "divmod", true);
}

/// `__divmod__` / `__rdivmod__` through the `divmod` builtin (NotImplemented for wider or
/// non-numeric operands).
fn builtin_pair(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    name: &str,
    builtin: &str,
    rev: bool,
) -> PyResult {
    wrapper_args(vm, name, args, kw, 1)?;
    let (s, o) = (args[0], args[1]);
    match (rank(s), rank(o)) {
        (Some(rs), Some(ro)) if ro <= rs && rs < 2 => {
            let (a, b) = if rev { (o, s) } else { (s, o) };
            call_builtin(vm, builtin, &[a, b])
        }
        _ => Ok(vm.not_implemented),
    }
}

fn call_builtin(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult {
    let k = vm.intern(name);
    let f = crate::vm::runtime::dict::dict_get_str(vm, vm.builtins, k).expect("builtin exists");
    crate::vm::runtime::call::call(vm, f, args, &[])
}

/// `__round__(ndigits=None)` of int and float, as the `round` builtin.
fn round(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__round__", args, kw, 1, 0, 1)?;
    // int.__round__ converts an explicit ndigits with __index__ (None is a TypeError there;
    // round(x, None) calls __round__() without it); float.__round__ takes None.
    if args.len() == 2 && args[1] == vm.none && vm.isinstance(args[0], vm.t.int) {
        return Err(vm.type_error("'NoneType' object cannot be interpreted as an integer"));
    }
    call_builtin(vm, "round", args)
}

pub fn install(vm: &mut Vm) {
    let common: [(&'static str, BuiltinFn); 20] = [
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__lt__", lt),
        ("__le__", le),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
        ("__bool__", bool_),
    ];
    let real: [(&'static str, BuiltinFn); 11] = [
        ("__divmod__", divmod),
        ("__rdivmod__", rdivmod),
        ("__round__", round),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", mod_),
        ("__rmod__", rmod),
        ("__float__", float_),
        ("__floor__", floor),
        ("__ceil__", ceil),
        ("__trunc__", trunc),
    ];
    let int_only: [(&'static str, BuiltinFn); 11] = [
        ("__and__", and),
        ("__rand__", rand),
        ("__or__", or),
        ("__ror__", ror),
        ("__xor__", xor),
        ("__rxor__", rxor),
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
        ("__invert__", invert),
    ];
    let (ti, tf, tc) = (vm.t.int, vm.t.float, vm.t.complex);
    for t in [ti, tf, tc] {
        for (n, f) in common {
            add_method(vm, t, n, f);
        }
    }
    for t in [ti, tf] {
        for (n, f) in real {
            add_method(vm, t, n, f);
        }
    }
    for (n, f) in int_only {
        add_method(vm, ti, n, f);
    }
    // bool's own &, |, ^ (a bool result for two bools; a checked self).
    let tb = vm.t.bool_;
    for (n, f) in &int_only[..6] {
        add_method(vm, tb, n, *f);
    }
    add_method(vm, tf, "__int__", float_int);
}
