//! Functions, lambdas, classes (with `__class__` / `__classcell__`), decorators and calls.

use super::expr::STACK_USE_GUIDELINE;
use super::stmt::docstring;
use super::{CResult, Compiler, UnitKind};
use crate::bytecode::code::ConstValue;
use crate::bytecode::opcode::Opcode;
use crate::compile::symtable::mangle;
use crate::syntax::ast::*;

impl<'a> Compiler<'a> {
    fn scope_of_node<T>(&self, node: &T, loc: Loc) -> CResult<usize> {
        self.st
            .scope_for(node)
            .ok_or_else(|| self.error("internal compiler error: scope not found", loc))
    }

    /// Defaults tuple and keyword-only defaults dict; returns the MAKE_FUNCTION flags.
    fn default_arguments(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                keys.push(ConstValue::Str(mangle(
                    self.ur().private.as_deref(),
                    &a.arg,
                )));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(ConstValue::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut n = 0u32;
        let mut one = |c: &mut Self, name: &str, ann: &'a Expr| -> CResult {
            c.load_const(ConstValue::Str(mangle(c.ur().private.as_deref(), name)));
            c.annotation(ann)?;
            n += 2;
            Ok(())
        };
        for a in args.args.iter().chain(&args.posonlyargs) {
            if let Some(ann) = &a.annotation {
                one(self, &a.arg, ann)?;
            }
        }
        if let Some(v) = &args.vararg {
            if let Some(ann) = &v.annotation {
                one(self, &v.arg, ann)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(ann) = &a.annotation {
                one(self, &a.arg, ann)?;
            }
        }
        if let Some(k) = &args.kwarg {
            if let Some(ann) = &k.annotation {
                one(self, &k.arg, ann)?;
            }
        }
        if let Some(r) = returns {
            one(self, "return", r)?;
        }
        if n > 0 {
            self.emit(Opcode::BUILD_TUPLE, n);
            return Ok(0x04);
        }
        Ok(0)
    }

    /// compile.c's `compiler_check_debug_args`: no parameter may be named `__debug__`.
    fn check_debug_args(&self, args: &Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(args.vararg.as_deref())
            .chain(&args.kwonlyargs)
            .chain(args.kwarg.as_deref());
        for a in all {
            self.forbidden_name(&a.arg, ExprContext::Store)?;
        }
        Ok(())
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        let u = self.u();
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
    }

    pub fn function_def(&mut self, s: &'a Stmt) -> CResult {
        let (StmtKind::FunctionDef {
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
        }) = &s.kind
        else {
            unreachable!()
        };
        self.check_debug_args(args)?;
        let kind = if matches!(s.kind, StmtKind::AsyncFunctionDef { .. }) {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        for d in decorator_list {
            self.expr(d)?;
        }
        let firstlineno = decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let mut flags = self.default_arguments(args)?;
        flags |= self.annotations(args, returns.as_deref())?;
        let ste = self.scope_of_node(s, s.loc)?;
        self.enter_scope(name, kind, ste, firstlineno);
        let doc = docstring(body);
        self.u().add_const(match doc {
            Some(d) => ConstValue::Str(d.to_string()),
            None => ConstValue::None,
        });
        self.set_arg_counts(args);
        let start = if doc.is_some() { 1 } else { 0 };
        for st in &body[start..] {
            self.stmt(st)?;
        }
        let code = self.exit_scope(true)?;
        self.set_loc(s.loc);
        self.make_closure(code, flags);
        self.apply_decorators(decorator_list);
        self.nameop(name, ExprContext::Store)?;
        Ok(())
    }

    /// Innermost decorator first, each call located at its decorator.
    fn apply_decorators(&mut self, decos: &[Expr]) {
        let saved = self.ur().loc;
        for d in decos.iter().rev() {
            self.set_loc(d.loc);
            self.emit(Opcode::CALL, 0);
        }
        self.u().loc = saved;
    }

    pub fn lambda(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Lambda { args, body } = &e.kind else {
            unreachable!()
        };
        self.check_debug_args(args)?;
        let flags = self.default_arguments(args)?;
        let ste = self.scope_of_node(e, e.loc)?;
        self.enter_scope("<lambda>", UnitKind::Lambda, ste, e.loc.lineno);
        // None first, so a lambda never has a docstring.
        self.u().add_const(ConstValue::None);
        self.set_arg_counts(args);
        self.expr(body)?;
        let code = if self.ste().generator {
            self.exit_scope(false)?
        } else {
            self.emit(Opcode::RETURN_VALUE, 0);
            self.exit_scope(true)?
        };
        self.make_closure(code, flags);
        Ok(())
    }

    pub fn class_def(&mut self, s: &'a Stmt) -> CResult {
        let StmtKind::ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
        } = &s.kind
        else {
            unreachable!()
        };
        for d in decorator_list {
            self.expr(d)?;
        }
        let firstlineno = decorator_list
            .first()
            .map_or(s.loc.lineno, |d| d.loc.lineno);
        let ste = self.scope_of_node(s, s.loc)?;
        self.enter_scope(name, UnitKind::Class, ste, firstlineno);
        self.u().private = Some(name.clone());
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let q = self.ur().qualname.clone();
        self.load_const(ConstValue::Str(q));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.body(body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self.ur().cellvars.get_index_of("__class__").unwrap_or(0) as u32;
            self.emit(Opcode::LOAD_CLOSURE, super::CELL_TAG | i);
            self.emit(Opcode::COPY, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(ConstValue::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.exit_scope(true)?;
        self.set_loc(s.loc);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_closure(code, 0);
        self.load_const(ConstValue::Str(name.clone()));
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(decorator_list);
        self.nameop(name, ExprContext::Store)?;
        Ok(())
    }

    pub fn call(&mut self, e: &'a Expr) -> CResult {
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &e.kind
        else {
            unreachable!()
        };
        if self.maybe_method_call(func, args, keywords)? {
            return Ok(());
        }
        // compile.c's `check_caller`: calling a literal warns.
        if matches!(
            func.kind,
            ExprKind::Constant { .. }
                | ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::ListComp { .. }
                | ExprKind::Dict { .. }
                | ExprKind::DictComp { .. }
                | ExprKind::Set { .. }
                | ExprKind::SetComp { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::JoinedStr { .. }
                | ExprKind::FormattedValue { .. }
        ) {
            let t = super::expr::infer_type(func).unwrap_or("object");
            self.warn(format!(
                "'{t}' object is not callable; perhaps you missed a comma?"
            ));
        }
        self.set_loc(func.loc);
        self.emit(Opcode::PUSH_NULL, 0);
        self.set_loc(e.loc);
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn maybe_method_call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<bool> {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Load,
        } = &func.kind
        else {
            return Ok(false);
        };
        if args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
            || args.len() + keywords.len() >= STACK_USE_GUIDELINE
        {
            return Ok(false);
        }
        // 3.11 does not use LOAD_METHOD on names imported at module level (`os.path(...)`).
        if let ExprKind::Name { id, .. } = &value.kind {
            if self.st.scopes[0].flags_of(id) & crate::compile::symtable::flag::DEF_IMPORT != 0 {
                return Ok(false);
            }
        }
        self.validate_keywords(keywords)?;
        self.expr(value)?;
        // LOAD_METHOD at the attribute, CALL at the call, each starting on the attribute's
        // line if it ends on a later line (3.11).
        let saved = self.ur().loc;
        self.set_loc(func.loc);
        self.update_start_location_to_match_attr(func);
        // LOAD_METHOD through CALL are on the attribute's last line (3.11).
        self.emit_name(Opcode::LOAD_METHOD, attr);
        for a in args {
            self.expr(a)?;
        }
        if !keywords.is_empty() {
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.kw_names(keywords);
        }
        self.u().loc = saved;
        self.update_start_location_to_match_attr(func);
        self.emit(Opcode::CALL, (args.len() + keywords.len()) as u32);
        self.u().loc = saved;
        Ok(true)
    }

    fn kw_names(&mut self, keywords: &[Keyword]) {
        let names: Vec<ConstValue> = keywords
            .iter()
            .map(|k| ConstValue::Str(k.arg.clone().unwrap()))
            .collect();
        let i = self.u().add_const(ConstValue::Tuple(names));
        self.emit(Opcode::KW_NAMES, i);
    }

    fn validate_keywords(&self, keywords: &[Keyword]) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(a) = &k.arg else { continue };
            self.forbidden_name(a, ExprContext::Store)?;
            if keywords[i + 1..]
                .iter()
                .any(|o| o.arg.as_deref() == Some(a))
            {
                let other = keywords[i + 1..]
                    .iter()
                    .find(|o| o.arg.as_deref() == Some(a))
                    .unwrap();
                return Err(self.error(format!("keyword argument repeated: {a}"), other.loc));
            }
        }
        Ok(())
    }

    /// compile.c's `compiler_call_helper`; `n` arguments are already pushed.
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        self.validate_keywords(keywords)?;
        let nelts = args.len();
        let nkw = keywords.len();
        let ex_call = nelts + nkw * 2 > STACK_USE_GUIDELINE
            || args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.expr(a)?;
            }
            if nkw > 0 {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            self.emit(Opcode::CALL, n + (nelts + nkw) as u32);
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let ExprKind::Starred { value, .. } = &args[0].kind {
                self.expr(value)?;
            } else {
                self.starunpack(
                    args,
                    n,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?;
            }
        } else {
            self.starunpack(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            )?;
        }
        if nkw > 0 {
            let mut have_dict = false;
            let mut nseen = 0usize;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&keywords[nkw - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, (nkw > 0) as u32);
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [Keyword]) -> CResult {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.expr(&k.value)?;
            }
            let keys: Vec<ConstValue> = kws
                .iter()
                .map(|k| ConstValue::Str(k.arg.clone().unwrap()))
                .collect();
            self.load_const(ConstValue::Tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(Opcode::BUILD_MAP, 0);
        }
        for k in kws {
            self.load_const(ConstValue::Str(k.arg.clone().unwrap()));
            self.expr(&k.value)?;
            if big {
                self.emit_noline(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
