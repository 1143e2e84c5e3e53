//! Command line: `cpjit [OPTIONS] FILE [ARGS...]`, `cpjit -c CODE [ARGS...]`, and one subcommand per
//! inspectable stage (`tokenize`, `ast`, `symtable`, `dis`, `stencils`), `bench`, and
//! `compile` (the bytecode cache).

use std::ffi::OsString;

pub mod bench;

const USAGE: &str = "\
usage: cpjit [OPTIONS] FILE [ARGS...]      run a Python script (same as `cpjit run FILE`)
       cpjit [OPTIONS] -c CODE [ARGS...]   run a program passed as a string
       cpjit [OPTIONS] -m MODULE [ARGS...] run a library module as a script
       cpjit tokenize [-e] FILE            token stream, as `python3 -m tokenize [-e]`
       cpjit ast [--positions] FILE        syntax tree, as `ast.dump` (include_attributes with --positions)
       cpjit symtable FILE                 scopes and symbols
       cpjit dis FILE                      bytecode, as `python3 -m dis`
       cpjit stencils [--arch x86_64|aarch64] [NAME]
                                           JIT stencils: size, holes, disassembly
       cpjit bench [--modes off,spec,jit] [--vs COMMAND] [--runs N] [--json|--svg|--html PATH] FILE...
                                           time scripts per mode and against other Pythons
                                           (`cpjit bench --help` for more)
       cpjit compile [-f] [-q] PATH...     write __pycache__/*.cpjit-311.pyc for .py files and
                                           directory trees, as `python3 -m compileall`

options:
  -h, --help     show this help
  -V, --version  print the version (-VV: also where the standard library comes from)
  -m MODULE      run a library module as a script
  -I             isolate: neither the script's directory nor the environment nor user site
  -E             ignore PYTHON* environment variables (PYTHONPATH, ...)
  -S             do not add site-packages to sys.path
  -s             do not add the user site-packages directory to sys.path
  -B             do not write __pycache__/*.cpjit-311.pyc files (also PYTHONDONTWRITEBYTECODE)
  -u             unbuffered stdout and stderr: their .buffer is the FileIO (also PYTHONUNBUFFERED)
  --specialize=off|on|stress
                 PEP 659 specialization: never, after warm-up (default), or at every
                 instruction's first execution (also CPJIT_SPECIALIZE)
  --stats[=json] print specialization counts (and .pyc cache hits) to stderr at exit
                 (also CPJIT_STATS=1|json)
  --jit[=on|off|stress]
                 copy-and-patch JIT: compile hot code (stress: at the first opportunity)
                 (also CPJIT_JIT=on|off|stress)
  --jit-threshold N
                 function starts plus backward jumps before a code object is compiled
                 (default 16; also CPJIT_JIT_THRESHOLD)
  --jit-dump     print every compiled region to stderr: bytecode -> stencil -> patched machine
                 code (also CPJIT_JIT_DUMP=1)
  --perf-map     name every compiled piece in /tmp/perf-<pid>.map for `perf report` (compiled
                 code keeps frame pointers for `perf record -g`; also CPJIT_PERF_MAP=1)
  --jit-code-limit KIB
                 machine code the compiled regions may hold together; past it the oldest are
                 evicted (default 65536, i.e. 64 MiB; also CPJIT_JIT_CODE_LIMIT)

The standard library is CPython 3.11's: $CPJIT_STDLIB, else that of python3.11 (or python3 when
it is 3.11) on PATH, remembered in ~/.cache/cpjit/stdlib-3.11.
";

/// Runs the command line; returns the process exit status.
pub fn main(argv: Vec<OsString>) -> i32 {
    let mut args = Vec::with_capacity(argv.len());
    for a in argv.into_iter().skip(1) {
        match a.into_string() {
            Ok(s) if crate::rtlib::surrogate::has_standin(&s) => {
                eprintln!(
                    "cpjit: argument holds a character of U+F0800..U+F0FFF, which cpjit keeps for lone surrogates: {s:?}"
                );
                return 2;
            }
            Ok(s) => args.push(s),
            Err(a) => {
                eprintln!("cpjit: argument is not valid UTF-8: {:?}", a);
                return 2;
            }
        }
    }
    let Some(first) = args.first().map(|s| s.as_str()) else {
        eprint!("{USAGE}");
        return 2;
    };
    let rest = &args[1..];
    match first {
        "-h" | "--help" => {
            print!("{USAGE}");
            0
        }
        "--version" => version(1),
        "tokenize" => crate::syntax::commands::tokenize(rest),
        "ast" => crate::syntax::commands::ast(rest),
        "run" => run(rest),
        "dis" => dis_command(rest),
        "symtable" => crate::compile::symtable::command(rest),
        "stencils" => crate::jit::dump::main(rest),
        "bench" => bench::main(rest),
        "compile" => crate::vm::modules::pyc_cache::compile_command(rest),
        _ => run(&args),
    }
}

/// The specializer's and the JIT's settings, from the environment and then the options.
struct RunSettings {
    spec: crate::vm::adaptive::Settings,
    jit: crate::jit::driver::Settings,
}

impl RunSettings {
    fn from_env() -> RunSettings {
        RunSettings {
            spec: crate::vm::adaptive::settings_from_env(),
            jit: crate::jit::driver::Settings::from_env(),
        }
    }
}

/// A `--jit-threshold` value.
fn jit_threshold(v: &str, settings: &mut RunSettings) -> Result<bool, i32> {
    match v.parse::<u32>() {
        Ok(n) => {
            settings.jit.threshold = n.max(1);
            Ok(true)
        }
        Err(_) => {
            eprintln!("cpjit: --jit-threshold: expected a non-negative integer, not '{v}'");
            Err(2)
        }
    }
}

/// A `--jit-code-limit` value (KiB).
fn jit_code_limit(v: &str, settings: &mut RunSettings) -> Result<bool, i32> {
    match v.parse::<usize>() {
        Ok(kib) => {
            settings.jit.code_limit = kib.saturating_mul(1024);
            Ok(true)
        }
        Err(_) => {
            eprintln!("cpjit: --jit-code-limit: expected a size in KiB, not '{v}'");
            Err(2)
        }
    }
}

/// A `--specialize=` / `--stats` / `--jit` option into `settings`: Ok(true) if `a` was one,
/// Err(status) for a malformed one.
fn specializer_option(a: &str, all: &mut RunSettings) -> Result<bool, i32> {
    use crate::vm::adaptive::{Mode, StatsFormat};
    let settings = &mut all.spec;
    if a == "--jit" || a == "--jit=on" {
        all.jit.enabled = true;
    } else if a == "--jit=off" {
        all.jit.enabled = false;
    } else if a == "--jit=stress" {
        all.jit.enabled = true;
        all.jit.threshold = 1;
    } else if a.starts_with("--jit=") {
        eprintln!(
            "cpjit: --jit: expected on, off or stress, not '{}'",
            &a[6..]
        );
        return Err(2);
    } else if a == "--jit-dump" {
        all.jit.dump = true;
    } else if a == "--perf-map" {
        all.jit.perf_map = true;
    } else if let Some(v) = a.strip_prefix("--jit-threshold=") {
        return jit_threshold(v, all);
    } else if let Some(v) = a.strip_prefix("--jit-code-limit=") {
        return jit_code_limit(v, all);
    } else if let Some(m) = a.strip_prefix("--specialize=") {
        match Mode::parse(m) {
            Some(m) => settings.mode = m,
            None => {
                eprintln!("cpjit: --specialize: expected off, on or stress, not '{m}'");
                return Err(2);
            }
        }
    } else if a == "--stats" || a == "--stats=text" {
        settings.stats = Some(StatsFormat::Text);
    } else if a == "--stats=json" {
        settings.stats = Some(StatsFormat::Json);
    } else if a.starts_with("--stats=") {
        eprintln!("cpjit: --stats: expected --stats or --stats=json, not '{a}'");
        return Err(2);
    } else {
        return Ok(false);
    }
    Ok(true)
}

/// Fixes the process-wide specializer settings, installs the specializer and runs the program.
/// `-X NAME[=VALUE]`: recorded in `sys._xoptions` whatever the name (as CPython does: its
/// unknown names are only recorded there); `int_max_str_digits` sets the limit. cpjit has no
/// fault handler, so `-X faulthandler` (which test.support's subprocesses pass) has no effect
/// beyond `sys._xoptions`.
fn x_option(value: &str, opts: &mut crate::vm::run::Options) -> Result<(), i32> {
    let (name, v) = match value.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (value, None),
    };
    if name == "int_max_str_digits" {
        let limit = int_max_str_digits_value(v.unwrap_or(""), "-X int_max_str_digits")?;
        opts.int_max_str_digits = Some(limit);
    }
    crate::vm::run::add_xoption(name, v);
    Ok(())
}

/// A limit for `int_max_str_digits`: 0 or at least 640, else CPython's fatal error.
fn int_max_str_digits_value(v: &str, what: &str) -> Result<u32, i32> {
    match v.parse::<u32>() {
        Ok(n) if n == 0 || n as usize >= crate::rtlib::numparse::MAX_STR_DIGITS_THRESHOLD => Ok(n),
        _ => {
            eprintln!(
                "Fatal Python error: config_init_int_max_str_digits: {what}: invalid limit; \
                 must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n"
            );
            Err(1)
        }
    }
}

fn launch(
    settings: RunSettings,
    program: crate::vm::run::Program,
    argv: Vec<String>,
    mut opts: crate::vm::run::Options,
) -> i32 {
    if opts.int_max_str_digits.is_none() && !opts.ignore_environment {
        if let Some(v) = std::env::var_os("PYTHONINTMAXSTRDIGITS").filter(|v| !v.is_empty()) {
            match int_max_str_digits_value(&v.to_string_lossy(), "PYTHONINTMAXSTRDIGITS") {
                Ok(n) => opts.int_max_str_digits = Some(n),
                Err(status) => return status,
            }
        }
    }
    crate::vm::adaptive::configure(settings.spec);
    crate::specialize::install();
    crate::jit::driver::install(settings.jit);
    crate::vm::run::run_program(program, argv, opts)
}

/// `cpjit dis [--adaptive] FILE`: with --adaptive, runs the program first and shows the
/// quickened code as the run left it (`dis.dis(f, adaptive=True)`).
fn dis_command(args: &[String]) -> i32 {
    if args.first().map(|s| s.as_str()) != Some("--adaptive") {
        return crate::bytecode::dis::command(args);
    }
    let mut settings = RunSettings::from_env();
    let mut i = 1;
    while i < args.len() {
        match specializer_option(&args[i], &mut settings) {
            Ok(true) => i += 1,
            Ok(false) => break,
            Err(status) => return status,
        }
    }
    match args.get(i) {
        Some(file) => {
            let opts = crate::vm::run::Options {
                dis_adaptive: true,
                ..Default::default()
            };
            let program = crate::vm::run::Program::File(file.clone());
            launch(settings, program, args[i..].to_vec(), opts)
        }
        None => {
            eprintln!("usage: cpjit dis --adaptive [--specialize=MODE] FILE [ARGS...]");
            2
        }
    }
}

fn run(args: &[String]) -> i32 {
    use crate::vm::run::{Options, Program};
    let mut opts = Options::default();
    let mut settings = RunSettings::from_env();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-" => return launch(settings, Program::Stdin, args[i..].to_vec(), opts),
            "--jit-threshold" | "--jit-code-limit" => {
                let Some(v) = args.get(i + 1) else {
                    eprintln!("cpjit: {a}: expected a value");
                    return 2;
                };
                let parse = if a == "--jit-threshold" {
                    jit_threshold
                } else {
                    jit_code_limit
                };
                if let Err(status) = parse(v, &mut settings) {
                    return status;
                }
                i += 2;
                continue;
            }
            "--version" => return version(1),
            _ if a.starts_with('-') && !a.starts_with("--") && a.len() > 1 => {
                // Single-letter options, possibly bundled (`-IS`, `-Sc CODE`, `-mjson.tool`).
                let letters: Vec<char> = a[1..].chars().collect();
                let mut versions = 0;
                for (j, &c) in letters.iter().enumerate() {
                    match c {
                        'I' => {
                            opts.isolated = true;
                            opts.ignore_environment = true;
                            opts.no_user_site = true;
                        }
                        'E' => opts.ignore_environment = true,
                        'S' => opts.no_site = true,
                        's' => opts.no_user_site = true,
                        'B' => opts.dont_write_bytecode = true,
                        'u' => opts.unbuffered = true,
                        'V' => versions += 1,
                        'X' => {
                            // The option's value is the rest of the word or the next argument.
                            let tail: String = letters[j + 1..].iter().collect();
                            let value = if !tail.is_empty() {
                                tail
                            } else {
                                i += 1;
                                match args.get(i) {
                                    Some(v) => v.clone(),
                                    None => {
                                        eprintln!("Argument expected for the -X option");
                                        return 2;
                                    }
                                }
                            };
                            if let Err(status) = x_option(&value, &mut opts) {
                                return status;
                            }
                            break;
                        }
                        'c' | 'm' => {
                            let tail: String = letters[j + 1..].iter().collect();
                            let (arg, next) = if !tail.is_empty() {
                                (Some(tail), i + 1)
                            } else {
                                (args.get(i + 1).cloned(), i + 2)
                            };
                            let Some(arg) = arg else {
                                eprintln!("Argument expected for the -{c} option");
                                return 2;
                            };
                            let rest = args.get(next..).unwrap_or(&[]).to_vec();
                            let (program, argv0) = if c == 'c' {
                                (Program::Command(arg), "-c".to_string())
                            } else {
                                // sys.argv[0] becomes the module's file once it is found.
                                (Program::Module(arg), "-m".to_string())
                            };
                            let mut argv = vec![argv0];
                            argv.extend(rest);
                            return launch(settings, program, argv, opts);
                        }
                        _ => {
                            eprintln!("unknown option {a}\nTry `cpjit -h' for more information.");
                            return 2;
                        }
                    }
                }
                if versions > 0 {
                    return version(versions);
                }
            }
            _ if a.starts_with("--") => {
                match specializer_option(a, &mut settings) {
                    Ok(true) => {
                        i += 1;
                        continue;
                    }
                    Ok(false) => {}
                    Err(status) => return status,
                }
                eprintln!("unknown option {a}\nTry `cpjit -h' for more information.");
                return 2;
            }
            file => {
                return launch(
                    settings,
                    Program::File(file.to_string()),
                    args[i..].to_vec(),
                    opts,
                )
            }
        }
        i += 1;
    }
    eprint!("{USAGE}");
    2
}

/// `--version` / `-V`; `-VV` adds where the standard library comes from.
fn version(level: usize) -> i32 {
    println!(
        "cpjit {} (Python 3.11 compatible)",
        env!("CARGO_PKG_VERSION")
    );
    if level >= 2 {
        match crate::vm::discovery::find(true) {
            Some(info) => {
                println!("standard library: {} (from {})", info.stdlib, info.source);
                match &info.purelib {
                    Some(p) => println!("site-packages: {p}"),
                    None => println!("site-packages: none"),
                }
            }
            None => println!(
                "standard library: none ({})",
                crate::vm::discovery::not_found_reason()
            ),
        }
    }
    0
}
