//! Hashing and dict/set table operations on Values.

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use crate::vm::dict::DictTable;
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

const MODULUS: u64 = (1 << 61) - 1;

#[inline(always)]
fn fix_minus_one(h: i64) -> u64 {
    (if h == -1 { -2 } else { h }) as u64
}

pub fn hash_i64(i: i64) -> u64 {
    // |i| < 2^47 for small ints, so no reduction is needed; big ints go through hash_bigint.
    if i.unsigned_abs() < MODULUS {
        fix_minus_one(i)
    } else {
        hash_bigint(&BigInt::from(i))
    }
}

pub fn hash_bigint(b: &BigInt) -> u64 {
    let m = BigInt::from(MODULUS);
    let r = (b.magnitude() % m.magnitude()).to_i64().unwrap_or(0);
    let h = if b.sign() == Sign::Minus { -r } else { r };
    fix_minus_one(h)
}

/// CPython's `_Py_HashDouble` for finite values; NaN hashes by identity in CPython, here 0.
pub fn hash_f64(x: f64) -> u64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { (-314159i64) as u64 };
    }
    if x.is_nan() {
        return 0;
    }
    if x.fract() == 0.0 && x.abs() < 1e18 {
        return hash_i64(x as i64);
    }
    let (mut m, mut e) = frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut xh: u64 = 0;
    while m != 0.0 {
        xh = ((xh << 28) & MODULUS) | (xh >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        xh += y;
        if xh >= MODULUS {
            xh -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    xh = ((xh << e) & MODULUS) | (xh >> (61 - e));
    fix_minus_one(xh as i64 * sign)
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// `hash(v)`. A small int's hash is itself (|i| < 2^47, no reduction), computed inline; every
/// other value goes out of line, so callers (set and dict probes) do not pay `hash_object`'s
/// frame for an int key (nqueens' `set(vec[i] + i for i in cols)`: ~45 instructions a hash,
/// most of them saving and restoring registers).
#[inline]
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<u64> {
    if v.is_small_int() {
        return Ok(fix_minus_one(v.as_small_int()));
    }
    hash_other(vm, v)
}

/// `hash` of anything but a small int. Never -1 (CPython's rule; the set table marks a slot
/// without a key by that hash).
#[inline(never)]
fn hash_other(vm: &mut Vm, v: Value) -> PyResult<u64> {
    hash_object(vm, v).map(|h| fix_minus_one(h as i64))
}

fn hash_object(vm: &mut Vm, v: Value) -> PyResult<u64> {
    if v.is_float() {
        return Ok(crate::rtlib::hash::hash_f64(v.as_f64(), v.0 as usize) as u64);
    }
    if let Some(s) = as_str(v) {
        let h = s.hash.get();
        if h != u64::MAX {
            return Ok(h);
        }
        let h = crate::rtlib::hash::hash_str(&s.s) as u64;
        s.hash.set(h);
        return Ok(h);
    }
    match layout_of(v) {
        Layout::BigInt => Ok(hash_bigint(as_bigint(v).unwrap())),
        Layout::WeakRef => crate::vm::modules::weakref::hash_value(vm, v).map(|h| h as u64),
        Layout::Bool => Ok(if v == vm.true_ { 1 } else { 0 }),
        Layout::Complex => Ok(crate::vm::types::complex::hash(v)),
        Layout::Bytes if crate::vm::types::bytes::is_bytearray(vm, v) => {
            Err(vm.type_error("unhashable type: 'bytearray'"))
        }
        Layout::Bytes => Ok(crate::rtlib::hash::hash_bytes(as_bytes(v).unwrap()) as u64),
        Layout::Tuple => {
            let items: Vec<Value> = as_tuple(v).unwrap().to_vec();
            let mut hs = Vec::with_capacity(items.len());
            for it in items {
                hs.push(hash(vm, it)?);
            }
            Ok(crate::rtlib::hash::hash_tuple(hs.into_iter().map(|h| h as i64)) as u64)
        }
        Layout::Set if obj_type(v) == vm.t.frozenset => {
            let hs: Vec<i64> = as_set(v).unwrap().table.iter().map(|(_, h)| h).collect();
            Ok(crate::rtlib::hash::hash_frozenset(hs) as u64)
        }
        // dict_values has no __eq__ of its own, so it keeps object's identity hash.
        Layout::DictView if as_view(v).unwrap().kind == DictIterKind::Values => Ok(id_hash(v)),
        Layout::List | Layout::Dict | Layout::Set | Layout::DictView | Layout::Slice => {
            let n = vm.type_name(v);
            Err(vm.type_error(format!("unhashable type: '{n}'")))
        }
        Layout::Instance => {
            if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, v, "__hash__") {
                return hash(vm, b);
            }
            let ty = obj_type(v);
            let k = vm.sname("__hash__");
            match crate::vm::runtime::attr::lookup_type(ty, k) {
                Some(f) if f == vm.none => {
                    let n = vm.type_name(v);
                    Err(vm.type_error(format!("unhashable type: '{n}'")))
                }
                Some(f) if as_builtin(f).is_none() => {
                    let r = crate::vm::runtime::call::call_method_value(vm, f, v, &[])?;
                    if r.is_small_int() {
                        Ok(hash_i64(r.as_small_int()))
                    } else if let Some(b) = as_bigint(r) {
                        // A result that fits a Py_hash_t is the hash itself (a str's hash
                        // returned by a user __hash__ keeps matching the str).
                        Ok(i64::try_from(&*b).map_or_else(|_| hash_bigint(b), |i| i as u64))
                    } else if as_bool_obj(r).is_some() {
                        Ok(if r == vm.true_ { 1 } else { 0 })
                    } else {
                        Err(vm.type_error("__hash__ method should return an integer"))
                    }
                }
                // A built-in __hash__ (e.g. `__hash__ = int.__hash__`) of a built-in subclass.
                _ => match crate::vm::types::subclass::base_value(v) {
                    Some(b) => hash(vm, b),
                    None => Ok(id_hash(v)),
                },
            }
        }
        // Types written in Rust outside the core define `__hash__` as a method, or have none.
        Layout::Native => {
            let k = vm.sname("__hash__");
            match crate::vm::runtime::attr::lookup_type(obj_type(v), k) {
                Some(f) if f == vm.none => {
                    let n = vm.type_name(v);
                    Err(vm.type_error(format!("unhashable type: '{n}'")))
                }
                Some(f)
                    if as_builtin(f).is_some_and(|b| {
                        !b.owner.is_null() && b.owner != Value::from_ptr(vm.t.object)
                    }) =>
                {
                    // A built-in __hash__ returns the hash itself (a C Py_hash_t).
                    let r = crate::vm::runtime::call::call_method_value(vm, f, v, &[])?;
                    match crate::vm::runtime::num::int_of(r) {
                        Some(crate::vm::runtime::num::IntVal::Small(i)) => Ok(i as u64),
                        Some(crate::vm::runtime::num::IntVal::Big(b)) => match i64::try_from(&b) {
                            Ok(i) => Ok(i as u64),
                            Err(_) => Ok(hash_bigint(&b)),
                        },
                        None => Err(vm.type_error("__hash__ method should return an integer")),
                    }
                }
                _ => Ok(id_hash(v)),
            }
        }
        Layout::Range => {
            // CPython's range_hash: hash((len, start, step)), with None for the parts that do
            // not affect equality.
            let t = crate::vm::types::range_big::hash_key(vm, v);
            vm.roots.push(t);
            let r = hash(vm, t);
            vm.roots.pop();
            r
        }
        // CPython's meth_hash: the identity of self, xor the function's hash.
        Layout::BoundMethod => {
            let m = as_bound_method(v).unwrap();
            let (f, s) = (m.func, m.self_);
            Ok(id_hash(s) ^ hash(vm, f)?)
        }
        // Bound built-ins compare equal when they bind the same object to the same function
        // (`compare::richcompare`), so the hash is CPython's meth_hash of those two, not the
        // identity of the method object each attribute lookup makes anew.
        Layout::Builtin if !as_builtin(v).unwrap().bound.is_null() => {
            let b = as_builtin(v).unwrap();
            Ok(id_hash(b.bound) ^ id_hash(Value(b.f as usize as u64)))
        }
        _ => Ok(id_hash(v)),
    }
}

fn id_hash(v: Value) -> u64 {
    (v.0 >> 4) | (v.0 << 60)
}

/// Equality used for dict/set keys: identity, then `==`.
#[inline]
pub fn key_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    match key_eq_without_python(a, b) {
        Some(r) => Ok(r),
        None => crate::vm::runtime::compare::eq(vm, a, b),
    }
}

/// `key_eq` where it runs no Python code (identity, two strs, two small ints, two floats); None when the
/// answer needs `==`, which may call a user `__eq__`.
#[inline]
pub fn key_eq_without_python(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (as_str(a), as_str(b)) {
        return Some(x.s == y.s);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    if a.is_float() && b.is_float() {
        return Some(a.as_f64() == b.as_f64());
    }
    None
}

pub fn table_find(vm: &mut Vm, t: &DictTable, key: Value, h: u64) -> PyResult<Option<usize>> {
    t.find(h, |k| key_eq(vm, k, key))
}

fn dict_table<'a>(d: Value) -> &'a mut DictTable {
    &mut as_dict(d).expect("dict").table
}

/// `d[key]` if present.
pub fn dict_get(vm: &mut Vm, d: Value, key: Value) -> PyResult<Option<Value>> {
    let h = hash(vm, key)?;
    let t = dict_table(d);
    Ok(table_find(vm, t, key, h)?.map(|i| t.entry_mut(i).value))
}

/// Lookup by an (interned or not) str key; never runs Python code.
#[inline]
pub fn dict_get_str(vm: &mut Vm, d: Value, key: Value) -> Option<Value> {
    let h = match hash(vm, key) {
        Ok(h) => h,
        Err(_) => return None,
    };
    let t = &as_dict(d)?.table;
    let ks = str_of(key);
    let r: Result<Option<usize>, ()> = t.find(h, |k| {
        Ok(k == key || as_str(k).map(|s| &*s.s == ks).unwrap_or(false))
    });
    r.ok().flatten().map(|i| t.entry(i).unwrap().value)
}

pub fn dict_set_str(vm: &mut Vm, d: Value, key: Value, value: Value) {
    let _ = dict_set(vm, d, key, value);
}

/// `d[key] = value`.
pub fn dict_set(vm: &mut Vm, d: Value, key: Value, value: Value) -> PyResult<()> {
    let h = hash(vm, key)?;
    let t = dict_table(d);
    match table_find(vm, t, key, h)? {
        Some(i) => t.entry_mut(i).value = value,
        None => t.insert_new(h, key, value),
    }
    Ok(())
}

/// `del d[key]`; returns the removed value, None if absent.
pub fn dict_del(vm: &mut Vm, d: Value, key: Value) -> PyResult<Option<Value>> {
    let h = hash(vm, key)?;
    let t = dict_table(d);
    match table_find(vm, t, key, h)? {
        Some(i) => Ok(Some(t.remove_at(i).value)),
        None => Ok(None),
    }
}

pub use super::set::{set_add, set_contains, set_discard};

/// The keys of a dict or set, in iteration order.
pub fn keys_of(d: Value) -> Vec<Value> {
    if let Some(s) = as_set(d) {
        return s.table.iter().map(|(k, _)| *k).collect();
    }
    dict_table(d).iter().map(|e| e.key).collect()
}

pub fn items_of(d: Value) -> Vec<(Value, Value)> {
    dict_table(d).iter().map(|e| (e.key, e.value)).collect()
}

pub fn len_of(d: Value) -> usize {
    if let Some(s) = as_set(d) {
        return s.table.len();
    }
    dict_table(d).len()
}

pub fn is_zero_big(b: &BigInt) -> bool {
    b.is_zero()
}
