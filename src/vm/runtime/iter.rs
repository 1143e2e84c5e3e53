//! The iteration protocol: `iter()`, `next()`, and collecting or unpacking an iterable.

use crate::vm::eval::Exit;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::ops::drain::{self, Accept};
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::{call, call_method_value};
use crate::vm::runtime::compare;
use crate::vm::value::Value;

/// `iter(v)`.
pub fn get_iter(vm: &mut Vm, v: Value) -> PyResult {
    match iter_opt(vm, v)? {
        Some(it) => Ok(it),
        None => {
            // Named by `v`'s own type, also when it wraps a value of a built-in base.
            let tn = vm.tp_name(v);
            Err(vm.type_error(format!("'{tn}' object is not iterable")))
        }
    }
}

/// `get_iter`, None when `v` is not iterable.
pub fn iter_opt(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if let Some(it) = crate::vm::types::metatype::meta_dunder(vm, v, "__iter__", &[])? {
        return Ok(Some(it));
    }
    if v.is_ptr() {
        let t = obj_type(v);
        let d = match layout_of(v) {
            Layout::List | Layout::Tuple => {
                let ty = if layout_of(v) == Layout::List {
                    vm.t.list_iterator
                } else {
                    vm.t.tuple_iterator
                };
                return Ok(Some(vm.heap.alloc(ty, SeqIterData { seq: v, idx: 0 })));
            }
            Layout::Str => Some((vm.t.str_iterator, IterData::Seq { seq: v, idx: 0 })),
            Layout::Bytes => {
                let ty = if t == vm.t.bytearray {
                    vm.t.bytearray_iterator
                } else {
                    vm.t.bytes_iterator
                };
                Some((ty, IterData::Seq { seq: v, idx: 0 }))
            }
            Layout::Range if as_range(v).unwrap().big.is_some() => {
                let b = as_range(v).unwrap().big.as_deref().unwrap();
                return Ok(Some(crate::vm::types::range_big::iter(vm, b, false)));
            }
            Layout::Range => {
                let r = as_range(v).unwrap();
                let len = crate::vm::types::misc::range_len(r.start, r.stop, r.step);
                return Ok(Some(crate::vm::types::misc::new_range_iter(
                    vm, r.start, r.step, len,
                )));
            }
            Layout::Dict => {
                let len = crate::vm::runtime::dict::len_of(v);
                Some((
                    vm.t.dict_keyiterator,
                    IterData::Dict {
                        dict: v,
                        idx: 0,
                        kind: DictIterKind::Keys,
                        len,
                    },
                ))
            }
            Layout::Set => {
                let len = crate::vm::runtime::dict::len_of(v);
                Some((
                    vm.t.set_iterator,
                    IterData::Dict {
                        dict: v,
                        idx: 0,
                        kind: DictIterKind::Keys,
                        len,
                    },
                ))
            }
            Layout::DictView => {
                let vd = as_view(v).unwrap();
                let (dict, kind) = (vd.dict, vd.kind);
                let len = crate::vm::runtime::dict::len_of(dict);
                let ty = match kind {
                    DictIterKind::Keys => vm.t.dict_keyiterator,
                    DictIterKind::Values => vm.t.dict_valueiterator,
                    DictIterKind::Items => vm.t.dict_itemiterator,
                };
                Some((
                    ty,
                    IterData::Dict {
                        dict,
                        idx: 0,
                        kind,
                        len,
                    },
                ))
            }
            Layout::Generator if t == vm.t.coroutine || t == vm.t.async_generator => None,
            Layout::Iter | Layout::RangeIter | Layout::SeqIter | Layout::Generator => {
                return Ok(Some(v))
            }
            Layout::Instance | Layout::Native => {
                if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, v, "__iter__") {
                    // A subclass of an iterator type (map, zip, ...) is its own iterator, so
                    // that its `__next__` (maybe overridden) runs.
                    if super::attr::layout_of_opt(b) == Some(Layout::Iter) {
                        return Ok(Some(v));
                    }
                    return iter_opt(vm, b);
                }
                if let Some(f) = lookup_type_str(vm, t, "__iter__") {
                    let it = call_method_value(vm, f, v, &[])?;
                    let it_t = vm.type_of(it);
                    let ok = it.is_ptr()
                        && (matches!(
                            layout_of(it),
                            Layout::Iter | Layout::RangeIter | Layout::SeqIter | Layout::Generator
                        ) || lookup_type_str(vm, it_t, "__next__").is_some());
                    if !ok {
                        let tn = vm.type_name(it);
                        return Err(
                            vm.type_error(format!("iter() returned non-iterator of type '{tn}'"))
                        );
                    }
                    return Ok(Some(it));
                }
                // The old sequence protocol: call __getitem__(0), (1), ... until IndexError. A
                // class's __getitem__ is a sequence's item in CPython (sq_item); a built-in
                // type's may be a mapping's only (re.Match's: not iterable).
                let builtin = type_data(t).builtin;
                if let Some(gi) = lookup_type_str(vm, t, "__getitem__").filter(|_| !builtin) {
                    let _ = gi;
                    // The shim is bound to this iterator's own state, [object, next index],
                    // so iterations of one object are independent.
                    let zero = vm.new_int(0);
                    let state = vm.new_list(vec![v, zero]);
                    let b = vm.new_builtin("__getitem__", seq_getitem_shim, state);
                    let sentinel = vm.not_implemented;
                    let ty = vm.t.callable_iterator;
                    return Ok(Some(vm.new_iter(ty, IterData::Callable { f: b, sentinel })));
                }
                None
            }
            _ => None,
        };
        if let Some((ty, d)) = d {
            return Ok(Some(vm.new_iter(ty, d)));
        }
    }
    Ok(None)
}

/// Adapts `obj[i]` to iter(callable, sentinel): the shim is bound to the iterator's state, a
/// list [obj, next index] (the object's `__getitem__` is called with successive ints).
fn seq_getitem_shim(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let state = args[0];
    let (obj, idx) = match as_list(state) {
        Some(l) if l.len() == 2 => (l[0], l[1].as_small_int()),
        _ => return Ok(vm.not_implemented),
    };
    if idx < 0 {
        return Ok(vm.not_implemented);
    }
    let iv = vm.new_int(idx);
    let r = crate::vm::runtime::subscr::getitem(vm, obj, iv);
    let next = match &r {
        Ok(_) => idx + 1,
        Err(_) => -1,
    };
    let n = vm.new_int(next);
    as_list(state).unwrap()[1] = n;
    match r {
        Ok(v) => Ok(v),
        Err(e)
            if vm.isinstance(e, vm.t.exc("IndexError"))
                || vm.isinstance(e, vm.t.exc("StopIteration")) =>
        {
            Ok(vm.not_implemented)
        }
        Err(e) => Err(e),
    }
}

/// `next(it)`: Some(value), or None when exhausted.
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    // Built-ins that consume iterators (`in`, `sum`, `list`, ...) loop in Rust: each item is a
    // step of the step budget, so `x in iter(int, 1)` is stopped like a Python loop.
    crate::vm::eval::spend_step(vm)?;
    if it.is_ptr() {
        match layout_of(it) {
            Layout::RangeIter => {
                let r = as_range_iter(it).unwrap();
                return Ok(r.advance().map(|v| vm.new_int(v)));
            }
            Layout::SeqIter => return Ok(as_seq_iter(it).unwrap().advance()),
            Layout::Iter => {
                // Values iter_next collects while calling back into Python (zip, map) are
                // pushed on the shadow stack; drop them once the next item is built.
                let base = vm.roots.len();
                let r = iter_next(vm, it);
                vm.roots.truncate(base);
                return r;
            }
            Layout::Generator if obj_type(it) == vm.t.generator => {
                let none = vm.none;
                return match crate::vm::ops::gen_resume(vm, it, none, None)? {
                    Exit::Yield(v) => Ok(Some(v)),
                    Exit::Return(_) => Ok(None),
                };
            }
            Layout::Instance | Layout::Native => {
                let t = obj_type(it);
                if let Some(f) = lookup_type_str(vm, t, "__next__") {
                    return match call_method_value(vm, f, it, &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if vm.isinstance(e, vm.t.exc("StopIteration")) => Ok(None),
                        Err(e) => Err(e),
                    };
                }
            }
            _ => {}
        }
    }
    let tn = vm.type_name(it);
    Err(vm.type_error(format!("'{tn}' object is not an iterator")))
}

fn iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let d = as_iter(it).unwrap();
    match d {
        IterData::Seq { seq, idx } => {
            let seq = *seq;
            match layout_of(seq) {
                Layout::List => {
                    let l = as_list(seq).unwrap();
                    if *idx < l.len() {
                        *idx += 1;
                        return Ok(Some(l[*idx - 1]));
                    }
                }
                Layout::Tuple => {
                    let l = as_tuple(seq).unwrap();
                    if *idx < l.len() {
                        *idx += 1;
                        return Ok(Some(l[*idx - 1]));
                    }
                }
                Layout::Str => {
                    // idx is a byte offset.
                    let s = &as_str(seq).unwrap().s;
                    if *idx < s.len() {
                        let c = s[*idx..].chars().next().unwrap();
                        *idx += c.len_utf8();
                        let mut buf = [0u8; 4];
                        return Ok(Some(vm.new_str(c.encode_utf8(&mut buf))));
                    }
                }
                Layout::Bytes => {
                    let b = as_bytes(seq).unwrap();
                    if *idx < b.len() {
                        *idx += 1;
                        return Ok(Some(vm.new_int(b[*idx - 1] as i64)));
                    }
                }
                _ => {}
            }
            *d = IterData::Done;
            Ok(None)
        }
        IterData::SeqRev { seq, idx } => {
            let seq = *seq;
            if *idx >= 0 {
                let i = *idx as usize;
                *idx -= 1;
                let v = match layout_of(seq) {
                    Layout::List => as_list(seq).unwrap().get(i).copied(),
                    Layout::Tuple => as_tuple(seq).unwrap().get(i).copied(),
                    _ => {
                        // reversed() of an object with __len__ and __getitem__: seq[i], lazily;
                        // IndexError or StopIteration ends it.
                        let iv = vm.new_int(i as i64);
                        match crate::vm::runtime::subscr::getitem(vm, seq, iv) {
                            Ok(v) => return Ok(Some(v)),
                            Err(e)
                                if vm.isinstance(e, vm.t.exc("IndexError"))
                                    || vm.isinstance(e, vm.t.exc("StopIteration")) =>
                            {
                                None
                            }
                            Err(e) => return Err(e),
                        }
                    }
                };
                if let Some(v) = v {
                    return Ok(Some(v));
                }
            }
            *d = IterData::Done;
            Ok(None)
        }
        IterData::DictRev {
            dict,
            idx,
            kind,
            len,
        } => {
            let (dict, kind) = (*dict, *kind);
            let table = &as_dict(dict).unwrap().table;
            if table.len() != *len {
                *len = usize::MAX;
                *idx = 0;
                return Err(vm.err("RuntimeError", "dictionary changed size during iteration"));
            }
            while *idx > 0 {
                *idx -= 1;
                if let Some(e) = table.entry(*idx) {
                    let (k, v) = (e.key, e.value);
                    return Ok(Some(match kind {
                        DictIterKind::Keys => k,
                        DictIterKind::Values => v,
                        DictIterKind::Items => vm.new_tuple(vec![k, v]),
                    }));
                }
            }
            Ok(None)
        }
        IterData::BigRange(b) => {
            let [cur, step, left] = &mut **b;
            Ok(crate::vm::types::range_big::next(vm, cur, step, left))
        }
        IterData::Dict {
            dict,
            idx,
            kind,
            len,
        } => {
            let dict = *dict;
            let kind = *kind;
            if let Some(sd) = as_set(dict) {
                if sd.table.len() != *len {
                    *len = usize::MAX;
                    return Err(vm.err("RuntimeError", "Set changed size during iteration"));
                }
                return Ok(match sd.table.next_from(*idx) {
                    Some((i, k, _)) => {
                        *idx = i + 1;
                        Some(*k)
                    }
                    None => {
                        *idx = usize::MAX / 2;
                        None
                    }
                });
            }
            let table = &as_dict(dict).unwrap().table;
            if table.len() != *len {
                *len = usize::MAX;
                return Err(vm.err("RuntimeError", "dictionary changed size during iteration"));
            }
            while *idx < table.slots() {
                let i = *idx;
                *idx += 1;
                if let Some(e) = table.entry(i) {
                    let (k, v) = (e.key, e.value);
                    return Ok(Some(match kind {
                        DictIterKind::Keys => k,
                        DictIterKind::Values => v,
                        DictIterKind::Items => vm.new_tuple(vec![k, v]),
                    }));
                }
            }
            Ok(None)
        }
        IterData::Enumerate { it: inner, n } => {
            let (inner, count) = (*inner, *n);
            match next(vm, inner)? {
                Some(v) => {
                    // The count + 1: in place for a small int (the generic `+` cost ~100
                    // instructions per item), else as `count + 1` (a big int, or a start
                    // whose `+` is its own).
                    let small = count.is_small_int().then(|| count.as_small_int() + 1);
                    let c1 = match small.and_then(Value::try_from_i64) {
                        Some(c1) => c1,
                        None => crate::vm::runtime::ops::binary_op(
                            vm,
                            0,
                            count,
                            Value::try_from_i64(1).unwrap(),
                        )?,
                    };
                    if let Some(IterData::Enumerate { n, .. }) = as_iter(it) {
                        *n = c1;
                    }
                    Ok(Some(vm.new_tuple(vec![count, v])))
                }
                None => Ok(None),
            }
        }
        IterData::Zip { its, strict } => {
            let its = its.clone();
            let strict = *strict;
            let mut out = Vec::with_capacity(its.len());
            for (i, &x) in its.iter().enumerate() {
                match next(vm, x)? {
                    Some(v) => {
                        vm.roots.push(v);
                        out.push(v);
                    }
                    None => {
                        if strict {
                            if i > 0 {
                                let s = if i == 1 {
                                    " ".to_string()
                                } else {
                                    "s 1-".to_string()
                                };
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{}{}",
                                    i + 1,
                                    s,
                                    i
                                )));
                            }
                            for (j, &y) in its.iter().enumerate().skip(1) {
                                if next(vm, y)?.is_some() {
                                    let s = if j == 1 {
                                        " ".to_string()
                                    } else {
                                        "s 1-".to_string()
                                    };
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{}{}",
                                        j + 1,
                                        s,
                                        j
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            if out.is_empty() {
                return Ok(None);
            }
            Ok(Some(vm.new_tuple(out)))
        }
        IterData::Map { f, its } => {
            let f = *f;
            let its = its.clone();
            let mut args = Vec::with_capacity(its.len());
            for &x in &its {
                match next(vm, x)? {
                    Some(v) => {
                        vm.roots.push(v);
                        args.push(v);
                    }
                    None => return Ok(None),
                }
            }
            let base = vm.roots.len();
            vm.roots.extend(args.iter().copied());
            let r = call(vm, f, &args, &[]);
            vm.roots.truncate(base);
            r.map(Some)
        }
        IterData::Filter { f, it: inner } => {
            let (f, inner) = (*f, *inner);
            loop {
                let Some(v) = next(vm, inner)? else {
                    return Ok(None);
                };
                let keep = if f == vm.none {
                    compare::truthy(vm, v)?
                } else {
                    vm.roots.push(v);
                    let r = call(vm, f, &[v], &[]);
                    vm.roots.pop();
                    let r = r?;
                    compare::truthy(vm, r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
        IterData::Callable { f, sentinel } => {
            let (f, sentinel) = (*f, *sentinel);
            let v = call(vm, f, &[], &[])?;
            if v == sentinel || (sentinel != vm.not_implemented && compare::eq(vm, v, sentinel)?) {
                if let Some(d) = as_iter(it) {
                    *d = IterData::Done;
                }
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterData::Await { coro } => {
            let coro = *coro;
            let none = vm.none;
            match crate::vm::ops::gen_resume(vm, coro, none, None)? {
                Exit::Yield(v) => Ok(Some(v)),
                Exit::Return(_) => Ok(None),
            }
        }
        IterData::AsyncGenASend { .. }
        | IterData::AsyncGenAThrow { .. }
        | IterData::ANext { .. } => {
            let none = vm.none;
            match crate::vm::types::asyncgen::send_step(vm, it, none).unwrap()? {
                Exit::Yield(v) => Ok(Some(v)),
                Exit::Return(_) => Ok(None),
            }
        }
        IterData::Tool(_) => crate::vm::modules::itertools::next(vm, it),
        IterData::Done => Ok(None),
    }
}

/// Runs `f` with `items` pushed on `vm.roots`. Values a built-in holds only in a Rust `Vec` are
/// invisible to the collector, and any call into Python code (a `__hash__`, `__eq__`, key
/// function, ...) reaches a safepoint that may collect: root them across such calls.
pub fn with_roots<R>(vm: &mut Vm, items: &[Value], f: impl FnOnce(&mut Vm) -> R) -> R {
    let base = vm.roots.len();
    vm.roots.extend_from_slice(items);
    let r = f(vm);
    vm.roots.truncate(base);
    r
}

/// All items of an iterable. The returned values are not rooted (see `with_roots`).
pub fn collect(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    if let Some(l) = as_list(v) {
        return Ok(l.to_vec());
    }
    if let Some(t) = as_tuple(v) {
        return Ok(t.to_vec());
    }
    pump(vm, v, true, Accept::All, |_, _| Ok(true)).map(|(_, items)| items)
}

/// CPython's `PySequence_Fast(v, msg)`: all items of an iterable, with `msg` as the TypeError
/// when `v` is not iterable at all (`"can only join an iterable"`).
pub fn collect_fast(vm: &mut Vm, v: Value, msg: &str) -> PyResult<Vec<Value>> {
    if as_list(v).is_none() && as_tuple(v).is_none() {
        let it = match get_iter(vm, v) {
            Ok(it) => it,
            Err(e) if vm.isinstance(e, vm.t.exc("TypeError")) => {
                return Err(vm.type_error(msg.to_string()))
            }
            Err(e) => return Err(e),
        };
        vm.roots.push(it);
        let r = collect(vm, it);
        vm.roots.pop();
        return r;
    }
    collect(vm, v)
}

/// Calls `f` on each item of an iterable as the iterator produces it (CPython's `PyIter_Next`
/// loop: `set(genexpr)` adds each item before resuming the generator, with no intermediate
/// Vec). Each item is rooted while `f` runs. Lists and tuples are walked over a snapshot.
/// A generator is drained (`ops::drain`) of the items `pure` takes: `f` must run no Python code
/// for those, as it sees them only once the generator has gone on past them.
pub fn for_each(
    vm: &mut Vm,
    v: Value,
    pure: Option<Accept>,
    mut f: impl FnMut(&mut Vm, Value) -> PyResult<()>,
) -> PyResult<()> {
    if as_list(v).is_some() || as_tuple(v).is_some() {
        let items = collect(vm, v)?;
        return with_roots(vm, &items, |vm| items.iter().try_for_each(|&x| f(vm, x)));
    }
    for_each_while(vm, v, pure, |vm, x| f(vm, x).map(|()| true)).map(drop)
}

/// `list.extend(v)` / `list += v`: each item appended as the iterator produces it (a generator
/// reading the list sees it grow, as in CPython); a list or tuple (the list itself included) is
/// copied first. Never drained: the generator could see the list between its steps.
pub fn extend_list(vm: &mut Vm, list: Value, v: Value) -> PyResult<()> {
    for_each(vm, v, None, |_, x| {
        if let Some(l) = as_list(list) {
            l.push(x);
        }
        Ok(())
    })
}

/// `for_each` until `f` returns false (then false), on the iterable's own iterator (a list
/// is not copied first): `any`, `all`, `sum`. `f` must return true for every item `pure` takes
/// (the generator has gone on past those when `f` sees them).
pub fn for_each_while(
    vm: &mut Vm,
    v: Value,
    pure: Option<Accept>,
    f: impl FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<bool> {
    let accept = pure.unwrap_or(Accept::Nothing);
    pump(vm, v, false, accept, f).map(|(all, _)| all)
}

/// How many values a drain for a consumer that does not keep them buffers (`for_each`): the
/// generator suspends once per this many items, and `set(x % 3 for x in huge)` stays small.
const DRAIN_BATCH: usize = 1024;

/// The iteration loop of `collect` and `for_each`. Items are pushed on the root stack above the
/// iterator as they come (rooted while the iterator runs Python code, with no list object to
/// allocate and no Vec regrown from empty for every `tuple(genexpr)`); `keep` leaves them there
/// and returns them all, otherwise each is dropped once `f` has seen it. Stops when `f` returns
/// false (then false, and no items). A generator is drained of the items `accept` takes
/// (`ops::drain`), `DRAIN_BATCH` at a time unless all are kept: they reach `f` in order once the
/// drain stops.
fn pump(
    vm: &mut Vm,
    v: Value,
    keep: bool,
    mut accept: Accept,
    mut f: impl FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<(bool, Vec<Value>)> {
    let it = get_iter(vm, v)?;
    let base = vm.roots.len();
    vm.roots.push(it);
    if !(it.is_ptr() && obj_type(it) == vm.t.generator) {
        accept = Accept::Nothing;
    }
    let r = (|| {
        loop {
            let x = if accept == Accept::Nothing {
                next(vm, it)?
            } else {
                crate::vm::eval::spend_step(vm)?;
                let from = vm.drained.len();
                let limit = if keep { usize::MAX } else { from + DRAIN_BATCH };
                let r = drain::resume_draining(vm, it, accept, limit);
                // The drained items, in the order they came, before the one that stopped it.
                for i in from..vm.drained.len() {
                    let x = vm.drained[i];
                    vm.roots.push(x);
                    let go_on = f(vm, x);
                    debug_assert!(!matches!(go_on, Ok(false)), "a drained item stopped {x:?}");
                    if let Err(e) = go_on {
                        vm.drained.truncate(from);
                        return Err(e);
                    }
                    if !keep {
                        vm.roots.pop();
                    }
                }
                vm.drained.truncate(from);
                match r? {
                    Exit::Yield(x) => {
                        // Not taken (unless the batch was full): `f` may run Python code on it,
                        // and on what an item like it is then compared with: `next` from here on.
                        if !drain::takes(vm, accept, x) {
                            accept = Accept::Nothing;
                        }
                        Some(x)
                    }
                    Exit::Return(_) => None,
                }
            };
            let Some(x) = x else { break };
            vm.roots.push(x);
            if !f(vm, x)? {
                return Ok(false);
            }
            if !keep {
                vm.roots.pop();
            }
        }
        Ok(true)
    })();
    let items = if keep && matches!(r, Ok(true)) {
        vm.roots[base + 1..].to_vec()
    } else {
        Vec::new()
    };
    vm.roots.truncate(base);
    r.map(|all| (all, items))
}

/// UNPACK_EX (`a, *b = v`): all items of `v`, with CPython's message for a value that is not
/// iterable at all.
pub fn unpack_all(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    if as_list(v).is_some() || as_tuple(v).is_some() {
        return collect(vm, v);
    }
    let Some(it) = iter_opt(vm, v)? else {
        let tn = vm.tp_name(v);
        return Err(vm.type_error(format!("cannot unpack non-iterable {tn} object")));
    };
    with_roots(vm, &[it], |vm| collect(vm, it))
}

/// UNPACK_SEQUENCE: exactly `n` items, with CPython's messages.
pub fn unpack(vm: &mut Vm, v: Value, n: usize) -> PyResult<Vec<Value>> {
    if let Some(l) = as_list(v)
        .map(|l| l.to_vec())
        .or_else(|| as_tuple(v).map(|t| t.to_vec()))
    {
        if l.len() == n {
            return Ok(l);
        }
        if l.len() > n {
            return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
        }
        return Err(vm.value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            l.len()
        )));
    }
    let Some(it) = iter_opt(vm, v)? else {
        let tn = vm.tp_name(v);
        return Err(vm.type_error(format!("cannot unpack non-iterable {tn} object")));
    };
    let acc = vm.new_list(Vec::new());
    let base = vm.roots.len();
    vm.roots.push(it);
    vm.roots.push(acc);
    let r = (|| {
        for i in 0..n {
            match next(vm, it)? {
                Some(x) => as_list(acc).unwrap().push(x),
                None => {
                    return Err(vm.value_error(format!(
                        "not enough values to unpack (expected {n}, got {i})"
                    )));
                }
            }
        }
        if next(vm, it)?.is_some() {
            return Err(vm.value_error(format!("too many values to unpack (expected {n})")));
        }
        Ok(())
    })();
    vm.roots.truncate(base);
    r?;
    Ok(as_list(acc).unwrap().take())
}
