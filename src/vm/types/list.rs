//! list methods.

use super::{add_method, merge_sort, nargs, split_kw};
use crate::bytecode::opcode::cmp;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::{call, compare, iter as riter, subscr};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.list;
    add_method(vm, t, "append", append);
    add_method(vm, t, "extend", extend);
    add_method(vm, t, "pop", pop);
    add_method(vm, t, "insert", insert);
    add_method(vm, t, "remove", remove);
    add_method(vm, t, "index", index);
    add_method(vm, t, "count", count);
    add_method(vm, t, "sort", sort);
    add_method(vm, t, "reverse", reverse);
    add_method(vm, t, "copy", copy);
    add_method(vm, t, "clear", clear);
    add_method(vm, t, "__len__", len);
    add_method(vm, t, "__getitem__", getitem);
    add_method(vm, t, "__setitem__", setitem);
    add_method(vm, t, "__contains__", contains);
    add_method(vm, t, "__iter__", iter);
    super::add_static(vm, t, "__new__", new, false);
}

fn lst<'a>(v: Value) -> &'a mut ListData {
    as_list(v).unwrap()
}

fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, new)? {
        return Ok(r);
    }
    nargs(vm, "list", args, kw, 1, 0, 1)?;
    let items = if args.len() > 1 {
        riter::collect(vm, args[1])?
    } else {
        Vec::new()
    };
    Ok(vm.new_list(items))
}

fn append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.append", args, kw, 1, 1, 1)?;
    lst(args[0]).push(args[1]);
    Ok(vm.none)
}

fn extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.extend", args, kw, 1, 1, 1)?;
    riter::extend_list(vm, args[0], args[1])?;
    Ok(vm.none)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "pop", args, kw, 1, 0, 1)?;
    // Argument Clinic converts the index (Py_ssize_t) before the list is looked at.
    let i = if args.len() > 1 {
        crate::vm::runtime::num::index_c(vm, args[1], "ssize_t", |_| true)?
    } else {
        -1
    };
    let l = lst(args[0]);
    if l.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i + l.len() as i64 } else { i };
    if j < 0 || j as usize >= l.len() {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.remove(j as usize))
}

pub fn insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "insert", args, kw, 1, 2, 2)?;
    // Argument Clinic's Py_ssize_t (OverflowError past it, its own TypeError message).
    let i = crate::vm::runtime::num::index_c(vm, args[1], "ssize_t", |_| true)?;
    let l = lst(args[0]);
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(j as usize, args[2]);
    Ok(vm.none)
}

fn find(vm: &mut Vm, l: Value, x: Value) -> PyResult<Option<usize>> {
    let mut i = 0;
    while i < lst(l).len() {
        let y = lst(l)[i];
        if compare::eq(vm, y, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.remove", args, kw, 1, 1, 1)?;
    match find(vm, args[0], args[1])? {
        Some(i) => {
            // `__eq__` may have shortened the list.
            if i < lst(args[0]).len() {
                lst(args[0]).remove(i);
            }
            Ok(vm.none)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// The optional `start`, `stop` of `list.index` / `tuple.index`, clamped to `0..=n` as slice
/// bounds are.
pub fn index_bounds(vm: &mut Vm, bounds: &[Value], n: i64) -> PyResult<(i64, i64)> {
    use crate::vm::runtime::num::{index_value, IntVal};
    let mut out = [0, n];
    for (slot, &b) in out.iter_mut().zip(bounds) {
        // CPython's _PyEval_SliceIndexNotNone: huge values clamp.
        let i = match index_value(vm, b)? {
            Some(IntVal::Small(i)) => i,
            Some(IntVal::Big(big)) => {
                if big.sign() == num_bigint::Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            }
            None => {
                return Err(
                    vm.type_error("slice indices must be integers or have an __index__ method")
                )
            }
        };
        *slot = if i < 0 { (i + n).max(0) } else { i.min(n) };
    }
    Ok((out[0], out[1]))
}

fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "index", args, kw, 1, 1, 3)?;
    let n = lst(args[0]).len() as i64;
    let (start, stop) = index_bounds(vm, &args[2..], n)?;
    let mut i = start;
    while i < stop && (i as usize) < lst(args[0]).len() {
        let y = lst(args[0])[i as usize];
        if compare::eq(vm, y, args[1])? {
            return Ok(vm.new_int(i));
        }
        i += 1;
    }
    let r = crate::vm::runtime::repr::repr_string(vm, args[1])?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.count", args, kw, 1, 1, 1)?;
    // Read in place at each step, as CPython does: `__eq__` may change the list.
    let (mut c, mut i) = (0, 0);
    while let Some(&y) = lst(args[0]).get(i) {
        if compare::eq(vm, y, args[1])? {
            c += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(c))
}

pub fn less_than(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is_small_int() && b.is_small_int() {
        return Ok(a.as_small_int() < b.as_small_int());
    }
    if a.is_float() && b.is_float() {
        return Ok(a.as_f64() < b.as_f64());
    }
    if let (Some(x), Some(y)) = (as_str(a), as_str(b)) {
        return Ok(crate::rtlib::surrogate::cmp_str(&x.s, &y.s).is_lt());
    }
    let r = compare::compare(vm, cmp::LT, a, b)?;
    compare::truthy(vm, r)
}

/// Sorts `items` in place (with optional key function and reverse), as list.sort does.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Value, reverse: bool) -> PyResult<()> {
    if reverse {
        items.reverse();
    }
    if key.is_null() || key == vm.none {
        let holder = vm.new_list(items.clone());
        vm.roots.push(holder);
        let r = merge_sort(items, &mut |a, b| less_than(vm, a, b));
        vm.roots.pop();
        r?;
    } else {
        let holder = vm.new_list(items.clone());
        let keys_l = vm.new_list(Vec::new());
        vm.roots.push(holder);
        vm.roots.push(keys_l);
        let r = (|| -> PyResult<()> {
            for &x in items.iter() {
                let k = call::call(vm, key, &[x], &[])?;
                lst(keys_l).push(k);
            }
            let keys = lst(keys_l).to_vec();
            let mut idx: Vec<usize> = (0..items.len()).collect();
            merge_sort(&mut idx, &mut |a, b| less_than(vm, keys[a], keys[b]))?;
            let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
            *items = sorted;
            Ok(())
        })();
        vm.roots.pop();
        vm.roots.pop();
        r?;
    }
    if reverse {
        items.reverse();
    }
    Ok(())
}

/// `sort`'s and `sorted`'s `reverse` (Argument Clinic's `bool(accept={int})`, a C int): an
/// int or an object with `__index__`, not any object's truth.
pub fn reverse_flag(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match crate::vm::runtime::num::index_i64(vm, v)? {
        Some(crate::vm::runtime::num::IntVal::Small(i)) if i32::try_from(i).is_ok() => Ok(i != 0),
        Some(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn sort(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::NULL;
    let mut reverse = false;
    for (k, v) in kws {
        match k {
            "key" => key = v,
            "reverse" => reverse = reverse_flag(vm, v)?,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for sort()"))
                )
            }
        }
    }
    let mut items = lst(args[0]).take();
    let r = sort_values(vm, &mut items, key, reverse);
    // The list was left empty with no storage while sorting; anything added to it since
    // (even if removed again: CPython's `allocated != -1`) shows as storage.
    let modified = lst(args[0]).capacity() != 0;
    lst(args[0]).set(items);
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(vm.none)
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.reverse", args, kw, 1, 0, 0)?;
    lst(args[0]).reverse();
    Ok(vm.none)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.copy", args, kw, 1, 0, 0)?;
    let v = lst(args[0]).to_vec();
    Ok(vm.new_list(v))
}

fn clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.clear", args, kw, 1, 0, 0)?;
    lst(args[0]).clear();
    Ok(vm.none)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.new_int(lst(args[0]).len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.__getitem__", args, kw, 1, 1, 1)?;
    subscr::getitem(vm, args[0], args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.__setitem__", args, kw, 1, 2, 2)?;
    subscr::setitem(vm, args[0], args[1], args[2])?;
    Ok(vm.none)
}

fn contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "list.__contains__", args, kw, 1, 1, 1)?;
    let r = compare::contains(vm, args[0], args[1])?;
    Ok(vm.bool_val(r))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    riter::get_iter(vm, args[0])
}
