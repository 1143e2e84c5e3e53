//! `ast.dump`-compatible printing of the AST: exactly the text CPython 3.11's
//! `ast.dump(tree[, include_attributes=True])` produces (optional fields that are None omitted,
//! lists always shown, constants in Python's `repr`).

use super::ast::*;
use super::tokenizer::repr::py_repr;
use num_bigint::BigInt;
use std::fmt::Write;

/// Dumps a module as `ast.dump` does; `positions` adds the location attributes.
pub fn dump(m: &Mod, positions: bool) -> String {
    let mut d = Dumper {
        out: String::new(),
        pos: positions,
    };
    d.module(m);
    d.out
}

/// Dumps one expression (for tests and debugging).
pub fn dump_expr(e: &Expr, positions: bool) -> String {
    let mut d = Dumper {
        out: String::new(),
        pos: positions,
    };
    d.expr(e);
    d.out
}

/// `cpjit ast [--positions] FILE`: prints the dump, or the SyntaxError as `python3 FILE` would.
pub fn command(args: &[String]) -> i32 {
    let mut positions = false;
    let mut file = None;
    for a in args {
        match a.as_str() {
            "--positions" => positions = true,
            _ if file.is_none() => file = Some(a.clone()),
            _ => {
                eprintln!("usage: cpjit ast [--positions] FILE");
                return 2;
            }
        }
    }
    let Some(file) = file else {
        eprintln!("usage: cpjit ast [--positions] FILE");
        return 2;
    };
    let src = match std::fs::read(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cpjit: can't open file '{file}': {e}");
            return 2;
        }
    };
    // `python3 FILE` reports errors with the script's absolute path.
    let shown = std::path::absolute(&file)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| file.clone());
    match super::parser::parse_file(&src, &shown) {
        Ok(m) => {
            let mut s = dump(&m, positions);
            s.push('\n');
            use std::io::Write as _;
            let _ = std::io::stdout().write_all(s.as_bytes());
            0
        }
        Err(e) => {
            eprint!("{}", e.render());
            1
        }
    }
}

struct Dumper {
    out: String,
    pos: bool,
}

/// Python's `repr(float)`: shortest round-trip digits; exponent form when the decimal exponent is
/// < -4 or >= 16, written `e+16` / `e-05`; a `.0` added to integral fixed-point values.
pub fn float_repr(f: f64) -> String {
    float_repr_impl(f, true)
}

fn float_repr_impl(f: f64, add_dot_0: bool) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        let z = if add_dot_0 { "0.0" } else { "0" };
        return if f.is_sign_negative() {
            format!("-{z}")
        } else {
            z.into()
        };
    }
    let sci = format!("{:e}", f.abs());
    let (mant, exp) = sci.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let decpt = exp + 1; // value = 0.digits * 10^decpt
    let sign = if f < 0.0 { "-" } else { "" };
    let mut s = String::new();
    if decpt <= -4 || decpt > 16 {
        s.push_str(&digits[..1]);
        if digits.len() > 1 {
            s.push('.');
            s.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        let _ = write!(s, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    } else if decpt <= 0 {
        s.push_str("0.");
        for _ in 0..(-decpt) {
            s.push('0');
        }
        s.push_str(&digits);
    } else {
        let d = decpt as usize;
        if digits.len() <= d {
            s.push_str(&digits);
            for _ in digits.len()..d {
                s.push('0');
            }
            if add_dot_0 {
                s.push_str(".0");
            }
        } else {
            s.push_str(&digits[..d]);
            s.push('.');
            s.push_str(&digits[d..]);
        }
    }
    format!("{sign}{s}")
}

/// Python's `repr(complex)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let imr = float_repr_impl(im, false);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{imr}j");
    }
    let rer = float_repr_impl(re, false);
    let sign = if im.is_sign_negative() || im.is_nan() && imr.starts_with('-') {
        ""
    } else {
        "+"
    };
    format!("({rer}{sign}{imr}j)")
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut s = String::from("b");
    s.push(quote as char);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            c if c == quote => {
                s.push('\\');
                s.push(c as char);
            }
            0x20..=0x7e => s.push(c as char),
            c => {
                let _ = write!(s, "\\x{c:02x}");
            }
        }
    }
    s.push(quote as char);
    s
}

pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => int_repr(i),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => complex_repr(*real, *imag),
        Constant::Str(s) => py_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(v) => {
            let parts: Vec<String> = v.iter().map(constant_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(v) => {
            if v.is_empty() {
                "frozenset()".into()
            } else {
                let parts: Vec<String> = v.iter().map(constant_repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
    }
}

fn int_repr(i: &BigInt) -> String {
    i.to_string()
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load()",
        ExprContext::Store => "Store()",
        ExprContext::Del => "Del()",
    }
}

/// A node being written: `Name(` then `field=value` pairs separated by `, `.
struct Node<'a> {
    d: &'a mut Dumper,
    first: bool,
}

impl<'a> Node<'a> {
    fn sep(&mut self) {
        if !self.first {
            self.d.out.push_str(", ");
        }
        self.first = false;
    }
    fn key(&mut self, k: &str) -> &mut Dumper {
        self.sep();
        self.d.out.push_str(k);
        self.d.out.push('=');
        self.d
    }
    fn raw(&mut self, k: &str, v: &str) -> &mut Self {
        self.key(k).out.push_str(v);
        self
    }
    fn expr(&mut self, k: &str, e: &Expr) -> &mut Self {
        self.key(k).expr(e);
        self
    }
    fn opt_expr(&mut self, k: &str, e: &Option<Box<Expr>>) -> &mut Self {
        if let Some(e) = e {
            self.key(k).expr(e);
        }
        self
    }
    fn exprs(&mut self, k: &str, v: &[Expr]) -> &mut Self {
        let d = self.key(k);
        d.list(v, |d, e| d.expr(e));
        self
    }
    fn stmts(&mut self, k: &str, v: &[Stmt]) -> &mut Self {
        let d = self.key(k);
        d.list(v, |d, s| d.stmt(s));
        self
    }
    fn str(&mut self, k: &str, s: &str) -> &mut Self {
        let r = py_repr(s);
        self.key(k).out.push_str(&r);
        self
    }
    fn opt_str(&mut self, k: &str, s: &Option<String>) -> &mut Self {
        if let Some(s) = s {
            self.str(k, s);
        }
        self
    }
    fn strs(&mut self, k: &str, v: &[String]) -> &mut Self {
        let d = self.key(k);
        d.list(v, |d, s| d.out.push_str(&py_repr(s)));
        self
    }
    fn loc(&mut self, l: &Loc) -> &mut Self {
        if self.d.pos {
            let _ = write!(
                self.d.out,
                "{}lineno={}, col_offset={}, end_lineno={}, end_col_offset={}",
                if self.first { "" } else { ", " },
                l.lineno,
                l.col_offset,
                l.end_lineno,
                l.end_col_offset
            );
            self.first = false;
        }
        self
    }
    fn end(&mut self) {
        self.d.out.push(')');
    }
}

impl Dumper {
    fn node(&mut self, name: &str) -> Node<'_> {
        self.out.push_str(name);
        self.out.push('(');
        Node {
            d: self,
            first: true,
        }
    }

    fn list<T>(&mut self, v: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (i, x) in v.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            f(self, x);
        }
        self.out.push(']');
    }

    fn module(&mut self, m: &Mod) {
        match m {
            Mod::Module { body, type_ignores } => {
                let mut n = self.node("Module");
                n.stmts("body", body);
                let d = n.key("type_ignores");
                d.list(type_ignores, |d, t| {
                    let _ = write!(
                        d.out,
                        "TypeIgnore(lineno={}, tag={})",
                        t.lineno,
                        py_repr(&t.tag)
                    );
                });
                n.end();
            }
            Mod::Interactive { body } => {
                let mut n = self.node("Interactive");
                n.stmts("body", body).end();
            }
            Mod::Expression { body } => {
                let mut n = self.node("Expression");
                n.expr("body", body).end();
            }
            Mod::FunctionType { argtypes, returns } => {
                let mut n = self.node("FunctionType");
                n.exprs("argtypes", argtypes).expr("returns", returns).end();
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let l = &s.loc;
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment,
            }
            | StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                type_comment,
            } => {
                let nm = if matches!(s.kind, StmtKind::FunctionDef { .. }) {
                    "FunctionDef"
                } else {
                    "AsyncFunctionDef"
                };
                let mut n = self.node(nm);
                n.str("name", name);
                n.key("args").arguments(args);
                n.stmts("body", body)
                    .exprs("decorator_list", decorator_list)
                    .opt_expr("returns", returns)
                    .opt_str("type_comment", type_comment)
                    .loc(l)
                    .end();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                let mut n = self.node("ClassDef");
                n.str("name", name).exprs("bases", bases);
                n.key("keywords").list(keywords, |d, k| d.keyword(k));
                n.stmts("body", body)
                    .exprs("decorator_list", decorator_list)
                    .loc(l)
                    .end();
            }
            StmtKind::Return { value } => {
                self.node("Return").opt_expr("value", value).loc(l).end();
            }
            StmtKind::Delete { targets } => {
                self.node("Delete").exprs("targets", targets).loc(l).end();
            }
            StmtKind::Assign {
                targets,
                value,
                type_comment,
            } => {
                self.node("Assign")
                    .exprs("targets", targets)
                    .expr("value", value)
                    .opt_str("type_comment", type_comment)
                    .loc(l)
                    .end();
            }
            StmtKind::AugAssign { target, op, value } => {
                self.node("AugAssign")
                    .expr("target", target)
                    .raw("op", &format!("{}()", operator_name(*op)))
                    .expr("value", value)
                    .loc(l)
                    .end();
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.node("AnnAssign")
                    .expr("target", target)
                    .expr("annotation", annotation)
                    .opt_expr("value", value)
                    .raw("simple", if *simple { "1" } else { "0" })
                    .loc(l)
                    .end();
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                type_comment,
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                type_comment,
            } => {
                let nm = if matches!(s.kind, StmtKind::For { .. }) {
                    "For"
                } else {
                    "AsyncFor"
                };
                self.node(nm)
                    .expr("target", target)
                    .expr("iter", iter)
                    .stmts("body", body)
                    .stmts("orelse", orelse)
                    .opt_str("type_comment", type_comment)
                    .loc(l)
                    .end();
            }
            StmtKind::While { test, body, orelse } => {
                self.node("While")
                    .expr("test", test)
                    .stmts("body", body)
                    .stmts("orelse", orelse)
                    .loc(l)
                    .end();
            }
            StmtKind::If { test, body, orelse } => {
                self.node("If")
                    .expr("test", test)
                    .stmts("body", body)
                    .stmts("orelse", orelse)
                    .loc(l)
                    .end();
            }
            StmtKind::With {
                items,
                body,
                type_comment,
            }
            | StmtKind::AsyncWith {
                items,
                body,
                type_comment,
            } => {
                let nm = if matches!(s.kind, StmtKind::With { .. }) {
                    "With"
                } else {
                    "AsyncWith"
                };
                let mut n = self.node(nm);
                n.key("items").list(items, |d, w| {
                    let mut n = d.node("withitem");
                    n.expr("context_expr", &w.context_expr)
                        .opt_expr("optional_vars", &w.optional_vars)
                        .end();
                });
                n.stmts("body", body)
                    .opt_str("type_comment", type_comment)
                    .loc(l)
                    .end();
            }
            StmtKind::Match { subject, cases } => {
                let mut n = self.node("Match");
                n.expr("subject", subject);
                n.key("cases").list(cases, |d, c| {
                    let mut n = d.node("match_case");
                    n.key("pattern").pattern(&c.pattern);
                    n.opt_expr("guard", &c.guard).stmts("body", &c.body).end();
                });
                n.loc(l).end();
            }
            StmtKind::Raise { exc, cause } => {
                self.node("Raise")
                    .opt_expr("exc", exc)
                    .opt_expr("cause", cause)
                    .loc(l)
                    .end();
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
                let nm = if matches!(s.kind, StmtKind::Try { .. }) {
                    "Try"
                } else {
                    "TryStar"
                };
                let mut n = self.node(nm);
                n.stmts("body", body);
                n.key("handlers").list(handlers, |d, h| {
                    let mut n = d.node("ExceptHandler");
                    n.opt_expr("type", &h.type_)
                        .opt_str("name", &h.name)
                        .stmts("body", &h.body)
                        .loc(&h.loc)
                        .end();
                });
                n.stmts("orelse", orelse)
                    .stmts("finalbody", finalbody)
                    .loc(l)
                    .end();
            }
            StmtKind::Assert { test, msg } => {
                self.node("Assert")
                    .expr("test", test)
                    .opt_expr("msg", msg)
                    .loc(l)
                    .end();
            }
            StmtKind::Import { names } => {
                let mut n = self.node("Import");
                n.key("names").list(names, |d, a| d.alias(a));
                n.loc(l).end();
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let mut n = self.node("ImportFrom");
                n.opt_str("module", module);
                n.key("names").list(names, |d, a| d.alias(a));
                n.raw("level", &level.to_string()).loc(l).end();
            }
            StmtKind::Global { names } => {
                self.node("Global").strs("names", names).loc(l).end();
            }
            StmtKind::Nonlocal { names } => {
                self.node("Nonlocal").strs("names", names).loc(l).end();
            }
            StmtKind::Expr { value } => {
                self.node("Expr").expr("value", value).loc(l).end();
            }
            StmtKind::Pass => self.node("Pass").loc(l).end(),
            StmtKind::Break => self.node("Break").loc(l).end(),
            StmtKind::Continue => self.node("Continue").loc(l).end(),
        }
    }

    fn alias(&mut self, a: &Alias) {
        self.node("alias")
            .str("name", &a.name)
            .opt_str("asname", &a.asname)
            .loc(&a.loc)
            .end();
    }

    fn keyword(&mut self, k: &Keyword) {
        self.node("keyword")
            .opt_str("arg", &k.arg)
            .expr("value", &k.value)
            .loc(&k.loc)
            .end();
    }

    fn arg(&mut self, a: &Arg) {
        self.node("arg")
            .str("arg", &a.arg)
            .opt_expr("annotation", &a.annotation)
            .opt_str("type_comment", &a.type_comment)
            .loc(&a.loc)
            .end();
    }

    fn arguments(&mut self, a: &Arguments) {
        let mut n = self.node("arguments");
        n.key("posonlyargs").list(&a.posonlyargs, |d, x| d.arg(x));
        n.key("args").list(&a.args, |d, x| d.arg(x));
        if let Some(v) = &a.vararg {
            n.key("vararg").arg(v);
        }
        n.key("kwonlyargs").list(&a.kwonlyargs, |d, x| d.arg(x));
        n.key("kw_defaults").list(&a.kw_defaults, |d, x| match x {
            Some(e) => d.expr(e),
            None => d.out.push_str("None"),
        });
        if let Some(v) = &a.kwarg {
            n.key("kwarg").arg(v);
        }
        n.exprs("defaults", &a.defaults).end();
    }

    fn comprehensions(&mut self, gens: &[Comprehension]) {
        self.list(gens, |d, c| {
            let mut n = d.node("comprehension");
            n.expr("target", &c.target)
                .expr("iter", &c.iter)
                .exprs("ifs", &c.ifs);
            n.raw("is_async", if c.is_async { "1" } else { "0" }).end();
        });
    }

    fn expr(&mut self, e: &Expr) {
        let l = &e.loc;
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let o = if *op == BoolOp::And { "And()" } else { "Or()" };
                self.node("BoolOp")
                    .raw("op", o)
                    .exprs("values", values)
                    .loc(l)
                    .end();
            }
            ExprKind::NamedExpr { target, value } => {
                self.node("NamedExpr")
                    .expr("target", target)
                    .expr("value", value)
                    .loc(l)
                    .end();
            }
            ExprKind::BinOp { left, op, right } => {
                self.node("BinOp")
                    .expr("left", left)
                    .raw("op", &format!("{}()", operator_name(*op)))
                    .expr("right", right)
                    .loc(l)
                    .end();
            }
            ExprKind::UnaryOp { op, operand } => {
                let o = match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                };
                self.node("UnaryOp")
                    .raw("op", o)
                    .expr("operand", operand)
                    .loc(l)
                    .end();
            }
            ExprKind::Lambda { args, body } => {
                let mut n = self.node("Lambda");
                n.key("args").arguments(args);
                n.expr("body", body).loc(l).end();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.node("IfExp")
                    .expr("test", test)
                    .expr("body", body)
                    .expr("orelse", orelse)
                    .loc(l)
                    .end();
            }
            ExprKind::Dict { keys, values } => {
                let mut n = self.node("Dict");
                n.key("keys").list(keys, |d, k| match k {
                    Some(e) => d.expr(e),
                    None => d.out.push_str("None"),
                });
                n.exprs("values", values).loc(l).end();
            }
            ExprKind::Set { elts } => self.node("Set").exprs("elts", elts).loc(l).end(),
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let nm = match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let mut n = self.node(nm);
                n.expr("elt", elt);
                n.key("generators").comprehensions(generators);
                n.loc(l).end();
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let mut n = self.node("DictComp");
                n.expr("key", key).expr("value", value);
                n.key("generators").comprehensions(generators);
                n.loc(l).end();
            }
            ExprKind::Await { value } => self.node("Await").expr("value", value).loc(l).end(),
            ExprKind::Yield { value } => self.node("Yield").opt_expr("value", value).loc(l).end(),
            ExprKind::YieldFrom { value } => {
                self.node("YieldFrom").expr("value", value).loc(l).end()
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut n = self.node("Compare");
                n.expr("left", left);
                n.key("ops").list(ops, |d, o| {
                    d.out.push_str(cmpop_name(*o));
                    d.out.push_str("()");
                });
                n.exprs("comparators", comparators).loc(l).end();
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let mut n = self.node("Call");
                n.expr("func", func).exprs("args", args);
                n.key("keywords").list(keywords, |d, k| d.keyword(k));
                n.loc(l).end();
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.node("FormattedValue")
                    .expr("value", value)
                    .raw("conversion", &conversion.to_string())
                    .opt_expr("format_spec", format_spec)
                    .loc(l)
                    .end();
            }
            ExprKind::JoinedStr { values } => {
                self.node("JoinedStr").exprs("values", values).loc(l).end()
            }
            ExprKind::Constant { value, kind } => {
                self.node("Constant")
                    .raw("value", &constant_repr(value))
                    .opt_str("kind", kind)
                    .loc(l)
                    .end();
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.node("Attribute")
                    .expr("value", value)
                    .str("attr", attr)
                    .raw("ctx", ctx_name(*ctx))
                    .loc(l)
                    .end();
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.node("Subscript")
                    .expr("value", value)
                    .expr("slice", slice)
                    .raw("ctx", ctx_name(*ctx))
                    .loc(l)
                    .end();
            }
            ExprKind::Starred { value, ctx } => {
                self.node("Starred")
                    .expr("value", value)
                    .raw("ctx", ctx_name(*ctx))
                    .loc(l)
                    .end();
            }
            ExprKind::Name { id, ctx } => {
                self.node("Name")
                    .str("id", id)
                    .raw("ctx", ctx_name(*ctx))
                    .loc(l)
                    .end();
            }
            ExprKind::List { elts, ctx } => {
                self.node("List")
                    .exprs("elts", elts)
                    .raw("ctx", ctx_name(*ctx))
                    .loc(l)
                    .end();
            }
            ExprKind::Tuple { elts, ctx } => {
                self.node("Tuple")
                    .exprs("elts", elts)
                    .raw("ctx", ctx_name(*ctx))
                    .loc(l)
                    .end();
            }
            ExprKind::Slice { lower, upper, step } => {
                self.node("Slice")
                    .opt_expr("lower", lower)
                    .opt_expr("upper", upper)
                    .opt_expr("step", step)
                    .loc(l)
                    .end();
            }
        }
    }

    fn patterns(&mut self, v: &[Pattern]) {
        self.list(v, |d, p| d.pattern(p));
    }

    fn pattern(&mut self, p: &Pattern) {
        let l = &p.loc;
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.node("MatchValue").expr("value", value).loc(l).end()
            }
            PatternKind::MatchSingleton { value } => self
                .node("MatchSingleton")
                .raw("value", &constant_repr(value))
                .loc(l)
                .end(),
            PatternKind::MatchSequence { patterns } => {
                let mut n = self.node("MatchSequence");
                n.key("patterns").patterns(patterns);
                n.loc(l).end();
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                let mut n = self.node("MatchMapping");
                n.exprs("keys", keys);
                n.key("patterns").patterns(patterns);
                n.opt_str("rest", rest).loc(l).end();
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let mut n = self.node("MatchClass");
                n.expr("cls", cls);
                n.key("patterns").patterns(patterns);
                n.strs("kwd_attrs", kwd_attrs);
                n.key("kwd_patterns").patterns(kwd_patterns);
                n.loc(l).end();
            }
            PatternKind::MatchStar { name } => {
                self.node("MatchStar").opt_str("name", name).loc(l).end()
            }
            PatternKind::MatchAs { pattern, name } => {
                let mut n = self.node("MatchAs");
                if let Some(p) = pattern {
                    n.key("pattern").pattern(p);
                }
                n.opt_str("name", name).loc(l).end();
            }
            PatternKind::MatchOr { patterns } => {
                let mut n = self.node("MatchOr");
                n.key("patterns").patterns(patterns);
                n.loc(l).end();
            }
        }
    }
}
