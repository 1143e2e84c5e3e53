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
//!
//! Generators, coroutines and async generators are finalized the same way (CPython's
//! `_PyGen_Finalize`): a suspended one is closed (GeneratorExit thrown in at its yield, so its
//! `finally` and `with` blocks run), an async generator with a finalizer hook is handed to the
//! hook instead, and a coroutine never started warns "coroutine ... was never awaited". Only
//! those whose finalization can be seen are registered ([`register_generator`]), when they are
//! first resumed (coroutines and hooked async generators earlier); a registered generator that
//! has finished is dropped from the list by the next collection.

use super::interp::Vm;
use super::object::*;
use super::runtime::attr::lookup_type_str;
use super::value::Value;
use crate::bytecode::code::flags::CO_COROUTINE;

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

/// Registers generator `gen` (a generator, coroutine or async generator), just made or about to
/// run for the first time, for finalization. Callers: `ops::gen_resume` on the first resume of a
/// generator whose code `needs_close` (not a coroutine, registered when made, nor an async
/// generator with a finalizer hook, registered when the hook was taken), `ops::make_generator`
/// for every coroutine (the never-awaited warning), `asyncgen::init_hooks` when it keeps a
/// finalizer hook. Each generator is registered at most once.
#[inline]
pub fn register_generator(vm: &mut Vm, gen: Value) {
    vm.fin.finalizable.push(gen);
}

/// Whether registered generator `gen` still has something to finalize (`_PyGen_Finalize`'s
/// cases): a finished one has not, nor a suspended one whose close cannot run its code, nor a
/// generator never started (closing it just marks it finished) unless it is a coroutine (the
/// warning) or an async generator with a finalizer hook (which CPython calls for it too).
pub fn generator_pending(gen: Value) -> bool {
    let g = payload_any::<GenData>(gen);
    match g.state {
        GenState::Done => false,
        _ if !g.ag.finalizer.is_null() && !g.ag.closed => true,
        GenState::Created => unawaited_coroutine(g),
        _ => as_code(g.code).is_some_and(|c| c.needs_close),
    }
}

/// A coroutine never started (CPython tests the code's CO_COROUTINE flag).
fn unawaited_coroutine(g: &GenData) -> bool {
    g.state == GenState::Created
        && as_code(g.code).is_some_and(|c| c.code.flags & CO_COROUTINE != 0)
}

/// `_PyGen_Finalize` for `gen`, found unreachable (or still registered at exit).
fn finalize_generator(vm: &mut Vm, gen: Value) {
    let g = payload_any::<GenData>(gen);
    if g.state == GenState::Done {
        return;
    }
    let hook = g.ag.finalizer;
    let r = if !hook.is_null() && !g.ag.closed {
        super::runtime::call::call(vm, hook, &[gen], &[]).map(|_| ())
    } else if unawaited_coroutine(g) {
        warn_unawaited(vm, gen);
        Ok(())
    } else {
        super::types::genobj::close(vm, gen).map(|_| ())
    };
    if let Err(e) = r {
        write_unraisable(vm, e, gen);
    }
}

/// `_PyErr_WarnUnawaitedCoroutine` through `warnings._warn_unawaited_coroutine`'s default
/// output: located at the running frame, with the tracemalloc hint the default `showwarning`
/// adds for a warning with a source object. The "default" filter action shows a message once
/// per location, which `fin.warned` keeps.
fn warn_unawaited(vm: &mut Vm, coro: Value) {
    let qualname = payload_any::<GenData>(coro).qualname;
    let name = super::runtime::repr::repr_string(vm, qualname).unwrap_or_default();
    let msg = format!("coroutine {name} was never awaited");
    let at = super::types::frameobj::current_location(vm).unwrap_or_else(|| ("sys".into(), 1));
    if !vm.fin.warned.insert((at, msg.clone())) {
        return;
    }
    super::traceback::warn_at_caller(vm, "RuntimeWarning", &msg);
    vm.write_stderr(b"RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

/// `PyErr_WriteUnraisable(obj)` for exception `e`: "Exception ignored in: repr(obj)" and the
/// traceback, which for an exception raised with none (close()'s "generator ignored
/// GeneratorExit") is the running frame, as CPython 3.11 adds it.
pub fn write_unraisable(vm: &mut Vm, e: Value, obj: Value) {
    vm.roots.push(e);
    if let Some(x) = as_instance(e).and_then(|i| i.exc.as_mut()) {
        if x.traceback.is_empty() && !vm.current.is_null() {
            let fr = vm.current.get();
            let code = super::framestack::frame_code(fr);
            x.traceback.push((code, fr.instr_index.saturating_sub(1)));
            x.tb_globals.clear();
            x.tb_globals.push(fr.globals);
        }
    }
    let r = super::runtime::repr::repr_string(vm, obj).unwrap_or_default();
    let tb = super::traceback::format_unraisable(vm, e);
    vm.write_stderr(format!("Exception ignored in: {r}\n{tb}").as_bytes());
    vm.roots.pop();
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
        if layout_of(obj) == Layout::Generator {
            finalize_generator(vm, obj);
        } else if let Some(del) = lookup_type_str(vm, obj_type(obj), "__del__") {
            vm.roots.push(del);
            if let Err(e) = super::runtime::call::call_method_value(vm, del, obj, &[]) {
                write_unraisable(vm, e, del);
            }
            vm.roots.pop();
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
