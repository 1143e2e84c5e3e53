//! `repr()`, `str()`, `ascii()`, `format()` and `%`-formatting (the algorithms come from rtlib).

use std::cell::RefCell;

use num_bigint::BigInt;

use crate::rtlib::{self, ExcKind, RtError};
use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::lookup_type_str;
use crate::vm::runtime::call::call_method_value;
use crate::vm::runtime::dict as rdict;
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::value::Value;

/// Turns an rtlib error into an exception object.
pub fn rt_err(vm: &mut Vm, e: RtError) -> Value {
    vm.err(e.kind.name(), e.msg)
}

pub fn float_repr(f: f64) -> String {
    rtlib::float_repr::repr_f64(f)
}

/// Python's repr of a str (rtlib: CPython's printable-character rules).
pub fn str_repr(s: &str) -> String {
    crate::rtlib::strmethods::repr_str(s)
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

/// repr() as a Rust string.
pub fn repr_string(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v.is_small_int() {
        return Ok(itoa::Buffer::new().format(v.as_small_int()).to_string());
    }
    if v.is_float() {
        return Ok(float_repr(v.as_f64()));
    }
    if !v.is_ptr() {
        // NULL, which only malformed bytecode (a damaged cache file) leaves where a value is
        // read: what CPython's PyObject_Repr gives for it (else `repr` would come back here).
        return Ok("<NULL>".into());
    }
    match layout_of(v) {
        Layout::Str => return Ok(str_repr(&as_str(v).unwrap().s)),
        Layout::BigInt => {
            return rtlib::numparse::int_to_decimal(as_bigint(v).unwrap())
                .map_err(|e| rt_err(vm, e))
        }
        Layout::Bool => return Ok(if v == vm.true_ { "True" } else { "False" }.into()),
        Layout::NoneType => return Ok("None".into()),
        _ => {}
    }
    if v == vm.not_implemented {
        return Ok("NotImplemented".into());
    }
    if v == vm.ellipsis {
        return Ok("Ellipsis".into());
    }
    let r = repr(vm, v)?;
    Ok(str_of(r).to_string())
}

thread_local! {
    static REPR_STACK: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

fn with_recursion_guard(
    v: Value,
    f: impl FnOnce() -> PyResult<String>,
    rec: &str,
) -> PyResult<String> {
    let seen = REPR_STACK.with(|s| s.borrow().contains(&v));
    if seen {
        return Ok(rec.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(v));
    let r = f();
    REPR_STACK.with(|s| s.borrow_mut().pop());
    r
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_string(vm, x)?);
    }
    Ok(out)
}

/// `join_reprs` of a snapshot (a set's keys, a dict view's items): an item's `__repr__` may
/// change the container, so the snapshot stays rooted.
fn join_reprs_rooted(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    crate::vm::runtime::iter::with_roots(vm, items, |vm| join_reprs(vm, items))
}

/// `repr(v)` as a str object.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult {
    // Containers recurse in Rust: count them against the recursion limit as CPython does.
    if v.is_ptr()
        && matches!(
            layout_of(v),
            Layout::List | Layout::Tuple | Layout::Dict | Layout::Set | Layout::DictView
        )
    {
        vm.enter_recursive(" while getting the repr of an object")?;
        let r = repr_uncounted(vm, v);
        vm.leave_recursive();
        return r;
    }
    repr_uncounted(vm, v)
}

fn repr_uncounted(vm: &mut Vm, v: Value) -> PyResult {
    let s: String = if !v.is_ptr()
        || matches!(
            layout_of(v),
            Layout::Str | Layout::BigInt | Layout::Bool | Layout::NoneType
        ) {
        repr_string(vm, v)?
    } else {
        match layout_of(v) {
            Layout::List => {
                vm.roots.push(v);
                // Read in place at each step, as CPython does: an item's `__repr__` may change
                // the list (copied-out items would be invisible to the collector).
                let r = with_recursion_guard(
                    v,
                    || {
                        let mut out = String::from("[");
                        let mut i = 0;
                        while let Some(&x) = as_list(v).unwrap().get(i) {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            out.push_str(&repr_string(vm, x)?);
                            i += 1;
                        }
                        out.push(']');
                        Ok(out)
                    },
                    "[...]",
                );
                vm.roots.pop();
                r?
            }
            Layout::Tuple => {
                let items = as_tuple(v).unwrap().to_vec();
                if items.len() == 1 {
                    format!("({},)", repr_string(vm, items[0])?)
                } else {
                    format!("({})", join_reprs(vm, &items)?)
                }
            }
            Layout::Dict => {
                let items = rdict::items_of(v);
                // A `__repr__` may change the dict: the snapshot stays rooted.
                let base = vm.roots.len();
                vm.roots.push(v);
                vm.roots.extend(items.iter().flat_map(|&(k, x)| [k, x]));
                let r = with_recursion_guard(
                    v,
                    || {
                        let mut out = String::from("{");
                        for (i, (k, x)) in items.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            out.push_str(&repr_string(vm, *k)?);
                            out.push_str(": ");
                            out.push_str(&repr_string(vm, *x)?);
                        }
                        out.push('}');
                        Ok(out)
                    },
                    "{...}",
                );
                vm.roots.truncate(base);
                r?
            }
            Layout::Set => {
                let items = rdict::keys_of(v);
                let frozen = obj_type(v) == vm.t.frozenset;
                if items.is_empty() {
                    if frozen {
                        "frozenset()".into()
                    } else {
                        "set()".into()
                    }
                } else {
                    let inner = join_reprs_rooted(vm, &items)?;
                    if frozen {
                        format!("frozenset({{{inner}}})")
                    } else {
                        format!("{{{inner}}}")
                    }
                }
            }
            Layout::DictView if crate::vm::types::mappingproxy::target(vm, v).is_some() => {
                crate::vm::types::mappingproxy::repr(vm, v)?
            }
            Layout::DictView => {
                let vd = as_view(v).unwrap();
                let (d, kind) = (vd.dict, vd.kind);
                let tn = vm.type_name(v);
                let items: Vec<Value> = match kind {
                    DictIterKind::Keys => rdict::keys_of(d),
                    DictIterKind::Values => rdict::items_of(d).into_iter().map(|p| p.1).collect(),
                    DictIterKind::Items => {
                        let ps = rdict::items_of(d);
                        ps.into_iter()
                            .map(|(k, x)| vm.new_tuple(vec![k, x]))
                            .collect()
                    }
                };
                format!("{tn}([{}])", join_reprs_rooted(vm, &items)?)
            }
            Layout::Bytes if crate::vm::types::bytes::is_bytearray(vm, v) => {
                format!("bytearray({})", bytes_repr(as_bytes(v).unwrap()))
            }
            Layout::Bytes => bytes_repr(as_bytes(v).unwrap()),
            Layout::Complex => crate::vm::types::complex::repr_string(v),
            Layout::Range => {
                let r = as_range(v).unwrap();
                if let Some(b) = &r.big {
                    crate::vm::types::range_big::repr(b)
                } else if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Layout::Slice => {
                let s = as_slice(v).unwrap();
                let (a, b, c) = (s.start, s.stop, s.step);
                format!(
                    "slice({}, {}, {})",
                    repr_string(vm, a)?,
                    repr_string(vm, b)?,
                    repr_string(vm, c)?
                )
            }
            Layout::Type => {
                if let Some(r) = crate::vm::types::metatype::meta_dunder(vm, v, "__repr__", &[])? {
                    if as_str(r).is_none() {
                        let tn = vm.type_name(r);
                        return Err(
                            vm.type_error(format!("__repr__ returned non-string (type {tn})"))
                        );
                    }
                    return Ok(r);
                }
                let t = type_data(v.as_ptr());
                if t.module == "builtins" {
                    format!("<class '{}'>", t.qualname)
                } else {
                    format!("<class '{}.{}'>", t.module, t.qualname)
                }
            }
            Layout::Function => {
                let q = str_of(as_function(v).unwrap().qualname).to_string();
                format!("<function {} at {:#x}>", q, v.0)
            }
            Layout::Code => {
                let c = &as_code(v).unwrap().code;
                format!(
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    c.name, v.0, c.filename, c.firstlineno
                )
            }
            Layout::Builtin => {
                let b = as_builtin(v).unwrap();
                if b.bound.is_null() && !b.owner.is_null() && b.name != "__new__" {
                    // A method of a built-in type, looked up on the type.
                    let owner = b.owner.as_ptr::<TypeObject>();
                    let tn = crate::vm::interp::type_tp_name(owner);
                    let (kind, name) = (b.name, b.name);
                    let own = &type_data(owner).name;
                    if crate::vm::types::num_dunders::is_slot_wrapper_of(own, kind) {
                        format!("<slot wrapper '{name}' of '{tn}' objects>")
                    } else {
                        format!("<method '{name}' of '{tn}' objects>")
                    }
                } else if b.bound.is_null() && !b.owner.is_null() {
                    // A type's `__new__` (bound to the type in CPython).
                    let o = b.owner;
                    format!("<built-in method {} of type object at {:#x}>", b.name, o.0)
                } else if b.bound.is_null()
                    || as_module(b.bound).is_some()
                    || layout_of(b.bound) == Layout::Function
                {
                    format!("<built-in function {}>", b.name)
                } else if obj_type(v) == vm.t.method_wrapper {
                    let tn = vm.type_name(b.bound);
                    format!(
                        "<method-wrapper '{}' of {} object at {:#x}>",
                        b.name, tn, b.bound.0
                    )
                } else {
                    let tn = vm.type_name(b.bound);
                    format!(
                        "<built-in method {} of {} object at {:#x}>",
                        b.name, tn, b.bound.0
                    )
                }
            }
            Layout::BoundMethod => {
                let m = as_bound_method(v).unwrap();
                let (f, s) = (m.func, m.self_);
                // method_repr: the function's __qualname__, else its __name__, else "?".
                let q = match (as_function(f), as_builtin(f)) {
                    (Some(fd), _) => str_of(fd.qualname).to_string(),
                    (_, Some(b)) => b.name.to_string(),
                    _ => {
                        let mut q = "?".to_string();
                        for n in ["__qualname__", "__name__"] {
                            let k = vm.intern(n);
                            if let Some(x) = super::attr::getattr_opt(vm, f, k)? {
                                if let Some(s) = as_str(x) {
                                    q = s.s.to_string();
                                    break;
                                }
                            }
                        }
                        q
                    }
                };
                let sr = repr_string(vm, s)?;
                format!("<bound method {q} of {sr}>")
            }
            // `<super: <class 'A'>, <A object>>` (`NULL` for an unbound super).
            Layout::Super => {
                let sd = as_super(v).unwrap();
                let (ty, obj, obj_type) = (sd.ty, sd.obj, sd.obj_type);
                let tr = match as_type(ty) {
                    Some(t) => format!("<class '{}'>", t.name),
                    None => "NULL".to_string(),
                };
                if obj.is_null() || obj == vm.none && obj_type.is_null() {
                    format!("<super: {tr}, NULL>")
                } else {
                    let on = type_data(vm.type_of(obj)).name.clone();
                    format!("<super: {tr}, <{on} object>>")
                }
            }
            Layout::Module => {
                // importlib's _module_repr: `from FILE` for a module loaded from a file,
                // `(built-in)` for the interpreter's own modules, else the name alone.
                let md = as_module(v).unwrap();
                let (n, d) = (str_of(md.name).to_string(), md.dict);
                let fk = vm.sname("__file__");
                let file = crate::vm::runtime::dict::dict_get_str(vm, d, fk)
                    .filter(|f| as_str(*f).is_some())
                    .map(|f| str_of(f).to_string());
                match file {
                    Some(f) => format!("<module '{n}' from '{f}'>"),
                    None if crate::vm::modules::builtin_names().contains(&n.as_str()) => {
                        format!("<module '{n}' (built-in)>")
                    }
                    None => format!("<module '{n}'>"),
                }
            }
            Layout::Generator => {
                let q = str_of(as_generator(v).unwrap().qualname).to_string();
                let kind = if obj_type(v) == vm.t.coroutine {
                    "coroutine"
                } else if obj_type(v) == vm.t.async_generator {
                    "async_generator"
                } else {
                    "generator"
                };
                format!("<{kind} object {} at {:#x}>", q, v.0)
            }
            Layout::Singleton => {
                if v == vm.not_implemented {
                    "NotImplemented".into()
                } else {
                    "Ellipsis".into()
                }
            }
            Layout::Cell => format!("<cell at {:#x}>", v.0),
            // sm_repr / cm_repr: the kind, then the wrapped callable's repr.
            Layout::MethodWrapper
                if obj_type(v) == vm.t.staticmethod || obj_type(v) == vm.t.classmethod =>
            {
                let kind = if obj_type(v) == vm.t.staticmethod {
                    "staticmethod"
                } else {
                    "classmethod"
                };
                let inner = *as_method_wrapper(v).unwrap();
                vm.enter_recursive(" while getting the repr of an object")?;
                let r = repr_string(vm, inner);
                vm.leave_recursive();
                format!("<{kind}({})>", r?)
            }
            Layout::Property if obj_type(v) == vm.t.member_descriptor => {
                crate::vm::types::subclass::member_repr(v).unwrap_or_default()
            }
            Layout::Property if obj_type(v) == vm.t.getset_descriptor => {
                crate::vm::types::subclass::member_repr(v)
                    .unwrap_or_default()
                    .replacen("<member", "<attribute", 1)
            }
            Layout::Native => match lookup_type_str(vm, obj_type(v), "__repr__") {
                Some(f) => return call_method_value(vm, f, v, &[]),
                None => default_repr(vm, v),
            },
            Layout::Instance => {
                if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, v, "__repr__") {
                    // itertools' count and repeat name the subclass.
                    let name = type_data(obj_type(v)).name.clone();
                    if let Some(s) = crate::vm::modules::itertools::repr(vm, b, &name)? {
                        return Ok(vm.new_str_owned(s));
                    }
                    let r = repr(vm, b)?;
                    return Ok(crate::vm::types::subclass::subclass_repr(vm, v, b, r));
                }
                let t = obj_type(v);
                if let Some(f) = lookup_type_str(vm, t, "__repr__") {
                    {
                        let r = call_method_value(vm, f, v, &[])?;
                        if as_str(r).is_none() {
                            let tn = vm.type_name(r);
                            return Err(
                                vm.type_error(format!("__repr__ returned non-string (type {tn})"))
                            );
                        }
                        return Ok(r);
                    }
                } else {
                    default_repr(vm, v)
                }
            }
            Layout::Iter => {
                let name = type_data(obj_type(v)).name.clone();
                match crate::vm::modules::itertools::repr(vm, v, &name)? {
                    Some(s) => s,
                    None => default_repr(vm, v),
                }
            }
            _ => default_repr(vm, v),
        }
    };
    if v.is_small_int() || (v.is_ptr() && layout_of(v) == Layout::BigInt) {
        return Ok(vm.new_str_fresh(s));
    }
    Ok(vm.new_str_owned(s))
}

pub fn default_repr(vm: &mut Vm, v: Value) -> String {
    let t = type_data(vm.type_of(v));
    if t.module == "builtins" {
        format!("<{} object at {:#x}>", t.qualname, v.0)
    } else {
        format!("<{}.{} object at {:#x}>", t.module, t.qualname, v.0)
    }
}

/// `str(v)` as a str object.
pub fn str(vm: &mut Vm, v: Value) -> PyResult {
    if let Some(s) = as_str(v) {
        let _ = s;
        return Ok(v);
    }
    // mappingproxy's str is its mapping's.
    if let Some(d) = crate::vm::types::mappingproxy::target(vm, v) {
        return str(vm, d);
    }
    if v.is_ptr() && layout_of(v) == Layout::Instance {
        // str subclasses: str.__str__ gives the plain string (other bases str() via repr).
        if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, v, "__str__")
            .filter(|b| as_str(*b).is_some())
        {
            return Ok(b);
        }
        let t = obj_type(v);
        if let Some(f) = lookup_type_str(vm, t, "__str__") {
            // A Python `__str__`, or a built-in one other than object's (enum sets an IntEnum's
            // `__str__` to `int.__repr__`).
            // bytearray's `__str__` is its repr, which names the subclass (the built-in
            // method would see only the wrapped bytearray).
            let own = match as_builtin(f) {
                None => true,
                Some(b) => {
                    !b.owner.is_null()
                        && b.owner != Value::from_ptr(vm.t.object)
                        && b.owner != Value::from_ptr(vm.t.bytearray)
                }
            };
            if own {
                let r = call_method_value(vm, f, v, &[])?;
                if as_str(r).is_none() {
                    let tn = vm.type_name(r);
                    return Err(vm.type_error(format!("__str__ returned non-string (type {tn})")));
                }
                return Ok(r);
            }
        }
        if as_instance(v).unwrap().exc.is_some() {
            return crate::vm::types::exc::exception_str(vm, v);
        }
    }
    repr(vm, v)
}

pub fn str_string(vm: &mut Vm, v: Value) -> PyResult<String> {
    let s = str(vm, v)?;
    Ok(str_of(s).to_string())
}

pub fn ascii(vm: &mut Vm, v: Value) -> PyResult {
    let r = repr_string(vm, v)?;
    Ok(vm.new_str_owned(rtlib::percent_format::ascii_escape(&r)))
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: Value) -> PyResult {
    // A str subclass's instance formats by its str value.
    let spec = crate::vm::types::subclass::base_value(spec)
        .filter(|b| as_str(*b).is_some())
        .unwrap_or(spec);
    if as_str(spec).is_none() {
        // The built-in types' __format__ (format() checks its own argument first).
        let tn = vm.arg_type_name(spec);
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    }
    let sp = str_of(spec).to_string();
    let tn = vm.type_name(v);
    let r = if v.is_float() {
        rtlib::format_spec::format_float(v.as_f64(), &sp, &tn)
    } else if let Some(i) =
        int_of(v).filter(|_| !v.is_ptr() || layout_of(v) != Layout::Bool || !sp.is_empty())
    {
        match i {
            IntVal::Small(x) => rtlib::format_spec::format_i64(x, &sp, &tn),
            IntVal::Big(b) => rtlib::format_spec::format_int(&b, &sp, &tn),
        }
    } else if let Some(s) = as_str(v) {
        rtlib::format_spec::format_str(&s.s, &sp, &tn)
    } else if crate::vm::types::complex::is_complex(v) {
        return crate::vm::types::complex::format(vm, v, &sp);
    } else {
        if v.is_ptr() && layout_of(v) == Layout::Instance {
            if let Some(b) = crate::vm::types::subclass::defer_to_base(vm, v, "__format__") {
                // int/float/str.__format__ with an empty spec is str(self).
                return if sp.is_empty() {
                    str(vm, v)
                } else {
                    format(vm, b, spec)
                };
            }
            let t = obj_type(v);
            if let Some(f) = lookup_type_str(vm, t, "__format__") {
                return call_method_value(vm, f, v, &[spec]);
            }
        }
        if !sp.is_empty() {
            return Err(vm.type_error(format!(
                "unsupported format string passed to {tn}.__format__"
            )));
        }
        return str(vm, v);
    };
    match r {
        // (An int's formatting is a new object, as its str is.)
        Ok(s) if crate::vm::runtime::num::is_int(v) => Ok(vm.new_str_fresh(s)),
        Ok(s) => Ok(vm.new_str_owned(s)),
        Err(e) => Err(rt_err(vm, e)),
    }
}

/// Errors of formatting callbacks: an rtlib error or a raised Python exception.
pub enum FmtErr {
    Rt(RtError),
    Py(Value),
}

impl From<RtError> for FmtErr {
    fn from(e: RtError) -> Self {
        FmtErr::Rt(e)
    }
}

pub fn fmt_err(vm: &mut Vm, e: FmtErr) -> Value {
    match e {
        FmtErr::Rt(r) => rt_err(vm, r),
        FmtErr::Py(v) => v,
    }
}

/// One `%` operand, with access to the VM for conversions.
#[derive(Clone)]
struct PArg<'a> {
    v: Value,
    vm: &'a RefCell<&'a mut Vm>,
}

impl PArg<'_> {
    /// The operand for numeric conversions: an int/float subclass instance's wrapped value.
    fn num(&self) -> Value {
        crate::vm::types::subclass::base_value(self.v).unwrap_or(self.v)
    }
}

impl<'a> rtlib::percent_format::PercentArg for PArg<'a> {
    type Error = FmtErr;
    fn is_type_error(e: &FmtErr) -> bool {
        match e {
            FmtErr::Rt(r) => r.kind == ExcKind::TypeError,
            FmtErr::Py(v) => is_type_error_value(*v),
        }
    }
    fn type_name(&self) -> String {
        self.vm.borrow().type_name(self.v)
    }
    fn str(&self) -> Result<String, FmtErr> {
        let mut vm = self.vm.borrow_mut();
        str_string(&mut vm, self.v).map_err(FmtErr::Py)
    }
    fn repr(&self) -> Result<String, FmtErr> {
        let mut vm = self.vm.borrow_mut();
        repr_string(&mut vm, self.v).map_err(FmtErr::Py)
    }
    fn as_int(&self) -> Option<BigInt> {
        int_of(self.num()).map(|i| i.to_big())
    }
    fn as_str(&self) -> Option<String> {
        crate::vm::types::subclass::str_arg(self.v).map(|s| s.s.to_string())
    }
    fn is_number(&self) -> bool {
        if self.num().is_float()
            || int_of(self.num()).is_some()
            || crate::vm::types::complex::is_complex(self.num())
        {
            return true;
        }
        // PyNumber_Check: a class with __index__, __int__ or __float__.
        let mut vm = self.vm.borrow_mut();
        let t = vm.type_of(self.v);
        ["__index__", "__int__", "__float__"]
            .iter()
            .any(|n| lookup_type_str(&mut vm, t, n).is_some())
    }
    fn to_int(&self) -> Result<BigInt, FmtErr> {
        if let Some(i) = int_of(self.num()) {
            return Ok(i.to_big());
        }
        if self.num().is_float() {
            let f = self.num().as_f64();
            if !f.is_finite() {
                return Err(FmtErr::Rt(RtError::overflow(
                    "cannot convert float infinity to integer",
                )));
            }
            return Ok(rtlib_f64_to_big(f));
        }
        // PyNumber_Long: __int__, __index__ or __trunc__ of a class.
        let mut vm = self.vm.borrow_mut();
        let r = crate::vm::types::int::int_from(&mut vm, self.v).map_err(FmtErr::Py)?;
        int_of(r)
            .map(|i| i.to_big())
            .ok_or_else(|| FmtErr::Rt(RtError::type_("not a number")))
    }
    fn to_index(&self) -> Result<BigInt, FmtErr> {
        if let Some(i) = int_of(self.num()) {
            return Ok(i.to_big());
        }
        // operator.index: a class's __index__.
        let mut vm = self.vm.borrow_mut();
        match crate::vm::runtime::num::index_value(&mut vm, self.v).map_err(FmtErr::Py)? {
            Some(i) => Ok(i.to_big()),
            None => Err(FmtErr::Rt(RtError::type_("not an index"))),
        }
    }
    fn bytes_latin1(&self) -> Result<Option<String>, FmtErr> {
        let latin1 = |b: &[u8]| b.iter().map(|&c| c as char).collect::<String>();
        if let Some(b) = crate::vm::types::memoryview::buffer_bytes(self.v) {
            return Ok(Some(latin1(b)));
        }
        let mut vm = self.vm.borrow_mut();
        let t = vm.type_of(self.v);
        let Some(f) = lookup_type_str(&mut vm, t, "__bytes__") else {
            return Ok(None);
        };
        let r = call_method_value(&mut vm, f, self.v, &[]).map_err(FmtErr::Py)?;
        match as_bytes(r) {
            Some(b) => Ok(Some(latin1(b))),
            None => {
                let tn = vm.type_name(r);
                Err(FmtErr::Rt(RtError::type_(format!(
                    "__bytes__ returned non-bytes (type {tn})"
                ))))
            }
        }
    }
    fn to_f64(&self) -> Result<f64, FmtErr> {
        if self.num().is_float() {
            return Ok(self.num().as_f64());
        }
        match int_of(self.num()) {
            Some(IntVal::Small(i)) => Ok(i as f64),
            Some(IntVal::Big(b)) => rtlib::floatops::bigint_to_f64(&b).map_err(FmtErr::Rt),
            None => {
                let tn = self.type_name();
                Err(FmtErr::Rt(RtError::type_(format!(
                    "must be real number, not {tn}"
                ))))
            }
        }
    }
}

fn is_type_error_value(v: Value) -> bool {
    v.is_ptr()
        && type_data(obj_type(v))
            .mro
            .iter()
            .any(|t| type_data(t.as_ptr::<TypeObject>()).name == "TypeError")
}

fn rtlib_f64_to_big(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f.trunc()).unwrap_or_default()
}

/// `fmt % args` for a str, bytes or bytearray `fmt`.
/// `str % args` when the format has only `%d`, `%s` and `%%` directives (no flags, width or
/// precision) and each argument is a small int (`%d`, `%s`) or an exact str (`%s`): the text is
/// built directly, exactly as the general path would build it (`"w%d" % i` in a loop cost ~1,900
/// instructions through it). None: anything else, for the general path.
fn simple_percent_format(vm: &mut Vm, fmt: Value, args: Value) -> Option<Value> {
    let f = &*as_str(fmt)?.s;
    let one = [args];
    let items: &[Value] = match as_tuple(args) {
        Some(t) if obj_type(args) == vm.t.tuple => t,
        Some(_) => return None,
        None if args.is_small_int()
            || as_str(args).is_some_and(|_| obj_type(args) == vm.t.str_) =>
        {
            &one
        }
        None => return None,
    };
    let mut out = String::with_capacity(f.len() + 8 * items.len());
    let mut next = items.iter();
    let mut rest = f;
    // A byte scan: formats are short, where `str::find`'s searcher set-up dominates.
    while let Some(at) = rest.bytes().position(|b| b == b'%') {
        out.push_str(&rest[..at]);
        let spec = *rest.as_bytes().get(at + 1)?;
        match spec {
            b'%' => out.push('%'),
            b'd' | b's' => {
                let v = *next.next()?;
                if v.is_small_int() {
                    out.push_str(itoa::Buffer::new().format(v.as_small_int()));
                } else if spec == b's' && is_exact(v, vm.t.str_) {
                    out.push_str(&as_str(v)?.s);
                } else {
                    return None;
                }
            }
            _ => return None,
        }
        rest = &rest[at + 2..];
    }
    if next.next().is_some() {
        return None;
    }
    out.push_str(rest);
    Some(vm.new_str_owned(out))
}

pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult {
    if let Some(r) = simple_percent_format(vm, fmt, args) {
        return Ok(r);
    }
    // A bytes format is formatted as Latin-1 text (one char per byte) and encoded back.
    let bytes_fmt = as_bytes(fmt).map(|b| b.iter().map(|&c| c as char).collect::<String>());
    let is_bytes = bytes_fmt.is_some();
    let f = bytes_fmt.unwrap_or_else(|| str_of(fmt).to_string());
    let format = if is_bytes {
        rtlib::percent_format::percent_format_bytes
    } else {
        rtlib::percent_format::percent_format
    };
    // A tuple subclass instance (a namedtuple) supplies its items too.
    let tuple_items: Option<Vec<Value>> = as_tuple(args)
        .or_else(|| crate::vm::types::subclass::base_value(args).and_then(as_tuple))
        .map(|t| t.to_vec());
    // PyMapping_Check: anything with __getitem__ but a tuple or str (subclasses included; for a
    // bytes format, bytes too) takes %(key)s lookups and is exempt from "not all arguments
    // converted".
    let base_layout = crate::vm::types::subclass::base_value(args)
        .filter(|b| b.is_ptr())
        .map(layout_of);
    let excluded =
        |l: Layout| matches!(l, Layout::Str | Layout::Tuple) || (is_bytes && l == Layout::Bytes);
    let is_mapping = as_dict(args).is_some()
        || (args.is_ptr()
            && !base_layout.is_some_and(excluded)
            && match layout_of(args) {
                l if excluded(l) => false,
                Layout::List | Layout::Bytes | Layout::Range => true,
                // `vars(cls)`, which docutils formats patterns with.
                Layout::DictView => obj_type(args) == vm.t.mappingproxy,
                _ => {
                    let t = obj_type(args);
                    lookup_type_str(vm, t, "__getitem__").is_some()
                }
            });
    vm.roots.push(args);
    let r = {
        let cell: RefCell<&mut Vm> = RefCell::new(&mut *vm);
        let res = match &tuple_items {
            Some(items) => {
                let ps: Vec<PArg> = items.iter().map(|&v| PArg { v, vm: &cell }).collect();
                format(&f, rtlib::percent_format::PercentArgs::Tuple(&ps))
            }
            None => {
                let lookup = |key: &str| -> Result<PArg, FmtErr> {
                    let mut vm = cell.borrow_mut();
                    // A bytes format looks its keys up as bytes.
                    let k = if is_bytes {
                        vm.new_bytes(key.chars().map(|c| c as u8).collect())
                    } else {
                        vm.new_str(key)
                    };
                    match crate::vm::runtime::subscr::getitem(&mut vm, args, k) {
                        Ok(v) => Ok(PArg { v, vm: &cell }),
                        Err(e) => Err(FmtErr::Py(e)),
                    }
                };
                let single = PArg { v: args, vm: &cell };
                let lookup: Option<&rtlib::percent_format::MappingLookup<PArg, FmtErr>> =
                    if is_mapping { Some(&lookup) } else { None };
                format(
                    &f,
                    rtlib::percent_format::PercentArgs::Single(single, lookup),
                )
            }
        };
        res
    };
    vm.roots.pop();
    match r {
        Ok(s) if is_bytes => {
            let b: Vec<u8> = s.chars().map(|c| c as u8).collect();
            Ok(crate::vm::types::bytes::new_like(vm, fmt, b))
        }
        Ok(s) => Ok(vm.new_str_owned(s)),
        Err(e) => Err(fmt_err(vm, e)),
    }
}
