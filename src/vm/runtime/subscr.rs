//! Subscripts: `c[k]`, `c[k] = v`, `del c[k]`, slices.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::dict as rdict;
use crate::vm::runtime::num::IntVal;
use crate::vm::value::Value;

pub fn new_slice(vm: &mut Vm, start: Value, stop: Value, step: Value) -> Value {
    let ty = vm.t.slice;
    vm.heap.alloc(ty, SliceData { start, stop, step })
}

/// `c[a:b]` for a list or tuple with None / small-int bounds, without a slice object.
#[inline]
pub fn simple_slice(vm: &mut Vm, c: Value, a: Value, b: Value) -> Option<Value> {
    let bound = |v: Value, dflt: i64, len: i64| -> Option<i64> {
        let x = if v == vm.none {
            dflt
        } else if v.is_small_int() {
            v.as_small_int()
        } else {
            return None;
        };
        let x = if x < 0 { (x + len).max(0) } else { x.min(len) };
        Some(x)
    };
    if let Some(l) = as_list(c) {
        let n = l.len() as i64;
        let (s, e) = (bound(a, 0, n)?, bound(b, n, n)?);
        let v = if s < e {
            l[s as usize..e as usize].to_vec()
        } else {
            Vec::new()
        };
        return Some(vm.new_list(v));
    }
    if let Some(t) = as_tuple(c) {
        let n = t.len() as i64;
        let (s, e) = (bound(a, 0, n)?, bound(b, n, n)?);
        if s == 0 && e == n {
            return Some(c);
        }
        let v = if s < e {
            t[s as usize..e as usize].to_vec()
        } else {
            Vec::new()
        };
        return Some(vm.new_tuple(v));
    }
    None
}

/// `c[a:b] = v` for a list `c` and a list or tuple `v` with None / small-int bounds; false when
/// the general path is needed.
#[inline]
pub fn simple_store_slice(vm: &mut Vm, c: Value, a: Value, b: Value, v: Value) -> bool {
    let Some(l) = as_list(c) else { return false };
    let n = l.len() as i64;
    let bound = |x: Value, dflt: i64| -> Option<i64> {
        let x = if x == vm.none {
            dflt
        } else if x.is_small_int() {
            x.as_small_int()
        } else {
            return None;
        };
        Some(if x < 0 { (x + n).max(0) } else { x.min(n) })
    };
    let (Some(s), Some(e)) = (bound(a, 0), bound(b, n)) else {
        return false;
    };
    let e = e.max(s);
    let src: Vec<Value> = if let Some(x) = as_list(v) {
        x.to_vec()
    } else if let Some(t) = as_tuple(v) {
        t.to_vec()
    } else {
        return false;
    };
    let l = as_list(c).unwrap();
    let (s, e) = (s as usize, e as usize);
    if src.len() == e - s {
        l[s..e].copy_from_slice(&src);
    } else {
        l.vec(|l| drop(l.splice(s..e, src)));
    }
    true
}

/// A slice bound given as an argument (CPython's `_PyEval_SliceIndex`, not None): `__index__`,
/// clamped to the 64-bit range (`'abc'.find('c', -10**30)` searches the whole string).
pub fn slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match crate::vm::runtime::num::index_i64(vm, v)? {
        Some(IntVal::Small(i)) => Ok(i),
        Some(IntVal::Big(b)) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        None => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// An index operand as i64 (`__index__` of ints and bools); TypeError otherwise.
pub fn index_of(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    index_or(vm, v, |tn| {
        format!("{what} indices must be integers or slices, not {tn}")
    })
}

/// `index_of` with the sequence's own TypeError message for a non-index, built from the
/// operand's type name (str's reads "string indices must be integers, not 'float'").
pub fn index_or(vm: &mut Vm, v: Value, not_index: impl FnOnce(&str) -> String) -> PyResult<i64> {
    match crate::vm::runtime::num::index_i64(vm, v)? {
        Some(IntVal::Small(i)) => Ok(i),
        Some(IntVal::Big(_)) => {
            Err(vm.err("IndexError", "cannot fit 'int' into an index-sized integer"))
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(not_index(&tn)))
        }
    }
}

/// (start, stop, step, length) of a slice applied to a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, s: Value, len: i64) -> PyResult<(i64, i64, i64, usize)> {
    let (a, b, step) = slice_unpack(vm, s)?;
    Ok(slice_adjust(a, b, step, len))
}

/// A slice's (start, stop, step) as integers (`PySlice_Unpack`): runs `__index__`, which may
/// change the sequence, so a mutable sequence's length is read after it (`slice_adjust`).
pub fn slice_unpack(vm: &mut Vm, s: Value) -> PyResult<(Option<i64>, Option<i64>, i64)> {
    let sd = as_slice(s).unwrap();
    let (a, b, c) = (sd.start, sd.stop, sd.step);
    let get = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
        if v == vm.none {
            return Ok(None);
        }
        // `__index__` of an instance (it may run Python code; the slice holds `v`).
        match crate::vm::runtime::num::index_value(vm, v)? {
            Some(IntVal::Small(i)) => Ok(Some(i)),
            Some(IntVal::Big(b)) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let step = get(vm, c)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    Ok((get(vm, a)?, get(vm, b)?, step))
}

/// (start, stop, step, length) of unpacked slice bounds over `len` items
/// (`PySlice_AdjustIndices`).
pub fn slice_adjust(a: Option<i64>, b: Option<i64>, step: i64, len: i64) -> (i64, i64, i64, usize) {
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |x: i64| -> i64 {
        if x < 0 {
            let y = x + len;
            if y < lo {
                lo
            } else {
                y
            }
        } else if x > hi {
            hi
        } else {
            x
        }
    };
    let start = match a {
        Some(x) => norm(x),
        None => {
            if step < 0 {
                hi
            } else {
                lo
            }
        }
    };
    let stop = match b {
        Some(x) => norm(x),
        None => {
            if step < 0 {
                lo
            } else {
                hi
            }
        }
    };
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, step, n as usize)
}

/// A Python index (negative counts from the end) as a position in `0..len`, if in range.
#[inline]
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

fn pick<T: Copy>(items: &[T], start: i64, step: i64, n: usize) -> Vec<T> {
    if n == 0 {
        return Vec::new();
    }
    if step == 1 || n == 1 {
        // One copy of the run (`l[a:b]`, `l[:k]`), not an item-by-item push.
        return items[start as usize..start as usize + n].to_vec();
    }
    if step == -1 {
        // `l[k::-1]`: the run reversed.
        let s = start as usize;
        return items[s + 1 - n..=s].iter().rev().copied().collect();
    }
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    for _ in 0..n {
        out.push(items[i as usize]);
        i += step;
    }
    out
}

/// `c[k]`.
pub fn getitem(vm: &mut Vm, c: Value, k: Value) -> PyResult {
    if c.is_ptr() {
        match layout_of(c) {
            Layout::DictView if crate::vm::types::mappingproxy::target(vm, c).is_some() => {
                return crate::vm::types::mappingproxy::getitem(vm, c, k);
            }
            Layout::List => {
                if k.is_small_int() {
                    let l = as_list(c).unwrap();
                    return match norm_index(k.as_small_int(), l.len()) {
                        Some(i) => Ok(l[i]),
                        None => Err(vm.index_error("list index out of range")),
                    };
                }
                if as_slice(k).is_some() {
                    let (a, b, st) = slice_unpack(vm, k)?;
                    let len = as_list(c).unwrap().len();
                    let (s, _, st, n) = slice_adjust(a, b, st, len as i64);
                    let v = pick(as_list(c).unwrap(), s, st, n);
                    return Ok(vm.new_list(v));
                }
                let i = index_of(vm, k, "list")?;
                let l = as_list(c).unwrap();
                return match norm_index(i, l.len()) {
                    Some(i) => Ok(l[i]),
                    None => Err(vm.index_error("list index out of range")),
                };
            }
            Layout::Tuple => {
                if as_slice(k).is_some() {
                    let len = as_tuple(c).unwrap().len();
                    let (s, _, st, n) = slice_indices(vm, k, len as i64)?;
                    // A full slice of an immutable sequence is the sequence itself.
                    if s == 0 && st == 1 && n == len {
                        return Ok(c);
                    }
                    let v = pick(as_tuple(c).unwrap(), s, st, n);
                    return Ok(vm.new_tuple(v));
                }
                let i = index_of(vm, k, "tuple")?;
                let l = as_tuple(c).unwrap();
                return match norm_index(i, l.len()) {
                    Some(i) => Ok(l[i]),
                    None => Err(vm.index_error("tuple index out of range")),
                };
            }
            Layout::Str => {
                let sd = as_str(c).unwrap();
                if as_slice(k).is_some() {
                    let (s, _, st, n) = slice_indices(vm, k, sd.nchars as i64)?;
                    let sd = as_str(c).unwrap();
                    if s == 0 && st == 1 && n == sd.nchars {
                        return Ok(c);
                    }
                    let out: String = if sd.is_ascii() {
                        let b = pick(sd.s.as_bytes(), s, st, n);
                        String::from_utf8(b).unwrap()
                    } else {
                        let chars: Vec<char> = sd.s.chars().collect();
                        pick(&chars, s, st, n).into_iter().collect()
                    };
                    return Ok(vm.new_str_owned(out));
                }
                // Any index object (`__index__`: int subclasses, IntEnum members), as CPython's
                // _PyIndex_Check; only the message for others is the string's own.
                let i = index_or(vm, k, |tn| {
                    format!("string indices must be integers, not '{tn}'")
                })?;
                let sd = as_str(c).unwrap();
                return match norm_index(i, sd.nchars) {
                    Some(i) => {
                        if sd.is_ascii() {
                            let b = sd.s.as_bytes()[i];
                            Ok(vm.small_strs[b as usize])
                        } else {
                            let ch = sd.s.chars().nth(i).unwrap();
                            Ok(vm.new_str_owned(ch.to_string()))
                        }
                    }
                    None => Err(vm.index_error("string index out of range")),
                };
            }
            Layout::Bytes => {
                if as_slice(k).is_some() {
                    let (a, b, st) = slice_unpack(vm, k)?;
                    let len = as_bytes(c).unwrap().len();
                    let (s, _, st, n) = slice_adjust(a, b, st, len as i64);
                    if s == 0 && st == 1 && n == len && obj_type(c) == vm.t.bytes {
                        return Ok(c);
                    }
                    let v = pick(as_bytes(c).unwrap(), s, st, n);
                    return Ok(crate::vm::types::bytes::new_like(vm, c, v));
                }
                let i = index_of(vm, k, "byte")?;
                let l = as_bytes(c).unwrap();
                return match norm_index(i, l.len()) {
                    Some(i) => Ok(vm.new_int(l[i] as i64)),
                    None if crate::vm::types::bytes::is_bytearray(vm, c) => {
                        Err(vm.index_error("bytearray index out of range"))
                    }
                    None => Err(vm.index_error("index out of range")),
                };
            }
            Layout::Dict => {
                return match rdict::dict_get(vm, c, k)? {
                    Some(v) => Ok(v),
                    None => {
                        let ty = obj_type(c);
                        if ty != vm.t.dict {
                            if let Some(f) = lookup_type_str(vm, ty, "__missing__") {
                                return call_method_value(vm, f, c, &[k]);
                            }
                        }
                        let kt = vm.t.exc("KeyError");
                        let args = vm.new_tuple(vec![k]);
                        Err(vm.new_exception_args(kt, args))
                    }
                };
            }
            Layout::Range => {
                let r = as_range(c).unwrap();
                if r.big.is_some() || as_slice(k).is_some() {
                    return crate::vm::types::range_big::getitem(vm, r, k);
                }
                let (start, stop, step) = (r.start, r.stop, r.step);
                let len = crate::vm::types::misc::range_len(start, stop, step);
                // An index past i64 is out of range of a range whose bounds fit in i64.
                let i = match crate::vm::runtime::num::index_i64(vm, k)? {
                    Some(IntVal::Small(i)) => i,
                    Some(IntVal::Big(_)) => {
                        return Err(vm.index_error("range object index out of range"))
                    }
                    None => index_of(vm, k, "range")?,
                };
                return match norm_index(i, len as usize) {
                    Some(i) => Ok(vm.new_int(start + i as i64 * step)),
                    None => Err(vm.index_error("range object index out of range")),
                };
            }
            Layout::Type => {
                if let Some(r) =
                    crate::vm::types::metatype::meta_dunder(vm, c, "__getitem__", &[k])?
                {
                    return Ok(r);
                }
                let t = c.as_ptr::<TypeObject>();
                if let Some(f) = lookup_type_str(vm, t, "__class_getitem__") {
                    let f = crate::vm::runtime::attr::bind_descriptor(vm, f, Value::NULL, t)?;
                    return crate::vm::runtime::call::call(vm, f, &[k], &[]);
                }
                if t as *const TypeObject == vm.t.type_ {
                    return crate::vm::types::metatype::class_getitem(vm, &[c, k], &[]);
                }
            }
            Layout::Instance | Layout::Native => {
                if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, c, "__getitem__") {
                    return crate::vm::types::subclass::getitem(vm, c, b, k);
                }
                let t = obj_type(c);
                if let Some(f) = lookup_type_str(vm, t, "__getitem__") {
                    return call_method_value(vm, f, c, &[k]);
                }
            }
            _ => {}
        }
    }
    let tn = vm.tp_name(c);
    if as_type(c).is_some() {
        let n = type_data(c.as_ptr()).name.clone();
        return Err(vm.type_error(format!("type '{n}' is not subscriptable")));
    }
    Err(vm.type_error(format!("'{tn}' object is not subscriptable")))
}

/// `c[k] = v`.
pub fn setitem(vm: &mut Vm, c: Value, k: Value, v: Value) -> PyResult<()> {
    if c.is_ptr() {
        match layout_of(c) {
            Layout::List => {
                if as_slice(k).is_some() {
                    // `__index__` and the iteration of `v` may change the list: its length
                    // is read after both.
                    let (a, b, st) = slice_unpack(vm, k)?;
                    let items = crate::vm::runtime::iter::collect(vm, v)?;
                    let l = as_list(c).unwrap();
                    let (s, e, st, n) = slice_adjust(a, b, st, l.len() as i64);
                    if st == 1 {
                        let e = e.max(s);
                        l.vec(|l| drop(l.splice(s as usize..e as usize, items)));
                        return Ok(());
                    }
                    if items.len() != n {
                        return Err(vm.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            n
                        )));
                    }
                    let mut i = s;
                    for x in items {
                        l[i as usize] = x;
                        i += st;
                    }
                    return Ok(());
                }
                let i = index_of(vm, k, "list")?;
                let l = as_list(c).unwrap();
                return match norm_index(i, l.len()) {
                    Some(i) => {
                        l[i] = v;
                        Ok(())
                    }
                    None => Err(vm.index_error("list assignment index out of range")),
                };
            }
            Layout::Dict => return rdict::dict_set(vm, c, k, v),
            Layout::Bytes if crate::vm::types::bytes::is_bytearray(vm, c) => {
                if as_slice(k).is_some() {
                    let (a, b, st) = slice_unpack(vm, k)?;
                    let items: Vec<u8> = match as_bytes(v) {
                        Some(b) => b.clone(),
                        None => {
                            let vals = crate::vm::runtime::iter::collect(vm, v)?;
                            crate::vm::types::bytes::byte_values(vm, &vals, false)?
                        }
                    };
                    let l = as_bytes(c).unwrap();
                    let (s, e, st, n) = slice_adjust(a, b, st, l.len() as i64);
                    if st == 1 {
                        let e = e.max(s);
                        l.splice(s as usize..e as usize, items);
                        return Ok(());
                    }
                    if items.len() != n {
                        return Err(vm.value_error(format!(
                            "attempt to assign bytes of size {} to extended slice of size {}",
                            items.len(),
                            n
                        )));
                    }
                    let mut i = s;
                    for x in items {
                        l[i as usize] = x;
                        i += st;
                    }
                    return Ok(());
                }
                let i = index_of(vm, k, "bytearray")?;
                let b = crate::vm::types::bytes::byte_value(vm, v)?;
                let l = as_bytes(c).unwrap();
                return match norm_index(i, l.len()) {
                    Some(i) => {
                        l[i] = b;
                        Ok(())
                    }
                    None => Err(vm.index_error("bytearray index out of range")),
                };
            }
            Layout::Instance | Layout::Native => {
                if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, c, "__setitem__") {
                    return setitem(vm, b, k, v);
                }
                let t = obj_type(c);
                if let Some(f) = lookup_type_str(vm, t, "__setitem__") {
                    call_method_value(vm, f, c, &[k, v])?;
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    let tn = vm.tp_name(c);
    Err(vm.type_error(format!("'{tn}' object does not support item assignment")))
}

/// `del c[k]`.
pub fn delitem(vm: &mut Vm, c: Value, k: Value) -> PyResult<()> {
    if c.is_ptr() {
        match layout_of(c) {
            Layout::List => {
                if as_slice(k).is_some() {
                    let (a, b, st) = slice_unpack(vm, k)?;
                    let len = as_list(c).unwrap().len();
                    let (s, _, st, n) = slice_adjust(a, b, st, len as i64);
                    let mut idx: Vec<usize> =
                        (0..n).map(|j| (s + j as i64 * st) as usize).collect();
                    idx.sort_unstable();
                    let l = as_list(c).unwrap();
                    for &i in idx.iter().rev() {
                        l.remove(i);
                    }
                    return Ok(());
                }
                let i = index_of(vm, k, "list")?;
                let l = as_list(c).unwrap();
                return match norm_index(i, l.len()) {
                    Some(i) => {
                        l.remove(i);
                        Ok(())
                    }
                    None => Err(vm.index_error("list assignment index out of range")),
                };
            }
            Layout::Bytes if crate::vm::types::bytes::is_bytearray(vm, c) => {
                if as_slice(k).is_some() {
                    let (a, b, st) = slice_unpack(vm, k)?;
                    let len = as_bytes(c).unwrap().len();
                    let (s, _, st, n) = slice_adjust(a, b, st, len as i64);
                    let mut idx: Vec<usize> =
                        (0..n).map(|j| (s + j as i64 * st) as usize).collect();
                    idx.sort_unstable();
                    let l = as_bytes(c).unwrap();
                    for &i in idx.iter().rev() {
                        l.remove(i);
                    }
                    return Ok(());
                }
                let i = index_of(vm, k, "bytearray")?;
                let l = as_bytes(c).unwrap();
                return match norm_index(i, l.len()) {
                    Some(i) => {
                        l.remove(i);
                        Ok(())
                    }
                    None => Err(vm.index_error("bytearray index out of range")),
                };
            }
            Layout::Dict => {
                return match rdict::dict_del(vm, c, k)? {
                    Some(_) => Ok(()),
                    None => {
                        let kt = vm.t.exc("KeyError");
                        let args = vm.new_tuple(vec![k]);
                        Err(vm.new_exception_args(kt, args))
                    }
                };
            }
            Layout::Instance | Layout::Native => {
                if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, c, "__delitem__") {
                    return delitem(vm, b, k);
                }
                let t = obj_type(c);
                if let Some(f) = lookup_type_str(vm, t, "__delitem__") {
                    call_method_value(vm, f, c, &[k])?;
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    let tn = vm.type_name(c);
    // CPython's mappingproxy has its own wording.
    let does = if tn == "mappingproxy" {
        "does not"
    } else {
        "doesn't"
    };
    Err(vm.type_error(format!("'{tn}' object {does} support item deletion")))
}
