//! Code generation: AST → control-flow graph → `CodeObject`, following CPython 3.11's
//! `Python/compile.c` construct by construct (split by category: expressions, statements,
//! functions and classes, comprehensions, exception handling).

mod comprehension;
mod exceptions;
mod expr;
mod func;
mod pattern;
mod stmt;

use std::collections::HashMap;
use std::rc::Rc;

/// Insertion-ordered, hashed with foldhash (as `symtable`'s maps).
pub type IndexSet<T> = indexmap::IndexSet<T, hashbrown::DefaultHashBuilder>;

use super::flowgraph::{BlockId, Cfg, ConstInfo, Instr, Op, NO_BLOCK};
use super::symtable::{self, mangle, BlockType, Scope, SymbolTable};
use crate::bytecode::code::{flags as co, slot_kind, CodeObject, ConstValue, Position};
use crate::bytecode::opcode::Opcode;
use crate::syntax::ast::*;
use crate::syntax::error::SyntaxError;

pub type CResult<T = ()> = Result<T, SyntaxError>;

/// Deref opargs are tagged while compiling (cell / free index) and fixed to slot numbers at assembly.
const CELL_TAG: u32 = 1 << 22;
const FREE_TAG: u32 = 1 << 23;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// compile.c's `fblockinfo`: what `break`, `continue` and `return` must unwind.
#[derive(Clone)]
pub enum FBlock<'a> {
    WhileLoop { start: BlockId, exit: BlockId },
    ForLoop { start: BlockId, exit: BlockId },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { loc: Loc },
    AsyncWith { loc: Loc },
    AsyncComprehensionGenerator,
    HandlerCleanup { name: Option<&'a str> },
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
}

pub struct Unit {
    pub ste: usize,
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub cfg: Cfg,
    pub cur: BlockId,
    pub consts: Vec<ConstValue>,
    const_keys: HashMap<String, u32>,
    pub names: IndexSet<String>,
    pub varnames: IndexSet<String>,
    pub cellvars: IndexSet<String>,
    pub freevars: IndexSet<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub loc: Position,
    pub private: Option<String>,
}

impl ConstInfo for Unit {
    fn truthiness(&self, index: u32) -> Option<bool> {
        Some(truthy(&self.consts[index as usize]))
    }
    fn is_none(&self, index: u32) -> bool {
        self.consts[index as usize] == ConstValue::None
    }
    fn fold_tuple(&mut self, items: &[u32]) -> Option<u32> {
        let v: Vec<ConstValue> = items
            .iter()
            .map(|&i| self.consts[i as usize].clone())
            .collect();
        Some(self.add_const(ConstValue::Tuple(v)))
    }
}

pub fn truthy(c: &ConstValue) -> bool {
    use num_traits::Zero;
    match c {
        ConstValue::None => false,
        ConstValue::Bool(b) => *b,
        ConstValue::Ellipsis | ConstValue::Code(_) => true,
        ConstValue::Int(i) => !i.is_zero(),
        ConstValue::Float(f) => *f != 0.0,
        ConstValue::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        ConstValue::Str(s) => !s.is_empty(),
        ConstValue::Bytes(b) => !b.is_empty(),
        ConstValue::Tuple(v) | ConstValue::FrozenSet(v) => !v.is_empty(),
    }
}

/// A key that merges equal constants of the same type only (1, 1.0, True and -0.0/0.0 stay apart).
fn const_key(c: &ConstValue) -> String {
    match c {
        ConstValue::Float(f) => format!("F{:x}", f.to_bits()),
        ConstValue::Complex { real, imag } => format!("C{:x},{:x}", real.to_bits(), imag.to_bits()),
        ConstValue::Tuple(v) => {
            format!(
                "T({})",
                v.iter().map(const_key).collect::<Vec<_>>().join(",")
            )
        }
        ConstValue::FrozenSet(v) => {
            format!(
                "S({})",
                v.iter().map(const_key).collect::<Vec<_>>().join(",")
            )
        }
        other => format!("{other:?}"),
    }
}

impl Unit {
    pub fn add_const(&mut self, c: ConstValue) -> u32 {
        if let ConstValue::Code(new) = &c {
            // Equal code objects are one constant, as CPython's constant cache merges them (e.g.
            // the genexpr of a `while` test compiled twice). Debug text keeps -0.0 and 0.0 apart.
            // The text is built only when a candidate with the same name and line exists (rare):
            // formatting every nested code object was most of start-up's compile time.
            let mut key = None;
            for (i, old) in self.consts.iter().enumerate() {
                if let ConstValue::Code(o) = old {
                    if o.name == new.name && o.firstlineno == new.firstlineno {
                        let key = key.get_or_insert_with(|| format!("{new:?}"));
                        if format!("{o:?}") == *key {
                            return i as u32;
                        }
                    }
                }
            }
            self.consts.push(c);
            return self.consts.len() as u32 - 1;
        }
        let k = const_key(&c);
        if let Some(&i) = self.const_keys.get(&k) {
            return i;
        }
        self.consts.push(c);
        let i = self.consts.len() as u32 - 1;
        self.const_keys.insert(k, i);
        i
    }
}

/// Whether two constants are equal as Python set members (1 == 1.0 == True).
pub fn const_eq(a: &ConstValue, b: &ConstValue) -> bool {
    use num_traits::ToPrimitive;
    let num = |c: &ConstValue| -> Option<f64> {
        match c {
            ConstValue::Bool(x) => Some(*x as i32 as f64),
            ConstValue::Int(i) => i.to_f64(),
            ConstValue::Float(f) => Some(*f),
            _ => None,
        }
    };
    let int_float = |i: &num_bigint::BigInt, f: f64| {
        f.fract() == 0.0 && num_bigint::BigInt::from_f64(f).is_some_and(|g| &g == i)
    };
    use num_traits::FromPrimitive;
    match (a, b) {
        (ConstValue::Int(x), ConstValue::Int(y)) => x == y,
        (ConstValue::Int(i), ConstValue::Float(f)) | (ConstValue::Float(f), ConstValue::Int(i)) => {
            int_float(i, *f)
        }
        (ConstValue::Tuple(x), ConstValue::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q))
        }
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a == b,
        },
    }
}

pub fn to_const(c: &Constant) -> ConstValue {
    match c {
        Constant::None => ConstValue::None,
        Constant::Bool(b) => ConstValue::Bool(*b),
        Constant::Ellipsis => ConstValue::Ellipsis,
        Constant::Int(i) => ConstValue::Int(i.clone()),
        Constant::Float(f) => ConstValue::Float(*f),
        Constant::Complex { real, imag } => ConstValue::Complex {
            real: *real,
            imag: *imag,
        },
        Constant::Str(s) => ConstValue::Str(s.clone()),
        Constant::Bytes(b) => ConstValue::Bytes(b.clone()),
        Constant::Tuple(v) => ConstValue::Tuple(v.iter().map(to_const).collect()),
        Constant::FrozenSet(v) => ConstValue::FrozenSet(v.iter().map(to_const).collect()),
    }
}

pub fn pos(loc: Loc) -> Position {
    Position {
        lineno: loc.lineno,
        end_lineno: loc.end_lineno,
        col_offset: loc.col_offset,
        end_col_offset: loc.end_col_offset,
    }
}

pub struct Compiler<'a> {
    pub st: &'a SymbolTable,
    pub filename: String,
    pub units: Vec<Unit>,
    pub fblocks: Vec<Vec<FBlock<'a>>>,
    /// Set while compiling an interactive (`single`) module.
    pub interactive: bool,
    pub future: crate::compile::future::Future,
    /// SyntaxWarnings, in emission order.
    pub warnings: Vec<crate::compile::CompileWarning>,
}

impl<'a> Compiler<'a> {
    pub fn new(st: &'a SymbolTable, filename: &str) -> Self {
        Compiler {
            st,
            filename: filename.to_string(),
            units: Vec::new(),
            fblocks: Vec::new(),
            interactive: false,
            future: Default::default(),
            warnings: Vec::new(),
        }
    }

    pub fn u(&mut self) -> &mut Unit {
        self.units.last_mut().unwrap()
    }
    pub fn ur(&self) -> &Unit {
        self.units.last().unwrap()
    }
    pub fn ste(&self) -> &'a symtable::ScopeEntry {
        &self.st.scopes[self.ur().ste]
    }

    pub fn error(&self, msg: impl Into<String>, loc: Loc) -> SyntaxError {
        symtable::error_at(msg, &self.filename, loc)
    }
    /// A SyntaxWarning at the current line (compile.c's `compiler_warn`).
    pub fn warn(&mut self, msg: String) {
        // No de-duplication: CPython warns with no registry, so every occurrence is shown.
        let lineno = self.ur().loc.lineno;
        self.warnings.push(crate::compile::CompileWarning {
            msg,
            filename: self.filename.clone(),
            lineno,
        });
    }

    /// The error for a construct this compiler does not implement (never wrong code).
    pub fn unsupported(&self, what: &str, loc: Loc) -> SyntaxError {
        self.error(format!("unsupported: {what}"), loc)
    }

    // ----- units -----

    pub fn enter_scope(&mut self, name: &str, kind: UnitKind, ste: usize, lineno: u32) {
        let s = &self.st.scopes[ste];
        let mut varnames = IndexSet::default();
        for v in &s.varnames {
            varnames.insert(v.clone());
        }
        let mut cellvars = IndexSet::default();
        let mut cells: Vec<&String> = s
            .symbols
            .iter()
            .filter(|(_, y)| y.scope == Scope::Cell)
            .map(|(n, _)| n)
            .collect();
        cells.sort();
        for c in cells {
            cellvars.insert(c.clone());
        }
        if s.needs_class_closure {
            cellvars.insert("__class__".to_string());
        }
        let mut frees: Vec<&String> = s
            .symbols
            .iter()
            .filter(|(_, y)| {
                y.scope == Scope::Free || y.flags & symtable::flag::DEF_FREE_CLASS != 0
            })
            .map(|(n, _)| n)
            .collect();
        frees.sort();
        let mut freevars = IndexSet::default();
        for f in frees {
            freevars.insert(f.clone());
        }
        let private = self.units.last().and_then(|u| u.private.clone());
        let mut cfg = Cfg::default();
        let entry = cfg.new_block();
        cfg.entry = entry;
        let mut unit = Unit {
            ste,
            kind,
            name: name.to_string(),
            qualname: name.to_string(),
            firstlineno: lineno,
            cfg,
            cur: entry,
            consts: Vec::new(),
            const_keys: HashMap::new(),
            names: IndexSet::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            loc: Position {
                lineno,
                end_lineno: lineno,
                col_offset: 0,
                end_col_offset: 0,
            },
            private,
        };
        if kind == UnitKind::Module {
            unit.loc = Position::default();
        }
        unit.qualname = self.qualname_for(&unit);
        self.units.push(unit);
        self.fblocks.push(Vec::new());
        self.emit(Opcode::RESUME, 0);
    }

    fn qualname_for(&self, u: &Unit) -> String {
        if self.units.len() <= 1 {
            return u.name.clone();
        }
        let parent = self.units.last().unwrap();
        if matches!(
            u.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
        ) {
            let m = mangle(parent.private.as_deref(), &u.name);
            if self.st.scopes[parent.ste].scope_of(&m) == Scope::GlobalExplicit {
                return u.name.clone();
            }
        }
        if matches!(
            parent.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
        ) {
            format!("{}.<locals>.{}", parent.qualname, u.name)
        } else {
            format!("{}.{}", parent.qualname, u.name)
        }
    }

    /// Finishes the current unit: the default return, CFG passes, and the code object.
    pub fn exit_scope(&mut self, add_none: bool) -> CResult<CodeObject> {
        // Make sure the last block returns.
        // As 3.11, where a return leaves its block current until something else is emitted: the
        // empty block `return` moved on to does not need a return of its own (no None constant).
        let ends_with_return = {
            let u = self.ur();
            let blocks = &u.cfg.blocks;
            let returns = |b: &crate::compile::flowgraph::Block| {
                b.instrs
                    .last()
                    .is_some_and(|i| i.op == Op::Real(Opcode::RETURN_VALUE))
            };
            returns(&blocks[u.cur])
                || (blocks[u.cur].instrs.is_empty()
                    && blocks.iter().any(|b| b.next == Some(u.cur) && returns(b)))
        };
        if !ends_with_return {
            self.u().loc = Position::default();
            if add_none {
                self.load_const(ConstValue::None);
            }
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        self.fblocks.pop();
        let mut u = self.units.pop().unwrap();
        let ste = &self.st.scopes[u.ste];
        let mut flags = self.future.flags;
        if ste.typ == BlockType::Function {
            flags |= co::CO_NEWLOCALS | co::CO_OPTIMIZED;
            if ste.nested {
                flags |= co::CO_NESTED;
            }
            flags |= match (ste.generator, ste.coroutine) {
                (true, false) => co::CO_GENERATOR,
                (false, true) => co::CO_COROUTINE,
                (true, true) => co::CO_ASYNC_GENERATOR,
                (false, false) => 0,
            };
            if ste.varargs {
                flags |= co::CO_VARARGS;
            }
            if ste.varkeywords {
                flags |= co::CO_VARKEYWORDS;
            }
        }
        // Slots: locals (arguments first), cells that are not arguments, free variables.
        let nlocals = u.varnames.len() as u32;
        let mut cell_slot = Vec::new();
        let mut extra_cells = 0u32;
        for c in &u.cellvars {
            match u.varnames.get_index_of(c) {
                Some(i) => cell_slot.push(i as u32),
                None => {
                    cell_slot.push(nlocals + extra_cells);
                    extra_cells += 1;
                }
            }
        }
        let free_base = nlocals + extra_cells;
        // Prefix: COPY_FREE_VARS, MAKE_CELLs (in slot order), RETURN_GENERATOR / POP_TOP.
        let mut prefix = Vec::new();
        // RETURN_GENERATOR carries the first line; the rest of the prefix has none (3.11).
        let firstline = Position {
            lineno: u.firstlineno,
            end_lineno: u.firstlineno,
            ..Default::default()
        };
        let mk = |op, arg| Instr {
            op: Op::Real(op),
            arg,
            target: NO_BLOCK,
            loc: if op == Opcode::RETURN_GENERATOR {
                firstline
            } else {
                Position::default()
            },
            except: NO_BLOCK,
        };
        if !u.freevars.is_empty() {
            prefix.push(mk(Opcode::COPY_FREE_VARS, u.freevars.len() as u32));
        }
        let mut sorted = cell_slot.clone();
        sorted.sort();
        for s in sorted {
            prefix.push(mk(Opcode::MAKE_CELL, s));
        }
        if flags & (co::CO_GENERATOR | co::CO_COROUTINE | co::CO_ASYNC_GENERATOR) != 0 {
            prefix.push(mk(Opcode::RETURN_GENERATOR, 0));
            prefix.push(mk(Opcode::POP_TOP, 0));
        }
        let entry = u.cfg.entry;
        prefix.extend(u.cfg.blocks[entry].instrs.drain(..));
        u.cfg.blocks[entry].instrs = prefix;
        // Fix deref opargs.
        for b in &mut u.cfg.blocks {
            for ins in &mut b.instrs {
                if let Op::Real(o) = ins.op {
                    if is_deref(o) {
                        if ins.arg & CELL_TAG != 0 {
                            ins.arg = cell_slot[(ins.arg & !CELL_TAG) as usize];
                        } else if ins.arg & FREE_TAG != 0 {
                            ins.arg = free_base + (ins.arg & !FREE_TAG);
                        }
                    }
                }
            }
        }
        let mut cfg = std::mem::take(&mut u.cfg);
        cfg.optimize(&mut u);
        // 3.11's trim_unused_consts: constants after the last one loaded go (index 0 stays).
        let keep = cfg.max_const_index().unwrap_or(0) as usize + 1;
        u.consts.truncate(keep);
        // A module starts from its RESUME's line 0 (cpjit: none) rather than firstlineno.
        let first = if u.kind == UnitKind::Module {
            0
        } else {
            u.firstlineno
        };
        cfg.guarantee_lineno_for_exits(first);
        let stacksize = cfg.stackdepth(flags & co::CO_GENERATOR != 0).map_err(|m| {
            self.error(
                format!("internal compiler error in {}: {m}", u.qualname),
                Loc::default(),
            )
        })?;
        cfg.label_exception_targets();
        let (code, positions, exception_table) = cfg.assemble();
        let mut localsplusnames: Vec<String> = u.varnames.iter().cloned().collect();
        let mut kinds = vec![slot_kind::LOCAL; localsplusnames.len()];
        for (i, c) in u.cellvars.iter().enumerate() {
            let s = cell_slot[i] as usize;
            if s < kinds.len() {
                kinds[s] |= slot_kind::CELL;
            } else {
                localsplusnames.push(c.clone());
                kinds.push(slot_kind::CELL);
            }
        }
        for f in &u.freevars {
            localsplusnames.push(f.clone());
            kinds.push(slot_kind::FREE);
        }
        Ok(CodeObject {
            name: u.name.clone(),
            qualname: u.qualname.clone(),
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags,
            code,
            consts: u.consts,
            names: u.names.into_iter().collect(),
            localsplusnames,
            localspluskinds: kinds,
            stacksize,
            exception_table,
            positions: crate::bytecode::code::Positions::from_units(&positions),
            lazy: None,
        })
    }

    // ----- emission -----

    pub fn set_loc(&mut self, loc: Loc) {
        self.u().loc = pos(loc);
    }
    /// The current location as an AST `Loc` (for errors compile.c reports at `c->u->u_loc`).
    pub fn cur_loc(&self) -> Loc {
        let p = self.ur().loc;
        Loc::new(p.lineno, p.col_offset, p.end_lineno, p.end_col_offset)
    }
    pub fn unset_loc(&mut self) {
        self.u().loc = Position::default();
    }

    fn push_instr(&mut self, op: Op, arg: u32, target: BlockId) {
        let u = self.u();
        let loc = u.loc;
        let cur = u.cur;
        u.cfg.blocks[cur].instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: NO_BLOCK,
        });
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        self.push_instr(Op::Real(op), arg, NO_BLOCK);
    }
    pub fn emit_noline(&mut self, op: Opcode, arg: u32) {
        let saved = self.ur().loc;
        self.unset_loc();
        self.emit(op, arg);
        self.u().loc = saved;
    }

    /// A jump (real or pseudo); starts a new block after it, as compile.c's NEXT_BLOCK.
    pub fn jump(&mut self, op: Op, target: BlockId) {
        self.push_instr(op, 0, target);
        let nb = self.new_block();
        self.use_block(nb);
    }
    pub fn jump_to(&mut self, op: Opcode, target: BlockId) {
        self.jump(Op::Real(op), target);
    }
    pub fn jump_noline(&mut self, target: BlockId) {
        let saved = self.ur().loc;
        self.unset_loc();
        self.jump(Op::Jump, target);
        self.u().loc = saved;
    }
    pub fn setup(&mut self, op: Op, handler: BlockId) {
        self.jump(op, handler);
    }
    pub fn pop_block(&mut self) {
        self.push_instr(Op::PopBlock, 0, NO_BLOCK);
    }

    pub fn new_block(&mut self) -> BlockId {
        self.u().cfg.new_block()
    }
    /// Appends `b` to the layout and makes it current (compiler_use_next_block).
    pub fn use_block(&mut self, b: BlockId) {
        let u = self.u();
        let cur = u.cur;
        if cur == b {
            return;
        }
        u.cfg.blocks[cur].next = Some(b);
        u.cur = b;
    }

    pub fn load_const(&mut self, c: ConstValue) {
        let i = self.u().add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        let m = mangle(self.ur().private.as_deref(), name);
        self.u().names.insert_full(m).0 as u32
    }
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let i = self.add_name(name);
        self.emit(op, i);
    }

    // ----- names -----

    /// compile.c's `forbidden_name`: `__debug__` cannot be bound or deleted.
    pub fn forbidden_name(&self, name: &str, ctx: ExprContext) -> CResult {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => {
                    return Err(self.error("cannot assign to __debug__", self.cur_loc()))
                }
                ExprContext::Del => {
                    return Err(self.error("cannot delete __debug__", self.cur_loc()))
                }
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    /// compile.c's `compiler_nameop`.
    pub fn nameop(&mut self, name: &str, ctx: ExprContext) -> CResult {
        self.forbidden_name(name, ctx)?;
        self.nameop_unchecked(name, ctx);
        Ok(())
    }

    fn nameop_unchecked(&mut self, name: &str, ctx: ExprContext) {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let ste = self.ste();
        let scope = ste.scope_of(&mangled);
        let is_func = ste.typ == BlockType::Function;
        let is_class = ste.typ == BlockType::Class;
        enum K {
            Deref(u32),
            Fast,
            Global,
            Name,
        }
        let k = match scope {
            Scope::Free => {
                K::Deref(FREE_TAG | self.ur().freevars.get_index_of(&mangled).unwrap_or(0) as u32)
            }
            Scope::Cell => {
                K::Deref(CELL_TAG | self.ur().cellvars.get_index_of(&mangled).unwrap_or(0) as u32)
            }
            Scope::Local if is_func => K::Fast,
            Scope::GlobalImplicit if is_func => K::Global,
            Scope::GlobalExplicit => K::Global,
            _ => K::Name,
        };
        use ExprContext::*;
        match k {
            K::Deref(arg) => {
                let op = match ctx {
                    Load if is_class => Opcode::LOAD_CLASSDEREF,
                    Load => Opcode::LOAD_DEREF,
                    Store => Opcode::STORE_DEREF,
                    Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, arg);
            }
            K::Fast => {
                let i = self.u().varnames.insert_full(mangled).0 as u32;
                let op = match ctx {
                    Load => Opcode::LOAD_FAST,
                    Store => Opcode::STORE_FAST,
                    Del => Opcode::DELETE_FAST,
                };
                self.emit(op, i);
            }
            K::Global => {
                let i = self.u().names.insert_full(mangled).0 as u32;
                match ctx {
                    Load => self.emit(Opcode::LOAD_GLOBAL, i << 1),
                    Store => self.emit(Opcode::STORE_GLOBAL, i),
                    Del => self.emit(Opcode::DELETE_GLOBAL, i),
                }
            }
            K::Name => {
                let i = self.u().names.insert_full(mangled).0 as u32;
                let op = match ctx {
                    Load => Opcode::LOAD_NAME,
                    Store => Opcode::STORE_NAME,
                    Del => Opcode::DELETE_NAME,
                };
                self.emit(op, i);
            }
        }
    }

    /// The closure tuple and MAKE_FUNCTION for a finished code object (compiler_make_closure).
    pub fn make_closure(&mut self, code: CodeObject, mut flags: u32) {
        let nfree = code
            .localspluskinds
            .iter()
            .filter(|k| **k & slot_kind::FREE != 0)
            .count();
        if nfree > 0 {
            let n = code.localsplusnames.len();
            for name in &code.localsplusnames[n - nfree..] {
                let is_cell = (self.ur().kind == UnitKind::Class && name == "__class__")
                    || self.ste().scope_of(name) == Scope::Cell;
                let arg = if is_cell {
                    CELL_TAG | self.ur().cellvars.get_index_of(name).unwrap_or(0) as u32
                } else {
                    FREE_TAG | self.ur().freevars.get_index_of(name).unwrap_or(0) as u32
                };
                self.emit(Opcode::LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            self.emit(Opcode::BUILD_TUPLE, nfree as u32);
        }
        self.load_const(ConstValue::Code(Rc::new(code)));
        self.emit(Opcode::MAKE_FUNCTION, flags);
    }

    /// An annotation: its source string under `from __future__ import annotations`, else its value.
    pub fn annotation(&mut self, e: &'a Expr) -> CResult {
        if self.future.annotations {
            let Some(text) = crate::compile::unparse::expr_as_str(e) else {
                return Err(self.unsupported(
                    "this expression in an annotation under 'from __future__ import annotations'",
                    e.loc,
                ));
            };
            self.load_const(ConstValue::Str(text));
            return Ok(());
        }
        if let ExprKind::Starred { value, .. } = &e.kind {
            // `*args: *Ts` (PEP 646): the annotation is the single item of the unpacked value.
            self.expr(value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
            return Ok(());
        }
        self.expr(e)
    }

    pub fn push_fblock(&mut self, f: FBlock<'a>) {
        self.fblocks.last_mut().unwrap().push(f);
    }
    pub fn pop_fblock(&mut self) {
        self.fblocks.last_mut().unwrap().pop();
    }
}

fn is_deref(o: Opcode) -> bool {
    use Opcode::*;
    matches!(
        o,
        LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF | LOAD_CLOSURE | MAKE_CELL
    )
}

/// Compiles a module (or an expression / interactive body) into its code object.
pub fn compile(
    module: &Mod,
    st: &SymbolTable,
    filename: &str,
    future: crate::compile::future::Future,
) -> CResult<(CodeObject, Vec<crate::compile::CompileWarning>)> {
    let mut c = Compiler::new(st, filename);
    c.future = future;
    c.enter_scope("<module>", UnitKind::Module, 0, 1);
    // MAKE_CELL never applies to modules; the RESUME has no line.
    match module {
        Mod::Module { body, .. } => {
            c.body(body)?;
            let co = c.exit_scope(true)?;
            Ok((co, c.warnings))
        }
        Mod::Interactive { body } => {
            c.interactive = true;
            if stmt::find_ann(body) {
                c.emit(Opcode::SETUP_ANNOTATIONS, 0);
            }
            for s in body {
                c.stmt(s)?;
            }
            let co = c.exit_scope(true)?;
            Ok((co, c.warnings))
        }
        Mod::Expression { body } => {
            c.expr(body)?;
            c.emit(Opcode::RETURN_VALUE, 0);
            let co = c.exit_scope(false)?;
            Ok((co, c.warnings))
        }
        Mod::FunctionType { .. } => Err(c.unsupported("function type", Loc::default())),
    }
}
