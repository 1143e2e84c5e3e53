//! `_heapq`: the heap functions of CPython's `_heapqmodule.c` over a list (or a list subclass's
//! list): the same sift loops, so the same comparisons in the same order and the same resulting
//! heaps, `<` as the only comparison, and RuntimeError when a comparison changes the list's size.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::types::list::less_than;
use crate::vm::types::subclass::base_value;
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_heapq");
    vm.roots.push(m);
    super::def(vm, m, "heappush", heappush);
    super::def(vm, m, "heappop", heappop);
    super::def(vm, m, "heapreplace", heapreplace);
    super::def(vm, m, "heappushpop", heappushpop);
    super::def(vm, m, "heapify", heapify);
    super::def(vm, m, "_heappop_max", heappop_max);
    super::def(vm, m, "_heapreplace_max", heapreplace_max);
    super::def(vm, m, "_heapify_max", heapify_max);
    let about = vm.new_str(ABOUT);
    super::set_attr(vm, m, "__about__", about);
    vm.roots.pop();
    Ok(m)
}

const ABOUT: &str = "Heap queues\n\n[explanation by Fran\u{e7}ois Pinard]\n\nHeaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\nall k, counting elements from 0.  For the sake of comparison,\nnon-existing elements are considered to be infinite.  The interesting\nproperty of a heap is that a[0] is always its smallest element.\n";

fn items<'a>(heap: Value) -> &'a mut ListData {
    as_list(heap).unwrap()
}

/// The list a heap argument holds: a list, or the list a list subclass's instance wraps.
/// `argpos` is the argument's position in the message (None for a one-argument function).
fn heap_arg(vm: &mut Vm, name: &str, v: Value, argpos: Option<usize>) -> PyResult<Value> {
    if as_list(v).is_some() {
        return Ok(v);
    }
    match base_value(v) {
        Some(b) if as_list(b).is_some() => Ok(b),
        _ => {
            let tn = vm.arg_type_name(v);
            let which = argpos.map_or(String::new(), |i| format!(" {i}"));
            Err(vm.type_error(format!("{name}() argument{which} must be list, not {tn}")))
        }
    }
}

/// Argument Clinic's checks of a one-argument function's arguments; the heap.
fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_heapq.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    heap_arg(vm, name, args[0], None)
}

/// Argument Clinic's checks of two positional-only arguments; the heap.
fn two_args(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    heap_arg(vm, name, args[0], Some(1))
}

/// `a < b` (or `b < a` for a max-heap) with both kept alive while `__lt__` runs (it may
/// empty the list).
fn lt(vm: &mut Vm, a: Value, b: Value, max: bool) -> PyResult<bool> {
    vm.roots.push(a);
    vm.roots.push(b);
    let r = if max {
        less_than(vm, b, a)
    } else {
        less_than(vm, a, b)
    };
    vm.roots.pop();
    vm.roots.pop();
    r
}

fn changed_size(vm: &mut Vm) -> Value {
    vm.err("RuntimeError", "list changed size during iteration")
}

fn siftdown(vm: &mut Vm, heap: Value, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = items(heap).len();
    if pos >= size {
        return Err(vm.index_error("index out of range"));
    }
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let (newitem, parent) = (items(heap)[pos], items(heap)[parentpos]);
        let c = lt(vm, newitem, parent, max)?;
        if size != items(heap).len() {
            return Err(changed_size(vm));
        }
        if !c {
            break;
        }
        items(heap).swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

fn siftup(vm: &mut Vm, heap: Value, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = items(heap).len();
    let startpos = pos;
    if pos >= endpos {
        return Err(vm.index_error("index out of range"));
    }
    // Bubble up the smaller child until hitting a leaf.
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = (items(heap)[childpos], items(heap)[childpos + 1]);
            if !lt(vm, a, b, max)? {
                childpos += 1;
            }
            if endpos != items(heap).len() {
                return Err(changed_size(vm));
            }
        }
        items(heap).swap(childpos, pos);
        pos = childpos;
    }
    // Bubble it up to its final resting place (by sifting its parents down).
    siftdown(vm, heap, startpos, pos, max)
}

fn heappush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let heap = two_args(vm, "heappush", args, kw)?;
    items(heap).push(args[1]);
    let n = items(heap).len();
    siftdown(vm, heap, 0, n - 1, false)?;
    Ok(vm.none)
}

fn heappop_internal(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value], max: bool) -> PyResult {
    let heap = one_arg(vm, name, args, kw)?;
    let Some(last) = items(heap).pop() else {
        return Err(vm.index_error("index out of range"));
    };
    if items(heap).is_empty() {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut items(heap)[0], last);
    vm.roots.push(ret);
    let r = siftup(vm, heap, 0, max);
    vm.roots.pop();
    r?;
    Ok(ret)
}

fn heapreplace_internal(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    max: bool,
) -> PyResult {
    let heap = two_args(vm, name, args, kw)?;
    if items(heap).is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut items(heap)[0], args[1]);
    vm.roots.push(ret);
    let r = siftup(vm, heap, 0, max);
    vm.roots.pop();
    r?;
    Ok(ret)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let heap = two_args(vm, "heappushpop", args, kw)?;
    let item = args[1];
    let Some(&top) = items(heap).first() else {
        return Ok(item);
    };
    if !lt(vm, top, item, false)? {
        return Ok(item);
    }
    if items(heap).is_empty() {
        return Err(vm.index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut items(heap)[0], item);
    vm.roots.push(ret);
    let r = siftup(vm, heap, 0, false);
    vm.roots.pop();
    r?;
    Ok(ret)
}

/// The highest power of two not above `n` (n >= 1).
fn keep_top_bit(n: usize) -> usize {
    1 << (usize::BITS - 1 - n.leading_zeros())
}

fn heapify_internal(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value], max: bool) -> PyResult {
    let heap = one_arg(vm, name, args, kw)?;
    let n = items(heap).len();
    if n > 2500 {
        // CPython's cache-friendly order: each parent right after its pair of children (the
        // same heap as the plain order).
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        for range in [(mhalf, leftmost), (leftmost, m)] {
            for i in (range.0..range.1).rev() {
                let mut j = i;
                loop {
                    siftup(vm, heap, j, max)?;
                    if j & 1 == 0 {
                        break;
                    }
                    j >>= 1;
                }
            }
        }
        return Ok(vm.none);
    }
    for i in (0..n >> 1).rev() {
        siftup(vm, heap, i, max)?;
    }
    Ok(vm.none)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    heappop_internal(vm, "heappop", args, kw, false)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    heappop_internal(vm, "_heappop_max", args, kw, true)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    heapreplace_internal(vm, "heapreplace", args, kw, false)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    heapreplace_internal(vm, "_heapreplace_max", args, kw, true)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    heapify_internal(vm, "heapify", args, kw, false)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    heapify_internal(vm, "_heapify_max", args, kw, true)
}
