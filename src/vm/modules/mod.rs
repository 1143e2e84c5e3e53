//! Imports: built-in modules (sys, math, time) and single-file modules found next to the script
//! or on PYTHONPATH.

pub mod array;
pub mod binascii;
pub mod bisect;
pub mod bz2;
pub mod cmath;
pub mod csv;
pub mod expat;
pub mod fcntl;
pub mod functools;
pub mod hashes;
pub mod hashlib;
pub mod heapq;
pub mod itertools;
pub mod json;
pub mod lzma;
pub mod math;
pub mod package;
pub mod pickle_fast;
pub mod posix;
pub mod posix_fs;
pub mod posix_sys;
pub mod process;
pub mod pyc_cache;
pub mod random;
pub mod resource;
pub mod signal;
pub mod socket;
pub mod sqlite;
pub mod sre;
pub mod statistics;
pub mod struct_items;
pub mod sys;
pub mod sys_path;
pub mod termios;
pub mod time;
pub mod unicodedata;
pub mod users;
pub mod weakref;
pub mod zlib;

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::getattr_opt;
use crate::vm::runtime::dict::{dict_get_str, dict_set, items_of, keys_of};
use crate::vm::value::Value;

/// Creates (or returns the cached) built-in module `name`, None if there is none.
fn builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "sys" => vm.sys_module,
        "math" => math::create(vm),
        "cmath" => cmath::create(vm)?,
        "array" => array::create(vm)?,
        "time" => time::create(vm)?,
        "_random" => random::create(vm)?,
        "gc" => gc_module(vm),
        "_cpjit" => cpjit_module(vm),
        "_weakref" => weakref::create(vm)?,
        "_sre" => sre::create(vm)?,
        "posix" => posix::create(vm)?,
        "_posixsubprocess" => process::create_posixsubprocess(vm)?,
        "select" => process::create_select(vm)?,
        "builtins" => builtins_module(vm),
        n if hashes::NAMES.contains(&n) => hashes::create(vm, n)?,
        "_hashlib" => hashlib::create(vm)?,
        "zlib" => zlib::create(vm)?,
        "_bz2" => bz2::create(vm)?,
        "_lzma" => lzma::create(vm)?,
        "_csv" => csv::create(vm)?,
        "_json" => json::create(vm)?,
        "_statistics" => statistics::create(vm)?,
        "_bisect" => bisect::create(vm)?,
        "_heapq" => heapq::create(vm)?,
        "_functools" => functools::create(vm)?,
        "itertools" => itertools::create(vm)?,
        "_socket" => socket::create(vm)?,
        "_signal" => signal::create(vm)?,
        "termios" => termios::create(vm)?,
        "pwd" => users::create_pwd(vm)?,
        "fcntl" => fcntl::create(vm)?,
        "grp" => users::create_grp(vm)?,
        "resource" => resource::create(vm)?,
        "_sqlite3" => sqlite::create(vm)?,
        "unicodedata" => unicodedata::create(vm)?,
        "pyexpat" => expat::create(vm)?,
        _ => return python_module(vm, name),
    };
    Ok(Some(m))
}

/// `sys.builtin_module_names`: the modules `builtin_module` creates.
pub const BUILTIN_MODULE_NAMES: &[&str] = &[
    "_bisect",
    "_blake2",
    "_bz2",
    "_csv",
    "_functools",
    "_hashlib",
    "_heapq",
    "_json",
    "_lzma",
    "_md5",
    "_posixsubprocess",
    "_random",
    "_sha1",
    "_sha256",
    "_sha3",
    "_sha512",
    "_signal",
    "_socket",
    "_sqlite3",
    "_sre",
    "_statistics",
    "_weakref",
    "array",
    "builtins",
    "cmath",
    "fcntl",
    "gc",
    "grp",
    "itertools",
    "math",
    "posix",
    "pwd",
    "pyexpat",
    "resource",
    "select",
    "sys",
    "termios",
    "time",
    "unicodedata",
    "zlib",
];

/// `sys.builtin_module_names`: the Rust modules and the frozen Python ones standing in for
/// CPython's C modules (not cpjit's own `_cpjit_*` helpers), sorted.
pub fn builtin_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = BUILTIN_MODULE_NAMES.to_vec();
    v.extend(
        PY_MODULES
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| !n.starts_with("_cpjit") && *n != "_testcapi"),
    );
    v.sort();
    v
}

/// Standard modules cpjit ships as Python source (compiled on first import).
const PY_MODULES: &[(&str, &str)] = &[
    ("_cpjit_types", include_str!("py/_cpjit_types.py")),
    ("_cpjit_site", include_str!("py/_cpjit_site.py")),
    ("_cpjit_eg", include_str!("py/_cpjit_eg.py")),
    ("_cpjit_spec", include_str!("py/_cpjit_spec.py")),
    ("_cpjit_unraisable", include_str!("py/_cpjit_unraisable.py")),
    ("_cpjit_structseq", include_str!("py/_cpjit_structseq.py")),
    // Modules CPython writes in C, written here in Python.
    ("_string", include_str!("py/_string.py")),
    ("_collections", include_str!("py/_collections.py")),
    ("_thread", include_str!("py/_thread.py")),
    ("_contextvars", include_str!("py/_contextvars.py")),
    ("_codecs", include_str!("py/_codecs.py")),
    ("_io", include_str!("py/_io.py")),
    ("_locale", include_str!("py/_locale.py")),
    ("errno", include_str!("py/errno.py")),
    ("atexit", include_str!("py/atexit.py")),
    ("_struct", include_str!("py/_struct.py")),
    ("binascii", include_str!("py/binascii.py")),
    ("_ast", include_str!("py/_ast.py")),
    ("_imp", include_str!("py/_imp.py")),
    ("_abc", include_str!("py/_abc.py")),
    ("_operator", include_str!("py/_operator.py")),
    ("_warnings", include_str!("py/_warnings.py")),
    ("marshal", include_str!("py/marshal.py")),
    ("_datetime", include_str!("py/_datetime.py")),
    ("_decimal", include_str!("py/_decimal.py")),
    ("_pickle", include_str!("py/_pickle.py")),
    // CPython's test-support extension module (its constants only; not a built-in there).
    ("_testcapi", include_str!("py/_testcapi.py")),
];

fn python_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let Some(&(_, src)) = PY_MODULES.iter().find(|(n, _)| *n == name) else {
        return Ok(None);
    };
    let m = vm.new_module(name);
    vm.roots.push(m);
    let d = as_module(m).unwrap().dict;
    // In sys.modules while its body runs (as CPython's import does), so a circular import of
    // it sees the partly initialized module; removed again if the body fails.
    let key = vm.new_str(name);
    vm.roots.push(key);
    dict_set(vm, vm.modules, key, m)?;
    // Every module has a __doc__ (its docstring sets it).
    let (dk, none) = (vm.intern("__doc__"), vm.none);
    dict_set(vm, d, dk, none)?;
    let r = crate::vm::run::exec_source(vm, src.as_bytes(), &format!("<frozen {name}>"), d);
    if r.is_err() {
        let _ = crate::vm::runtime::dict::dict_del(vm, vm.modules, key);
    }
    vm.roots.pop();
    vm.roots.pop();
    r?;
    Ok(Some(m))
}

/// IMPORT_NAME.
pub fn import_name(vm: &mut Vm, name: Value, fromlist: Value, level: Value) -> PyResult {
    let mut full = str_of(name).to_string();
    let level = if level.is_small_int() {
        level.as_small_int()
    } else {
        0
    };
    // PyImport_ImportModuleLevelObject's checks (reached by __import__; the compiler's
    // IMPORT_NAME never fails them).
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let level = level as usize;
    if level == 0 && full.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    if level > 0 {
        // IMPORT_NAME runs in the importing frame: its globals name the package.
        let globals = if vm.current.is_null() {
            Value::NULL
        } else {
            vm.current.get().globals
        };
        full = package::resolve_relative(vm, &full, level, globals)?;
    }
    let m = package::import_dotted(vm, &full)?;
    let has_fromlist = as_tuple(fromlist).is_some_and(|t| !t.is_empty());
    if has_fromlist {
        vm.roots.push(m);
        let r = package::handle_fromlist(vm, m, fromlist);
        vm.roots.pop();
        r?;
        return Ok(m);
    }
    if level > 0 && str_of(name).is_empty() {
        return Ok(m);
    }
    // `import a.b.c` binds the top-level package (for relative imports: the first component
    // after the package prefix).
    let top = if level > 0 {
        let rel_first = str_of(name).split('.').next().unwrap_or("");
        let base_len = full.len() - str_of(name).len();
        format!("{}{}", &full[..base_len], rel_first)
    } else {
        full.split('.').next().unwrap_or("").to_string()
    };
    let key = vm.new_str(&top);
    Ok(dict_get_str(vm, vm.modules, key).unwrap_or(m))
}

/// `warnings.warn(msg, category)` (stacklevel 1: the warning is located at the Python code
/// that called the built-in warning, as CPython's `PyErr_WarnFormat(category, 1, ...)`); the
/// warnings filters decide whether it is shown, ignored or raised.
pub fn warn(vm: &mut Vm, category: &str, msg: String) -> PyResult<()> {
    let warnings = import_module(vm, "warnings")?;
    let k = vm.intern("warn");
    let warn = crate::vm::runtime::attr::getattr(vm, warnings, k)?;
    let m = vm.new_str_owned(msg);
    vm.roots.push(m);
    let k = vm.intern(category);
    let cat = dict_get_str(vm, vm.builtins, k).unwrap_or(vm.none);
    let r = crate::vm::runtime::call::call(vm, warn, &[m, cat], &[]);
    vm.roots.pop();
    r.map(|_| ())
}

pub fn import_module(vm: &mut Vm, name: &str) -> PyResult {
    let key = vm.new_str(name);
    if let Some(m) = dict_get_str(vm, vm.modules, key) {
        return package::cached_module(vm, name, m);
    }
    // Creating a module can run Python code (and so collect): `key` is made again after it.
    if let Some(m) = builtin_module(vm, name)? {
        vm.roots.push(m);
        let key = vm.new_str(name);
        let mut r = dict_set(vm, vm.modules, key, m);
        if r.is_ok() && !name.starts_with("_cpjit") && as_module(m).is_some() {
            r = package::set_spec(vm, m, name, Some("built-in"), Value::NULL, "builtin");
        }
        vm.roots.pop();
        r?;
        return Ok(m);
    }
    // A single-file module or a package directory on the search path.
    let path = package::sys_path(vm);
    if let Some(found) = package::find_in(&path, name) {
        return package::load(vm, name, found);
    }
    Err(package::module_not_found(vm, name))
}

/// IMPORT_FROM (ceval.c `import_from`).
pub fn import_from(vm: &mut Vm, m: Value, name: Value) -> PyResult {
    if let Some(v) = getattr_opt(vm, m, name)? {
        return Ok(v);
    }
    // A submodule imported since (circular imports): sys.modules['pkg.name'].
    let k = vm.intern("__name__");
    let pkgname = getattr_opt(vm, m, k)?.filter(|v| as_str(*v).is_some());
    if let Some(p) = pkgname {
        let full = format!("{}.{}", str_of(p), str_of(name));
        let k = vm.new_str(&full);
        if let Some(v) = dict_get_str(vm, vm.modules, k) {
            return Ok(v);
        }
    }
    let shown = match pkgname {
        Some(p) => crate::vm::runtime::repr::str_repr(str_of(p)),
        None => "'<unknown module name>'".to_string(),
    };
    let n = crate::vm::runtime::repr::str_repr(str_of(name));
    // PyModule_GetFilenameObject: a module's __file__, when it is a str.
    let file = as_module(m).and_then(|md| {
        let d = md.dict;
        let k = vm.intern("__file__");
        dict_get_str(vm, d, k).filter(|f| as_str(*f).is_some())
    });
    let msg = match file {
        None => format!("cannot import name {n} from {shown} (unknown location)"),
        Some(f) => {
            let k = vm.intern("__spec__");
            let spec = getattr_opt(vm, m, k).ok().flatten().unwrap_or(vm.none);
            let f = str_of(f);
            if crate::vm::runtime::attr::spec_initializing(vm, spec) {
                format!("cannot import name {n} from partially initialized module {shown} (most likely due to a circular import) ({f})")
            } else {
                format!("cannot import name {n} from {shown} ({f})")
            }
        }
    };
    // PyErr_SetImportError(msg, name=__name__, path=__file__).
    let e = vm.err("ImportError", msg);
    vm.roots.push(e);
    for (attr, v) in [("name", pkgname), ("path", file)] {
        if let Some(v) = v {
            let k = vm.intern(attr);
            let _ = crate::vm::runtime::attr::generic_setattr(vm, e, k, v);
        }
    }
    vm.roots.pop();
    Err(e)
}

/// IMPORT_STAR.
pub fn import_star(vm: &mut Vm, m: Value, locals: Value) -> PyResult<()> {
    let Some(md) = as_module(m) else {
        return Err(vm.type_error("import * from a non-module"));
    };
    let d = md.dict;
    let all_k = vm.intern("__all__");
    let names: Vec<Value> = match dict_get_str(vm, d, all_k) {
        Some(a) => crate::vm::runtime::iter::collect(vm, a)?,
        None => keys_of(d)
            .into_iter()
            .filter(|k| !str_of(*k).starts_with('_'))
            .collect(),
    };
    // A module `__getattr__` may run Python code: the names stay rooted.
    crate::vm::runtime::iter::with_roots(vm, &names, |vm| {
        for &n in &names {
            let v = crate::vm::runtime::attr::getattr(vm, m, n)?;
            dict_set(vm, locals, n, v)?;
        }
        Ok(())
    })
}

/// Sets `name` in a module's dict.
pub fn set_attr(vm: &mut Vm, m: Value, name: &str, v: Value) {
    let d = as_module(m).unwrap().dict;
    let k = vm.intern(name);
    let _ = dict_set(vm, d, k, v);
}

/// A module of Rust functions plus a Python part run in its namespace (the Python part sees
/// the functions as globals and builds the module's classes on them).
pub fn native_with_python(
    vm: &mut Vm,
    name: &str,
    fns: &[(&'static str, BuiltinFn)],
    src: &str,
) -> PyResult {
    let m = vm.new_module(name);
    vm.roots.push(m);
    for &(n, f) in fns {
        def(vm, m, n, f);
    }
    let none = vm.none;
    set_attr(vm, m, "__file__", none);
    let d = as_module(m).unwrap().dict;
    let r = crate::vm::run::exec_source(vm, src.as_bytes(), &format!("<frozen {name}>"), d);
    vm.roots.pop();
    r?;
    Ok(m)
}

/// An instance of the exception class `class` of the module `module` (`zlib.error`,
/// `_lzma.LZMAError`) with the message `msg`; a RuntimeError if the class cannot be had.
pub fn module_error(vm: &mut Vm, module: &str, class: &str, msg: String) -> Value {
    let cls = match import_module(vm, module) {
        Ok(m) => {
            let k = vm.intern(class);
            crate::vm::runtime::attr::getattr(vm, m, k).ok()
        }
        Err(_) => None,
    };
    match cls {
        Some(c) => {
            let s = vm.new_str_owned(msg);
            match crate::vm::runtime::call::call(vm, c, &[s], &[]) {
                Ok(e) | Err(e) => e,
            }
        }
        None => vm.err("RuntimeError", msg),
    }
}

/// The module a C extension module's Python stand-in `inner` (from `native_with_python`)
/// shows: its public names and those of `private` (names the stdlib imports), not the helpers,
/// so that `dir()` and `vars()` read as CPython's. The functions and classes keep `inner`'s
/// namespace as their globals.
pub fn public_part(vm: &mut Vm, inner: Value, private: &[&str]) -> PyResult {
    let name = as_module(inner).map_or_else(String::new, |m| str_of(m.name).to_string());
    let m = vm.new_module(&name);
    vm.roots.push(m);
    let d = as_module(m).unwrap().dict;
    let items = items_of(as_module(inner).unwrap().dict);
    let mut r = Ok(());
    for (k, v) in items {
        let ks = str_of(k);
        let keep = !ks.starts_with('_')
            || private.contains(&ks)
            || matches!(
                ks,
                "__doc__" | "__file__" | "__spec__" | "__loader__" | "__package__"
            );
        if keep {
            r = r.and(dict_set(vm, d, k, v));
        }
    }
    vm.roots.pop();
    r.map(|()| m)
}

/// The bytes of a bytes-like argument, or CPython's TypeError for another object.
pub fn bytes_arg<'a>(vm: &mut Vm, v: Value) -> PyResult<&'a [u8]> {
    match crate::vm::types::memoryview::buffer_bytes(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

pub fn def(vm: &mut Vm, m: Value, name: &'static str, f: BuiltinFn) {
    let b = vm.new_builtin(name, f, m);
    // Module functions are not bound to the module: clear `bound` so calls pass no self.
    if let Some(bd) = as_builtin(b) {
        bd.bound = Value::NULL;
        bd.module = as_module(m).map_or(Value::NULL, |md| md.name);
    }
    set_attr(vm, m, name, b);
}

/// `gc`: collect() runs a collection; enable/disable/isenabled are accepted (always enabled).
/// `builtins`: a module whose dict is the interpreter's builtins dict (so `builtins.len = f`
/// is seen by every module, as in CPython).
fn builtins_module(vm: &mut Vm) -> Value {
    let name = vm.new_str("builtins");
    let dict = vm.builtins;
    let ty = vm.t.module;
    let m = vm.heap.alloc(ty, ModuleData { name, dict });
    vm.permanent.push(m);
    m
}

/// `_cpjit`: cpjit's own debugging hooks (CPython has no such module). `_cpjit.panic(msg)` raises
/// a Rust panic, so tests can check that panics become `SystemError: cpjit internal error`.
fn cpjit_module(vm: &mut Vm) -> Value {
    let m = vm.new_module("_cpjit");
    def(vm, m, "panic", |vm, a, _k| {
        let msg = match a.first() {
            Some(&v) => crate::vm::runtime::repr::str_string(vm, v)?,
            None => "explicit panic".to_string(),
        };
        panic!("{msg}");
    });
    // `_cpjit.read_text(path)`: a UTF-8 file's text, None if it cannot be read (the site
    // module's license printer reads LICENSE.txt with it while `open` is missing).
    def(vm, m, "read_text", |vm, a, k| {
        crate::vm::types::nargs(vm, "read_text", a, k, 0, 1, 1)?;
        let path = crate::vm::interp::str_of(a[0]).to_string();
        Ok(match std::fs::read_to_string(path) {
            Ok(t) => vm.new_str_owned(t),
            Err(_) => vm.none,
        })
    });
    // `float_pack(x, size, little)` / `float_unpack(data, size, little)`: IEEE 754 binary16,
    // binary32 or binary64 bytes (the `_struct` module's e, f and d formats).
    // `_cpjit.builtin_function(f)`: a built-in function that calls the Python callable f; as
    // a class attribute it does not bind (`_io.open`, which test classes store as `open`).
    def(vm, m, "builtin_function", |vm, a, k| {
        crate::vm::types::nargs(vm, "builtin_function", a, k, 0, 1, 1)?;
        let n = vm.intern("__name__");
        let name = getattr_opt(vm, a[0], n)?
            .and_then(|v| as_str(v).map(|s| s.s.to_string()))
            .unwrap_or_else(|| "function".to_string());
        let name: &'static str = Box::leak(name.into_boxed_str());
        let ty = vm.t.builtin_function;
        Ok(vm.heap.alloc(
            ty,
            BuiltinData {
                module: Value::NULL,
                name,
                f: |vm, a, k| crate::vm::runtime::call::call(vm, a[0], &a[1..], k),
                bound: a[0],
                owner: Value::NULL,
            },
        ))
    });
    // `_cpjit.c_type(cls)`: marks a class standing in for a type CPython writes in C, so
    // messages name it module-qualified as CPython's tp_name does; returns the class.
    def(vm, m, "c_type", |vm, a, k| {
        crate::vm::types::nargs(vm, "c_type", a, k, 0, 1, 1)?;
        if !a[0].is_ptr() || !vm.isinstance(a[0], vm.t.type_) {
            return Err(vm.type_error("c_type() argument must be a class"));
        }
        type_data(a[0].as_ptr::<TypeObject>()).c_type.set(true);
        Ok(a[0])
    });
    // `_cpjit.stdio_types()`: the native types of the standard streams' layers, (TextIOWrapper,
    // BufferedReader, BufferedWriter, FileIO), for `_io` to register with its classes of the same
    // names, so that `isinstance(sys.stdout, io.TextIOBase)` holds as in CPython.
    def(vm, m, "stdio_types", |vm, a, k| {
        crate::vm::types::nargs(vm, "stdio_types", a, k, 0, 0, 0)?;
        let t = crate::vm::builtins::stdio::stream_types(vm);
        Ok(vm.new_tuple(t.to_vec()))
    });
    // `_cpjit.tuple_item_getter(i)`: a built-in function returning item i of a tuple (or a
    // tuple subclass instance) by position, never through an overridden `__getitem__`: the
    // getter of `_collections._tuplegetter` (namedtuple fields).
    def(vm, m, "tuple_item_getter", |vm, a, k| {
        crate::vm::types::nargs(vm, "tuple_item_getter", a, k, 0, 1, 1)?;
        let ty = vm.t.builtin_function;
        Ok(vm.heap.alloc(
            ty,
            BuiltinData {
                module: Value::NULL,
                name: "_tuplegetter",
                f: tuple_item,
                bound: a[0],
                owner: Value::NULL,
            },
        ))
    });
    def(vm, m, "float_pack", float_pack);
    def(vm, m, "float_unpack", float_unpack);
    binascii::install(vm, m);
    struct_items::install(vm, m);
    pickle_fast::install(vm, m);
    m
}

/// `tuple_item_getter(i)`'s function: `a` is (i, obj).
fn tuple_item(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "_tuplegetter", a, k, 1, 1, 1)?;
    let i = crate::vm::runtime::num::int_to_i64(a[0]).unwrap_or(-1);
    let obj = a[1];
    let items =
        as_tuple(obj).or_else(|| crate::vm::types::subclass::base_value(obj).and_then(as_tuple));
    let Some(items) = items else {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(format!(
            "descriptor for index '{i}' for tuple subclasses doesn't apply to '{tn}' object"
        )));
    };
    match usize::try_from(i).ok().and_then(|i| items.get(i)) {
        Some(&v) => Ok(v),
        None => Err(vm.err("IndexError", "tuple index out of range")),
    }
}

fn float_pack(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "float_pack", a, k, 0, 3, 3)?;
    let x = crate::vm::runtime::num::float_of(vm, a[0])?.unwrap_or(0.0);
    let size = crate::vm::runtime::num::index_c(vm, a[1], "int", |n| i32::try_from(n).is_ok())?;
    let little = crate::vm::runtime::compare::truthy(vm, a[2])?;
    let mut bytes: Vec<u8> = match size {
        2 => match f64_to_f16(x) {
            Some(h) => h.to_be_bytes().to_vec(),
            None => return Err(vm.err("OverflowError", "float too large to pack with e format")),
        },
        4 => {
            let f = x as f32;
            if f.is_infinite() && x.is_finite() {
                return Err(vm.err("OverflowError", "float too large to pack with f format"));
            }
            f.to_be_bytes().to_vec()
        }
        _ => x.to_be_bytes().to_vec(),
    };
    if little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn float_unpack(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult {
    crate::vm::types::nargs(vm, "float_unpack", a, k, 0, 3, 3)?;
    let mut data = crate::vm::types::memoryview::buffer_bytes(a[0])
        .unwrap_or(&[])
        .to_vec();
    let little = crate::vm::runtime::compare::truthy(vm, a[2])?;
    if little {
        data.reverse();
    }
    let x = match data.len() {
        2 => f16_to_f64(u16::from_be_bytes([data[0], data[1]])),
        4 => f32::from_be_bytes([data[0], data[1], data[2], data[3]]) as f64,
        8 => f64::from_be_bytes(data[..8].try_into().unwrap()),
        _ => return Err(vm.value_error("float_unpack: bad size")),
    };
    Ok(vm.new_float(x))
}

/// Rounds to the nearest integer, ties to even.
fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (r - f).abs() == 0.5 && r % 2.0 != 0.0 {
        r - (r - f).signum()
    } else {
        r
    }
}

/// IEEE 754 binary16 bits of `x` (rounded half to even), None if it is finite but too large.
pub(crate) fn f64_to_f16(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a < 2f64.powi(-14) {
        // Subnormal (or zero): a multiple of 2**-24; 1024 rounds up to the smallest normal.
        return Some(sign | round_half_even(a * 2f64.powi(24)) as u16);
    }
    let mut e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let m = a / 2f64.powi(e);
    let mut r = round_half_even((m - 1.0) * 1024.0) as u16;
    if r == 1024 {
        r = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | r)
}

pub(crate) fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 if f == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

fn gc_module(vm: &mut Vm) -> Value {
    let m = vm.new_module("gc");
    // The number of objects the collection freed (CPython counts the unreachable objects in
    // cycles; a tracing collector also frees acyclic garbage not yet reclaimed, so this is at
    // least CPython's count for the same cycles).
    def(vm, m, "collect", |vm, _a, _k| {
        let before = vm.heap.live_objects();
        vm.collect();
        let freed = before.saturating_sub(vm.heap.live_objects());
        Ok(vm.new_int(freed as i64))
    });
    def(vm, m, "enable", |vm, a, k| {
        crate::vm::types::nargs(vm, "enable", a, k, 0, 0, 0)?;
        vm.gc_enabled = true;
        vm.update_gc_policy();
        Ok(vm.none)
    });
    def(vm, m, "disable", |vm, a, k| {
        crate::vm::types::nargs(vm, "disable", a, k, 0, 0, 0)?;
        vm.gc_enabled = false;
        vm.update_gc_policy();
        Ok(vm.none)
    });
    def(vm, m, "isenabled", |vm, a, k| {
        crate::vm::types::nargs(vm, "isenabled", a, k, 0, 0, 0)?;
        Ok(vm.bool_val(vm.gc_enabled))
    });
    def(vm, m, "get_debug", |vm, a, k| {
        crate::vm::types::nargs(vm, "get_debug", a, k, 0, 0, 0)?;
        Ok(vm.new_int(vm.gc_debug))
    });
    // The debugging flags print statistics or keep the garbage in gc.garbage, which cpjit's
    // collector does not do: only 0 (no debugging) is accepted.
    def(vm, m, "set_debug", |vm, a, k| {
        crate::vm::types::nargs(vm, "set_debug", a, k, 0, 1, 1)?;
        let flags = crate::vm::types::exc::ssize_index(vm, a[0])?;
        if flags != 0 {
            return Err(vm.not_implemented("gc.set_debug flags (DEBUG_STATS, DEBUG_SAVEALL, ...)"));
        }
        vm.gc_debug = flags;
        Ok(vm.none)
    });
    def(vm, m, "get_threshold", |vm, a, k| {
        crate::vm::types::nargs(vm, "get_threshold", a, k, 0, 0, 0)?;
        let th = vm.gc_thresholds;
        let t: Vec<Value> = th.iter().map(|&x| vm.new_int(x)).collect();
        Ok(vm.new_tuple(t))
    });
    def(vm, m, "set_threshold", |vm, a, k| {
        if !k.is_empty() {
            return Err(vm.type_error("set_threshold() takes no keyword arguments"));
        }
        if a.is_empty() || a.len() > 3 {
            let msg = if a.is_empty() {
                "set_threshold() takes at least 1 argument (0 given)".to_string()
            } else {
                format!(
                    "set_threshold() takes at most 3 arguments ({} given)",
                    a.len()
                )
            };
            return Err(vm.type_error(msg));
        }
        let mut t = vm.gc_thresholds;
        for (slot, &v) in t.iter_mut().zip(a) {
            let n = crate::vm::types::exc::ssize_index(vm, v)?;
            *slot = match i32::try_from(n) {
                Ok(x) => i64::from(x),
                Err(_) if n < 0 => {
                    return Err(vm.overflow_error("signed integer is less than minimum"))
                }
                Err(_) => return Err(vm.overflow_error("signed integer is greater than maximum")),
            };
        }
        vm.gc_thresholds = t;
        vm.update_gc_policy();
        Ok(vm.none)
    });
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        let i = vm.new_int(v);
        set_attr(vm, m, name, i);
    }
    // Objects the collector found unreachable but could not free: none in cpjit (it frees
    // every unreachable object, as CPython 3.4+ does for cycles with finalizers).
    let garbage = vm.new_list(Vec::new());
    set_attr(vm, m, "garbage", garbage);
    m
}

/// The one argument of an Argument Clinic function taking `param` by position or keyword.
pub fn clinic_one_arg(
    vm: &mut Vm,
    a: &[Value],
    k: &[Value],
    func: &str,
    param: &str,
) -> PyResult<Value> {
    let (pos, kws) = crate::vm::types::split_kw(a, k);
    let mut v = pos.first().copied();
    if pos.len() + kws.len() > 1 {
        return Err(vm.type_error(format!(
            "{func}() takes at most 1 argument ({} given)",
            pos.len() + kws.len()
        )));
    }
    let mut unknown = None;
    for (name, val) in kws {
        if name == param {
            v = Some(val);
        } else {
            unknown = Some(name);
        }
    }
    // Argument Clinic reports a missing argument before an unknown keyword.
    let Some(v) = v else {
        return Err(vm.type_error(format!(
            "{func}() missing required argument '{param}' (pos 1)"
        )));
    };
    if let Some(name) = unknown {
        return Err(vm.type_error(format!(
            "{func}() got an unexpected keyword argument '{name}'"
        )));
    }
    Ok(v)
}

/// `module.cls(items)`: a struct sequence of a native module (`pwd.struct_passwd`,
/// `os.uname_result`, ...) made from its fields. The tuple is rooted while Python code may run
/// (collections happen only at safepoints, so the values made before it need no rooting).
pub fn struct_seq(vm: &mut Vm, module: &str, cls: &str, items: Vec<Value>) -> PyResult {
    let t = vm.new_tuple(items);
    vm.roots.push(t);
    let r = (|| {
        let m = import_module(vm, module)?;
        let k = vm.intern(cls);
        let c = crate::vm::runtime::attr::getattr(vm, m, k)?;
        crate::vm::runtime::call::call(vm, c, &[t], &[])
    })();
    vm.roots.pop();
    r
}
