//! dict methods.

use super::{add_method, add_static, nargs, split_kw};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::{attr, call, dict as rdict, iter as riter, subscr};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.dict;
    add_method(vm, t, "get", get);
    add_method(vm, t, "keys", keys);
    add_method(vm, t, "values", values);
    add_method(vm, t, "items", items);
    add_method(vm, t, "pop", pop);
    add_method(vm, t, "popitem", popitem);
    add_method(vm, t, "setdefault", setdefault);
    add_method(vm, t, "update", update);
    add_method(vm, t, "copy", copy);
    add_method(vm, t, "clear", clear);
    add_method(vm, t, "__len__", len);
    add_method(vm, t, "__getitem__", getitem);
    add_method(vm, t, "__setitem__", setitem);
    add_method(vm, t, "__delitem__", delitem);
    add_method(vm, t, "__contains__", contains);
    add_static(vm, t, "fromkeys", fromkeys, true);
    add_static(vm, t, "__new__", new, false);
}

fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, new)? {
        return Ok(r);
    }
    let d = vm.new_dict();
    vm.roots.push(d);
    let mut a = vec![d];
    a.extend_from_slice(&args[1..]);
    let r = update_common(vm, &a, kw, "dict");
    vm.roots.pop();
    r?;
    Ok(d)
}

fn key_error(vm: &mut Vm, k: Value) -> Value {
    let kt = vm.t.exc("KeyError");
    let args = vm.new_tuple(vec![k]);
    vm.new_exception_args(kt, args)
}

fn get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "get", args, kw, 1, 1, 2)?;
    match rdict::dict_get(vm, args[0], args[1])? {
        Some(v) => Ok(v),
        None => Ok(if args.len() > 2 { args[2] } else { vm.none }),
    }
}

fn view(vm: &mut Vm, d: Value, kind: DictIterKind) -> Value {
    let ty = match kind {
        DictIterKind::Keys => vm.t.dict_keys,
        DictIterKind::Values => vm.t.dict_values,
        DictIterKind::Items => vm.t.dict_items,
    };
    vm.heap.alloc(ty, ViewData { dict: d, kind })
}

fn keys(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.keys", args, kw, 1, 0, 0)?;
    Ok(view(vm, args[0], DictIterKind::Keys))
}
fn values(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.values", args, kw, 1, 0, 0)?;
    Ok(view(vm, args[0], DictIterKind::Values))
}
fn items(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.items", args, kw, 1, 0, 0)?;
    Ok(view(vm, args[0], DictIterKind::Items))
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "pop", args, kw, 1, 1, 2)?;
    // An empty dict does not hash the key (CPython's _PyDict_Pop).
    let empty = as_dict(args[0]).is_some_and(|d| d.table.is_empty());
    let found = if empty {
        None
    } else {
        rdict::dict_del(vm, args[0], args[1])?
    };
    match found {
        Some(v) => Ok(v),
        None if args.len() > 2 => Ok(args[2]),
        None => Err(key_error(vm, args[1])),
    }
}

fn popitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.popitem", args, kw, 1, 0, 0)?;
    match as_dict(args[0]).unwrap().table.pop_last() {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.err("KeyError", "popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "setdefault", args, kw, 1, 1, 2)?;
    match rdict::dict_get(vm, args[0], args[1])? {
        Some(v) => Ok(v),
        None => {
            let d = if args.len() > 2 { args[2] } else { vm.none };
            rdict::dict_set(vm, args[0], args[1], d)?;
            Ok(d)
        }
    }
}

/// dict.update(other=(), **kw)
pub fn update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    update_common(vm, args, kw, "update")
}

/// CPython's dict_update_common: `methname` names the caller in the arity error ("update"
/// for dict.update, "dict" for dict() and dict.__init__).
pub(crate) fn update_common(vm: &mut Vm, args: &[Value], kw: &[Value], methname: &str) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{methname} expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    let d = args[0];
    if pos.len() == 2 {
        let other = pos[1];
        if as_dict(other).is_some() {
            // A key's __hash__/__eq__ may change `other`: the snapshot stays rooted.
            let items: Vec<Value> = rdict::items_of(other)
                .into_iter()
                .flat_map(|(k, v)| [k, v])
                .collect();
            riter::with_roots(vm, &items, |vm| {
                items
                    .chunks(2)
                    .try_for_each(|kv| rdict::dict_set(vm, d, kv[0], kv[1]))
            })?;
        } else {
            let kname = vm.sname("keys");
            if attr::getattr_opt(vm, other, kname)?.is_some() && as_list(other).is_none() {
                let km = attr::getattr(vm, other, kname)?;
                let ks = call::call(vm, km, &[], &[])?;
                let ks = riter::with_roots(vm, &[ks], |vm| riter::collect(vm, ks))?;
                update_from_keys(vm, d, other, &ks)?;
            } else {
                update_from_pairs(vm, d, other)?;
            }
        }
    }
    for (k, v) in kws {
        let kv = vm.intern(k);
        rdict::dict_set(vm, d, kv, v)?;
    }
    Ok(vm.none)
}

/// `d[k] = m[k]` for each of `keys` (a mapping's `keys()`, rooted here: `m.__getitem__` and the
/// keys' `__hash__` may run Python code, which may collect).
pub fn update_from_keys(vm: &mut Vm, d: Value, m: Value, keys: &[Value]) -> PyResult<()> {
    riter::with_roots(vm, keys, |vm| {
        for &k in keys {
            let v = subscr::getitem(vm, m, k)?;
            riter::with_roots(vm, &[v], |vm| rdict::dict_set(vm, d, k, v))?;
        }
        Ok(())
    })
}

/// `dict.update` from an iterable of pairs, each set as the iterator produces it (a generator
/// reading the dict sees it grow; pairs before an error stay set, as in CPython).
fn update_from_pairs(vm: &mut Vm, d: Value, items: Value) -> PyResult<()> {
    let mut i = 0usize;
    riter::for_each(vm, items, None, |vm, it| {
        let at = i;
        i += 1;
        update_from_pair(vm, d, it, at)
    })
}

/// Element `i` of `dict.update`'s iterable of pairs: `d[k] = v`.
fn update_from_pair(vm: &mut Vm, d: Value, it: Value, i: usize) -> PyResult<()> {
    let pair = match riter::collect(vm, it) {
        Ok(p) => p,
        Err(_) => {
            return Err(vm.type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            )));
        }
    };
    if pair.len() != 2 {
        return Err(vm.value_error(format!(
            "dictionary update sequence element #{i} has length {}; 2 is required",
            pair.len()
        )));
    }
    riter::with_roots(vm, &pair, |vm| rdict::dict_set(vm, d, pair[0], pair[1]))
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.copy", args, kw, 1, 0, 0)?;
    let d = vm.new_dict();
    for (k, v) in rdict::items_of(args[0]) {
        rdict::dict_set(vm, d, k, v)?;
    }
    Ok(d)
}

fn clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.clear", args, kw, 1, 0, 0)?;
    as_dict(args[0]).unwrap().table.clear();
    Ok(vm.none)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.new_int(rdict::len_of(args[0]) as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.__getitem__", args, kw, 1, 1, 1)?;
    // An instance of a subclass comes whole (so its `__missing__` is called).
    if let Some(base) = crate::vm::types::subclass::base_value(args[0]) {
        return crate::vm::types::subclass::getitem(vm, args[0], base, args[1]);
    }
    subscr::getitem(vm, args[0], args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.__setitem__", args, kw, 1, 2, 2)?;
    rdict::dict_set(vm, args[0], args[1], args[2])?;
    Ok(vm.none)
}

fn delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.__delitem__", args, kw, 1, 1, 1)?;
    if rdict::dict_del(vm, args[0], args[1])?.is_none() {
        let t = vm.t.exc("KeyError");
        let a = vm.new_tuple(vec![args[1]]);
        return Err(vm.new_exception_args(t, a));
    }
    Ok(vm.none)
}

fn contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dict.__contains__", args, kw, 1, 1, 1)?;
    let r = rdict::dict_get(vm, args[0], args[1])?.is_some();
    Ok(vm.bool_val(r))
}

fn fromkeys(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "fromkeys", args, kw, 1, 1, 2)?;
    let v = if args.len() > 2 { args[2] } else { vm.none };
    let keys = riter::collect(vm, args[1])?;
    let d = vm.new_dict();
    // Keys' __hash__/__eq__ run Python code, which may collect: root the keys and the dict.
    vm.roots.push(d);
    let r = riter::with_roots(vm, &keys, |vm| {
        keys.iter().try_for_each(|&k| rdict::dict_set(vm, d, k, v))
    });
    vm.roots.pop();
    r.map(|_| d)
}
