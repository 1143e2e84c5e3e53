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

fn module_not_found(vm: &mut Vm, name: &str) -> Value {
    let t = vm.t.exc("ModuleNotFoundError");
    let msg = vm.new_str(&format!("No module named '{name}'"));
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
    let items = as_list(p)?.clone();
    Some(
        items
            .into_iter()
            .filter(|v| as_str(*v).is_some())
            .map(|v| str_of(v).to_string())
            .collect(),
    )
}

/// Where module `last` lives in one of `dirs`: (source file or None, package dir or None).
pub fn find_in(
    dirs: &[String],
    last: &str,
) -> Option<(Option<std::path::PathBuf>, Option<String>)> {
    let mut namespace = None;
    for dir in dirs {
        let pkg = std::path::Path::new(dir).join(last);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return Some((Some(init), Some(pkg.to_string_lossy().to_string())));
        }
        let file = std::path::Path::new(dir).join(format!("{last}.py"));
        if file.is_file() {
            return Some((Some(file), None));
        }
        if pkg.is_dir() && namespace.is_none() {
            namespace = Some(pkg.to_string_lossy().to_string());
        }
    }
    namespace.map(|ns| (None, Some(ns)))
}

/// Imports the absolute dotted module `full` (each parent first) and returns it.
pub fn import_dotted(vm: &mut Vm, full: &str) -> PyResult {
    let key = vm.new_str(full);
    if let Some(m) = dict_get_str(vm, vm.modules, key) {
        return Ok(m);
    }
    let Some((parent_name, last)) = full.rsplit_once('.') else {
        return super::import_module(vm, full);
    };
    let parent = import_dotted(vm, parent_name)?;
    // The parent's __init__ may have imported it already.
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
    let Some((file, pkg_dir)) = find_in(&dirs, last) else {
        return Err(module_not_found(vm, full));
    };
    vm.roots.push(parent);
    let r = load(vm, full, file, pkg_dir);
    vm.roots.pop();
    let m = r?;
    let k = vm.intern(last);
    let pd = as_module(parent).unwrap().dict;
    dict_set(vm, pd, k, m)?;
    Ok(m)
}

/// Creates module `name` from `file` (a package when `pkg_dir` is set), registers it in
/// sys.modules and runs it.
pub fn load(
    vm: &mut Vm,
    name: &str,
    file: Option<std::path::PathBuf>,
    pkg_dir: Option<String>,
) -> PyResult {
    let key = vm.new_str(name);
    let m = vm.new_module(name);
    dict_set(vm, vm.modules, key, m)?;
    let d = as_module(m).unwrap().dict;
    let package = if pkg_dir.is_some() {
        name.to_string()
    } else {
        name.rsplit_once('.')
            .map(|(p, _)| p.to_string())
            .unwrap_or_default()
    };
    let (k, v) = (vm.intern("__package__"), vm.new_str(&package));
    dict_set(vm, d, k, v)?;
    if let Some(dir) = &pkg_dir {
        let s = vm.new_str(dir);
        let l = vm.new_list(vec![s]);
        let k = vm.intern("__path__");
        dict_set(vm, d, k, l)?;
    }
    let Some(file) = file else {
        return Ok(m);
    };
    let src = match std::fs::read(&file) {
        Ok(s) => s,
        Err(e) => {
            let _ = crate::vm::runtime::dict::dict_del(vm, vm.modules, key);
            return Err(vm.err(
                "ImportError",
                format!("cannot read {}: {e}", file.display()),
            ));
        }
    };
    let fname = file.to_string_lossy().to_string();
    let (fk, fv) = (vm.intern("__file__"), vm.new_str(&fname));
    dict_set(vm, d, fk, fv)?;
    if let Err(e) = crate::vm::run::exec_source(vm, &src, &fname, d) {
        let _ = crate::vm::runtime::dict::dict_del(vm, vm.modules, key);
        return Err(e);
    }
    // A module may replace itself in sys.modules while running.
    Ok(dict_get_str(vm, vm.modules, key).unwrap_or(m))
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
