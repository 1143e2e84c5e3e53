//! AST constant folding, as CPython 3.11's `Python/ast_opt.c`: unary and binary operators on
//! constants (with its size limits), tuples of constants, `in [..]` / `for x in [..]` displays turned
//! into tuples or frozensets, and `__debug__`. Anything that would raise, or whose result CPython
//! would not fold, is left alone.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::syntax::ast::*;

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;
const MAX_TOTAL_ITEMS: usize = 1024;

pub fn fold_mod(m: &Mod) -> Mod {
    let mut m = m.clone();
    match &mut m {
        Mod::Module { body, .. } | Mod::Interactive { body } => stmts(body),
        Mod::Expression { body } => expr(body),
        Mod::FunctionType { .. } => {}
    }
    m
}

fn stmts(body: &mut [Stmt]) {
    for s in body {
        stmt(s);
    }
}

fn args(a: &mut Arguments) {
    for x in a
        .posonlyargs
        .iter_mut()
        .chain(&mut a.args)
        .chain(&mut a.kwonlyargs)
    {
        if let Some(ann) = &mut x.annotation {
            expr(ann);
        }
    }
    for x in [&mut a.vararg, &mut a.kwarg].into_iter().flatten() {
        if let Some(ann) = &mut x.annotation {
            expr(ann);
        }
    }
    for d in &mut a.defaults {
        expr(d);
    }
    for d in a.kw_defaults.iter_mut().flatten() {
        expr(d);
    }
}

fn stmt(s: &mut Stmt) {
    match &mut s.kind {
        StmtKind::FunctionDef {
            args: a,
            body,
            decorator_list,
            returns,
            ..
        }
        | StmtKind::AsyncFunctionDef {
            args: a,
            body,
            decorator_list,
            returns,
            ..
        } => {
            args(a);
            stmts(body);
            exprs(decorator_list);
            if let Some(r) = returns {
                expr(r);
            }
        }
        StmtKind::ClassDef {
            bases,
            keywords,
            body,
            decorator_list,
            ..
        } => {
            exprs(bases);
            for k in keywords {
                expr(&mut k.value);
            }
            stmts(body);
            exprs(decorator_list);
        }
        StmtKind::Return { value } => {
            if let Some(v) = value {
                expr(v);
            }
        }
        StmtKind::Delete { targets } => exprs(targets),
        StmtKind::Assign { targets, value, .. } => {
            exprs(targets);
            expr(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target);
            expr(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            expr(target);
            expr(annotation);
            if let Some(v) = value {
                expr(v);
            }
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
            expr(target);
            expr(iter);
            fold_iter(iter);
            stmts(body);
            stmts(orelse);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            expr(test);
            stmts(body);
            stmts(orelse);
        }
        StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
            for it in items {
                expr(&mut it.context_expr);
                if let Some(v) = &mut it.optional_vars {
                    expr(v);
                }
            }
            stmts(body);
        }
        StmtKind::Match { subject, cases } => {
            expr(subject);
            for c in cases {
                if let Some(g) = &mut c.guard {
                    expr(g);
                }
                stmts(&mut c.body);
            }
        }
        StmtKind::Raise { exc, cause } => {
            for x in [exc, cause].into_iter().flatten() {
                expr(x);
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
            stmts(body);
            for h in handlers {
                if let Some(t) = &mut h.type_ {
                    expr(t);
                }
                stmts(&mut h.body);
            }
            stmts(orelse);
            stmts(finalbody);
        }
        StmtKind::Assert { test, msg } => {
            expr(test);
            if let Some(m) = msg {
                expr(m);
            }
        }
        StmtKind::Expr { value } => expr(value),
        _ => {}
    }
}

fn exprs(es: &mut [Expr]) {
    for e in es {
        expr(e);
    }
}

fn constant(e: &Expr) -> Option<&Constant> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

fn make_const(e: &mut Expr, c: Constant) {
    e.kind = ExprKind::Constant {
        value: c,
        kind: None,
    };
}

/// `for x in [a, b]` / `x in [a, b]`: a list display becomes a tuple; a set of constants a frozenset.
fn fold_iter(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::List {
            elts,
            ctx: ExprContext::Load,
        } => {
            let elts = std::mem::take(elts);
            e.kind = ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            };
            fold_tuple(e);
        }
        ExprKind::Set { elts } => {
            if elts.iter().all(|x| constant(x).is_some()) {
                let items = elts.iter().map(|x| constant(x).unwrap().clone()).collect();
                make_const(e, Constant::FrozenSet(items));
            }
        }
        _ => {}
    }
}

fn fold_tuple(e: &mut Expr) {
    if let ExprKind::Tuple {
        elts,
        ctx: ExprContext::Load,
    } = &e.kind
    {
        if elts.iter().all(|x| constant(x).is_some()) {
            let items = elts.iter().map(|x| constant(x).unwrap().clone()).collect();
            make_const(e, Constant::Tuple(items));
        }
    }
}

fn comprehensions(gens: &mut [Comprehension]) {
    for g in gens {
        expr(&mut g.target);
        expr(&mut g.iter);
        fold_iter(&mut g.iter);
        exprs(&mut g.ifs);
    }
}

fn expr(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::BoolOp { values, .. } => exprs(values),
        ExprKind::NamedExpr { target, value } => {
            expr(target);
            expr(value);
        }
        ExprKind::BinOp { left, op, right } => {
            expr(left);
            expr(right);
            let op = *op;
            if let (Some(l), Some(r)) = (constant(left), constant(right)) {
                if let Some(c) = binop(l, op, r) {
                    make_const(e, c);
                }
            }
        }
        ExprKind::UnaryOp { op, operand } => {
            expr(operand);
            let op = *op;
            if let Some(c) = constant(operand) {
                if let Some(v) = unaryop(op, c) {
                    make_const(e, v);
                }
            }
        }
        ExprKind::Lambda { args: a, body } => {
            args(a);
            expr(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test);
            expr(body);
            expr(orelse);
        }
        ExprKind::Dict { keys, values } => {
            for k in keys.iter_mut().flatten() {
                expr(k);
            }
            exprs(values);
        }
        ExprKind::Set { elts } => exprs(elts),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            expr(elt);
            comprehensions(generators);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            expr(key);
            expr(value);
            comprehensions(generators);
        }
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => expr(value),
        ExprKind::Yield { value } => {
            if let Some(v) = value {
                expr(v);
            }
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            expr(left);
            exprs(comparators);
            if matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                fold_iter(comparators.last_mut().unwrap());
            }
        }
        ExprKind::Call {
            func,
            args: a,
            keywords,
        } => {
            expr(func);
            exprs(a);
            for k in keywords {
                expr(&mut k.value);
            }
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            expr(value);
            if let Some(f) = format_spec {
                expr(f);
            }
        }
        ExprKind::JoinedStr { values } => exprs(values),
        ExprKind::Constant { .. } => {}
        ExprKind::Attribute { value, .. } => expr(value),
        ExprKind::Subscript { value, slice, .. } => {
            expr(value);
            expr(slice);
        }
        ExprKind::Starred { value, .. } => expr(value),
        ExprKind::Name { id, ctx } => {
            if *ctx == ExprContext::Load && id == "__debug__" {
                make_const(e, Constant::Bool(true));
            }
        }
        ExprKind::List { elts, .. } => exprs(elts),
        ExprKind::Tuple { elts, .. } => {
            exprs(elts);
            fold_tuple(e);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                expr(x);
            }
        }
    }
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(i.clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as i32)),
        _ => None,
    }
}

fn as_float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => as_int(c).and_then(|i| i.to_f64()).filter(|f| f.is_finite()),
    }
}

fn unaryop(op: UnaryOp, c: &Constant) -> Option<Constant> {
    match (op, c) {
        (UnaryOp::Not, _) => Some(Constant::Bool(!truthy(c))),
        (UnaryOp::USub, Constant::Float(f)) => Some(Constant::Float(-f)),
        (UnaryOp::UAdd, Constant::Float(f)) => Some(Constant::Float(*f)),
        (UnaryOp::USub, Constant::Complex { real, imag }) => Some(Constant::Complex {
            real: -real,
            imag: -imag,
        }),
        (UnaryOp::UAdd, Constant::Complex { .. }) => Some(c.clone()),
        (UnaryOp::USub, _) => as_int(c).map(|i| Constant::Int(-i)),
        (UnaryOp::UAdd, _) => as_int(c).map(Constant::Int),
        (UnaryOp::Invert, _) => as_int(c).map(|i| Constant::Int(-i - 1)),
    }
}

fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(v) | Constant::FrozenSet(v) => !v.is_empty(),
    }
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn seq_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.chars().count()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

fn repeat(c: &Constant, n: &BigInt) -> Option<Constant> {
    let len = seq_len(c)?;
    let n = n.to_i64()?.max(0) as usize;
    let limit = match c {
        Constant::Tuple(_) => MAX_COLLECTION_SIZE,
        _ => MAX_STR_SIZE,
    };
    if len > 0 && n > limit / len {
        return None;
    }
    Some(match c {
        Constant::Str(s) => Constant::Str(s.repeat(n)),
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            if t.len() * n > MAX_TOTAL_ITEMS {
                return None;
            }
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Constant::Tuple(v)
        }
        _ => return None,
    })
}

fn binop(l: &Constant, op: Operator, r: &Constant) -> Option<Constant> {
    use Operator::*;
    let both_bool = matches!((l, r), (Constant::Bool(_), Constant::Bool(_)));
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        if both_bool && matches!(op, BitAnd | BitOr | BitXor) {
            return None; // bool & bool is a bool; not worth the special case
        }
        let v = match op {
            Add => a + b,
            Sub => a - b,
            Mult => {
                if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_SIZE {
                    return None;
                }
                a * b
            }
            FloorDiv => {
                if b.is_zero() {
                    return None;
                }
                a.div_floor(&b)
            }
            Mod => {
                if b.is_zero() {
                    return None;
                }
                a.mod_floor(&b)
            }
            Pow => {
                if b.is_negative() {
                    return None;
                }
                let e = b.to_u64()?;
                if !a.is_zero() && e > 0 && bits(&a) > MAX_INT_SIZE / e {
                    return None;
                }
                num_traits::pow::pow(a, e as usize)
            }
            LShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64()?;
                if s > MAX_INT_SIZE || bits(&a) + s > MAX_INT_SIZE {
                    return None;
                }
                a << s as usize
            }
            RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
                a >> s as usize
            }
            BitAnd => a & b,
            BitOr => a | b,
            BitXor => a ^ b,
            Div => {
                if b.is_zero() {
                    return None;
                }
                let lim = BigInt::from(1u64 << 53);
                if a.abs() > lim || b.abs() > lim {
                    return None;
                }
                return Some(Constant::Float(a.to_f64()? / b.to_f64()?));
            }
            MatMult => return None,
        };
        return Some(Constant::Int(v));
    }
    let is_num =
        |c: &Constant| matches!(c, Constant::Int(_) | Constant::Bool(_) | Constant::Float(_));
    if is_num(l) && is_num(r) {
        let (a, b) = (as_float(l)?, as_float(r)?);
        let v = match op {
            Add => a + b,
            Sub => a - b,
            Mult => a * b,
            Div => {
                if b == 0.0 {
                    return None;
                }
                a / b
            }
            _ => return None,
        };
        return Some(Constant::Float(v));
    }
    let as_complex = |c: &Constant| match c {
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ if is_num(c) => as_float(c).map(|f| (f, 0.0)),
        _ => None,
    };
    if matches!(l, Constant::Complex { .. }) || matches!(r, Constant::Complex { .. }) {
        let ((a, b), (c, d)) = (as_complex(l)?, as_complex(r)?);
        return match op {
            Add => Some(Constant::Complex {
                real: a + c,
                imag: b + d,
            }),
            Sub => Some(Constant::Complex {
                real: a - c,
                imag: b - d,
            }),
            _ => None,
        };
    }
    match (l, op, r) {
        (Constant::Str(a), Add, Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}"))),
        (Constant::Bytes(a), Add, Constant::Bytes(b)) => {
            Some(Constant::Bytes([a.as_slice(), b.as_slice()].concat()))
        }
        (Constant::Tuple(a), Add, Constant::Tuple(b)) => {
            Some(Constant::Tuple(a.iter().chain(b).cloned().collect()))
        }
        (_, Mult, _) => match (as_int(l), as_int(r)) {
            (None, Some(n)) => repeat(l, &n),
            (Some(n), None) => repeat(r, &n),
            _ => None,
        },
        _ => None,
    }
}
