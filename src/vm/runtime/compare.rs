//! Rich comparison, truthiness and `in`.

use std::cmp::Ordering;

use crate::bytecode::opcode::cmp;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::num::{self, int_of};
use crate::vm::runtime::{dict as rdict, iter as riter};
use crate::vm::value::Value;

const SYMS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
const DUNDERS: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const SWAPPED: [u32; 6] = [cmp::GT, cmp::GE, cmp::EQ, cmp::NE, cmp::LT, cmp::LE];

#[inline]
pub fn cmp_ord(op: u32, o: Ordering) -> bool {
    match op {
        cmp::LT => o == Ordering::Less,
        cmp::LE => o != Ordering::Greater,
        cmp::EQ => o == Ordering::Equal,
        cmp::NE => o != Ordering::Equal,
        cmp::GT => o == Ordering::Greater,
        _ => o != Ordering::Less,
    }
}

#[inline]
pub fn cmp_f64(op: u32, a: f64, b: f64) -> bool {
    match op {
        cmp::LT => a < b,
        cmp::LE => a <= b,
        cmp::EQ => a == b,
        cmp::NE => a != b,
        cmp::GT => a > b,
        _ => a >= b,
    }
}

fn cmp_partial(op: u32, o: Option<Ordering>) -> bool {
    match o {
        Some(o) => cmp_ord(op, o),
        None => op == cmp::NE,
    }
}

/// Built-in comparison; None when the types don't compare natively.
fn builtin_compare(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<bool>> {
    let (ia, ib) = (int_of(a), int_of(b));
    match (&ia, &ib) {
        (Some(x), Some(y)) => return Ok(Some(cmp_ord(op, num::int_cmp(x, y)))),
        (Some(x), None) if b.is_float() => {
            return Ok(Some(cmp_partial(op, num::int_float_cmp(x, b.as_f64()))));
        }
        (None, Some(y)) if a.is_float() => {
            return Ok(Some(cmp_partial(
                op,
                num::int_float_cmp(y, a.as_f64()).map(|o| o.reverse()),
            )));
        }
        _ => {}
    }
    if a.is_float() && b.is_float() {
        return Ok(Some(cmp_f64(op, a.as_f64(), b.as_f64())));
    }
    if !a.is_ptr() || !b.is_ptr() {
        if crate::vm::types::complex::is_complex(a) || crate::vm::types::complex::is_complex(b) {
            return crate::vm::types::complex::compare(vm, op, a, b);
        }
        return Ok(None);
    }
    let (la, lb) = (layout_of(a), layout_of(b));
    if !type_data(obj_type(a)).builtin || !type_data(obj_type(b)).builtin {
        return Ok(None);
    }
    match (la, lb) {
        (Layout::Str, Layout::Str) => {
            let o = crate::rtlib::surrogate::cmp_str(&as_str(a).unwrap().s, &as_str(b).unwrap().s);
            Ok(Some(cmp_ord(op, o)))
        }
        (Layout::Bytes, Layout::Bytes) => {
            let o = as_bytes(a)
                .unwrap()
                .as_slice()
                .cmp(as_bytes(b).unwrap().as_slice());
            Ok(Some(cmp_ord(op, o)))
        }
        (Layout::List, Layout::List) | (Layout::Tuple, Layout::Tuple) => {
            vm.enter_recursive(" in comparison")?;
            let r = seq_compare(vm, op, Items::Live(a), Items::Live(b));
            vm.leave_recursive();
            r.map(Some)
        }
        (Layout::Set, Layout::Set) => {
            let (na, nbl) = (rdict::len_of(a), rdict::len_of(b));
            let sub = crate::vm::runtime::set::is_subset;
            let r = match op {
                cmp::EQ => na == nbl && sub(vm, a, b)?,
                cmp::NE => !(na == nbl && sub(vm, a, b)?),
                cmp::LE => na <= nbl && sub(vm, a, b)?,
                cmp::LT => na < nbl && sub(vm, a, b)?,
                cmp::GE => na >= nbl && sub(vm, b, a)?,
                _ => na > nbl && sub(vm, b, a)?,
            };
            Ok(Some(r))
        }
        (Layout::Dict, Layout::Dict) if op == cmp::EQ || op == cmp::NE => {
            vm.enter_recursive(" in comparison")?;
            let e = dict_eq(vm, a, b);
            vm.leave_recursive();
            Ok(Some(e? == (op == cmp::EQ)))
        }
        (Layout::Range, Layout::Range) if op == cmp::EQ || op == cmp::NE => {
            let x = as_range(a).unwrap();
            let y = as_range(b).unwrap();
            if x.big.is_some() || y.big.is_some() {
                let e = crate::vm::types::range_big::range_eq(x, y);
                return Ok(Some(e == (op == cmp::EQ)));
            }
            let lx = crate::vm::types::misc::range_len(x.start, x.stop, x.step);
            let ly = crate::vm::types::misc::range_len(y.start, y.stop, y.step);
            let e = lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)));
            Ok(Some(e == (op == cmp::EQ)))
        }
        // Bound methods are equal when they bind the same object (identity) to equal functions.
        (Layout::BoundMethod, Layout::BoundMethod) if op == cmp::EQ || op == cmp::NE => {
            let (x, y) = (as_bound_method(a).unwrap(), as_bound_method(b).unwrap());
            let (xs, xf, ys, yf) = (x.self_, x.func, y.self_, y.func);
            let e = xs == ys && eq(vm, xf, yf)?;
            Ok(Some(e == (op == cmp::EQ)))
        }
        (Layout::Builtin, Layout::Builtin) if op == cmp::EQ || op == cmp::NE => {
            let (x, y) = (as_builtin(a).unwrap(), as_builtin(b).unwrap());
            if x.bound.is_null() || y.bound.is_null() {
                return Ok(Some((a == b) == (op == cmp::EQ)));
            }
            let e = x.bound == y.bound && x.f as usize == y.f as usize && x.name == y.name;
            Ok(Some(e == (op == cmp::EQ)))
        }
        // Slices compare as (start, stop, step) tuples.
        (Layout::Slice, Layout::Slice) => {
            let parts = |v: Value| {
                let s = as_slice(v).unwrap();
                [s.start, s.stop, s.step]
            };
            let (x, y) = (parts(a), parts(b));
            vm.enter_recursive(" in comparison")?;
            let r = seq_compare(vm, op, Items::Fixed(&x), Items::Fixed(&y));
            vm.leave_recursive();
            r.map(Some)
        }
        (Layout::Complex, _) | (_, Layout::Complex) => {
            crate::vm::types::complex::compare(vm, op, a, b)
        }
        (Layout::DictView, _) | (_, Layout::DictView) => {
            crate::vm::types::dictview::compare(vm, op, a, b)
        }
        _ => Ok(None),
    }
}

/// The items of a compared sequence: a list or tuple read in place at each step (a list may
/// change under a Python `__eq__`; its items are not copied out where the collector cannot see
/// them), or a fixed array (a slice's start, stop, step).
#[derive(Clone, Copy)]
enum Items<'a> {
    Live(Value),
    Fixed(&'a [Value]),
}

impl Items<'_> {
    fn get(self, i: usize) -> Option<Value> {
        match self {
            Items::Live(v) => match as_list(v) {
                Some(l) => l.get(i).copied(),
                None => as_tuple(v).unwrap().get(i).copied(),
            },
            Items::Fixed(x) => x.get(i).copied(),
        }
    }

    fn len(self) -> usize {
        match self {
            Items::Live(v) => match as_list(v) {
                Some(l) => l.len(),
                None => as_tuple(v).unwrap().len(),
            },
            Items::Fixed(x) => x.len(),
        }
    }
}

/// As CPython's list_richcompare: the first pair that differs decides, else the lengths.
fn seq_compare(vm: &mut Vm, op: u32, x: Items, y: Items) -> PyResult<bool> {
    let mut i = 0;
    while let (Some(a), Some(b)) = (x.get(i), y.get(i)) {
        if !eq(vm, a, b)? {
            if op == cmp::EQ {
                return Ok(false);
            }
            if op == cmp::NE {
                return Ok(true);
            }
            // Compared again with the operator, as they are now (`__eq__` may have changed
            // the lists).
            if let (Some(a), Some(b)) = (x.get(i), y.get(i)) {
                let r = compare(vm, op, a, b)?;
                return truthy(vm, r);
            }
            break;
        }
        i += 1;
    }
    Ok(cmp_ord(op, x.len().cmp(&y.len())))
}

fn dict_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if rdict::len_of(a) != rdict::len_of(b) {
        return Ok(false);
    }
    // A value's `__eq__` may change `a`: the snapshot stays rooted.
    let items = rdict::items_of(a);
    let flat: Vec<Value> = items.iter().flat_map(|&(k, v)| [k, v]).collect();
    crate::vm::runtime::iter::with_roots(vm, &flat, |vm| dict_items_eq(vm, &items, b))
}

fn dict_items_eq(vm: &mut Vm, items: &[(Value, Value)], b: Value) -> PyResult<bool> {
    for &(k, v) in items {
        match rdict::dict_get(vm, b, k)? {
            Some(w) => {
                if !eq(vm, v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// `a <op> b`, the full protocol.
pub fn compare(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult {
    if let Some(r) = builtin_compare(vm, op, a, b)? {
        return Ok(vm.bool_val(r));
    }
    if (op == cmp::EQ || op == cmp::NE)
        && a.is_ptr()
        && b.is_ptr()
        && layout_of(a) == Layout::Instance
        && layout_of(b) == Layout::Instance
        && default_equality(vm, obj_type(a))
        && default_equality(vm, obj_type(b))
    {
        // Both sides' `__eq__` (and `__ne__`) are object's: each returns NotImplemented unless
        // the operands are the same object, and the fallback is identity.
        return Ok(vm.bool_val((a == b) == (op == cmp::EQ)));
    }
    // The reflected method may run first and drop `a` from the container it came from (a list
    // compared item by item): both stay rooted across the Python calls.
    crate::vm::runtime::iter::with_roots(vm, &[a, b], |vm| user_compare(vm, op, a, b))
}

/// Whether instances of `t` compare for equality by identity: `__eq__` and `__ne__` resolve to
/// `object`'s (cached per version tag in `TypeData::default_eq`).
fn default_equality(vm: &mut Vm, t: *const TypeObject) -> bool {
    let td = type_data(t);
    let version = td.version.get();
    let (v, known) = td.default_eq.get();
    if version != 0 && v == version {
        return known;
    }
    let object = vm.t.object;
    let same = |vm: &mut Vm, name: &str| {
        let mine = lookup_type_str(vm, t, name);
        mine.is_some() && mine == lookup_type_str(vm, object, name)
    };
    let r = same(vm, "__eq__") && same(vm, "__ne__");
    td.default_eq.set((version, r));
    r
}

fn user_compare(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult {
    let ta = vm.type_of(a);
    let tb = vm.type_of(b);
    // Weak references compare their referents through ReferenceType.__eq__.
    let user_a = !type_data(ta).builtin
        || type_data(ta).is_exception
        || matches!(type_data(ta).layout, Layout::WeakRef | Layout::Native);
    let user_b = !type_data(tb).builtin
        || type_data(tb).is_exception
        || matches!(type_data(tb).layout, Layout::WeakRef | Layout::Native);
    let mut tried_rev = false;
    let rop = SWAPPED[op as usize];
    if ta != tb && user_b && vm.is_subtype(tb, ta) {
        if let Some(f) = lookup_type_str(vm, tb, DUNDERS[rop as usize]) {
            tried_rev = true;
            let r = call_method_value(vm, f, b, &[a])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    if user_a {
        if let Some(f) = lookup_type_str(vm, ta, DUNDERS[op as usize]) {
            let r = call_method_value(vm, f, a, &[b])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        } else if op == cmp::NE {
            if let Some(f) = lookup_type_str(vm, ta, "__eq__") {
                if as_function(f).is_some() {
                    let r = call_method_value(vm, f, a, &[b])?;
                    if r != vm.not_implemented {
                        let t = truthy(vm, r)?;
                        return Ok(vm.bool_val(!t));
                    }
                }
            }
        }
    }
    if user_b && !tried_rev {
        if let Some(f) = lookup_type_str(vm, tb, DUNDERS[rop as usize]) {
            let r = call_method_value(vm, f, b, &[a])?;
            if r != vm.not_implemented {
                return Ok(r);
            }
        }
    }
    let pair = crate::vm::types::subclass::unwrap_pair(
        vm,
        a,
        b,
        DUNDERS[op as usize],
        DUNDERS[rop as usize],
    )
    .or_else(|| {
        // A subclass's own method declined (NotImplemented): the other operand's built-in
        // method compares the value that subclass instance wraps.
        use crate::vm::types::subclass::base_value;
        let x = base_value(a).filter(|_| !user_b);
        let y = base_value(b).filter(|_| !user_a);
        (x.is_some() || y.is_some()).then(|| (x.unwrap_or(a), y.unwrap_or(b)))
    });
    if let Some((x, y)) = pair {
        if op == cmp::EQ || op == cmp::NE {
            return compare(vm, op, x, y);
        }
        if let Some(r) = builtin_compare(vm, op, x, y)? {
            return Ok(vm.bool_val(r));
        }
        // Not orderable: the error names the subclasses, as CPython's does.
    }
    match op {
        cmp::EQ => Ok(vm.bool_val(a == b)),
        cmp::NE => Ok(vm.bool_val(a != b)),
        _ => {
            let (na, nbn) = (vm.tp_name(a), vm.tp_name(b));
            Err(vm.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                SYMS[op as usize], na, nbn
            )))
        }
    }
}

/// `a == b` as a bool.
pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b && !a.is_float() {
        return Ok(true);
    }
    if let Some(r) = builtin_compare(vm, cmp::EQ, a, b)? {
        return Ok(r);
    }
    let r = compare(vm, cmp::EQ, a, b)?;
    truthy(vm, r)
}

/// `bool(v)`.
pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v.is_small_int() {
        return Ok(v.as_small_int() != 0);
    }
    if v.is_float() {
        return Ok(v.as_f64() != 0.0);
    }
    if v == vm.true_ {
        return Ok(true);
    }
    if v == vm.false_ || v == vm.none {
        return Ok(false);
    }
    match layout_of(v) {
        Layout::Type => {
            if let Some(r) = crate::vm::types::metatype::meta_dunder(vm, v, "__bool__", &[])? {
                return truthy(vm, r);
            }
            if let Some(r) = crate::vm::types::metatype::meta_dunder(vm, v, "__len__", &[])? {
                return Ok(crate::vm::builtins::len_result(vm, r)? != 0);
            }
            Ok(true)
        }
        Layout::Str => Ok(as_str(v).unwrap().s.len() > 0),
        Layout::List => Ok(!as_list(v).unwrap().is_empty()),
        Layout::Tuple => Ok(!as_tuple(v).unwrap().is_empty()),
        Layout::Dict | Layout::Set => Ok(rdict::len_of(v) > 0),
        Layout::Bytes => Ok(!as_bytes(v).unwrap().is_empty()),
        Layout::BigInt => Ok(true),
        Layout::Complex => Ok(crate::vm::types::complex::truthy(v)),
        Layout::Range => {
            let r = as_range(v).unwrap();
            if let Some(b) = &r.big {
                return Ok(!num_traits::Zero::is_zero(&b.len));
            }
            Ok(crate::vm::types::misc::range_len(r.start, r.stop, r.step) > 0)
        }
        Layout::Instance | Layout::Native => {
            let t = obj_type(v);
            let version = type_data(t).version.get();
            if version != 0 && type_data(t).always_true.get() == version {
                return Ok(true);
            }
            if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, v, "__bool__")
                .and(crate::vm::types::subclass::defer_to_base(vm, v, "__len__"))
            {
                return truthy(vm, b);
            }
            if let Some(f) = lookup_type_str(vm, t, "__bool__") {
                let r = call_method_value(vm, f, v, &[])?;
                if as_bool_obj(r).is_none() {
                    let tn = vm.type_name(r);
                    return Err(
                        vm.type_error(format!("__bool__ should return bool, returned {tn}"))
                    );
                }
                return Ok(r == vm.true_);
            }
            if let Some(f) = lookup_type_str(vm, t, "__len__") {
                let r = call_method_value(vm, f, v, &[])?;
                // Checked as len() checks it: a negative length is a ValueError, a non-int
                // a TypeError.
                return Ok(crate::vm::builtins::len_result(vm, r)? != 0);
            }
            // Neither is defined anywhere in the MRO (nor a built-in base decides): true for
            // as long as the class and its bases keep their attributes (the version tag).
            type_data(t).always_true.set(version);
            Ok(true)
        }
        Layout::DictView => {
            let d = as_view(v).unwrap().dict;
            Ok(rdict::len_of(d) > 0)
        }
        _ => Ok(true),
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    if let Some(r) =
        crate::vm::types::metatype::meta_dunder(vm, container, "__contains__", &[item])?
    {
        return truthy(vm, r);
    }
    if container.is_ptr() {
        match layout_of(container) {
            // PyUnicode_Contains takes any str, a subclass instance included.
            Layout::Str if crate::vm::types::subclass::str_arg(item).is_some() => {
                let needle = crate::vm::types::subclass::str_arg(item).unwrap();
                return Ok(as_str(container).unwrap().s.contains(&*needle.s));
            }
            Layout::Str => {
                let tn = vm.type_name(item);
                return Err(vm.type_error(format!(
                    "'in <string>' requires string as left operand, not {tn}"
                )));
            }
            Layout::Dict => return Ok(rdict::dict_get(vm, container, item)?.is_some()),
            Layout::Set => return rdict::set_contains(vm, container, item),
            Layout::List | Layout::Tuple => {
                let n = if let Some(l) = as_list(container) {
                    l.len()
                } else {
                    as_tuple(container).unwrap().len()
                };
                for i in 0..n {
                    let x = match as_list(container) {
                        Some(l) => match l.get(i) {
                            Some(&x) => x,
                            None => break,
                        },
                        None => as_tuple(container).unwrap()[i],
                    };
                    if eq(vm, x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Layout::Bytes => return crate::vm::types::bytes::contains(vm, container, item),
            Layout::Range => {
                let r = as_range(container).unwrap();
                if r.big.is_some() || as_bigint(item).is_some() {
                    if let Some(i) = crate::vm::types::range_big::int_big(item) {
                        return Ok(crate::vm::types::range_big::contains_int(r, &i));
                    }
                } else if let Some(i) = num::int_to_i64(item) {
                    let (s, e, st) = (r.start, r.stop, r.step);
                    let inr = if st > 0 {
                        i >= s && i < e
                    } else {
                        i <= s && i > e
                    };
                    return Ok(inr && (i - s) % st == 0);
                }
            }
            Layout::DictView => {
                let d = as_view(container).unwrap();
                let (dict, kind) = (d.dict, d.kind);
                match kind {
                    DictIterKind::Keys => return Ok(rdict::dict_get(vm, dict, item)?.is_some()),
                    DictIterKind::Values => {
                        for (_, v) in rdict::items_of(dict) {
                            if eq(vm, v, item)? {
                                return Ok(true);
                            }
                        }
                        return Ok(false);
                    }
                    DictIterKind::Items => {
                        if let Some(t) = as_tuple(item) {
                            if t.len() == 2 {
                                let (k, v) = (t[0], t[1]);
                                if let Some(w) = rdict::dict_get(vm, dict, k)? {
                                    return eq(vm, v, w);
                                }
                            }
                        }
                        return Ok(false);
                    }
                }
            }
            Layout::Instance | Layout::Native => {
                if let Some(b) =
                    crate::vm::types::subclass::defer_to_base(vm, container, "__contains__")
                {
                    return contains(vm, b, item);
                }
                let t = obj_type(container);
                if let Some(f) = lookup_type_str(vm, t, "__contains__") {
                    let r = call_method_value(vm, f, container, &[item])?;
                    return truthy(vm, r);
                }
            }
            _ => {}
        }
    }
    // Fall back to iteration.
    let it = match riter::get_iter(vm, container) {
        Ok(it) => it,
        Err(_) => {
            let tn = vm.tp_name(container);
            return Err(vm.type_error(format!("argument of type '{tn}' is not iterable")));
        }
    };
    vm.roots.push(it);
    let r = (|| {
        while let Some(x) = riter::next(vm, it)? {
            if eq(vm, x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    vm.roots.pop();
    r
}
