//! The `sys` module.

use super::{def, set_attr};
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::IntVal;
use crate::vm::types::nargs;
use crate::vm::value::Value;

/// Creates sys (once, at start-up) with argv and path.
pub fn create(vm: &mut Vm, argv: &[String], path: &[String]) -> Value {
    let m = vm.new_module("sys");
    let a: Vec<Value> = argv.iter().map(|s| vm.new_str(s)).collect();
    let al = vm.new_list(a);
    set_attr(vm, m, "argv", al);
    let p: Vec<Value> = path.iter().map(|s| vm.new_str(s)).collect();
    let pl = vm.new_list(p);
    set_attr(vm, m, "path", pl);
    let [inp, out, err] = crate::vm::builtins::stdio::make_streams(vm);
    set_attr(vm, m, "stdout", out);
    set_attr(vm, m, "stderr", err);
    set_attr(vm, m, "__stdout__", out);
    set_attr(vm, m, "__stderr__", err);
    set_attr(vm, m, "stdin", inp);
    set_attr(vm, m, "__stdin__", inp);
    let mx = vm.new_int(i64::MAX);
    set_attr(vm, m, "maxsize", mx);
    let mods = vm.modules;
    set_attr(vm, m, "modules", mods);
    let v = vm.new_str("3.11.0 (cpjit, Jan  1 2026, 00:00:00) [rustc]");
    set_attr(vm, m, "version", v);
    let pf = vm.new_str("linux");
    set_attr(vm, m, "platform", pf);
    let bo = vm.new_str("little");
    set_attr(vm, m, "byteorder", bo);
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let ex = vm.new_str(&exe);
    set_attr(vm, m, "executable", ex);
    set_attr(vm, m, "_base_executable", ex);
    def(vm, m, "exit", exit);
    def(vm, m, "getrecursionlimit", getrecursionlimit);
    def(vm, m, "setrecursionlimit", setrecursionlimit);
    def(vm, m, "intern", intern);
    def(vm, m, "exc_info", exc_info);
    def(vm, m, "exception", exception);
    def(vm, m, "breakpointhook", breakpointhook);
    let bh = crate::vm::builtins::funcs::module_attr(vm, m, "breakpointhook").unwrap();
    set_attr(vm, m, "__breakpointhook__", bh);
    def(vm, m, "excepthook", excepthook);
    let eh = crate::vm::builtins::funcs::module_attr(vm, m, "excepthook").unwrap();
    set_attr(vm, m, "__excepthook__", eh);
    def(vm, m, "displayhook", displayhook);
    let dh = crate::vm::builtins::funcs::module_attr(vm, m, "displayhook").unwrap();
    set_attr(vm, m, "__displayhook__", dh);
    def(vm, m, "_getframe", crate::vm::types::frameobj::getframe);
    def(vm, m, "getdefaultencoding", utf8_name);
    def(vm, m, "getfilesystemencoding", fs_encoding);
    def(vm, m, "getfilesystemencodeerrors", |vm, a, k| {
        nargs(vm, "sys.getfilesystemencodeerrors", a, k, 0, 0, 0)?;
        Ok(vm.new_str("surrogateescape"))
    });
    def(vm, m, "is_finalizing", |vm, a, k| {
        nargs(vm, "sys.is_finalizing", a, k, 0, 0, 0)?;
        Ok(vm.false_)
    });
    def(vm, m, "gettrace", |vm, a, k| {
        nargs(vm, "sys.gettrace", a, k, 0, 0, 0)?;
        Ok(vm.none)
    });
    def(vm, m, "getprofile", |vm, a, k| {
        nargs(vm, "sys.getprofile", a, k, 0, 0, 0)?;
        Ok(vm.none)
    });
    // No trace or profile function can be installed (the interpreter has no tracing hooks):
    // setting None, the only one gettrace/getprofile can return, keeps that state; a function
    // raises NotImplementedError.
    def(vm, m, "settrace", |vm, a, k| no_hook(vm, "settrace", a, k));
    def(vm, m, "setprofile", |vm, a, k| {
        no_hook(vm, "setprofile", a, k)
    });
    // No audit hooks can be installed (no addaudithook), so auditing has nothing to call.
    def(vm, m, "audit", |vm, a, k| {
        if !k.is_empty() {
            return Err(vm.type_error("sys.audit() takes no keyword arguments"));
        }
        if a.is_empty() {
            return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
        }
        Ok(vm.none)
    });
    def(vm, m, "getswitchinterval", |vm, a, k| {
        nargs(vm, "sys.getswitchinterval", a, k, 0, 0, 0)?;
        Ok(vm.new_float(0.005))
    });
    def(vm, m, "getsizeof", getsizeof);
    def(vm, m, "get_coroutine_origin_tracking_depth", |vm, a, k| {
        nargs(vm, "sys.get_coroutine_origin_tracking_depth", a, k, 0, 0, 0)?;
        Ok(vm.new_int(vm.coro_origin_depth))
    });
    def(vm, m, "set_coroutine_origin_tracking_depth", |vm, a, k| {
        let (pos, kws) = crate::vm::types::split_kw(a, k);
        let v = match (pos.first(), kws.first()) {
            (Some(&v), None) if pos.len() == 1 => v,
            (None, Some(&(kn, v))) if kws.len() == 1 && kn == "depth" => v,
            _ => {
                return Err(vm.type_error(
                    "set_coroutine_origin_tracking_depth() takes exactly one argument (depth)",
                ))
            }
        };
        let d = crate::vm::runtime::num::index_c(vm, v, "int", |n| i32::try_from(n).is_ok())?;
        if d < 0 {
            return Err(vm.value_error("depth must be >= 0"));
        }
        vm.coro_origin_depth = d;
        Ok(vm.none)
    });
    def(vm, m, "call_tracing", call_tracing);
    // cpjit loads no extension modules: the flags are CPython's default (RTLD_NOW).
    def(vm, m, "getdlopenflags", |vm, a, k| {
        nargs(vm, "sys.getdlopenflags", a, k, 0, 0, 0)?;
        Ok(vm.new_int(2))
    });
    // The objects alive in cpjit's heap (CPython counts pymalloc's blocks).
    def(vm, m, "getallocatedblocks", |vm, a, k| {
        nargs(vm, "sys.getallocatedblocks", a, k, 0, 0, 0)?;
        let n = vm.heap.live_objects();
        Ok(vm.new_int(n as i64))
    });
    def(vm, m, "get_int_max_str_digits", |vm, a, k| {
        nargs(vm, "sys.get_int_max_str_digits", a, k, 0, 0, 0)?;
        Ok(vm.new_int(crate::rtlib::numparse::max_str_digits() as i64))
    });
    def(vm, m, "set_int_max_str_digits", set_int_max_str_digits);
    // cpjit's meaning: the references its collector's tracing finds (Vm::reference_count).
    def(vm, m, "getrefcount", |vm, a, k| {
        nargs(vm, "sys.getrefcount", a, k, 0, 1, 1)?;
        let n = vm.reference_count(a[0]);
        Ok(vm.new_int(n as i64))
    });
    for (name, v) in [("maxunicode", 0x10FFFF), ("api_version", 1013)] {
        let v = vm.new_int(v);
        set_attr(vm, m, name, v);
    }
    for (name, v) in [
        ("float_repr_style", "short"),
        ("abiflags", ""),
        (
            "copyright",
            "Copyright (c) the cpjit authors; Python is Copyright (c) Python Software Foundation.",
        ),
    ] {
        let v = vm.new_str(v);
        set_attr(vm, m, name, v);
    }
    let names: Vec<Value> = super::builtin_names()
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    let t = vm.new_tuple(names);
    set_attr(vm, m, "builtin_module_names", t);
    for name in ["meta_path", "path_hooks", "warnoptions"] {
        let l = vm.new_list(Vec::new());
        set_attr(vm, m, name, l);
    }
    let d = vm.new_dict();
    set_attr(vm, m, "path_importer_cache", d);
    // `-X name` maps to True, `-X name=value` to the value (the last one given wins).
    let x = vm.new_dict();
    set_attr(vm, m, "_xoptions", x);
    for (name, value) in crate::vm::run::xoptions() {
        let k = vm.new_str(&name);
        vm.roots.push(k);
        let v = match value {
            Some(v) => vm.new_str(&v),
            None => vm.true_,
        };
        vm.roots.push(v);
        crate::vm::runtime::dict::dict_set_str(vm, x, k, v);
        vm.roots.truncate(vm.roots.len() - 2);
    }
    let n = vm.none;
    set_attr(vm, m, "pycache_prefix", n);
    let dwb = vm.bool_val(super::pyc_cache::dont_write_by_options(&vm.options));
    set_attr(vm, m, "dont_write_bytecode", dwb);
    let oa: Vec<Value> = std::env::args().map(|s| vm.new_str(&s)).collect();
    let oa = vm.new_list(oa);
    set_attr(vm, m, "orig_argv", oa);
    structs(vm, m);
    m
}

/// `sys.set_int_max_str_digits(maxdigits)` (Argument Clinic's parsing and messages).
fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    const NAME: &str = "set_int_max_str_digits";
    let (pos, kws) = crate::vm::types::split_kw(args, kw);
    if pos.len() + kws.len() > 1 {
        let n = pos.len() + kws.len();
        let what = if pos.is_empty() {
            "keyword argument"
        } else {
            "argument"
        };
        return Err(vm.type_error(format!("{NAME}() takes at most 1 {what} ({n} given)")));
    }
    let v = match (pos, kws.as_slice()) {
        ([v], []) => *v,
        ([], [("maxdigits", v)]) => *v,
        _ => {
            return Err(vm.type_error(format!(
                "{NAME}() missing required argument 'maxdigits' (pos 1)"
            )))
        }
    };
    let Some(i) = crate::vm::runtime::num::index_value(vm, v)? else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let n = match i {
        crate::vm::runtime::num::IntVal::Small(n) if i32::try_from(n).is_ok() => n,
        _ => return Err(vm.overflow_error("Python int too large to convert to C int")),
    };
    let threshold = crate::rtlib::numparse::MAX_STR_DIGITS_THRESHOLD as i64;
    if n != 0 && n < threshold {
        return Err(vm.value_error(format!("maxdigits must be 0 or larger than {threshold}")));
    }
    crate::rtlib::numparse::set_max_str_digits(n as usize);
    Ok(vm.none)
}

/// Runs _sys_structs.py over sys's dict: version_info, flags, float_info, implementation, ...
fn structs(vm: &mut Vm, m: Value) {
    let o = vm.options;
    let env_flag =
        |name: &str| !o.ignore_environment && std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let hash_random =
        !std::env::var("PYTHONHASHSEED").is_ok_and(|v| v == "0") || o.ignore_environment;
    let i = |b: bool| Value::try_from_i64(b as i64).unwrap();
    let flags = vec![
        i(false),
        i(false),
        i(false),
        i(false),
        i(o.dont_write_bytecode || env_flag("PYTHONDONTWRITEBYTECODE")),
        i(o.no_user_site),
        i(o.no_site),
        i(o.ignore_environment),
        i(false),
        i(false),
        i(false),
        i(hash_random),
        i(o.isolated),
        vm.false_,
        i(false),
        i(false),
        vm.bool_val(o.isolated),
        Value::try_from_i64(o.int_max_str_digits.map_or(-1, |n| n as i64)).unwrap(),
    ];
    if let Some(n) = o.int_max_str_digits {
        crate::rtlib::numparse::set_max_str_digits(n as usize);
    }
    let ft = vm.new_tuple(flags);
    set_attr(vm, m, "_FLAGS", ft);
    let final_ = vm.new_str("final");
    let z = Value::try_from_i64(0).unwrap();
    let ver = vec![
        Value::try_from_i64(3).unwrap(),
        Value::try_from_i64(11).unwrap(),
        z,
        final_,
        z,
    ];
    let vt = vm.new_tuple(ver);
    set_attr(vm, m, "_VERSION", vt);
    let (prefix, stdlib) = match vm.stdlib.clone() {
        Some(info) => (vm.new_str(&info.prefix()), vm.new_str(&info.stdlib)),
        None => (vm.new_str(""), vm.none),
    };
    set_attr(vm, m, "_PREFIX", prefix);
    set_attr(vm, m, "_STDLIB", stdlib);
    // The list set_asyncgen_hooks/get_asyncgen_hooks share with async generators (the script
    // closes over it and deletes the name).
    let n = vm.none;
    let hooks = vm.new_list(vec![n, n]);
    vm.asyncgen_hooks = hooks;
    set_attr(vm, m, "_agen_hooks", hooks);
    let d = as_module(m).unwrap().dict;
    // sys is not registered anywhere yet: keep it alive while Python code runs.
    vm.roots.push(m);
    // The script runs once per process, so the JIT sits it out: compiling its loops (its
    // `_structseq` reached the threshold with 56 entries) cost every `--jit` run two regions and
    // about 0.4 ms before the user's first line.
    let jit = vm.jit.take();
    let r =
        crate::vm::run::exec_source(vm, include_bytes!("py/_sys_structs.py"), "<frozen sys>", d);
    vm.jit = jit;
    vm.roots.pop();
    if let Err(e) = r {
        // The script is part of cpjit: failing is a bug, shown rather than hidden.
        let text = crate::vm::traceback::format_exception(vm, e);
        vm.write_stderr(text.as_bytes());
    }
}

/// PRINT_EXPR (interactive-mode expression statements): calls sys.displayhook.
pub fn print_expr(vm: &mut Vm, v: Value) -> PyResult<()> {
    let sys = vm.sys_module;
    let k = vm.intern("displayhook");
    let hook = match crate::vm::runtime::attr::getattr_opt(vm, sys, k)? {
        Some(h) => h,
        None => return Err(vm.err("RuntimeError", "lost sys.displayhook")),
    };
    crate::vm::runtime::call::call(vm, hook, &[v], &[])?;
    Ok(())
}

/// sys.displayhook: prints repr(v) and binds it to builtins._ (None is not shown).
/// `excepthook(type, value, traceback)`: prints the exception and its traceback to stderr, as
/// an uncaught exception is shown.
fn excepthook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "excepthook", args, kw, 0, 3, 3)?;
    let text = if as_instance(args[1]).is_some_and(|i| i.exc.is_some()) {
        crate::vm::traceback::format_exception(vm, args[1])
    } else {
        let tn = vm.type_name(args[1]);
        format!("TypeError: print_exception(): Exception expected for value, {tn} found\n")
    };
    crate::vm::builtins::io::stderr_write(vm, &text)?;
    Ok(vm.none)
}

fn displayhook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sys.displayhook", args, kw, 0, 1, 1)?;
    let v = args[0];
    if v == vm.none {
        return Ok(vm.none);
    }
    let (b, k) = (vm.builtins, vm.intern("_"));
    let n = vm.none;
    crate::vm::runtime::dict::dict_set(vm, b, k, n)?;
    let r = crate::vm::runtime::repr::repr(vm, v)?;
    let text = format!("{}\n", crate::vm::interp::str_of(r));
    crate::vm::builtins::io::stdout_write(vm, &text)?;
    crate::vm::runtime::dict::dict_set(vm, b, k, v)?;
    Ok(vm.none)
}

fn utf8_name(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sys.getdefaultencoding", args, kw, 0, 0, 0)?;
    Ok(vm.new_str("utf-8"))
}

fn fs_encoding(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sys.getfilesystemencoding", args, kw, 0, 0, 0)?;
    Ok(vm.new_str("utf-8"))
}

fn exception(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sys.exception", args, kw, 0, 0, 0)?;
    let h = vm.current_exception();
    Ok(if h.is_null() { vm.none } else { h })
}

fn exit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "exit", args, kw, 0, 0, 1)?;
    let t = vm.t.exc("SystemExit");
    let a = vm.new_tuple(args.to_vec());
    Err(vm.new_exception_args(t, a))
}

/// `sys.settrace(f)` / `sys.setprofile(f)`: None is accepted (nothing is installed), anything
/// else is unsupported.
fn no_hook(vm: &mut Vm, name: &str, a: &[Value], k: &[Value]) -> PyResult {
    nargs(vm, &format!("sys.{name}"), a, k, 0, 1, 1)?;
    if a[0] == vm.none {
        return Ok(vm.none);
    }
    Err(vm.err(
        "NotImplementedError",
        format!("sys.{name}: cpjit has no tracing or profiling hooks"),
    ))
}

fn getrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sys.getrecursionlimit", args, kw, 0, 0, 0)?;
    Ok(vm.new_int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sys.setrecursionlimit", args, kw, 0, 1, 1)?;
    // Argument Clinic's `int` (`__index__` taken, OverflowError past a C int), then the range.
    let n = crate::vm::runtime::num::index_c(vm, args[0], "int", |n| i32::try_from(n).is_ok())?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if n > 200_000 {
        return Err(vm.not_implemented("recursion limits above 200000"));
    }
    vm.recursion_limit = n as usize;
    Ok(vm.none)
}

fn intern(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sys.intern", args, kw, 0, 1, 1)?;
    if as_str(args[0]).is_none() {
        let tn = vm.type_name(args[0]);
        return Err(
            vm.type_error(if crate::vm::types::subclass::str_arg(args[0]).is_some() {
                format!("can't intern {tn}")
            } else {
                format!("intern() argument must be str, not {tn}")
            }),
        );
    }
    let s = crate::vm::interp::str_of(args[0]).to_string();
    Ok(vm.intern(&s))
}

fn exc_info(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    nargs(vm, "sys.exc_info", args, kw, 0, 0, 0)?;
    let h = vm.current_exception();
    if h.is_null() || h == vm.none {
        let n = vm.none;
        return Ok(vm.new_tuple(vec![n, n, n]));
    }
    let t = Value::from_ptr(obj_type(h));
    let tb = crate::vm::types::frameobj::traceback_object(vm, h)?;
    Ok(vm.new_tuple(vec![t, h, tb]))
}

/// `sys.breakpointhook(*args, **kws)`: imports and calls the hook `$PYTHONBREAKPOINT` names
/// (`pdb.set_trace` by default; `0` disables breakpoints), as CPython's. A hook that cannot be
/// imported is ignored with CPython's RuntimeWarning; cpjit cannot import `pdb` (it needs `re`),
/// so by default `breakpoint()` warns and goes on.
fn breakpointhook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let env = if vm.options.ignore_environment {
        None
    } else {
        std::env::var("PYTHONBREAKPOINT").ok()
    };
    let hookname = match env.as_deref() {
        None | Some("") => "pdb.set_trace".to_string(),
        Some("0") => return Ok(vm.none),
        Some(h) => h.to_string(),
    };
    let (module, attr) = match hookname.rfind('.') {
        Some(i) => (hookname[..i].to_string(), hookname[i + 1..].to_string()),
        None => ("builtins".to_string(), hookname.clone()),
    };
    let hook = crate::vm::modules::import_module(vm, &module).and_then(|m| {
        let k = vm.new_str(&attr);
        crate::vm::runtime::attr::getattr(vm, m, k)
    });
    match hook {
        Ok(h) => crate::vm::runtime::call::call(vm, h, args, kw),
        Err(e)
            if vm.isinstance(e, vm.t.exc("ImportError"))
                || vm.isinstance(e, vm.t.exc("AttributeError")) =>
        {
            let msg = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\"");
            crate::vm::traceback::warn_at_caller(vm, "RuntimeWarning", &msg);
            Ok(vm.none)
        }
        Err(e) => Err(e),
    }
}

/// `sys.getsizeof(object[, default])`: `object.__sizeof__()`, which reports the bytes the object
/// takes in cpjit's heap (not CPython's sizes). A TypeError from it gives `default` when one is
/// passed.
fn getsizeof(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = crate::vm::types::split_kw(args, kw);
    let mut slots = [pos.first().copied(), pos.get(1).copied()];
    if pos.len() > 2 {
        let n = pos.len() + kws.len();
        return Err(vm.type_error(format!("getsizeof() takes at most 2 arguments ({n} given)")));
    }
    let mut unknown = None;
    for (k, v) in kws {
        let i = match k {
            "object" => 0,
            "default" => 1,
            _ => {
                unknown.get_or_insert(k);
                continue;
            }
        };
        if slots[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for getsizeof() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v);
    }
    let Some(obj) = slots[0] else {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    if let Some(k) = unknown {
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for getsizeof()"
        )));
    }
    match sizeof_of(vm, obj) {
        Err(e) if slots[1].is_some() && vm.isinstance(e, vm.t.exc("TypeError")) => {
            Ok(slots[1].unwrap())
        }
        r => r,
    }
}

/// `obj.__sizeof__()`, checked to be an int that fits a Py_ssize_t and is not negative.
fn sizeof_of(vm: &mut Vm, obj: Value) -> PyResult {
    let ty = vm.type_of(obj);
    let Some(f) = crate::vm::runtime::attr::lookup_type_str(vm, ty, "__sizeof__") else {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(format!("Type {tn} doesn't define __sizeof__")));
    };
    let r = crate::vm::runtime::call::call_method_value(vm, f, obj, &[])?;
    let negative = vm.value_error("__sizeof__() should return >= 0");
    match crate::vm::runtime::num::int_of(r) {
        Some(IntVal::Small(n)) if n >= 0 => Ok(r),
        Some(IntVal::Small(_)) => Err(negative),
        Some(IntVal::Big(b)) if b.sign() == num_bigint::Sign::Minus => Err(negative),
        Some(IntVal::Big(_)) => {
            Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
        None => Err(vm.type_error("an integer is required")),
    }
}

/// `sys.call_tracing(func, args)`: `func(*args)` (cpjit has no tracing to save and restore).
fn call_tracing(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    if !kw.is_empty() {
        return Err(vm.type_error("sys.call_tracing() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "call_tracing expected 2 arguments, got {}",
            args.len()
        )));
    }
    if !vm.isinstance(args[1], vm.t.tuple) {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("call_tracing() argument 2 must be tuple, not {tn}")));
    }
    let items = crate::vm::runtime::iter::collect(vm, args[1])?;
    crate::vm::runtime::call::call(vm, args[0], &items, &[])
}
