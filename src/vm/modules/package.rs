//! Dotted and relative imports (importlib's `__import__` / `_handle_fromlist` rules): every
//! prefix of `a.b.c` is imported in turn, a package is a directory with `__init__.py` (run
//! first) or without one (a namespace package), submodules are searched in the parent's
//! `__path__` and bound as attributes of the parent, and `from pkg import mod` imports the
//! submodule when `pkg` has no such attribute.

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::attr::getattr_opt;
use crate::vm::runtime::dict::{dict_get_str, dict_set};
use crate::vm::value::Value;

pub fn module_not_found(vm: &mut Vm, name: &str) -> Value {
    let text = match vm.stdlib {
        Some(_) => format!("No module named '{name}'"),
        None => format!(
            "No module named '{name}' ({})",
            crate::vm::discovery::not_found_reason()
        ),
    };
    module_not_found_text(vm, name, &text)
}

/// A module found in sys.modules: ModuleNotFoundError where the entry is None (how
/// `test.support.import_helper` blocks a module), as CPython's `_find_and_load` raises it.
pub fn cached_module(vm: &mut Vm, name: &str, m: Value) -> PyResult {
    if m == vm.none {
        let text = format!("import of {name} halted; None in sys.modules");
        return Err(module_not_found_text(vm, name, &text));
    }
    Ok(m)
}

/// ModuleNotFoundError(text) with its `name` attribute.
fn module_not_found_text(vm: &mut Vm, name: &str, text: &str) -> Value {
    let t = vm.t.exc("ModuleNotFoundError");
    let msg = vm.new_str(&text);
    let a = vm.new_tuple(vec![msg]);
    let e = vm.new_exception_args(t, a);
    vm.roots.push(e);
    let (k, v) = (vm.intern("name"), vm.new_str(name));
    let _ = crate::vm::runtime::attr::generic_setattr(vm, e, k, v);
    vm.roots.pop();
    e
}

fn global_str(vm: &mut Vm, globals: Value, name: &str) -> Option<String> {
    if as_dict(globals).is_none() {
        return None;
    }
    let k = vm.intern(name);
    dict_get_str(vm, globals, k)
        .filter(|v| as_str(*v).is_some())
        .map(|v| str_of(v).to_string())
}

/// The absolute name of a relative import `from <level dots><name> import ...` made in a
/// module with the given globals (importlib's `_resolve_name`).
pub fn resolve_relative(vm: &mut Vm, name: &str, level: usize, globals: Value) -> PyResult<String> {
    let package = match global_str(vm, globals, "__package__") {
        Some(p) => p,
        None => {
            let modname = global_str(vm, globals, "__name__").unwrap_or_default();
            let k = vm.intern("__path__");
            let is_pkg = as_dict(globals).is_some() && dict_get_str(vm, globals, k).is_some();
            if is_pkg {
                modname
            } else {
                modname
                    .rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(vm.err(
            "ImportError",
            "attempted relative import with no known parent package",
        ));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err(vm.err(
            "ImportError",
            "attempted relative import beyond top-level package",
        ));
    }
    let base = parts[..parts.len() - (level - 1)].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

/// The directory list of a package module (its `__path__`), None for a plain module.
fn package_path(vm: &mut Vm, m: Value) -> Option<Vec<String>> {
    let d = as_module(m)?.dict;
    let k = vm.intern("__path__");
    let p = dict_get_str(vm, d, k)?;
    let items = as_list(p)?.to_vec();
    Some(
        items
            .into_iter()
            .filter(|v| as_str(*v).is_some())
            .map(|v| str_of(v).to_string())
            .collect(),
    )
}

/// What an import found in a directory of the search path.
pub enum Found {
    /// `name.py`.
    Source(std::path::PathBuf),
    /// `name/__init__.py` in the package directory.
    Package(std::path::PathBuf, String),
    /// A directory without `__init__.py` (PEP 420 namespace package; its portions).
    Namespace(Vec<String>),
    /// A C extension (`name.cpython-311-*.so`, `name.abi3.so`, `name.so`): not loadable.
    Extension(std::path::PathBuf),
}

/// The C extension file for module `last` in `dir`, if there is one (FileFinder's order of
/// suffixes: the interpreter's tag, abi3, then plain `.so`).
fn extension_in(dir: &std::path::Path, last: &str) -> Option<std::path::PathBuf> {
    let plain = [format!("{last}.abi3.so"), format!("{last}.so")];
    let tagged = format!("{last}.cpython-311-");
    let rd = std::fs::read_dir(dir).ok()?;
    let mut best: Option<(usize, std::path::PathBuf)> = None;
    for e in rd.flatten() {
        let n = e.file_name();
        let n = n.to_string_lossy();
        let rank = if n.starts_with(&tagged) && n.ends_with(".so") {
            0
        } else if let Some(i) = plain.iter().position(|p| *p == n) {
            i + 1
        } else {
            continue;
        };
        if best.as_ref().map_or(true, |(r, _)| rank < *r) {
            best = Some((rank, e.path()));
        }
    }
    best.map(|(_, p)| p)
}

/// Where module `last` lives in one of `dirs` (each a sys.path-style entry; `''` is the working
/// directory), in FileFinder's order per directory: package, extension, source; namespace
/// portions only when no directory has the module itself.
pub fn find_in(dirs: &[String], last: &str) -> Option<Found> {
    let mut portions = Vec::new();
    for dir in dirs {
        let base = std::path::Path::new(if dir.is_empty() { "." } else { dir });
        let pkg = base.join(last);
        let init = pkg.join("__init__.py");
        let pkg_name = std::path::Path::new(dir)
            .join(last)
            .to_string_lossy()
            .to_string();
        if init.is_file() {
            return Some(Found::Package(init, pkg_name));
        }
        let file = base.join(format!("{last}.py"));
        let is_source = file.is_file();
        // Only a directory holding some file named `last.*` can hold an extension: a cheap
        // check first, as most directories hold neither.
        if !is_source || base.join(format!("{last}.so")).exists() {
            if let Some(ext) = extension_in(base, last) {
                return Some(Found::Extension(ext));
            }
        }
        if is_source {
            let shown = std::path::Path::new(dir).join(format!("{last}.py"));
            return Some(Found::Source(if dir.is_empty() { shown } else { file }));
        }
        if pkg.is_dir() {
            portions.push(pkg_name);
        }
    }
    (!portions.is_empty()).then_some(Found::Namespace(portions))
}

/// sys.path's str entries (the list programs may change).
pub fn sys_path(vm: &mut Vm) -> Vec<String> {
    let sys = vm.sys_module;
    let k = vm.intern("path");
    let Some(md) = as_module(sys) else {
        return Vec::new();
    };
    let d = md.dict;
    match dict_get_str(vm, d, k).and_then(as_list) {
        Some(l) => l
            .iter()
            .filter(|v| as_str(**v).is_some())
            .map(|v| str_of(*v).to_string())
            .collect(),
        None => Vec::new(),
    }
}

/// The source file `-m name` runs and the module name it runs under (`pkg.__main__` for a
/// package); the parent packages are imported first, as runpy does.
pub fn find_module_source(vm: &mut Vm, name: &str) -> PyResult<(String, String)> {
    let (dirs, last) = match name.rsplit_once('.') {
        Some((parent, last)) => {
            let p = import_dotted(vm, parent)?;
            match package_path(vm, p) {
                Some(d) => (d, last),
                None => {
                    return Err(vm.err(
                        "ImportError",
                        format!("No module named {name}; '{parent}' is not a package"),
                    ))
                }
            }
        }
        None => (sys_path(vm), name),
    };
    match find_in(&dirs, last) {
        Some(Found::Source(f)) => Ok((f.display().to_string(), name.to_string())),
        Some(Found::Package(..)) | Some(Found::Namespace(_)) => {
            let main = format!("{name}.__main__");
            import_dotted(vm, name)?;
            find_module_source(vm, &main).map_err(|e| {
                if vm.isinstance(e, vm.t.exc("ImportError")) {
                    vm.err(
                        "ImportError",
                        format!("No module named {main}; '{name}' is a package and cannot be directly executed"),
                    )
                } else {
                    e
                }
            })
        }
        Some(Found::Extension(p)) => Err(extension_error(vm, name, &p)),
        None => Err(module_not_found(vm, name)),
    }
}

/// The error for a C extension module found on the path: ModuleNotFoundError (an ImportError),
/// as a CPython built without that module raises, so the usual fallbacks (`except
/// ModuleNotFoundError:`) take over; its message says why.
pub fn extension_error(vm: &mut Vm, name: &str, file: &std::path::Path) -> Value {
    let e = vm.err(
        "ModuleNotFoundError",
        format!(
            "cannot load C extension module '{name}' ({}): cpjit runs Python code only and cannot load C extensions",
            file.display()
        ),
    );
    vm.roots.push(e);
    let (k, v) = (vm.intern("name"), vm.new_str(name));
    let _ = crate::vm::runtime::attr::generic_setattr(vm, e, k, v);
    let (k, v) = (vm.intern("path"), vm.new_str(&file.display().to_string()));
    let _ = crate::vm::runtime::attr::generic_setattr(vm, e, k, v);
    vm.roots.pop();
    e
}

/// Imports the absolute dotted module `full` (each parent first) and returns it.
pub fn import_dotted(vm: &mut Vm, full: &str) -> PyResult {
    let key = vm.new_str(full);
    if let Some(m) = dict_get_str(vm, vm.modules, key) {
        return cached_module(vm, full, m);
    }
    let Some((parent_name, last)) = full.rsplit_once('.') else {
        return super::import_module(vm, full);
    };
    // A parent already in sys.modules is used as it is, even None (then it is "not a package"),
    // as importlib's _find_and_load_unlocked does.
    let pkey = vm.new_str(parent_name);
    let parent = match dict_get_str(vm, vm.modules, pkey) {
        Some(p) => p,
        None => import_dotted(vm, parent_name)?,
    };
    // The parent's __init__ may have imported it already. (Importing the parent ran Python
    // code, which may have collected: the key is made again.)
    let key = vm.new_str(full);
    if let Some(m) = dict_get_str(vm, vm.modules, key) {
        return Ok(m);
    }
    let Some(dirs) = package_path(vm, parent) else {
        let msg = format!("No module named '{full}'; '{parent_name}' is not a package");
        let e = module_not_found(vm, full);
        let m = vm.new_str(&msg);
        let a = vm.new_tuple(vec![m]);
        if let Some(x) = as_instance(e).and_then(|i| i.exc.as_mut()) {
            x.args = a;
        }
        return Err(e);
    };
    let Some(found) = find_in(&dirs, last) else {
        return Err(module_not_found(vm, full));
    };
    vm.roots.push(parent);
    let r = load(vm, full, found);
    vm.roots.pop();
    let m = r?;
    let k = vm.intern(last);
    let pd = as_module(parent).unwrap().dict;
    dict_set(vm, pd, k, m)?;
    Ok(m)
}

/// Creates module `name` from what `find_in` found, registers it in sys.modules and runs it.
pub fn load(vm: &mut Vm, name: &str, found: Found) -> PyResult {
    let (file, pkg_dirs) = match found {
        Found::Source(f) => (Some(f), None),
        Found::Package(init, dir) => (Some(init), Some(vec![dir])),
        Found::Namespace(dirs) => (None, Some(dirs)),
        Found::Extension(p) => return Err(extension_error(vm, name, &p)),
    };
    let key = vm.new_str(name);
    let m = vm.new_module(name);
    // The module may delete or replace its sys.modules entry while it runs (and collect): keep
    // the key and the module rooted until it is done.
    let base = vm.roots.len();
    vm.roots.push(key);
    vm.roots.push(m);
    let r = load_registered(vm, name, file, pkg_dirs, key, m);
    vm.roots.truncate(base);
    r
}

/// The rest of `load`, with `key` and `m` rooted by the caller.
fn load_registered(
    vm: &mut Vm,
    name: &str,
    file: Option<std::path::PathBuf>,
    pkg_dirs: Option<Vec<String>>,
    key: Value,
    m: Value,
) -> PyResult {
    dict_set(vm, vm.modules, key, m)?;
    let d = as_module(m).unwrap().dict;
    let package = if pkg_dirs.is_some() {
        name.to_string()
    } else {
        name.rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default()
    };
    let (k, v) = (vm.intern("__package__"), vm.new_str(&package));
    dict_set(vm, d, k, v)?;
    let (k, v) = (vm.intern("__loader__"), vm.none);
    dict_set(vm, d, k, v)?;
    let mut locations = Value::NULL;
    if let Some(dirs) = &pkg_dirs {
        let items: Vec<Value> = dirs.iter().map(|d| vm.new_str(d)).collect();
        locations = vm.new_list(items);
        let k = vm.intern("__path__");
        dict_set(vm, d, k, locations)?;
    }
    let origin = file.as_ref().map(|f| f.to_string_lossy().to_string());
    let kind = if origin.is_some() {
        "source"
    } else {
        "namespace"
    };
    set_spec(vm, m, name, origin.as_deref(), locations, kind)?;
    let Some(file) = file else {
        // A namespace package: `__file__` is None, as CPython sets it.
        let (fk, none) = (vm.intern("__file__"), vm.none);
        dict_set(vm, d, fk, none)?;
        return Ok(m);
    };
    let fname = file.to_string_lossy().to_string();
    let (fk, fv) = (vm.intern("__file__"), vm.new_str(&fname));
    dict_set(vm, d, fk, fv)?;
    // importlib's _load_unlocked: the spec says the module is initializing while its body runs
    // (a missing attribute is then "partially initialized ... circular import").
    set_initializing(vm, d, true)?;
    let r = super::pyc_cache::exec_module(vm, None, &file, &fname, d);
    let done = set_initializing(vm, d, false);
    if let Err(e) = r {
        let _ = crate::vm::runtime::dict::dict_del(vm, vm.modules, key);
        return Err(e);
    }
    done?;
    // A module may replace itself in sys.modules while running.
    Ok(dict_get_str(vm, vm.modules, key).unwrap_or(m))
}

/// `__spec__._initializing = flag` for the module whose dict is `d` (when it has a spec).
fn set_initializing(vm: &mut Vm, d: Value, flag: bool) -> PyResult<()> {
    let k = vm.intern("__spec__");
    let Some(spec) = dict_get_str(vm, d, k).filter(|&s| s != vm.none) else {
        return Ok(());
    };
    let (k, v) = (vm.intern("_initializing"), vm.bool_val(flag));
    crate::vm::runtime::attr::setattr(vm, spec, k, v)
}

/// Sets module `m`'s `__spec__` to a `_cpjit_spec.ModuleSpec` (importlib's ModuleSpec
/// attributes; its loader, of the given kind — "source", "namespace" or "builtin" — is made
/// when first asked for). `locations` is the package's `__path__` list, or NULL.
pub fn set_spec(
    vm: &mut Vm,
    m: Value,
    name: &str,
    origin: Option<&str>,
    locations: Value,
    kind: &str,
) -> PyResult<()> {
    let helper = super::import_module(vm, "_cpjit_spec")?;
    let k = vm.intern("ModuleSpec");
    let cls = crate::vm::runtime::attr::getattr(vm, helper, k)?;
    let base = vm.roots.len();
    vm.roots.push(cls);
    let n = vm.new_str(name);
    vm.roots.push(n);
    let o = match origin {
        Some(o) => vm.new_str(o),
        None => vm.none,
    };
    vm.roots.push(o);
    let l = if locations.is_null() {
        vm.none
    } else {
        locations
    };
    let kd = vm.new_str(kind);
    vm.roots.push(kd);
    let r = crate::vm::runtime::call::call(vm, cls, &[n, o, l, kd], &[]);
    vm.roots.truncate(base);
    let spec = r?;
    let d = as_module(m).unwrap().dict;
    let k = vm.intern("__spec__");
    dict_set(vm, d, k, spec)
}

/// `from <module m> import names`: submodules of a package that are not attributes yet are
/// imported (importlib's `_handle_fromlist`).
pub fn handle_fromlist(vm: &mut Vm, m: Value, fromlist: Value) -> PyResult<()> {
    if package_path(vm, m).is_none() {
        return Ok(());
    }
    let names: Vec<Value> = as_tuple(fromlist).map(|t| t.to_vec()).unwrap_or_default();
    let mname = str_of(as_module(m).unwrap().name).to_string();
    for n in names {
        let ns = str_of(n).to_string();
        if ns == "*" || getattr_opt(vm, m, n)?.is_some() {
            continue;
        }
        let sub = format!("{mname}.{ns}");
        if let Err(e) = import_dotted(vm, &sub) {
            // Only "no such submodule" is ignored; IMPORT_FROM reports the missing name.
            let nk = vm.intern("name");
            let not_found = vm.isinstance(e, vm.t.exc("ModuleNotFoundError"))
                && getattr_opt(vm, e, nk)?.is_some_and(|v| as_str(v).is_some() && str_of(v) == sub);
            if !not_found {
                return Err(e);
            }
        }
    }
    Ok(())
}
