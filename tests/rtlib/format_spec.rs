use crate::common::*;
use cpjit::rtlib::format_spec::{format_float, format_int, format_str};
use cpjit::rtlib::RtResult;
use num_bigint::BigInt;

/// Python side: each line is "kind\tvalue\tspec"; prints the result or the exception.
const PY: &str = r#"
import sys
for line in sys.stdin.read().split('\n'):
    if not line: continue
    k, v, s = line.split('\t')
    s = s.replace('\\t', '\t'); v = v.replace('\\t', '\t')
    v = {'i': int, 'f': float, 's': str}[k](v)
    try: print(ascii(format(v, s)))
    except Exception as e: print(type(e).__name__, e)
"#;

fn show(r: RtResult<String>) -> String {
    match r {
        Ok(s) => py_ascii(&s),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

fn random_spec(rng: &mut Rng, types: &str) -> String {
    let mut s = String::new();
    if rng.below(4) == 0 {
        if rng.below(2) == 0 {
            s.push(*rng.pick(&['*', '0', 'x', ' ', '<', '_', ',', 'é']));
        }
        s.push(*rng.pick(&['<', '>', '=', '^']));
    }
    if rng.below(4) == 0 {
        s.push(*rng.pick(&['+', '-', ' ']));
    }
    if rng.below(12) == 0 {
        s.push('z');
    }
    if rng.below(5) == 0 {
        s.push('#');
    }
    if rng.below(4) == 0 {
        s.push('0');
    }
    if rng.below(2) == 0 {
        s.push_str(&rng.range(0, 30).to_string());
    }
    if rng.below(5) == 0 {
        s.push(*rng.pick(&[',', '_']));
    }
    if rng.below(40) == 0 {
        s.push(*rng.pick(&[',', '_']));
    }
    if rng.below(2) == 0 {
        s.push('.');
        if rng.below(30) != 0 {
            s.push_str(&rng.range(0, 25).to_string());
        }
    }
    if rng.below(6) != 0 {
        let t: Vec<char> = types.chars().collect();
        s.push(*rng.pick(&t));
    }
    if rng.below(50) == 0 {
        s.push('q');
    }
    s
}

fn big(rng: &mut Rng) -> BigInt {
    match rng.below(4) {
        0 => BigInt::from(rng.range(-1000, 1000)),
        1 => BigInt::from(rng.next() as i64),
        2 => BigInt::from(rng.range(0, 0x10ffff)),
        _ => {
            let mut b = BigInt::from(rng.next());
            for _ in 0..rng.below(6) {
                b = b * BigInt::from(rng.next()) + BigInt::from(rng.next());
            }
            if rng.below(2) == 0 {
                -b
            } else {
                b
            }
        }
    }
}

#[test]
fn format_matches_python() {
    let mut rng = Rng::new(2);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for _ in 0..6000 {
        let spec = random_spec(&mut rng, "bcdoxXneEfFgG%sy");
        let v = big(&mut rng);
        got.push(show(format_int(&v, &spec, "int")));
        inputs.push(format!("i\t{}\t{}", v, spec));
    }
    for _ in 0..8000 {
        let spec = random_spec(&mut rng, "eEfFgGn%dsx");
        let x = rng.float();
        got.push(show(format_float(x, &spec, "float")));
        inputs.push(format!("f\t{}\t{}", pyfloat(x), spec));
    }
    let words = ["", "a", "hello", "ab'c", "日本語", "x y z", "tab\\t"];
    for _ in 0..3000 {
        let spec = random_spec(&mut rng, "sdr");
        let raw = *rng.pick(&words);
        let w = raw.replace("\\t", "\t");
        got.push(show(format_str(&w, &spec, "str")));
        inputs.push(format!("s\t{}\t{}", raw, spec));
    }
    let want: Vec<String> = py(PY, &inputs.join("\n"))
        .into_iter()
        .map(|l| {
            for k in ["ValueError", "OverflowError", "MemoryError"] {
                if let Some(rest) = l.strip_prefix(&format!("{} ", k)) {
                    return format!("{} {}", k, rest);
                }
            }
            l
        })
        .collect();
    check("format()", &inputs, &got, &want);
}

#[test]
fn huge_widths_are_memory_errors() {
    use cpjit::rtlib::percent_format::{percent_format, PercentArg, PercentArgs};
    use cpjit::rtlib::{ExcKind, RtError};
    assert_eq!(
        format_int(&BigInt::from(1), "300000000", "int")
            .unwrap_err()
            .kind,
        ExcKind::MemoryError
    );
    assert_eq!(
        format_float(1.0, ".300000000f", "float").unwrap_err().kind,
        ExcKind::MemoryError
    );
    #[derive(Clone)]
    struct One;
    impl PercentArg for One {
        type Error = RtError;
        fn is_type_error(e: &RtError) -> bool {
            e.kind == ExcKind::TypeError
        }
        fn type_name(&self) -> String {
            "int".into()
        }
        fn str(&self) -> Result<String, RtError> {
            Ok("1".into())
        }
        fn repr(&self) -> Result<String, RtError> {
            Ok("1".into())
        }
        fn as_int(&self) -> Option<BigInt> {
            Some(BigInt::from(1))
        }
        fn as_str(&self) -> Option<String> {
            None
        }
        fn is_number(&self) -> bool {
            true
        }
        fn to_int(&self) -> Result<BigInt, RtError> {
            Ok(BigInt::from(1))
        }
        fn to_index(&self) -> Result<BigInt, RtError> {
            Ok(BigInt::from(1))
        }
        fn to_f64(&self) -> Result<f64, RtError> {
            Ok(1.0)
        }
    }
    let r = percent_format("%300000000d", PercentArgs::Single(One, None));
    assert_eq!(r.unwrap_err().kind, ExcKind::MemoryError);
    // Just under the cap for small cases still works.
    assert_eq!(
        percent_format("%5d", PercentArgs::Single(One, None)).unwrap(),
        "    1"
    );
}
