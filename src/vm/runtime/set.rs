//! Set operations on rtlib's CPython-layout set table (so printed sets match CPython's order).

use crate::rtlib::set_ops;
use crate::rtlib::set_table::SetTable;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::dict::{hash, key_eq};
use crate::vm::value::Value;

pub fn table<'a>(s: Value) -> &'a mut SetTable<Value> {
    &mut as_set(s).expect("set").table
}

/// Adds `key`; returns whether it was new.
pub fn set_add(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let h = hash(vm, key)? as i64;
    table(s).add(key, h, |a, b| key_eq(vm, *a, *b))
}

pub fn set_contains(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let h = hash(vm, key)? as i64;
    table(s).contains(&key, h, |a, b| key_eq(vm, *a, *b))
}

/// Removes `key`; returns whether it was present.
pub fn set_discard(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let h = hash(vm, key)? as i64;
    Ok(table(s)
        .discard(&key, h, |a, b| key_eq(vm, *a, *b))?
        .is_some())
}

/// A new set (or frozenset) object holding `t`.
pub fn from_table(vm: &mut Vm, t: SetTable<Value>, frozen: bool) -> Value {
    let ty = if frozen { vm.t.frozenset } else { vm.t.set };
    vm.heap.alloc(ty, SetData { table: t })
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets, in CPython's element order.
pub fn binop(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<SetTable<Value>> {
    use crate::bytecode::opcode::nb;
    let (ta, tb) = (table(a), table(b));
    let eq = |x: &Value, y: &Value| key_eq(vm, *x, *y);
    match op {
        nb::OR => set_ops::union(ta, tb, eq),
        nb::AND => set_ops::intersection(ta, tb, eq),
        nb::SUBTRACT => set_ops::difference(ta, tb, eq),
        _ => set_ops::symmetric_difference(ta, tb, eq),
    }
}

/// `a |= b` and friends, updating `a`'s table in place as CPython does.
pub fn inplace(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<()> {
    use crate::bytecode::opcode::nb;
    let (ta, tb) = (table(a), table(b));
    let eq = |x: &Value, y: &Value| key_eq(vm, *x, *y);
    match op {
        nb::OR => ta.merge(tb, eq),
        nb::SUBTRACT => set_ops::difference_update(ta, tb, eq),
        nb::XOR => {
            let items: Vec<(Value, i64)> = tb.iter().map(|(k, h)| (*k, h)).collect();
            set_ops::symmetric_difference_update(ta, items, eq)
        }
        _ => {
            let t = set_ops::intersection(ta, tb, eq)?;
            *ta = t;
            Ok(())
        }
    }
}

/// `s.update(it)` as CPython's `set_update_internal`: sets merge table-to-table, dicts pre-size.
pub fn update(vm: &mut Vm, s: Value, it: Value) -> PyResult<()> {
    if as_set(it).is_some() {
        let (dst, src) = (table(s), table(it));
        return dst.merge(src, |a, b| key_eq(vm, *a, *b));
    }
    if let Some(d) = as_dict(it) {
        let n = d.table.len();
        table(s).reserve_for_update(n);
    }
    for x in crate::vm::runtime::iter::collect(vm, it)? {
        set_add(vm, s, x)?;
    }
    Ok(())
}
