//! `_weakref`: weak references the collector clears (`gc::Heap::clear_weakrefs`), with
//! callbacks run after the collection; `proxy` is a small Python class over `ref`.

use super::{def, set_attr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::types::{add_method, add_static, nargs};
use crate::vm::value::Value;

/// Installs the methods of the `weakref` type (once, at start-up).
pub fn install(vm: &mut Vm) {
    let t = vm.t.weakref;
    type_data_mut(t).base_ok = true;
    crate::vm::types::type_data_mut_module(t, "weakref");
    type_data_mut(t).name = "ReferenceType".into();
    type_data_mut(t).qualname = "ReferenceType".into();
    add_static(vm, t, "__new__", ref_new, false);
    add_method(vm, t, "__init__", |vm, _a, _k| Ok(vm.none));
    add_method(vm, t, "__call__", ref_call);
    add_method(vm, t, "__hash__", ref_hash);
    add_method(vm, t, "__eq__", ref_eq);
    add_method(vm, t, "__ne__", ref_ne);
    add_method(vm, t, "__repr__", ref_repr);
    let n = vm.intern("__callback__");
    // A read-only member in CPython (`T_OBJECT`, READONLY).
    let kind = vm.t.member_descriptor;
    crate::vm::types::getset::add_descriptor(vm, t, n, kind, ref_callback, Value::NULL);
}

/// `ref.__callback__`: the callback, None for none or once the referent is gone (CPython
/// drops it then).
fn ref_callback(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__callback__", args, kw, 1, 0, 0)?;
    let r = crate::vm::types::subclass::base_value(args[0]).unwrap_or(args[0]);
    Ok(match as_weakref(r) {
        Some(w) if !w.callback.is_null() && !w.referent.get().is_null() => w.callback,
        _ => vm.none,
    })
}

pub fn create(vm: &mut Vm) -> PyResult {
    let m = vm.new_module("_weakref");
    vm.roots.push(m);
    let t = Value::from_ptr(vm.t.weakref);
    set_attr(vm, m, "ref", t);
    set_attr(vm, m, "ReferenceType", t);
    def(vm, m, "getweakrefcount", getweakrefcount);
    def(vm, m, "getweakrefs", getweakrefs);
    def(vm, m, "_remove_dead_weakref", remove_dead_weakref);
    let d = as_module(m).unwrap().dict;
    let r = crate::vm::run::exec_source(vm, PROXY_SRC.as_bytes(), "<frozen _weakref>", d);
    vm.roots.pop();
    r?;
    Ok(m)
}

/// What CPython's weakref types accept: instances of Python classes, classes, functions,
/// methods, sets, generators, code and modules (not int, str, tuple, list, dict, ...).
fn weakrefable(v: Value) -> bool {
    v.is_ptr()
        && matches!(
            layout_of(v),
            Layout::Instance
                | Layout::Type
                | Layout::Function
                | Layout::Builtin
                | Layout::BoundMethod
                | Layout::Set
                | Layout::Generator
                | Layout::Code
                | Layout::Module
                | Layout::Property
                | Layout::WeakRef
        )
}

fn ref_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if let Some(r) = crate::vm::types::subclass::new_subclass(vm, args, kw, ref_new)? {
        if let Some(base) = crate::vm::types::subclass::base_value(r).and_then(as_weakref) {
            base.wrapper.set(r);
        }
        return Ok(r);
    }
    nargs(vm, "__new__", args, &[], 1, 1, 2)?;
    let obj = args[1];
    if !weakrefable(obj) {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(format!("cannot create weak reference to '{tn}' object")));
    }
    let cb = match args.get(2) {
        Some(&c) if c != vm.none => c,
        _ => Value::NULL,
    };
    Ok(new_weak(vm, obj, cb))
}

/// A new weak reference to `obj` (callback NULL for none).
pub fn new_weak(vm: &mut Vm, obj: Value, callback: Value) -> Value {
    let ty = vm.t.weakref;
    let w = vm.heap.alloc(
        ty,
        WeakRefData {
            referent: std::cell::Cell::new(obj),
            callback,
            wrapper: std::cell::Cell::new(Value::NULL),
            hash: std::cell::Cell::new(None),
        },
    );
    vm.heap.register_weakref(w);
    w
}

/// `_remove_dead_weakref(d, key)`: deletes `d[key]` if it is a dead reference.
fn remove_dead_weakref(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "_remove_dead_weakref", args, kw, 0, 2, 2)?;
    if as_dict(args[0]).is_none() {
        return Err(vm.type_error("_remove_dead_weakref() argument 1 must be dict"));
    }
    if let Some(v) = crate::vm::runtime::dict::dict_get(vm, args[0], args[1])? {
        let b = crate::vm::types::subclass::base_value(v).unwrap_or(v);
        if as_weakref(b).is_some_and(|d| d.referent.get().is_null()) {
            crate::vm::runtime::dict::dict_del(vm, args[0], args[1])?;
        }
    }
    Ok(vm.none)
}

fn this<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a mut WeakRefData> {
    let v = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    match as_weakref(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'weakref.ReferenceType' object")),
    }
}

fn referent(vm: &mut Vm, v: Value) -> PyResult {
    let r = this(vm, v)?.referent.get();
    Ok(if r.is_null() { vm.none } else { r })
}

fn ref_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__call__", args, kw, 1, 0, 0)?;
    referent(vm, args[0])
}

fn ref_hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__hash__", args, kw, 1, 0, 0)?;
    let h = hash_value(vm, args[0])?;
    Ok(vm.new_int(h))
}

/// hash(ref): the referent's hash, remembered so it outlives the referent.
pub fn hash_value(vm: &mut Vm, w: Value) -> PyResult<i64> {
    let d = this(vm, w)?;
    if let Some(h) = d.hash.get() {
        return Ok(h);
    }
    let r = d.referent.get();
    if r.is_null() {
        return Err(vm.type_error("weak object has gone away"));
    }
    let h = crate::vm::runtime::dict::hash(vm, r)? as i64;
    this(vm, w)?.hash.set(Some(h));
    Ok(h)
}

/// Live references compare their referents; otherwise identity.
fn equal(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<bool>> {
    let bb = crate::vm::types::subclass::base_value(b).unwrap_or(b);
    if as_weakref(bb).is_none() {
        return Ok(None);
    }
    let (ra, rb) = (this(vm, a)?.referent.get(), this(vm, b)?.referent.get());
    if ra.is_null() || rb.is_null() {
        return Ok(Some(a == b));
    }
    crate::vm::runtime::compare::eq(vm, ra, rb).map(Some)
}

fn ref_eq(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__eq__", args, kw, 1, 1, 1)?;
    Ok(match equal(vm, args[0], args[1])? {
        Some(b) => vm.bool_val(b),
        None => vm.not_implemented,
    })
}

fn ref_ne(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__ne__", args, kw, 1, 1, 1)?;
    Ok(match equal(vm, args[0], args[1])? {
        Some(b) => vm.bool_val(!b),
        None => vm.not_implemented,
    })
}

fn ref_repr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "__repr__", args, kw, 1, 0, 0)?;
    let w = args[0];
    let r = this(vm, w)?.referent.get();
    let s = if r.is_null() {
        format!("<weakref at {:#x}; dead>", w.0)
    } else {
        let tn = vm.type_name(r);
        format!("<weakref at {:#x}; to '{tn}' at {:#x}>", w.0, r.0)
    };
    Ok(vm.new_str(&s))
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getweakrefcount", args, kw, 0, 1, 1)?;
    let n = vm.heap.weakrefs_to(args[0]).len();
    Ok(vm.new_int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "getweakrefs", args, kw, 0, 1, 1)?;
    let ws: Vec<Value> = vm
        .heap
        .weakrefs_to(args[0])
        .into_iter()
        .map(weakref_seen)
        .collect();
    Ok(vm.new_list(ws))
}

/// `proxy(obj[, callback])`: forwards attribute access and the common operators to the referent
/// held through a `ref`; ReferenceError once it is gone.
const PROXY_SRC: &str = r#"
def _deref(p):
    o = object.__getattribute__(p, '_ref')()
    if o is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return o

class ProxyType:
    __slots__ = ('_ref', '__weakref__')
    def __init__(self, obj, callback=None):
        object.__setattr__(self, '_ref', ref(obj, None if callback is None else (lambda r: callback(self))))
    def __getattribute__(self, name):
        return getattr(_deref(self), name)
    def __setattr__(self, name, value):
        setattr(_deref(self), name, value)
    def __delattr__(self, name):
        delattr(_deref(self), name)
    def __repr__(self):
        o = object.__getattribute__(self, '_ref')()
        return '<weakproxy at %#x; to %r at %#x>' % (id(self), type(o).__name__, id(o)) if o is not None else '<weakproxy at %#x; dead>' % id(self)
    def __str__(self): return str(_deref(self))
    def __bool__(self): return bool(_deref(self))
    def __len__(self): return len(_deref(self))
    def __iter__(self): return iter(_deref(self))
    def __getitem__(self, k): return _deref(self)[k]
    def __setitem__(self, k, v): _deref(self)[k] = v
    def __delitem__(self, k): del _deref(self)[k]
    def __contains__(self, k): return k in _deref(self)
    def __eq__(self, o): return _deref(self) == o
    def __ne__(self, o): return _deref(self) != o
    def __lt__(self, o): return _deref(self) < o
    def __le__(self, o): return _deref(self) <= o
    def __gt__(self, o): return _deref(self) > o
    def __ge__(self, o): return _deref(self) >= o
    def __add__(self, o): return _deref(self) + o
    def __sub__(self, o): return _deref(self) - o
    def __mul__(self, o): return _deref(self) * o
    __hash__ = None

class CallableProxyType(ProxyType):
    __slots__ = ()
    def __call__(self, *args, **kwargs):
        return _deref(self)(*args, **kwargs)

ProxyType.__module__ = CallableProxyType.__module__ = 'weakref'

def proxy(obj, callback=None):
    return (CallableProxyType if callable(obj) else ProxyType)(obj, callback)
"#;
