//! `__reduce__` of the built-in iterators (enumerate, map, filter, zip, reversed), sets, slices
//! and the `...`/`NotImplemented` singletons, with CPython's results and a checked self (a
//! foreign self is a TypeError, as CPython's method descriptors make it, where object.__reduce__
//! would accept anything); `reversed.__length_hint__`, `reversed.__setstate__`, `zip.__setstate__`.

use super::{add_method, nargs};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    for t in [
        vm.t.enumerate,
        vm.t.map,
        vm.t.filter,
        vm.t.zip,
        vm.t.reversed,
    ] {
        add_method(vm, t, "__reduce__", iter_reduce);
    }
    for t in [
        vm.t.list_iterator,
        vm.t.tuple_iterator,
        vm.t.str_iterator,
        vm.t.bytes_iterator,
        vm.t.bytearray_iterator,
        vm.t.list_reverseiterator,
    ] {
        add_method(vm, t, "__reduce__", seq_iter_reduce);
        add_method(vm, t, "__setstate__", seq_iter_setstate);
        add_method(vm, t, "__length_hint__", seq_iter_length_hint);
    }
    for t in dict_iter_types(vm) {
        add_method(vm, t, "__reduce__", dict_iter_reduce);
    }
    add_method(vm, vm.t.range_iterator, "__reduce__", range_iter_reduce);
    add_method(vm, vm.t.range_iterator, "__length_hint__", |vm, a, k| {
        nargs(vm, "__length_hint__", a, k, 1, 0, 0)?;
        let n = as_range_iter(a[0]).map_or(0, |r| r.len.max(0));
        Ok(vm.new_int(n))
    });
    add_method(vm, vm.t.reversed, "__length_hint__", reversed_length_hint);
    add_method(vm, vm.t.reversed, "__setstate__", reversed_setstate);
    add_method(vm, vm.t.zip, "__setstate__", zip_setstate);
    for t in [vm.t.set, vm.t.frozenset] {
        add_method(vm, t, "__reduce__", set_reduce);
    }
    add_method(vm, vm.t.slice, "__reduce__", slice_reduce);
    add_method(vm, vm.t.ellipsis_type, "__reduce__", |vm, a, k| {
        nargs(vm, "__reduce__", a, k, 1, 0, 0)?;
        Ok(vm.new_str("Ellipsis"))
    });
    add_method(vm, vm.t.not_implemented_type, "__reduce__", |vm, a, k| {
        nargs(vm, "__reduce__", a, k, 1, 0, 0)?;
        Ok(vm.new_str("NotImplemented"))
    });
}

/// The iterators over a dict (its keys, values and items, both ways) or a set.
pub fn dict_iter_types(vm: &Vm) -> [*const TypeObject; 7] {
    [
        vm.t.dict_keyiterator,
        vm.t.dict_valueiterator,
        vm.t.dict_itemiterator,
        vm.t.dict_reversekeyiterator,
        vm.t.dict_reversevalueiterator,
        vm.t.dict_reverseitemiterator,
        vm.t.set_iterator,
    ]
}

/// The built-in object behind `v` (itself, or the base value of a subclass instance).
fn base(v: Value) -> Value {
    super::subclass::base_value(v).unwrap_or(v)
}

fn type_value(vm: &Vm, v: Value) -> Value {
    Value::from_ptr(vm.type_of(v))
}

/// `(type(self), args)` or `(type(self), args, state)`.
fn reduce_value(vm: &mut Vm, v: Value, args: Vec<Value>, state: Option<Value>) -> Value {
    let t = type_value(vm, v);
    let args = vm.new_tuple(args);
    let mut items = vec![t, args];
    items.extend(state);
    vm.new_tuple(items)
}

fn iter_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let v = args[0];
    let (a, state) = match as_iter(base(v)) {
        Some(IterData::Enumerate { it, n }) => (vec![*it, *n], None),
        Some(IterData::Map { f, its }) => (std::iter::once(*f).chain(its.clone()).collect(), None),
        Some(IterData::Filter { f, it }) => (vec![*f, *it], None),
        Some(IterData::Zip { its, strict }) => (its.clone(), strict.then_some(vm.true_)),
        Some(IterData::SeqRev { seq, idx }) if *idx >= 0 => {
            (vec![*seq], Some(Value::try_from_i64(*idx as i64).unwrap()))
        }
        // Exhausted (CPython drops the sequence): reversed(()).
        Some(IterData::SeqRev { .. }) | Some(IterData::Done) if vm.isinstance(v, vm.t.reversed) => {
            (vec![vm.new_tuple(vec![])], None)
        }
        _ => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("cannot pickle '{tn}' object")));
        }
    };
    Ok(reduce_value(vm, v, a, state))
}

fn builtin(vm: &mut Vm, name: &str) -> Value {
    let k = vm.intern(name);
    crate::vm::runtime::dict::dict_get_str(vm, vm.builtins, k).unwrap_or(vm.none)
}

/// The sequence and next index of a list/tuple/str/bytes iterator (the index counts items, not
/// bytes, for a str), None once exhausted; for a list_reverseiterator the index counts down.
fn seq_iter_state(v: Value) -> Option<(Value, i64)> {
    if let Some(d) = as_seq_iter(v) {
        return (!d.seq.is_null()).then_some((d.seq, d.idx as i64));
    }
    match as_iter(v)? {
        IterData::Seq { seq, idx } => {
            let n = match as_str(*seq) {
                Some(s) => s.s[..*idx].chars().count(),
                None => *idx,
            };
            Some((*seq, n as i64))
        }
        IterData::SeqRev { seq, idx } if *idx >= 0 => Some((*seq, *idx as i64)),
        _ => None,
    }
}

/// `(iter, (list,))` of the items a dict or set iterator has left (read from a copy of it, so
/// the iterator itself does not advance), as CPython's dictiter_reduce and setiter_reduce give.
fn dict_iter_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let v = base(args[0]);
    let copy = match as_iter(v) {
        Some(&mut IterData::Dict {
            dict,
            idx,
            kind,
            len,
        }) => IterData::Dict {
            dict,
            idx,
            kind,
            len,
        },
        Some(&mut IterData::DictRev {
            dict,
            idx,
            kind,
            len,
        }) => IterData::DictRev {
            dict,
            idx,
            kind,
            len,
        },
        _ => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!("cannot pickle '{tn}' object")));
        }
    };
    let t = vm.type_of(v);
    let it = vm.new_iter(t, copy);
    vm.roots.push(it);
    let mut items = Vec::new();
    let drained = loop {
        match crate::vm::runtime::iter::next(vm, it) {
            Ok(Some(x)) => {
                vm.roots.push(x);
                items.push(x);
            }
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    let list = drained.map(|()| vm.new_list(items.clone()));
    vm.roots.truncate(vm.roots.len() - items.len());
    let list = list?;
    vm.roots.push(list);
    let iter = builtin(vm, "iter");
    let a = vm.new_tuple(vec![list]);
    vm.roots.push(a);
    let r = vm.new_tuple(vec![iter, a]);
    vm.roots.truncate(vm.roots.len() - 3);
    Ok(r)
}

/// `(iter, (seq,), index)` (`reversed` for a list_reverseiterator), or `(iter, (empty,))`
/// once exhausted, as CPython's sequence iterators reduce.
fn seq_iter_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let v = args[0];
    let rev = vm.type_of(v) == vm.t.list_reverseiterator;
    let iter = builtin(vm, "iter");
    vm.roots.push(iter);
    let r = match seq_iter_state(v) {
        Some((seq, i)) => {
            let f = if rev { builtin(vm, "reversed") } else { iter };
            let a = vm.new_tuple(vec![seq]);
            let i = vm.new_int(i);
            vm.new_tuple(vec![f, a, i])
        }
        None => {
            let t = vm.type_of(v);
            let empty = if t == vm.t.list_iterator || rev {
                vm.new_list(Vec::new())
            } else if t == vm.t.str_iterator {
                vm.new_str("")
            } else {
                // tuple, bytes and bytearray iterators: an empty tuple.
                vm.new_tuple(Vec::new())
            };
            let a = vm.new_tuple(vec![empty]);
            vm.new_tuple(vec![iter, a])
        }
    };
    vm.roots.pop();
    Ok(r)
}

/// `__setstate__(index)` of a sequence iterator: the next index, clamped to the sequence.
fn seq_iter_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__setstate__", args, kw, 1, 1, 1)?;
    let i = index_arg(vm, args[1])?;
    let v = args[0];
    if let Some(d) = as_seq_iter(v) {
        if !d.seq.is_null() {
            let n =
                as_list(d.seq).map_or_else(|| as_tuple(d.seq).map_or(0, |t| t.len()), |l| l.len());
            d.idx = i.clamp(0, n as i64) as usize;
        }
        return Ok(vm.none);
    }
    match as_iter(v) {
        Some(IterData::Seq { seq, idx }) => {
            if let Some(s) = as_str(*seq) {
                let k = i.max(0) as usize;
                *idx = s.s.char_indices().nth(k).map_or(s.s.len(), |(b, _)| b);
            } else {
                let n = as_bytes(*seq).map_or(0, |b| b.len());
                *idx = i.clamp(0, n as i64) as usize;
            }
        }
        Some(IterData::SeqRev { seq, idx }) if *idx >= 0 => {
            let n = as_list(*seq).map_or(0, |l| l.len()) as i64;
            *idx = i.clamp(-1, n - 1) as isize;
        }
        _ => {}
    }
    Ok(vm.none)
}

/// `(iter, (range(next, next + left * step, step),))`: the values left, as a range. (CPython
/// 3.11 keeps the first range and an index, `(iter, (range,), index)`; a range_iterator here
/// keeps only what is left, so its reduce differs while a pickle round trip gives the same
/// values.)
fn range_iter_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    use crate::vm::runtime::num::{new_int, IntVal};
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let r = *as_range_iter(args[0]).expect("checked self");
    let stop = r.next as i128 + r.len.max(0) as i128 * r.step as i128;
    let bounds = [r.next as i128, stop, r.step as i128];
    let mut vals = Vec::new();
    for b in bounds {
        let v = match i64::try_from(b) {
            Ok(i) => vm.new_int(i),
            Err(_) => new_int(vm, IntVal::Big(b.into())),
        };
        vm.roots.push(v);
        vals.push(v);
    }
    let range = builtin(vm, "range");
    let res = crate::vm::runtime::call::call(vm, range, &vals, &[]);
    vm.roots.truncate(vm.roots.len() - vals.len());
    let rv = res?;
    vm.roots.push(rv);
    let iter = builtin(vm, "iter");
    let a = vm.new_tuple(vec![rv]);
    let out = vm.new_tuple(vec![iter, a]);
    vm.roots.pop();
    Ok(out)
}

/// How many items a sequence iterator has left.
fn seq_iter_length_hint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__length_hint__", args, kw, 1, 0, 0)?;
    let v = args[0];
    if matches!(as_iter(v), Some(IterData::SeqRev { .. })) {
        return reversed_length_hint(vm, args, kw);
    }
    let n = match seq_iter_state(v) {
        None => 0,
        Some((seq, i)) => {
            let len = if let Some(s) = as_str(seq) {
                s.s.chars().count()
            } else {
                crate::vm::builtins::len_of(vm, seq)?
            };
            (len as i64 - i).max(0)
        }
    };
    Ok(vm.new_int(n))
}

fn reversed_length_hint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__length_hint__", args, kw, 1, 0, 0)?;
    match as_iter(base(args[0])) {
        Some(IterData::SeqRev { seq, idx }) => {
            let (seq, idx) = (*seq, *idx);
            if idx < 0 {
                return Ok(vm.new_int(0));
            }
            let n = crate::vm::builtins::len_of(vm, seq)?;
            Ok(vm.new_int(n.min(idx as usize + 1) as i64))
        }
        Some(IterData::Done) => Ok(vm.new_int(0)),
        // No count kept for this kind of reversed iterator: unknown, as the protocol allows.
        _ => Ok(vm.not_implemented),
    }
}

/// `PyLong_AsSsize_t`: an int (no `__index__`) that fits a machine word.
fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    use crate::vm::runtime::num::{int_of, IntVal};
    match int_of(v) {
        Some(IntVal::Small(n)) => Ok(n),
        Some(IntVal::Big(_)) => {
            Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => Err(vm.type_error("an integer is required")),
    }
}

/// `reversed.__setstate__(index)`: the next item is `seq[index]`, clamped to the sequence.
fn reversed_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__setstate__", args, kw, 1, 1, 1)?;
    let i = index_arg(vm, args[1])?;
    let seq = match as_iter(base(args[0])) {
        Some(IterData::SeqRev { seq, idx }) if *idx >= 0 => *seq,
        _ => return Ok(vm.none),
    };
    let n = crate::vm::builtins::len_of(vm, seq)? as i64;
    if let Some(IterData::SeqRev { idx, .. }) = as_iter(base(args[0])) {
        *idx = i.clamp(-1, n - 1) as isize;
    }
    Ok(vm.none)
}

/// `zip.__setstate__(strict)`.
fn zip_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__setstate__", args, kw, 1, 1, 1)?;
    let truth = crate::vm::runtime::compare::truthy(vm, args[1])?;
    if let Some(IterData::Zip { strict, .. }) = as_iter(base(args[0])) {
        *strict = truth;
    }
    Ok(vm.none)
}

/// `(type(self), (list(self),), self.__dict__ or None)`.
fn set_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let v = args[0];
    let items = crate::vm::runtime::iter::collect(vm, v)?;
    let l = vm.new_list(items);
    let d = crate::vm::runtime::attr::instance_dict(v).unwrap_or(vm.none);
    Ok(reduce_value(vm, v, vec![l], Some(d)))
}

fn slice_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let s = as_slice(args[0]).expect("checked self");
    let a = vec![s.start, s.stop, s.step];
    Ok(reduce_value(vm, args[0], a, None))
}
