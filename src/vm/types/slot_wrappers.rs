//! The operator and protocol dunders of the built-in containers and value types as attributes
//! (`list.__add__`, `str.__lt__`, `set.__iand__`, `range.__contains__`, `tuple.__hash__`, ...),
//! as CPython's slot wrappers and methods expose them. Each delegates to the generic operation
//! the VM runs for the operator, after the checks CPython's slot function makes: a comparison or
//! set/dict operator returns NotImplemented when the other operand is not of a kind the type
//! handles, a sequence `+` refuses a foreign operand, a repeat count must be an index.
//! `call::call` has already checked that `self` is an instance of the type and replaced an
//! instance of a Python subclass by the built-in value it wraps.

use super::add_method;
use crate::bytecode::opcode::{cmp, nb};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::{index_value, new_int};
use crate::vm::runtime::{compare, dict as rdict, iter as riter, ops, subscr};
use crate::vm::value::Value;

use super::subclass::base_value;

/// The operand with an instance of a built-in subclass replaced by the value it wraps.
fn plain(v: Value) -> Value {
    base_value(v).unwrap_or(v)
}

/// The layout of a value whose type's operators accept only values of the same layout as the
/// other operand (str with str, list with list, set with frozenset, bytes with bytearray, ...).
fn kind_of(v: Value) -> Option<Layout> {
    let l = layout_of(v);
    matches!(
        l,
        Layout::Str
            | Layout::Bytes
            | Layout::List
            | Layout::Tuple
            | Layout::Dict
            | Layout::Set
            | Layout::Range
            | Layout::Slice
    )
    .then_some(l)
}

/// Whether `self`'s type handles `other` as the other operand (after unwrapping).
fn same_kind(s: Value, o: Value) -> bool {
    kind_of(s).is_some() && kind_of(s) == kind_of(o)
}

/// Whether `s + o` concatenates: the same kind of sequence, or bytes / bytearray and any
/// bytes-like object (bytes_concat takes the buffer protocol).
fn concatenates(s: Value, o: Value) -> bool {
    same_kind(s, o)
        || (kind_of(s) == Some(Layout::Bytes)
            && crate::vm::types::memoryview::buffer_bytes(o).is_some())
}

// ---- comparisons -------------------------------------------------------------------------------

fn richcmp(vm: &mut Vm, args: &[Value], op: u32) -> PyResult {
    let (s, o) = (args[0], plain(args[1]));
    if !same_kind(s, o) {
        return Ok(vm.not_implemented);
    }
    // dict and range only define equality.
    if matches!(kind_of(s), Some(Layout::Dict | Layout::Range)) && op != cmp::EQ && op != cmp::NE {
        return Ok(vm.not_implemented);
    }
    compare::compare(vm, op, s, o)
}

fn w_lt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    richcmp(vm, a, cmp::LT)
}
fn w_le(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    richcmp(vm, a, cmp::LE)
}
fn w_eq(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    richcmp(vm, a, cmp::EQ)
}
fn w_ne(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    richcmp(vm, a, cmp::NE)
}
fn w_gt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    richcmp(vm, a, cmp::GT)
}
fn w_ge(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    richcmp(vm, a, cmp::GE)
}

// ---- sequences: concatenation, repetition, formatting ------------------------------------------

/// `seq + other`: CPython's sq_concat refuses any operand that is not of the same kind.
fn w_add(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let (s, o) = (a[0], plain(a[1]));
    if concatenates(s, o) {
        return ops::binary_op(vm, nb::ADD, s, o);
    }
    let (sn, on) = (vm.type_name(s), vm.type_name(a[1]));
    Err(vm.type_error(match kind_of(s) {
        Some(Layout::Bytes) => format!("can't concat {on} to {sn}"),
        _ => format!("can only concatenate {sn} (not \"{on}\") to {sn}"),
    }))
}

/// The repeat count of `seq * n`: anything with `__index__`.
fn count(vm: &mut Vm, n: Value) -> PyResult {
    match index_value(vm, n)? {
        Some(i) => Ok(new_int(vm, i)),
        None => {
            let tn = vm.type_name(n);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn w_mul(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let n = count(vm, a[1])?;
    ops::binary_op(vm, nb::MULTIPLY, a[0], n)
}

fn w_imul(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let n = count(vm, a[1])?;
    ops::binary_op(vm, nb::INPLACE + nb::MULTIPLY, a[0], n)
}

/// `list += it` extends with any iterable; `bytearray += b` needs bytes-like.
fn w_iadd(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let (s, o) = (a[0], plain(a[1]));
    if as_list(s).is_some() {
        let items = riter::collect(vm, a[1])?;
        as_list(s).unwrap().extend(items);
        return Ok(s);
    }
    if !concatenates(s, o) {
        let (sn, on) = (vm.type_name(s), vm.type_name(a[1]));
        return Err(vm.type_error(format!("can't concat {on} to {sn}")));
    }
    ops::binary_op(vm, nb::INPLACE + nb::ADD, s, o)
}

/// `str % args` / `bytes % args`.
fn w_mod(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    ops::binary_op(vm, nb::REMAINDER, a[0], a[1])
}

/// `other % self`, only for a format of the same kind (else NotImplemented).
fn w_rmod(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let (s, o) = (a[0], plain(a[1]));
    if !same_kind(s, o) {
        return Ok(vm.not_implemented);
    }
    ops::binary_op(vm, nb::REMAINDER, o, s)
}

// ---- sets and dicts: | & - ^ -------------------------------------------------------------------

fn set_like(s: Value, o: Value) -> bool {
    same_kind(s, o) && matches!(kind_of(s), Some(Layout::Set | Layout::Dict))
}

fn setop(vm: &mut Vm, a: &[Value], op: u32, rev: bool) -> PyResult {
    let (s, o) = (a[0], plain(a[1]));
    if !set_like(s, o) {
        return Ok(vm.not_implemented);
    }
    if rev {
        ops::binary_op(vm, op, o, s)
    } else {
        ops::binary_op(vm, op, s, o)
    }
}

fn w_and(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    setop(vm, a, nb::AND, false)
}
fn w_rand(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    setop(vm, a, nb::AND, true)
}
fn w_or(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    setop(vm, a, nb::OR, false)
}
fn w_ror(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    setop(vm, a, nb::OR, true)
}
fn w_sub(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    setop(vm, a, nb::SUBTRACT, false)
}
fn w_rsub(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    setop(vm, a, nb::SUBTRACT, true)
}
fn w_xor(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    setop(vm, a, nb::XOR, false)
}
fn w_rxor(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    setop(vm, a, nb::XOR, true)
}

/// `set &= other` and friends: only with another set or frozenset; the set itself comes back.
fn set_inplace(vm: &mut Vm, a: &[Value], op: u32) -> PyResult {
    let (s, o) = (a[0], plain(a[1]));
    if !set_like(s, o) {
        return Ok(vm.not_implemented);
    }
    crate::vm::runtime::set::inplace(vm, op, s, o)?;
    Ok(s)
}

fn w_iand(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    set_inplace(vm, a, nb::AND)
}
fn w_isub(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    set_inplace(vm, a, nb::SUBTRACT)
}
fn w_ixor(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    set_inplace(vm, a, nb::XOR)
}

/// `set |= other` (sets only) and `dict |= other` (anything `dict.update` takes).
fn w_ior(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    if as_dict(a[0]).is_some() {
        super::dict::update(vm, &[a[0], a[1]], &[])?;
        return Ok(a[0]);
    }
    set_inplace(vm, a, nb::OR)
}

// ---- container protocol ------------------------------------------------------------------------

fn w_contains(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let r = compare::contains(vm, a[0], a[1])?;
    Ok(vm.bool_val(r))
}

fn w_getitem(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    subscr::getitem(vm, a[0], a[1])
}

fn w_setitem(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    subscr::setitem(vm, a[0], a[1], a[2])?;
    Ok(vm.none)
}

fn w_delitem(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    subscr::delitem(vm, a[0], a[1])?;
    Ok(vm.none)
}

fn w_iter(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    riter::get_iter(vm, a[0])
}

fn w_len(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let n = crate::vm::builtins::len_of(vm, a[0])?;
    Ok(vm.new_int(n as i64))
}

fn w_reversed(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    super::nargs(vm, "__reversed__", a, k, 1, 0, 0)?;
    let r = Value::from_ptr(vm.t.reversed);
    crate::vm::runtime::call::call(vm, r, &[a[0]], &[])
}

fn w_bool(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let r = compare::truthy(vm, a[0])?;
    Ok(vm.bool_val(r))
}

fn w_hash(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    let h = rdict::hash(vm, a[0])?;
    Ok(vm.new_int(h as i64))
}

/// `bytes.__str__` / `bytearray.__str__`: the repr (CPython warns under -b).
fn w_str(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult {
    crate::vm::runtime::repr::repr(vm, a[0])
}

// ---- pickling helpers --------------------------------------------------------------------------

/// `x.__getnewargs__()`: the arguments that rebuild an immutable value.
fn w_getnewargs(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    super::nargs(vm, "__getnewargs__", a, k, 1, 0, 0)?;
    let s = a[0];
    let items = if let Some(i) = crate::vm::runtime::num::int_of(s) {
        vec![new_int(vm, i)]
    } else if let Some(c) = as_complex(s) {
        let (re, im) = (c.real, c.imag);
        vec![vm.new_float(re), vm.new_float(im)]
    } else if let Some(t) = as_tuple(s) {
        let items = t.to_vec();
        vec![vm.new_tuple(items)]
    } else {
        vec![s]
    };
    Ok(vm.new_tuple(items))
}

/// `bytes.__bytes__()`: the value itself (an exact bytes object after unwrapping).
fn w_bytes(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    super::nargs(vm, "__bytes__", a, k, 1, 0, 0)?;
    Ok(a[0])
}

/// Installs the wrappers each built-in type has in CPython 3.11 (`vars(T)`) and lacks here;
/// a method a type already defines is kept.
pub fn install(vm: &mut Vm) {
    let t = &vm.t;
    let cmp6: &[(&'static str, BuiltinFn)] = &[
        ("__lt__", w_lt),
        ("__le__", w_le),
        ("__eq__", w_eq),
        ("__ne__", w_ne),
        ("__gt__", w_gt),
        ("__ge__", w_ge),
    ];
    let seq: &[(&'static str, BuiltinFn)] = &[
        ("__add__", w_add),
        ("__mul__", w_mul),
        ("__rmul__", w_mul),
        ("__contains__", w_contains),
        ("__getitem__", w_getitem),
        ("__iter__", w_iter),
    ];
    let fmt: &[(&'static str, BuiltinFn)] = &[("__mod__", w_mod), ("__rmod__", w_rmod)];
    let setops: &[(&'static str, BuiltinFn)] = &[
        ("__and__", w_and),
        ("__rand__", w_rand),
        ("__or__", w_or),
        ("__ror__", w_ror),
        ("__sub__", w_sub),
        ("__rsub__", w_rsub),
        ("__xor__", w_xor),
        ("__rxor__", w_rxor),
        ("__iter__", w_iter),
    ];
    let mutable_seq: &[(&'static str, BuiltinFn)] = &[
        ("__setitem__", w_setitem),
        ("__delitem__", w_delitem),
        ("__iadd__", w_iadd),
        ("__imul__", w_imul),
    ];
    let hash: &[(&'static str, BuiltinFn)] = &[("__hash__", w_hash)];
    let newargs: &[(&'static str, BuiltinFn)] = &[("__getnewargs__", w_getnewargs)];
    let table: Vec<(*const TypeObject, Vec<&[(&'static str, BuiltinFn)]>)> = vec![
        (t.str_, vec![cmp6, seq, fmt, hash, newargs]),
        (
            t.bytes,
            vec![
                cmp6,
                seq,
                fmt,
                hash,
                newargs,
                &[("__str__", w_str), ("__bytes__", w_bytes)],
            ],
        ),
        (
            t.bytearray,
            vec![cmp6, seq, fmt, mutable_seq, &[("__str__", w_str)]],
        ),
        (
            t.list,
            vec![cmp6, seq, mutable_seq, &[("__reversed__", w_reversed)]],
        ),
        (t.tuple, vec![cmp6, seq, hash, newargs]),
        (
            t.dict,
            vec![
                cmp6,
                &[
                    ("__or__", w_or),
                    ("__ror__", w_ror),
                    ("__ior__", w_ior),
                    ("__iter__", w_iter),
                    ("__reversed__", w_reversed),
                ],
            ],
        ),
        (
            t.set,
            vec![
                cmp6,
                setops,
                &[
                    ("__iand__", w_iand),
                    ("__ior__", w_ior),
                    ("__isub__", w_isub),
                    ("__ixor__", w_ixor),
                ],
            ],
        ),
        (t.frozenset, vec![cmp6, setops, hash]),
        (
            t.range,
            vec![
                cmp6,
                hash,
                &[
                    ("__bool__", w_bool),
                    ("__contains__", w_contains),
                    ("__getitem__", w_getitem),
                    ("__iter__", w_iter),
                    ("__len__", w_len),
                    ("__reversed__", w_reversed),
                ],
            ],
        ),
        (t.slice, vec![cmp6]),
        (t.int, vec![hash, newargs]),
        (t.float, vec![hash, newargs]),
        (t.complex, vec![hash, newargs]),
        (t.none_type, vec![&[("__bool__", w_bool)]]),
        (t.not_implemented_type, vec![&[("__bool__", w_bool)]]),
    ];
    // Most built-in types have their own `__getattribute__` slot wrapper (object's lookup, but
    // `str.__getattribute__(5, 'x')` is a TypeError); exceptions also their own set/delattr.
    let getattribute: &[(&'static str, BuiltinFn)] =
        &[("__getattribute__", super::misc::object_getattribute)];
    let t = &vm.t;
    let mut table = table;
    for ty in [
        t.int,
        t.float,
        t.complex,
        t.str_,
        t.bytes,
        t.bytearray,
        t.list,
        t.tuple,
        t.dict,
        t.set,
        t.frozenset,
        t.range,
        t.slice,
        t.ellipsis_type,
        t.property,
        t.super_,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.reversed,
    ] {
        table.push((ty, vec![getattribute]));
    }
    table.push((
        vm.t.exc("BaseException"),
        vec![
            getattribute,
            &[
                ("__setattr__", super::misc::object_setattr),
                ("__delattr__", super::misc::object_delattr),
            ],
        ],
    ));
    for (ty, groups) in table {
        for group in groups {
            for &(name, f) in group {
                let k = vm.intern(name);
                let d = type_data(ty).dict;
                if rdict::dict_get_str(vm, d, k).is_none() {
                    add_method(vm, ty, name, f);
                }
            }
        }
    }
    // Slices are unhashable in 3.11: `__hash__` is None in their dict.
    let (k, n) = (vm.sname("__hash__"), vm.none);
    let d = type_data(vm.t.slice).dict;
    rdict::dict_set_str(vm, d, k, n);
}
