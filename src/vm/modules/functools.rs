//! `_functools`: the native `reduce`, with `partial`, `cmp_to_key`'s key wrapper and
//! `_lru_cache_wrapper` built in the module's Python part (py/_functools.py) as CPython's
//! `_functoolsmodule.c` defines them.

use crate::vm::interp::{PyResult, Vm};
use crate::vm::runtime::{call, iter as riter};
use crate::vm::value::Value;

pub fn create(vm: &mut Vm) -> PyResult {
    let fns: &[(&'static str, crate::vm::object::BuiltinFn)] = &[("reduce", reduce)];
    let m = super::native_with_python(vm, "_functools", fns, include_str!("py/_functools.py"))?;
    vm.roots.push(m);
    // `cmp_to_key` is a built-in function (no binding as a class attribute) holding the Python
    // part's `_key_wrapper` as its first argument.
    let d = crate::vm::object::as_module(m).unwrap().dict;
    let k = vm.intern("_key_wrapper");
    let wrap = crate::vm::runtime::dict::dict_get_str(vm, d, k).unwrap_or(vm.none);
    let f = vm.new_builtin("cmp_to_key", cmp_to_key, wrap);
    if let Some(b) = crate::vm::object::as_builtin(f) {
        b.module = crate::vm::object::as_module(m).unwrap().name;
    }
    super::set_attr(vm, m, "cmp_to_key", f);
    vm.roots.pop();
    Ok(m)
}

/// `cmp_to_key(mycmp)`: a key wrapper around `mycmp` (`args[0]` is `_key_wrapper`).
fn cmp_to_key(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = crate::vm::types::split_kw(args, kw);
    let b = crate::vm::types::bind_named(vm, "cmp_to_key", &pos[1..], &kws, &["mycmp"], 1, 1)?;
    call::call(vm, args[0], &[b[0].unwrap()], &[])
}

/// `reduce(function, iterable[, initial])`: folds the items from the left.
fn reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("reduce() takes no keyword arguments"));
    }
    if args.len() < 2 || args.len() > 3 {
        let msg = if args.len() < 2 {
            format!("reduce expected at least 2 arguments, got {}", args.len())
        } else {
            format!("reduce expected at most 3 arguments, got {}", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let (func, seq) = (args[0], args[1]);
    let it = match riter::get_iter(vm, seq) {
        Ok(it) => it,
        Err(e) if vm.isinstance(e, vm.t.exc("TypeError")) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    // The iterator and the running value stay rooted while `func` runs.
    let base = vm.roots.len();
    vm.roots.push(it);
    let mut acc = args.get(2).copied();
    let none = vm.none;
    vm.roots.push(acc.unwrap_or(none));
    let r = loop {
        let item = match riter::next(vm, it) {
            Ok(Some(x)) => x,
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        };
        acc = Some(match acc {
            None => item,
            Some(a) => {
                vm.roots.push(item);
                let r = call::call(vm, func, &[a, item], &[]);
                vm.roots.pop();
                match r {
                    Ok(v) => v,
                    Err(e) => break Err(e),
                }
            }
        });
        vm.roots[base + 1] = acc.unwrap();
    };
    vm.roots.truncate(base);
    r?;
    match acc {
        Some(v) => Ok(v),
        None => Err(vm.type_error("reduce() of empty iterable with no initial value")),
    }
}
