use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;
use cpjit::rtlib::floatops::*;
use cpjit::rtlib::round::*;
use cpjit::rtlib::RtResult;
use num_bigint::BigInt;

const PY: &str = r#"
import sys, math
for line in sys.stdin.read().split('\n'):
    try:
        r = eval(line)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
"#;

fn f(x: f64) -> String {
    format!("float('{}')", pyfloat(x))
}

fn show<T>(r: RtResult<T>, fmt: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => fmt(v),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

fn big(rng: &mut Rng) -> BigInt {
    let mut n = BigInt::from(rng.next() as i64 >> rng.below(60));
    for _ in 0..rng.below(12) {
        n = n * BigInt::from(rng.next() >> rng.below(50)) + BigInt::from(rng.below(1000));
    }
    n
}

/// Floats that stress rounding: short decimals, halves, extremes.
fn rfloat(rng: &mut Rng) -> f64 {
    match rng.below(4) {
        0 => (rng.range(-100000, 100000) as f64) / 1000.0 + 0.0005 * rng.range(-1, 1) as f64,
        1 => rng.range(-2000, 2000) as f64 * 0.5,
        _ => rng.float(),
    }
}

#[test]
fn float_ops_match_python() {
    let mut rng = Rng::new(13);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    let specials = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        2.0,
        -2.0,
        0.5,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        1e308,
        3.0,
        -3.0,
        1e-310,
    ];
    for i in 0..16000 {
        let x = if rng.below(5) == 0 {
            *rng.pick(&specials)
        } else {
            rfloat(&mut rng)
        };
        let y = if rng.below(4) == 0 {
            *rng.pick(&specials)
        } else {
            rfloat(&mut rng)
        };
        let (expr, r) = match i % 12 {
            0 => {
                let n = rng.range(-12, 12)
                    + if rng.below(20) == 0 {
                        rng.range(-400, 400)
                    } else {
                        0
                    };
                (
                    format!("round({}, {})", f(x), n),
                    show(round_f64(x, n), repr_f64),
                )
            }
            1 => (
                format!("round({})", f(x)),
                show(round_f64_to_int(x), |v| v.to_string()),
            ),
            2 => (
                format!("{} // {}", f(x), f(y)),
                show(float_floordiv(x, y), repr_f64),
            ),
            3 => (
                format!("{} % {}", f(x), f(y)),
                show(float_mod(x, y), repr_f64),
            ),
            4 => (
                format!("divmod({}, {})", f(x), f(y)),
                show(float_divmod(x, y), |(a, b)| {
                    format!("({}, {})", repr_f64(a), repr_f64(b))
                }),
            ),
            5 => {
                let y = if rng.below(2) == 0 {
                    rng.range(-5, 5) as f64
                } else {
                    y / 100.0
                };
                (
                    format!(
                        "(lambda x, y: 'complex' if x < 0 and math.isfinite(x) and math.isfinite(y) and y != math.floor(y) else x ** y)({}, {})",
                        f(x),
                        f(y)
                    ),
                    show(float_pow(x, y), |v| match v {
                        Some(v) => repr_f64(v),
                        None => "'complex'".into(),
                    }),
                )
            }
            6 => (format!("{}.hex()", f(x)), format!("'{}'", float_hex(x))),
            7 => {
                // Round-trip hex strings, plus mutated ones.
                let mut h = float_hex(x);
                match rng.below(6) {
                    0 => h = h.replace("0x", ""),
                    1 => h = format!("  {}\t", h.to_uppercase()),
                    2 => h = h.replace('p', "P").replace("+", ""),
                    3 => {
                        h = format!(
                            "0x{:x}.{:x}p{}",
                            rng.below(1 << 20),
                            rng.below(1 << 30),
                            rng.range(-1100, 1100)
                        )
                    }
                    4 => {
                        h = format!(
                            "{}{}",
                            *rng.pick(&["-", "+", ""]),
                            *rng.pick(&[
                                "inf",
                                "-Infinity",
                                "nan",
                                "0x.p1",
                                "1p",
                                "0x1.8",
                                ".8p-1074",
                                "0x1p-1075",
                                "0x1.0000000000001p-1075",
                                "0x1.fffffffffffff8p1023",
                                "0x1.fffffffffffff7p1023",
                                "1_0",
                                "0x1p99999999999999999999",
                                "0x1p-99999999999999999999"
                            ])
                        )
                    }
                    _ => {}
                }
                (
                    format!("float.fromhex('{}')", h.replace('\t', "\\t")),
                    show(float_fromhex(&h), repr_f64),
                )
            }
            8 => (
                format!("{}.as_integer_ratio()", f(x)),
                show(as_integer_ratio(x), |(a, b)| format!("({}, {})", a, b)),
            ),
            9 => (
                format!("{}.is_integer()", f(x)),
                if is_integer(x) {
                    "True".into()
                } else {
                    "False".into()
                },
            ),
            10 => {
                let a = big(&mut rng);
                let b = if rng.below(30) == 0 {
                    BigInt::from(0)
                } else {
                    big(&mut rng)
                };
                (
                    format!("({}) / ({})", a, b),
                    show(int_true_divide(&a, &b), repr_f64),
                )
            }
            _ => {
                let a = if rng.below(2) == 0 {
                    big(&mut rng)
                } else {
                    f64_to_bigint(x.trunc()).unwrap_or_default() + BigInt::from(rng.range(-1, 1))
                };
                let c = compare_int_f64(&a, x);
                let s = match c {
                    None => "(False, False, False)".to_string(),
                    Some(o) => format!(
                        "({}, {}, {})",
                        if o.is_lt() { "True" } else { "False" },
                        if o.is_eq() { "True" } else { "False" },
                        if o.is_gt() { "True" } else { "False" }
                    ),
                };
                (
                    format!("(lambda a, x: (a < x, a == x, a > x))({}, {})", a, f(x)),
                    s,
                )
            }
        };
        got.push(r);
        inputs.push(expr);
    }
    // int round and float -> int
    for _ in 0..2000 {
        let a = big(&mut rng);
        let n = rng.range(-30, 3);
        got.push(round_int(&a, n).to_string());
        inputs.push(format!("round({}, {})", a, n));
        let x = rng.float();
        got.push(show(f64_to_bigint(x), |v| v.to_string()));
        inputs.push(format!("int({})", f(x)));
    }
    let want = py(PY, &inputs.join("\n"));
    check("float ops", &inputs, &got, &want);
}

#[test]
fn round_examples() {
    assert_eq!(round_f64(2.675, 2).unwrap(), 2.67);
    assert_eq!(
        int_true_divide(&BigInt::from(10).pow(400u32), &BigInt::from(10).pow(399u32)).unwrap(),
        10.0
    );
}
