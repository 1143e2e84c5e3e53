//! Generator methods `send`, `throw`, `close`, with CPython 3.11's delegation: a generator
//! suspended inside `yield from` (or `await`) passes `throw()` and `close()` on to the iterator it
//! delegates to (genobject.c's `_gen_throw`, `gen_close`, `gen_close_iter`), so the innermost
//! generator's handlers run.

use super::nargs;
use crate::bytecode::code::CodeObject;
use crate::bytecode::opcode::Opcode;
use crate::vm::eval::Exit;
use crate::vm::framestack::{self, boxed_frame};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::ops::gen_resume;
use crate::vm::runtime::call::call;
use crate::vm::runtime::{attr, iter as riter};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let g = vm.t.generator;
    super::add_method(vm, g, "send", gen_send);
    super::add_method(vm, g, "throw", gen_throw);
    super::add_method(vm, g, "close", gen_close);
    super::add_method(vm, g, "__next__", gen_next);
    super::add_method(vm, g, "__iter__", iter_self);
    let c = vm.t.coroutine;
    super::add_method(vm, c, "send", gen_send);
    super::add_method(vm, c, "throw", gen_throw);
    super::add_method(vm, c, "close", gen_close);
    super::add_method(vm, c, "__await__", coro_await);
    let w = vm.t.coroutine_wrapper;
    super::add_method(vm, w, "send", wrapper_send);
    super::add_method(vm, w, "throw", wrapper_throw);
    super::add_method(vm, w, "close", wrapper_close);
    super::add_method(vm, w, "__next__", wrapper_next);
    super::add_method(vm, w, "__iter__", iter_self);
}

/// `coroutine.__await__()`: a `coroutine_wrapper`, the iterator that drives the coroutine.
fn coro_await(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__await__", args, kw, 1, 0, 0)?;
    let ty = vm.t.coroutine_wrapper;
    Ok(vm.new_iter(ty, IterData::Await { coro: args[0] }))
}

/// The coroutine a `coroutine_wrapper` drives.
pub fn wrapped_coroutine(w: Value) -> Option<Value> {
    match as_iter(w)? {
        IterData::Await { coro } => Some(*coro),
        _ => None,
    }
}

/// The wrapper's `send`/`throw`/`close`: the coroutine's, called on the wrapped coroutine.
fn on_wrapped(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    f: fn(&mut Vm, &[Value], &[Value]) -> PyResult,
) -> PyResult {
    let Some(coro) = args.first().and_then(|w| wrapped_coroutine(*w)) else {
        return Err(vm.type_error("descriptor requires a 'coroutine_wrapper' object"));
    };
    let mut a = args.to_vec();
    a[0] = coro;
    f(vm, &a, kw)
}

fn wrapper_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    on_wrapped(vm, args, kw, gen_send)
}

fn wrapper_throw(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    on_wrapped(vm, args, kw, gen_throw)
}

fn wrapper_next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__next__", args, kw, 1, 0, 0)?;
    let none = vm.none;
    let a = [args[0], none];
    on_wrapped(vm, &a, kw, gen_send)
}

fn wrapper_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    on_wrapped(vm, args, kw, gen_close)
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(args[0])
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match riter::next(vm, args[0])? {
        Some(v) => Ok(v),
        None => {
            let none = vm.none;
            Err(stop_iteration(vm, none))
        }
    }
}

/// A new `StopIteration` carrying `v` (no arguments for None, as CPython's generators raise it).
pub fn stop_iteration(vm: &mut Vm, v: Value) -> Value {
    let t = vm.t.exc("StopIteration");
    let args = if v == vm.none {
        vm.new_tuple(vec![])
    } else {
        vm.new_tuple(vec![v])
    };
    vm.new_exception_args(t, args)
}

/// `StopIteration.value` of exception `e` (its first argument, or None), or None if `e` is not
/// a StopIteration.
pub fn stop_value(vm: &mut Vm, e: Value) -> Option<Value> {
    if !vm.isinstance(e, vm.t.exc("StopIteration")) {
        return None;
    }
    let k = vm.intern("value");
    // An explicitly assigned `.value` wins, as CPython's member slot does.
    if let Some(v) = attr::own_attr(vm, e, k) {
        return Some(v);
    }
    let a = as_instance(e)
        .and_then(|i| i.exc.as_ref())
        .map(|x| x.args)
        .unwrap_or(Value::NULL);
    Some(
        as_tuple(a)
            .and_then(|t| t.first().copied())
            .unwrap_or(vm.none),
    )
}

pub fn exit_to_result(vm: &mut Vm, r: Exit) -> PyResult {
    match r {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(stop_iteration(vm, v)),
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "send", args, kw, 1, 1, 1)?;
    let r = gen_resume(vm, args[0], args[1], None)?;
    exit_to_result(vm, r)
}

/// The iterator a suspended generator delegates to (`_PyGen_yf`): the top of its value stack
/// when it is suspended at the yield of a `yield from` / `await` loop (the next instruction is
/// `RESUME 2` or `RESUME 3`).
pub fn delegate(gen: Value) -> Option<Value> {
    if resume_arg(gen)? < 2 {
        return None;
    }
    let g = as_generator(gen)?;
    let f = boxed_frame(&mut g.frame);
    let fr = f.get();
    if fr.stack_depth == 0 {
        return None;
    }
    let nlp = fr.nlocalsplus as usize;
    let d = fr.stack_depth as usize;
    let slots = f.slots(nlp + d);
    Some(slots[nlp + d - 1])
}

/// The oparg of the RESUME a suspended generator will resume at: 1 after a `yield`, 2 after a
/// `yield from`'s yield, 3 after an `await`'s; None unless suspended.
pub fn resume_arg(gen: Value) -> Option<u32> {
    let g = as_generator(gen)?;
    if g.state != GenState::Suspended {
        return None;
    }
    let f = boxed_frame(&mut g.frame);
    let fr = f.get();
    let cd = as_code(framestack::frame_code(fr))?;
    let (op, arg) = CodeObject::decode(*cd.code.code.get(fr.instr_index as usize)?);
    (op == Some(Opcode::RESUME)).then_some(arg)
}

/// Ends the `yield from` loop of suspended generator `gen` as SEND does when the delegate
/// finishes: pops the delegate and continues after the loop (the caller resumes the generator
/// with the delegate's return value).
fn leave_delegation(gen: Value) {
    let g = as_generator(gen).unwrap();
    let f = boxed_frame(&mut g.frame);
    let fr = f.get();
    let cd = as_code(framestack::frame_code(fr)).unwrap();
    // YIELD_VALUE's RESUME follows SEND's YIELD_VALUE: SEND is two units back.
    let send_at = fr.instr_index as usize - 2;
    let (op, target) = CodeObject::decode(cd.code.code[send_at]);
    debug_assert_eq!(op, Some(Opcode::SEND));
    fr.stack_depth -= 1;
    fr.instr_index = target;
}

/// Runs `f` with generator `gen` marked as running (so that re-entering it raises "generator
/// already executing"), then restores its state.
fn while_running<T>(gen: Value, f: impl FnOnce() -> T) -> T {
    let g = as_generator(gen).unwrap();
    let saved = g.state;
    g.state = GenState::Running;
    let r = f();
    as_generator(gen).unwrap().state = saved;
    r
}

/// `gen_close_iter`: closes a delegate (a generator's own close, or the iterator's `close`
/// method if it has one).
fn close_iter(vm: &mut Vm, yf: Value) -> PyResult<()> {
    if as_generator(yf).is_some() {
        return close(vm, yf).map(|_| ());
    }
    let k = vm.intern("close");
    if let Some(m) = attr::getattr_opt(vm, yf, k)? {
        call(vm, m, &[], &[])?;
    }
    Ok(())
}

/// "generator", "coroutine" or "async generator", as CPython's messages name them.
pub fn gen_kind(vm: &Vm, gen: Value) -> &'static str {
    let t = obj_type(gen);
    if t == vm.t.coroutine {
        "coroutine"
    } else if t == vm.t.async_generator {
        "async generator"
    } else {
        "generator"
    }
}

/// `generator.close()`.
pub fn close(vm: &mut Vm, gen: Value) -> PyResult {
    let g = as_generator(gen).unwrap();
    if g.state == GenState::Created {
        // Throwing into a generator that has not started ends it without running any code.
        g.state = GenState::Done;
        return Ok(vm.none);
    }
    let mut exc = None;
    if let Some(yf) = delegate(gen) {
        if let Err(e) = while_running(gen, || close_iter(vm, yf)) {
            exc = Some(e);
        }
    }
    let e = match exc {
        Some(e) => e,
        None => {
            let t = vm.t.exc("GeneratorExit");
            let a = vm.new_tuple(vec![]);
            vm.new_exception_args(t, a)
        }
    };
    vm.roots.push(e);
    let none = vm.none;
    let r = gen_resume(vm, gen, none, Some(e));
    vm.roots.pop();
    match r {
        Ok(Exit::Yield(_)) => {
            let what = gen_kind(vm, gen);
            Err(vm.err("RuntimeError", format!("{what} ignored GeneratorExit")))
        }
        Ok(Exit::Return(_)) => Ok(vm.none),
        Err(x)
            if vm.isinstance(x, vm.t.exc("GeneratorExit"))
                || vm.isinstance(x, vm.t.exc("StopIteration")) =>
        {
            Ok(vm.none)
        }
        Err(x) => Err(x),
    }
}

fn gen_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "close", args, kw, 1, 0, 0)?;
    close(vm, args[0])
}

fn gen_throw(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "throw", args, kw, 1, 1, 3)?;
    let r = throw(vm, args[0], &args[1..], true)?;
    exit_to_result(vm, r)
}

/// Does `typ` (a class or an instance) match exception class `name`?
fn given_matches(vm: &Vm, typ: Value, name: &str) -> bool {
    let t = vm.t.exc(name);
    match as_type(typ) {
        Some(_) => vm.is_subtype(typ.as_ptr(), t),
        None => vm.isinstance(typ, t),
    }
}

/// `_gen_throw`: `targs` is throw()'s (type[, value[, traceback]]).
pub fn throw(vm: &mut Vm, gen: Value, targs: &[Value], close_on_genexit: bool) -> PyResult<Exit> {
    if let Some(yf) = delegate(gen) {
        if close_on_genexit && given_matches(vm, targs[0], "GeneratorExit") {
            if let Err(e) = while_running(gen, || close_iter(vm, yf)) {
                vm.roots.push(e);
                let none = vm.none;
                let r = gen_resume(vm, gen, none, Some(e));
                vm.roots.pop();
                return r;
            }
            return throw_here(vm, gen, targs);
        }
        let ret = if as_generator(yf).is_some() {
            while_running(gen, || throw(vm, yf, targs, close_on_genexit))
        } else {
            let k = vm.intern("throw");
            let Some(m) = attr::getattr_opt(vm, yf, k)? else {
                return throw_here(vm, gen, targs);
            };
            vm.roots.push(m);
            let r = while_running(gen, || call(vm, m, targs, &[]));
            vm.roots.pop();
            r.map(Exit::Yield)
        };
        let result = match ret {
            Ok(Exit::Yield(v)) => return Ok(Exit::Yield(v)),
            Ok(Exit::Return(v)) => Ok(v),
            Err(e) => match stop_value(vm, e) {
                Some(v) => Ok(v),
                None => Err(e),
            },
        };
        // The delegate finished (returned or raised): the generator goes on after its
        // `yield from` with the return value, or with the exception raised there.
        leave_delegation(gen);
        let none = vm.none;
        return match result {
            Ok(v) => {
                vm.roots.push(v);
                let r = gen_resume(vm, gen, v, None);
                vm.roots.pop();
                r
            }
            Err(e) => {
                vm.roots.push(e);
                let r = gen_resume(vm, gen, none, Some(e));
                vm.roots.pop();
                r
            }
        };
    }
    throw_here(vm, gen, targs)
}

/// Builds the exception from throw()'s arguments (`PyErr_NormalizeException`'s rules) and raises
/// it at the generator's suspension point.
fn throw_here(vm: &mut Vm, gen: Value, targs: &[Value]) -> PyResult<Exit> {
    let typ = targs[0];
    let val = targs.get(1).copied().filter(|v| *v != vm.none);
    if let Some(&tb) = targs.get(2) {
        if tb != vm.none && vm.type_of(tb) != vm.t.traceback {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let e = if as_type(typ).is_some_and(|t| t.is_exception) {
        normalize(vm, typ, val)
    } else if as_instance(typ).is_some_and(|i| i.exc.is_some()) {
        if val.is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        let tn = vm.type_name(typ);
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {tn}"
        )));
    };
    vm.roots.push(e);
    let none = vm.none;
    let r = gen_resume(vm, gen, none, Some(e));
    vm.roots.pop();
    r
}

/// PyErr_NormalizeException: an instance of exception class `typ` from `val` (`val` itself if
/// it is one, else `typ()`, `typ(*val)` for a tuple, `typ(val)`). When that fails, the error it
/// raised is the exception to throw.
fn normalize(vm: &mut Vm, typ: Value, val: Option<Value>) -> Value {
    if let Some(v) = val {
        if vm.isinstance(v, typ.as_ptr()) {
            return v;
        }
    }
    let args = match val {
        None => vec![],
        Some(v) => match as_tuple(v) {
            Some(t) => t.to_vec(),
            None => vec![v],
        },
    };
    match call(vm, typ, &args, &[]) {
        Ok(e) if as_instance(e).is_some_and(|i| i.exc.is_some()) => e,
        Ok(e) => {
            // _PyErr_CreateException's message (`raise` words it differently).
            let cls = match crate::vm::runtime::repr::repr_string(vm, typ) {
                Ok(s) => s,
                Err(x) => return x,
            };
            let tn = vm.type_name(e);
            vm.type_error(format!(
                "calling {cls} should have returned an instance of BaseException, not {tn}"
            ))
        }
        Err(x) => x,
    }
}
