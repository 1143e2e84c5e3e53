//! Async generators (PEP 525), with CPython 3.11's state machine (genobject.c): the
//! `async_generator` object, the awaitables its `__anext__`/`asend` (`async_generator_asend`) and
//! `athrow`/`aclose` (`async_generator_athrow`) return, `anext(it, default)`'s `anext_awaitable`,
//! and the `sys.set_asyncgen_hooks` hooks.
//!
//! An async generator's frame yields for two reasons: a `yield` (a value for whoever iterates it)
//! and an `await` deep inside it (a value for the event loop, to pass through). CPython tells them
//! apart by wrapping the first kind (ASYNC_GEN_WRAP before the YIELD_VALUE); cpjit reads it off
//! the suspended frame instead, with no allocation: a `yield` resumes at `RESUME 1`, an `await` at
//! `RESUME 3` (`yield from` is a syntax error in an async function). ASYNC_GEN_WRAP is therefore
//! a no-op here.
//!
//! Every operation is one function of this module returning an [`Exit`] (`Yield`: a value for the
//! event loop; `Return(v)`: the awaitable finished with `v`, i.e. `StopIteration(v)`), used alike
//! by the Python-visible methods, the SEND and GET_ANEXT instructions (interpreter and JIT) and
//! `next()`/`anext()`.

use super::genobj::{self, exit_to_result};
use super::nargs;
use crate::vm::eval::Exit;
use crate::vm::framestack::boxed_frame;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::ops::gen_resume;
use crate::vm::runtime::attr;
use crate::vm::runtime::call::call;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let methods: [(_, &[(&'static str, BuiltinFn)]); 4] = [
        (
            vm.t.async_generator,
            &[
                ("__aiter__", aiter_self),
                ("__anext__", ag_anext),
                ("asend", ag_asend),
                ("athrow", ag_athrow),
                ("aclose", ag_aclose),
            ],
        ),
        (vm.t.async_generator_asend, AWAITABLE_METHODS),
        (vm.t.async_generator_athrow, AWAITABLE_METHODS),
        (
            vm.t.anext_awaitable,
            &[
                ("send", anext_send),
                ("throw", anext_throw),
                ("close", anext_close),
                ("__next__", anext_next),
                ("__iter__", aiter_self),
                ("__await__", aiter_self),
            ],
        ),
    ];
    for (ty, ms) in methods {
        for &(name, f) in ms {
            super::add_method(vm, ty, name, f);
        }
    }
}

/// The methods of asend and athrow awaitables (they are their own iterator and `__await__`).
const AWAITABLE_METHODS: &[(&str, BuiltinFn)] = &[
    ("send", aw_send),
    ("throw", aw_throw),
    ("close", aw_close),
    ("__next__", aw_next),
    ("__iter__", aiter_self),
    ("__await__", aiter_self),
];

pub fn is_async_gen(vm: &Vm, v: Value) -> bool {
    v.is_ptr() && obj_type(v) == vm.t.async_generator
}

fn agen<'a>(gen: Value) -> &'a mut GenData {
    as_generator(gen).expect("an async generator")
}

fn aiter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(args[0])
}

/// `self` of an async generator method, checked.
fn self_agen(vm: &mut Vm, args: &[Value], name: &str) -> PyResult {
    match args.first() {
        Some(&g) if is_async_gen(vm, g) => Ok(g),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'async_generator' object"
        ))),
    }
}

/// `async_gen_init_hooks`: on the first `__anext__`/`asend`/`athrow`/`aclose`, keep the current
/// finalizer hook and call the firstiter hook with the generator.
fn init_hooks(vm: &mut Vm, gen: Value) -> PyResult<()> {
    let g = agen(gen);
    if g.ag.hooks_inited {
        return Ok(());
    }
    g.ag.hooks_inited = true;
    let (firstiter, finalizer) = hooks(vm);
    if finalizer != vm.none {
        agen(gen).ag.finalizer = finalizer;
        // Not started yet, so not registered by its first resume (`ops::gen_resume`).
        crate::vm::finalize::register_generator(vm, gen);
    }
    if firstiter != vm.none {
        call(vm, firstiter, &[gen], &[])?;
    }
    Ok(())
}

/// The (firstiter, finalizer) hooks `sys.set_asyncgen_hooks` stored (None when unset).
fn hooks(vm: &Vm) -> (Value, Value) {
    match as_list(vm.asyncgen_hooks) {
        Some(l) if l.len() == 2 => (l[0], l[1]),
        _ => (vm.none, vm.none),
    }
}

/// `agen.__anext__()` (`sendval` NULL; GET_ANEXT calls this directly) and `agen.asend(v)`.
pub fn asend(vm: &mut Vm, gen: Value, sendval: Value) -> PyResult {
    init_hooks(vm, gen)?;
    let ty = vm.t.async_generator_asend;
    Ok(vm.new_iter(
        ty,
        IterData::AsyncGenASend {
            gen,
            sendval,
            state: AwaitState::Init,
        },
    ))
}

fn ag_anext(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__anext__", args, kw, 1, 0, 0)?;
    let gen = self_agen(vm, args, "__anext__")?;
    asend(vm, gen, Value::NULL)
}

fn ag_asend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "async_generator.asend", args, kw, 1, 1, 1)?;
    let gen = self_agen(vm, args, "asend")?;
    asend(vm, gen, args[1])
}

fn new_athrow(vm: &mut Vm, gen: Value, targs: Value) -> PyResult {
    init_hooks(vm, gen)?;
    let ty = vm.t.async_generator_athrow;
    Ok(vm.new_iter(
        ty,
        IterData::AsyncGenAThrow {
            gen,
            args: targs,
            state: AwaitState::Init,
        },
    ))
}

fn ag_athrow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // The arguments are checked when the awaitable first runs, as in CPython.
    if !kw.is_empty() {
        return Err(vm.type_error("async_generator.athrow() takes no keyword arguments"));
    }
    let gen = self_agen(vm, args, "athrow")?;
    let t = vm.new_tuple(args[1..].to_vec());
    vm.roots.push(t);
    let r = new_athrow(vm, gen, t);
    vm.roots.pop();
    r
}

/// `agen.aclose()` (also what `loop.shutdown_asyncgens()` awaits).
fn ag_aclose(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "async_generator.aclose", args, kw, 1, 0, 0)?;
    let gen = self_agen(vm, args, "aclose")?;
    new_athrow(vm, gen, Value::NULL)
}

/// Whether the suspended async generator `gen` stopped at a `yield` (its value goes to whoever
/// iterates it) rather than inside an `await` (its value goes on to the event loop): the
/// meaning CPython gives ASYNC_GEN_WRAP (see the module comment).
fn at_async_yield(gen: Value) -> bool {
    genobj::resume_arg(gen) == Some(1)
}

fn new_exc(vm: &mut Vm, name: &str) -> Value {
    let t = vm.t.exc(name);
    let a = vm.new_tuple(vec![]);
    vm.new_exception_args(t, a)
}

fn is_exc(vm: &Vm, e: Value, name: &str) -> bool {
    vm.isinstance(e, vm.t.exc(name))
}

/// `async_gen_unwrap_value`: a step of the generator as its awaitable sees it. A `yield` ends
/// the awaitable with the value; the generator finishing is StopAsyncIteration.
fn unwrap(vm: &mut Vm, gen: Value, r: PyResult<Exit>) -> PyResult<Exit> {
    let r = match r {
        Ok(Exit::Yield(v)) => {
            if !at_async_yield(gen) {
                return Ok(Exit::Yield(v));
            }
            Ok(Exit::Return(v))
        }
        Ok(Exit::Return(_)) => {
            agen(gen).ag.closed = true;
            Err(new_exc(vm, "StopAsyncIteration"))
        }
        Err(e) => {
            if is_exc(vm, e, "StopAsyncIteration") || is_exc(vm, e, "GeneratorExit") {
                agen(gen).ag.closed = true;
            }
            Err(e)
        }
    };
    agen(gen).ag.running_async = false;
    r
}

/// The payload of an asend/athrow awaitable.
fn awaitable_parts(o: Value) -> Option<(Value, Value, &'static mut AwaitState, bool)> {
    match as_iter(o)? {
        IterData::AsyncGenASend {
            gen,
            sendval,
            state,
        } => Some((*gen, *sendval, state, true)),
        IterData::AsyncGenAThrow { gen, args, state } => Some((*gen, *args, state, false)),
        _ => None,
    }
}

fn set_state(o: Value, s: AwaitState) {
    if let Some((_, _, st, _)) = awaitable_parts(o) {
        *st = s;
    }
}

/// `async_gen_asend_send`: `arg` None (or `__next__`) sends the value given to `asend()`.
fn asend_send(vm: &mut Vm, o: Value, arg: Value) -> PyResult<Exit> {
    let (gen, sendval, state, _) = awaitable_parts(o).unwrap();
    let mut arg = arg;
    match *state {
        AwaitState::Closed => {
            return Err(vm.err(
                "RuntimeError",
                "cannot reuse already awaited __anext__()/asend()",
            ))
        }
        AwaitState::Init => {
            if agen(gen).ag.running_async {
                return Err(vm.err(
                    "RuntimeError",
                    "anext(): asynchronous generator is already running",
                ));
            }
            if arg == vm.none && !sendval.is_null() {
                arg = sendval;
            }
            *state = AwaitState::Iter;
        }
        AwaitState::Iter => {}
    }
    agen(gen).ag.running_async = true;
    let r = gen_resume(vm, gen, arg, None);
    let r = unwrap(vm, gen, r);
    if !matches!(r, Ok(Exit::Yield(_))) {
        set_state(o, AwaitState::Closed);
    }
    r
}

/// `async_gen_asend_throw`.
fn asend_throw(vm: &mut Vm, o: Value, targs: &[Value]) -> PyResult<Exit> {
    let (gen, _, state, _) = awaitable_parts(o).unwrap();
    if *state == AwaitState::Closed {
        return Err(vm.err(
            "RuntimeError",
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    let r = genobj::throw(vm, gen, targs, true);
    let r = unwrap(vm, gen, r);
    if !matches!(r, Ok(Exit::Yield(_))) {
        set_state(o, AwaitState::Closed);
    }
    r
}

fn athrow_reused(vm: &mut Vm) -> Value {
    vm.err(
        "RuntimeError",
        "cannot reuse already awaited aclose()/athrow()",
    )
}

/// The end of an aclose()/athrow() awaitable (`check_error` in genobject.c): `r` is how the
/// generator stopped (for athrow() as `unwrap` put it: `Return(v)` is a value it yielded);
/// aclose() is done (StopIteration) when the generator finished or let GeneratorExit out.
fn athrow_finish(
    vm: &mut Vm,
    o: Value,
    gen: Value,
    is_close: bool,
    r: PyResult<Exit>,
) -> PyResult<Exit> {
    agen(gen).ag.running_async = false;
    set_state(o, AwaitState::Closed);
    match r {
        Ok(Exit::Return(_)) if is_close => Ok(Exit::Return(vm.none)),
        Err(e)
            if is_close
                && (is_exc(vm, e, "StopAsyncIteration") || is_exc(vm, e, "GeneratorExit")) =>
        {
            Ok(Exit::Return(vm.none))
        }
        r => r,
    }
}

/// aclose() found the generator yielding a value instead of finishing.
fn ignored_exit(vm: &mut Vm, o: Value, gen: Value) -> PyResult<Exit> {
    agen(gen).ag.running_async = false;
    set_state(o, AwaitState::Closed);
    Err(vm.err("RuntimeError", "async generator ignored GeneratorExit"))
}

/// `async_gen_athrow_send`: the first step throws (GeneratorExit for aclose()) into the
/// generator, later ones resume it.
fn athrow_send(vm: &mut Vm, o: Value, arg: Value) -> PyResult<Exit> {
    let (gen, targs, state, _) = awaitable_parts(o).unwrap();
    let is_close = targs.is_null();
    if *state == AwaitState::Closed {
        return Err(athrow_reused(vm));
    }
    if agen(gen).state == GenState::Done {
        *state = AwaitState::Closed;
        return Ok(Exit::Return(vm.none));
    }
    if *state == AwaitState::Init {
        if agen(gen).ag.running_async {
            *state = AwaitState::Closed;
            let what = if is_close { "aclose" } else { "athrow" };
            return Err(vm.err(
                "RuntimeError",
                format!("{what}(): asynchronous generator is already running"),
            ));
        }
        if agen(gen).ag.closed {
            *state = AwaitState::Closed;
            return Err(new_exc(vm, "StopAsyncIteration"));
        }
        if arg != vm.none {
            return Err(vm.err(
                "RuntimeError",
                "can't send non-None value to a just-started coroutine",
            ));
        }
        *state = AwaitState::Iter;
        agen(gen).ag.running_async = true;
        let r = if is_close {
            agen(gen).ag.closed = true;
            let ge = Value::from_ptr(vm.t.exc("GeneratorExit"));
            let r = genobj::throw(vm, gen, &[ge], false);
            if matches!(r, Ok(Exit::Yield(_))) && at_async_yield(gen) {
                return ignored_exit(vm, o, gen);
            }
            r
        } else {
            let t = as_tuple(targs).map(|t| t.to_vec()).unwrap_or_default();
            nargs(vm, "athrow", &t, &[], 0, 1, 3)?;
            let r = genobj::throw(vm, gen, &t, false);
            unwrap(vm, gen, r)
        };
        return match r {
            Ok(Exit::Yield(v)) => Ok(Exit::Yield(v)),
            r => athrow_finish(vm, o, gen, is_close, r),
        };
    }
    let r = gen_resume(vm, gen, arg, None);
    if !is_close {
        return unwrap(vm, gen, r);
    }
    match r {
        Ok(Exit::Yield(_)) if at_async_yield(gen) => ignored_exit(vm, o, gen),
        Ok(Exit::Yield(v)) => Ok(Exit::Yield(v)),
        r => athrow_finish(vm, o, gen, true, r),
    }
}

/// `async_gen_athrow_throw`.
fn athrow_throw(vm: &mut Vm, o: Value, targs: &[Value]) -> PyResult<Exit> {
    let (gen, args, state, _) = awaitable_parts(o).unwrap();
    if *state == AwaitState::Closed {
        return Err(athrow_reused(vm));
    }
    let r = genobj::throw(vm, gen, targs, true);
    if !args.is_null() {
        return unwrap(vm, gen, r);
    }
    match r {
        Ok(Exit::Yield(_)) if at_async_yield(gen) => ignored_exit(vm, o, gen),
        Ok(Exit::Yield(v)) => Ok(Exit::Yield(v)),
        Ok(Exit::Return(_)) => Ok(Exit::Return(vm.none)),
        Err(e) if is_exc(vm, e, "StopAsyncIteration") || is_exc(vm, e, "GeneratorExit") => {
            Ok(Exit::Return(vm.none))
        }
        Err(e) => Err(e),
    }
}

/// One `send(v)` step of an asend/athrow/anext awaitable (SEND's and `next()`'s fast path), or
/// None if `o` is none of them.
pub fn send_step(vm: &mut Vm, o: Value, v: Value) -> Option<PyResult<Exit>> {
    match as_iter(o)? {
        IterData::AsyncGenASend { .. } => Some(asend_send(vm, o, v)),
        IterData::AsyncGenAThrow { .. } => Some(athrow_send(vm, o, v)),
        IterData::ANext { .. } => Some(anext_proxy(vm, o, Proxy::Send(v))),
        _ => None,
    }
}

fn self_awaitable(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Value, bool)> {
    match args
        .first()
        .and_then(|&o| awaitable_parts(o).map(|p| (o, p.3)))
    {
        Some(x) => Ok(x),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' requires an 'async_generator_asend' object"
        ))),
    }
}

/// `type(self).name`, for argument errors.
fn method_name(vm: &Vm, args: &[Value], name: &str) -> String {
    match args.first() {
        Some(&o) => format!("{}.{name}", vm.type_name(o)),
        None => name.to_string(),
    }
}

fn aw_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, &method_name(vm, args, "send"), args, kw, 1, 1, 1)?;
    let (o, is_asend) = self_awaitable(vm, args, "send")?;
    let r = if is_asend {
        asend_send(vm, o, args[1])
    } else {
        athrow_send(vm, o, args[1])
    }?;
    exit_to_result(vm, r)
}

fn aw_next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__next__", args, kw, 1, 0, 0)?;
    let (o, is_asend) = self_awaitable(vm, args, "__next__")?;
    let none = vm.none;
    let r = if is_asend {
        asend_send(vm, o, none)
    } else {
        athrow_send(vm, o, none)
    }?;
    exit_to_result(vm, r)
}

fn aw_throw(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "throw", args, kw, 1, 1, 3)?;
    let (o, is_asend) = self_awaitable(vm, args, "throw")?;
    let r = if is_asend {
        asend_throw(vm, o, &args[1..])
    } else {
        athrow_throw(vm, o, &args[1..])
    }?;
    exit_to_result(vm, r)
}

fn aw_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, &method_name(vm, args, "close"), args, kw, 1, 0, 0)?;
    let (o, _) = self_awaitable(vm, args, "close")?;
    set_state(o, AwaitState::Closed);
    Ok(vm.none)
}

// ---- anext(aiterator, default) ----------------------------------------------------------------

/// `anext(it, default)`: an awaitable that awaits `it.__anext__()` and finishes with `default`
/// where that raises StopAsyncIteration.
pub fn anext_with_default(vm: &mut Vm, awaitable: Value, default: Value) -> Value {
    let ty = vm.t.anext_awaitable;
    vm.new_iter(
        ty,
        IterData::ANext {
            wrapped: awaitable,
            default,
        },
    )
}

enum Proxy<'a> {
    Send(Value),
    Throw(&'a [Value]),
    Close,
}

/// `anextawaitable_proxy`: the operation on the iterator of the wrapped awaitable (taken anew
/// each time, as CPython does), StopAsyncIteration turned into the default.
fn anext_proxy(vm: &mut Vm, o: Value, op: Proxy) -> PyResult<Exit> {
    let Some(IterData::ANext { wrapped, default }) = as_iter(o) else {
        return Err(vm.type_error("descriptor requires an 'anext_awaitable' object"));
    };
    let (wrapped, default) = (*wrapped, *default);
    let it = match crate::vm::ops::awaitable_iter(vm, wrapped)? {
        Some(it) => it,
        None => {
            let tn = vm.type_name(wrapped);
            return Err(vm.type_error(format!("object {tn} can't be used in 'await' expression")));
        }
    };
    vm.roots.push(it);
    let r = match op {
        Proxy::Send(v) => crate::vm::ops::send(vm, it, v),
        Proxy::Throw(targs) => call_method(vm, it, "throw", targs),
        Proxy::Close => call_method(vm, it, "close", &[]),
    };
    vm.roots.pop();
    match r {
        Err(e) if is_exc(vm, e, "StopAsyncIteration") => Ok(Exit::Return(default)),
        r => r,
    }
}

/// `it.name(*args)` as one step of an awaitable (StopIteration(v) is `Exit::Return(v)`).
fn call_method(vm: &mut Vm, it: Value, name: &str, args: &[Value]) -> PyResult<Exit> {
    let k = vm.intern(name);
    let m = attr::getattr(vm, it, k)?;
    match call(vm, m, args, &[]) {
        Ok(v) => Ok(Exit::Yield(v)),
        Err(e) => match genobj::stop_value(vm, e) {
            Some(v) => Ok(Exit::Return(v)),
            None => Err(e),
        },
    }
}

fn anext_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "anext_awaitable.send", args, kw, 1, 1, 1)?;
    let r = anext_proxy(vm, args[0], Proxy::Send(args[1]))?;
    exit_to_result(vm, r)
}

fn anext_next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__next__", args, kw, 1, 0, 0)?;
    let none = vm.none;
    let r = anext_proxy(vm, args[0], Proxy::Send(none))?;
    exit_to_result(vm, r)
}

fn anext_throw(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "throw", args, kw, 1, 1, 3)?;
    let r = anext_proxy(vm, args[0], Proxy::Throw(&args[1..]))?;
    exit_to_result(vm, r)
}

fn anext_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "anext_awaitable.close", args, kw, 1, 0, 0)?;
    let r = anext_proxy(vm, args[0], Proxy::Close)?;
    exit_to_result(vm, r)
}

// ---- attributes --------------------------------------------------------------------------------

/// `ag_frame`/`gi_frame`/`cr_frame`: a snapshot of the suspended frame, None once finished.
pub fn frame_of(vm: &mut Vm, gen: Value) -> PyResult {
    let g = as_generator(gen).unwrap();
    if g.state == GenState::Done {
        return Ok(vm.none);
    }
    let f = boxed_frame(&mut g.frame);
    crate::vm::types::frameobj::frame_object(vm, f)
}
