//! `__del__`. cpjit has no reference counts, so it cannot run a finalizer the moment the last
//! reference goes as CPython does. Instead an instance of a class that defines `__del__` is
//! registered with the collector when it is made ([`register`]); the first collection that finds
//! it unreachable keeps it (and what it refers to) alive and queues it
//! (`gc::Heap::queue_finalizers`, which orders referrers before what they refer to), and the VM
//! calls its `__del__` right after that collection ([`run_pending`]), once (PEP 442: a
//! resurrected object is not finalized again). At exit, after the atexit callbacks, the objects
//! still registered are finalized the same way ([`at_exit`]), as CPython's shutdown finalizes
//! what the cleared modules held.
//!
//! What this buys: an unclosed file (`open(p, 'w').write(s)`, `_pyio`'s `IOBase.__del__` closes
//! it) is flushed and its descriptor closed when collected, and at the latest at exit; before,
//! its buffered data was lost. What it cannot: the timing. A finalizer CPython runs at a `del`
//! or when a function returns runs here at the next collection (or `gc.collect()`), so output
//! a `__del__` prints comes later than CPython's.

use super::interp::Vm;
use super::object::*;
use super::runtime::attr::lookup_type_str;
use super::value::Value;

/// Registers `obj`, just made, for finalization when its class (MRO) defines `__del__`; the
/// answer is cached per type version tag.
pub fn register(vm: &mut Vm, obj: Value) {
    let t = obj_type(obj);
    let td = type_data(t);
    let version = td.version.get();
    let (known, has) = td.finalizer.get();
    let has = if version != 0 && known == version {
        has
    } else {
        let has = lookup_type_str(vm, t, "__del__").is_some();
        td.finalizer.set((version, has));
        has
    };
    if has {
        vm.fin.finalizable.push(obj);
    }
}

/// Runs the `__del__` of every object the collector queued, oldest first; an error in one is
/// reported as "Exception ignored in: <function ...>" (CPython's `PyErr_WriteUnraisable`) and
/// the rest still run. A collection inside a finalizer queues more, which this loop then runs.
pub fn run_pending(vm: &mut Vm) {
    if vm.fin.to_finalize.is_empty() || vm.fin.running {
        return;
    }
    vm.fin.running = true;
    let saved = vm.handled;
    while let Some(obj) = vm.fin.to_finalize.pop_front() {
        vm.roots.push(obj);
        if let Some(del) = lookup_type_str(vm, obj_type(obj), "__del__") {
            if let Err(e) = super::runtime::call::call_method_value(vm, del, obj, &[]) {
                let r = super::runtime::repr::repr_string(vm, del).unwrap_or_default();
                let tb = super::traceback::format_exception(vm, e);
                vm.write_stderr(format!("Exception ignored in: {r}\n{tb}").as_bytes());
            }
        }
        vm.roots.pop();
    }
    vm.handled = saved;
    vm.fin.running = false;
}

/// At exit: finalizes every object still registered, those no other one refers to first (a few
/// rounds; whatever is left after them goes in the order the objects were made).
pub fn at_exit(vm: &mut Vm) {
    const ROUNDS: usize = 8;
    for round in 0.. {
        if vm.fin.finalizable.is_empty() {
            break;
        }
        if round < ROUNDS {
            vm.heap.queue_finalizers(&mut vm.fin, true);
        } else {
            let rest: Vec<Value> = std::mem::take(&mut vm.fin.finalizable);
            vm.fin.to_finalize.extend(rest);
        }
        run_pending(vm);
        if round >= ROUNDS {
            break;
        }
    }
}
