//! Instruction bodies too large for the dispatch loop: function and generator creation, generator
//! resumption, `with`, raising, f-string formatting, collection updates.

use crate::bytecode::code::flags;
use crate::bytecode::opcode::make_function as mf;
use crate::vm::eval::{resume_generator, run, Exit};
use crate::vm::framestack::{self, boxed_frame, copy_frame, FramePtr, HEADER_WORDS};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::{attr, call, dict as rdict, iter as riter, repr};
use crate::vm::types::asyncgen;
use crate::vm::value::Value;

/// The SystemError for an instruction whose operands break what the compiler guarantees, which
/// only a damaged or hand-made cache file can bring (the loader's validation checks indices and
/// stack depths, not the types of the values on the stack); CPython does not check these and
/// crashes.
#[cold]
pub fn malformed(vm: &mut Vm, what: &str) -> Value {
    vm.err("SystemError", format!("malformed bytecode: {what}"))
}

pub fn unbound_deref(vm: &mut Vm, cd: &CodeData, i: usize) -> Value {
    let n = str_of(cd.localsplusnames[i]).to_string();
    let kind = cd.code.localspluskinds.get(i).copied().unwrap_or(0);
    if kind & crate::bytecode::code::slot_kind::FREE != 0 {
        vm.err(
            "NameError",
            format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
        )
    } else {
        vm.err(
            "UnboundLocalError",
            format!("cannot access local variable '{n}' where it is not associated with a value"),
        )
    }
}

pub fn make_function(
    vm: &mut Vm,
    stack: &[Value],
    sp: &mut usize,
    oparg: u32,
    globals: Value,
) -> PyResult {
    let mut pop = || {
        *sp -= 1;
        stack[*sp]
    };
    let code = pop();
    let closure = if oparg & mf::CLOSURE != 0 {
        pop()
    } else {
        Value::NULL
    };
    let annotations = if oparg & mf::ANNOTATIONS != 0 {
        pop()
    } else {
        Value::NULL
    };
    let kwdefaults = if oparg & mf::KWDEFAULTS != 0 {
        pop()
    } else {
        Value::NULL
    };
    let defaults = if oparg & mf::DEFAULTS != 0 {
        pop()
    } else {
        Value::NULL
    };
    if !fits_code(code, closure)
        || (!defaults.is_null() && as_tuple(defaults).is_none())
        || (!kwdefaults.is_null() && as_dict(kwdefaults).is_none())
    {
        return Err(malformed(vm, "MAKE_FUNCTION operands"));
    }
    Ok(new_function(
        vm,
        code,
        globals,
        Value::NULL,
        [defaults, kwdefaults, closure, annotations],
    ))
}

/// The number of free variables of a code object (the cells its closure must bring).
pub fn free_var_count(cd: &CodeData) -> usize {
    cd.code
        .localspluskinds
        .iter()
        .filter(|k| *k & crate::bytecode::code::slot_kind::FREE != 0)
        .count()
}

/// Whether `code` is a code object and `closure` (NULL for none) holds exactly one cell per
/// free variable of it, as the compiler's MAKE_FUNCTION operands always do; the interpreter and
/// compiled code read the cells without checking.
fn fits_code(code: Value, closure: Value) -> bool {
    let Some(cd) = as_code(code) else {
        return false;
    };
    let nfree = free_var_count(cd);
    if closure.is_null() {
        return nfree == 0;
    }
    as_tuple(closure).is_some_and(|t| t.len() == nfree && t.iter().all(|&c| as_cell(c).is_some()))
}

/// A new function of `code` (its name unless `name` is not NULL) with `[defaults, kwdefaults,
/// closure, annotations]` (each NULL when absent). `__module__` is the globals' `__name__`;
/// `__doc__` is co_consts[0] if it is a str (as in 3.11).
pub fn new_function(
    vm: &mut Vm,
    code: Value,
    globals: Value,
    name: Value,
    rest: [Value; 4],
) -> Value {
    let [defaults, kwdefaults, closure, annotations] = rest;
    let cd = as_code(code).unwrap();
    let name = if name.is_null() { cd.name } else { name };
    let qualname = cd.qualname;
    let doc = cd.doc;
    let k = vm.sname("__name__");
    let module = rdict::dict_get_str(vm, globals, k).unwrap_or(Value::NULL);
    let ty = vm.t.function;
    vm.heap.alloc(
        ty,
        FunctionData {
            code,
            globals,
            name,
            qualname,
            defaults,
            kwdefaults,
            closure,
            dict: Value::NULL,
            doc,
            module,
            annotations,
        },
    )
}

/// RETURN_GENERATOR: the generator takes a copy of frame `f` positioned after the instruction.
pub fn make_generator(vm: &mut Vm, f: FramePtr, cd: &CodeData, ip: usize, depth: usize) -> Value {
    let nlp = cd.code.nlocalsplus();
    let words = HEADER_WORDS + nlp + cd.code.stacksize as usize + 1;
    let mut b = copy_frame(f, words);
    {
        let nf = boxed_frame(&mut b).get();
        nf.instr_index = ip as u32;
        nf.stack_depth = depth as u32;
    }
    let func = f.get().func;
    // The function's current names (renamed functions name their generators so), as
    // CPython's make_gen takes func_name and func_qualname.
    let (name, qualname) = match as_function(func) {
        Some(fd) if !fd.name.is_null() && !fd.qualname.is_null() => (fd.name, fd.qualname),
        _ => (cd.name, cd.qualname),
    };
    let code = framestack::frame_code(f.get());
    let ty = if cd.code.flags & flags::CO_COROUTINE != 0 {
        vm.t.coroutine
    } else if cd.code.flags & flags::CO_ASYNC_GENERATOR != 0 {
        vm.t.async_generator
    } else {
        vm.t.generator
    };
    let gen = vm.heap.alloc(
        ty,
        GenData {
            frame: b,
            state: GenState::Created,
            name,
            qualname,
            code,
            func,
            exc_state: Value::NULL,
            ag: AsyncGenState::default(),
        },
    );
    if ty == vm.t.coroutine {
        // Finalized even if never started ("coroutine ... was never awaited").
        crate::vm::finalize::register_generator(vm, gen);
    }
    gen
}

/// Resumes a generator with `value` (or raises `throw` in it).
pub fn gen_resume(vm: &mut Vm, gen: Value, value: Value, throw: Option<Value>) -> PyResult<Exit> {
    let g = as_generator(gen).unwrap();
    // The kind names only the errors; the common case (a suspended generator resumed by
    // `next`) reads nothing but the state.
    let what = crate::vm::types::genobj::gen_kind;
    match g.state {
        GenState::Suspended => {}
        GenState::Running => {
            let what = what(vm, gen);
            return Err(vm.value_error(format!("{what} already executing")));
        }
        GenState::Done => {
            if let Some(e) = throw {
                return Err(e);
            }
            if obj_type(gen) == vm.t.coroutine {
                return Err(vm.err("RuntimeError", "cannot reuse already awaited coroutine"));
            }
            return Ok(Exit::Return(vm.none));
        }
        GenState::Created => {
            if throw.is_none() && value != vm.none {
                let what = what(vm, gen);
                return Err(vm.type_error(format!(
                    "can't send non-None value to a just-started {what}"
                )));
            }
            if let Some(e) = throw {
                g.state = GenState::Done;
                return Err(e);
            }
            // First run: a generator whose close can run code is registered for finalization
            // (coroutines and hooked async generators already are).
            if g.ag.finalizer.is_null()
                && as_code(g.code).is_some_and(|c| c.needs_close)
                && obj_type(gen) != vm.t.coroutine
            {
                crate::vm::finalize::register_generator(vm, gen);
            }
        }
    }
    if vm.depth >= vm.recursion_limit {
        return Err(vm.err("RecursionError", "maximum recursion depth exceeded"));
    }
    let words = g.frame.len();
    let f = boxed_frame(&mut g.frame);
    {
        let fr = f.get();
        if throw.is_none() {
            // The suspended frame's stack has room for the sent value (its code's stack size
            // counts the value a yield leaves, which is this one); the frame's own length
            // bounds it without reading the code object.
            let at = fr.nlocalsplus as usize + fr.stack_depth as usize;
            f.slots(words - HEADER_WORDS)[at] = value;
            fr.stack_depth += 1;
        }
        fr.previous = vm.current.0;
    }
    g.state = GenState::Running;
    vm.current = f;
    vm.depth += 1;
    // The exception the frame was handling when it yielded is current again while it runs;
    // without one of its own it sees the resumer's (CPython's exc_info chain).
    vm.handled_outer.push(vm.handled);
    vm.handled = g.exc_state;
    let r = if vm.jit.is_some() && throw.is_none() {
        resume_generator(vm, f)
    } else {
        run(vm, f, throw)
    };
    let own = vm.handled;
    vm.handled = vm.handled_outer.pop().unwrap_or(Value::NULL);
    vm.current = f.previous();
    vm.depth -= 1;
    let g = as_generator(gen).unwrap();
    f.get().previous = std::ptr::null_mut();
    g.exc_state = Value::NULL;
    match r {
        Ok(Exit::Yield(v)) => {
            g.state = GenState::Suspended;
            if own != vm.none {
                g.exc_state = own;
            }
            Ok(Exit::Yield(v))
        }
        Ok(Exit::Return(v)) => {
            g.state = GenState::Done;
            Ok(Exit::Return(v))
        }
        Err(e) => {
            g.state = GenState::Done;
            let stop = if vm.isinstance(e, vm.t.exc("StopIteration")) {
                Some("StopIteration")
            } else if vm.isinstance(e, vm.t.exc("StopAsyncIteration"))
                && obj_type(gen) == vm.t.async_generator
            {
                Some("StopAsyncIteration")
            } else {
                None
            };
            if let Some(stop) = stop {
                let what = what(vm, gen);
                let r = vm.err("RuntimeError", format!("{what} raised {stop}"));
                if let Some(x) = as_instance(r).and_then(|i| i.exc.as_mut()) {
                    x.cause = e;
                    x.context = e;
                    x.suppress_context = true;
                }
                return Err(r);
            }
            Err(e)
        }
    }
}

/// SEND: one step of `yield from`.
pub fn send(vm: &mut Vm, recv: Value, v: Value) -> PyResult<Exit> {
    if as_generator(recv).is_some() {
        return gen_resume(vm, recv, v, None);
    }
    if let Some(coro) = crate::vm::types::genobj::wrapped_coroutine(recv) {
        return gen_resume(vm, coro, v, None);
    }
    if let Some(r) = asyncgen::send_step(vm, recv, v) {
        return r;
    }
    let r = if v == vm.none {
        // A Python-level `__next__` may end with `StopIteration(value)`: that is the value of
        // the `yield from` (built-in iterators end with None).
        match attr::layout_of_opt(recv) {
            Some(Layout::Instance) => match attr::lookup_type_str(vm, obj_type(recv), "__next__") {
                Some(f) => call::call_method_value(vm, f, recv, &[]),
                None => {
                    let tn = vm.type_name(recv);
                    return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
                }
            },
            _ => {
                return match riter::next(vm, recv)? {
                    Some(x) => Ok(Exit::Yield(x)),
                    None => Ok(Exit::Return(vm.none)),
                }
            }
        }
    } else {
        let k = vm.sname("send");
        let m = attr::getattr(vm, recv, k)?;
        call::call(vm, m, &[v], &[])
    };
    match r {
        Ok(x) => Ok(Exit::Yield(x)),
        Err(e) => match crate::vm::types::genobj::stop_value(vm, e) {
            Some(r) => Ok(Exit::Return(r)),
            None => Err(e),
        },
    }
}

pub fn call_ex(vm: &mut Vm, callable: Value, args: Value, kwargs: Value) -> PyResult {
    let mut a: Vec<Value> = match as_tuple(args) {
        Some(t) => t.to_vec(),
        None => {
            // A value that is not iterable at all is named with the callee (CPython's
            // check_args_iterable); errors while iterating pass through.
            let Some(it) = riter::iter_opt(vm, args)? else {
                let fname = function_str(vm, callable)?;
                let tn = vm.tp_name(args);
                return Err(vm.type_error(format!(
                    "{fname} argument after * must be an iterable, not {tn}"
                )));
            };
            riter::with_roots(vm, &[it], |vm| riter::collect(vm, it))?
        }
    };
    let mut names = Vec::new();
    if !kwargs.is_null() {
        for (k, v) in rdict::items_of(kwargs) {
            // Keyword names of str subclasses bind by their string value.
            let k = crate::vm::types::subclass::base_value(k)
                .filter(|b| as_str(*b).is_some())
                .unwrap_or(k);
            if as_str(k).is_none() {
                return Err(vm.type_error("keywords must be strings"));
            }
            names.push(k);
            a.push(v);
        }
    }
    let base = vm.roots.len();
    vm.roots.extend(a.iter().copied());
    let r = call::call(vm, callable, &a, &names);
    vm.roots.truncate(base);
    r
}

/// LIST_EXTEND (`[*it]`, `(*it,)`): a value that is not iterable at all is reported as CPython
/// does ("Value after * must be an iterable").
pub fn list_extend(vm: &mut Vm, l: Value, it: Value) -> PyResult<()> {
    let items = if as_list(it).is_some() || as_tuple(it).is_some() {
        riter::collect(vm, it)?
    } else {
        let Some(iter) = riter::iter_opt(vm, it)? else {
            let tn = vm.tp_name(it);
            return Err(vm.type_error(format!("Value after * must be an iterable, not {tn}")));
        };
        riter::with_roots(vm, &[iter], |vm| riter::collect(vm, iter))?
    };
    match as_list(l) {
        Some(l) => {
            l.extend(items);
            Ok(())
        }
        None => Err(malformed(vm, "LIST_EXTEND of a non-list")),
    }
}

pub fn dict_update(vm: &mut Vm, d: Value, m: Value, merge: bool, callee: Value) -> PyResult<()> {
    if as_dict(m).is_none() {
        let keys_name = vm.sname("keys");
        if attr::getattr_opt(vm, m, keys_name)?.is_none() {
            let tn = vm.type_name(m);
            if merge {
                let fname = function_str(vm, callee)?;
                return Err(vm.type_error(format!(
                    "{fname} argument after ** must be a mapping, not {tn}"
                )));
            }
            return Err(vm.type_error(format!("'{tn}' object is not a mapping")));
        }
        let keys = attr::getattr(vm, m, keys_name)?;
        let keys = call::call(vm, keys, &[], &[])?;
        let keys = riter::with_roots(vm, &[keys], |vm| riter::collect(vm, keys))?;
        return crate::vm::types::dict::update_from_keys(vm, d, m, &keys);
    }
    // A key's __hash__/__eq__ may change `m`: the snapshot stays rooted.
    let items = rdict::items_of(m);
    let flat: Vec<Value> = items.iter().flat_map(|&(k, v)| [k, v]).collect();
    riter::with_roots(vm, &flat, |vm| merge_items(vm, d, items, merge, callee))
}

fn merge_items(
    vm: &mut Vm,
    d: Value,
    items: Vec<(Value, Value)>,
    merge: bool,
    callee: Value,
) -> PyResult<()> {
    for (k, v) in items {
        let k = if merge {
            crate::vm::types::subclass::base_value(k)
                .filter(|b| as_str(*b).is_some())
                .unwrap_or(k)
        } else {
            k
        };
        if merge {
            if as_str(k).is_none() {
                return Err(vm.type_error("keywords must be strings"));
            }
            if rdict::dict_get(vm, d, k)?.is_some() {
                let fname = function_str(vm, callee)?;
                let ks = str_of(k).to_string();
                return Err(vm.type_error(format!(
                    "{fname} got multiple values for keyword argument '{ks}'"
                )));
            }
        }
        rdict::dict_set(vm, d, k, v)?;
    }
    Ok(())
}

/// CPython's `_PyObject_FunctionStr`: how call errors name the callee, `module.qualname()`
/// (`__main__.f()`, `print()` and `list.append()` for built-ins), else `str(f)`.
pub fn function_str(vm: &mut Vm, f: Value) -> PyResult<String> {
    let qk = vm.intern("__qualname__");
    let Some(q) = attr::getattr_opt(vm, f, qk)? else {
        let s = repr::str(vm, f)?;
        return Ok(str_of(s).to_string());
    };
    vm.roots.push(q);
    let r = (|| {
        let q = repr::str(vm, q)?;
        let q = str_of(q).to_string();
        let mk = vm.intern("__module__");
        match attr::getattr_opt(vm, f, mk)? {
            Some(m) if m != vm.none => {
                let m = repr::str(vm, m)?;
                let m = str_of(m).to_string();
                if m != "builtins" {
                    return Ok(format!("{m}.{q}()"));
                }
                Ok(format!("{q}()"))
            }
            _ => Ok(format!("{q}()")),
        }
    })();
    vm.roots.pop();
    r
}

pub fn format_value(vm: &mut Vm, v: Value, conv: u32, spec: Value) -> PyResult {
    let v = match conv {
        1 => repr::str(vm, v)?,
        2 => repr::repr(vm, v)?,
        3 => repr::ascii(vm, v)?,
        _ => v,
    };
    if spec.is_null() && as_str(v).is_some() && obj_type(v) == vm.t.str_ {
        return Ok(v);
    }
    let spec = if spec.is_null() { vm.new_str("") } else { spec };
    repr::format(vm, v, spec)
}

/// CHECK_EXC_MATCH / except clauses: isinstance(exc, typ) with typ a class or tuple of classes.
pub fn exc_matches(vm: &mut Vm, exc: Value, typ: Value) -> PyResult<bool> {
    if let Some(t) = as_tuple(typ) {
        let items = t.to_vec();
        for it in items {
            if exc_matches(vm, exc, it)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match as_type(typ) {
        Some(td) if td.is_exception => Ok(vm.isinstance(exc, typ.as_ptr())),
        _ => Err(
            vm.type_error("catching classes that do not inherit from BaseException is not allowed")
        ),
    }
}

/// Calls `_cpjit_eg.NAME(*args)`: the Python halves of CHECK_EG_MATCH / PREP_RERAISE_STAR.
pub fn except_star(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult {
    let m = crate::vm::modules::import_module(vm, "_cpjit_eg")?;
    let k = vm.intern(name);
    let f = attr::getattr(vm, m, k)?;
    call::call(vm, f, args, &[])
}

/// `raise X`: X may be an exception instance or class.
pub fn make_exception(vm: &mut Vm, e: Value) -> PyResult {
    if let Some(td) = as_type(e) {
        if td.is_exception {
            let r = call::call(vm, e, &[], &[])?;
            if as_instance(r).is_some_and(|i| i.exc.is_some()) {
                return Ok(r);
            }
            // A `__new__` that returned something else (CPython's _PyErr_CreateException check).
            let rt = Value::from_ptr(vm.type_of(r));
            let (cn, rn) = (repr::repr_string(vm, e)?, repr::repr_string(vm, rt)?);
            return Err(vm.type_error(format!(
                "calling {cn} should have returned an instance of BaseException, not {rn}"
            )));
        }
    } else if as_instance(e).map(|i| i.exc.is_some()).unwrap_or(false) {
        return Ok(e);
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

pub fn set_cause(vm: &mut Vm, e: Value, cause: Value) -> PyResult<()> {
    let c = if cause == vm.none {
        Value::NULL
    } else {
        make_exception(vm, cause)
            .map_err(|_| vm.type_error("exception causes must derive from BaseException"))?
    };
    if let Some(x) = as_instance(e).and_then(|i| i.exc.as_mut()) {
        x.cause = c;
        x.suppress_context = true;
    }
    Ok(())
}

pub fn before_with(vm: &mut Vm, cm: Value) -> PyResult<(Value, Value)> {
    enter_context(vm, cm, ["__enter__", "__exit__"], "", false)
}

/// BEFORE_WITH and BEFORE_ASYNC_WITH: looks up the type's enter and exit methods (`names`),
/// and returns (the bound exit method, what calling enter returned). `note_exit` adds CPython's
/// "(missed __aexit__ method)" when only the exit method is missing.
fn enter_context(
    vm: &mut Vm,
    cm: Value,
    names: [&str; 2],
    kind: &str,
    note_exit: bool,
) -> PyResult<(Value, Value)> {
    let t = vm.type_of(cm);
    let enter = attr::lookup_type_str(vm, t, names[0]);
    let exit = attr::lookup_type_str(vm, t, names[1]);
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let tn = vm.type_name(cm);
        let note = if note_exit && enter.is_some() {
            format!(" (missed {} method)", names[1])
        } else {
            String::new()
        };
        return Err(vm.type_error(format!(
            "'{tn}' object does not support the {kind}context manager protocol{note}"
        )));
    };
    let exit_b = attr::bind_descriptor(vm, exit, cm, t)?;
    vm.roots.push(exit_b);
    let r = call::call_method_value(vm, enter, cm, &[]);
    vm.roots.pop();
    Ok((exit_b, r?))
}

pub fn is_generator_flags(f: u32) -> bool {
    f & flags::CO_GENERATOR != 0
}

/// NameError for `name`, remembering the frame's globals for "Did you mean" suggestions.
pub fn name_error(vm: &mut Vm, name: Value, globals: Value) -> Value {
    let n = str_of(name).to_string();
    let e = vm.err("NameError", format!("name '{n}' is not defined"));
    let k = vm.sname("name");
    let _ = crate::vm::runtime::attr::generic_setattr(vm, e, k, name);
    if let Some(x) = as_instance(e).and_then(|i| i.exc.as_mut()) {
        x.extra = globals;
    }
    e
}

/// The UnboundLocalError for local slot `i` (LOAD_FAST, DELETE_FAST and the superinstructions).
#[cold]
pub fn unbound_local(vm: &mut Vm, cd: &CodeData, i: usize) -> Value {
    let n = str_of(cd.localsplusnames[i]).to_string();
    vm.err(
        "UnboundLocalError",
        format!("cannot access local variable '{n}' where it is not associated with a value"),
    )
}
pub mod drain;
pub mod spec;

/// `_PyCoro_GetAwaitableIter`: `v` itself for a coroutine (or a generator whose code has
/// CO_ITERABLE_COROUTINE), else the iterator `type(v).__await__(v)` returns. None when `v` has
/// no `__await__`.
pub fn awaitable_iter(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if is_coroutine_like(vm, v) {
        return Ok(Some(v));
    }
    let t = vm.type_of(v);
    let Some(f) = attr::lookup_type_str(vm, t, "__await__") else {
        return Ok(None);
    };
    let it = call::call_method_value(vm, f, v, &[])?;
    if is_coroutine_like(vm, it) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    let is_iter = it.is_ptr()
        && !asyncgen::is_async_gen(vm, it)
        && (matches!(
            attr::layout_of_opt(it),
            Some(Layout::Iter | Layout::RangeIter | Layout::SeqIter | Layout::Generator)
        ) || attr::lookup_type_str(vm, obj_type(it), "__next__").is_some());
    if !is_iter {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("__await__() returned non-iterator of type '{tn}'")));
    }
    Ok(Some(it))
}

/// A coroutine, or a generator made awaitable by `types.coroutine` (CO_ITERABLE_COROUTINE).
fn is_coroutine_like(vm: &Vm, v: Value) -> bool {
    if !v.is_ptr() || as_generator(v).is_none() {
        return false;
    }
    if obj_type(v) == vm.t.coroutine {
        return true;
    }
    let code = as_generator(v).unwrap().code;
    as_code(code).is_some_and(|c| c.code.flags & flags::CO_ITERABLE_COROUTINE != 0)
}

/// GET_AWAITABLE: the iterator an `await` drives (oparg 1 and 2 word the error for the
/// results of `__aenter__` and `__aexit__`).
pub fn get_awaitable(vm: &mut Vm, v: Value, oparg: u32) -> PyResult {
    match awaitable_iter(vm, v)? {
        Some(it) => {
            if obj_type(it) == vm.t.coroutine && crate::vm::types::genobj::delegate(it).is_some() {
                return Err(vm.err("RuntimeError", "coroutine is being awaited already"));
            }
            Ok(it)
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(match oparg {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {tn}"
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {tn}"
                ),
                _ => format!("object {tn} can't be used in 'await' expression"),
            }))
        }
    }
}

/// BEFORE_ASYNC_WITH: (the bound `__aexit__`, the result of `__aenter__()`).
pub fn before_async_with(vm: &mut Vm, cm: Value) -> PyResult<(Value, Value)> {
    enter_context(vm, cm, ["__aenter__", "__aexit__"], "asynchronous ", true)
}

/// GET_AITER: `type(v).__aiter__(v)`, which must have `__anext__`.
pub fn get_aiter(vm: &mut Vm, v: Value) -> PyResult {
    if asyncgen::is_async_gen(vm, v) {
        return Ok(v);
    }
    let t = vm.type_of(v);
    let Some(f) = attr::lookup_type_str(vm, t, "__aiter__") else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {tn}"
        )));
    };
    let it = call::call_method_value(vm, f, v, &[])?;
    let it_t = vm.type_of(it);
    if attr::lookup_type_str(vm, it_t, "__anext__").is_none() {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
        )));
    }
    Ok(it)
}

/// GET_ANEXT: the awaitable iterator for `type(aiter).__anext__(aiter)`.
pub fn get_anext(vm: &mut Vm, aiter: Value) -> PyResult {
    if asyncgen::is_async_gen(vm, aiter) {
        return asyncgen::asend(vm, aiter, Value::NULL);
    }
    let t = vm.type_of(aiter);
    let Some(f) = attr::lookup_type_str(vm, t, "__anext__") else {
        let tn = vm.type_name(aiter);
        return Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {tn}"
        )));
    };
    let aw = call::call_method_value(vm, f, aiter, &[])?;
    vm.roots.push(aw);
    let r = awaitable_iter(vm, aw);
    vm.roots.pop();
    let tn = vm.type_name(aw);
    let e = match r {
        Ok(Some(it)) => return Ok(it),
        Ok(None) => vm.type_error(format!("object {tn} can't be used in 'await' expression")),
        Err(e) => e,
    };
    let x = vm.type_error(format!(
        "'async for' received an invalid object from __anext__: {tn}"
    ));
    if let Some(xi) = as_instance(x).and_then(|i| i.exc.as_mut()) {
        xi.cause = e;
        xi.context = e;
    }
    Err(x)
}
