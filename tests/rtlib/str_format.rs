use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;
use cpjit::rtlib::format_spec::{format_float, format_i64, format_str};
use cpjit::rtlib::str_format::{format_with, FormatEnv};
use cpjit::rtlib::{ExcKind, RtError};

#[derive(Clone, Debug)]
enum O {
    Int(i64),
    Str(String),
    Float(f64),
    List(Vec<O>),
    Dict(Vec<(String, O)>),
    NS(Vec<(String, O)>),
}

fn e(kind: ExcKind, msg: impl Into<String>) -> RtError {
    RtError {
        kind,
        msg: msg.into(),
    }
}

impl O {
    fn tname(&self) -> &'static str {
        match self {
            O::Int(_) => "int",
            O::Str(_) => "str",
            O::Float(_) => "float",
            O::List(_) => "list",
            O::Dict(_) => "dict",
            O::NS(_) => "types.SimpleNamespace",
        }
    }
    fn repr(&self) -> String {
        match self {
            O::Int(n) => n.to_string(),
            O::Str(s) => format!("'{}'", s),
            O::Float(x) => repr_f64(*x),
            O::List(v) => format!(
                "[{}]",
                v.iter().map(|o| o.repr()).collect::<Vec<_>>().join(", ")
            ),
            O::Dict(kv) => format!(
                "{{{}}}",
                kv.iter()
                    .map(|(k, v)| format!("'{}': {}", k, v.repr()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            O::NS(kv) => format!(
                "namespace({})",
                kv.iter()
                    .map(|(k, v)| format!("{}={}", k, v.repr()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
    fn str(&self) -> String {
        match self {
            O::Str(s) => s.clone(),
            _ => self.repr(),
        }
    }
}

struct Env {
    args: Vec<O>,
    kwargs: Vec<(String, O)>,
}

impl FormatEnv for Env {
    type Obj = O;
    type Error = RtError;
    fn positional(&mut self, i: usize) -> Result<Option<O>, RtError> {
        Ok(self.args.get(i).cloned())
    }
    fn keyword(&mut self, k: &str) -> Result<O, RtError> {
        self.kwargs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| e(ExcKind::KeyError, format!("'{}'", k)))
    }
    fn getattr(&mut self, o: &O, name: &str) -> Result<O, RtError> {
        match (o, name) {
            (O::Int(_) | O::Float(_), "real") => Ok(o.clone()),
            (O::NS(kv), _) if kv.iter().any(|(k, _)| k == name) => {
                Ok(kv.iter().find(|(k, _)| k == name).unwrap().1.clone())
            }
            _ => Err(e(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{}'", o.tname(), name),
            )),
        }
    }
    fn getitem_int(&mut self, o: &O, i: usize) -> Result<O, RtError> {
        match o {
            O::List(v) => v
                .get(i)
                .cloned()
                .ok_or_else(|| e(ExcKind::IndexError, "list index out of range")),
            O::Str(s) => s
                .chars()
                .nth(i)
                .map(|c| O::Str(c.to_string()))
                .ok_or_else(|| e(ExcKind::IndexError, "string index out of range")),
            O::Dict(_) => Err(e(ExcKind::KeyError, i.to_string())),
            _ => Err(e(
                ExcKind::TypeError,
                format!("'{}' object is not subscriptable", o.tname()),
            )),
        }
    }
    fn getitem_str(&mut self, o: &O, k: &str) -> Result<O, RtError> {
        match o {
            O::Dict(kv) => kv
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| e(ExcKind::KeyError, format!("'{}'", k))),
            O::List(_) => Err(e(
                ExcKind::TypeError,
                "list indices must be integers or slices, not str",
            )),
            O::Str(_) => Err(e(
                ExcKind::TypeError,
                "string indices must be integers, not 'str'",
            )),
            _ => Err(e(
                ExcKind::TypeError,
                format!("'{}' object is not subscriptable", o.tname()),
            )),
        }
    }
    fn convert(&mut self, o: &O, c: char) -> Result<O, RtError> {
        Ok(O::Str(match c {
            's' => o.str(),
            'r' => o.repr(),
            _ => cpjit::rtlib::percent_format::ascii_escape(&o.repr()),
        }))
    }
    fn format(&mut self, o: &O, spec: &str) -> Result<String, RtError> {
        match o {
            O::Int(n) => format_i64(*n, spec, "int"),
            O::Float(x) => format_float(*x, spec, "float"),
            O::Str(s) => format_str(s, spec, "str"),
            _ if spec.is_empty() => Ok(o.str()),
            _ => Err(e(
                ExcKind::TypeError,
                format!(
                    "unsupported format string passed to {}.__format__",
                    o.tname()
                ),
            )),
        }
    }
}

const PY: &str = r#"
import sys, types
args = (10, 'abc', 2.5, [1, 'x', [2, 3]], {'k': 'v', '0': 'zero'}, 'é')
kwargs = dict(x=42, name='Bob', ns=types.SimpleNamespace(a=1, b='two', c=[5, 6]), w=8, f='>')
for line in sys.stdin.read().split('\n'):
    if not line: continue
    t = line.replace('\\n', '\n')
    try: print(ascii(t.format(*args, **kwargs)))
    except Exception as e: print(type(e).__name__, e)
"#;

fn piece(rng: &mut Rng, depth: u32) -> String {
    match rng.below(10) {
        0 => rng.pick(&["ab", "x", " ", "{{", "}}", "é"]).to_string(),
        1 if rng.below(8) == 0 => rng
            .pick(&["{", "}", "{0", "{0!", "{!r", "{0[", "{a{b}", "{0]}"])
            .to_string(),
        _ => {
            let mut s = String::from("{");
            let name = if rng.below(2) == 0 {
                *rng.pick(&[
                    "", "", "", "0", "1", "2", "5", "x", "name", "3[1]", "ns.b", "4[k]",
                ])
            } else {
                *rng.pick(&[
                    "", "", "", "0", "1", "2", "3", "4", "5", "6", "x", "name", "ns", "w", "zz",
                    "3[0]", "3[2][1]", "3[9]", "4[k]", "4[0]", "4[zz]", "1[1]", "1[k]", "ns.a",
                    "ns.c[1]", "ns.zz", "0.real", "2.real", "0.", "0[]", "3[0]x", "-1", " 0", "00",
                    "ns.b.zz", "0[0]",
                ])
            };
            s.push_str(name);
            if rng.below(4) == 0 {
                s.push('!');
                s.push(*rng.pick(&['r', 's', 'a', 'x', 'r', '}']));
            }
            if rng.below(2) == 0 {
                s.push(':');
                if depth < 2 && rng.below(3) == 0 {
                    s.push_str(&piece(rng, depth + 1));
                }
                s.push_str(*rng.pick(&[
                    "", ">10", "^7", "x", ".2", "d", "s", "<5", "*^9", "}", "{", "{w}", "{f}{w}",
                    "{}", "{x}",
                ]));
            }
            s.push('}');
            s
        }
    }
}

#[test]
fn str_format_matches_python() {
    let mut rng = Rng::new(4);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for _ in 0..8000 {
        let n = rng.range(1, 3);
        let t: String = (0..n).map(|_| piece(&mut rng, 0)).collect();
        let mut env = Env {
            args: vec![
                O::Int(10),
                O::Str("abc".into()),
                O::Float(2.5),
                O::List(vec![
                    O::Int(1),
                    O::Str("x".into()),
                    O::List(vec![O::Int(2), O::Int(3)]),
                ]),
                O::Dict(vec![
                    ("k".into(), O::Str("v".into())),
                    ("0".into(), O::Str("zero".into())),
                ]),
                O::Str("é".into()),
            ],
            kwargs: vec![
                ("x".into(), O::Int(42)),
                ("name".into(), O::Str("Bob".into())),
                (
                    "ns".into(),
                    O::NS(vec![
                        ("a".into(), O::Int(1)),
                        ("b".into(), O::Str("two".into())),
                        ("c".into(), O::List(vec![O::Int(5), O::Int(6)])),
                    ]),
                ),
                ("w".into(), O::Int(8)),
                ("f".into(), O::Str(">".into())),
            ],
        };
        got.push(match format_with(&t, &mut env) {
            Ok(s) => py_ascii(&s),
            Err(err) => format!("{:?} {}", err.kind, err.msg),
        });
        inputs.push(t);
    }
    let want = py(PY, &inputs.join("\n"));
    check("str.format", &inputs, &got, &want);
}
