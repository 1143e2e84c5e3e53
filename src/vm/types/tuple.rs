//! tuple methods.

use super::{add_method, nargs};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::{compare, iter as riter};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.t.tuple;
    add_method(vm, t, "index", index);
    add_method(vm, t, "count", count);
    add_method(vm, t, "__len__", len);
    super::add_static(vm, t, "__new__", new, false);
}

fn new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, new)? {
        return Ok(r);
    }
    nargs(vm, "tuple", args, kw, 1, 0, 1)?;
    if args.len() > 1 && as_tuple(args[1]).is_some() && obj_type(args[1]) == vm.t.tuple {
        return Ok(args[1]);
    }
    let items = if args.len() > 1 {
        riter::collect(vm, args[1])?
    } else {
        Vec::new()
    };
    Ok(vm.new_tuple(items))
}

fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "index", args, kw, 1, 1, 3)?;
    let items = as_tuple(args[0]).unwrap().to_vec();
    let (start, stop) = super::list::index_bounds(vm, &args[2..], items.len() as i64)?;
    for i in start..stop {
        if compare::eq(vm, items[i as usize], args[1])? {
            return Ok(vm.new_int(i));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "tuple.count", args, kw, 1, 1, 1)?;
    let items = as_tuple(args[0]).unwrap().to_vec();
    let mut c = 0;
    for y in items {
        if compare::eq(vm, y, args[1])? {
            c += 1;
        }
    }
    Ok(vm.new_int(c))
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.new_int(as_tuple(args[0]).unwrap().len() as i64))
}
