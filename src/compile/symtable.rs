//! The symbol table: CPython 3.11's `Python/symtable.c` algorithm.
//!
//! A first walk records, per scope (module, function, lambda, comprehension, class), every name with
//! its DEF_* flags; a second pass (`analyze`) resolves each name's scope (local, global explicit or
//! implicit, free, cell) exactly as `analyze_block` does, including class scopes' special rules and the
//! implicit `__class__` cell. Scopes are found again by the address of their AST node.

use std::collections::{HashMap, HashSet};

/// Insertion-ordered, hashed with foldhash (hashbrown's default hasher) rather than SipHash: the
/// compiler's maps are keyed by the program's own names, not by untrusted input at scale.
type IndexMap<K, V> = indexmap::IndexMap<K, V, hashbrown::DefaultHashBuilder>;

use crate::syntax::ast::*;
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};

/// DEF_* flags, with CPython's values.
pub mod flag {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const DEF_FREE: u32 = 32;
    pub const DEF_FREE_CLASS: u32 = 64;
    pub const DEF_IMPORT: u32 = 128;
    pub const DEF_ANNOT: u32 = 256;
    pub const DEF_COMP_ITER: u32 = 512;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flag::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Unknown => "UNKNOWN",
            Scope::Local => "LOCAL",
            Scope::GlobalExplicit => "GLOBAL_EXPLICIT",
            Scope::GlobalImplicit => "GLOBAL_IMPLICIT",
            Scope::Free => "FREE",
            Scope::Cell => "CELL",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Module,
    Function,
    Class,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Scope,
}

#[derive(Debug)]
pub struct ScopeEntry {
    pub name: String,
    pub typ: BlockType,
    pub lineno: u32,
    pub symbols: IndexMap<String, Symbol>,
    /// Parameters in order (CPython's `ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub varargs: bool,
    pub varkeywords: bool,
    pub free: bool,
    pub child_free: bool,
    pub needs_class_closure: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// Where each `global` / `nonlocal` name was declared (for error locations).
    directives: HashMap<String, Loc>,
}

impl ScopeEntry {
    pub fn scope_of(&self, name: &str) -> Scope {
        self.symbols
            .get(name)
            .map(|s| s.scope)
            .unwrap_or(Scope::Unknown)
    }
    pub fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).map(|s| s.flags).unwrap_or(0)
    }
    pub fn is_function(&self) -> bool {
        self.typ == BlockType::Function
    }
}

pub struct SymbolTable {
    pub scopes: Vec<ScopeEntry>,
    by_node: HashMap<usize, usize>,
}

/// The key of a scope-creating node: its address (the tree is not moved while compiling).
pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl SymbolTable {
    /// The scope created by `node` (a FunctionDef/ClassDef statement, a Lambda or comprehension).
    pub fn scope_for<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&node_key(node)).copied()
    }

    /// A readable dump: one line per scope and per symbol (sorted by name) with its flags; the
    /// format `tools/record_symtable.py` prints from python3's `symtable` module.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        self.dump_scope(0, 0, &mut out);
        out
    }

    fn dump_scope(&self, idx: usize, indent: usize, out: &mut String) {
        let s = &self.scopes[idx];
        let pad = "  ".repeat(indent);
        let typ = match s.typ {
            BlockType::Module => "module",
            BlockType::Function => "function",
            BlockType::Class => "class",
        };
        let mut extra = String::new();
        if s.nested {
            extra.push_str(" nested");
        }
        if s.typ == BlockType::Function {
            extra.push_str(&format!(" params=[{}]", s.varnames.join(", ")));
        }
        out.push_str(&format!("{pad}{typ} {} line {}{extra}\n", s.name, s.lineno));
        let mut names: Vec<&String> = s.symbols.keys().collect();
        names.sort();
        for n in names {
            let sym = s.symbols[n];
            let mut props = vec![sym.scope.name().to_string()];
            for (bit, name) in FLAG_NAMES {
                if sym.flags & bit != 0 {
                    props.push(name.to_string());
                }
            }
            if s.children.iter().any(|&c| &self.scopes[c].name == n) {
                props.push("namespace".to_string());
            }
            out.push_str(&format!("{pad}  {n}: {}\n", props.join(" ")));
        }
        for &c in &s.children {
            self.dump_scope(c, indent + 1, out);
        }
    }
}

const FLAG_NAMES: [(u32, &str); 10] = [
    (DEF_GLOBAL, "DEF_GLOBAL"),
    (DEF_LOCAL, "DEF_LOCAL"),
    (DEF_PARAM, "DEF_PARAM"),
    (DEF_NONLOCAL, "DEF_NONLOCAL"),
    (USE, "USE"),
    (DEF_FREE, "DEF_FREE"),
    (DEF_FREE_CLASS, "DEF_FREE_CLASS"),
    (DEF_IMPORT, "DEF_IMPORT"),
    (DEF_ANNOT, "DEF_ANNOT"),
    (DEF_COMP_ITER, "DEF_COMP_ITER"),
];

/// Python's private name mangling: `__x` inside class `C` is `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

pub fn error_at(msg: impl Into<String>, filename: &str, loc: Loc) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        filename: filename.to_string(),
        lineno: loc.lineno,
        offset: loc.col_offset + 1,
        end_lineno: loc.end_lineno,
        end_offset: loc.end_col_offset + 1,
        text: None,
    }
}

struct Builder<'a> {
    filename: &'a str,
    scopes: Vec<ScopeEntry>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    private: Option<String>,
    /// `from __future__ import annotations`: annotations are strings, their names not used.
    future_annotations: bool,
}

type R = Result<(), SyntaxError>;

/// Builds and analyzes the symbol table of a module.
pub fn build(module: &Mod, filename: &str) -> Result<SymbolTable, SyntaxError> {
    let future_annotations = super::future::parse(module, filename)
        .map(|f| f.annotations)
        .unwrap_or(false);
    let mut b = Builder {
        filename,
        scopes: Vec::new(),
        by_node: HashMap::new(),
        stack: Vec::new(),
        private: None,
        future_annotations,
    };
    b.enter("top", BlockType::Module, 0, 0);
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => {
            for s in body {
                b.stmt(s)?;
            }
        }
        Mod::Expression { body } => b.expr(body)?,
        Mod::FunctionType { .. } => {}
    }
    b.stack.pop();
    let mut st = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    let mut free = HashSet::new();
    let mut global = HashSet::new();
    analyze_block(&mut st.scopes, 0, None, &mut free, &mut global, filename)?;
    Ok(st)
}

impl<'a> Builder<'a> {
    fn cur(&mut self) -> &mut ScopeEntry {
        let i = *self.stack.last().unwrap();
        &mut self.scopes[i]
    }

    fn enter(&mut self, name: &str, typ: BlockType, lineno: u32, key: usize) -> usize {
        let idx = self.scopes.len();
        let nested = match self.stack.last() {
            Some(&p) => self.scopes[p].nested || self.scopes[p].typ == BlockType::Function,
            None => false,
        };
        self.scopes.push(ScopeEntry {
            name: name.to_string(),
            typ,
            lineno,
            symbols: IndexMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            free: false,
            child_free: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::new(),
        });
        if let Some(&p) = self.stack.last() {
            self.scopes[p].children.push(idx);
        }
        if key != 0 {
            self.by_node.insert(key, idx);
        }
        self.stack.push(idx);
        idx
    }

    fn err(&self, msg: String, loc: Loc) -> SyntaxError {
        error_at(msg, self.filename, loc)
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> R {
        let idx = *self.stack.last().unwrap();
        self.add_def_in(idx, name, flag, loc)
    }

    fn add_def_in(&mut self, idx: usize, name: &str, flag: u32, loc: Loc) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let ste = &mut self.scopes[idx];
        let mut val = flag;
        if let Some(sym) = ste.symbols.get(&mangled) {
            if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                return Err(error_at(
                    format!("duplicate argument '{name}' in function definition"),
                    self.filename,
                    loc,
                ));
            }
            val |= sym.flags;
        }
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(error_at(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    self.filename,
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        ste.symbols.insert(
            mangled.clone(),
            Symbol {
                flags: val,
                scope: Scope::Unknown,
            },
        );
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            // Record the explicit global in the module scope too, as CPython does.
            let top = &mut self.scopes[0];
            let v = top.symbols.get(&mangled).map(|s| s.flags).unwrap_or(0) | flag;
            top.symbols.insert(
                mangled,
                Symbol {
                    flags: v,
                    scope: Scope::Unknown,
                },
            );
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            }
            | StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.add_def(name, DEF_LOCAL, s.loc)?;
                self.exprs(&args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.annotations(args, returns.as_deref())?;
                self.exprs(decorator_list)?;
                self.enter(name, BlockType::Function, s.loc.lineno, node_key(s));
                if matches!(s.kind, StmtKind::AsyncFunctionDef { .. }) {
                    self.cur().coroutine = true;
                }
                self.params(args)?;
                self.stmts(body)?;
                self.stack.pop();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, DEF_LOCAL, s.loc)?;
                self.exprs(bases)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(decorator_list)?;
                self.enter(name, BlockType::Class, s.loc.lineno, node_key(s));
                let saved = self.private.replace(name.clone());
                self.stmts(body)?;
                self.private = saved;
                self.stack.pop();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let m = mangle(self.private.as_deref(), id);
                    let cur = self.cur().flags_of(&m);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && self.cur().typ != BlockType::Module
                        && *simple
                    {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(
                            self.err(format!("annotated name '{id}' can't be {what}"), s.loc)
                        );
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.expr(target)?;
                }
                if !self.future_annotations {
                    self.expr(annotation)?;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().typ != BlockType::Module {
                            return Err(
                                self.err("import * only allowed at module level".into(), a.loc)
                            );
                        }
                        continue;
                    }
                    let store = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap().to_string(),
                    };
                    self.add_def(&store, DEF_IMPORT, a.loc)?;
                }
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                let global = matches!(s.kind, StmtKind::Global { .. });
                for name in names {
                    let m = mangle(self.private.as_deref(), name);
                    let cur = self.cur().flags_of(&m);
                    let what = if global { "global" } else { "nonlocal" };
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and {what}")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to {what} declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be {what}")
                        } else {
                            format!("name '{name}' is assigned to before {what} declaration")
                        };
                        return Err(self.err(msg, s.loc));
                    }
                    self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, s.loc)?;
                    self.cur().directives.entry(m).or_insert(s.loc);
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
        }
        Ok(())
    }

    fn annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> R {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        if self.future_annotations {
            return Ok(());
        }
        for a in all {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &Arguments) -> R {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.arg, DEF_PARAM, a.loc)?;
        }
        // CPython's ste_varnames order: positional, keyword-only, then *args, **kwargs.
        if let Some(v) = &args.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.loc)?;
            self.cur().varargs = true;
        }
        if let Some(k) = &args.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.loc)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                for q in patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(self.err(
                        "assignment expression cannot be used in a comprehension iterable expression"
                            .into(),
                        e.loc,
                    ));
                }
                if self.cur().comprehension.is_some() {
                    self.extend_namedexpr_scope(target)?;
                }
                self.expr(value)?;
                self.expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.exprs(&args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.enter("lambda", BlockType::Function, e.loc.lineno, node_key(e));
                self.params(args)?;
                self.expr(body)?;
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", CompKind::Set, generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", CompKind::Generator, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "dictcomp", CompKind::Dict, generators, key, Some(value))?,
            ExprKind::Yield { value } => {
                self.yield_check(e)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.cur().generator = true;
            }
            ExprKind::YieldFrom { value } => {
                self.yield_check(e)?;
                self.expr(value)?;
                self.cur().generator = true;
            }
            ExprKind::Await { value } => {
                self.expr(value)?;
                if self.cur().comprehension.is_some() {
                    self.cur().coroutine = true;
                }
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load {
                    USE
                } else {
                    DEF_LOCAL
                };
                self.add_def(id, flag, e.loc)?;
                // `super()` (and `__class__`) in a function use the implicit __class__ cell.
                if *ctx == ExprContext::Load && self.cur().is_function() && id == "super" {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    fn yield_check(&mut self, e: &Expr) -> R {
        if let Some(k) = self.cur().comprehension {
            let what = match k {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Generator => "generator expression",
            };
            return Err(self.err(format!("'yield' inside {what}"), e.loc));
        }
        Ok(())
    }

    /// A walrus target inside comprehensions binds in the nearest enclosing non-comprehension scope.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let ExprKind::Name { id, .. } = &target.kind else {
            return Ok(());
        };
        let m = mangle(self.private.as_deref(), id);
        for &i in self.stack.clone().iter().rev() {
            let ste = &self.scopes[i];
            if ste.comprehension.is_some() {
                if ste.flags_of(&m) & DEF_COMP_ITER != 0 {
                    return Err(self.err(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{id}'"
                        ),
                        target.loc,
                    ));
                }
                continue;
            }
            match ste.typ {
                BlockType::Function => {
                    let f = ste.flags_of(&m);
                    if f & DEF_GLOBAL != 0 {
                        self.add_def(id, DEF_GLOBAL, target.loc)?;
                    } else {
                        self.add_def(id, DEF_NONLOCAL, target.loc)?;
                    }
                    self.add_def_in(i, id, DEF_LOCAL, target.loc)?;
                    return Ok(());
                }
                BlockType::Module => {
                    self.add_def(id, DEF_GLOBAL, target.loc)?;
                    self.add_def_in(i, id, DEF_GLOBAL, target.loc)?;
                    return Ok(());
                }
                BlockType::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .into(),
                        target.loc,
                    ));
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let outermost = &generators[0];
        self.cur().comp_iter_expr += 1;
        self.expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(name, BlockType::Function, e.loc.lineno, node_key(e));
        self.cur().comprehension = Some(kind);
        if outermost.is_async {
            self.cur().coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.cur().comp_iter_target = true;
        self.expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let is_gen = kind == CompKind::Generator;
        self.cur().generator = is_gen;
        let is_async = self.cur().coroutine && !is_gen;
        self.stack.pop();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}

type Set = HashSet<String>;

fn analyze_block(
    scopes: &mut Vec<ScopeEntry>,
    idx: usize,
    bound: Option<&mut Set>,
    free: &mut Set,
    global: &mut Set,
    filename: &str,
) -> R {
    let mut local = Set::new();
    let mut scope_of: HashMap<String, Scope> = HashMap::new();
    let mut newglobal = Set::new();
    let mut newfree = Set::new();
    let mut newbound = Set::new();
    let typ = scopes[idx].typ;
    let mut bound = bound;
    if typ == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }
    let names: Vec<(String, u32)> = scopes[idx]
        .symbols
        .iter()
        .map(|(k, v)| (k.clone(), v.flags))
        .collect();
    for (name, flags) in &names {
        let sc = analyze_name(
            &mut scopes[idx],
            name,
            *flags,
            bound.as_deref_mut(),
            &mut local,
            free,
            global,
            filename,
        )?;
        scope_of.insert(name.clone(), sc);
    }
    if typ != BlockType::Class {
        if typ == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }
    let mut allfree = Set::new();
    let children = scopes[idx].children.clone();
    for c in children {
        let mut tb = newbound.clone();
        let mut tf = newfree.clone();
        let mut tg = newglobal.clone();
        analyze_block(scopes, c, Some(&mut tb), &mut tf, &mut tg, filename)?;
        allfree.extend(tf);
        if scopes[c].free || scopes[c].child_free {
            scopes[idx].child_free = true;
        }
    }
    newfree.extend(allfree);
    if typ == BlockType::Function {
        // analyze_cells: locals some child uses freely become cells.
        for (name, sc) in scope_of.iter_mut() {
            if *sc == Scope::Local && newfree.remove(name) {
                *sc = Scope::Cell;
            }
        }
    } else if typ == BlockType::Class && newfree.remove("__class__") {
        scopes[idx].needs_class_closure = true;
    }
    // update_symbols
    let ste = &mut scopes[idx];
    for (name, sym) in ste.symbols.iter_mut() {
        sym.scope = scope_of[name];
    }
    let mut fr: Vec<&String> = newfree.iter().collect();
    fr.sort();
    for name in fr {
        if let Some(sym) = ste.symbols.get_mut(name) {
            if typ == BlockType::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                sym.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if let Some(b) = bound.as_deref() {
            if !b.contains(name) {
                continue;
            }
        } else {
            continue;
        }
        ste.symbols.insert(
            name.clone(),
            Symbol {
                flags: 0, // CPython records only the scope of an implicit free variable
                scope: Scope::Free,
            },
        );
    }
    free.extend(newfree);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    ste: &mut ScopeEntry,
    name: &str,
    flags: u32,
    bound: Option<&mut Set>,
    local: &mut Set,
    free: &mut Set,
    global: &mut Set,
    filename: &str,
) -> Result<Scope, SyntaxError> {
    let loc = ste
        .directives
        .get(name)
        .copied()
        .unwrap_or(Loc::new(ste.lineno, 0, ste.lineno, 0));
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(error_at(
                format!("name '{name}' is nonlocal and global"),
                filename,
                loc,
            ));
        }
        global.insert(name.to_string());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(Scope::GlobalExplicit);
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(error_at(
                "nonlocal declaration not allowed at module level",
                filename,
                loc,
            ));
        };
        if !b.contains(name) {
            return Err(error_at(
                format!("no binding for nonlocal '{name}' found"),
                filename,
                loc,
            ));
        }
        ste.free = true;
        free.insert(name.to_string());
        return Ok(Scope::Free);
    }
    if flags & DEF_BOUND != 0 {
        local.insert(name.to_string());
        global.remove(name);
        return Ok(Scope::Local);
    }
    if let Some(b) = bound.as_deref() {
        if b.contains(name) {
            ste.free = true;
            free.insert(name.to_string());
            return Ok(Scope::Free);
        }
    }
    if global.contains(name) {
        return Ok(Scope::GlobalImplicit);
    }
    if ste.nested {
        ste.free = true;
    }
    Ok(Scope::GlobalImplicit)
}

/// `cpjit symtable FILE`: the dump of [`SymbolTable::dump`].
pub fn command(args: &[String]) -> i32 {
    crate::compile::with_big_stack(|| command_inner(args))
}

fn command_inner(args: &[String]) -> i32 {
    let [path] = args else {
        eprintln!("usage: cpjit symtable FILE");
        return 2;
    };
    let source = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cpjit: can't open file '{path}': {e}");
            return 2;
        }
    };
    let result = crate::syntax::parser::parse_module(&source, path).and_then(|m| {
        // python3's `symtable` module analyzes the unoptimized tree (so `__debug__` is a name);
        // the fold only checks the nesting limit here.
        let _ = super::fold::try_fold_mod(&m).ok_or_else(|| {
            error_at(
                "maximum recursion depth exceeded during compilation",
                path,
                Loc::default(),
            )
        })?;
        build(&m, path).map_err(|e| super::locate_error(e, &String::from_utf8_lossy(&source)))
    });
    match result {
        Ok(st) => {
            crate::write_stdout(&st.dump());
            0
        }
        Err(e) => {
            crate::bytecode::dis::report_syntax_error(&e);
            1
        }
    }
}
