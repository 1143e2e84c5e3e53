//! Built-in functions other than print and the numeric ones.

use super::{def, len_of};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::ops::drain::Accept;
use crate::vm::runtime::attr::{self, getattr_opt};
use crate::vm::runtime::call::call;
use crate::vm::runtime::dict::{self as rdict, dict_get_str};
use crate::vm::runtime::num::IntVal;
use crate::vm::runtime::{compare, iter as riter, ops, repr};
use crate::vm::types::{list::sort_values, nargs, split_kw};
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let b = vm.builtins;
    def(vm, b, "len", len);
    def(vm, b, "repr", repr_);
    def(vm, b, "ascii", ascii);
    def(vm, b, "hash", hash);
    def(vm, b, "id", id);
    def(vm, b, "iter", iter);
    def(vm, b, "next", next);
    def(vm, b, "isinstance", isinstance);
    def(vm, b, "issubclass", issubclass);
    def(vm, b, "getattr", getattr);
    def(vm, b, "setattr", setattr);
    def(vm, b, "hasattr", hasattr);
    def(vm, b, "delattr", delattr);
    def(vm, b, "callable", callable);
    def(vm, b, "sorted", sorted);
    def(vm, b, "min", min);
    def(vm, b, "max", max);
    def(vm, b, "sum", sum);
    def(vm, b, "any", any);
    def(vm, b, "all", all);
    def(vm, b, "ord", ord);
    def(vm, b, "chr", chr);
    def(vm, b, "format", format);
    def(vm, b, "vars", vars);
    def(vm, b, "dir", dir);
    def(vm, b, "breakpoint", breakpoint);
    def(vm, b, "aiter", aiter);
    def(vm, b, "anext", anext);
    def(vm, b, "globals", globals);
    def(vm, b, "locals", locals);
    def(vm, b, "__build_class__", build_class);
    def(vm, b, "__import__", import);
    def(vm, b, "open", open);
    def(vm, b, "exit", exit);
    def(vm, b, "quit", exit);
}

fn len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "len", args, kw, 0, 1, 1)?;
    let n = len_of(vm, args[0])?;
    Ok(vm.new_int(n as i64))
}
fn repr_(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "repr", args, kw, 0, 1, 1)?;
    repr::repr(vm, args[0])
}
fn ascii(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "ascii", args, kw, 0, 1, 1)?;
    repr::ascii(vm, args[0])
}
fn hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "hash", args, kw, 0, 1, 1)?;
    let h = rdict::hash(vm, args[0])?;
    Ok(vm.new_int(h as i64))
}
fn id(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "id", args, kw, 0, 1, 1)?;
    Ok(vm.new_int((args[0].0 & 0x7fff_ffff_ffff) as i64))
}
fn iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "iter", args, kw, 0, 1, 2)?;
    if args.len() == 2 {
        if !is_callable(vm, args[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let ty = vm.t.callable_iterator;
        return Ok(vm.new_iter(
            ty,
            IterData::Callable {
                f: args[0],
                sentinel: args[1],
            },
        ));
    }
    riter::get_iter(vm, args[0])
}
fn next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "next", args, kw, 0, 1, 2)?;
    let it = args[0];
    let ok = it.is_ptr()
        && obj_type(it) != vm.t.coroutine
        && obj_type(it) != vm.t.async_generator
        && (matches!(
            layout_of(it),
            Layout::Iter | Layout::RangeIter | Layout::SeqIter | Layout::Generator
        ) || attr::lookup_type_str(vm, obj_type(it), "__next__").is_some());
    if !ok {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    if as_instance(it).is_some() {
        let f = attr::lookup_type_str(vm, obj_type(it), "__next__").unwrap();
        return match crate::vm::runtime::call::call_method_value(vm, f, it, &[]) {
            Err(e) if args.len() == 2 && vm.isinstance(e, vm.t.exc("StopIteration")) => Ok(args[1]),
            r => r,
        };
    }
    let none = vm.none;
    if let Some(r) = crate::vm::types::asyncgen::send_step(vm, it, none) {
        return match r? {
            crate::vm::eval::Exit::Yield(v) => Ok(v),
            crate::vm::eval::Exit::Return(_) if args.len() == 2 => Ok(args[1]),
            crate::vm::eval::Exit::Return(v) => {
                Err(crate::vm::types::genobj::stop_iteration(vm, v))
            }
        };
    }
    let gen = crate::vm::types::genobj::wrapped_coroutine(it).unwrap_or(it);
    if let Some(g) = as_generator(gen) {
        if g.state != GenState::Done || args.len() == 1 {
            let none = vm.none;
            return match crate::vm::ops::gen_resume(vm, gen, none, None) {
                Ok(crate::vm::eval::Exit::Yield(v)) => Ok(v),
                Ok(crate::vm::eval::Exit::Return(v)) => {
                    if args.len() == 2 {
                        Ok(args[1])
                    } else {
                        Err(crate::vm::types::genobj::stop_iteration(vm, v))
                    }
                }
                Err(e) => Err(e),
            };
        }
        return Ok(args[1]);
    }
    match riter::next(vm, it)? {
        Some(v) => Ok(v),
        None if args.len() == 2 => Ok(args[1]),
        None => {
            let none = vm.none;
            Err(crate::vm::types::genobj::stop_iteration(vm, none))
        }
    }
}

/// isinstance/issubclass against `cls`: a class, a tuple (recursively), or an object with
/// `__instancecheck__`/`__subclasscheck__` (a metaclass's, or a UnionType's).
fn class_check(vm: &mut Vm, x: Value, cls: Value, fname: &str) -> PyResult<bool> {
    if let Some(t) = as_tuple(cls) {
        for c in t.to_vec() {
            if class_check(vm, x, c, fname)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let hook = if fname == "isinstance" {
        crate::vm::types::metatype::instance_check(vm, x, cls)?
    } else {
        crate::vm::types::metatype::subclass_check(vm, x, cls)?
    };
    if let Some(r) = hook {
        return Ok(r);
    }
    // issubclass's first argument is checked where CPython's recursive_issubclass does: only
    // against a class (an empty tuple of classes answers False whatever it is).
    if fname == "issubclass" && as_type(x).is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if as_type(cls).is_some() {
        return Ok(if fname == "isinstance" {
            let t = vm.type_of(x);
            vm.is_subtype(t, cls.as_ptr())
        } else {
            vm.is_subtype(x.as_ptr(), cls.as_ptr())
        });
    }
    if fname == "isinstance" {
        Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
    } else {
        Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "isinstance", args, kw, 0, 2, 2)?;
    let r = class_check(vm, args[0], args[1], "isinstance")?;
    Ok(vm.bool_val(r))
}
fn issubclass(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "issubclass", args, kw, 0, 2, 2)?;
    let r = class_check(vm, args[0], args[1], "issubclass")?;
    Ok(vm.bool_val(r))
}

fn attr_name(vm: &mut Vm, v: Value, f: &str) -> PyResult<Value> {
    // A str subclass instance names the attribute by its string value; anything else is
    // named by its own type in the error.
    let orig = v;
    let v = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    if as_str(v).is_none() {
        let tn = vm.type_name(orig);
        let _ = f;
        return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
    }
    Ok(vm.intern(str_of(v)))
}

fn getattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getattr", args, kw, 0, 2, 3)?;
    let n = attr_name(vm, args[1], "getattr")?;
    if args.len() == 3 {
        return match getattr_opt(vm, args[0], n) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(args[2]),
            Err(e) if vm.isinstance(e, vm.t.exc("AttributeError")) => Ok(args[2]),
            Err(e) => Err(e),
        };
    }
    attr::getattr(vm, args[0], n)
}
fn setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "setattr", args, kw, 0, 3, 3)?;
    let n = attr_name(vm, args[1], "setattr")?;
    attr::setattr(vm, args[0], n, args[2])?;
    Ok(vm.none)
}
fn hasattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "hasattr", args, kw, 0, 2, 2)?;
    let n = attr_name(vm, args[1], "hasattr")?;
    match getattr_opt(vm, args[0], n) {
        Ok(Some(_)) => Ok(vm.true_),
        Ok(None) => Ok(vm.false_),
        Err(e) if vm.isinstance(e, vm.t.exc("AttributeError")) => Ok(vm.false_),
        Err(e) => Err(e),
    }
}
fn delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "delattr", args, kw, 0, 2, 2)?;
    let n = attr_name(vm, args[1], "delattr")?;
    attr::delattr(vm, args[0], n)?;
    Ok(vm.none)
}
fn callable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "callable", args, kw, 0, 1, 1)?;
    let r = is_callable(vm, args[0]);
    Ok(vm.bool_val(r))
}

/// `callable(v)`.
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    v.is_ptr()
        && match layout_of(v) {
            Layout::Function | Layout::Builtin | Layout::BoundMethod | Layout::Type => true,
            // staticmethod objects are callable (3.10+); classmethod objects are not.
            Layout::MethodWrapper => vm.is_subtype(obj_type(v), vm.t.staticmethod),
            Layout::Instance | Layout::WeakRef | Layout::Native => {
                attr::lookup_type_str(vm, obj_type(v), "__call__").is_some()
            }
            _ => false,
        }
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let mut key = Value::NULL;
    let mut reverse_arg = None;
    for (k, v) in kws {
        match k {
            "key" => key = v,
            "reverse" => reverse_arg = Some(v),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for sort()"))
                )
            }
        }
    }
    let items = riter::collect(vm, pos[0])?;
    let l = vm.new_list(items);
    vm.roots.push(l);
    // As list.sort converts it: after the iterable was read.
    let reverse = match reverse_arg {
        Some(v) => crate::vm::types::list::reverse_flag(vm, v),
        None => Ok(false),
    };
    let reverse = match reverse {
        Ok(r) => r,
        Err(e) => {
            vm.roots.pop();
            return Err(e);
        }
    };
    let mut v = as_list(l).unwrap().to_vec();
    let r = sort_values(vm, &mut v, key, reverse);
    vm.roots.pop();
    r?;
    as_list(l).unwrap().set(v);
    Ok(l)
}

/// `min`/`max` of a non-empty list, tuple, set or frozenset holding only small ints, read in
/// place (no Python code can run: comparing two small ints is plain `<`); None for anything else.
fn small_int_extreme(vm: &Vm, v: Value, want_max: bool) -> Option<Value> {
    // Exact types only: a subclass may define its own __iter__.
    let t = v.is_ptr().then(|| obj_type(v))?;
    let mut best: Option<i64> = None;
    let mut consider = |x: Value| -> Option<()> {
        let x = x.is_small_int().then(|| x.as_small_int())?;
        best = Some(match best {
            Some(b) if (want_max && x > b) || (!want_max && x < b) => x,
            Some(b) => b,
            None => x,
        });
        Some(())
    };
    if t == vm.t.list || t == vm.t.tuple {
        let items: &[Value] = match as_list(v) {
            Some(l) => l,
            None => as_tuple(v)?,
        };
        for &x in items {
            consider(x)?;
        }
    } else if t == vm.t.set || t == vm.t.frozenset {
        for (&x, _) in crate::vm::runtime::set::table(v).iter() {
            consider(x)?;
        }
    } else {
        return None;
    }
    best.map(|b| Value::try_from_i64(b).unwrap())
}

fn minmax(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, want_max: bool) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let mut key = Value::NULL;
    let mut default = Value::NULL;
    for (k, v) in kws {
        match k {
            "key" => key = if v == vm.none { Value::NULL } else { v },
            "default" => default = v,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    if pos.len() == 1 && key.is_null() {
        if let Some(best) = small_int_extreme(vm, pos[0], want_max) {
            return Ok(best);
        }
    }
    if pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if pos.len() > 1 && !default.is_null() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    // Each item is keyed and compared as it comes, before the next is taken (CPython's
    // min_max: a generator's side effects interleave with the key's and the comparisons').
    // The best item and its key so far are rooted in two slots; a key being compared on top.
    let base = vm.roots.len();
    vm.roots.extend([Value::NULL, Value::NULL]);
    let mut best: Option<(Value, Value)> = None;
    let mut step = |vm: &mut Vm, x: Value| -> PyResult<()> {
        let k = if key.is_null() {
            x
        } else {
            call(vm, key, &[x], &[])?
        };
        let better = match best {
            None => true,
            Some((_, best_key)) => {
                vm.roots.push(k);
                // CPython asks `item > best` for max (so the item's __gt__ goes first) and
                // `item < best` for min.
                let r = if want_max {
                    if k.is_small_int() && best_key.is_small_int() {
                        Ok(k.as_small_int() > best_key.as_small_int())
                    } else {
                        compare::compare(vm, crate::bytecode::opcode::cmp::GT, k, best_key)
                            .and_then(|r| compare::truthy(vm, r))
                    }
                } else {
                    crate::vm::types::list::less_than(vm, k, best_key)
                };
                vm.roots.pop();
                r?
            }
        };
        if better {
            best = Some((x, k));
            vm.roots[base] = x;
            vm.roots[base + 1] = k;
        }
        Ok(())
    };
    let r = if pos.len() == 1 {
        riter::for_each(vm, pos[0], None, &mut step)
    } else {
        // The arguments stay put and rooted by the caller while keys and comparisons run.
        pos.iter().try_for_each(|&x| step(vm, x))
    };
    vm.roots.truncate(base);
    r?;
    match best {
        Some((b, _)) => Ok(b),
        None if !default.is_null() => Ok(default),
        None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}
fn min(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    minmax(vm, args, kw, "min", false)
}
fn max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    minmax(vm, args, kw, "max", true)
}

fn sum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    // sum(iterable, /, start=0), bound as Argument Clinic does.
    let a = crate::vm::types::bind_clinic(vm, "sum", pos, &kws, &["iterable", "start"], 1, 2, 1)?;
    let start = a[1].unwrap_or(Value::try_from_i64(0).unwrap());
    let pos = [a[0].unwrap()];
    // PyUnicode_Check / PyBytes_Check / PyByteArray_Check: subclasses are refused too.
    let t = vm.type_of(start);
    if vm.is_subtype(t, vm.t.str_) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if vm.is_subtype(t, vm.t.bytes) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if vm.is_subtype(t, vm.t.bytearray) {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    // Root the running total and the current item for the whole loop: resuming a generator or
    // calling `__add__` may collect, and a big-int total lives only here. An int or float total
    // plus ints and floats runs no Python code: a generator is drained of those (`ops::drain`).
    let pure = (!start.is_ptr() || is_exact(start, vm.t.int)).then_some(Accept::Number);
    let base = vm.roots.len();
    vm.roots.extend([start, Value::NULL]);
    let (acc_slot, x_slot) = (base, base + 1);
    let mut acc = start;
    // Fast paths for ints and floats.
    let mut fsum: Option<f64> = None;
    let r = riter::for_each_while(vm, pos[0], pure, |vm, x| {
        if let Some(f) = fsum {
            if x.is_float() {
                fsum = Some(f + x.as_f64());
                return Ok(true);
            }
            acc = Value::from_f64(f);
            fsum = None;
        }
        if acc.is_float() && x.is_float() {
            fsum = Some(acc.as_f64() + x.as_f64());
            return Ok(true);
        }
        vm.roots[acc_slot] = acc;
        vm.roots[x_slot] = x;
        acc = ops::binary_op(vm, crate::bytecode::opcode::nb::ADD, acc, x)?;
        vm.roots[acc_slot] = acc;
        Ok(true)
    });
    vm.roots.truncate(base);
    r?;
    Ok(fsum.map_or(acc, Value::from_f64))
}

/// `any(it)`: a generator is drained of the items whose truth is built-in and false.
fn any(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "any", args, kw, 0, 1, 1)?;
    let none_true = riter::for_each_while(vm, args[0], Some(Accept::Falsy), |vm, x| {
        Ok(!compare::truthy(vm, x)?)
    })?;
    Ok(vm.bool_val(!none_true))
}

/// `all(it)`: a generator is drained of the items whose truth is built-in and true.
fn all(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "all", args, kw, 0, 1, 1)?;
    let r = riter::for_each_while(vm, args[0], Some(Accept::Truthy), |vm, x| {
        compare::truthy(vm, x)
    })?;
    Ok(vm.bool_val(r))
}

fn ord(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "ord", args, kw, 0, 1, 1)?;
    // Instances of str/bytes/bytearray subclasses are accepted (their base value).
    let v = crate::vm::types::subclass::base_value(args[0]).unwrap_or(args[0]);
    if let Some(s) = as_str(v) {
        if s.nchars == 1 {
            let c = s.s.chars().next().unwrap();
            return Ok(vm.new_int(crate::rtlib::surrogate::code_point(c) as i64));
        }
        let n = s.nchars;
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {n} found"
        )));
    }
    if let Some(b) = as_bytes(v) {
        if b.len() == 1 {
            let c = b[0];
            return Ok(vm.new_int(c as i64));
        }
        let n = b.len();
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {n} found"
        )));
    }
    let tn = vm.type_name(args[0]);
    Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
}
fn chr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "chr", args, kw, 0, 1, 1)?;
    let i = match crate::vm::runtime::num::index_value(vm, args[0])? {
        Some(IntVal::Small(i)) => i,
        Some(IntVal::Big(_)) => {
            return Err(vm.overflow_error("Python int too large to convert to C int"))
        }
        None => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    use crate::rtlib::surrogate::{from_code_point, unsupported_message, FromCodePoint};
    match u32::try_from(i).map_or(FromCodePoint::OutOfRange, from_code_point) {
        FromCodePoint::Char(c) => Ok(vm.new_str_owned(c.to_string())),
        FromCodePoint::Unsupported => Err(vm.not_implemented(unsupported_message(i as u32))),
        FromCodePoint::OutOfRange => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}
fn format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "format", args, kw, 0, 1, 2)?;
    let spec = if args.len() > 1 {
        let base = crate::vm::types::subclass::base_value(args[1]).unwrap_or(args[1]);
        if as_str(base).is_none() {
            let tn = vm.arg_type_name(args[1]);
            return Err(vm.type_error(format!("format() argument 2 must be str, not {tn}")));
        }
        args[1]
    } else {
        vm.new_str("")
    };
    repr::format(vm, args[0], spec)
}
fn vars(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "vars", args, kw, 0, 0, 1)?;
    if args.is_empty() {
        return locals(vm, args, kw);
    }
    let k = vm.intern("__dict__");
    match getattr_opt(vm, args[0], k)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}
pub fn dir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "dir", args, kw, 0, 0, 1)?;
    if args.is_empty() {
        let d = locals(vm, &[], &[])?;
        if as_dict(d).is_none() {
            // A mapping as the frame's locals (eval's third argument): list(d.keys()), sorted.
            let k = vm.intern("keys");
            let f = attr::getattr(vm, d, k)?;
            let ks = crate::vm::runtime::call::call(vm, f, &[], &[])?;
            vm.roots.push(ks);
            let r = riter::collect(vm, ks);
            vm.roots.pop();
            let l = vm.new_list(r?);
            vm.roots.push(l);
            let none = vm.none;
            let mut names = as_list(l).unwrap().take();
            let r = sort_values(vm, &mut names, none, false);
            as_list(l).unwrap().set(names);
            vm.roots.pop();
            r?;
            return Ok(l);
        }
        let names = rdict::keys_of(d)
            .into_iter()
            .map(|k| str_of(k).to_string())
            .collect();
        return Ok(names_list(vm, names));
    } else {
        let o = args[0];
        // A `__dir__` of the object's class decides (a list of it, sorted).
        let t = vm.type_of(o);
        if let Some(f) = attr::lookup_type_str(vm, t, "__dir__") {
            if as_function(f).is_some() {
                let r = crate::vm::runtime::call::call_method_value(vm, f, o, &[])?;
                let mut items = riter::collect(vm, r)?;
                let none = vm.none;
                sort_values(vm, &mut items, none, false)?;
                return Ok(vm.new_list(items));
            }
        }
        return default_dir(vm, o);
    }
}

/// A sorted list of the distinct `names`.
fn names_list(vm: &mut Vm, mut names: Vec<String>) -> Value {
    names.sort();
    names.dedup();
    let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str_owned(n)).collect();
    vm.new_list(vals)
}

/// `dir(o)` without a Python `__dir__`: the object's own names (instance dict, module dict) and
/// its class's, or a class's and its bases', sorted (object.__dir__ / type.__dir__ /
/// module.__dir__).
pub fn default_dir(vm: &mut Vm, o: Value) -> PyResult {
    let mut names: Vec<String> = Vec::new();
    {
        let own = if as_instance(o).is_some() {
            crate::vm::types::instance::names(o)
        } else {
            attr::instance_dict(o)
                .map(rdict::keys_of)
                .unwrap_or_default()
        };
        names.extend(own.into_iter().map(|k| str_of(k).to_string()));
        if let Some(m) = as_module(o) {
            names.extend(
                rdict::keys_of(m.dict)
                    .into_iter()
                    .map(|k| str_of(k).to_string()),
            );
        } else {
            let t = if as_type(o).is_some() {
                o.as_ptr()
            } else {
                vm.type_of(o)
            };
            let is_type = as_type(o).is_some();
            for c in type_data(t).mro.clone() {
                let d = type_data(c.as_ptr()).dict;
                names.extend(rdict::keys_of(d).into_iter().map(|k| str_of(k).to_string()));
                // Listed only where reading it works as it does in CPython (`getattr(o, name)`
                // for every name `dir` gives is what inspect.getmembers and unittest do).
                for &n in native_names(vm, c.as_ptr()) {
                    let found = if is_type {
                        crate::vm::runtime::special::type_special_attr(vm, o, n)?
                    } else {
                        crate::vm::runtime::special::special_attr(vm, o, n)?
                    };
                    if found.is_some() {
                        names.push(n.to_string());
                    }
                }
            }
        }
    }
    Ok(names_list(vm, names))
}

/// Whether a class in `t`'s MRO adds the `__weakref__` descriptor (`native_names`).
pub(crate) fn adds_weakref(vm: &mut Vm, t: *const TypeObject) -> bool {
    type_data(t)
        .mro
        .iter()
        .any(|&c| native_names(vm, c.as_ptr()).contains(&"__weakref__"))
}

/// The names CPython's dict of class `t` has that cpjit serves without a dict entry
/// (`runtime::special`: getset descriptors and `__doc__` in CPython), for `dir`: a built-in
/// type's, or a Python class's `__dict__` / `__weakref__` descriptors (a class without
/// `__slots__` adds them, `__weakref__` unless its instances are variable-sized or already
/// weak-referenceable without it).
pub(crate) fn native_names(vm: &mut Vm, t: *const TypeObject) -> &'static [&'static str] {
    let td = type_data(t);
    if !td.builtin {
        // (A base adding them too lists them once: `dir` takes the union.)
        if let Some((dict, weakref)) = native_names_slots(vm, t) {
            // Only what `__slots__` names.
            return match (dict, weakref) {
                (true, true) => &["__dict__", "__weakref__"],
                (true, false) => &["__dict__"],
                (false, true) => &["__weakref__"],
                (false, false) => &[],
            };
        }
        // The nearest built-in base decides what the class adds.
        let base: *const TypeObject = td
            .mro
            .iter()
            .map(|c| c.as_ptr::<TypeObject>() as *const TypeObject)
            .find(|&c| type_data(c).builtin)
            .unwrap_or(vm.t.object);
        let exc = vm.t.exc("BaseException");
        return if vm.is_subtype(base, exc) {
            &["__weakref__"]
        } else if vm.is_subtype(base, vm.t.type_) {
            // A metaclass: `type` has both.
            &[]
        } else if [
            vm.t.int,
            vm.t.bool_,
            vm.t.tuple,
            vm.t.bytes,
            vm.t.set,
            vm.t.frozenset,
        ]
        .contains(&base)
        {
            // Variable-sized (no weak reference slot can follow the items), or weakly
            // referenceable already.
            &["__dict__"]
        } else {
            &["__dict__", "__weakref__"]
        };
    }
    if t == vm.t.object {
        &["__class__", "__doc__"]
    } else if t == vm.t.function {
        &[
            "__annotations__",
            "__builtins__",
            "__closure__",
            "__defaults__",
            "__dict__",
            "__doc__",
            "__kwdefaults__",
            "__module__",
            "__name__",
            "__qualname__",
        ]
    } else if t == vm.t.method {
        &["__doc__", "__func__", "__self__"]
    } else if t == vm.t.builtin_function {
        &[
            "__doc__",
            "__module__",
            "__name__",
            "__qualname__",
            "__self__",
            "__text_signature__",
        ]
    } else if t == vm.t.int {
        &["__doc__", "denominator", "imag", "numerator", "real"]
    } else if t == vm.t.float || t == vm.t.complex {
        &["__doc__", "imag", "real"]
    } else if t == vm.t.exc("BaseException") {
        &[
            "__cause__",
            "args",
            "__context__",
            "__dict__",
            "__doc__",
            "__suppress_context__",
            "__traceback__",
        ]
    } else if t == vm.t.exc("StopIteration") {
        &["__doc__", "value"]
    } else if t == vm.t.generator {
        &["__del__", "__doc__", "__name__", "__qualname__"]
    } else if t == vm.t.range || t == vm.t.slice {
        &["__doc__", "start", "step", "stop"]
    } else if t == vm.t.property {
        &["__doc__", "__isabstractmethod__", "fdel", "fget", "fset"]
    } else if t == vm.t.staticmethod || t == vm.t.classmethod {
        &[
            "__dict__",
            "__doc__",
            "__func__",
            "__isabstractmethod__",
            "__module__",
            "__name__",
            "__qualname__",
            "__wrapped__",
        ]
    } else if t == vm.t.memoryview {
        &[
            "__doc__",
            "c_contiguous",
            "contiguous",
            "f_contiguous",
            "suboffsets",
        ]
    } else if t == vm.t.type_ {
        &[
            "__abstractmethods__",
            "__annotations__",
            "__base__",
            "__bases__",
            "__basicsize__",
            "__dict__",
            "__dictoffset__",
            "__doc__",
            "__flags__",
            "__itemsize__",
            "__module__",
            "__mro__",
            "__name__",
            "__qualname__",
            "__text_signature__",
            "__weakrefoffset__",
        ]
    } else {
        &["__doc__"]
    }
}

/// When Python class `t` defines `__slots__`: whether they name `__dict__` and `__weakref__`
/// (the only ones of the two it then adds).
fn native_names_slots(vm: &mut Vm, t: *const TypeObject) -> Option<(bool, bool)> {
    let k = vm.intern("__slots__");
    let slots = attr::dict_get_str_raw(type_data(t).dict, k)?;
    let names: Vec<Value> = if as_str(slots).is_some() {
        vec![slots]
    } else if let Some(t) = as_tuple(slots) {
        t.to_vec()
    } else if let Some(l) = as_list(slots) {
        l.to_vec()
    } else {
        Vec::new()
    };
    let has = |n: &str| names.iter().any(|&v| as_str(v).is_some_and(|s| &*s.s == n));
    Some((has("__dict__"), has("__weakref__")))
}
fn globals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "globals", args, kw, 0, 0, 0)?;
    let f = vm.current;
    if f.is_null() {
        return Ok(vm.new_dict());
    }
    Ok(f.get().globals)
}
fn locals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "locals", args, kw, 0, 0, 0)?;
    let f = vm.current;
    if f.is_null() {
        return Ok(vm.new_dict());
    }
    Ok(crate::vm::types::frameobj::frame_locals(vm, f))
}

fn build_class(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let npos = args.len() - kw.len();
    if npos < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (func, name) = (args[0], args[1]);
    if as_function(func).is_none() {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    if as_str(crate::vm::types::subclass::base_value(name).unwrap_or(name)).is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases = args[2..npos].to_vec();
    // PEP 560: bases that are not classes may stand for others (__mro_entries__).
    let mut bases = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for &b in &orig_bases {
        if as_type(b).is_none() {
            let k = vm.intern("__mro_entries__");
            if let Some(f) = crate::vm::runtime::attr::getattr_opt(vm, b, k)? {
                let t = vm.new_tuple(orig_bases.clone());
                let r = call(vm, f, &[t], &[])?;
                let Some(items) = as_tuple(r).map(|t| t.to_vec()) else {
                    return Err(vm.type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(items);
                changed = true;
                continue;
            }
        }
        bases.push(b);
    }
    // The class keywords: metaclass= picks the metaclass, the rest go to it.
    let mut meta: Option<Value> = None;
    let (mut kwv, mut kwn) = (Vec::new(), Vec::new());
    for (i, &k) in kw.iter().enumerate() {
        let v = args[npos + i];
        if str_of(k) == "metaclass" {
            meta = Some(v);
        } else {
            kwv.push(v);
            kwn.push(k);
        }
    }
    let meta = match meta {
        Some(m) if as_type(m).is_none() => m,
        Some(m) => {
            let t = crate::vm::types::metatype::calculate_meta(vm, m.as_ptr(), &bases)?;
            Value::from_ptr(t)
        }
        None => match bases.first() {
            Some(&b) => {
                let t = vm.type_of(b);
                Value::from_ptr(crate::vm::types::metatype::calculate_meta(vm, t, &bases)?)
            }
            None => Value::from_ptr(vm.t.type_),
        },
    };
    let base = vm.roots.len();
    vm.roots.push(meta);
    vm.roots.extend(bases.iter().copied());
    vm.roots.extend(orig_bases.iter().copied());
    let r = (|| -> PyResult {
        let bases_t = vm.new_tuple(bases.clone());
        vm.roots.push(bases_t);
        // __prepare__ (any metaclass that has one; `type`'s gives a plain dict).
        let pk = vm.intern("__prepare__");
        let ns = match crate::vm::runtime::attr::getattr_opt(vm, meta, pk)? {
            Some(p) if meta != Value::from_ptr(vm.t.type_) => {
                let mut a = vec![name, bases_t];
                a.extend_from_slice(&kwv);
                call(vm, p, &a, &kwn)?
            }
            _ => vm.new_dict(),
        };
        vm.roots.push(ns);
        let cell = crate::vm::eval::run_class_body(vm, func, ns)?;
        if as_cell(cell).is_some() {
            // type.__new__ fills the cell (zero-argument super(), __class__).
            let k = vm.intern("__classcell__");
            crate::vm::runtime::subscr::setitem(vm, ns, k, cell)?;
        }
        if changed {
            let k = vm.intern("__orig_bases__");
            let ob = vm.new_tuple(orig_bases.clone());
            crate::vm::runtime::subscr::setitem(vm, ns, k, ob)?;
        }
        let mut a = vec![name, bases_t, ns];
        a.extend_from_slice(&kwv);
        let cls = if meta == Value::from_ptr(vm.t.type_) {
            crate::vm::types::misc::new_class(vm, vm.t.type_, name, &bases, ns, &kwv, &kwn)?
        } else {
            call(vm, meta, &a, &kwn)?
        };
        Ok(cls)
    })();
    vm.roots.truncate(base);
    r
}

fn import(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    // __import__(name, globals=None, locals=None, fromlist=(), level=0)
    let mut a: [Option<Value>; 5] = std::array::from_fn(|i| pos.get(i).copied());
    if pos.len() > 5 {
        return Err(vm.type_error(format!(
            "__import__() takes at most 5 arguments ({} given)",
            pos.len()
        )));
    }
    for (k, v) in kws {
        let i = match k {
            "name" => 0,
            "globals" => 1,
            "locals" => 2,
            "fromlist" => 3,
            "level" => 4,
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for __import__()"
                )))
            }
        };
        a[i] = Some(v);
    }
    let Some(name) = a[0] else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    if as_str(name).is_none() {
        let tn = vm.type_name(name);
        return Err(vm.type_error(format!("__import__() argument 1 must be str, not {tn}")));
    }
    let none = vm.none;
    // The fromlist only matters by being non-empty (IMPORT_NAME takes a tuple).
    let fromlist = match a[3] {
        Some(f) if f != none => {
            let items = crate::vm::runtime::iter::collect(vm, f)?;
            vm.new_tuple(items)
        }
        _ => none,
    };
    let level = a[4].unwrap_or(Value::try_from_i64(0).unwrap());
    // The new tuple must outlive the module code the import runs (which may collect).
    vm.roots.push(fromlist);
    let r = crate::vm::modules::import_name(vm, name, fromlist, level);
    vm.roots.pop();
    r
}

/// `open(...)`: `_io.open` (the io classes live in the `_io` module, imported on first use).
fn open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let io = crate::vm::modules::import_module(vm, "_io")?;
    let f = vm.intern("open");
    let f = crate::vm::runtime::attr::getattr(vm, io, f)?;
    crate::vm::runtime::call::call(vm, f, args, kw)
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let t = vm.t.exc("SystemExit");
    let a = vm.new_tuple(args.to_vec());
    Err(vm.new_exception_args(t, a))
}

pub fn module_attr(vm: &mut Vm, m: Value, name: &str) -> Option<Value> {
    let d = as_module(m)?.dict;
    let k = vm.intern(name);
    dict_get_str(vm, d, k)
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook`.
fn breakpoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let sys = vm.sys_module;
    match module_attr(vm, sys, "breakpointhook") {
        Some(h) => crate::vm::runtime::call::call(vm, h, args, kw),
        None => Err(vm.err("RuntimeError", "lost sys.breakpointhook")),
    }
}

/// `aiter(obj)`: `type(obj).__aiter__(obj)`, which must give an async iterator.
fn aiter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "aiter", args, kw, 0, 1, 1)?;
    let Some(it) = crate::vm::runtime::call::call_dunder(vm, args[0], "__aiter__", &[])? else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("'{tn}' object is not an async iterable")));
    };
    let t = vm.type_of(it);
    if attr::lookup_type_str(vm, t, "__anext__").is_none() {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{tn}'"
        )));
    }
    Ok(it)
}

/// `anext(aiterator[, default])`: the awaitable `type(it).__anext__(it)`; with a default, wrapped
/// in an `anext_awaitable` that turns StopAsyncIteration into the default.
fn anext(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "anext", args, kw, 0, 1, 2)?;
    let t = vm.type_of(args[0]);
    let Some(f) = attr::lookup_type_str(vm, t, "__anext__") else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("'{tn}' object is not an async iterator")));
    };
    let aw = crate::vm::runtime::call::call_method_value(vm, f, args[0], &[])?;
    if args.len() == 2 {
        return Ok(crate::vm::types::asyncgen::anext_with_default(
            vm, aw, args[1],
        ));
    }
    Ok(aw)
}
