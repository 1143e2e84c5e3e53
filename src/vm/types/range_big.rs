//! range objects whose bounds do not fit the small-int range (|x| >= 2**47): `RangeData.big`
//! holds start/stop/step/len as big ints, and every range operation checks for it before its
//! i64 fast path. Iterating one gives a `longrange_iterator`, as in CPython.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::{index_value, int_of, IntVal};
use crate::vm::value::Value;

/// `len(range(start, stop, step))` (step != 0).
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u32) / step + 1u32
    } else if step.is_negative() && start > stop {
        (start - stop - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

/// A range object from int bounds (step already checked non-zero): the i64 representation when
/// every bound is a small int, else the big one.
pub fn new_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let small = |b: &BigInt| b.to_i64().filter(|i| Value::try_from_i64(*i).is_some());
    let ty = vm.t.range;
    if let (Some(a), Some(b), Some(c)) = (small(&start), small(&stop), small(&step)) {
        return vm.heap.alloc(
            ty,
            RangeData {
                start: a,
                stop: b,
                step: c,
                big: None,
            },
        );
    }
    let len = big_len(&start, &stop, &step);
    vm.heap.alloc(
        ty,
        RangeData {
            start: 0,
            stop: 0,
            step: 1,
            big: Some(Box::new(BigRange {
                start,
                stop,
                step,
                len,
            })),
        },
    )
}

/// (start, stop, step, len) of any range object as big ints.
pub fn parts(r: &RangeData) -> (BigInt, BigInt, BigInt, BigInt) {
    match &r.big {
        Some(b) => (
            b.start.clone(),
            b.stop.clone(),
            b.step.clone(),
            b.len.clone(),
        ),
        None => (
            BigInt::from(r.start),
            BigInt::from(r.stop),
            BigInt::from(r.step),
            BigInt::from(super::misc::range_len(r.start, r.stop, r.step)),
        ),
    }
}

/// `len(r)` for a big range ("Python int too large to convert to C ssize_t" past isize).
pub fn len(vm: &mut Vm, b: &BigRange) -> PyResult<usize> {
    match b.len.to_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

pub fn repr(b: &BigRange) -> String {
    if b.step.is_one() {
        format!("range({}, {})", b.start, b.stop)
    } else {
        format!("range({}, {}, {})", b.start, b.stop, b.step)
    }
}

pub fn special_attr(vm: &mut Vm, b: &BigRange, name: &str) -> Option<Value> {
    let v = match name {
        "start" => b.start.clone(),
        "stop" => b.stop.clone(),
        "step" => b.step.clone(),
        _ => return None,
    };
    Some(vm.new_bigint(v))
}

/// `i in r` for an int `i`.
pub fn contains_int(r: &RangeData, i: &BigInt) -> bool {
    let (start, stop, step, _) = parts(r);
    let inr = if step.is_positive() {
        *i >= start && *i < stop
    } else {
        *i <= start && *i > stop
    };
    inr && ((i - &start).mod_floor(&step)).is_zero()
}

/// `r.index(i)` for an int contained in `r`.
pub fn index_of(r: &RangeData, i: &BigInt) -> BigInt {
    let (start, _, step, _) = parts(r);
    (i - start) / step
}

/// `r == s` for ranges (equal as sequences).
pub fn range_eq(a: &RangeData, b: &RangeData) -> bool {
    let (s1, _, st1, l1) = parts(a);
    let (s2, _, st2, l2) = parts(b);
    l1 == l2 && (l1.is_zero() || (s1 == s2 && (l1.is_one() || st1 == st2)))
}

/// `r[k]` for a big range (an index or a slice).
pub fn getitem(vm: &mut Vm, r: &RangeData, k: Value) -> PyResult {
    let (start, _, step, len) = parts(r);
    if let Some(sd) = as_slice(k) {
        let (a, b, c) = (sd.start, sd.stop, sd.step);
        let (s, e, st) = slice_indices(vm, a, b, c, &len)?;
        let r_start = &start + &s * &step;
        let r_stop = &start + &e * &step;
        let r_step = &step * &st;
        return Ok(new_range(vm, r_start, r_stop, r_step));
    }
    let Some(i) = index_value(vm, k)? else {
        let tn = vm.type_name(k);
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {tn}"
        )));
    };
    let mut i = i.to_big();
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(start + i * step))
}

/// CPython's `_PySlice_GetLongIndices`: (start, stop, step) of a slice over `len` items.
pub fn slice_indices(
    vm: &mut Vm,
    a: Value,
    b: Value,
    c: Value,
    len: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let get = |vm: &mut Vm, v: Value| -> PyResult<Option<BigInt>> {
        if v == vm.none {
            return Ok(None);
        }
        match index_value(vm, v)? {
            Some(i) => Ok(Some(i.to_big())),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let step = get(vm, c)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let clamp = |x: BigInt| -> BigInt {
        if x.is_negative() {
            let y = x + len;
            if y < lower {
                lower.clone()
            } else {
                y
            }
        } else if x > upper {
            upper.clone()
        } else {
            x
        }
    };
    let start = match get(vm, a)? {
        Some(x) => clamp(x),
        None => {
            if neg {
                upper.clone()
            } else {
                lower.clone()
            }
        }
    };
    let stop = match get(vm, b)? {
        Some(x) => clamp(x),
        None => {
            if neg {
                lower.clone()
            } else {
                upper.clone()
            }
        }
    };
    Ok((start, stop, step))
}

/// `iter(r)` / `reversed(r)` for a big range.
pub fn iter(vm: &mut Vm, b: &BigRange, reversed: bool) -> Value {
    let (cur, step) = if reversed {
        (&b.start + (&b.len - 1u32) * &b.step, -&b.step)
    } else {
        (b.start.clone(), b.step.clone())
    };
    // CPython iterates with C longs (range_iterator) when its range_iter / range_reverse checks
    // find every quantity representable; otherwise it uses a longrange_iterator.
    let fits = |x: &BigInt| x.to_i64().is_some();
    let base = fits(&b.start) && fits(&b.stop) && fits(&b.step) && fits(&b.len);
    let fast = if reversed {
        base && b.step != BigInt::from(i64::MIN) && fits(&(&b.start - &b.step))
    } else {
        base && (b.len.is_zero()
            || fits(&if b.step.is_positive() {
                &b.stop + &b.step - 1u32
            } else {
                &b.stop + &b.step + 1u32
            }))
    };
    if fast {
        let i = |x: &BigInt| x.to_i64().unwrap_or(0);
        return super::misc::new_range_iter(vm, i(&cur), i(&step), i(&b.len));
    }
    let ty = vm.t.longrange_iterator;
    vm.new_iter(ty, IterData::BigRange(Box::new([cur, step, b.len.clone()])))
}

/// The next value of a `longrange_iterator`.
pub fn next(vm: &mut Vm, cur: &mut BigInt, step: &BigInt, left: &mut BigInt) -> Option<Value> {
    if !left.is_positive() {
        return None;
    }
    let v = cur.clone();
    *cur += step;
    *left -= 1u32;
    Some(vm.new_bigint(v))
}

/// `range(...)` arguments as big ints (after `__index__`).
pub fn arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match index_value(vm, v)? {
        Some(i) => Ok(i.to_big()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// The int value of `v` if it is an int.
pub fn int_big(v: Value) -> Option<BigInt> {
    int_of(v).map(|i| match i {
        IntVal::Small(x) => BigInt::from(x),
        IntVal::Big(b) => b,
    })
}

/// The tuple a range hashes as: (len, None, None), (len, start, None) or (len, start, step).
pub fn hash_key(vm: &mut Vm, r: Value) -> Value {
    let (start, _, step, len) = parts(as_range(r).unwrap());
    let none = vm.none;
    let l = vm.new_bigint(len.clone());
    let items = if len.is_zero() {
        vec![l, none, none]
    } else if len.is_one() {
        let s = vm.new_bigint(start);
        vec![l, s, none]
    } else {
        let s = vm.new_bigint(start);
        let st = vm.new_bigint(step);
        vec![l, s, st]
    };
    vm.new_tuple(items)
}
