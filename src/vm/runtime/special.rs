//! Attributes that are not stored in dicts: `__class__`, `__dict__`, `__name__`, exception `args`,
//! int/float `real`/`imag`, function and code introspection, ...

use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::int_of;
use crate::vm::value::Value;

/// A function's `__annotations__` dict, made on first read (from MAKE_FUNCTION's
/// (name, value, ...) tuple, or empty).
fn function_annotations(vm: &mut Vm, f: Value) -> PyResult {
    let a = as_function(f).unwrap().annotations;
    if as_dict(a).is_some() {
        return Ok(a);
    }
    let d = vm.new_dict();
    vm.roots.push(d);
    let items = as_tuple(a).map(|t| t.to_vec()).unwrap_or_default();
    let mut r = Ok(());
    for pair in items.chunks(2) {
        if let [k, v] = pair {
            r = crate::vm::runtime::dict::dict_set(vm, d, *k, *v);
            if r.is_err() {
                break;
            }
        }
    }
    vm.roots.pop();
    r?;
    as_function(f).unwrap().annotations = d;
    Ok(d)
}

pub fn special_attr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::from_ptr(vm.type_of(obj))));
    }
    if obj.is_small_int()
        || obj.is_float()
        || matches!(layout_opt(obj), Some(Layout::BigInt | Layout::Bool))
    {
        return Ok(match name {
            "real" => Some(if obj.is_float() {
                obj
            } else {
                plain_int(vm, obj)
            }),
            "imag" => Some(if obj.is_float() {
                Value::from_f64(0.0)
            } else {
                Value::try_from_i64(0).unwrap()
            }),
            "numerator" if !obj.is_float() => Some(plain_int(vm, obj)),
            "denominator" if !obj.is_float() => Some(Value::try_from_i64(1).unwrap()),
            // As for every object: its class's (built-in classes carry no docstring here).
            "__doc__" => {
                let t = vm.type_of(obj);
                Some(crate::vm::runtime::attr::lookup_type_str(vm, t, "__doc__").unwrap_or(vm.none))
            }
            _ => None,
        });
    }
    if !obj.is_ptr() {
        return Ok(None);
    }
    let v = match layout_of(obj) {
        Layout::Complex => crate::vm::types::complex::special_attr(obj, name),
        Layout::Instance => {
            if name == "__dict__" {
                // A plain object() has none, like instances of __slots__ classes.
                let t = obj_type(obj);
                if t == vm.t.object || crate::vm::types::subclass::is_dictless(t) {
                    return Ok(None);
                }
                return Ok(Some(crate::vm::types::instance::dict(vm, obj)));
            }
            if name == "__weakref__" {
                // The first weak reference to the object (a `ref` subclass's instance for one
                // made through it), or None; only where a class adds the descriptor.
                if !crate::vm::builtins::funcs::adds_weakref(vm, obj_type(obj)) {
                    return Ok(None);
                }
                let first = vm.heap.weakrefs_to(obj).first().copied();
                return Ok(Some(first.map_or(vm.none, weakref_seen)));
            }
            let Some(e) = as_instance(obj).unwrap().exc.as_ref() else {
                // Built-in subclasses: the base value's special attributes (int.real, ...).
                if let Some(b) = crate::vm::types::subclass::base_value(obj) {
                    return special_attr(vm, b, name);
                }
                return Ok(None);
            };
            match name {
                "args" => Some(e.args),
                "__cause__" => Some(or_none(vm, e.cause)),
                "__context__" => Some(or_none(vm, e.context)),
                "__suppress_context__" => Some(vm.bool_val(e.suppress_context)),
                "__traceback__" => {
                    return crate::vm::types::frameobj::traceback_object(vm, obj).map(Some)
                }
                "errno" | "strerror" | "filename" | "filename2" => {
                    crate::vm::types::oserror::attr(vm, obj, name)
                }
                "value" if vm.isinstance(obj, vm.t.exc("StopIteration")) => {
                    let a = e.args;
                    let t = as_tuple(a).map(|t| t.first().copied()).flatten();
                    Some(t.unwrap_or(vm.none))
                }
                "code" if vm.isinstance(obj, vm.t.exc("SystemExit")) => {
                    let a = e.args;
                    let t = as_tuple(a).map(|t| t.first().copied()).flatten();
                    Some(t.unwrap_or(vm.none))
                }
                // The members of ImportError, AttributeError and NameError an exception the
                // runtime raised has not set: None, and ImportError's msg its only argument
                // (as ImportError_init sets it).
                "msg" if vm.isinstance(obj, vm.t.exc("ImportError")) => {
                    let one = as_tuple(e.args).and_then(|t| (t.len() == 1).then(|| t[0]));
                    Some(one.unwrap_or(vm.none))
                }
                "name" | "path" if vm.isinstance(obj, vm.t.exc("ImportError")) => Some(vm.none),
                "name" | "obj" if vm.isinstance(obj, vm.t.exc("AttributeError")) => Some(vm.none),
                "name" if vm.isinstance(obj, vm.t.exc("NameError")) => Some(vm.none),
                _ => None,
            }
        }
        Layout::Function => {
            let f = as_function(obj).unwrap();
            match name {
                "__name__" => Some(f.name),
                "__qualname__" => Some(f.qualname),
                "__doc__" => Some(or_none(vm, f.doc)),
                "__module__" => Some(or_none(vm, f.module)),
                "__defaults__" => Some(or_none(vm, f.defaults)),
                "__kwdefaults__" => Some(or_none(vm, f.kwdefaults)),
                "__annotations__" => Some(function_annotations(vm, obj)?),
                "__code__" => Some(f.code),
                "__globals__" => Some(f.globals),
                // CPython's _PyEval_BuiltinsFromGlobals: the globals' `__builtins__` (a
                // module's dict for a module), else the builtins module's dict.
                "__builtins__" => {
                    let g = f.globals;
                    let k = vm.intern("__builtins__");
                    let b = match as_dict(g)
                        .and_then(|_| crate::vm::runtime::attr::dict_get_str_raw(g, k))
                    {
                        Some(m) if as_module(m).is_some() => as_module(m).unwrap().dict,
                        Some(d) => d,
                        None => vm.builtins,
                    };
                    Some(b)
                }
                "__closure__" => Some(or_none(vm, f.closure)),
                "__dict__" => {
                    if f.dict.is_null() {
                        let d = vm.new_dict();
                        as_function(obj).unwrap().dict = d;
                    }
                    Some(as_function(obj).unwrap().dict)
                }
                _ => None,
            }
        }
        Layout::Builtin => {
            let b = as_builtin(obj).unwrap();
            let ty = obj_type(obj);
            // Method and slot-wrapper descriptors (`list.append`, `list.__len__`) have no
            // `__self__` or `__module__`; they and method-wrappers (`[].__len__`) name their type
            // as `__objclass__`.
            let descriptor = ty == vm.t.method_descriptor || ty == vm.t.wrapper_descriptor;
            let wrapper = descriptor || ty == vm.t.method_wrapper;
            match name {
                "__objclass__" if wrapper => return Ok(Some(b.owner)),
                "__objclass__" => None,
                "__self__" | "__module__" if descriptor => None,
                "__module__" if ty == vm.t.method_wrapper => None,
                "__name__" => {
                    let n = b.name;
                    Some(vm.new_str(n))
                }
                // A method's qualname is its class's qualname and its name (`list.append`,
                // bound or not, `dict.fromkeys` bound to the class), a module function's its
                // name.
                "__qualname__" => {
                    let (n, bound, owner) = (b.name, b.bound, b.owner);
                    let t = if bound.is_null()
                        || (bound.is_ptr() && layout_of(bound) == Layout::Module)
                    {
                        if owner.is_null() {
                            return Ok(Some(vm.new_str(n)));
                        }
                        owner
                    } else if as_type(bound).is_some() {
                        bound
                    } else if !owner.is_null() && is_slot_wrapper_kind(owner, n) {
                        // A method-wrapper (`[].__len__`) is named by its slot wrapper's type
                        // (`list.__len__` also for a subclass instance).
                        owner
                    } else {
                        Value::from_ptr(vm.type_of(bound))
                    };
                    let k = vm.intern("__qualname__");
                    let q = super::attr::getattr(vm, t, k)?;
                    let q = super::repr::str(vm, q)?;
                    let q = format!("{}.{n}", crate::vm::interp::str_of(q));
                    Some(vm.new_str(&q))
                }
                // A type's `__new__` is bound to the type in CPython (tp_new_wrapper's self); a
                // module function to its module (found in sys.modules by its `__module__`).
                "__self__" if b.bound.is_null() && b.name == "__new__" && !b.owner.is_null() => {
                    Some(b.owner)
                }
                "__self__" if b.bound.is_null() && b.owner.is_null() && !b.module.is_null() => {
                    let m = b.module;
                    let found = as_str(m)
                        .and_then(|_| crate::vm::runtime::dict::dict_get_str(vm, vm.modules, m));
                    Some(found.filter(|&v| as_module(v).is_some()).unwrap_or(vm.none))
                }
                "__self__" => Some(or_none(vm, b.bound)),
                "__doc__" => Some(vm.none),
                // A module function's module name (CPython's m_module); None for a method.
                "__module__" => Some(or_none(vm, b.module)),
                _ => None,
            }
        }
        Layout::BoundMethod => {
            let m = as_bound_method(obj).unwrap();
            match name {
                "__func__" => Some(m.func),
                "__self__" => Some(m.self_),
                _ => {
                    let (f, n) = (m.func, vm.intern(name));
                    return super::attr::getattr_opt(vm, f, n);
                }
            }
        }
        Layout::MethodWrapper => match name {
            "__func__" | "__wrapped__" => Some(*as_method_wrapper(obj).unwrap()),
            "__isabstractmethod__" => {
                let f = *as_method_wrapper(obj).unwrap();
                Some(is_abstract(vm, &[f])?)
            }
            _ => None,
        },
        Layout::Super => {
            let sd = crate::vm::object::as_super(obj).unwrap();
            let (ty, o, ot) = (sd.ty, sd.obj, sd.obj_type);
            match name {
                "__thisclass__" => Some(ty),
                "__self__" => Some(or_none(vm, o)),
                "__self_class__" => Some(or_none(vm, ot)),
                _ => None,
            }
        }
        Layout::Property
            if obj_type(obj) == vm.t.getset_descriptor
                || obj_type(obj) == vm.t.member_descriptor =>
        {
            // `doc` holds the attribute's name (`types::getset::add_descriptor`).
            let n = as_property(obj).unwrap().doc;
            let owner = crate::vm::types::getset::objclass(obj);
            match (name, owner) {
                ("__name__", _) => Some(n),
                ("__qualname__", Some(t)) => {
                    let q = format!("{}.{}", type_data(t).qualname, crate::vm::interp::str_of(n));
                    Some(vm.new_str_owned(q))
                }
                ("__objclass__", Some(t)) => Some(Value::from_ptr(t)),
                ("__doc__", _) => Some(vm.none),
                _ => None,
            }
        }
        Layout::Property => {
            let p = as_property(obj).unwrap();
            match name {
                "fget" => Some(or_none(vm, p.fget)),
                "fset" => Some(or_none(vm, p.fset)),
                "fdel" => Some(or_none(vm, p.fdel)),
                "__doc__" => Some(or_none(vm, p.doc)),
                "__isabstractmethod__" => {
                    let fs = [p.fget, p.fset, p.fdel];
                    Some(is_abstract(vm, &fs)?)
                }
                _ => None,
            }
        }
        Layout::Code => {
            crate::vm::code::ensure_body(vm, obj)?;
            let c = as_code(obj).unwrap();
            match name {
                "co_name" => Some(c.name),
                "co_qualname" => Some(c.qualname),
                "co_argcount" => Some(vm.new_int(c.code.argcount as i64)),
                "co_filename" => {
                    let f = c.code.filename.clone();
                    Some(vm.new_str(&f))
                }
                "co_firstlineno" => Some(vm.new_int(c.code.firstlineno as i64)),
                "co_varnames" | "co_cellvars" | "co_freevars" => {
                    use crate::bytecode::code::slot_kind;
                    let want = match name {
                        "co_varnames" => slot_kind::LOCAL,
                        "co_cellvars" => slot_kind::CELL,
                        _ => slot_kind::FREE,
                    };
                    let names: Vec<Value> = c
                        .localsplusnames
                        .iter()
                        .zip(&c.code.localspluskinds)
                        .filter(|(_, k)| **k & want != 0)
                        .map(|(n, _)| *n)
                        .collect();
                    Some(vm.new_tuple(names))
                }
                "co_posonlyargcount" => Some(vm.new_int(c.code.posonlyargcount as i64)),
                "co_kwonlyargcount" => Some(vm.new_int(c.code.kwonlyargcount as i64)),
                "co_flags" => Some(vm.new_int(c.code.flags as i64)),
                "co_stacksize" => Some(vm.new_int(c.code.stacksize as i64)),
                "co_nlocals" => {
                    let n = c
                        .code
                        .localspluskinds
                        .iter()
                        .filter(|k| **k & 0x20 != 0)
                        .count();
                    Some(vm.new_int(n as i64))
                }
                "co_names" => {
                    let names = c.names.clone();
                    Some(vm.new_tuple(names))
                }
                "co_consts" => {
                    let consts = c.consts.clone();
                    Some(vm.new_tuple(consts))
                }
                "co_positions" => Some(vm.new_builtin("co_positions", code_positions, obj)),
                "co_lines" => Some(vm.new_builtin("co_lines", code_lines, obj)),
                "_varname_from_oparg" => {
                    Some(vm.new_builtin("_varname_from_oparg", code_varname_from_oparg, obj))
                }
                // (`_co_code_adaptive` is co_code too: cpjit's quickened forms have no 3.11
                // numbers, so `dis.dis(adaptive=True)` shows the generic instructions.)
                "co_code" | "_co_code_adaptive" | "co_linetable" | "co_exceptiontable"
                | "co_lnotab" => {
                    let l = cpython_layout_of(vm, obj, name)?;
                    let b = match name {
                        "co_linetable" => l.linetable.clone(),
                        "co_lnotab" => l.lnotab.clone(),
                        "co_exceptiontable" => l.exceptiontable.clone(),
                        _ => l.code.clone(),
                    };
                    Some(vm.new_bytes(b))
                }
                "replace" => Some(vm.new_builtin("replace", code_replace, obj)),
                _ => None,
            }
        }
        Layout::Range => {
            let r = as_range(obj).unwrap();
            if let Some(b) = &r.big {
                return Ok(crate::vm::types::range_big::special_attr(vm, b, name));
            }
            match name {
                "start" => Some(vm.new_int(r.start)),
                "stop" => Some(vm.new_int(r.stop)),
                "step" => Some(vm.new_int(r.step)),
                _ => None,
            }
        }
        Layout::Slice => {
            let s = as_slice(obj).unwrap();
            match name {
                "start" => Some(s.start),
                "stop" => Some(s.stop),
                "step" => Some(s.step),
                _ => None,
            }
        }
        Layout::Generator => {
            let g = as_generator(obj).unwrap();
            let t = obj_type(obj);
            let (prefix, awaited) = if t == vm.t.coroutine {
                ("cr_", "await")
            } else if t == vm.t.async_generator {
                ("ag_", "await")
            } else {
                ("gi_", "yieldfrom")
            };
            match (name, name.strip_prefix(prefix)) {
                ("__name__", _) => Some(g.name),
                ("__qualname__", _) => Some(g.qualname),
                (_, Some("code")) => Some(g.code),
                (_, Some("running")) if prefix == "ag_" => Some(vm.bool_val(g.ag.running_async)),
                (_, Some("running")) => Some(vm.bool_val(g.state == GenState::Running)),
                (_, Some("suspended")) if prefix != "ag_" => {
                    Some(vm.bool_val(g.state == GenState::Suspended))
                }
                (_, Some("frame")) => Some(crate::vm::types::asyncgen::frame_of(vm, obj)?),
                (_, Some(a)) if a == awaited => {
                    Some(crate::vm::types::genobj::delegate(obj).unwrap_or(vm.none))
                }
                (_, Some("origin")) if prefix == "cr_" => {
                    if vm.coro_origin_depth > 0 {
                        return Err(vm.not_implemented(
                            "cpjit does not record coroutine origins \
                             (sys.set_coroutine_origin_tracking_depth)",
                        ));
                    }
                    Some(vm.none)
                }
                _ => None,
            }
        }
        Layout::Module => {
            let m = as_module(obj).unwrap();
            match name {
                "__dict__" => Some(m.dict),
                _ => None,
            }
        }
        _ => None,
    };
    // Every object has a __doc__ (its class's, or None).
    if v.is_none() && name == "__doc__" {
        return Ok(Some(vm.none));
    }
    Ok(v)
}

/// `code.replace(co_flags=...)`: a copy with other flags (what `types.coroutine` does to mark a
/// generator function awaitable). Other fields raise NotImplementedError.
fn code_replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = crate::vm::types::split_kw(args, kw);
    let Some(&code) = pos.first().filter(|v| as_code(**v).is_some()) else {
        return Err(vm.type_error("replace() needs a code object"));
    };
    crate::vm::code::ensure_body(vm, code)?;
    let c = as_code(code).unwrap();
    if pos.len() > 1 {
        let n = pos.len() - 1;
        return Err(vm.type_error(format!(
            "replace() takes 0 positional arguments but {n} were given"
        )));
    }
    let mut new = (*c.code).clone();
    for (k, v) in kws {
        match k {
            "co_flags" => {
                let f = crate::vm::runtime::subscr::index_of(vm, v, "replace")?;
                new.flags = f as u32;
            }
            _ => return Err(vm.not_implemented(format!("code.replace({k}=...)"))),
        }
    }
    // Other flags change what the argument binding reads (`vm::framestack::Slots`' soundness
    // rests on every code object the VM runs being valid).
    if let Err(e) = crate::bytecode::serialize::validate(&new) {
        return Err(vm.value_error(format!("replace(): invalid code object ({e})")));
    }
    let cell_args = c.cell_args.clone();
    let r = crate::vm::code::load_code(vm, std::rc::Rc::new(new));
    if let Some(nc) = as_code(r) {
        nc.cell_args = cell_args;
    }
    Ok(r)
}

/// Code object `code` in CPython 3.11's layout for attribute `what`; NotImplementedError naming
/// the instruction when it has none.
fn cpython_layout_of(
    vm: &mut Vm,
    code: Value,
    what: &str,
) -> PyResult<std::rc::Rc<crate::bytecode::cpython_layout::CpythonLayout>> {
    crate::vm::code::cpython_layout(vm, code)?.map_err(|e| {
        vm.not_implemented(format!(
            "{what}: this code object has no CPython 3.11 encoding ({e})"
        ))
    })
}

/// The code object a method of code objects is bound to.
fn code_self(vm: &mut Vm, args: &[Value], what: &str) -> PyResult<Value> {
    match args.first().filter(|v| as_code(**v).is_some()) {
        Some(&code) => {
            crate::vm::code::ensure_body(vm, code)?;
            Ok(code)
        }
        None => Err(vm.type_error(format!("{what}() needs a code object"))),
    }
}

fn int_or_none(vm: &mut Vm, v: i64) -> Value {
    if v < 0 {
        vm.none
    } else {
        vm.new_int(v)
    }
}

/// `code.co_positions()`: an iterator of (lineno, end_lineno, col_offset, end_col_offset) per
/// 2-byte code unit of `co_code` (CPython 3.11's layout), Nones where the compiler recorded no
/// position; per cpjit code unit for a code object without a 3.11 layout.
fn code_positions(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    use crate::bytecode::cpython_layout::Loc;
    let code = code_self(vm, args, "co_positions")?;
    let layout = crate::vm::code::cpython_layout(vm, code)?;
    let ps: Vec<Loc> = match &layout {
        Ok(l) => l.positions.clone(),
        Err(_) => {
            let c = as_code(code).unwrap();
            c.code
                .positions
                .iter()
                .map(|p| match p.lineno {
                    0 => Loc::NONE,
                    _ => Loc {
                        line: p.lineno as i32,
                        end_line: p.end_lineno as i32,
                        col: p.col_offset as i32,
                        end_col: p.end_col_offset as i32,
                    },
                })
                .collect()
        }
    };
    let mut items = Vec::with_capacity(ps.len());
    for p in ps {
        let v = if p.line < 0 {
            vec![vm.none; 4]
        } else {
            vec![
                int_or_none(vm, p.line as i64),
                int_or_none(vm, p.end_line as i64),
                int_or_none(vm, p.col as i64),
                int_or_none(vm, p.end_col as i64),
            ]
        };
        items.push(vm.new_tuple(v));
    }
    let l = vm.new_list(items);
    crate::vm::runtime::iter::get_iter(vm, l)
}

/// `code.co_lines()`: an iterator of (start, end, line) byte ranges of `co_code`, as CPython
/// 3.11 gives them (one per line-table entry; line None where there is none).
fn code_lines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let code = code_self(vm, args, "co_lines")?;
    let l = cpython_layout_of(vm, code, "co_lines()")?;
    let mut items = Vec::with_capacity(l.lines.len());
    for &(s, e, line) in &l.lines {
        let v = vec![
            vm.new_int(s as i64),
            vm.new_int(e as i64),
            int_or_none(vm, line as i64),
        ];
        items.push(vm.new_tuple(v));
    }
    let l = vm.new_list(items);
    crate::vm::runtime::iter::get_iter(vm, l)
}

/// `code._varname_from_oparg(i)`: the name of localsplus slot `i` (what `dis` shows for the
/// opargs of LOAD_FAST, LOAD_DEREF, MAKE_CELL, ...).
fn code_varname_from_oparg(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let code = code_self(vm, args, "_varname_from_oparg")?;
    let Some(&i) = args.get(1) else {
        return Err(vm.type_error("_varname_from_oparg() missing required argument 'oparg'"));
    };
    let i = crate::vm::runtime::subscr::index_of(vm, i, "_varname_from_oparg")?;
    let c = as_code(code).unwrap();
    match usize::try_from(i)
        .ok()
        .and_then(|i| c.localsplusnames.get(i))
    {
        Some(&n) => Ok(n),
        None => Err(vm.index_error("tuple index out of range")),
    }
}

/// `type.__flags__`: the Py_TPFLAGS_* bits code reads (copyreg tests HEAPTYPE, inspect
/// IS_ABSTRACT, the *_SUBCLASS bits name the built-in base).
fn type_flags(vm: &mut Vm, cls: Value) -> PyResult<Value> {
    let tp = cls.as_ptr::<TypeObject>() as *const TypeObject;
    let t = type_data(tp);
    let mut f: i64 = 1 << 12; // READY
    if t.builtin {
        f |= 1 << 8; // IMMUTABLETYPE
    } else {
        f |= (1 << 9) | (1 << 14); // HEAPTYPE, HAVE_GC
    }
    if t.base_ok {
        f |= 1 << 10; // BASETYPE
    }
    let subclass_bits = [
        (vm.t.int, 24),
        (vm.t.list, 25),
        (vm.t.tuple, 26),
        (vm.t.bytes, 27),
        (vm.t.str_, 28),
        (vm.t.dict, 29),
        (vm.t.exc("BaseException"), 30),
        (vm.t.type_, 31),
    ];
    for (base, bit) in subclass_bits {
        if vm.is_subtype(tp, base) {
            f |= 1 << bit;
        }
    }
    let k = vm.sname("__abstractmethods__");
    if let Some(a) = crate::vm::runtime::dict::dict_get_str(vm, t.dict, k) {
        if super::compare::truthy(vm, a)? {
            f |= 1 << 20; // IS_ABSTRACT
        }
    }
    Ok(vm.new_int(f))
}

/// `__isabstractmethod__` of a descriptor: whether any wrapped callable has a true one.
fn is_abstract(vm: &mut Vm, funcs: &[Value]) -> PyResult<Value> {
    let k = vm.sname("__isabstractmethod__");
    for &f in funcs {
        if f.is_null() || f == vm.none {
            continue;
        }
        if let Some(v) = super::attr::getattr_opt(vm, f, k)? {
            if super::compare::truthy(vm, v)? {
                return Ok(vm.true_);
            }
        }
    }
    Ok(vm.false_)
}

fn layout_opt(v: Value) -> Option<Layout> {
    if v.is_ptr() {
        Some(layout_of(v))
    } else {
        None
    }
}

fn plain_int(vm: &mut Vm, v: Value) -> Value {
    match int_of(v) {
        Some(i) => super::num::new_int(vm, i),
        None => v,
    }
}

fn or_none(vm: &Vm, v: Value) -> Value {
    if v.is_null() {
        vm.none
    } else {
        v
    }
}

pub fn type_special_attr(vm: &mut Vm, cls: Value, name: &str) -> PyResult<Option<Value>> {
    let t = type_data(cls.as_ptr::<TypeObject>());
    Ok(match name {
        "__name__" => {
            let n = t.name.clone();
            Some(vm.new_str(&n))
        }
        "__qualname__" => {
            let n = t.qualname.clone();
            Some(vm.new_str(&n))
        }
        "__module__" => {
            let n = t.module.clone();
            Some(vm.new_str(&n))
        }
        "__mro__" => {
            let m = t.mro.clone();
            Some(vm.new_tuple(m))
        }
        "__bases__" => {
            let b = t.bases.clone();
            Some(vm.new_tuple(b))
        }
        "__base__" => Some(t.bases.first().copied().unwrap_or(vm.none)),
        "__flags__" => Some(type_flags(vm, cls)?),
        "__dict__" => Some(crate::vm::types::mappingproxy::new(vm, t.dict)),
        "__class__" => Some(Value::from_ptr(obj_type(cls))),
        "__doc__" => Some(vm.none),
        _ => None,
    })
}

/// Whether the built-in `name` of type `owner` is a slot wrapper in CPython (bound to an
/// instance it is a method-wrapper, unbound a wrapper_descriptor).
pub fn is_slot_wrapper_kind(owner: Value, name: &str) -> bool {
    let tn = &type_data(owner.as_ptr::<TypeObject>()).name;
    crate::vm::types::num_dunders::is_slot_wrapper_of(tn, name)
}
