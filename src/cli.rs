//! Command line: `cpjit [OPTIONS] FILE [ARGS...]`, `cpjit -c CODE [ARGS...]`, and one subcommand per
//! inspectable stage (`tokenize`, `ast`, `symtable`, `dis`, `stencils`).

use std::ffi::OsString;

const USAGE: &str = "\
usage: cpjit [OPTIONS] FILE [ARGS...]      run a Python script (same as `cpjit run FILE`)
       cpjit [OPTIONS] -c CODE [ARGS...]   run a program passed as a string
       cpjit tokenize [-e] FILE            token stream, as `python3 -m tokenize [-e]`
       cpjit ast [--positions] FILE        syntax tree, as `ast.dump` (include_attributes with --positions)
       cpjit symtable FILE                 scopes and symbols
       cpjit dis FILE                      bytecode, as `python3 -m dis`
       cpjit stencils [--arch x86_64|aarch64] [NAME]
                                           JIT stencils: size, holes, disassembly

options:
  -h, --help     show this help
  --version      print the version
  --specialize=off|on|stress
                 PEP 659 specialization: never, after warm-up (default), or at every
                 instruction's first execution (also CPJIT_SPECIALIZE)
  --stats[=json] print specialization counts to stderr at exit (also CPJIT_STATS=1|json)
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
        "--version" => {
            println!(
                "cpjit {} (Python 3.11 compatible)",
                env!("CARGO_PKG_VERSION")
            );
            0
        }
        "tokenize" => crate::syntax::commands::tokenize(rest),
        "ast" => crate::syntax::commands::ast(rest),
        "run" => run(rest),
        "dis" => dis_command(rest),
        "symtable" => crate::compile::symtable::command(rest),
        "stencils" => crate::jit::dump::main(rest),
        _ => run(&args),
    }
}

/// Reads the leading interpreter options (`--specialize=`, `--stats`), fixes the process-wide
/// settings and installs the specializer; returns how many arguments were options, or an exit
/// status for a bad one.
fn interpreter_options(args: &[String]) -> Result<usize, i32> {
    use crate::vm::adaptive::{self, Mode, StatsFormat};
    let mut settings = adaptive::settings_from_env();
    let mut n = 0;
    for a in args {
        if let Some(m) = a.strip_prefix("--specialize=") {
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
            break;
        }
        n += 1;
    }
    adaptive::configure(settings);
    crate::specialize::install();
    Ok(n)
}

/// `cpjit dis [--adaptive] FILE`: with --adaptive, runs the program first and shows the
/// quickened code as the run left it (`dis.dis(f, adaptive=True)`).
fn dis_command(args: &[String]) -> i32 {
    if args.first().map(|s| s.as_str()) != Some("--adaptive") {
        return crate::bytecode::dis::command(args);
    }
    let n = match interpreter_options(&args[1..]) {
        Ok(n) => n,
        Err(status) => return status,
    };
    match args.get(1 + n) {
        Some(file) => crate::vm::run::run_and_dis_adaptive(file.clone(), args[2 + n..].to_vec()),
        None => {
            eprintln!("usage: cpjit dis --adaptive [--specialize=MODE] FILE [ARGS...]");
            2
        }
    }
}

fn run(args: &[String]) -> i32 {
    use crate::vm::run::{run_program, Program};
    let args = match interpreter_options(args) {
        Ok(n) => &args[n..],
        Err(status) => return status,
    };
    match args.first().map(|s| s.as_str()) {
        None => {
            eprint!("{USAGE}");
            2
        }
        Some("-c") => match args.get(1) {
            Some(code) => run_program(Program::Command(code.clone()), args[2..].to_vec()),
            None => {
                eprintln!("Argument expected for the -c option");
                2
            }
        },
        Some("-") => run_program(Program::Stdin, args[1..].to_vec()),
        Some("--jit") => {
            eprintln!(
                "cpjit: --jit: the JIT is not connected to the interpreter yet (`cpjit stencils` \
                 shows the stencils it will use); run the script without --jit"
            );
            2
        }
        Some(opt) if opt.starts_with('-') && opt != "-" => {
            eprintln!("unknown option {opt}\nTry `cpjit -h' for more information.");
            2
        }
        Some(file) => run_program(Program::File(file.to_string()), args[1..].to_vec()),
    }
}
