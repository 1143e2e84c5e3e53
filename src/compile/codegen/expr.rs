//! Expressions: operators, comparisons (chained), boolean short-circuit, conditional jumps,
//! containers and unpacking, subscripts and slices, f-strings, yields.

use super::{to_const, CResult, Compiler, UnitKind};
use crate::bytecode::code::ConstValue;
use crate::bytecode::opcode::{cmp, Opcode};
use crate::compile::flowgraph::{BlockId, Op};
use crate::syntax::ast::*;

/// compile.c's STACK_USE_GUIDELINE: longer displays are built incrementally.
pub const STACK_USE_GUIDELINE: usize = 30;

/// compile.c's `infer_type`: the type name of an expression whose type is known statically.
pub fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
        },
        _ => return None,
    })
}

pub fn is_const(e: &Expr) -> Option<&Constant> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.ur().loc;
        self.set_loc(e.loc);
        let r = self.expr1(e);
        self.u().loc = saved;
        r
    }

    fn expr1(&mut self, e: &'a Expr) -> CResult {
        use ExprKind::*;
        match &e.kind {
            NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Opcode::COPY, 1);
                self.expr(target)?;
            }
            BoolOp { op, values } => {
                let jumpi = match op {
                    crate::syntax::ast::BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
                    crate::syntax::ast::BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
                };
                let end = self.new_block();
                let n = values.len() - 1;
                for v in &values[..n] {
                    self.expr(v)?;
                    self.jump_to(jumpi, end);
                }
                self.expr(&values[n])?;
                self.use_block(end);
            }
            BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Opcode::BINARY_OP, super::stmt::binop_code(*op));
            }
            UnaryOp { op, operand } => {
                self.expr(operand)?;
                let o = match op {
                    crate::syntax::ast::UnaryOp::Invert => Opcode::UNARY_INVERT,
                    crate::syntax::ast::UnaryOp::Not => Opcode::UNARY_NOT,
                    crate::syntax::ast::UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    crate::syntax::ast::UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(o, 0);
            }
            Lambda { .. } => self.lambda(e)?,
            IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.jump_noline(end);
                self.use_block(next);
                self.expr(orelse)?;
                self.use_block(end);
            }
            Dict { keys, values } => self.dict(keys, values)?,
            Set { elts } => self.starunpack(
                elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
            )?,
            ListComp { .. } | SetComp { .. } | DictComp { .. } | GeneratorExp { .. } => {
                self.comprehension(e)?
            }
            Await { value } => {
                if !self.ste().is_function() {
                    return Err(self.error("'await' outside function", e.loc));
                }
                if !matches!(
                    self.ur().kind,
                    UnitKind::AsyncFunction | UnitKind::Comprehension
                ) {
                    return Err(self.error("'await' outside async function", e.loc));
                }
                self.expr(value)?;
                self.emit(Opcode::GET_AWAITABLE, 0);
                self.load_const(ConstValue::None);
                self.yield_from(3);
            }
            Yield { value } => {
                if !self.ste().is_function() {
                    return Err(self.error("'yield' outside function", e.loc));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(ConstValue::None),
                }
                self.emit_yield();
            }
            YieldFrom { value } => {
                if !self.ste().is_function() {
                    return Err(self.error("'yield' outside function", e.loc));
                }
                if self.ur().kind == UnitKind::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", e.loc));
                }
                self.expr(value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(ConstValue::None);
                self.yield_from(2);
            }
            Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            Call { .. } => self.call(e)?,
            FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut oparg = match char::from_u32(*conversion as u32) {
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    _ => 0,
                };
                if let Some(f) = format_spec {
                    self.expr(f)?;
                    oparg |= 4;
                }
                self.emit(Opcode::FORMAT_VALUE, oparg);
            }
            JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(ConstValue::Str(String::new()));
                    self.emit_name(Opcode::LOAD_METHOD, "join");
                    self.emit(Opcode::BUILD_LIST, 0);
                    for v in values {
                        self.expr(v)?;
                        self.emit(Opcode::LIST_APPEND, 1);
                    }
                    self.emit(Opcode::CALL, 1);
                } else {
                    for v in values {
                        self.expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit(Opcode::BUILD_STRING, values.len() as u32);
                    }
                }
            }
            Constant { value, .. } => self.load_const(to_const(value)),
            Attribute { value, attr, ctx } => {
                if *ctx != ExprContext::Load {
                    self.forbidden_name(attr, *ctx)?;
                }
                self.expr(value)?;
                self.update_start_location_to_match_attr(e);
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_ATTR,
                    ExprContext::Store => Opcode::STORE_ATTR,
                    ExprContext::Del => Opcode::DELETE_ATTR,
                };
                self.emit_name(op, attr);
            }
            Subscript { value, slice, ctx } => self.subscript(value, slice, *ctx)?,
            Starred { ctx, .. } => {
                return Err(match ctx {
                    ExprContext::Store => self.error(
                        "starred assignment target must be in a list or tuple",
                        e.loc,
                    ),
                    _ => self.error("can't use starred expression here", e.loc),
                })
            }
            Name { id, ctx } => self.nameop(id, *ctx)?,
            List { elts, ctx } | Tuple { elts, ctx } => {
                let tuple = matches!(e.kind, Tuple { .. });
                match ctx {
                    ExprContext::Store => self.assignment_helper(elts)?,
                    ExprContext::Load => self.starunpack(
                        elts,
                        0,
                        Opcode::BUILD_LIST,
                        Opcode::LIST_APPEND,
                        Opcode::LIST_EXTEND,
                        tuple,
                    )?,
                    ExprContext::Del => {
                        for x in elts {
                            self.expr(x)?;
                        }
                    }
                }
            }
            Slice { lower, upper, step } => {
                let n = self.slice_parts(lower.as_deref(), upper.as_deref(), step.as_deref())?;
                self.emit(Opcode::BUILD_SLICE, n);
            }
        }
        Ok(())
    }

    fn slice_parts(
        &mut self,
        lower: Option<&'a Expr>,
        upper: Option<&'a Expr>,
        step: Option<&'a Expr>,
    ) -> CResult<u32> {
        for x in [lower, upper] {
            match x {
                Some(x) => self.expr(x)?,
                None => self.load_const(ConstValue::None),
            }
        }
        if let Some(s) = step {
            self.expr(s)?;
            return Ok(3);
        }
        Ok(2)
    }

    fn check_subscripter(&mut self, e: &Expr) {
        let warn = match &e.kind {
            ExprKind::Constant { value, .. } => matches!(
                value,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Bool(_)
                    | Constant::Int(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if warn {
            let t = infer_type(e).unwrap_or("object");
            self.warn(format!(
                "'{t}' object is not subscriptable; perhaps you missed a comma?"
            ));
        }
    }

    fn check_index(&mut self, e: &Expr, s: &Expr) {
        let Some(index_type) = infer_type(s) else {
            return;
        };
        if matches!(index_type, "int" | "bool" | "slice") {
            return;
        }
        let warn = match &e.kind {
            ExprKind::Constant { value, .. } => {
                matches!(
                    value,
                    Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
                )
            }
            ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. } => true,
            _ => false,
        };
        if warn {
            let t = infer_type(e).unwrap_or("object");
            self.warn(format!(
                "{t} indices must be integers or slices, not {index_type}; perhaps you missed a comma?"
            ));
        }
    }

    fn subscript(&mut self, value: &'a Expr, slice: &'a Expr, ctx: ExprContext) -> CResult {
        // 3.12's BINARY_SLICE / STORE_SLICE for two-element slices (no slice object is built).
        if let ExprKind::Slice {
            lower,
            upper,
            step: None,
        } = &slice.kind
        {
            if ctx != ExprContext::Del {
                if ctx == ExprContext::Load {
                    self.check_subscripter(value);
                    self.check_index(value, slice);
                }
                self.expr(value)?;
                // The bounds are located at the slice (3.11's BUILD_SLICE), the slicing itself at
                // the subscript (3.11's BINARY_SUBSCR / STORE_SUBSCR).
                let saved = self.ur().loc;
                self.set_loc(slice.loc);
                self.slice_parts(lower.as_deref(), upper.as_deref(), None)?;
                self.u().loc = saved;
                self.emit(
                    if ctx == ExprContext::Load {
                        Opcode::BINARY_SLICE
                    } else {
                        Opcode::STORE_SLICE
                    },
                    0,
                );
                self.u().loc = saved;
                return Ok(());
            }
        }
        if ctx == ExprContext::Load {
            self.check_subscripter(value);
            self.check_index(value, slice);
        }
        self.expr(value)?;
        self.expr(slice)?;
        let op = match ctx {
            ExprContext::Load => Opcode::BINARY_SUBSCR,
            ExprContext::Store => Opcode::STORE_SUBSCR,
            ExprContext::Del => Opcode::DELETE_SUBSCR,
        };
        self.emit(op, 0);
        Ok(())
    }

    /// YIELD_VALUE (wrapped in async generators) and the RESUME after it.
    pub fn emit_yield(&mut self) {
        if self.ste().generator && self.ste().coroutine {
            self.emit(Opcode::ASYNC_GEN_WRAP, 0);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 1);
    }

    /// compile.c's `update_start_location_to_match_attr`: an attribute access that starts on a
    /// later line than its object is located at the attribute name.
    pub fn update_start_location_to_match_attr(&mut self, attr_expr: &Expr) {
        let ExprKind::Attribute { attr, .. } = &attr_expr.kind else {
            return;
        };
        let loc = attr_expr.loc;
        let u = self.u();
        if u.loc.lineno != loc.end_lineno {
            u.loc.lineno = loc.end_lineno;
            // Columns are UTF-8 bytes; CPython subtracts the name's length in code points,
            // which is the same for ASCII names.
            let len = attr.len() as u32;
            if len <= loc.end_col_offset {
                u.loc.col_offset = loc.end_col_offset - len;
            } else {
                u.loc.col_offset = 0;
                u.loc.end_col_offset = 0;
            }
            u.loc.end_lineno = u.loc.end_lineno.max(u.loc.lineno);
            if u.loc.lineno == u.loc.end_lineno {
                u.loc.end_col_offset = u.loc.end_col_offset.max(u.loc.col_offset);
            }
        }
    }

    pub fn yield_from(&mut self, resume: u32) {
        let start = self.new_block();
        let resume_b = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.jump_to(Opcode::SEND, exit);
        self.use_block(resume_b);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, resume);
        self.jump(Op::JumpNoInterrupt, start);
        self.use_block(exit);
    }

    fn cmp_op(&mut self, op: CmpOp) {
        let (o, a) = match op {
            CmpOp::Eq => (Opcode::COMPARE_OP, cmp::EQ),
            CmpOp::NotEq => (Opcode::COMPARE_OP, cmp::NE),
            CmpOp::Lt => (Opcode::COMPARE_OP, cmp::LT),
            CmpOp::LtE => (Opcode::COMPARE_OP, cmp::LE),
            CmpOp::Gt => (Opcode::COMPARE_OP, cmp::GT),
            CmpOp::GtE => (Opcode::COMPARE_OP, cmp::GE),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(o, a);
    }

    /// compile.c's `check_compare`: `is` with a literal warns.
    fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let is_arg = |e: &Expr| match &e.kind {
            ExprKind::Constant { value, .. } => {
                matches!(
                    value,
                    Constant::None | Constant::Bool(_) | Constant::Ellipsis
                )
            }
            _ => true,
        };
        let mut l = is_arg(left);
        for (op, c) in ops.iter().zip(comparators) {
            let r = is_arg(c);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!r || !l) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.to_string());
                return;
            }
            l = r;
        }
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> CResult {
        self.check_compare(left, ops, comparators);
        self.expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.expr(&comparators[0])?;
            self.cmp_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.expr(&comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.cmp_op(ops[i]);
            self.jump_to(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.expr(&comparators[n])?;
        self.cmp_op(ops[n]);
        let end = self.new_block();
        self.jump_noline(end);
        self.use_block(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.use_block(end);
        Ok(())
    }

    /// compile.c's `compiler_jump_if`: jump to `next` if `e`'s truth equals `cond`.
    pub fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => {
                return self.jump_if(operand, next, !cond);
            }
            ExprKind::BoolOp { op, values } => {
                let n = values.len() - 1;
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.use_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.jump_noline(end);
                self.use_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_block(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                self.set_loc(e.loc);
                self.check_compare(left, ops, comparators);
                let n = ops.len() - 1;
                let cleanup = self.new_block();
                self.expr(left)?;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.cmp_op(ops[i]);
                    self.jump_to(Opcode::POP_JUMP_IF_FALSE, cleanup);
                }
                self.expr(&comparators[n])?;
                self.cmp_op(ops[n]);
                let j = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.jump_to(j, next);
                let end = self.new_block();
                self.jump_noline(end);
                self.use_block(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.jump_noline(next);
                }
                self.use_block(end);
                return Ok(());
            }
            _ => {}
        }
        // The jump keeps the enclosing location, except after a comparison (3.11 sets the
        // comparison's location and leaves it set).
        if let ExprKind::Compare { .. } = e.kind {
            self.set_loc(e.loc);
        }
        self.expr(e)?;
        let j = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.jump_to(j, next);
        Ok(())
    }

    /// compile.c's `starunpack_helper`: a display with optional `*` items.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && elts.iter().all(|x| is_const(x).is_some()) {
            let items: Vec<ConstValue> = elts
                .iter()
                .map(|x| to_const(is_const(x).unwrap()))
                .collect();
            if tuple && pushed == 0 {
                self.load_const(ConstValue::Tuple(items));
            } else {
                let folded = if add == Opcode::SET_ADD {
                    let mut uniq: Vec<ConstValue> = Vec::new();
                    for c in items {
                        if !uniq.iter().any(|u| super::const_eq(u, &c)) {
                            uniq.push(c);
                        }
                    }
                    ConstValue::FrozenSet(uniq)
                } else {
                    ConstValue::Tuple(items)
                };
                self.emit(build, pushed);
                self.load_const(folded);
                self.emit(extend, 1);
                if tuple {
                    self.emit(Opcode::LIST_TO_TUPLE, 0);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|x| matches!(x.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for x in elts {
                self.expr(x)?;
            }
            let b = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(b, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &x.kind {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(value)?;
                self.emit(extend, 1);
            } else {
                self.expr(x)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if matches!(x.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(
                        self.error("multiple starred expressions in assignment", self.cur_loc())
                    );
                }
                if i >= 256 || n - i - 1 >= (1 << 15) {
                    return Err(
                        self.error("too many expressions in star-unpacking assignment", x.loc)
                    );
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        for x in elts {
            match &x.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(x)?,
            }
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let all_const = keys[begin..end]
            .iter()
            .all(|k| k.as_ref().and_then(is_const).is_some());
        if n > 1 && !big && all_const {
            for v in &values[begin..end] {
                self.expr(v)?;
            }
            let ks: Vec<ConstValue> = keys[begin..end]
                .iter()
                .map(|k| to_const(is_const(k.as_ref().unwrap()).unwrap()))
                .collect();
            self.load_const(ConstValue::Tuple(ks));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for i in begin..end {
            self.expr(keys[i].as_ref().unwrap())?;
            self.expr(&values[i])?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }
}
