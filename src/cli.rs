//! Command line: `cpjit [OPTIONS] FILE [ARGS...]`, `cpjit -c CODE [ARGS...]`, and one subcommand per
//! inspectable stage (`tokenize`, `ast`, `symtable`, `dis`, `stencils`).

use std::ffi::OsString;

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

options:
  -h, --help     show this help
  -V, --version  print the version (-VV: also where the standard library comes from)
  -m MODULE      run a library module as a script
  -I             isolate: neither the script's directory nor the environment nor user site
  -E             ignore PYTHON* environment variables (PYTHONPATH, ...)
  -S             do not add site-packages to sys.path
  -s             do not add the user site-packages directory to sys.path
  -B             do not write .pyc files (accepted; cpjit writes none yet)

The standard library is CPython 3.11's: $CPJIT_STDLIB, else that of python3.11 (or python3 when
it is 3.11) on PATH, remembered in ~/.cache/cpjit/stdlib-3.11.
";

/// Runs the command line; returns the process exit status.
pub fn main(argv: Vec<OsString>) -> i32 {
    let mut args = Vec::with_capacity(argv.len());
    for a in argv.into_iter().skip(1) {
        match a.into_string() {
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
        "dis" => crate::bytecode::dis::command(rest),
        "symtable" => crate::compile::symtable::command(rest),
        "stencils" => crate::jit::dump::main(rest),
        _ => run(&args),
    }
}

fn run(args: &[String]) -> i32 {
    use crate::vm::run::{run_program, Options, Program};
    let mut opts = Options::default();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "-" => return run_program(Program::Stdin, args[i..].to_vec(), opts),
            "--jit" => {
                eprintln!(
                    "cpjit: --jit: the JIT is not connected to the interpreter yet (`cpjit stencils` \
                     shows the stencils it will use); run the script without --jit"
                );
                return 2;
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
                        'V' => versions += 1,
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
                            return run_program(program, argv, opts);
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
                eprintln!("unknown option {a}\nTry `cpjit -h' for more information.");
                return 2;
            }
            file => {
                return run_program(Program::File(file.to_string()), args[i..].to_vec(), opts)
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
            None => println!("standard library: none ({})", crate::vm::discovery::not_found_reason()),
        }
    }
    0
}
