//! The built-in exception hierarchy (CPython's names and bases) and BaseException's methods.

use super::{add_method, add_static, new_type, Types};
use crate::vm::gc::Heap;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::repr;
use crate::vm::value::Value;

/// (name, base) in definition order.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("TimeoutError", "OSError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("InterruptedError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

pub fn bootstrap_exceptions(heap: &mut Heap, t: &mut Types) {
    for &(name, base) in HIERARCHY {
        let b = if base == "object" {
            t.object
        } else {
            t.exc(base)
        };
        let ty = new_type(heap, t.type_, name, Layout::Instance, &[b]);
        let td = type_data_mut(ty);
        td.is_exception = true;
        td.base_ok = true;
        t.add_exception(name, ty);
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.t.exc("BaseException");
    // Each built-in exception class has its own `__new__` (as in CPython, where the error
    // messages name the class it was looked up on: `ValueError.__new__(X): ...`).
    let names = vm.t.exception_names();
    for name in names {
        let ty = vm.t.exc(name);
        add_static(vm, ty, "__new__", new, false);
    }
    // Each built-in exception class has its own `__init__` slot wrapper in CPython:
    // `EOFError.__init__(ValueError())` is a TypeError.
    let names = vm.t.exception_names();
    for name in names {
        let ty = vm.t.exc(name);
        add_method(vm, ty, "__init__", init);
    }
    add_method(vm, t, "__reduce__", exc_reduce);
    add_method(vm, t, "__setstate__", exc_setstate);
    add_method(vm, t, "__repr__", exc_repr);
    add_method(vm, t, "__str__", exc_str);
    // The classes with their own `__str__` slot (a checked self: `UnicodeDecodeError.__str__`
    // of a ValueError is a TypeError).
    for name in [
        "OSError",
        "KeyError",
        "AttributeError",
        "ImportError",
        "NameError",
        "SyntaxError",
        "UnicodeEncodeError",
        "UnicodeDecodeError",
        "UnicodeTranslateError",
    ] {
        let ty = vm.t.exc(name);
        add_method(vm, ty, "__str__", exc_str);
    }
    // OSError and ImportError have their own `__reduce__` too.
    for name in ["OSError", "ImportError"] {
        let ty = vm.t.exc(name);
        add_method(vm, ty, "__reduce__", exc_reduce);
    }
    add_method(vm, t, "with_traceback", with_traceback);
    add_method(vm, t, "add_note", add_note);
}

/// `BaseException.add_note(note)`: appends `note` (a str) to the `__notes__` list, made on first
/// use.
fn add_note(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "BaseException.add_note", args, kw, 1, 1, 1)?;
    let (exc, note) = (args[0], args[1]);
    if !vm.isinstance(note, vm.t.str_) {
        let tn = vm.type_name(note);
        return Err(vm.type_error(format!("note must be a str, not '{tn}'")));
    }
    let k = vm.sname("__notes__");
    let notes = match crate::vm::runtime::attr::getattr_opt(vm, exc, k)? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            crate::vm::runtime::attr::setattr(vm, exc, k, l)?;
            l
        }
    };
    let list = super::subclass::base_value(notes).unwrap_or(notes);
    match as_list(list) {
        Some(items) => items.push(note),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(vm.none)
}

fn new(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let cls = args[0].as_ptr::<TypeObject>();
    let os_error = vm.t.exc("OSError");
    if vm.is_subtype(cls, os_error) {
        // CPython's OSError_new refuses keywords (naming the class called) unless a subclass's
        // own __init__ takes the arguments (oserror_use_init).
        if !_kw.is_empty() {
            let init = crate::vm::runtime::attr::lookup_type_str(vm, cls, "__init__");
            if init.is_none_or(|i| as_function(i).is_none()) {
                let n = type_data(cls).name.clone();
                return Err(vm.type_error(format!("{n}() takes no keyword arguments")));
            }
        }
        return super::oserror::new(vm, cls, &args[1..args.len() - _kw.len()]);
    }
    let a = vm.new_tuple(args[1..args.len() - _kw.len()].to_vec());
    Ok(vm.new_exception_args(cls, a))
}

fn init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if vm.isinstance(args[0], vm.t.exc("ImportError")) {
        return import_error_init(vm, args, kw);
    }
    if vm.isinstance(args[0], vm.t.exc("AttributeError")) {
        return named_error_init(vm, args, kw, "AttributeError", &["name", "obj"]);
    }
    if vm.isinstance(args[0], vm.t.exc("NameError")) {
        return named_error_init(vm, args, kw, "NameError", &["name"]);
    }
    if !kw.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("{tn}() takes no keyword arguments")));
    }
    // OSError.__new__ already set args (without the filename) and the errno fields.
    if super::oserror::initialized(args[0]) {
        return Ok(vm.none);
    }
    let a = vm.new_tuple(args[1..].to_vec());
    if let Some(e) = as_instance(args[0]).and_then(|i| i.exc.as_mut()) {
        e.args = a;
    }
    vm.roots.push(a);
    let r = init_fields(vm, args[0], &args[1..]);
    vm.roots.pop();
    r?;
    Ok(vm.none)
}

/// `AttributeError(*args, name=None, obj=None)` and `NameError(*args, name=None)`: args as
/// given, the keyword-only `fields` (None when not given) as attributes. Errors name `fname`,
/// the class whose C __init__ parses them (PyArg_ParseTupleAndKeywords("|$OO:ImportError"):
/// ModuleNotFoundError's say ImportError, UnboundLocalError's NameError), the count first.
fn named_error_init(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    fname: &str,
    fields: &[&str],
) -> PyResult {
    let (pos, kws) = super::split_kw(args, kw);
    if kws.len() > fields.len() {
        let (n, k) = (fields.len(), kws.len());
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!(
            "{fname}() takes at most {n} keyword argument{s} ({k} given)"
        )));
    }
    let mut vals = vec![vm.none; fields.len()];
    for (k, v) in kws {
        match fields.iter().position(|f| *f == k) {
            Some(i) => vals[i] = v,
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    let a = vm.new_tuple(pos[1..].to_vec());
    if let Some(e) = as_instance(args[0]).and_then(|i| i.exc.as_mut()) {
        e.args = a;
    }
    for (n, v) in fields.iter().zip(vals) {
        let k = vm.intern(n);
        crate::vm::runtime::attr::generic_setattr(vm, args[0], k, v)?;
    }
    Ok(vm.none)
}

/// `ImportError(*args, name=None, path=None)`: args as given; `msg` is the only argument (or
/// None), `name` and `path` the keywords.
fn import_error_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    named_error_init(vm, args, kw, "ImportError", &["name", "path"])?;
    let npos = args.len() - kw.len();
    let msg = if npos == 2 { args[1] } else { vm.none };
    set(vm, args[0], "msg", msg)?;
    Ok(vm.none)
}

/// The argument checks and attributes of the exceptions whose CPython `__init__` parses its
/// arguments: the Unicode errors (`encoding`, `object`, `start`, `end`, `reason`) and
/// SyntaxError with a details tuple (`filename`, `lineno`, `offset`, `text`, ...).
fn init_fields(vm: &mut Vm, exc: Value, a: &[Value]) -> PyResult<()> {
    let kind = unicode_kind(vm, exc);
    if let Some(kind) = kind {
        return unicode_fields(vm, exc, kind, a);
    }
    if vm.isinstance(exc, vm.t.exc("SyntaxError")) {
        return syntax_fields(vm, exc, a);
    }
    Ok(())
}

/// The attributes a SyntaxError's details tuple sets, in order.
pub const SYNTAX_DETAILS: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

/// Which Unicode error class `exc` is an instance of, if any.
fn unicode_kind(vm: &Vm, exc: Value) -> Option<&'static str> {
    [
        "UnicodeEncodeError",
        "UnicodeDecodeError",
        "UnicodeTranslateError",
    ]
    .into_iter()
    .find(|n| vm.isinstance(exc, vm.t.exc(n)))
}

fn set(vm: &mut Vm, exc: Value, name: &str, v: Value) -> PyResult<()> {
    let k = vm.intern(name);
    crate::vm::runtime::attr::generic_setattr(vm, exc, k, v)
}

/// The value of an argument for CPython's `n` converter (Py_ssize_t): OverflowError past 64
/// bits, TypeError without `__index__`.
pub fn ssize_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    use crate::vm::runtime::num::{index_i64, IntVal};
    match index_i64(vm, v)? {
        Some(IntVal::Small(i)) => Ok(i),
        Some(IntVal::Big(_)) => Err(vm.err(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn str_param(vm: &mut Vm, v: Value, i: usize) -> PyResult<Value> {
    if as_str(v).is_some() || super::subclass::str_arg(v).is_some() {
        return Ok(v);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("argument {i} must be str, not {tn}")))
}

fn unicode_fields(vm: &mut Vm, exc: Value, kind: &str, a: &[Value]) -> PyResult<()> {
    let n = if kind == "UnicodeTranslateError" {
        4
    } else {
        5
    };
    if a.len() != n {
        return Err(vm.type_error(format!(
            "function takes exactly {n} arguments ({} given)",
            a.len()
        )));
    }
    let (encoding, object, rest) = if n == 4 {
        (None, a[0], &a[1..])
    } else {
        (Some(a[0]), a[1], &a[2..])
    };
    if let Some(e) = encoding {
        str_param(vm, e, 1)?;
    }
    // PyArg_ParseTuple("UOnnU" / "UUnnU" / "UnnU"): each argument in order; a decode error's
    // object is any object there, made bytes after the parse (a copy of a bytes-like one).
    let object = if kind == "UnicodeDecodeError" {
        object
    } else {
        str_param(vm, object, if n == 4 { 1 } else { 2 })?
    };
    vm.roots.push(object);
    let r = (|| {
        let start = ssize_index(vm, rest[0])?;
        let end = ssize_index(vm, rest[1])?;
        let reason = str_param(vm, rest[2], n)?;
        let object = if kind == "UnicodeDecodeError" {
            decode_error_object(vm, object)?
        } else {
            object
        };
        // The copy is rooted while the fields are set (a subclass's __setattr__ may run).
        vm.roots.push(object);
        let r = (|| {
            let none = vm.none;
            set(vm, exc, "encoding", encoding.unwrap_or(none))?;
            set(vm, exc, "object", object)?;
            let start = vm.new_int(start);
            set(vm, exc, "start", start)?;
            let end = vm.new_int(end);
            set(vm, exc, "end", end)?;
            set(vm, exc, "reason", reason)
        })();
        vm.roots.pop();
        r
    })();
    vm.roots.pop();
    r
}

/// UnicodeDecodeError's object as bytes: bytes (or a subclass's value) or a copy of another
/// bytes-like object's bytes (PyObject_GetBuffer's TypeError for anything else).
fn decode_error_object(vm: &mut Vm, object: Value) -> PyResult {
    if let Some(b) = as_bytes(super::subclass::base_value(object).unwrap_or(object)) {
        let bytes = b.clone();
        return Ok(vm.new_bytes(bytes));
    }
    match super::memoryview::buffer_copy(vm, object) {
        Some(bytes) => {
            let bytes = bytes?;
            Ok(vm.new_bytes(bytes))
        }
        None => {
            let tn = vm.type_name(object);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn syntax_fields(vm: &mut Vm, exc: Value, a: &[Value]) -> PyResult<()> {
    let m = a.first().copied().unwrap_or(vm.none);
    set(vm, exc, "msg", m)?;
    if a.len() != 2 {
        return Ok(());
    }
    let info = crate::vm::runtime::iter::collect(vm, a[1])?;
    if !(4..=6).contains(&info.len()) {
        let how = if info.len() < 4 {
            "at least 4"
        } else {
            "at most 6"
        };
        return Err(vm.type_error(format!(
            "function takes {how} arguments ({} given)",
            info.len()
        )));
    }
    let none = vm.none;
    for (i, name) in SYNTAX_DETAILS.into_iter().enumerate() {
        set(vm, exc, name, info.get(i).copied().unwrap_or(none))?;
    }
    if info.len() == 5 {
        return Err(vm.type_error("end_offset must be provided when end_lineno is provided"));
    }
    Ok(())
}

/// The value of attribute `name` set on the exception by `init_fields`.
fn field(vm: &mut Vm, exc: Value, name: &str) -> Option<Value> {
    let d = crate::vm::runtime::attr::instance_dict(exc)?;
    let k = vm.intern(name);
    crate::vm::runtime::dict::dict_get_str(vm, d, k)
}

/// `str()` of a Unicode error built from its five (four) arguments, as CPython's.
fn unicode_str(vm: &mut Vm, exc: Value) -> PyResult<Option<String>> {
    let kind = unicode_kind(vm, exc);
    let Some(kind) = kind else { return Ok(None) };
    let n = if kind == "UnicodeTranslateError" {
        4
    } else {
        5
    };
    if exc_args(exc).len() != n {
        return Ok(None);
    }
    let (Some(obj), Some(start), Some(end), Some(reason)) = (
        field(vm, exc, "object"),
        field(vm, exc, "start"),
        field(vm, exc, "end"),
        field(vm, exc, "reason"),
    ) else {
        return Ok(None);
    };
    let (start, end) = match (
        crate::vm::runtime::num::int_to_i64(start),
        crate::vm::runtime::num::int_to_i64(end),
    ) {
        (Some(s), Some(e)) => (s, e),
        _ => return Ok(None),
    };
    let reason = repr::str_string(vm, reason)?;
    let enc = match field(vm, exc, "encoding") {
        Some(e) if as_str(e).is_some() => format!("'{}' codec ", str_of_val(e)),
        _ => String::new(),
    };
    let verb = match kind {
        "UnicodeEncodeError" => "encode",
        "UnicodeDecodeError" => "decode",
        _ => "translate",
    };
    let len = match (as_str(obj), as_bytes(obj)) {
        (Some(s), _) => s.nchars as i64,
        (_, Some(b)) => b.len() as i64,
        _ => 0,
    };
    if start >= 0 && start < len && end == start + 1 {
        let what = if let Some(b) = as_bytes(obj) {
            format!("byte 0x{:02x}", b[start as usize])
        } else {
            let c = str_of_val(obj).chars().nth(start as usize).unwrap_or('\0');
            let esc = crate::rtlib::codecs::escape_char(c);
            format!("character '{esc}'")
        };
        return Ok(Some(format!(
            "{enc}can't {verb} {what} in position {start}: {reason}"
        )));
    }
    let what = if kind == "UnicodeDecodeError" {
        "bytes"
    } else {
        "characters"
    };
    Ok(Some(format!(
        "{enc}can't {verb} {what} in position {start}-{}: {reason}",
        end - 1
    )))
}

/// `str()` of a SyntaxError built with a details tuple: `msg (file.py, line 3)`.
fn syntax_str(vm: &mut Vm, exc: Value) -> PyResult<Option<String>> {
    if !vm.isinstance(exc, vm.t.exc("SyntaxError")) {
        return Ok(None);
    }
    let none = vm.none;
    // SyntaxErrors the compiler raises carry only their message in `args`.
    let first = exc_args(exc).first().copied().unwrap_or(none);
    let msg = field(vm, exc, "msg").unwrap_or(first);
    let filename = field(vm, exc, "filename").unwrap_or(none);
    let lineno = field(vm, exc, "lineno").unwrap_or(none);
    let msg = repr::str_string(vm, msg)?;
    let file = as_str(filename).map(|s| {
        let f = s.s.to_string();
        f.rsplit('/').next().unwrap_or("").to_string()
    });
    let line = crate::vm::runtime::num::int_to_i64(lineno);
    Ok(Some(match (file, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

fn str_of_val(v: Value) -> String {
    crate::vm::interp::str_of(v).to_string()
}

/// `BaseException.__reduce__`: `(type(self), self.args[, self.__dict__])`.
fn exc_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "__reduce__", args, kw, 1, 0, 0)?;
    let e = args[0];
    let t = Value::from_ptr(vm.type_of(e));
    let items = exc_args(e);
    let a = vm.new_tuple(items);
    let mut out = vec![t, a];
    if let Some(d) = crate::vm::runtime::attr::instance_dict(e) {
        if vm.isinstance(e, vm.t.exc("ImportError")) {
            // ImportError_getstate: the dict with `name` and `path` where set; `msg` is not
            // state (cpjit keeps the three in the instance dict, None when not given).
            vm.roots.push(a);
            let state = vm.new_dict();
            vm.roots.push(state);
            let none = vm.none;
            for (k, v) in crate::vm::runtime::dict::items_of(d) {
                let ks = crate::vm::interp::str_of(k);
                if ks == "msg" || (matches!(ks, "name" | "path") && v == none) {
                    continue;
                }
                crate::vm::runtime::dict::dict_set(vm, state, k, v)?;
            }
            vm.roots.truncate(vm.roots.len() - 2);
            if crate::vm::runtime::dict::len_of(state) > 0 {
                out.push(state);
            }
        } else if crate::vm::runtime::dict::len_of(d) > 0 {
            out.push(d);
        }
    }
    Ok(vm.new_tuple(out))
}

/// `BaseException.__setstate__(state)`: a dict (or None) of attributes to set.
fn exc_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "__setstate__", args, kw, 1, 1, 1)?;
    let state = args[1];
    if state == vm.none {
        return Ok(vm.none);
    }
    // PyDict_Check: a dict subclass's own items (PyDict_Next, not its `items()`).
    let state = super::subclass::base_value(state).unwrap_or(state);
    if as_dict(state).is_none() {
        return Err(vm.type_error("state is not a dictionary"));
    }
    for (k, v) in crate::vm::runtime::dict::items_of(state) {
        // PyObject_SetAttr's check: a str (subclass) name.
        let name = super::subclass::base_value(k).unwrap_or(k);
        if as_str(name).is_none() {
            let tn = vm.type_name(k);
            return Err(vm.type_error(format!("attribute name must be string, not '{tn}'")));
        }
        crate::vm::runtime::attr::setattr(vm, args[0], k, v)?;
    }
    Ok(vm.none)
}

fn exc_args(v: Value) -> Vec<Value> {
    as_instance(v)
        .and_then(|i| i.exc.as_ref())
        .and_then(|e| as_tuple(e.args).map(|t| t.to_vec()))
        .unwrap_or_default()
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let tn = vm.type_name(args[0]);
    let items = exc_args(args[0]);
    let inner = if items.len() == 1 {
        repr::repr_string(vm, items[0])?
    } else {
        let t = vm.new_tuple(items);
        let r = repr::repr_string(vm, t)?;
        r[1..r.len() - 1].trim_end_matches(',').to_string()
    };
    Ok(vm.new_str_owned(format!("{tn}({inner})")))
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    exception_str(vm, args[0])
}

/// `BaseException.__str__` and the `__str__` of the built-in exceptions that override it
/// (OSError, KeyError, the Unicode errors, SyntaxError).
pub fn exception_str(vm: &mut Vm, v: Value) -> PyResult {
    let args = [v];
    if let Some(s) = super::oserror::str(vm, args[0])? {
        return Ok(s);
    }
    if let Some(s) = unicode_str(vm, args[0])? {
        return Ok(vm.new_str_owned(s));
    }
    if let Some(s) = syntax_str(vm, args[0])? {
        return Ok(vm.new_str_owned(s));
    }
    let items = exc_args(args[0]);
    if vm.isinstance(args[0], vm.t.exc("KeyError")) && items.len() == 1 {
        return repr::repr(vm, items[0]);
    }
    match items.len() {
        0 => Ok(vm.new_str("")),
        1 => repr::str(vm, items[0]),
        _ => {
            let t = vm.new_tuple(items);
            repr::repr(vm, t)
        }
    }
}

/// `BaseException.with_traceback(tb)`: sets `__traceback__` and returns the exception.
fn with_traceback(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    super::nargs(vm, "BaseException.with_traceback", args, kw, 1, 1, 1)?;
    set_traceback(vm, args[0], args[1])?;
    Ok(args[0])
}

/// Sets an exception's `__traceback__` to a traceback object or None: the entries are read
/// back from the traceback chain (its frames' code, globals and instruction offsets).
pub fn set_traceback(vm: &mut Vm, exc: Value, tb: Value) -> PyResult<()> {
    if tb != vm.none && vm.type_of(tb) != vm.t.traceback {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    let mut entries = Vec::new();
    let mut globals = Vec::new();
    let mut cur = tb;
    let (k_frame, k_code, k_globals, k_lasti, k_next) = (
        vm.intern("tb_frame"),
        vm.intern("f_code"),
        vm.intern("f_globals"),
        vm.intern("tb_lasti"),
        vm.intern("tb_next"),
    );
    while cur != vm.none && vm.type_of(cur) == vm.t.traceback {
        let fr = crate::vm::runtime::attr::getattr(vm, cur, k_frame)?;
        let code = crate::vm::runtime::attr::getattr(vm, fr, k_code)?;
        let g = crate::vm::runtime::attr::getattr(vm, fr, k_globals)?;
        let lasti = crate::vm::runtime::attr::getattr(vm, cur, k_lasti)?;
        if as_code(code).is_some() {
            let at = if lasti.is_small_int() {
                crate::vm::code::unit_at_lasti(vm, code, lasti.as_small_int())?
            } else {
                0
            };
            entries.push((code, at));
            globals.push(if as_dict(g).is_some() { g } else { Value::NULL });
        }
        cur = crate::vm::runtime::attr::getattr(vm, cur, k_next)?;
    }
    // The chain is outermost first; the entries are innermost first.
    entries.reverse();
    globals.reverse();
    if let Some(e) = as_instance(exc).and_then(|i| i.exc.as_mut()) {
        e.traceback = entries;
        e.tb_globals = globals;
    }
    Ok(())
}
