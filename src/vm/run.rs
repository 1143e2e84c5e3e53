//! Running a program: parse, compile, load and execute a script as `__main__`, report uncaught
//! exceptions and SystemExit as CPython does, and return the exit status.

use crate::vm::interp::{str_of, PyResult, Vm};
use crate::vm::object::*;
use crate::vm::runtime::num::{int_of, IntVal};
use crate::vm::value::Value;

/// Builds a SyntaxError exception object from the front end's error.
pub fn syntax_error_object(vm: &mut Vm, e: &crate::syntax::error::SyntaxError) -> Value {
    let t = vm.t.exc(e.kind.name());
    let msg = vm.new_str(&e.msg);
    let is_syntax = vm.is_subtype(t, vm.t.exc("SyntaxError"));
    // CPython's args: (msg, (filename, lineno, offset, text, end_lineno, end_offset)), and the
    // same values as attributes (str() shows `msg (file, line N)`).
    let details = if is_syntax {
        let none = vm.none;
        let f = vm.new_str(&e.filename);
        let text = match &e.text {
            Some(t) => vm.new_str(t),
            None => none,
        };
        // No end column is -1 in CPython where pegen raises without one: indentation errors
        // and the end of input after a continuation (an unclosed bracket's is 0).
        let no_end = e.end_offset == 0
            && (e.kind == crate::syntax::error::SyntaxErrorKind::IndentationError
                || e.msg == "unexpected EOF while parsing");
        let end_offset = if no_end { -1 } else { e.end_offset as i64 };
        let nums = [
            e.lineno as i64,
            e.offset as i64,
            e.end_lineno as i64,
            end_offset,
        ]
        .map(|n| vm.new_int(n));
        Some(vec![f, nums[0], nums[1], text, nums[2], nums[3]])
    } else {
        None
    };
    let a = match &details {
        Some(d) => {
            let info = vm.new_tuple(d.clone());
            vm.new_tuple(vec![msg, info])
        }
        None => vm.new_tuple(vec![msg]),
    };
    let exc = vm.new_exception_args(t, a);
    if let Some(d) = details {
        let names = crate::vm::types::exc::SYNTAX_DETAILS;
        let k = vm.intern("msg");
        let _ = crate::vm::runtime::attr::generic_setattr(vm, exc, k, msg);
        for (name, v) in names.into_iter().zip(d) {
            let k = vm.intern(name);
            let _ = crate::vm::runtime::attr::generic_setattr(vm, exc, k, v);
        }
    }
    let rendered = vm.new_str(&e.render());
    let k = vm.intern("_rendered");
    let _ = crate::vm::runtime::attr::generic_setattr(vm, exc, k, rendered);
    exc
}

/// Compiles and runs `src` with `globals` as globals and locals.
pub fn exec_source(vm: &mut Vm, src: &[u8], filename: &str, globals: Value) -> PyResult {
    let frozen = filename
        .strip_prefix("<frozen ")
        .and_then(|n| n.strip_suffix('>'));
    exec_source_cached_as(vm, src, filename, frozen, globals)
}

/// `exec_source` for one of several sources a frozen module runs under the same `filename`:
/// each needs its own cache file (`part`), or each run would find the file holding another
/// part's code and compile and rewrite it (posix's three parts were compiled at every start).
pub fn exec_frozen_part(
    vm: &mut Vm,
    src: &[u8],
    filename: &str,
    part: &str,
    globals: Value,
) -> PyResult {
    exec_source_cached_as(vm, src, filename, Some(part), globals)
}

fn exec_source_cached_as(
    vm: &mut Vm,
    src: &[u8],
    filename: &str,
    frozen: Option<&str>,
    globals: Value,
) -> PyResult {
    remember_source(vm, src, filename);
    let compiled = match frozen {
        Some(name) => crate::vm::modules::pyc_cache::load_or_compile_frozen(src, name, filename),
        None => compile_source(src, filename),
    };
    let code = match compiled {
        Ok(c) => c,
        Err(e) => return Err(syntax_error_object(vm, &e)),
    };
    exec_code(vm, code, globals)
}

/// Keeps `src` for tracebacks (pseudo-files such as `-c` and frozen modules show no lines).
pub fn remember_source(vm: &mut Vm, src: &[u8], filename: &str) {
    if filename.starts_with('<') {
        vm.sources.insert(filename.to_string(), None);
    } else if let Ok(text) = std::str::from_utf8(src) {
        vm.sources
            .insert(filename.to_string(), Some(text.to_string()));
    }
}

/// Parses and compiles a module's source.
pub fn compile_source(
    src: &[u8],
    filename: &str,
) -> Result<crate::bytecode::code::CodeObject, crate::syntax::error::SyntaxError> {
    let module = crate::syntax::parser::parse_module(src, filename)?;
    crate::compile::compile_module(&module, filename).map_err(|mut e| {
        // Compile-time errors (symtable, codegen) carry no source line; CPython reads it from
        // the file (with its newline), which a pseudo-file name has none of.
        if e.text.is_none() && e.lineno > 0 && !filename.starts_with('<') {
            e.text = crate::syntax::error::source_line(src, e.lineno).map(|l| l + "\n");
        }
        e
    })
}

/// Runs a compiled module body with `globals` as globals and locals.
pub fn exec_code(vm: &mut Vm, code: crate::bytecode::code::CodeObject, globals: Value) -> PyResult {
    let code = crate::vm::code::load_code(vm, std::rc::Rc::new(code));
    vm.roots.push(code);
    // The main program's code: the first code run as `__main__` (site's modules run first).
    let nk = vm.intern("__name__");
    let is_main = crate::vm::runtime::dict::dict_get_str(vm, globals, nk)
        .is_some_and(|n| as_str(n).is_some_and(|s| &*s.s == "__main__"));
    if vm.keep_main_code && vm.main_code.is_null() && is_main {
        vm.main_code = code;
        vm.permanent.push(code);
    }
    // `__main__`'s `__builtins__` is the builtins module, other modules' is its dict (as in
    // CPython, where only the main module gets the module).
    let bk = vm.intern("__builtins__");
    let mut b = vm.builtins;
    if is_main {
        let mk = vm.intern("builtins");
        let modules = vm.modules;
        if let Some(m) = crate::vm::runtime::dict::dict_get_str(vm, modules, mk) {
            if as_module(m).is_some_and(|md| md.dict == b) {
                b = m;
            }
        }
    }
    crate::vm::runtime::dict::dict_set(vm, globals, bk, b)?;
    let r = crate::vm::eval::run_code(vm, code, globals, globals, Value::NULL);
    vm.roots.pop();
    r
}

/// What to run.
pub enum Program {
    File(String),
    Command(String),
    /// `-m NAME`: a module found on sys.path, run as `__main__` (a package runs its `__main__`).
    Module(String),
    /// The program text on standard input (`cpjit -`).
    Stdin,
}

/// Interpreter options from the command line (CPython's letters).
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// -I: no script directory in sys.path (also sets the two below).
    pub isolated: bool,
    /// -E: PYTHONPATH and other PYTHON* variables are ignored.
    pub ignore_environment: bool,
    /// -S: no site-packages.
    pub no_site: bool,
    /// -s: no user site-packages.
    pub no_user_site: bool,
    /// -B: no `__pycache__/*.cpjit-311.pyc` files are written (PYTHONDONTWRITEBYTECODE too).
    pub dont_write_bytecode: bool,
    /// -u: unbuffered stdout and stderr (PYTHONUNBUFFERED too): their `buffer` is the FileIO.
    pub unbuffered: bool,
    /// `cpjit dis --adaptive`: after the run, print the main module's quickened code.
    pub dis_adaptive: bool,
    /// `-X int_max_str_digits=N` or `PYTHONINTMAXSTRDIGITS` (`sys.flags.int_max_str_digits`).
    pub int_max_str_digits: Option<u32>,
}

/// The `-X` options of the command line in order: (name, value after `=`), for `sys._xoptions`.
static XOPTIONS: std::sync::Mutex<Vec<(String, Option<String>)>> =
    std::sync::Mutex::new(Vec::new());

pub fn add_xoption(name: &str, value: Option<&str>) {
    let mut x = XOPTIONS.lock().unwrap_or_else(|e| e.into_inner());
    x.push((name.to_string(), value.map(str::to_string)));
}

pub fn xoptions() -> Vec<(String, Option<String>)> {
    XOPTIONS.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// The interpreter thread's stack: deep Python recursion, plus room to parse and compile in place
/// (`crate::stack`).
const INTERP_STACK: usize = 1 << 30;

/// Runs a program on a thread with a large stack; returns the exit status. `argv` is sys.argv
/// as the command line gives it (argv[0] is the script, `-c`, `-m` or `-`).
pub fn run_program(program: Program, argv: Vec<String>, opts: Options) -> i32 {
    let h = std::thread::Builder::new()
        .stack_size(INTERP_STACK)
        .spawn(move || {
            crate::stack::note_thread_stack(INTERP_STACK);
            run_on_this_thread(program, argv, opts)
        })
        .expect("spawn interpreter thread");
    // Signals sent to the process go to the interpreter's thread (where they interrupt its
    // blocking calls), not to this one, which only waits.
    crate::vm::modules::signal::block_in_this_thread();
    h.join().unwrap_or(70)
}

fn absolute(path: &str) -> String {
    if std::path::Path::new(path).is_absolute() {
        path.to_string()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path).display().to_string())
            .unwrap_or(path.to_string())
    }
}

fn read_script(path: &str) -> Result<Vec<u8>, i32> {
    std::fs::read(path).map_err(|e| {
        let abs = std::fs::canonicalize(path)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| absolute(path));
        eprintln!(
            "cpjit: can't open file '{}': [Errno {}] {}",
            abs,
            e.raw_os_error().unwrap_or(2),
            errno_text(&e)
        );
        2
    })
}

fn run_on_this_thread(program: Program, mut argv: Vec<String>, opts: Options) -> i32 {
    // sys.path[0]: the script's directory (symlinks resolved, as CPython does), '' for -c and
    // stdin, the working directory for -m; nothing under -I.
    let (src, filename, first) = match &program {
        Program::File(path) => {
            let src = match read_script(path) {
                Ok(s) => s,
                Err(st) => return st,
            };
            // CPython reports the script by its absolute path (__file__, tracebacks).
            let abs = absolute(path);
            let real = std::fs::canonicalize(&abs)
                .map(|p| p.display().to_string())
                .unwrap_or(abs.clone());
            let dir = std::path::Path::new(&real)
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            (src, abs, dir)
        }
        Program::Command(code) => (
            code.clone().into_bytes(),
            "<string>".to_string(),
            String::new(),
        ),
        Program::Module(_) => (
            Vec::new(),
            String::new(),
            std::env::current_dir()
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
        ),
        Program::Stdin => {
            let mut src = Vec::new();
            if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut src) {
                eprintln!("cpjit: can't read standard input: {}", errno_text(&e));
                return 2;
            }
            (src, "<stdin>".to_string(), String::new())
        }
    };
    let stdlib = crate::vm::discovery::find(!opts.ignore_environment);
    let path = crate::vm::modules::sys_path::build(
        &opts,
        (!opts.isolated).then_some(first),
        stdlib.as_ref(),
    );
    let file = matches!(program, Program::File(_)).then_some(filename.as_str());
    let dis_adaptive = opts.dis_adaptive;
    crate::vm::panic_guard::install_hook();
    let no_site = opts.no_site;
    let (mut vm, globals) = main_vm(&argv, path, file, stdlib, opts);
    exception_groups(&mut vm);
    if !no_site {
        site_builtins(&mut vm);
    }
    // After the site step, so that `dis --adaptive` keeps the program's code, not _cpjit_site's.
    vm.keep_main_code = dis_adaptive;
    let r = crate::vm::panic_guard::guard(&mut vm, |vm| match &program {
        Program::Module(name) => run_module_as_main(vm, name, &mut argv, globals),
        _ => exec_source(vm, &src, &filename, globals),
    });
    let mut status = match r {
        Ok(_) => 0,
        Err(e) => report(&mut vm, e),
    };
    // atexit's callbacks, when the program imported it (they report their own errors).
    let r = crate::vm::panic_guard::guard(&mut vm, run_atexit);
    if let Err(e) = r {
        status = report(&mut vm, e);
    }
    vm.flush_stdout();
    vm.flush_stderr();
    // The objects with a `__del__` still alive (unclosed files flush here), as CPython's
    // shutdown finalizes what the modules it clears held.
    let _ = crate::vm::panic_guard::guard(&mut vm, |vm| {
        crate::vm::finalize::at_exit(vm);
        Ok(vm.none)
    });
    vm.flush_stdout();
    vm.flush_stderr();
    if dis_adaptive && !vm.main_code.is_null() {
        let co = quickened_code_object(vm.main_code);
        crate::write_stdout(&crate::bytecode::dis::dis_recursive(&co));
    }
    if let Some(stats) = vm.stats.as_deref() {
        let text = match crate::vm::adaptive::settings().stats {
            Some(crate::vm::adaptive::StatsFormat::Json) => {
                let j = stats.json(vm.mode, crate::vm::jit_hook::report(true).as_deref());
                crate::vm::modules::pyc_cache::add_stats_json(j)
            }
            _ => {
                stats.text(vm.mode)
                    + &crate::vm::jit_hook::report(false).unwrap_or_default()
                    + &crate::vm::modules::pyc_cache::stats_text()
            }
        };
        eprint!("{text}");
    }
    if std::env::var_os("CPJIT_REPORT_HWM").is_some() {
        // Peak resident set size, for tests/gc_rss.rs.
        if let Ok(st) = std::fs::read_to_string("/proc/self/status") {
            if let Some(l) = st.lines().find(|l| l.starts_with("VmHWM:")) {
                eprintln!("{l}");
            }
        }
    }
    status
}

/// `-m NAME` (runpy's `_run_module_as_main`): imports the parent packages, finds NAME's source
/// (a package runs `NAME.__main__`), sets sys.argv[0] to its file and runs it as `__main__`
/// (from the bytecode cache when it is current).
fn run_module_as_main(vm: &mut Vm, name: &str, argv: &mut [String], globals: Value) -> PyResult {
    let (file, spec_name) = crate::vm::modules::package::find_module_source(vm, name)?;
    argv[0] = file.clone();
    let a = vm.new_str(&file);
    let sys = vm.sys_module;
    let k = vm.intern("argv");
    let l = crate::vm::runtime::attr::getattr(vm, sys, k)?;
    if let Some(items) = as_list(l) {
        if let Some(first) = items.first_mut() {
            *first = a;
        }
    }
    let src = match std::fs::read(&file) {
        Ok(s) => s,
        Err(e) => return Err(vm.err("ImportError", format!("cannot read {file}: {e}"))),
    };
    let (fk, fv) = (vm.intern("__file__"), vm.new_str(&file));
    crate::vm::runtime::dict::dict_set(vm, globals, fk, fv)?;
    let package = spec_name
        .rsplit_once('.')
        .map(|(p, _)| p.to_string())
        .unwrap_or_default();
    let (pk, pv) = (vm.intern("__package__"), vm.new_str(&package));
    crate::vm::runtime::dict::dict_set(vm, globals, pk, pv)?;
    // Through the bytecode cache, as runpy's loader.get_code is.
    let path = std::path::PathBuf::from(&file);
    crate::vm::modules::pyc_cache::exec_module(vm, Some(&src), &path, &file, globals)
}

/// `BaseExceptionGroup` and `ExceptionGroup` into builtins, from `_cpjit_eg` (Python source
/// compiled at start-up; CPython's are in C).
fn exception_groups(vm: &mut Vm) {
    let r = crate::vm::panic_guard::guard(vm, |vm| {
        let m = crate::vm::modules::import_module(vm, "_cpjit_eg")?;
        for name in ["BaseExceptionGroup", "ExceptionGroup"] {
            let k = vm.intern(name);
            let cls = crate::vm::runtime::attr::getattr(vm, m, k)?;
            let b = vm.builtins;
            crate::vm::runtime::dict::dict_set(vm, b, k, cls)?;
        }
        Ok(vm.none)
    });
    if let Err(e) = r {
        let msg = crate::vm::traceback::format_exception(vm, e);
        eprintln!("cpjit: exception groups unavailable: {msg}");
    }
}

/// What CPython's site module adds to builtins (`_cpjit_site`). Without a standard library to
/// take `_sitebuiltins` from, cpjit keeps its built-in `exit`/`quit` and goes without the rest.
fn site_builtins(vm: &mut Vm) {
    let r = crate::vm::panic_guard::guard(vm, |vm| {
        let m = crate::vm::modules::import_module(vm, "_cpjit_site")?;
        let k = vm.intern("install");
        let f = crate::vm::runtime::attr::getattr(vm, m, k)?;
        crate::vm::runtime::call::call(vm, f, &[], &[])
    });
    // A failure here (no stdlib) leaves the names out, as a failing site import would.
    let _ = r;
}

/// A VM with `sys` and an empty `__main__` module set up; returns it and `__main__`'s globals.
fn main_vm(
    argv: &[String],
    path: Vec<String>,
    file: Option<&str>,
    stdlib: Option<crate::vm::discovery::StdlibInfo>,
    opts: Options,
) -> (Box<Vm>, Value) {
    let mut vm = Vm::new();
    vm.stdlib = stdlib;
    vm.options = opts;
    let sys = crate::vm::modules::sys::create(&mut vm, argv, &path);
    vm.sys_module = sys;
    let k = vm.new_str("sys");
    let m = vm.modules;
    let _ = crate::vm::runtime::dict::dict_set(&mut vm, m, k, sys);
    let main = vm.new_module("__main__");
    vm.permanent.push(main);
    let k = vm.new_str("__main__");
    let _ = crate::vm::runtime::dict::dict_set(&mut vm, m, k, main);
    let globals = as_module(main).unwrap().dict;
    // The module attributes CPython's __main__ has (a script run by path has no spec).
    for n in [
        "__doc__",
        "__package__",
        "__loader__",
        "__spec__",
        "__cached__",
    ] {
        let (k, none) = (vm.intern(n), vm.none);
        let _ = crate::vm::runtime::dict::dict_set(&mut vm, globals, k, none);
    }
    if let Some(f) = file {
        let fk = vm.intern("__file__");
        let fv = vm.new_str(f);
        let _ = crate::vm::runtime::dict::dict_set(&mut vm, globals, fk, fv);
    }
    (vm, globals)
}

/// How a sandboxed run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SandboxOutcome {
    /// The exit status `cpjit -c` would have.
    pub status: i32,
    /// The step budget ran out (the program was stopped).
    pub budget_exhausted: bool,
    /// Rust panics caught and turned into `SystemError: cpjit internal error` (a bug each).
    pub internal_errors: u64,
}

/// Runs `src` as `cpjit -c` would, but with output discarded, no stdin, no sleeping, and at most
/// `budget` calls plus backward jumps (the fuzz test runs arbitrary programs this way). Runs on a
/// thread with the interpreter's usual big stack; panics inside are counted in `internal_errors`.
pub fn run_sandboxed(src: &[u8], budget: u64) -> SandboxOutcome {
    crate::vm::panic_guard::install_hook();
    let src = src.to_vec();
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(INTERP_STACK)
            .spawn_scoped(s, move || {
                crate::stack::note_thread_stack(INTERP_STACK);
                let (mut vm, globals) = main_vm(
                    &["-c".to_string()],
                    vec![String::new()],
                    None,
                    None,
                    Options::default(),
                );
                vm.sandbox = true;
                vm.step_budget = budget.max(1);
                vm.budget_limited = true;
                let r = crate::vm::panic_guard::guard(&mut vm, |vm| {
                    exec_source(vm, &src, "<string>", globals)
                });
                let status = match r {
                    Ok(_) => 0,
                    Err(e) => report(&mut vm, e),
                };
                vm.flush_stdout();
                vm.flush_stderr();
                SandboxOutcome {
                    status,
                    budget_exhausted: vm.budget_exhausted,
                    internal_errors: vm.internal_errors,
                }
            })
            .expect("spawn interpreter thread")
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    })
}

/// Runs `atexit._run_exitfuncs()` if `atexit` was imported.
fn run_atexit(vm: &mut Vm) -> PyResult {
    let k = vm.new_str("atexit");
    let Some(m) = crate::vm::runtime::dict::dict_get_str(vm, vm.modules, k) else {
        return Ok(vm.none);
    };
    let f = vm.intern("_run_exitfuncs");
    match crate::vm::runtime::attr::getattr_opt(vm, m, f)? {
        Some(f) => crate::vm::runtime::call::call(vm, f, &[], &[]),
        None => Ok(vm.none),
    }
}

fn errno_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Prints an uncaught exception (or handles SystemExit); returns the exit status.
pub fn report(vm: &mut Vm, e: Value) -> i32 {
    if vm.isinstance(e, vm.t.exc("SystemExit")) {
        let args = as_instance(e)
            .and_then(|i| i.exc.as_ref())
            .map(|x| x.args)
            .unwrap_or(Value::NULL);
        let items = as_tuple(args).map(|t| t.to_vec()).unwrap_or_default();
        let code = match items.len() {
            0 => vm.none,
            1 => items[0],
            _ => args,
        };
        if code == vm.none {
            return 0;
        }
        if let Some(i) = int_of(code) {
            return match i {
                IntVal::Small(n) => n as i32,
                IntVal::Big(_) => -1,
            };
        }
        let s = crate::vm::runtime::repr::str_string(vm, code).unwrap_or_default();
        vm.write_stderr(format!("{s}\n").as_bytes());
        return 1;
    }
    if let Some(r) = {
        let k = vm.intern("_rendered");
        crate::vm::runtime::attr::own_attr(vm, e, k)
    } {
        let tb_empty = as_instance(e)
            .and_then(|i| i.exc.as_ref())
            .map(|x| x.traceback.is_empty())
            .unwrap_or(true);
        let mut text = String::new();
        if !tb_empty {
            // A SyntaxError raised by an import: the traceback, then the rendered error.
            let full = crate::vm::traceback::format_exception(vm, e);
            let cut = full.rfind("SyntaxError").unwrap_or(full.len());
            text.push_str(&full[..cut.min(full.len())]);
            let lines: Vec<&str> = text.lines().collect();
            text = lines[..lines.len()].join("\n");
            if !text.is_empty() {
                text.push('\n');
            }
        }
        text.push_str(str_of(r));
        vm.write_stderr(text.as_bytes());
        return 1;
    }
    let text = crate::vm::traceback::format_exception(vm, e);
    vm.write_stderr(text.as_bytes());
    1
}

/// A copy of a loaded code object whose instructions are its quickened ones (specialized
/// opcodes as the run left them), nested code objects likewise: what `dis --adaptive` shows.
fn quickened_code_object(code: Value) -> crate::bytecode::code::CodeObject {
    use crate::bytecode::code::ConstValue;
    let cd = as_code(code).expect("a code object");
    if cd.code.lazy.is_some() {
        // A nested code object that never ran, its body still undecoded: shown as it was read.
        return crate::bytecode::serialize::decode_body(&cd.code)
            .unwrap_or_else(|_| (*cd.code).clone());
    }
    let mut co = (*cd.code).clone();
    co.code = cd.adaptive.iter().map(|c| c.get()).collect();
    for (i, c) in co.consts.iter_mut().enumerate() {
        if let ConstValue::Code(_) = c {
            if let Some(v) = cd.consts.get(i).filter(|v| as_code(**v).is_some()) {
                *c = ConstValue::Code(std::rc::Rc::new(quickened_code_object(*v)));
            }
        }
    }
    co
}
