//! object, type, range, slice, property, classmethod/staticmethod, super, generators, iterators.

use super::{add_method, add_static, c3_mro, nargs, split_kw};
use crate::vm::framestack;
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::call::{call, new_instance};
use crate::vm::runtime::dict::{dict_get_str, dict_set, items_of};
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::runtime::{attr, compare, dict as rdict, iter as riter, repr};
use crate::vm::value::Value;

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// A new `range_iterator` producing `len` values from `next` on, `step` apart.
pub fn new_range_iter(vm: &mut Vm, next: i64, step: i64, len: i64) -> Value {
    let ty = vm.t.range_iterator;
    vm.heap.alloc(ty, RangeIterData { next, step, len })
}

pub fn install(vm: &mut Vm) {
    let o = vm.t.object;
    add_static(vm, o, "__new__", object_new, false);
    let k = vm.sname("__new__");
    vm.object_new = dict_get_str(vm, type_data(o).dict, k).unwrap();
    add_method(vm, o, "__init__", object_init);
    let k = vm.sname("__init__");
    vm.object_init = dict_get_str(vm, type_data(o).dict, k).unwrap();
    add_method(vm, o, "__repr__", object_repr);
    add_method(vm, o, "__str__", object_str);
    add_method(vm, o, "__eq__", object_eq);
    add_method(vm, o, "__ne__", object_ne);
    // object's ordering slots: NotImplemented, so the reflected operand (or the TypeError) decides.
    add_method(vm, o, "__lt__", object_order);
    add_method(vm, o, "__le__", object_order);
    add_method(vm, o, "__gt__", object_order);
    add_method(vm, o, "__ge__", object_order);
    add_method(vm, o, "__hash__", object_hash);
    add_method(vm, o, "__setattr__", object_setattr);
    add_method(vm, o, "__getattribute__", object_getattribute);
    add_method(vm, o, "__delattr__", object_delattr);
    add_method(vm, o, "__format__", object_format);
    add_method(vm, o, "__dir__", object_dir);
    add_method(vm, vm.t.type_, "__dir__", type_dir);
    add_static(vm, o, "__init_subclass__", object_init_subclass, true);

    let mt = vm.t.module;
    add_static(vm, mt, "__new__", module_new, false);
    add_method(vm, mt, "__init__", module_init);

    let t = vm.t.type_;
    add_static(vm, t, "__new__", type_new, false);
    add_method(vm, t, "__getattribute__", type_getattribute);
    add_method(vm, t, "mro", type_mro);
    add_method(vm, t, "__subclasses__", type_subclasses);

    let r = vm.t.range;
    add_static(vm, r, "__new__", range_new, false);
    add_method(vm, r, "index", range_index);
    add_method(vm, r, "__reduce__", range_reduce);
    add_method(vm, r, "count", range_count);
    let s = vm.t.slice;
    add_static(vm, s, "__new__", slice_new, false);
    add_method(vm, s, "indices", slice_indices_method);

    let p = vm.t.property;
    add_static(vm, p, "__new__", property_new, false);
    add_method(vm, p, "__init__", property_init);
    add_method(vm, p, "getter", property_getter);
    add_method(vm, p, "setter", property_setter);
    add_method(vm, p, "deleter", property_deleter);
    add_method(vm, p, "__get__", property_get);
    add_method(vm, p, "__set__", property_set);
    add_method(vm, p, "__delete__", property_delete);
    add_method(vm, p, "__set_name__", property_set_name);
    let cm = vm.t.classmethod;
    add_static(vm, cm, "__new__", classmethod_new, false);
    let sm = vm.t.staticmethod;
    add_static(vm, sm, "__new__", staticmethod_new, false);
    // Subclasses (abc.abstractclassmethod, ...) call these through super(): __new__ already
    // stored the callable; __get__ binds as the wrapped built-in descriptor does. (property's
    // __init__ sets its accessors again: `property_init`.)
    for t in [cm, sm] {
        add_method(vm, t, "__init__", descriptor_init);
    }
    for t in [cm, sm] {
        add_method(vm, t, "__get__", method_wrapper_get);
    }
    add_method(vm, sm, "__call__", staticmethod_call);
    // Functions, bound methods and built-ins have `__call__` (hasattr(f, '__call__')).
    for t in [
        vm.t.function,
        vm.t.method,
        vm.t.builtin_function,
        vm.t.method_descriptor,
        vm.t.wrapper_descriptor,
        vm.t.method_wrapper,
    ] {
        add_method(vm, t, "__call__", callable_call);
    }
    // Method and slot-wrapper descriptors bind as classmethod and staticmethod do (to an
    // instance of their type only: `attr::bind_descriptor`).
    for t in [vm.t.method_descriptor, vm.t.wrapper_descriptor] {
        add_method(vm, t, "__get__", method_wrapper_get);
    }
    let sp = vm.t.super_;
    add_static(vm, sp, "__new__", super_new, false);
    add_method(vm, sp, "__init__", super_init);
    add_method(vm, sp, "__get__", super_get);

    super::genobj::install(vm);
    super::asyncgen::install(vm);
    super::frameobj::install(vm);

    let mut iters = vec![
        vm.t.list_iterator,
        vm.t.list_reverseiterator,
        vm.t.tuple_iterator,
        vm.t.str_iterator,
        vm.t.bytes_iterator,
        vm.t.bytearray_iterator,
        vm.t.range_iterator,
        vm.t.longrange_iterator,
        vm.t.enumerate,
        vm.t.zip,
        vm.t.map,
        vm.t.filter,
        vm.t.reversed,
        vm.t.callable_iterator,
    ];
    iters.extend(super::iter_reduce::dict_iter_types(vm));
    for it in iters {
        add_method(vm, it, "__next__", iter_next);
        add_method(vm, it, "__iter__", iter_self);
    }
    let e = vm.t.enumerate;
    add_static(vm, e, "__new__", enumerate_new, false);
    let z = vm.t.zip;
    add_static(vm, z, "__new__", zip_new, false);
    let m = vm.t.map;
    add_static(vm, m, "__new__", map_new, false);
    let f = vm.t.filter;
    add_static(vm, f, "__new__", filter_new, false);
    let rv = vm.t.reversed;
    add_static(vm, rv, "__new__", reversed_new, false);
    for v in [vm.t.dict_keys, vm.t.dict_values, vm.t.dict_items] {
        add_method(vm, v, "__len__", view_len);
    }
    install_bytes(vm);
    for t in [
        vm.t.none_type,
        vm.t.ellipsis_type,
        vm.t.not_implemented_type,
    ] {
        add_static(vm, t, "__new__", singleton_new, false);
    }
}

fn object_new(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(t) = args
        .first()
        .and_then(|&c| as_type(c).map(|_| c.as_ptr::<TypeObject>()))
    else {
        let tn = args.first().map(|&a| vm.type_name(a)).unwrap_or_default();
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({tn})")));
    };
    if args.len() > 1 {
        // CPython's object_new: excess arguments are an error unless the class overrides
        // __init__ but not __new__.
        let new = crate::vm::runtime::attr::lookup_type_str(vm, t, "__new__");
        if new != Some(vm.object_new) {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        let init = crate::vm::runtime::attr::lookup_type_str(vm, t, "__init__");
        if init == Some(vm.object_init) {
            let n = type_data(t).name.clone();
            return Err(vm.type_error(format!("{n}() takes no arguments")));
        }
    }
    super::metatype::check_not_abstract(vm, t)?;
    let wraps_builtin = type_data(t)
        .ext
        .as_ref()
        .is_some_and(|e| !e.builtin_base.is_null());
    if wraps_builtin {
        let n = type_data(t).name.clone();
        let b = type_data(type_data(t).ext.as_ref().unwrap().builtin_base)
            .name
            .clone();
        return Err(vm.type_error(format!(
            "object.__new__({n}) is not safe, use {b}.__new__()"
        )));
    }
    if type_data(t).layout != Layout::Instance {
        let n = type_data(t).name.clone();
        return Err(vm.type_error(format!(
            "object.__new__({n}) is not safe, use {n}.__new__()"
        )));
    }
    Ok(new_instance(vm, t))
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // METH_CLASS | METH_NOARGS: keywords refused first, then any positional.
    nargs(vm, "__init_subclass__", args, kw, 1, 0, 0)?;
    Ok(vm.none)
}

/// `object.__init__(self, *args, **kw)`: extra arguments are an error unless the class
/// overrides `__new__` but not `__init__` (CPython's object_init).
fn object_init(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() > 1 {
        let t = vm.type_of(args[0]);
        let init = crate::vm::runtime::attr::lookup_type_str(vm, t, "__init__");
        if init != Some(vm.object_init) {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        let new = crate::vm::runtime::attr::lookup_type_str(vm, t, "__new__");
        if new == Some(vm.object_new) && !crate::vm::runtime::call::is_uninstantiable(t) {
            let tn = type_data(t).name.clone();
            return Err(vm.type_error(format!(
                "{tn}.__init__() takes exactly one argument (the instance to initialize)"
            )));
        }
    }
    Ok(vm.none)
}

/// `object.__dir__(self)`: the instance's attribute names and its class's (unsorted in
/// CPython; `dir()` sorts).
fn object_dir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "object.__dir__", args, kw, 1, 0, 0)?;
    crate::vm::builtins::funcs::default_dir(vm, args[0])
}

/// `type.__dir__(cls)`: the names in the class's and its bases' dicts.
fn type_dir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "type.__dir__", args, kw, 1, 0, 0)?;
    crate::vm::builtins::funcs::default_dir(vm, args[0])
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let s = repr::default_repr(vm, args[0]);
    Ok(vm.new_str_owned(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    // A class whose __repr__ is object.__str__ recurses through here (RecursionError, as in
    // CPython, rather than overflowing the Rust stack).
    vm.enter_recursive(" while calling a Python object")?;
    let r = repr::repr(vm, args[0]);
    vm.leave_recursive();
    r
}

fn object_eq(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__eq__", args, kw, 1, 1, 1)?;
    Ok(if args[0] == args[1] {
        vm.true_
    } else {
        vm.not_implemented
    })
}

fn object_ne(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__ne__", args, kw, 1, 1, 1)?;
    let r = compare::compare(vm, crate::bytecode::opcode::cmp::EQ, args[0], args[1])?;
    if r == vm.not_implemented {
        return Ok(r);
    }
    let t = compare::truthy(vm, r)?;
    Ok(vm.bool_val(!t))
}

pub(crate) fn object_order(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__lt__", args, kw, 1, 1, 1)?;
    Ok(vm.not_implemented)
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let h = (args[0].0 >> 4) as i64;
    Ok(vm.new_int(h))
}

/// An attribute name argument must be a str (CPython: "attribute name must be string").
/// The attribute name argument of object's and type's attribute slots: a str as given, an
/// instance of a str subclass by its (interned) string value (PyObject_GenericGetAttr looks
/// the string up, not the wrapper), else "attribute name must be string, not 'T'".
pub fn attr_name_check(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if as_str(name).is_some() {
        return Ok(name);
    }
    if let Some(s) = super::subclass::str_arg(name) {
        let s = s.s.to_string();
        return Ok(vm.intern(&s));
    }
    let tn = vm.type_name(name);
    Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
}

/// CPython's `hackcheck` (typeobject.c): `object.__setattr__` / `__delattr__` must not jump
/// over a C-level override, and a class's is `type.__setattr__` (it keeps the method caches
/// and immutable builtin types safe), so applying object's to any class is refused, before
/// the name is even looked at.
fn hackcheck(vm: &mut Vm, obj: Value, what: &str) -> PyResult<()> {
    if as_type(obj).is_none() {
        return Ok(());
    }
    let tn = vm.tp_name(obj);
    Err(vm.type_error(format!("can't apply this {what} to {tn} object")))
}

pub(crate) fn object_setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__setattr__", args, kw, 1, 2, 2)?;
    hackcheck(vm, args[0], "__setattr__")?;
    let name = attr_name_check(vm, args[1])?;
    super::subclass::object_setattr(vm, args[0], name, args[2])?;
    Ok(vm.none)
}

pub(crate) fn object_getattribute(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__getattribute__", args, kw, 1, 1, 1)?;
    let name = attr_name_check(vm, args[1])?;
    match attr::object_getattribute_opt(vm, args[0], name)? {
        Some(v) => Ok(v),
        None => {
            let (tn, n) = (vm.tp_name(args[0]), str_of(name).to_string());
            let e = vm.attribute_error(format!("'{tn}' object has no attribute '{n}'"));
            attr::set_name_obj(vm, e, name, args[0]);
            Err(e)
        }
    }
}

/// `type.__getattribute__(cls, name)`: the class attribute lookup (type_getattro), for
/// classes only.
fn type_getattribute(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__getattribute__", args, kw, 1, 1, 1)?;
    let name = attr_name_check(vm, args[1])?;
    match attr::type_getattr(vm, args[0], name)? {
        Some(v) => Ok(v),
        None => Err(attr::no_attr(vm, args[0], name)),
    }
}

pub(crate) fn object_delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__delattr__", args, kw, 1, 1, 1)?;
    hackcheck(vm, args[0], "__delattr__")?;
    let name = attr_name_check(vm, args[1])?;
    super::subclass::object_delattr(vm, args[0], name)?;
    Ok(vm.none)
}

fn object_format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__format__", args, kw, 1, 1, 1)?;
    if as_str(args[1]).is_none() && super::subclass::str_arg(args[1]).is_none() {
        let tn = vm.arg_type_name(args[1]);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    }
    if !str_of(super::subclass::base_value(args[1]).unwrap_or(args[1])).is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    repr::str(vm, args[0])
}

fn type_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, _) = split_kw(args, kw);
    match pos.len() {
        4 => {
            // type.__new__'s argument clinic checks, in CPython's order.
            let want = [
                (vm.t.str_, "str"),
                (vm.t.tuple, "tuple"),
                (vm.t.dict, "dict"),
            ];
            for (i, (t, tn)) in want.into_iter().enumerate() {
                if !vm.isinstance(pos[i + 1], t) {
                    let an = if pos[i + 1] == vm.none {
                        "None".to_string()
                    } else {
                        vm.type_name(pos[i + 1])
                    };
                    return Err(vm.type_error(format!(
                        "type.__new__() argument {} must be {tn}, not {an}",
                        i + 1
                    )));
                }
            }
            let bases = riter::collect(vm, pos[2])?;
            let Some(m) =
                as_type(pos[0]).map(|_| pos[0].as_ptr::<TypeObject>() as *const TypeObject)
            else {
                return Err(vm.type_error("type.__new__(X): X is not a type object"));
            };
            if !super::metatype::is_metaclass(vm, m) {
                let n = type_data(m).name.clone();
                return Err(
                    vm.type_error(format!("type.__new__({n}): {n} is not a subtype of type"))
                );
            }
            // The most derived metaclass of the bases wins (it may differ from the one called).
            let meta = super::metatype::calculate_meta(vm, m, &bases)?;
            let kwargs = &args[args.len() - kw.len()..];
            if meta != m {
                // A more derived metaclass with its own __new__ creates the class instead.
                let nk = vm.sname("__new__");
                if let Some(n) = crate::vm::runtime::attr::lookup_type(meta, nk) {
                    let f = as_method_wrapper(n).map(|i| *i).unwrap_or(n);
                    if as_builtin(f).is_none() {
                        let mut a = vec![Value::from_ptr(meta)];
                        a.extend_from_slice(&args[1..]);
                        return call(vm, f, &a, kw);
                    }
                }
            }
            new_class(vm, meta, pos[1], &bases, pos[3], kwargs, kw)
        }
        // (`type(x)` is answered by the call itself: `call::type_call_default`.)
        n => Err(vm.type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            n.saturating_sub(1)
        ))),
    }
}

fn caller_module_name(vm: &mut Vm) -> Option<String> {
    if vm.current.is_null() {
        return None;
    }
    let g = vm.current.get().globals;
    let k = vm.sname("__name__");
    let n = dict_get_str(vm, g, k)?;
    as_str(n).map(|s| s.s.to_string())
}

/// Creates a class of metaclass `meta` from its name, bases and namespace (a dict or a dict
/// subclass instance from `__prepare__`); `kwvalues`/`kwnames` are the class keywords passed on
/// to `__init_subclass__`.
pub fn new_class(
    vm: &mut Vm,
    meta: *const TypeObject,
    name: Value,
    bases: &[Value],
    ns: Value,
    kwvalues: &[Value],
    kwnames: &[Value],
) -> PyResult {
    let ns = if as_dict(ns).is_some() && obj_type(ns) == vm.t.dict {
        ns
    } else if let Some(b) = super::subclass::base_value(ns).filter(|b| as_dict(*b).is_some()) {
        b
    } else if as_dict(ns).is_some() {
        ns
    } else {
        let tn = vm.type_name(ns);
        return Err(vm.type_error(format!("type.__new__() argument 4 must be dict, not {tn}")));
    };
    let mut bases = bases.to_vec();
    if bases.is_empty() {
        bases.push(Value::from_ptr(vm.t.object));
    }
    let mut is_exc = false;
    for &b in &bases {
        let Some(bd) = as_type(b) else {
            let tn = vm.type_name(b);
            let _ = tn;
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        };
        if !bd.base_ok {
            let n = bd.name.clone();
            // CPython's built-in types without Py_TPFLAGS_BASETYPE; the others (bytearray,
            // super, ...) can be subclassed in CPython and are refused here as unsupported.
            if [
                "bool",
                "NoneType",
                "function",
                "generator",
                "coroutine",
                "async_generator",
                "range",
                "slice",
                "memoryview",
                "ellipsis",
                "NotImplementedType",
                "method",
                "builtin_function_or_method",
                "code",
                "frame",
                "cell",
                "traceback",
                "mappingproxy",
                "method-wrapper",
                "wrapper_descriptor",
                "method_descriptor",
                "member_descriptor",
                "getset_descriptor",
            ]
            .contains(&n.as_str())
                || n.ends_with("iterator")
                || n.starts_with("dict_")
            {
                return Err(vm.type_error(format!("type '{n}' is not an acceptable base type")));
            }
            return Err(vm.not_implemented(format!("subclassing the built-in type '{n}'")));
        }
        is_exc |= bd.is_exception;
    }
    let dict = vm.new_dict();
    let mut classcell = Value::NULL;
    for (k, v) in items_of(ns) {
        let ks = str_of(k);
        if ks == "__classcell__" {
            classcell = v;
            continue;
        }
        // type.__new__ takes `__qualname__` out of the namespace (it is the type's own field).
        if ks == "__qualname__" {
            continue;
        }
        let v = if (ks == "__new__") && as_function(v).is_some() {
            let ty = vm.t.staticmethod;
            vm.heap.alloc(ty, v)
        } else if (ks == "__init_subclass__" || ks == "__class_getitem__")
            && as_function(v).is_some()
        {
            let ty = vm.t.classmethod;
            vm.heap.alloc(ty, v)
        } else {
            v
        };
        dict_set(vm, dict, k, v)?;
    }
    // A class that defines __eq__ but not __hash__ is unhashable (type.__new__ sets it to None).
    let (ek, hk) = (vm.sname("__eq__"), vm.sname("__hash__"));
    if dict_get_str(vm, ns, ek).is_some() && dict_get_str(vm, ns, hk).is_none() {
        let none = vm.none;
        dict_set(vm, dict, hk, none)?;
    }
    let qk = vm.sname("__qualname__");
    let qualname = dict_get_str(vm, ns, qk)
        .map(|q| str_of(q).to_string())
        .unwrap_or_else(|| str_of(name).to_string());
    let mk = vm.sname("__module__");
    // Without `__module__` in the namespace (`type(name, bases, ns)`), CPython takes the
    // calling frame's `__name__`.
    let module = match dict_get_str(vm, ns, mk) {
        Some(m) if as_str(m).is_some() => str_of(m).to_string(),
        Some(_) => "builtins".into(),
        None => caller_module_name(vm).unwrap_or_else(|| "builtins".into()),
    };
    if !bases
        .iter()
        .any(|b| type_data(b.as_ptr()).name == "object" && bases.len() > 1)
    {}
    let cls = vm.heap.alloc(
        meta,
        TypeData {
            name: str_of(name).to_string(),
            qualname,
            module,
            bases: bases.clone(),
            mro: Vec::new(),
            dict,
            layout: Layout::Instance,
            builtin: false,
            base_ok: true,
            is_exception: is_exc,
            lookup_cache: Default::default(),
            ctor_cache: std::cell::Cell::new((0, Value::NULL, Value::NULL, false)),
            always_true: std::cell::Cell::new(0),
            default_eq: std::cell::Cell::new((0, false)),
            finalizer: std::cell::Cell::new((0, false)),
            ext: None,
            version: std::cell::Cell::new(crate::vm::runtime::attr::next_type_version()),
            subclasses: Default::default(),
            keys: Default::default(),
            c_type: Default::default(),
        },
    );
    let Some(mro) = c3_mro(cls, &bases) else {
        return Err(super::mro_error(vm, &bases));
    };
    type_data_mut(cls.as_ptr()).mro = mro;
    for b in &bases {
        type_data(b.as_ptr()).subclasses.borrow_mut().push(cls);
    }
    let w = crate::vm::modules::weakref::new_weak(vm, cls, Value::NULL);
    vm.classes.push(w);
    crate::vm::runtime::attr::invalidate_cache();
    super::subclass::setup_class(vm, cls)?;
    super::getset::add_class_descriptors(vm, cls.as_ptr());
    // As type.__new__ (after the slots): a class without a docstring has `__doc__` None in
    // its dict.
    let dk = vm.sname("__doc__");
    if dict_get_str(vm, dict, dk).is_none() {
        let none = vm.none;
        dict_set(vm, dict, dk, none)?;
        crate::vm::runtime::attr::type_modified(cls.as_ptr());
    }
    if let Some(c) = as_cell(classcell) {
        *c = cls;
    }
    // The new class is only referenced from here until returned: keep it rooted while
    // __set_name__ and __init_subclass__ run Python code (CPython calls them in this order).
    vm.roots.push(cls);
    let r = (|| -> PyResult<()> {
        let sn = vm.sname("__set_name__");
        for (k, v) in items_of(dict) {
            if as_instance(v).is_some() || as_property(v).is_some() {
                if let Some(f) = attr::lookup_type(obj_type(v), sn) {
                    crate::vm::runtime::call::call_method_value(vm, f, v, &[cls, k])?;
                }
            }
        }
        let k = vm.sname("__init_subclass__");
        for &b in &type_data(cls.as_ptr()).mro.clone()[1..] {
            if let Some(f) = dict_get_str(vm, type_data(b.as_ptr()).dict, k) {
                if let Some(inner) = as_method_wrapper(f) {
                    let inner = *inner;
                    let mut a = vec![cls];
                    a.extend_from_slice(kwvalues);
                    call(vm, inner, &a, kwnames)?;
                }
                break;
            }
        }
        Ok(())
    })();
    vm.roots.pop();
    r?;
    Ok(cls)
}

fn type_mro(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "type.mro", args, kw, 1, 0, 0)?;
    let m = type_data(args[0].as_ptr()).mro.clone();
    Ok(vm.new_list(m))
}

/// `cls.__subclasses__()`: the live classes naming `cls` among their bases, oldest first.
fn type_subclasses(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__subclasses__", args, kw, 1, 0, 0)?;
    let cls = args[0];
    let mut out: Vec<Value> =
        vm.t.all()
            .into_iter()
            .filter(|t| type_data(t.as_ptr::<TypeObject>()).bases.contains(&cls))
            .collect();
    vm.classes
        .retain(|w| as_weakref(*w).is_some_and(|d| !d.referent.get().is_null()));
    for &w in &vm.classes {
        let c = as_weakref(w).unwrap().referent.get();
        if type_data(c.as_ptr::<TypeObject>()).bases.contains(&cls) {
            out.push(c);
        }
    }
    Ok(vm.new_list(out))
}

fn range_arg(vm: &mut Vm, v: Value) -> PyResult<IntVal> {
    match crate::vm::runtime::num::index_value(vm, v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// `range.__reduce__(*args)`: `(range, (start, stop, step))`; CPython's METH_VARARGS method
/// ignores its positional arguments.
fn range_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("range.__reduce__() takes no keyword arguments"));
    }
    let r = args[0];
    let mut parts = Vec::with_capacity(3);
    for name in ["start", "stop", "step"] {
        let k = vm.intern(name);
        let v = crate::vm::runtime::attr::getattr(vm, r, k)?;
        vm.roots.push(v);
        parts.push(v);
    }
    let t = vm.new_tuple(parts);
    vm.roots.truncate(vm.roots.len() - 3);
    let cls = Value::from_ptr(vm.t.range);
    Ok(vm.new_tuple(vec![cls, t]))
}

fn range_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (IntVal::Small(0), range_arg(vm, a[0])?, IntVal::Small(1)),
        2 => (range_arg(vm, a[0])?, range_arg(vm, a[1])?, IntVal::Small(1)),
        3 => (
            range_arg(vm, a[0])?,
            range_arg(vm, a[1])?,
            range_arg(vm, a[2])?,
        ),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if let (IntVal::Small(start), IntVal::Small(stop), IntVal::Small(step)) = (&start, &stop, &step)
    {
        let (start, stop, step) = (*start, *stop, *step);
        if step == 0 {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        let ty = vm.t.range;
        return Ok(vm.heap.alloc(
            ty,
            RangeData {
                start,
                stop,
                step,
                big: None,
            },
        ));
    }
    let step = step.to_big();
    if num_traits::Zero::is_zero(&step) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(super::range_big::new_range(
        vm,
        start.to_big(),
        stop.to_big(),
        step,
    ))
}

fn range_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "range.index", args, kw, 1, 1, 1)?;
    if let Some(i) = super::range_big::int_big(args[1]) {
        let r = as_range(args[0]).unwrap();
        if super::range_big::contains_int(r, &i) {
            let n = super::range_big::index_of(r, &i);
            return Ok(vm.new_bigint(n));
        }
    } else {
        // Other objects are searched for by iteration (equality), as CPython does.
        let it = riter::get_iter(vm, args[0])?;
        vm.roots.push(it);
        let mut n = 0i64;
        let found = loop {
            match riter::next(vm, it) {
                Ok(Some(x)) => match compare::eq(vm, x, args[1]) {
                    Ok(true) => break Ok(true),
                    Ok(false) => n += 1,
                    Err(e) => break Err(e),
                },
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        vm.roots.pop();
        if found? {
            return Ok(vm.new_int(n));
        }
    }
    let s = repr::repr_string(vm, args[1])?;
    Err(vm.value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "range.count", args, kw, 1, 1, 1)?;
    let c = compare::contains(vm, args[0], args[1])?;
    Ok(vm.new_int(c as i64))
}

fn slice_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "slice", args, kw, 1, 1, 3)?;
    let a = &args[1..];
    let none = vm.none;
    let (s, e, st) = match a.len() {
        1 => (none, a[0], none),
        2 => (a[0], a[1], none),
        _ => (a[0], a[1], a[2]),
    };
    Ok(crate::vm::runtime::subscr::new_slice(vm, s, e, st))
}

/// `slice.indices(length)`: (start, stop, step) clipped to a sequence of `length` items.
fn slice_indices_method(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "slice.indices", args, kw, 1, 1, 1)?;
    // CPython's slice_indices: PyNumber_Index(length), refused when negative, then
    // _PySlice_GetLongIndices, all on ints of any size (`slice(None).indices(10**30)`).
    let Some(len) = crate::vm::runtime::num::index_value(vm, args[1])? else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let len = len.to_big();
    if len.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("length should not be negative"));
    }
    let Some(sl) = as_slice(args[0]) else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "descriptor 'indices' for 'slice' objects doesn't apply to a '{tn}' object"
        )));
    };
    let (a, b, c) = (sl.start, sl.stop, sl.step);
    let (start, stop, step) = super::range_big::slice_indices(vm, a, b, c, &len)?;
    let t = vec![
        vm.new_bigint(start),
        vm.new_bigint(stop),
        vm.new_bigint(step),
    ];
    Ok(vm.new_tuple(t))
}

fn property_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, property_new)? {
        return Ok(r);
    }
    let p = property_args(vm, &args[1..], kw)?;
    let ty = vm.t.property;
    Ok(vm.heap.alloc(ty, p))
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`'s arguments (`args` without the class
/// or the instance).
fn property_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<PropertyData> {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() + kws.len() > 4 {
        let n = pos.len() + kws.len();
        return Err(vm.type_error(format!("property() takes at most 4 arguments ({n} given)")));
    }
    let mut p = PropertyData {
        fget: Value::NULL,
        fset: Value::NULL,
        fdel: Value::NULL,
        doc: Value::NULL,
        name: Value::NULL,
    };
    for (i, &v) in pos.iter().enumerate() {
        match i {
            0 => p.fget = v,
            1 => p.fset = v,
            2 => p.fdel = v,
            _ => p.doc = v,
        }
    }
    for (k, v) in kws {
        match k {
            "fget" => p.fget = v,
            "fset" => p.fset = v,
            "fdel" => p.fdel = v,
            "doc" => p.doc = v,
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for property()"
                )))
            }
        }
    }
    Ok(p)
}

/// `property.__init__(self, fget=None, fset=None, fdel=None, doc=None)`: (re)sets the accessors,
/// as CPython's property_init does: a subclass's `__init__` may pass other functions than its
/// constructor got (`super().__init__(wrapped(f))`). The name from `__set_name__` stays.
fn property_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let Some(&this) = args.first() else {
        return Err(vm.type_error("descriptor '__init__' of 'property' object needs an argument"));
    };
    let target = as_property(this)
        .map(|_| this)
        .or_else(|| super::subclass::base_value(this).filter(|&b| as_property(b).is_some()));
    let Some(target) = target else {
        let tn = vm.type_name(this);
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a 'property' object but received a '{tn}'"
        )));
    };
    let new = property_args(vm, &args[1..], kw)?;
    let p = as_property(target).unwrap();
    (p.fget, p.fset, p.fdel, p.doc) = (new.fget, new.fset, new.fdel, new.doc);
    Ok(vm.none)
}

fn property_copy(vm: &mut Vm, p: Value, which: usize, f: Value) -> PyResult {
    let old = as_property(p).unwrap();
    let mut n = PropertyData {
        fget: old.fget,
        fset: old.fset,
        fdel: old.fdel,
        doc: old.doc,
        name: old.name,
    };
    match which {
        0 => n.fget = f,
        1 => n.fset = f,
        _ => n.fdel = f,
    }
    let ty = vm.t.property;
    Ok(vm.heap.alloc(ty, n))
}
fn property_getter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getter", args, kw, 1, 1, 1)?;
    property_copy(vm, args[0], 0, args[1])
}
fn property_setter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "setter", args, kw, 1, 1, 1)?;
    property_copy(vm, args[0], 1, args[1])
}
fn property_deleter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "deleter", args, kw, 1, 1, 1)?;
    property_copy(vm, args[0], 2, args[1])
}
fn property_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    if args.len() < 2 || args[1] == vm.none {
        return Ok(args[0]);
    }
    let t = vm.type_of(args[1]);
    attr::bind_descriptor(vm, args[0], args[1], t)
}
fn property_set(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__set__", args, kw, 1, 2, 2)?;
    attr::property_set(vm, args[0], args[1], Some(args[2]))?;
    Ok(vm.none)
}
fn property_delete(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__delete__", args, kw, 1, 1, 1)?;
    attr::property_set(vm, args[0], args[1], None)?;
    Ok(vm.none)
}
/// `property.__set_name__(owner, name)`: remembers the name for the error messages.
fn property_set_name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() || args.len() != 3 {
        let n = args.len() - 1 + kw.len();
        return Err(vm.type_error(format!(
            "__set_name__() takes 2 positional arguments but {n} were given"
        )));
    }
    as_property(args[0]).unwrap().name = args[2];
    Ok(vm.none)
}

fn descriptor_init(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.none)
}

fn method_wrapper_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (obj, owner) = get_args(vm, args, kw)?;
    attr::bind_descriptor(vm, args[0], obj, owner)
}

/// `__get__(obj, type=None)`'s arguments (wrap_descr_get): obj, NULL for None, and the owner
/// type (obj's type when none is given); both None is an error.
fn get_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(Value, *const TypeObject)> {
    nargs(vm, "__get__", args, kw, 1, 1, 2)?;
    let obj = if args[1] == vm.none {
        Value::NULL
    } else {
        args[1]
    };
    let owner = match args.get(2) {
        Some(&t) if as_type(t).is_some() => t.as_ptr::<TypeObject>() as *const TypeObject,
        _ if !obj.is_null() => vm.type_of(obj),
        _ => return Err(vm.type_error("__get__(None, None) is invalid")),
    };
    Ok((obj, owner))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, classmethod_new)? {
        return Ok(r);
    }
    // cm_init / sm_init: _PyArg_NoKeywords, then PyArg_UnpackTuple(args, "classmethod", 1, 1).
    super::unpack_tuple_nargs(vm, "classmethod", args, kw, 1, 1, 1)?;
    let ty = vm.t.classmethod;
    Ok(vm.heap.alloc(ty, args[1]))
}
/// `module(name, doc=None)` (types.ModuleType): a new module with `__name__`, `__doc__` and
/// None for `__package__`, `__loader__` and `__spec__`, as CPython's.
fn module_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) =
        super::subclass::new_subclass(vm, &args[..1.min(args.len())], &[], module_new_bare)?
    {
        // An instance of a ModuleType subclass wraps a module whose namespace is the
        // instance's `__dict__`: attributes set either way are the module's globals.
        let md = super::subclass::base_value(r).and_then(|b| as_module(b).map(|m| m.dict));
        if let (Some(d), Some(inst)) = (md, as_instance(r)) {
            inst.dict = d;
        }
        return Ok(r);
    }
    let m = module_new_bare(vm, &args[..1.min(args.len())], &[])?;
    // Type calls of built-in types run only __new__: it does __init__'s work too.
    vm.roots.push(m);
    let mut a = args.to_vec();
    if let Some(first) = a.first_mut() {
        *first = m;
    }
    let r = module_init(vm, &a, kw);
    vm.roots.pop();
    r?;
    Ok(m)
}

fn module_new_bare(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let m = vm.new_module("?");
    let d = as_module(m).unwrap().dict;
    let none = vm.none;
    for n in ["__doc__", "__package__", "__loader__", "__spec__"] {
        let k = vm.intern(n);
        rdict::dict_set_str(vm, d, k, none);
    }
    Ok(m)
}

fn module_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let mut name = pos.get(1).copied();
    let mut doc = pos.get(2).copied();
    for (k, v) in kws {
        match k {
            "name" => name = Some(v),
            "doc" => doc = Some(v),
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for module()"))
                )
            }
        }
    }
    if pos.len() > 3 {
        return Err(vm.type_error("module() takes at most 2 arguments"));
    }
    let Some(name) = name else {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    };
    if as_str(crate::vm::types::subclass::base_value(name).unwrap_or(name)).is_none() {
        let tn = vm.type_name(name);
        return Err(vm.type_error(format!(
            "module.__init__() argument 'name' must be str, not {tn}"
        )));
    }
    let this = crate::vm::types::subclass::base_value(args[0]).unwrap_or(args[0]);
    let Some(md) = as_module(this) else {
        return Ok(vm.none);
    };
    md.name = name;
    let d = md.dict;
    let k = vm.sname("__name__");
    rdict::dict_set_str(vm, d, k, name);
    let doc = doc.unwrap_or(vm.none);
    let k = vm.sname("__doc__");
    rdict::dict_set_str(vm, d, k, doc);
    Ok(vm.none)
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, staticmethod_new)? {
        return Ok(r);
    }
    // cm_init / sm_init: _PyArg_NoKeywords, then PyArg_UnpackTuple(args, "staticmethod", 1, 1).
    super::unpack_tuple_nargs(vm, "staticmethod", args, kw, 1, 1, 1)?;
    let ty = vm.t.staticmethod;
    Ok(vm.heap.alloc(ty, args[1]))
}

/// `staticmethod.__call__(sm, *args, **kw)`: calls the wrapped callable.
fn staticmethod_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let Some(inner) = as_method_wrapper(args[0]).map(|v| *v) else {
        let tn = vm.tp_name(args[0]);
        return Err(vm.type_error(format!("'{tn}' object is not callable")));
    };
    crate::vm::runtime::call::call(vm, inner, &args[1..], kw)
}

/// `f.__call__(*args, **kw)` of a function, method or built-in: calls it.
fn callable_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    crate::vm::runtime::call::call(vm, args[0], &args[1..], kw)
}

/// `super.__init__(self, type, obj)`: re-binds a super object (CPython's super_init; argument
/// 1 must be a type, checked before anything else).
fn super_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    if let Some(&t) = args.get(1) {
        if as_type(t).is_none() {
            let tn = vm.type_name(t);
            return Err(vm.type_error(format!("super() argument 1 must be type, not {tn}")));
        }
    }
    let st = Value::from_ptr(vm.t.super_);
    let mut a = vec![st];
    a.extend_from_slice(&args[1..]);
    let fresh = super_new(vm, &a, kw)?;
    let (Some(dst), Some(src)) = (as_super(args[0]), as_super(fresh)) else {
        return Ok(vm.none);
    };
    (dst.ty, dst.obj, dst.obj_type) = (src.ty, src.obj, src.obj_type);
    Ok(vm.none)
}

fn super_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    // super_init: _PyArg_NoKeywords("super"), then PyArg_ParseTuple(args, "|O!O:super").
    if !kw.is_empty() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    if args.len() > 3 {
        let n = args.len() - 1;
        return Err(vm.type_error(format!("super() expected at most 2 arguments, got {n}")));
    }
    let (ty, obj) = if args.len() == 3 {
        (args[1], args[2])
    } else if args.len() == 1 {
        // Zero-argument form: __class__ cell and first argument of the calling frame.
        let f = vm.current;
        if f.is_null() {
            return Err(vm.err("RuntimeError", "super(): no current frame"));
        }
        let code = framestack::frame_code(f.get());
        let cd = as_code(code).unwrap();
        let nlp = cd.code.nlocalsplus();
        let slots = f.slots(nlp);
        // CPython's super_init_without_args, its checks in its order.
        if cd.code.argcount == 0 {
            return Err(vm.err("RuntimeError", "super(): no arguments"));
        }
        let mut first = slots[0];
        if let Some(c) = as_cell(first) {
            if cd.code.localspluskinds[0] & crate::bytecode::code::slot_kind::CELL != 0 {
                first = *c;
            }
        }
        if first.is_null() {
            return Err(vm.err("RuntimeError", "super(): arg[0] deleted"));
        }
        // `__class__` is a free variable (the compiler adds it for a method using super), and
        // free variables come last: search those from the end.
        let kinds = &cd.code.localspluskinds;
        let mut cell = None;
        for (i, n) in cd.localsplusnames.iter().enumerate().rev() {
            if kinds
                .get(i)
                .is_some_and(|k| k & crate::bytecode::code::slot_kind::FREE == 0)
            {
                break;
            }
            if str_of(*n) == "__class__" {
                cell = Some(slots[i]);
                break;
            }
        }
        let Some(cell) = cell else {
            return Err(vm.err("RuntimeError", "super(): __class__ cell not found"));
        };
        let cls = as_cell(cell).map(|c| *c).unwrap_or(Value::NULL);
        if cls.is_null() {
            return Err(vm.err("RuntimeError", "super(): empty __class__ cell"));
        }
        if as_type(cls).is_none() {
            let tn = vm.type_name(cls);
            return Err(vm.err(
                "RuntimeError",
                format!("super(): __class__ is not a type ({tn})"),
            ));
        }
        (cls, first)
    } else {
        // `super(T)`: an unbound super object, bound later by its `__get__`.
        (args[1], Value::NULL)
    };
    if as_type(ty).is_none() {
        let tn = vm.type_name(ty);
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
    }
    // `super(T, None)` is unbound too.
    if obj.is_null() || obj == vm.none {
        let st = vm.t.super_;
        let null = Value::NULL;
        return Ok(vm.heap.alloc(
            st,
            SuperData {
                ty,
                obj: null,
                obj_type: null,
            },
        ));
    }
    let obj_type = if as_type(obj).is_some() && vm.is_subtype(obj.as_ptr(), ty.as_ptr()) {
        obj
    } else if vm.isinstance(obj, ty.as_ptr()) {
        Value::from_ptr(vm.type_of(obj))
    } else {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    };
    let st = vm.t.super_;
    Ok(vm.heap.alloc(st, SuperData { ty, obj, obj_type }))
}

/// `super.__get__(obj, type=None)`: binds an unbound super object to `obj` (a bound one, or
/// `obj` None, gives the super object itself).
fn super_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__get__", args, kw, 1, 1, 2)?;
    if args[1] == vm.none && args.get(2).is_none_or(|t| *t == vm.none) {
        return Err(vm.type_error("__get__(None, None) is invalid"));
    }
    let sd = as_super(args[0]).unwrap();
    if args[1] == vm.none || !sd.obj.is_null() {
        return Ok(args[0]);
    }
    let (sp, ty) = (Value::from_ptr(vm.t.super_), sd.ty);
    call(vm, sp, &[ty, args[1]], &[])
}

/// Attribute lookup through a super object.
pub fn super_getattr(vm: &mut Vm, s: Value, name: Value) -> PyResult<Option<Value>> {
    let sd = as_super(s).unwrap();
    let (ty, obj, obj_type) = (sd.ty, sd.obj, sd.obj_type);
    // An unbound super finds nothing through the MRO: only its own attributes; nor does
    // `__class__` (CPython's super_getattro: the super object's own class, not object's
    // descriptor applied to the instance).
    if obj.is_null() || str_of(name) == "__class__" {
        return Ok(None);
    }
    // The MRO is read in place (a str-keyed lookup runs no Python code that could replace it).
    let mro = &type_data(obj_type.as_ptr()).mro;
    let start = mro
        .iter()
        .position(|&t| t == ty)
        .map(|i| i + 1)
        .unwrap_or(mro.len());
    for t in &mro[start..] {
        let d = type_data(t.as_ptr()).dict;
        if let Some(v) = dict_get_str(vm, d, name) {
            let inst = if obj == obj_type { Value::NULL } else { obj };
            if inst.is_null() {
                if as_method_wrapper(v).is_some() {
                    return attr::bind_descriptor(vm, v, Value::NULL, obj_type.as_ptr()).map(Some);
                }
                return Ok(Some(v));
            }
            return attr::bind_descriptor(vm, v, inst, obj_type.as_ptr()).map(Some);
        }
    }
    Ok(None)
}

pub(crate) fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    // Only a built-in iterator: anything else would come back here through its `__next__`.
    if layout_of(args[0]) == Layout::Instance {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "descriptor '__next__' requires an iterator object but received '{tn}'"
        )));
    }
    match riter::next(vm, args[0])? {
        Some(v) => Ok(v),
        None => {
            let none = vm.none;
            Err(super::genobj::stop_iteration(vm, none))
        }
    }
}

pub(crate) fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(args[0])
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, enumerate_new)? {
        return Ok(r);
    }
    let (pos, kws) = split_kw(args, kw);
    if pos.len() + kws.len() > 3 {
        return Err(vm.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            pos.len() + kws.len() - 1
        )));
    }
    let mut it = pos.get(1).copied();
    let mut start = pos.get(2).copied();
    for (k, v) in kws {
        match k {
            "start" => start = Some(v),
            "iterable" => it = Some(v),
            _ => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for enumerate()"
                )))
            }
        }
    }
    let Some(it) = it else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let it = riter::get_iter(vm, it)?;
    let n = match start {
        // PyNumber_Index makes True an int 1.
        Some(s) if as_bool_obj(s).is_some() => Value::try_from_i64((s == vm.true_) as i64).unwrap(),
        Some(s) if int_of(s).is_some() => s,
        // enumerate counts from the int value of an int subclass instance.
        Some(s) if super::subclass::int_arg(s).is_some() => super::subclass::base_value(s).unwrap(),
        // PyNumber_Index: a class's __index__.
        Some(s) => match crate::vm::runtime::num::index_value(vm, s)? {
            Some(i) => crate::vm::runtime::num::new_int(vm, i),
            None => {
                let tn = vm.type_name(s);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        },
        None => Value::try_from_i64(0).unwrap(),
    };
    let ty = vm.t.enumerate;
    Ok(vm.new_iter(ty, IterData::Enumerate { it, n }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, zip_new)? {
        return Ok(r);
    }
    let (pos, kws) = split_kw(args, kw);
    let mut strict = false;
    for (k, v) in kws {
        if k == "strict" {
            strict = compare::truthy(vm, v)?;
        } else {
            return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for zip()")));
        }
    }
    let mut its = Vec::new();
    for &a in &pos[1..] {
        match riter::get_iter(vm, a) {
            Ok(it) => {
                vm.roots.push(it);
                its.push(it)
            }
            Err(e) => {
                // get_iter's own error ("not iterable", or what `__iter__` raised).
                vm.roots.truncate(vm.roots.len() - its.len());
                return Err(e);
            }
        }
    }
    let n = its.len();
    let ty = vm.t.zip;
    let r = vm.new_iter(ty, IterData::Zip { its, strict });
    vm.roots.truncate(vm.roots.len() - n);
    Ok(r)
}

fn map_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass_init_kw(vm, args, kw, map_new)? {
        return Ok(r);
    }
    if !kw.is_empty() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for &a in &args[2..] {
        let it = riter::get_iter(vm, a)?;
        vm.roots.push(it);
        its.push(it);
    }
    let n = its.len();
    let ty = vm.t.map;
    let r = vm.new_iter(ty, IterData::Map { f: args[1], its });
    vm.roots.truncate(vm.roots.len() - n);
    Ok(r)
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass_init_kw(vm, args, kw, filter_new)? {
        return Ok(r);
    }
    nargs(vm, "filter", args, kw, 1, 2, 2)?;
    let it = riter::get_iter(vm, args[2])?;
    let ty = vm.t.filter;
    Ok(vm.new_iter(ty, IterData::Filter { f: args[1], it }))
}

fn reversed_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, reversed_new)? {
        return Ok(r);
    }
    // Argument Clinic: _PyArg_NoKeywords, then _PyArg_CheckPositional("reversed", n, 1, 1).
    super::unpack_tuple_nargs(vm, "reversed", args, kw, 1, 1, 1)?;
    let mut v = args[1];
    if let Some(b) = super::subclass::defer_to_base(vm, v, "__reversed__") {
        if super::subclass::defer_to_base(vm, v, "__getitem__").is_some() {
            v = b;
        }
    }
    let dict_kind = match as_view(v) {
        Some(vd) => Some((vd.dict, vd.kind)),
        None if as_dict(v).is_some() && obj_type(v) == vm.t.dict => Some((v, DictIterKind::Keys)),
        None => None,
    };
    if let Some((dict, kind)) = dict_kind {
        let table = &as_dict(dict).unwrap().table;
        let (idx, len) = (table.slots(), table.len());
        let ty = match kind {
            DictIterKind::Keys => vm.t.dict_reversekeyiterator,
            DictIterKind::Values => vm.t.dict_reversevalueiterator,
            DictIterKind::Items => vm.t.dict_reverseitemiterator,
        };
        return Ok(vm.new_iter(
            ty,
            IterData::DictRev {
                dict,
                idx,
                kind,
                len,
            },
        ));
    }
    if let Some(l) = as_list(v) {
        let n = l.len() as isize;
        let ty = vm.t.list_reverseiterator;
        return Ok(vm.new_iter(ty, IterData::SeqRev { seq: v, idx: n - 1 }));
    }
    if let Some(t) = as_tuple(v) {
        let n = t.len() as isize;
        let ty = vm.t.reversed;
        return Ok(vm.new_iter(ty, IterData::SeqRev { seq: v, idx: n - 1 }));
    }
    if let Some(b) = as_range(v).and_then(|r| r.big.as_deref()) {
        return Ok(super::range_big::iter(vm, b, true));
    }
    if let Some(r) = as_range(v) {
        let (s, e, st) = (r.start, r.stop, r.step);
        let n = range_len(s, e, st);
        let last = s + (n - 1) * st;
        return Ok(new_range_iter(vm, last, -st, n));
    }
    if as_str(v).is_some() || as_dict(v).is_some() || as_bytes(v).is_some() {
        let items = if as_dict(v).is_some() {
            rdict::keys_of(v)
        } else {
            riter::collect(vm, v)?
        };
        let l = vm.new_tuple(items);
        let n = as_tuple(l).unwrap().len() as isize;
        let ty = vm.t.reversed;
        return Ok(vm.new_iter(ty, IterData::SeqRev { seq: l, idx: n - 1 }));
    }
    // Any other object (an instance, or a class whose metaclass defines them): its type's
    // __reversed__, else __len__ and __getitem__.
    {
        let t = vm.type_of(v);
        if let Some(f) = attr::lookup_type_str(vm, t, "__reversed__") {
            if f == vm.none {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("'{tn}' object is not reversible")));
            }
            return crate::vm::runtime::call::call_method_value(vm, f, v, &[]);
        }
        if attr::lookup_type_str(vm, t, "__getitem__").is_some()
            && attr::lookup_type_str(vm, t, "__len__").is_some()
        {
            // Lazily seq[len-1], ..., seq[0] (as CPython's reversed does).
            let n = crate::vm::builtins::len_of(vm, v)? as isize;
            let ty = vm.t.reversed;
            return Ok(vm.new_iter(ty, IterData::SeqRev { seq: v, idx: n - 1 }));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("'{tn}' object is not reversible")))
}

fn view_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let d = as_view(args[0]).unwrap().dict;
    Ok(vm.new_int(rdict::len_of(d) as i64))
}

/// `NoneType()`, `type(...)()`, `type(NotImplemented)()`: the singleton; arguments are an
/// error ("NoneType takes no arguments"). `args[0]` is the class, checked by the caller.
fn singleton_new(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let t = args[0].as_ptr::<TypeObject>() as *const TypeObject;
    let name = if t == vm.t.ellipsis_type {
        "EllipsisType"
    } else {
        type_data(t).name.as_str()
    };
    if args.len() > 1 {
        let name = name.to_string();
        return Err(vm.type_error(format!("{name} takes no arguments")));
    }
    Ok(if t == vm.t.ellipsis_type {
        vm.ellipsis
    } else if t == vm.t.not_implemented_type {
        vm.not_implemented
    } else {
        vm.none
    })
}

/// `bytes(x)`: from an int (zeros), an iterable of ints, or a str with an encoding.
pub fn bytes_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = super::subclass::new_subclass(vm, args, kw, bytes_new)? {
        return Ok(r);
    }
    let (x, enc, errors) = bytes_args(vm, "bytes", &args[1..], kw)?;
    let Some(x) = x else {
        if enc.is_some() || errors.is_some() {
            return Err(vm.type_error(if enc.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(vm.new_bytes(Vec::new()));
    };
    let xb = super::subclass::base_value(x).unwrap_or(x);
    if as_str(xb).is_none() && enc.is_none() && errors.is_none() {
        // A class's `__bytes__` comes first (array.array, user classes).
        if x.is_ptr() && layout_of(x) == Layout::Instance {
            let t = obj_type(x);
            if let Some(f) = crate::vm::runtime::attr::lookup_type_str(vm, t, "__bytes__") {
                let r = crate::vm::runtime::call::call_method_value(vm, f, x, &[])?;
                if as_bytes(r).is_none() || obj_type(r) == vm.t.bytearray {
                    let tn = vm.type_name(r);
                    return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")));
                }
                return Ok(r);
            }
        }
        // `bytes(b)` of a bytes object is that object.
        if obj_type(x) == vm.t.bytes {
            return Ok(x);
        }
    }
    let b = bytes_content(vm, "bytes", x, enc, errors)?;
    Ok(vm.new_bytes(b))
}

/// The (source, encoding, errors) arguments of `bytes()` / `bytearray()` (`who`), with
/// Argument Clinic's checks: at most 3, those keyword names, encoding and errors str.
pub fn bytes_args(
    vm: &mut Vm,
    who: &str,
    args: &[Value],
    kw: &[Value],
) -> PyResult<(Option<Value>, Option<Value>, Option<Value>)> {
    let (pos, kws) = split_kw(args, kw);
    if pos.len() + kws.len() > 3 {
        let n = pos.len() + kws.len();
        return Err(vm.type_error(format!("{who}() takes at most 3 arguments ({n} given)")));
    }
    let mut slots = [
        pos.first().copied(),
        pos.get(1).copied(),
        pos.get(2).copied(),
    ];
    for (k, v) in kws {
        let i = match k {
            "source" => 0,
            "encoding" => 1,
            "errors" => 2,
            _ => {
                return Err(
                    vm.type_error(format!("'{k}' is an invalid keyword argument for {who}()"))
                )
            }
        };
        if slots[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for {who}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v);
    }
    for (i, what) in [(1, "encoding"), (2, "errors")] {
        if let Some(v) = slots[i] {
            if as_str(super::subclass::base_value(v).unwrap_or(v)).is_none() {
                let tn = vm.type_name(v);
                return Err(
                    vm.type_error(format!("{who}() argument '{what}' must be str, not {tn}"))
                );
            }
        }
    }
    Ok((slots[0], slots[1], slots[2]))
}

/// The bytes `bytes(x, encoding, errors)` / `bytearray(...)` (`who`) makes of a source `x`:
/// an encoded str, a count of zero bytes (an int or `__index__`), a buffer's bytes, or an
/// iterable's byte values.
pub fn bytes_content(
    vm: &mut Vm,
    who: &str,
    x: Value,
    enc: Option<Value>,
    errors: Option<Value>,
) -> PyResult<Vec<u8>> {
    // Instances of str/int/bytes subclasses convert as their wrapped value.
    let xb = super::subclass::base_value(x).unwrap_or(x);
    let text = |v: Option<Value>| {
        v.map(|v| super::subclass::base_value(v).unwrap_or(v))
            .and_then(as_str)
            .map(|s| s.s.to_string())
    };
    if let Some(s) = as_str(xb) {
        let s = s.s.to_string();
        let Some(en) = text(enc) else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let errs = text(errors).unwrap_or_else(|| "strict".to_string());
        return crate::rtlib::codecs::encode(&s, &en, &errs)
            .map_err(|e| super::bytes::codec_error(vm, e));
    }
    if enc.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    // A buffer's bytes (bytes, bytearray, memoryview, array.array).
    if let Some(b) = super::memoryview::buffer_bytes(x) {
        return Ok(b.to_vec());
    }
    let is_index = int_of(xb).is_some()
        || (x.is_ptr()
            && layout_of(x) == Layout::Instance
            && crate::vm::runtime::attr::lookup_type_str(vm, obj_type(x), "__index__").is_some());
    if is_index {
        let n = match crate::vm::runtime::num::index_value(vm, x)? {
            Some(IntVal::Small(n)) => n,
            Some(IntVal::Big(b)) if i64::try_from(&b).is_ok() => i64::try_from(&b).unwrap(),
            _ => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut v = Vec::new();
        if v.try_reserve_exact(n as usize).is_err() {
            return Err(vm.err("MemoryError", ""));
        }
        v.resize(n as usize, 0);
        return Ok(v);
    }
    if riter::get_iter(vm, x).is_err() {
        let tn = vm.type_name(x);
        return Err(vm.type_error(format!("cannot convert '{tn}' object to {who}")));
    }
    let items = riter::collect(vm, x)?;
    // bytes() says "bytes must be in range(0, 256)", bytearray() "byte must ...".
    super::bytes::byte_values(vm, &items, who == "bytes")
}

pub fn install_bytes(vm: &mut Vm) {
    let t = vm.t.bytes;
    add_static(vm, t, "__new__", bytes_new, false);
}
