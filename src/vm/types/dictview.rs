//! The set-like dict views (`dict_keys`, `dict_items`): set operators with any iterable
//! (the result is a set), comparisons with sets and views, and `isdisjoint`.

use super::{add_method, nargs};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::{compare, iter as riter, set as rset};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    for v in [vm.t.dict_keys, vm.t.dict_items] {
        add_method(vm, v, "isdisjoint", isdisjoint);
    }
}

/// A `dict_keys` or `dict_items` view (not `dict_values`, which is not set-like).
pub fn is_setlike(v: Value) -> bool {
    as_view(v).is_some_and(|d| d.kind != DictIterKind::Values)
        && type_data(obj_type(v)).name != "mappingproxy"
}

/// A new set of the items of any iterable.
pub fn to_set(vm: &mut Vm, v: Value) -> PyResult {
    let s = vm.new_set(false);
    vm.roots.push(s);
    let r = rset::update(vm, s, v);
    vm.roots.pop();
    r.map(|_| s)
}

/// `a <op> b` (| & - ^) when one operand is a set-like view: `set(a) <op> set(b)`.
pub fn binop(vm: &mut Vm, base: u32, a: Value, b: Value) -> PyResult {
    let x = to_set(vm, a)?;
    vm.roots.push(x);
    let r = to_set(vm, b).and_then(|y| {
        vm.roots.push(y);
        let r = rset::binop(vm, base, x, y).map(|t| rset::from_table(vm, t, false));
        vm.roots.pop();
        r
    });
    vm.roots.pop();
    r
}

/// Rich comparison of a set-like view with a set or set-like view (as sets); None otherwise.
pub fn compare(vm: &mut Vm, op: u32, a: Value, b: Value) -> PyResult<Option<bool>> {
    let ok = |v: Value| is_setlike(v) || as_set(v).is_some();
    if !(is_setlike(a) || is_setlike(b)) || !ok(a) || !ok(b) {
        return Ok(None);
    }
    let x = if is_setlike(a) { to_set(vm, a)? } else { a };
    vm.roots.push(x);
    let r = (|| {
        let y = if is_setlike(b) { to_set(vm, b)? } else { b };
        vm.roots.push(y);
        let r = compare::compare(vm, op, x, y);
        vm.roots.pop();
        let r = r?;
        compare::truthy(vm, r)
    })();
    vm.roots.pop();
    r.map(Some)
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "isdisjoint", args, kw, 1, 1, 1)?;
    let it = riter::get_iter(vm, args[1])?;
    vm.roots.push(it);
    let r = (|| {
        while let Some(x) = riter::next(vm, it)? {
            if compare::contains(vm, args[0], x)? {
                return Ok(false);
            }
        }
        Ok(true)
    })();
    vm.roots.pop();
    r.map(|b| vm.bool_val(b))
}
