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

/// CPython's compile-time recursion limit (`Py_GetRecursionLimit() * COMPILER_STACK_FRAME_SCALE`,
/// minus the frames of a top-level compile): deeper statement/expression nesting is refused.
pub const MAX_NESTING: usize = 2994;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static TOO_DEEP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Enters one nesting level; false (and the error flag set) past the limit.
fn enter() -> bool {
    let d = DEPTH.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    if d > MAX_NESTING {
        TOO_DEEP.with(|c| c.set(true));
        return false;
    }
    true
}

fn leave() {
    DEPTH.with(|c| c.set(c.get() - 1));
}

/// Folds a module; `None` if it nests deeper than [`MAX_NESTING`] (CPython: RecursionError).
pub fn try_fold_mod(m: &Mod) -> Option<Mod> {
    DEPTH.with(|c| c.set(0));
    TOO_DEEP.with(|c| c.set(false));
    let mut m = m.clone();
    match &mut m {
        Mod::Module { body, .. } | Mod::Interactive { body } => stmts(body),
        Mod::Expression { body } => expr(body),
        Mod::FunctionType { .. } => {}
    }
    if TOO_DEEP.with(|c| c.get()) {
        return None;
    }
    Some(m)
}

/// [`try_fold_mod`] for trees known to be shallow enough (tests); a too-deep tree is returned unfolded.
pub fn fold_mod(m: &Mod) -> Mod {
    try_fold_mod(m).unwrap_or_else(|| m.clone())
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
    if enter() {
        stmt_inner(s);
    }
    leave();
}

fn stmt_inner(s: &mut Stmt) {
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
        } => {
            expr(target);
            expr(iter);
            fold_iter(iter);
            stmts(body);
            stmts(orelse);
        }
        // As in CPython, an `async for` statement's iterable is not folded (comprehensions'
        // are, async or not).
        StmtKind::AsyncFor {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            expr(target);
            expr(iter);
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
                pattern(&mut c.pattern);
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
            // A list with starred items stays a list (ast_opt's has_starred check).
            if elts
                .iter()
                .any(|x| matches!(x.kind, ExprKind::Starred { .. }))
            {
                return;
            }
            let elts = std::mem::take(elts);
            e.kind = ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            };
            fold_tuple(e);
        }
        ExprKind::Set { elts } => {
            if elts.iter().all(|x| constant(x).is_some()) {
                let items = dedup_set(elts.iter().map(|x| constant(x).unwrap().clone()));
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
    if enter() {
        expr_inner(e);
    }
    leave();
}

fn expr_inner(e: &mut Expr) {
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
            // 3.11 turns `'...%s...' % (a, b)` into an f-string when every unit is %s/%r/%a.
            if op == Operator::Mod {
                if let (Some(Constant::Str(fmt)), ExprKind::Tuple { elts, .. }) =
                    (constant(left), &right.kind)
                {
                    if !elts
                        .iter()
                        .any(|x| matches!(x.kind, ExprKind::Starred { .. }))
                    {
                        if let Some(values) = optimize_format(fmt, elts) {
                            e.kind = ExprKind::JoinedStr { values };
                        }
                        return;
                    }
                }
            }
            if let (Some(l), Some(r)) = (constant(left), constant(right)) {
                if let Some(c) = binop(l, op, r) {
                    make_const(e, c);
                }
            }
        }
        ExprKind::UnaryOp { op, operand } => {
            expr(operand);
            let op = *op;
            // `not (a in b)` → `a not in b` (also is / is not; never the ordering comparisons).
            if op == UnaryOp::Not {
                if let ExprKind::Compare { ops, .. } = &mut operand.kind {
                    if ops.len() == 1 {
                        let inv = match ops[0] {
                            CmpOp::Is => Some(CmpOp::IsNot),
                            CmpOp::IsNot => Some(CmpOp::Is),
                            CmpOp::In => Some(CmpOp::NotIn),
                            CmpOp::NotIn => Some(CmpOp::In),
                            _ => None,
                        };
                        if let Some(inv) = inv {
                            ops[0] = inv;
                            let inner = std::mem::replace(&mut **operand, placeholder());
                            *e = inner;
                            return;
                        }
                    }
                }
            }
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
        ExprKind::Subscript { value, slice, ctx } => {
            expr(value);
            expr(slice);
            if *ctx == ExprContext::Load {
                if let (Some(v), Some(i)) = (constant(value), constant(slice)) {
                    if let Some(c) = subscript(v, i) {
                        make_const(e, c);
                    }
                }
            }
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
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        if let (Constant::Bool(x), Constant::Bool(y)) = (l, r) {
            // bool's &, |, ^ return bools.
            match op {
                BitAnd => return Some(Constant::Bool(x & y)),
                BitOr => return Some(Constant::Bool(x | y)),
                BitXor => return Some(Constant::Bool(x ^ y)),
                _ => {}
            }
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
                    // int ** negative int is float pow, as long_pow does.
                    return float_pow(a.to_f64()?, b.to_f64()?).map(Constant::Float);
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
            Pow => float_pow(a, b)?,
            FloorDiv | Mod => {
                if b == 0.0 {
                    return None;
                }
                let (div, m) = float_div_mod(a, b);
                if op == FloorDiv {
                    div
                } else {
                    m
                }
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
            // _Py_c_prod
            Mult => Some(Constant::Complex {
                real: a * c - b * d,
                imag: a * d + b * c,
            }),
            // _Py_c_quot (division by zero raises: not folded)
            Div => {
                let (abs_c, abs_d) = (c.abs(), d.abs());
                if abs_c >= abs_d {
                    if abs_c == 0.0 {
                        return None;
                    }
                    let ratio = d / c;
                    let denom = c + d * ratio;
                    Some(Constant::Complex {
                        real: (a + b * ratio) / denom,
                        imag: (b - a * ratio) / denom,
                    })
                } else if abs_d >= abs_c {
                    let ratio = c / d;
                    let denom = c * ratio + d;
                    Some(Constant::Complex {
                        real: (a * ratio + b) / denom,
                        imag: (b * ratio - a) / denom,
                    })
                } else {
                    Some(Constant::Complex {
                        real: f64::NAN,
                        imag: f64::NAN,
                    })
                }
            }
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

fn placeholder() -> Expr {
    Expr {
        kind: ExprKind::Constant {
            value: Constant::None,
            kind: None,
        },
        loc: Loc::default(),
    }
}

fn str_const(s: String) -> Expr {
    // Nodes ast_opt creates carry no position (-1), which the compiler never uses for constants.
    Expr {
        kind: ExprKind::Constant {
            value: Constant::Str(s),
            kind: None,
        },
        loc: Loc::default(),
    }
}

/// ast_opt.c's `optimize_format`: the JoinedStr values, or None to leave the `%` alone.
fn optimize_format(fmt: &str, elts: &[Expr]) -> Option<Vec<Expr>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut cnt = 0;
    let mut seq = Vec::new();
    loop {
        // A literal run, with %% meaning %.
        let start = pos;
        let mut lit = String::new();
        while pos < chars.len() {
            if chars[pos] != '%' {
                lit.push(chars[pos]);
                pos += 1;
            } else if pos + 1 < chars.len() && chars[pos + 1] == '%' {
                lit.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos > start {
            seq.push(str_const(lit));
        }
        if pos >= chars.len() {
            break;
        }
        if cnt >= elts.len() {
            return None; // more format units than items
        }
        pos += 1;
        let fv = parse_format(&chars, &mut pos, &elts[cnt])?;
        cnt += 1;
        seq.push(fv);
    }
    if cnt < elts.len() {
        return None; // more items than format units
    }
    Some(seq)
}

fn parse_format(chars: &[char], pos: &mut usize, arg: &Expr) -> Option<Expr> {
    const MAXDIGITS: u32 = 3;
    let mut next = || -> Option<char> {
        let c = chars.get(*pos).copied()?;
        *pos += 1;
        Some(c)
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match ch {
            '-' => ljust = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
    }
    let mut width: i32 = -1;
    let mut prec: i32 = -1;
    if ch.is_ascii_digit() {
        width = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            width = width * 10 + ch.to_digit(10)? as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == '.' {
        ch = next()?;
        prec = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            prec = prec * 10 + ch.to_digit(10)? as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if !matches!(ch, 's' | 'r' | 'a') {
        return None;
    }
    let mut spec = String::new();
    if !ljust && width > 0 {
        spec.push('>');
    }
    if width >= 0 {
        spec.push_str(&width.to_string());
    }
    if prec >= 0 {
        spec.push_str(&format!(".{prec}"));
    }
    let format_spec = if spec.is_empty() {
        None
    } else {
        Some(Box::new(str_const(spec)))
    };
    Some(Expr {
        kind: ExprKind::FormattedValue {
            value: Box::new(arg.clone()),
            conversion: ch as i32,
            format_spec,
        },
        loc: arg.loc,
    })
}

/// `const[int]` for str, bytes and tuple constants (what ast_opt's fold_subscr folds without error).
fn subscript(v: &Constant, i: &Constant) -> Option<Constant> {
    if matches!(i, Constant::Bool(_)) {
        return None;
    }
    let idx = as_int(i)?.to_i64()?;
    let at = |len: usize| -> Option<usize> {
        let k = if idx < 0 { idx + len as i64 } else { idx };
        (0..len as i64).contains(&k).then_some(k as usize)
    };
    match v {
        Constant::Str(s) => {
            // CPython folds only when the result is a plain character (not a surrogate); str is
            // always valid UTF-8 here.
            let chars: Vec<char> = s.chars().collect();
            Some(Constant::Str(chars[at(chars.len())?].to_string()))
        }
        Constant::Bytes(b) => Some(Constant::Int(BigInt::from(b[at(b.len())?]))),
        Constant::Tuple(t) => Some(t[at(t.len())?].clone()),
        _ => None,
    }
}

fn pattern(p: &mut Pattern) {
    match &mut p.kind {
        PatternKind::MatchValue { value } => expr(value),
        PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
        PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
            for q in patterns {
                pattern(q);
            }
        }
        PatternKind::MatchMapping { keys, patterns, .. } => {
            exprs(keys);
            for q in patterns {
                pattern(q);
            }
        }
        PatternKind::MatchClass {
            cls,
            patterns,
            kwd_patterns,
            ..
        } => {
            expr(cls);
            for q in patterns.iter_mut().chain(kwd_patterns) {
                pattern(q);
            }
        }
        PatternKind::MatchAs { pattern: q, .. } => {
            if let Some(q) = q {
                pattern(q);
            }
        }
    }
}

/// Python's float `**` where it neither raises nor returns a complex (else None: not folded).
fn float_pow(a: f64, b: f64) -> Option<f64> {
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    if b == 0.0 {
        return Some(1.0);
    }
    if a == 0.0 && b < 0.0 {
        return None; // ZeroDivisionError
    }
    if a < 0.0 && b.fract() != 0.0 {
        return None; // complex result
    }
    let r = a.powf(b);
    r.is_finite().then_some(r) // OverflowError otherwise
}

/// CPython's `_float_div_mod` (floor division and modulo of floats, `b != 0`).
fn float_div_mod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// Set semantics for constant elements: equal values (1, 1.0, True) keep the first.
pub fn dedup_set(items: impl Iterator<Item = Constant>) -> Vec<Constant> {
    use crate::compile::codegen::{const_eq, to_const};
    let mut out: Vec<Constant> = Vec::new();
    for c in items {
        if !out.iter().any(|o| const_eq(&to_const(o), &to_const(&c))) {
            out.push(c);
        }
    }
    out
}
