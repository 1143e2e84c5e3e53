use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;
use cpjit::rtlib::percent_format::{percent_format, PercentArg, PercentArgs};
use cpjit::rtlib::{RtError, RtResult};
use num_bigint::BigInt;

#[derive(Clone, Debug)]
enum V {
    Int(BigInt),
    Bool(bool),
    Float(f64),
    Str(String),
    None,
    List(Vec<i64>),
    Dict(Vec<(String, V)>),
}

impl V {
    fn lit(&self) -> String {
        match self {
            V::Int(n) => n.to_string(),
            V::Bool(b) => if *b { "True" } else { "False" }.into(),
            V::Float(x) => format!("float('{}')", pyfloat(*x)),
            V::Str(s) => format!("'{}'", s),
            V::None => "None".into(),
            V::List(v) => format!("{:?}", v),
            V::Dict(kv) => format!(
                "{{{}}}",
                kv.iter()
                    .map(|(k, v)| format!("'{}': {}", k, v.lit()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl PercentArg for V {
    type Error = RtError;
    fn is_type_error(e: &RtError) -> bool {
        e.kind == cpjit::rtlib::ExcKind::TypeError
    }
    fn type_name(&self) -> String {
        match self {
            V::Int(_) => "int",
            V::Bool(_) => "bool",
            V::Float(_) => "float",
            V::Str(_) => "str",
            V::None => "NoneType",
            V::List(_) => "list",
            V::Dict(_) => "dict",
        }
        .into()
    }
    fn str(&self) -> RtResult<String> {
        Ok(match self {
            V::Str(s) => s.clone(),
            _ => self.repr()?,
        })
    }
    fn repr(&self) -> RtResult<String> {
        Ok(match self {
            V::Float(x) => repr_f64(*x),
            V::Dict(kv) => {
                let items: Vec<String> = kv
                    .iter()
                    .map(|(k, v)| format!("'{}': {}", k, v.repr().unwrap()))
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            _ => self.lit(),
        })
    }
    fn as_int(&self) -> Option<BigInt> {
        match self {
            V::Int(n) => Some(n.clone()),
            V::Bool(b) => Some(BigInt::from(*b as i32)),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<String> {
        match self {
            V::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
    fn is_number(&self) -> bool {
        matches!(self, V::Int(_) | V::Bool(_) | V::Float(_))
    }
    fn to_int(&self) -> RtResult<BigInt> {
        match self {
            V::Float(x) if x.is_nan() => Err(RtError::value("cannot convert float NaN to integer")),
            V::Float(x) if x.is_infinite() => Err(RtError::overflow(
                "cannot convert float infinity to integer",
            )),
            V::Float(x) => Ok(num_traits::FromPrimitive::from_f64(x.trunc()).unwrap()),
            _ => self.as_int().ok_or_else(|| RtError::type_("no int")),
        }
    }
    fn to_index(&self) -> RtResult<BigInt> {
        self.as_int().ok_or_else(|| RtError::type_("no index"))
    }
    fn to_f64(&self) -> RtResult<f64> {
        match self {
            V::Float(x) => Ok(*x),
            V::Int(_) | V::Bool(_) => {
                cpjit::rtlib::floatops::bigint_to_f64(&self.as_int().unwrap())
            }
            _ => Err(RtError::type_(format!(
                "must be real number, not {}",
                self.type_name()
            ))),
        }
    }
}

fn rand_value(rng: &mut Rng) -> V {
    match rng.below(9) {
        0 | 1 => {
            // Lone surrogates (for %c) cannot live in a Rust str: rtlib refuses them, see
            // format_char; keep them out of the comparison.
            let n = rng.range(-100000, 100000);
            V::Int(BigInt::from(if (0xd800..0xe000).contains(&n) {
                n + 0x1000
            } else {
                n
            }))
        }
        2 => V::Int(BigInt::from(rng.next()) * BigInt::from(rng.next())),
        3 => V::Bool(rng.below(2) == 0),
        4 | 5 => V::Float(rng.float()),
        6 => V::Str(rng.pick(&["", "a", "hello", "x y", "é", "A"]).to_string()),
        7 => V::None,
        _ => V::List(vec![1, 2]),
    }
}

fn rand_fmt(rng: &mut Rng, with_keys: bool) -> (String, u64) {
    let mut s = String::new();
    let mut need = 0;
    for _ in 0..rng.range(0, 3) {
        if rng.below(3) == 0 {
            s.push_str(*rng.pick(&["ab", " ", "%%", "x", "("]));
        }
        s.push('%');
        if with_keys && rng.below(4) != 0 {
            s.push_str(*rng.pick(&["(a)", "(b)", "(c)", "(zz)", "(a(b))", "("]));
        }
        for _ in 0..rng.below(3) {
            s.push(*rng.pick(&['-', '+', ' ', '#', '0']));
        }
        need += 1;
        match rng.below(5) {
            0 => {
                s.push('*');
                need += 1;
            }
            1 | 2 => s.push_str(&rng.range(0, 15).to_string()),
            _ => {}
        }
        if rng.below(2) == 0 {
            s.push('.');
            match rng.below(6) {
                0 => {
                    s.push('*');
                    need += 1;
                }
                1 => {}
                _ => s.push_str(&rng.range(0, 12).to_string()),
            }
        }
        if rng.below(15) == 0 {
            s.push(*rng.pick(&['h', 'l', 'L']));
        }
        if rng.below(30) != 0 {
            s.push(*rng.pick(&[
                's', 'r', 'a', 'd', 'i', 'u', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G', 'c',
                'c', '%', 'y', 'd', 's',
            ]));
        }
    }
    if rng.below(3) == 0 {
        s.push_str("end");
    }
    (s, need)
}

const PY: &str = r#"
import sys
for line in sys.stdin.read().split('\n'):
    if not line: continue
    f, a = line.split('\t')
    try: print(ascii(f % eval(a)))
    except Exception as e: print(type(e).__name__, e)
"#;

fn show(r: RtResult<String>) -> String {
    match r {
        Ok(s) => py_ascii(&s),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

#[test]
fn percent_matches_python() {
    let mut rng = Rng::new(3);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for i in 0..12000 {
        let keyed = i % 4 == 3;
        let (fmt, need) = rand_fmt(&mut rng, keyed);
        if keyed {
            let vals: Vec<(String, V)> = ["a", "b", "c"]
                .iter()
                .map(|k| (k.to_string(), rand_value(&mut rng)))
                .collect();
            let dict = V::Dict(vals.clone());
            let lit = dict.lit();
            let look = |k: &str| -> RtResult<V> {
                vals.iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| RtError {
                        kind: cpjit::rtlib::ExcKind::KeyError,
                        msg: format!("'{}'", k),
                    })
            };
            let r = percent_format(&fmt, PercentArgs::Single(dict, Some(&look)));
            got.push(show(r));
            inputs.push(format!("{}\t{}", fmt, lit));
        } else if rng.below(4) == 0 {
            let v = if need == 1 && rng.below(2) == 0 {
                V::Int(BigInt::from(rng.range(-99, 99)))
            } else {
                rand_value(&mut rng)
            };
            if matches!(v, V::List(_)) {
                continue;
            }
            got.push(show(percent_format(
                &fmt,
                PercentArgs::Single(v.clone(), None),
            )));
            inputs.push(format!("{}\t{}", fmt, v.lit()));
        } else {
            let n = if rng.below(5) == 0 {
                rng.below(4)
            } else {
                need
            };
            let vals: Vec<V> = (0..n)
                .map(|_| {
                    if rng.below(4) == 0 {
                        V::Int(BigInt::from(rng.range(-20, 20)))
                    } else {
                        rand_value(&mut rng)
                    }
                })
                .collect();
            let lit = format!(
                "({}{})",
                vals.iter().map(|v| v.lit()).collect::<Vec<_>>().join(", "),
                if n == 1 { "," } else { "" }
            );
            got.push(show(percent_format(&fmt, PercentArgs::Tuple(&vals))));
            inputs.push(format!("{}\t{}", fmt, lit));
        }
    }
    let want = py(PY, &inputs.join("\n"));
    check("str % args", &inputs, &got, &want);
}
