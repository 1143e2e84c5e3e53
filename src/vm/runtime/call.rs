//! Calls: dispatch on the callee's kind, argument binding for Python functions with CPython's
//! error messages, and class instantiation.

use crate::bytecode::code::flags;
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::panic_guard::guard;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::dict::{dict_get_str, dict_set};
use crate::vm::value::Value;

/// `f(*args)` with keyword values at the end of `args` named by `kwnames`.
///
/// A built-in (and `type.__call__`, which may run a Python `__new__` and then `__init__` with
/// the same arguments) assumes its arguments are rooted, as they are when the eval loop passes
/// them on a frame's stack. Rust callers often pass a `Vec` the collector cannot see, so the
/// arguments are rooted here for any callee but a Python function (which copies them into its
/// frame before it can reach a safepoint).
pub fn call(vm: &mut Vm, f: Value, args: &[Value], kwnames: &[Value]) -> PyResult {
    if f.is_ptr() && matches!(layout_of(f), Layout::Function) {
        return crate::vm::eval::call_function(vm, f, args, kwnames);
    }
    crate::vm::runtime::iter::with_roots(vm, args, |vm| call_rooted(vm, f, args, kwnames))
}

/// Runs `f` on `first` followed by `args` (self or the class before a call's arguments): on the
/// native stack for up to eight values, where a `Vec` cost an allocation per call of a bound
/// method, a class or an operator's dunder. Like the `Vec`, the copy is no GC root: callers
/// root what needs it (`iter::with_roots`) or hand it to a frame.
#[inline]
pub fn with_prepended<R>(first: Value, args: &[Value], f: impl FnOnce(&[Value]) -> R) -> R {
    let n = args.len() + 1;
    if n <= 8 {
        let mut small = [Value::NULL; 8];
        small[0] = first;
        small[1..n].copy_from_slice(args);
        f(&small[..n])
    } else {
        let mut big = Vec::with_capacity(n);
        big.push(first);
        big.extend_from_slice(args);
        f(&big)
    }
}

fn call_rooted(vm: &mut Vm, f: Value, args: &[Value], kwnames: &[Value]) -> PyResult {
    if f.is_ptr() {
        match layout_of(f) {
            Layout::Function => return crate::vm::eval::call_function(vm, f, args, kwnames),
            Layout::Builtin => {
                let b = as_builtin(f).unwrap();
                let (func, bound, owner, name) = (b.f, b.bound, b.owner, b.name);
                if bound.is_null() {
                    if !owner.is_null() {
                        let a = check_descriptor_self(vm, f, owner, args, kwnames)?;
                        check_slot_arity(vm, owner, name, args.len() - 1, kwnames.len())?;
                        if let Some(a) = a {
                            let r = guard(vm, |vm| func(vm, &a, kwnames))?;
                            // A method returning its self (`list.__iadd__`) returns the instance.
                            return Ok(if r == a[0] && is_inplace(name) {
                                args[0]
                            } else {
                                r
                            });
                        }
                    }
                    return guard(vm, |vm| func(vm, args, kwnames));
                }
                if !owner.is_null() {
                    check_slot_arity(vm, owner, name, args.len(), kwnames.len())?;
                    // A method bound to an instance of a Python subclass of a built-in type keeps
                    // the instance as its `__self__` (as CPython's do) but runs on the wrapped
                    // built-in value, as the unbound call `list.append(inst, x)` does.
                    if bound.is_ptr()
                        && layout_of(bound) == Layout::Instance
                        && !sees_instance(vm, owner, name)
                    {
                        if let Some(u) =
                            crate::vm::types::subclass::unwrap_self(vm, owner, &[bound])
                        {
                            let base = u[0];
                            let r = with_prepended(base, args, |a| {
                                guard(vm, |vm| func(vm, a, kwnames))
                            })?;
                            return Ok(if r == base && is_inplace(name) {
                                bound
                            } else {
                                r
                            });
                        }
                    }
                }
                return with_prepended(bound, args, |a| guard(vm, |vm| func(vm, a, kwnames)));
            }
            Layout::BoundMethod => {
                let m = as_bound_method(f).unwrap();
                let (func, self_) = (m.func, m.self_);
                return with_prepended(self_, args, |a| call(vm, func, a, kwnames));
            }
            Layout::Type => return type_call(vm, f, args, kwnames),
            Layout::MethodWrapper if obj_type(f) == vm.t.staticmethod => {
                let inner = *as_method_wrapper(f).unwrap();
                return call(vm, inner, args, kwnames);
            }
            Layout::Instance | Layout::WeakRef | Layout::Native => {
                let t = obj_type(f);
                if let Some(c) = lookup_type_str(vm, t, "__call__") {
                    // As slot_tp_call: a __call__ that is itself such an object recurses.
                    vm.enter_recursive(" while calling a Python object")?;
                    let r = with_prepended(f, args, |a| call(vm, c, a, kwnames));
                    vm.leave_recursive();
                    return r;
                }
            }
            _ => {}
        }
    }
    let n = vm.tp_name(f);
    Err(vm.type_error(format!("'{n}' object is not callable")))
}

/// `__getattribute__`, `__setattr__`, `__delattr__`: they act on the object itself.
pub fn is_attr_slot(name: &str) -> bool {
    matches!(name, "__getattribute__" | "__setattr__" | "__delattr__")
}

/// Built-in methods that get an instance of a Python subclass itself rather than the built-in
/// value it wraps: the attribute slots (the instance's dict) and `__reduce__` (the reduce value
/// names the subclass and carries the instance's dict, as CPython's set.__reduce__ does).
pub fn sees_instance(vm: &Vm, owner: Value, name: &str) -> bool {
    // dict.__getitem__ calls a subclass's `__missing__` for a missing key.
    is_attr_slot(name)
        || name == "__reduce__"
        || name == "__reduce_ex__"
        || (name == "__getitem__" && owner == Value::from_ptr(vm.t.dict))
        // itertools' count and repeat reprs name the subclass.
        || (name == "__repr__"
            && (owner == Value::from_ptr(vm.t.it_count) || owner == Value::from_ptr(vm.t.it_repeat)))
}

/// An in-place operator dunder (`__iadd__`, `__ior__`, ...): it returns its self, which for an
/// instance of a Python subclass is the instance, not the built-in value it wraps.
fn is_inplace(name: &str) -> bool {
    name.starts_with("__i")
        && name.len() > 5
        && crate::vm::types::slot_arity::slot_arity(name) == Some((1, 1))
        && !matches!(name, "__init__" | "__iter__" | "__index__")
}

/// A method descriptor of a built-in type called directly (`str.upper(x)`): `x` must be an
/// instance of that type. Returns replacement arguments when `x` is an instance of a Python
/// subclass of a built-in type (the method gets the wrapped built-in value).
fn check_descriptor_self(
    vm: &mut Vm,
    f: Value,
    owner: Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Option<Vec<Value>>> {
    let t = owner.as_ptr::<TypeObject>() as *const TypeObject;
    let name = as_builtin(f).unwrap().name;
    if name == "__new__" {
        let new = as_builtin(f).unwrap().f;
        return check_new_cls(vm, t, new, args, kwnames).map(|_| None);
    }
    // Keyword values sit at the end of `args`: only a positional can be self.
    let self_arg = if args.len() > kwnames.len() {
        args.first()
    } else {
        None
    };
    let slot = crate::vm::types::num_dunders::is_slot_wrapper_of(&type_data(t).name, name);
    match self_arg {
        None => {
            let tn = &type_data(t).name;
            Err(vm.type_error(if slot {
                format!("descriptor '{name}' of '{tn}' object needs an argument")
            } else {
                format!("unbound method {tn}.{name}() needs an argument")
            }))
        }
        Some(&a) if !vm.isinstance(a, t) => {
            let tn = crate::vm::interp::type_tp_name(t);
            let an = vm.type_name(a);
            if slot {
                return Err(vm.type_error(format!(
                    "descriptor '{name}' requires a '{tn}' object but received a '{an}'"
                )));
            }
            Err(vm.type_error(format!(
                "descriptor '{name}' for '{tn}' objects doesn't apply to a '{an}' object"
            )))
        }
        // Attribute access works on the instance itself (its dict), not on the wrapped value.
        Some(&a)
            if a.is_ptr()
                && layout_of(a) == Layout::Instance
                && !sees_instance(vm, owner, name) =>
        {
            Ok(crate::vm::types::subclass::unwrap_self(vm, owner, args))
        }
        _ => Ok(None),
    }
}

/// A dunder of a built-in type called with a number of arguments its CPython slot wrapper
/// refuses (`npos` counts the positionals after self, keywords included as in `args`).
#[inline]
fn check_slot_arity(
    vm: &mut Vm,
    owner: Value,
    name: &str,
    npos: usize,
    nkw: usize,
) -> PyResult<()> {
    if !name.starts_with("__") {
        return Ok(());
    }
    let owner = &type_data(owner.as_ptr::<TypeObject>()).name;
    match crate::vm::types::slot_arity::arity_error(owner, name, npos - nkw, nkw) {
        Some(msg) => Err(vm.type_error(msg)),
        None => Ok(()),
    }
}

/// A built-in type's `__new__(cls, ...)` called with `cls` not a subtype of it (CPython's
/// `tp_new_wrapper` checks).
fn check_new_cls(
    vm: &mut Vm,
    t: *const TypeObject,
    new: BuiltinFn,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<()> {
    let t = exc_new_owner(t);
    // CPython names the type by its tp_name (`itertools.islice.__new__(int)`).
    let tn = || crate::vm::interp::type_tp_name(t);
    if args.len() <= kwnames.len() {
        let tn = tn();
        return Err(vm.type_error(format!("{tn}.__new__(): not enough arguments")));
    }
    let Some(sub) = as_type(args[0]) else {
        let (tn, an) = (tn(), vm.type_name(args[0]));
        return Err(vm.type_error(format!("{tn}.__new__(X): X is not a type object ({an})")));
    };
    let s = args[0].as_ptr::<TypeObject>() as *const TypeObject;
    if s == t {
        // `T.__new__(T)`: a built-in's own __new__ for its own type (every `super()` call goes
        // this way) needs none of the checks below.
        return Ok(());
    }
    let tn = tn();
    if !vm.is_subtype(s, t) {
        let sn = sub.name.clone();
        return Err(vm.type_error(format!("{tn}.__new__({sn}): {sn} is not a subtype of {tn}")));
    }
    // CPython's "static base": from `sub` down its chain of `tp_base`s (`best_base`), the first
    // class whose __new__ is not written in Python (a class inheriting a built-in's counts, and
    // is the one the message names) must use this very __new__ (`int.__new__(bool)` would build
    // an int where a bool is expected; `class Text(Node, str)` may use str's).
    let mut c = s;
    loop {
        let found =
            lookup_type_str(vm, c, "__new__").map(|n| as_method_wrapper(n).map_or(n, |i| *i));
        let Some(found) = found else {
            return Ok(());
        };
        let Some(b) = as_builtin(found) else {
            if type_data(c).builtin || type_data(c).bases.is_empty() {
                return Ok(());
            }
            c = best_base(vm, c);
            continue;
        };
        if b.f as usize != new as usize {
            let (sn, bn) = (sub.name.clone(), type_data(c).name.clone());
            return Err(vm.type_error(format!(
                "{tn}.__new__({sn}) is not safe, use {bn}.__new__()"
            )));
        }
        return Ok(());
    }
}

/// CPython's `best_base` of a class: the base whose `solid_base` (the nearest built-in class
/// of its layout) is the most derived, the first such in `__bases__` order.
fn best_base(vm: &Vm, t: *const TypeObject) -> *const TypeObject {
    let mut winner: Option<(*const TypeObject, *const TypeObject)> = None;
    for &b in &type_data(t).bases {
        let b = b.as_ptr::<TypeObject>() as *const TypeObject;
        let cand = solid_base(vm, b);
        winner = match winner {
            None => Some((cand, b)),
            Some((w, _)) if !vm.is_subtype(w, cand) && vm.is_subtype(cand, w) => Some((cand, b)),
            keep => keep,
        };
    }
    winner.map_or(vm.t.object, |(_, b)| b)
}

/// CPython's `solid_base` for cpjit's classes: a class written in Python adds no C-level
/// fields, so it is the nearest built-in class of the MRO (the built-in classes of a valid MRO
/// form one chain of subclasses, most derived first).
fn solid_base(vm: &Vm, t: *const TypeObject) -> *const TypeObject {
    type_data(t)
        .mro
        .iter()
        .map(|&m| m.as_ptr::<TypeObject>() as *const TypeObject)
        .find(|&m| type_data(m).builtin)
        .unwrap_or(vm.t.object)
}

/// The built-in exception class whose `__new__` (BaseException_new) an exception class has in
/// CPython: only the classes below define their own (tp_new set statically); the others
/// (AttributeError, KeyError, BlockingIOError, ...) inherit it, and `KeyError.__new__(X)` is
/// LookupError's, which names LookupError and takes any subclass of it.
fn exc_new_owner(t: *const TypeObject) -> *const TypeObject {
    const OWN_NEW: &[&str] = &[
        "BaseException",
        "BaseExceptionGroup",
        "Exception",
        "GeneratorExit",
        "KeyboardInterrupt",
        "ArithmeticError",
        "AssertionError",
        "BufferError",
        "EOFError",
        "LookupError",
        "MemoryError",
        "OSError",
        "ReferenceError",
        "RuntimeError",
        "StopAsyncIteration",
        "SystemError",
        "TypeError",
        "ValueError",
        "Warning",
        "FloatingPointError",
        "OverflowError",
        "ZeroDivisionError",
        "BytesWarning",
        "DeprecationWarning",
        "EncodingWarning",
        "FutureWarning",
        "ImportWarning",
        "PendingDeprecationWarning",
        "ResourceWarning",
        "RuntimeWarning",
        "SyntaxWarning",
        "UnicodeWarning",
        "UserWarning",
        "IndexError",
        "NotImplementedError",
        "RecursionError",
        "UnicodeError",
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "UnicodeTranslateError",
    ];
    let td = type_data(t);
    if !td.builtin || !td.is_exception {
        return t;
    }
    for c in &td.mro {
        let cd = type_data(c.as_ptr::<TypeObject>());
        if cd.builtin && OWN_NEW.contains(&cd.name.as_str()) {
            return c.as_ptr::<TypeObject>() as *const TypeObject;
        }
    }
    t
}

/// Calls a function found on a type with `self_` prepended.
pub fn call_method_value(vm: &mut Vm, func: Value, self_: Value, args: &[Value]) -> PyResult {
    if let Some(b) = as_builtin(func) {
        if b.bound.is_null() {
            // Rooted while the built-in runs (see `call`).
            // A built-in type's method stored on an unrelated class (`class W: __len__ =
            // list.__len__`) refuses the instance, as CPython's descr_check does, instead of
            // running on an object it cannot read.
            let owner = b.owner;
            if !owner.is_null()
                && b.name != "__new__"
                && Value::from_ptr(vm.type_of(self_)) != owner
                && !vm.isinstance(self_, owner.as_ptr::<TypeObject>())
            {
                with_prepended(self_, args, |a| {
                    check_descriptor_self(vm, func, owner, a, &[])
                })?;
            }
            return with_prepended(self_, args, |a| {
                crate::vm::runtime::iter::with_roots(vm, a, |vm| {
                    call_builtin_method(vm, b, self_, a)
                })
            });
        }
        // An already bound built-in (`gen.__next__` stored on a class) is no descriptor.
        return call(vm, func, args, &[]);
    }
    if as_bound_method(func).is_some() {
        return call(vm, func, args, &[]);
    }
    if as_method_wrapper(func).is_some() {
        let d = crate::vm::runtime::attr::bind_descriptor(vm, func, self_, vm.type_of(self_))?;
        return call(vm, d, args, &[]);
    }
    with_prepended(self_, args, |a| call(vm, func, a, &[]))
}

/// `call_method_value` of the unbound built-in `b`; `a` is self followed by the arguments.
fn call_builtin_method(vm: &mut Vm, b: &BuiltinData, self_: Value, a: &[Value]) -> PyResult {
    let f = b.f;
    if !b.owner.is_null() && !sees_instance(vm, b.owner, b.name) {
        if let Some(u) = crate::vm::types::subclass::unwrap_self(vm, b.owner, a) {
            let r = guard(vm, |vm| f(vm, &u, &[]))?;
            return Ok(if r == u[0] && is_inplace(b.name) {
                self_
            } else {
                r
            });
        }
    }
    guard(vm, |vm| f(vm, a, &[]))
}

/// Looks up `name` on type(obj) and calls it with obj; None if the type has no such method.
pub fn call_dunder(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let t = vm.type_of(obj);
    match lookup_type_str(vm, t, name) {
        Some(f) => call_method_value(vm, f, obj, args).map(Some),
        None => Ok(None),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// A call that binds by copying: exactly `argcount` positional arguments, no keywords, and a
/// function without `*args`, `**kwargs` or keyword-only parameters.
#[inline(always)]
pub fn is_exact_positional(
    co: &crate::bytecode::code::CodeObject,
    nargs: usize,
    kwnames: &[Value],
) -> bool {
    kwnames.is_empty()
        && nargs == co.argcount as usize
        // (A body not decoded yet goes through `push_frame`, which decodes it.)
        && co.lazy.is_none()
        && co.kwonlyargcount == 0
        && co.flags & (flags::CO_VARARGS | flags::CO_VARKEYWORDS) == 0
}

/// Whether a positional call with `nargs` arguments of function `fd` (code `co`) fills the
/// missing parameters from its defaults alone (CALL_PY_WITH_DEFAULTS).
pub fn fits_with_defaults(
    co: &crate::bytecode::code::CodeObject,
    fd: &FunctionData,
    nargs: usize,
) -> bool {
    let npos = co.argcount as usize;
    let ndef = as_tuple(fd.defaults).map(|t| t.len()).unwrap_or(0);
    co.kwonlyargcount == 0
        && co.flags & (flags::CO_VARARGS | flags::CO_VARKEYWORDS) == 0
        && co.lazy.is_none()
        && nargs < npos
        && nargs + ndef >= npos
}

/// Binds call arguments into the first slots of a new frame of `func`.
pub fn bind_args(
    vm: &mut Vm,
    func: Value,
    slots: &mut [Value],
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<()> {
    let fd = as_function(func).unwrap();
    let cd = as_code(fd.code).unwrap();
    let co = &*cd.code;
    let npos = co.argcount as usize;
    let nkwonly = co.kwonlyargcount as usize;
    let posonly = co.posonlyargcount as usize;
    let varargs = co.flags & flags::CO_VARARGS != 0;
    let varkw = co.flags & flags::CO_VARKEYWORDS != 0;
    let ngiven = args.len() - kwnames.len();
    if is_exact_positional(co, args.len(), kwnames) {
        slots[..npos].copy_from_slice(args);
        return Ok(());
    }
    if !varargs && !varkw && bind_kw_fast(vm, fd, cd, slots, args, kwnames) {
        return Ok(());
    }
    let qual = || str_of(fd.qualname).to_string();
    let ncopy = ngiven.min(npos);
    slots[..ncopy].copy_from_slice(&args[..ncopy]);
    let mut extra_slot = npos + nkwonly;
    if varargs {
        let extra: Vec<Value> = if ngiven > npos {
            args[npos..ngiven].to_vec()
        } else {
            Vec::new()
        };
        slots[extra_slot] = vm.new_tuple(extra);
        extra_slot += 1;
    }
    let kwdict = if varkw {
        let d = vm.new_dict();
        slots[extra_slot] = d;
        d
    } else {
        Value::NULL
    };
    let mut posonly_as_kw = Vec::new();
    for (i, &k) in kwnames.iter().enumerate() {
        let v = args[ngiven + i];
        let ks = str_of(k);
        let mut found = None;
        for (j, &n) in cd.localsplusnames[..npos + nkwonly].iter().enumerate() {
            if n == k || str_of(n) == ks {
                found = Some(j);
                break;
            }
        }
        match found {
            Some(j) if j < posonly => {
                if varkw {
                    dict_set(vm, kwdict, k, v)?;
                } else {
                    // Reported here (CPython finds no parameter for the name).
                    posonly_as_kw.push(ks.to_string());
                    posonly_error(vm, cd, posonly, kwnames, &qual())?;
                }
            }
            Some(j) => {
                if !slots[j].is_null() {
                    return Err(vm.type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qual(),
                        ks
                    )));
                }
                slots[j] = v;
            }
            None => {
                if varkw {
                    dict_set(vm, kwdict, k, v)?;
                } else {
                    // CPython's initialize_locals: at the first keyword that names no
                    // parameter, positional-only names passed as keywords are reported first.
                    posonly_error(vm, cd, posonly, kwnames, &qual())?;
                    return Err(vm.type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qual(),
                        ks
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        posonly_error(vm, cd, posonly, kwnames, &qual())?;
    }
    // Too many positionals are reported once the keywords are bound (an unexpected keyword
    // or a duplicate value comes first, as in CPython).
    if !varargs && ngiven > npos {
        let ndef = fd
            .defaults
            .is_null()
            .then_some(0)
            .unwrap_or_else(|| as_tuple(fd.defaults).map(|t| t.len()).unwrap_or(0));
        let kwonly_given = kwnames
            .iter()
            .filter(|k| {
                cd.localsplusnames[npos..npos + nkwonly]
                    .iter()
                    .any(|n| str_of(*n) == str_of(**k))
            })
            .count();
        let takes = if ndef > 0 {
            // Signed, as CPython's (a `__defaults__` longer than the parameters: "from -1").
            format!(
                "from {} to {} positional arguments",
                npos as i64 - ndef as i64,
                npos
            )
        } else {
            plural(npos, "positional argument")
        };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                ngiven,
                if ngiven == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else if ngiven == 1 {
            "1 was given".to_string()
        } else {
            format!("{ngiven} were given")
        };
        let msg = format!("{}() takes {} but {}", qual(), takes, given);
        return Err(vm.type_error(msg));
    }
    if ngiven < npos {
        let mut missing = Vec::new();
        for j in ngiven..npos {
            if slots[j].is_null() {
                match positional_default(fd, npos, j) {
                    Some(d) => slots[j] = d,
                    None => missing.push(str_of(cd.localsplusnames[j]).to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qual(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }
    if nkwonly > 0 {
        let mut missing = Vec::new();
        for j in npos..npos + nkwonly {
            if slots[j].is_null() {
                let name = cd.localsplusnames[j];
                let d = if fd.kwdefaults.is_null() {
                    None
                } else {
                    dict_get_str(vm, fd.kwdefaults, name)
                };
                match d {
                    Some(v) => slots[j] = v,
                    None => missing.push(str_of(name).to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(vm.type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qual(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

/// The default of positional parameter `j` of `fd` (`npos` of them), if it has one. The
/// defaults are the last parameters': CPython indexes them from the end, so a `__defaults__`
/// longer than the parameters gives its tail.
#[inline]
pub fn positional_default(fd: &FunctionData, npos: usize, j: usize) -> Option<Value> {
    let defaults: &[Value] = as_tuple(fd.defaults).map(|t| &t[..]).unwrap_or(&[]);
    (j + defaults.len() >= npos).then(|| defaults[j + defaults.len() - npos])
}

/// CPython's positional_only_passed_as_keyword: the error naming every keyword argument that
/// names a positional-only parameter, if any.
fn posonly_error(
    vm: &mut Vm,
    cd: &CodeData,
    posonly: usize,
    kwnames: &[Value],
    qual: &str,
) -> PyResult<()> {
    let names: Vec<String> = kwnames
        .iter()
        .map(|&k| str_of(k).to_string())
        .filter(|k| {
            cd.localsplusnames[..posonly]
                .iter()
                .any(|&n| str_of(n) == k.as_str())
        })
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
        names.join(", ")
    )))
}

/// `bind_args`' common case for a function without `*args`/`**kwargs`: at most its positional
/// parameters given positionally, every keyword naming a parameter that may be passed by
/// keyword (matched by identity: keyword names and parameter names are interned, so a call
/// spelling a parameter finds the very string), none given twice, and every parameter left
/// over having a default. Fills `slots` (NULL on entry) and returns true; anything else (an
/// error to report, a name equal but not identical) leaves them NULL again and returns false
/// for the general path, which words the error. A keyword argument cost the general path
/// ~300 instructions (a string compare per parameter before the one it names, the defaults'
/// loops): about 40 here.
fn bind_kw_fast(
    vm: &mut Vm,
    fd: &FunctionData,
    cd: &CodeData,
    slots: &mut [Value],
    args: &[Value],
    kwnames: &[Value],
) -> bool {
    let co = &*cd.code;
    let (npos, nkwonly) = (co.argcount as usize, co.kwonlyargcount as usize);
    let posonly = co.posonlyargcount as usize;
    let nparams = npos + nkwonly;
    let ngiven = args.len() - kwnames.len();
    if ngiven > npos || slots.len() < nparams {
        return false;
    }
    slots[..ngiven].copy_from_slice(&args[..ngiven]);
    let names = &cd.localsplusnames[..nparams];
    let clear = |slots: &mut [Value]| slots[..nparams].fill(Value::NULL);
    for (i, &k) in kwnames.iter().enumerate() {
        match names.iter().position(|&n| n == k) {
            Some(j) if j >= posonly && slots[j].is_null() => slots[j] = args[ngiven + i],
            _ => {
                clear(slots);
                return false;
            }
        }
    }
    if ngiven + kwnames.len() < nparams {
        for j in ngiven..nparams {
            if !slots[j].is_null() {
                continue;
            }
            let d = if j < npos {
                positional_default(fd, npos, j)
            } else if fd.kwdefaults.is_null() {
                None
            } else {
                dict_get_str(vm, fd.kwdefaults, names[j])
            };
            match d {
                Some(v) => slots[j] = v,
                None => {
                    clear(slots);
                    return false;
                }
            }
        }
    }
    true
}

/// Calling a class: `type(x)`, built-in constructors, and `__new__` + `__init__` for classes.
pub fn type_call(vm: &mut Vm, cls: Value, args: &[Value], kwnames: &[Value]) -> PyResult {
    // A metaclass __call__ (EnumType's, ...) replaces the whole protocol.
    if let Some(f) = crate::vm::types::metatype::meta_method(vm, cls, "__call__") {
        let meta = obj_type(cls);
        let bound = crate::vm::runtime::attr::bind_descriptor(vm, f, cls, meta)?;
        return call(vm, bound, args, kwnames);
    }
    type_call_default(vm, cls, args, kwnames)
}

/// The `__new__` and `__init__` calling class `t` runs, from `TypeData::ctor_cache` while `t`'s
/// version tag is the one they were looked up under (every attribute change to `t` or an
/// ancestor gives it a new one).
pub fn ctor_slots(vm: &mut Vm, t: *const TypeObject) -> (Option<Value>, Option<Value>) {
    let td = type_data(t);
    let version = td.version.get();
    let (v, new, init, _) = td.ctor_cache.get();
    if version != 0 && v == version {
        return (
            Some(new).filter(|n| !n.is_null()),
            Some(init).filter(|i| !i.is_null()),
        );
    }
    let new = lookup_type_str(vm, t, "__new__");
    let init = lookup_type_str(vm, t, "__init__");
    let k = vm.sname("__abstractmethods__");
    let concrete = dict_get_str(vm, td.dict, k).is_none();
    td.ctor_cache.set((
        version,
        new.unwrap_or(Value::NULL),
        init.unwrap_or(Value::NULL),
        concrete,
    ));
    (new, init)
}

/// A built-in type without a `__new__` of its own that object.__new__ cannot make (iterators,
/// builtin_function_or_method, ...): CPython's `tp_new` is NULL there, so calling the type is
/// "cannot create 'T' instances" and `object.__init__` takes extra arguments.
pub fn is_uninstantiable(t: *const TypeObject) -> bool {
    let td = type_data(t);
    td.builtin && !td.is_exception && td.layout != Layout::Instance && td.ext.is_none()
}

/// The function a class's `__new__` calls: the one its staticmethod wraps.
#[inline]
pub fn unwrapped_new(n: Value) -> Value {
    match as_method_wrapper(n) {
        Some(inner) => *inner,
        None => n,
    }
}

/// The Rust function of class `t`'s `__new__` when that is an (unbound) built-in: what
/// CALL_BUILTIN_CLASS calls.
#[inline]
pub fn builtin_new(vm: &mut Vm, t: *const TypeObject) -> Option<BuiltinFn> {
    let new = ctor_slots(vm, t).0?;
    if new == vm.object_new && is_uninstantiable(t) {
        return None;
    }
    as_builtin(unwrapped_new(new))
        .filter(|b| b.bound.is_null())
        .map(|b| b.f)
}

/// Whether class `t` is known to have no `__abstractmethods__` (from `ctor_slots`' cache).
pub fn known_concrete(t: *const TypeObject) -> bool {
    let td = type_data(t);
    let (v, _, _, concrete) = td.ctor_cache.get();
    concrete && v != 0 && v == td.version.get()
}

/// `type.__call__`: `__new__`, then `__init__` when `__new__` returned an instance.
pub fn type_call_default(vm: &mut Vm, cls: Value, args: &[Value], kwnames: &[Value]) -> PyResult {
    let t = cls.as_ptr::<TypeObject>() as *const TypeObject;
    if t == vm.t.type_ {
        // CPython's type_vectorcall and type_call: only `type` itself has the one-argument
        // form; `type.__new__` and metaclasses take exactly three.
        let npos = args.len() - kwnames.len();
        if npos == 1 {
            if !kwnames.is_empty() {
                return Err(vm.type_error("type() takes no keyword arguments"));
            }
            return Ok(Value::from_ptr(vm.type_of(args[0])));
        }
        if npos != 3 {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
    }
    let (new, init) = ctor_slots(vm, t);
    if new == Some(vm.object_new) && is_uninstantiable(t) {
        let n = crate::vm::interp::type_tp_name(t);
        return Err(vm.type_error(format!("cannot create '{n}' instances")));
    }
    let obj = match new {
        Some(n) => {
            let f = unwrapped_new(n);
            with_prepended(cls, args, |a| match as_builtin(f) {
                // A built-in __new__ found on `cls` itself is `tp_new`, called directly as
                // CPython's type_call does: the checks of `T.__new__(S)` called by name
                // (`check_new_cls`, slot arity) are for calls that choose the __new__ themselves.
                Some(b) if b.bound.is_null() => {
                    let func = b.f;
                    crate::vm::runtime::iter::with_roots(vm, a, |vm| {
                        guard(vm, |vm| func(vm, a, kwnames))
                    })
                }
                _ => call(vm, f, a, kwnames),
            })?
        }
        None => return Err(vm.type_error("cannot create instances")),
    };
    if !vm.is_subtype(vm.type_of(obj), t) {
        return Ok(obj);
    }
    if type_data(t).builtin && !type_data(t).is_exception && t != vm.t.object {
        // Built-in constructors fully initialize in __new__.
        return Ok(obj);
    }
    if let Some(init) = init {
        let is_object_init = init == vm.object_init;
        if is_object_init {
            let new_is_object = new == Some(vm.object_new);
            if !args.is_empty() && new_is_object {
                let n = type_data(t).name.clone();
                return Err(vm.type_error(format!("{n}() takes no arguments")));
            }
            return Ok(obj);
        }
        vm.roots.push(obj);
        let r = with_prepended(obj, args, |a| call(vm, init, a, kwnames));
        vm.roots.pop();
        let r = r?;
        if r != vm.none {
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("__init__() should return None, not '{tn}'")));
        }
    }
    Ok(obj)
}

/// Allocates a plain instance of class `t` (object.__new__).
pub fn new_instance(vm: &mut Vm, t: *const TypeObject) -> Value {
    let obj = if has_ext_instances(t) {
        crate::vm::types::subclass::new_ext_instance(vm, t, Value::NULL)
    } else if type_data(t).is_exception {
        let args = vm.new_tuple(Vec::new());
        vm.new_exception_args(t, args)
    } else {
        crate::vm::types::instance::new(vm, t)
    };
    crate::vm::finalize::register(vm, obj);
    obj
}
