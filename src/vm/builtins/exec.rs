//! `exec`, `eval` and `compile`: source text (str, bytes) or a code object, run with the
//! caller's namespaces or the given `globals` (a dict) and `locals` (any mapping).

use crate::compile::Mode;
use crate::vm::interp::{PyResult, Vm};
use crate::vm::object::*;
use crate::vm::types::split_kw;
use crate::vm::value::Value;

pub fn install(vm: &mut Vm) {
    let b = vm.builtins;
    super::def(vm, b, "exec", exec);
    super::def(vm, b, "eval", eval);
    super::def(vm, b, "compile", compile);
}

/// `compile()` flags cpjit accepts: `__future__` feature flags that change nothing in 3.11
/// (`generator_stop`, `division`, ... are always on) and `dont_inherit` semantics.
const HARMLESS_FLAGS: i64 = 0x10 | 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x800000;
/// Every flag CPython's compile() knows (PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK);
/// any other bit is "unrecognised" (ValueError).
const KNOWN_FLAGS: i64 = 0x1fe0000 | 0x10 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000;
const PYCF_ONLY_AST: i64 = 0x400;
const PYCF_TYPE_COMMENTS: i64 = 0x1000;
const CO_FUTURE_ANNOTATIONS: i64 = 0x1000000;

/// The source text of a str/bytes/bytearray argument.
fn source_text(vm: &mut Vm, func: &str, v: Value) -> PyResult<Vec<u8>> {
    // A str subclass is its string (PyUnicode_Check).
    let v = crate::vm::types::subclass::base_value(v).unwrap_or(v);
    if let Some(s) = as_str(v) {
        return Ok(s.s.as_bytes().to_vec());
    }
    if let Some(b) = as_bytes(v) {
        return Ok(b.clone());
    }
    let tn = vm.type_name(v);
    let what = if func == "compile" {
        "compile() arg 1 must be a string, bytes or AST object".to_string()
    } else {
        format!("{func}() arg 1 must be a string, bytes or code object")
    };
    let _ = tn;
    Err(vm.type_error(what))
}

fn syntax_error(vm: &mut Vm, e: &crate::syntax::error::SyntaxError) -> Value {
    crate::vm::run::syntax_error_object(vm, e)
}

/// compile()'s source holds no NUL byte (CPython's SyntaxError otherwise).
fn no_nul(vm: &mut Vm, src: &[u8]) -> PyResult<()> {
    if src.contains(&0) {
        return Err(vm.err(
            "SyntaxError",
            "source code string cannot contain null bytes",
        ));
    }
    Ok(())
}

/// An 'eval' mode source: CPython strips leading blanks from eval() strings.
fn eval_source(src: &[u8]) -> &[u8] {
    let start = src
        .iter()
        .position(|&c| c != b' ' && c != b'\t')
        .unwrap_or(src.len());
    &src[start..]
}

/// Compiles `src` in `mode` ('exec', 'eval', 'single') to a code object.
fn compile_text(vm: &mut Vm, src: &[u8], filename: &str, mode: &str) -> PyResult {
    no_nul(vm, src)?;
    let result = match mode {
        "exec" => crate::compile::compile_source(src, filename, Mode::Exec).map(|(c, _)| c),
        "eval" => {
            crate::compile::compile_source(eval_source(src), filename, Mode::Eval).map(|(c, _)| c)
        }
        "single" => compile_single(src, filename),
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    match result {
        Ok(code) => {
            let text = std::str::from_utf8(src).ok().map(String::from);
            if !filename.starts_with('<') {
                vm.sources.insert(filename.to_string(), text);
            } else {
                vm.sources.entry(filename.to_string()).or_insert(None);
            }
            Ok(crate::vm::code::load_code(vm, std::rc::Rc::new(code)))
        }
        Err(e) => Err(syntax_error(vm, &e)),
    }
}

/// 'single' mode: one statement, whose expression values are printed (sys.displayhook).
fn compile_single(
    src: &[u8],
    filename: &str,
) -> Result<crate::bytecode::code::CodeObject, crate::syntax::error::SyntaxError> {
    let m = parse_single(src, filename)?;
    crate::compile::compile_module(&m, filename)
        .map_err(|e| crate::compile::locate_error(e, &String::from_utf8_lossy(src)))
}

/// `compile(source, filename, mode, ast.PyCF_ONLY_AST)` (`ast.parse`): the parser's tree as
/// `_ast` node objects. The tree is built by evaluating its `ast.dump(tree,
/// include_attributes=True)` text (`syntax::ast_dump`, which the AST golden tests hold to
/// CPython's) with the node classes of `_ast` in scope: every node then has CPython's class,
/// fields and positions, and the optional fields the dump leaves out keep their class default,
/// None, as in CPython's tree. Type comments (`PyCF_TYPE_COMMENTS`) and 'func_type' mode are
/// not supported.
fn compile_to_ast(vm: &mut Vm, src: &[u8], filename: &str, mode: &str, flags: i64) -> PyResult {
    use crate::syntax::ast::Mod;
    if flags & PYCF_TYPE_COMMENTS != 0 {
        return Err(
            vm.not_implemented("compile() to an AST with type comments (PyCF_TYPE_COMMENTS)")
        );
    }
    no_nul(vm, src)?;
    let parsed = match mode {
        "exec" => crate::syntax::parser::parse_module(src, filename),
        "eval" => crate::syntax::parser::parse_expression(eval_source(src), filename),
        "single" => parse_single(src, filename),
        _ => return Err(vm.not_implemented("compile() to an AST in 'func_type' mode")),
    };
    let tree: Mod = parsed.map_err(|e| syntax_error(vm, &e))?;
    let text = crate::syntax::ast_dump::dump(&tree, true);
    let ast = crate::vm::modules::import_module(vm, "_ast")?;
    let ns = vm.new_dict();
    vm.roots.push(ns);
    let r = (|| {
        for (k, v) in crate::vm::runtime::dict::items_of(as_module(ast).unwrap().dict) {
            crate::vm::runtime::dict::dict_set(vm, ns, k, v)?;
        }
        // Float and imaginary constants past the float range dump as `inf` / `infj`.
        let (inf, infj) = (vm.intern("inf"), vm.intern("infj"));
        let inf_v = Value::from_f64(f64::INFINITY);
        crate::vm::runtime::dict::dict_set(vm, ns, inf, inf_v)?;
        let infj_v = crate::vm::types::complex::new_complex(vm, 0.0, f64::INFINITY);
        crate::vm::runtime::dict::dict_set(vm, ns, infj, infj_v)?;
        let code = compile_text(vm, text.as_bytes(), "<ast>", "eval")?;
        crate::vm::eval::run_code(vm, code, ns, ns, Value::NULL)
    })();
    vm.roots.pop();
    r
}

/// 'single' mode's tree: one statement (`Interactive`), else CPython's parser error.
fn parse_single(
    src: &[u8],
    filename: &str,
) -> Result<crate::syntax::ast::Mod, crate::syntax::error::SyntaxError> {
    use crate::syntax::ast::Mod;
    let m = crate::syntax::parser::parse_module(src, filename)?;
    let Mod::Module { body, .. } = m else {
        unreachable!("parse_module returns a module")
    };
    if body.len() > 1 {
        // A parser error in CPython (bad_single_statement): at the end of the first
        // statement's line (its NEWLINE token), with that line as the text.
        let lineno = body[0].loc.end_lineno;
        let line = crate::syntax::error::source_line(src, lineno).unwrap_or_default();
        let line = line.trim_end_matches('\r');
        let offset = line.chars().count() as u32 + 1;
        return Err(crate::syntax::error::SyntaxError {
            kind: crate::syntax::error::SyntaxErrorKind::SyntaxError,
            msg: "multiple statements found while compiling a single statement".into(),
            filename: filename.to_string(),
            lineno,
            offset,
            end_lineno: lineno,
            end_offset: offset,
            text: Some(format!("{line}\n")),
        });
    }
    Ok(Mod::Interactive { body })
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *,
/// _feature_version=-1)`, bound and converted as Argument Clinic does (filename through
/// PyUnicode_FSDecoder, mode a str, the rest C ints: an int or `__index__`, OverflowError past
/// a C int), then builtin_compile_impl's checks in its order: unknown flags, the optimize
/// level, the mode, the source.
fn compile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    let names = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let a = crate::vm::types::bind_named(vm, "compile", pos, &kws, &names, 6, 3)?;
    let filename = crate::vm::modules::posix::fs_decoder(vm, a[1].unwrap())?;
    let mode = crate::vm::types::clinic_str(vm, "compile", "'mode'", a[2].unwrap())?;
    let mut ints = [0i64, 0, -1, -1];
    for (k, slot) in ints.iter_mut().enumerate() {
        if let Some(v) = a[3 + k] {
            *slot = crate::vm::runtime::num::c_int_arg(vm, v)? as i64;
        }
    }
    let [flags, _dont_inherit, optimize, _feature_version] = ints;
    if flags & !KNOWN_FLAGS != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    let only_ast = flags & PYCF_ONLY_AST != 0;
    match mode.as_str() {
        "exec" | "eval" | "single" => {}
        "func_type" if !only_ast => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        "func_type" => {}
        _ if only_ast => {
            return Err(
                vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
            )
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
    let src = source_text(vm, "compile", a[0].unwrap())?;
    if only_ast {
        return compile_to_ast(vm, &src, &filename, &mode, flags);
    }
    if flags & !HARMLESS_FLAGS != 0 {
        let what = if flags & CO_FUTURE_ANNOTATIONS != 0 {
            "compile() with the `from __future__ import annotations` flag".to_string()
        } else {
            format!("compile() flags {flags:#x}")
        };
        return Err(vm.not_implemented(what));
    }
    compile_text(vm, &src, &filename, &mode)
}

/// CPython's check that exec/eval's `locals` (None already dropped) is a mapping.
/// PyMapping_Check: a type with `__getitem__` (sequences included), or a dict.
fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    let k = vm.intern("__getitem__");
    let t = vm.type_of(v);
    crate::vm::runtime::attr::lookup_type(t, k).is_some() || as_dict(v).is_some()
}

fn check_locals(vm: &mut Vm, func: &str, l: Option<Value>) -> PyResult<()> {
    if let Some(lv) = l {
        if !is_mapping(vm, lv) {
            let tn = vm.type_name(lv);
            let msg = if func == "exec" {
                format!("locals must be a mapping or None, not {tn}")
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(vm.type_error(msg));
        }
    }
    Ok(())
}

/// The (globals, locals) a call of exec/eval runs with, CPython's checks and defaults included.
fn namespaces(
    vm: &mut Vm,
    func: &str,
    g: Option<Value>,
    l: Option<Value>,
) -> PyResult<(Value, Value)> {
    let none = vm.none;
    let g = g.filter(|&v| v != none);
    let l = l.filter(|&v| v != none);
    // builtin_eval_impl checks locals before globals, builtin_exec_impl globals first.
    if func == "eval" {
        check_locals(vm, func, l)?;
    }
    if let Some(gv) = g {
        if as_dict(gv).is_none() || obj_type(gv) != vm.t.dict {
            let tn = vm.type_name(gv);
            let msg = if func == "exec" {
                format!("exec() globals must be a dict, not {tn}")
            } else if is_mapping(vm, gv) {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            };
            return Err(vm.type_error(msg));
        }
    }
    check_locals(vm, func, l)?;
    let (globals, locals) = match (g, l) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g, g),
        (None, l) => {
            let f = vm.current;
            if f.is_null() {
                let d = vm.new_dict();
                (d, l.unwrap_or(d))
            } else {
                let g = f.get().globals;
                let l = match l {
                    Some(l) => l,
                    None => crate::vm::types::frameobj::frame_locals(vm, f),
                };
                (g, l)
            }
        }
    };
    let bk = vm.intern("__builtins__");
    if crate::vm::runtime::dict::dict_get_str(vm, globals, bk).is_none() {
        let b = vm.builtins;
        crate::vm::runtime::dict::dict_set(vm, globals, bk, b)?;
    }
    Ok((globals, locals))
}

/// Shared body of exec and eval.
fn run(vm: &mut Vm, func: &str, mode: &str, args: &[Value], kw: &[Value]) -> PyResult {
    let (pos, kws) = split_kw(args, kw);
    // Argument Clinic: eval(source, globals=None, locals=None, /) refuses every keyword;
    // exec(source, globals=None, locals=None, /, *, closure=None).
    let (g, l, closure) = if func == "eval" {
        if !kws.is_empty() {
            return Err(vm.type_error("eval() takes no keyword arguments"));
        }
        crate::vm::types::unpack_tuple_nargs(vm, "eval", pos, &[], 0, 1, 3)?;
        (pos.get(1).copied(), pos.get(2).copied(), None)
    } else {
        let names = ["source", "globals", "locals", "closure"];
        let b = crate::vm::types::bind_clinic(vm, "exec", pos, &kws, &names, 3, 3, 1)?;
        (b[1], b[2], b[3].filter(|&c| c != vm.none))
    };
    if let Some(gv) = g.filter(|&v| v != vm.none && obj_type(v) != vm.t.dict) {
        if vm.isinstance(gv, vm.t.dict) {
            // CPython accepts a dict subclass and reads names through its __getitem__ (and
            // __missing__); cpjit's frames hold real dicts. The source is still compiled first,
            // so a syntax error is reported as in CPython, after the check of `locals`.
            check_locals(vm, func, l.filter(|&v| v != vm.none))?;
            if as_code(pos[0]).is_none() {
                let src = source_text(vm, func, pos[0])?;
                compile_text(vm, &src, "<string>", mode)?;
            }
            let tn = vm.type_name(gv);
            return Err(
                vm.not_implemented(format!("{func}() with globals of a dict subclass ('{tn}')"))
            );
        }
    }
    let (globals, locals) = namespaces(vm, func, g, l)?;
    if closure.is_some() {
        if as_code(pos[0]).is_none() {
            return Err(vm.type_error("closure can only be used when source is a code object"));
        }
        return Err(vm.not_implemented("exec() with a closure"));
    }
    vm.roots.extend([globals, locals]);
    let r = (|| {
        let code = if as_code(pos[0]).is_some() {
            pos[0]
        } else {
            let src = source_text(vm, func, pos[0])?;
            compile_text(vm, &src, "<string>", mode)?
        };
        vm.roots.push(code);
        let r = crate::vm::eval::run_code(vm, code, globals, locals, Value::NULL);
        vm.roots.pop();
        r
    })();
    vm.roots.truncate(vm.roots.len() - 2);
    r
}

fn exec(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    run(vm, "exec", "exec", args, kw)?;
    Ok(vm.none)
}

fn eval(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    run(vm, "eval", "eval", args, kw)
}
