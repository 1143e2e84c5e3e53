//! `_bisect`: `bisect_left`, `bisect_right`, `insort_left`, `insort_right(a, x, lo=0, hi=None,
//! *, key=None)` as CPython's `_bisectmodule.c` has them: items are read with `a[mid]` (any
//! sequence), compared with `<` only, `hi=None` (or -1) means `len(a)`, and `insort_*` inserts
//! with the list's own insert for an exact list and `a.insert(i, x)` otherwise.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::{attr, call, subscr};
use crate::vm::types::exc::ssize_index;
use crate::vm::types::list::less_than;
use crate::vm::types::{bind_named, split_kw};
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_bisect");
    vm.roots.push(m);
    super::def(vm, m, "bisect_right", bisect_right);
    super::def(vm, m, "bisect_left", bisect_left);
    super::def(vm, m, "insort_right", insort_right);
    super::def(vm, m, "insort_left", insort_left);
    vm.roots.pop();
    Ok(m)
}

/// The bound arguments: `a`, `x`, `lo`, `hi` (-1 for None), `key` (None for none).
struct Args {
    a: Value,
    x: Value,
    lo: i64,
    hi: i64,
    key: Value,
}

fn parse(vm: &mut Vm, fname: &str, args: &[Value], kw: &[Value]) -> PyResult<Args> {
    let (pos, kws) = split_kw(args, kw);
    let b = bind_named(vm, fname, pos, &kws, &["a", "x", "lo", "hi", "key"], 4, 2)?;
    let lo = match b[2] {
        Some(v) => ssize_index(vm, v)?,
        None => 0,
    };
    let hi = match b[3] {
        Some(v) if v != vm.none => ssize_index(vm, v)?,
        _ => -1,
    };
    Ok(Args {
        a: b[0].unwrap(),
        x: b[1].unwrap(),
        lo,
        hi,
        key: b[4].unwrap_or(vm.none),
    })
}

/// The insertion point of `x` (already passed through the key function) in `a[lo:hi]`:
/// leftmost (`right == false`) or rightmost.
fn search(vm: &mut Vm, p: &Args, x: Value, right: bool) -> PyResult<i64> {
    let (mut lo, mut hi) = (p.lo, p.hi);
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    if hi == -1 {
        hi = crate::vm::builtins::len_of(vm, p.a)? as i64;
    }
    while lo < hi {
        // Unsigned, as CPython does, so lo + hi cannot overflow.
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let idx = vm.new_int(mid);
        let mut item = subscr::getitem(vm, p.a, idx)?;
        if p.key != vm.none {
            vm.roots.push(item);
            let r = call::call(vm, p.key, &[item], &[]);
            vm.roots.pop();
            item = r?;
        }
        vm.roots.push(item);
        let r = if right {
            less_than(vm, x, item)
        } else {
            less_than(vm, item, x)
        };
        vm.roots.pop();
        // bisect_right: x < item moves hi down; bisect_left: item < x moves lo up.
        if r? == right {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(vm: &mut Vm, fname: &str, args: &[Value], kw: &[Value], right: bool) -> PyResult {
    let p = parse(vm, fname, args, kw)?;
    let i = search(vm, &p, p.x, right)?;
    Ok(vm.new_int(i))
}

fn insort(vm: &mut Vm, fname: &str, args: &[Value], kw: &[Value], right: bool) -> PyResult {
    let p = parse(vm, fname, args, kw)?;
    let i = if p.key == vm.none {
        search(vm, &p, p.x, right)?
    } else {
        let kx = call::call(vm, p.key, &[p.x], &[])?;
        vm.roots.push(kx);
        let r = search(vm, &p, kx, right);
        vm.roots.pop();
        r?
    };
    let idx = vm.new_int(i);
    vm.roots.push(idx);
    let r = if is_exact(p.a, vm.t.list) {
        crate::vm::types::list::insert(vm, &[p.a, idx, p.x], &[])
    } else {
        let name = vm.intern("insert");
        attr::getattr(vm, p.a, name).and_then(|f| {
            vm.roots.push(f);
            let r = call::call(vm, f, &[idx, p.x], &[]);
            vm.roots.pop();
            r
        })
    };
    vm.roots.pop();
    r?;
    Ok(vm.none)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    bisect(vm, "bisect_right", args, kw, true)
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    bisect(vm, "bisect_left", args, kw, false)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    insort(vm, "insort_right", args, kw, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    insort(vm, "insort_left", args, kw, false)
}
