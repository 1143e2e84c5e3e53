//! AST → symbol table → bytecode.
//!
//! `compile_module` runs CPython 3.11's pipeline: AST constant folding (`fold`, as `ast_opt.c`),
//! `from __future__` handling (`future`), the symbol table (`symtable`), code generation into a
//! control-flow graph (`codegen`, a port of `compile.c` split by category) and the flow-graph
//! passes and assembly (`flowgraph`: peephole, jump threading, exit-block copying, dead code,
//! line numbers, stack depth, exception table).
//!
//! Checked against CPython 3.11 (see tests/golden/dis/README.md): the golden files and the whole
//! standard library compile to the same instructions, arguments, jump targets, line numbers and
//! exception tables, modulo the documented normalizations (no PRECALL/CACHE/EXTENDED_ARG, absolute
//! jumps, 3.12's BINARY_SLICE/STORE_SLICE).
//!
//! Things the VM must know (all CPython 3.11 behaviour):
//! - `co_consts[0]` of a function is its docstring or None (lambdas: None).
//! - `CALL n` with a non-NULL below the callable is the method form: it is also how the compiler
//!   calls a comprehension function with its iterator (`[fn, iter] CALL 0`), `AssertionError(msg)`
//!   and `__exit__(None, None, None)` (`[exit, None, None, None] CALL 2`).
//! - Generators and coroutines start with `RETURN_GENERATOR; POP_TOP`; a yield is
//!   `YIELD_VALUE; RESUME 1`, a `yield from`/`await` loop is `SEND`/`YIELD_VALUE`/`RESUME 2|3`/
//!   `JUMP_BACKWARD_NO_INTERRUPT`.
//! - Exception table entries are code-unit ranges `[start, end)`; see `ExceptionEntry`.
//!
//! Deviations: nesting deeper than `fold::MAX_NESTING` is reported as a compile error (CPython raises
//! RecursionError); callers compiling arbitrary input should run on a big stack
//! ([`with_big_stack`]), as the `dis` and `symtable` commands do.

pub mod codegen;
pub mod flowgraph;
pub mod fold;
pub mod future;
pub mod symtable;
pub mod unparse;

use crate::bytecode::code::CodeObject;
use crate::syntax::ast;
use crate::syntax::error::SyntaxError;

/// A compile-time SyntaxWarning (CPython shows every occurrence: compile warnings have no registry).
#[derive(Clone, Debug, PartialEq)]
pub struct CompileWarning {
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
}

impl CompileWarning {
    /// What `python3 FILE` prints to stderr for it: `FILE:LINE: SyntaxWarning: MSG` and the
    /// stripped source line.
    pub fn render(&self, source: &str) -> String {
        let mut out = format!(
            "{}:{}: SyntaxWarning: {}\n",
            self.filename, self.lineno, self.msg
        );
        if let Some(line) = source
            .split('\n')
            .nth((self.lineno as usize).wrapping_sub(1))
        {
            let t = line.trim();
            if !t.is_empty() {
                out.push_str(&format!("  {t}\n"));
            }
        }
        out
    }
}

/// Compiles a module (`exec` mode) to its code object.
pub fn compile_module(module: &ast::Mod, filename: &str) -> Result<CodeObject, SyntaxError> {
    compile_module_with_warnings(module, filename).map(|(co, _)| co)
}

/// [`compile_module`], also returning the SyntaxWarnings CPython would print (the caller prints
/// them to stderr with [`CompileWarning::render`] before running the code).
pub fn compile_module_with_warnings(
    module: &ast::Mod,
    filename: &str,
) -> Result<(CodeObject, Vec<CompileWarning>), SyntaxError> {
    let Some(folded) = fold::try_fold_mod(module) else {
        // CPython raises RecursionError here; cpjit reports it as a compile error.
        return Err(symtable::error_at(
            "maximum recursion depth exceeded during compilation",
            filename,
            ast::Loc::default(),
        ));
    };
    let fut = future::parse(&folded, filename)?;
    let st = symtable::build(&folded, filename)?;
    let (co, warnings) = codegen::compile(&folded, &st, filename, fut)?;
    // The interpreter indexes frames without bounds checks on the strength of this check
    // (`vm::framestack::Slots`): the compiler's output passes it by construction, and checking
    // it here turns a compiler bug into an error instead of memory corruption. It costs about 2%
    // of compiling (cached code is checked as it is read instead).
    if let Err(e) = crate::bytecode::serialize::validate(&co) {
        return Err(symtable::error_at(
            &format!("cpjit internal error: the compiler produced invalid bytecode ({e})"),
            filename,
            ast::Loc::default(),
        ));
    }
    Ok((co, warnings))
}

/// Compiles an expression (`eval` mode): the code returns the expression's value.
pub fn compile_expression(body: &ast::Expr, filename: &str) -> Result<CodeObject, SyntaxError> {
    compile_module(
        &ast::Mod::Expression {
            body: Box::new(body.clone()),
        },
        filename,
    )
}

/// Fills a compile error's source line and converts its UTF-8 byte columns to the 1-based
/// code-point offsets CPython reports.
pub fn locate_error(mut err: SyntaxError, source: &str) -> SyntaxError {
    if err.lineno == 0 {
        return err;
    }
    let line_of = |n: u32| {
        source
            .split('\n')
            .nth(n as usize - 1)
            .map(|l| l.trim_end_matches('\r'))
    };
    let to_chars = |line: Option<&str>, byte_off: u32| -> u32 {
        match line {
            Some(l) => {
                let b = (byte_off.saturating_sub(1) as usize).min(l.len());
                let mut b2 = b;
                while !l.is_char_boundary(b2) {
                    b2 -= 1;
                }
                l[..b2].chars().count() as u32 + 1
            }
            None => byte_off,
        }
    };
    let line = line_of(err.lineno);
    err.offset = to_chars(line, err.offset);
    if err.end_lineno > 0 && err.end_offset > 0 {
        err.end_offset = to_chars(line_of(err.end_lineno), err.end_offset);
    }
    // CPython's compiler reads the line from the file named (`PyErr_ProgramTextObject`, with
    // its newline): none for a pseudo-file such as `<string>` or a file that cannot be read.
    err.text = if err.filename.starts_with('<') {
        None
    } else {
        std::fs::read(&err.filename)
            .ok()
            .and_then(|b| crate::syntax::error::source_line(&b, err.lineno))
            .map(|l| format!("{}\n", l.trim_end_matches('\r')))
    };
    err
}

/// Runs `f` on a thread with a large stack: the compiler recurses over the (up to
/// `fold::MAX_NESTING` deep) tree. Commands use it; embedders compiling deep code should too.
pub fn with_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    crate::stack::with_stack(256 << 20, "compiler", f)
}

/// `compile()`'s modes that cpjit supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module (`exec`).
    Exec,
    /// A single expression (`eval`): the code returns its value.
    Eval,
}

/// Parses and compiles source text: the front door for running files, `exec()`, `eval()` and
/// `compile()`. Errors carry CPython's locations and source line; the warnings are those CPython
/// prints to stderr before running the code.
pub fn compile_source(
    source: &[u8],
    filename: &str,
    mode: Mode,
) -> Result<(CodeObject, Vec<CompileWarning>), SyntaxError> {
    let module = match mode {
        Mode::Exec => crate::syntax::parser::parse_module(source, filename)?,
        Mode::Eval => crate::syntax::parser::parse_expression(source, filename)?,
    };
    compile_module_with_warnings(&module, filename)
        .map_err(|e| locate_error(e, &String::from_utf8_lossy(source)))
}
