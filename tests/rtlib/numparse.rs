use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;
use cpjit::rtlib::numparse::{
    int_to_base_prefixed, int_to_decimal_limited, parse_float, parse_int,
};
use cpjit::rtlib::RtResult;
use num_bigint::BigInt;

const PIECES: &[&str] = &[
    "0",
    "1",
    "7",
    "9",
    "12",
    "0x",
    "0X",
    "0o",
    "0b",
    "0B",
    "_",
    "__",
    " ",
    "\\t",
    "\\u00a0",
    "\\u3000",
    "\\u0663",
    "\\uff11",
    "\\u00b2",
    "+",
    "-",
    "a",
    "f",
    "F",
    "z",
    "Z",
    ".",
    "e",
    "E",
    "e+",
    "e-",
    "inf",
    "INFINITY",
    "nan",
    "NaN",
    "1e5",
    "\\x00",
    "\\x7f",
    "\\u00e9",
    "123456789",
    "00",
    "1_000",
];

fn rand_text(rng: &mut Rng) -> String {
    let n = rng.range(0, 5);
    (0..n).map(|_| *rng.pick(PIECES)).collect()
}

/// Mostly well-formed numbers, with occasional defects.
fn plausible(rng: &mut Rng, float: bool) -> String {
    let mut s = String::new();
    let ws = ["", "", " ", "\\t", "\\u00a0"];
    s.push_str(*rng.pick(&ws));
    s.push_str(*rng.pick(&["", "", "+", "-"]));
    if !float && rng.below(3) == 0 {
        s.push_str(*rng.pick(&["0x", "0o", "0b", "0X", "0"]));
        if rng.below(4) == 0 {
            s.push('_');
        }
    }
    let digits = |rng: &mut Rng, s: &mut String| {
        for i in 0..rng.range(1, 12) {
            if i > 0 && rng.below(6) == 0 {
                s.push('_');
            }
            s.push_str(*rng.pick(&["0", "1", "2", "5", "7", "9", "a", "f", "\\u0663"]));
        }
    };
    digits(rng, &mut s);
    if float {
        if rng.below(2) == 0 {
            s.push('.');
            digits(rng, &mut s);
        }
        if rng.below(2) == 0 {
            s.push_str(*rng.pick(&["e", "E", "e-", "e+"]));
            s.push_str(&rng.range(0, 400).to_string());
        }
    }
    if rng.below(10) == 0 {
        s.push_str(*rng.pick(&PIECES));
    }
    s.push_str(*rng.pick(&ws));
    s
}

fn unescape(s: &str) -> String {
    // The pieces only use \t, \xNN and \uNNNN escapes.
    let mut out = String::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == '\\' {
            match cs[i + 1] {
                't' => {
                    out.push('\t');
                    i += 2;
                }
                'x' => {
                    let h: String = cs[i + 2..i + 4].iter().collect();
                    out.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
                    i += 4;
                }
                _ => {
                    let h: String = cs[i + 2..i + 6].iter().collect();
                    out.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
                    i += 6;
                }
            }
        } else {
            out.push(cs[i]);
            i += 1;
        }
    }
    out
}

fn show<T: ToString>(r: RtResult<T>) -> String {
    match r {
        Ok(v) => v.to_string(),
        Err(e) => py_ascii(&format!("{:?} {}", e.kind, e.msg)),
    }
}

const PY_INT: &str = r#"
import sys
for line in sys.stdin.read().split('\n'):
    if not line: continue
    b, s = line.split(' ', 1)
    s = s.encode().decode('unicode_escape') if '\\' in s else s
    try: print(int(s, int(b)))
    except Exception as e: print(ascii(type(e).__name__ + ' ' + str(e)))
"#;

#[test]
fn int_parse_matches_python() {
    let mut rng = Rng::new(5);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for i in 0..10000 {
        let t = if i % 2 == 0 {
            plausible(&mut rng, false)
        } else {
            rand_text(&mut rng)
        };
        let base = match rng.below(8) {
            0 => 0,
            1 => 2,
            2 => 8,
            3 => 16,
            4 => 36,
            5 => *rng.pick(&[1, 37, 3, 7]),
            _ => 10,
        } as u32;
        got.push(show(parse_int(&unescape(&t), base)));
        inputs.push(format!("{} {}", base, t));
    }
    // Long inputs: the 4300-digit limit and repr truncation in the message.
    for n in [600usize, 4300, 4301, 5000] {
        let t = "7".repeat(n);
        got.push(show(parse_int(&t, 10)));
        inputs.push(format!("10 {}", t));
        let t = format!("{}x", "1".repeat(n));
        got.push(show(parse_int(&t, 10)));
        inputs.push(format!("10 {}", t));
    }
    // Python's unicode_escape decodes only when a backslash is present, like unescape().
    let want = py(PY_INT, &inputs.join("\n"));
    check("int(str, base)", &inputs, &got, &want);
}

const PY_FLOAT: &str = r#"
import sys
for line in sys.stdin.read().split('\n'):
    if not line: continue
    s = line[1:]
    s = s.encode().decode('unicode_escape') if '\\' in s else s
    try: print(repr(float(s)))
    except Exception as e: print(ascii(type(e).__name__ + ' ' + str(e)))
"#;

#[test]
fn float_parse_matches_python() {
    let mut rng = Rng::new(6);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for i in 0..10000 {
        let t = match i % 3 {
            0 => pyfloat(rng.float()),
            1 => plausible(&mut rng, true),
            _ => rand_text(&mut rng),
        };
        got.push(show(parse_float(&unescape(&t)).map(repr_f64)));
        inputs.push(format!("|{}", t));
    }
    let want = py(PY_FLOAT, &inputs.join("\n"));
    check("float(str)", &inputs, &got, &want);
}

#[test]
fn int_to_str_matches_python() {
    let mut rng = Rng::new(7);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for i in 0..3000 {
        let mut v = BigInt::from(rng.next() as i64);
        for _ in 0..rng.below(4) {
            v = v * BigInt::from(rng.next());
        }
        let f = ["bin", "oct", "hex", "str"][i % 4];
        got.push(match f {
            "bin" => int_to_base_prefixed(&v, 2),
            "oct" => int_to_base_prefixed(&v, 8),
            "hex" => int_to_base_prefixed(&v, 16),
            _ => show(int_to_decimal_limited(&v, 4300)),
        });
        inputs.push(format!("{} {}", f, v));
    }
    for e in [4299u32, 4300, 4301, 9000] {
        let v = BigInt::from(10).pow(e - 1) * 3;
        got.push(show(int_to_decimal_limited(&v, 4300)));
        inputs.push(format!("str 3*10**{}", e - 1));
    }
    let want = py(
        "import sys\nfor l in sys.stdin.read().split('\\n'):\n  f, v = l.split(' ')\n  try: print(eval(f)(eval(v)))\n  except Exception as e: print(ascii(type(e).__name__ + ' ' + str(e)))",
        &inputs.join("\n"),
    );
    check("int to str", &inputs, &got, &want);
}
