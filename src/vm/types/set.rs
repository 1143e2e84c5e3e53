//! set and frozenset methods.

use super::{add_method, add_static, nargs};
use crate::bytecode::opcode::nb;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::ops::drain::Accept;
use crate::vm::runtime::{dict as rdict, iter as riter, ops};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    for frozen in [false, true] {
        let t = if frozen { vm.t.frozenset } else { vm.t.set };
        add_method(vm, t, "copy", copy);
        add_method(vm, t, "union", union);
        add_method(vm, t, "intersection", intersection);
        add_method(vm, t, "difference", difference);
        add_method(vm, t, "symmetric_difference", symmetric_difference);
        add_method(vm, t, "issubset", issubset);
        add_method(vm, t, "issuperset", issuperset);
        add_method(vm, t, "isdisjoint", isdisjoint);
        add_method(vm, t, "__len__", len);
        add_method(vm, t, "__contains__", contains);
        add_static(vm, t, "__new__", new, false);
    }
    let t = vm.t.set;
    add_method(vm, t, "add", add);
    add_method(vm, t, "remove", remove);
    add_method(vm, t, "discard", discard);
    add_method(vm, t, "pop", pop);
    add_method(vm, t, "clear", clear);
    add_method(vm, t, "update", update);
    add_method(vm, t, "intersection_update", intersection_update);
    add_method(vm, t, "difference_update", difference_update);
    add_method(
        vm,
        t,
        "symmetric_difference_update",
        symmetric_difference_update,
    );
}

fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, new)? {
        return Ok(r);
    }
    let frozen = args[0].as_ptr::<TypeObject>() as *const TypeObject == vm.t.frozenset;
    nargs(
        vm,
        if frozen { "frozenset" } else { "set" },
        args,
        kw,
        1,
        0,
        1,
    )?;
    let s = vm.new_set(frozen);
    if args.len() > 1 && frozen && vm.type_of(args[1]) == vm.t.frozenset {
        return Ok(args[1]);
    }
    if args.len() > 1 && as_set(args[1]).is_some() {
        let src = args[1];
        let t = crate::vm::runtime::set::table(src);
        let dst = crate::vm::runtime::set::table(s);
        dst.merge(t, |a, b| crate::vm::runtime::dict::key_eq(vm, *a, *b))?;
        return Ok(s);
    }
    if args.len() > 1 && as_dict(args[1]).is_some() {
        let n = rdict::len_of(args[1]);
        crate::vm::runtime::set::table(s).reserve_for_update(n);
    }
    if args.len() > 1 {
        vm.roots.push(s);
        let r = riter::for_each(vm, args[1], Some(Accept::PureHash), |vm, x| {
            rdict::set_add(vm, s, x).map(drop)
        });
        vm.roots.pop();
        r?;
    }
    Ok(s)
}

fn to_set(vm: &mut Vm, v: Value) -> PyResult {
    if as_set(v).is_some() {
        return Ok(v);
    }
    let s = vm.new_set(false);
    vm.roots.push(s);
    let r = riter::for_each(vm, v, Some(Accept::PureHash), |vm, x| {
        rdict::set_add(vm, s, x).map(drop)
    });
    vm.roots.pop();
    r?;
    Ok(s)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "copy", args, kw, 1, 0, 0)?;
    let frozen = obj_type(args[0]) == vm.t.frozenset;
    // A frozenset's copy is the frozenset itself.
    if frozen {
        return Ok(args[0]);
    }
    let t = crate::vm::runtime::set::table(args[0]).copy();
    Ok(crate::vm::runtime::set::from_table(vm, t, frozen))
}

fn multi(vm: &mut Vm, args: &[Value], op: u32) -> PyResult {
    let mut acc = args[0];
    let base = vm.roots.len();
    for &o in &args[1..] {
        let o = to_set(vm, o)?;
        vm.roots.push(o);
        acc = ops::binary_op(vm, op, acc, o)?;
        vm.roots.push(acc);
    }
    vm.roots.truncate(base);
    if acc == args[0] {
        return copy(vm, &args[..1], &[]);
    }
    Ok(acc)
}

/// The varargs methods' keyword check (METH_VARARGS): keyword values would otherwise be read
/// as more operands. Named by the defining type, as CPython's message is.
fn no_keywords(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if kw.is_empty() {
        return Ok(());
    }
    let frozen = vm.is_subtype(vm.type_of(args[0]), vm.t.frozenset);
    let t = if frozen { "frozenset" } else { "set" };
    Err(vm.type_error(format!("{t}.{name}() takes no keyword arguments")))
}

fn union(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_keywords(vm, "union", args, kw)?;
    multi(vm, args, nb::OR)
}
fn intersection(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_keywords(vm, "intersection", args, kw)?;
    multi(vm, args, nb::AND)
}
fn difference(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_keywords(vm, "difference", args, kw)?;
    multi(vm, args, nb::SUBTRACT)
}
fn symmetric_difference(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "symmetric_difference", args, kw, 1, 1, 1)?;
    multi(vm, args, nb::XOR)
}

fn issubset(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "issubset", args, kw, 1, 1, 1)?;
    let o = to_set(vm, args[1])?;
    vm.roots.push(o);
    let r = crate::vm::runtime::set::is_subset(vm, args[0], o);
    vm.roots.pop();
    Ok(vm.bool_val(r?))
}
fn issuperset(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "issuperset", args, kw, 1, 1, 1)?;
    let r = any_key(vm, args[0], args[1], false)?;
    Ok(vm.bool_val(!r))
}
fn isdisjoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "isdisjoint", args, kw, 1, 1, 1)?;
    let r = any_key(vm, args[0], args[1], true)?;
    Ok(vm.bool_val(!r))
}
/// Whether some item of `it` is (`want` true) or is not (false) in set `s`.
fn any_key(vm: &mut Vm, s: Value, it: Value, want: bool) -> PyResult<bool> {
    let items = riter::collect(vm, it)?;
    crate::vm::runtime::set::any_membership(vm, s, &items, want)
}
fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.new_int(rdict::len_of(args[0]) as i64))
}
fn contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__contains__", args, kw, 1, 1, 1)?;
    let r = rdict::set_contains(vm, args[0], args[1])?;
    Ok(vm.bool_val(r))
}
fn add(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "set.add", args, kw, 1, 1, 1)?;
    rdict::set_add(vm, args[0], args[1])?;
    Ok(vm.none)
}
fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "set.remove", args, kw, 1, 1, 1)?;
    if !rdict::set_discard(vm, args[0], args[1])? {
        let kt = vm.t.exc("KeyError");
        let a = vm.new_tuple(vec![args[1]]);
        return Err(vm.new_exception_args(kt, a));
    }
    Ok(vm.none)
}
fn discard(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "set.discard", args, kw, 1, 1, 1)?;
    rdict::set_discard(vm, args[0], args[1])?;
    Ok(vm.none)
}
fn pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "set.pop", args, kw, 1, 0, 0)?;
    match as_set(args[0]).unwrap().table.pop() {
        Some((k, _)) => Ok(k),
        None => Err(vm.err("KeyError", "pop from an empty set")),
    }
}
fn clear(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "set.clear", args, kw, 1, 0, 0)?;
    as_set(args[0]).unwrap().table.clear();
    Ok(vm.none)
}
fn update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_keywords(vm, "update", args, kw)?;
    for &o in &args[1..] {
        crate::vm::runtime::set::update(vm, args[0], o)?;
    }
    Ok(vm.none)
}
fn inplace(vm: &mut Vm, args: &[Value], op: u32) -> PyResult {
    for &o in &args[1..] {
        let o = to_set(vm, o)?;
        vm.roots.push(o);
        let r = ops::binary_op(vm, op + nb::INPLACE, args[0], o);
        vm.roots.pop();
        r?;
    }
    Ok(vm.none)
}
fn intersection_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_keywords(vm, "intersection_update", args, kw)?;
    inplace(vm, args, nb::AND)
}
/// Another set or a dict works table to table (`inplace`); any other iterable's items are
/// discarded as the iterator produces them (a generator reading the set sees it shrink).
fn difference_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    no_keywords(vm, "difference_update", args, kw)?;
    let s = args[0];
    for &o in &args[1..] {
        if as_set(o).is_some() || as_dict(o).is_some() {
            inplace(vm, &[s, o], nb::SUBTRACT)?;
        } else {
            riter::for_each(vm, o, None, |vm, x| rdict::set_discard(vm, s, x).map(drop))?;
        }
    }
    Ok(vm.none)
}
fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "symmetric_difference_update", args, kw, 1, 1, 1)?;
    inplace(vm, args, nb::XOR)
}
