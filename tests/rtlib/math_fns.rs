use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;
use cpjit::rtlib::math_fns as m;
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

fn rf(r: RtResult<f64>) -> String {
    show(r, repr_f64)
}

fn b(x: bool) -> String {
    if x { "True" } else { "False" }.into()
}

fn arg(rng: &mut Rng) -> f64 {
    let specials = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        2.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        1e308,
        -1e308,
        710.0,
        1e-310,
        3.0,
    ];
    match rng.below(6) {
        0 => *rng.pick(&specials),
        1 => (rng.range(-4000, 4000) as f64) / 1000.0,
        2 => (rng.range(-1000, 1000) as f64) / 997.0,
        _ => rng.float(),
    }
}

fn big(rng: &mut Rng) -> BigInt {
    let mut n = BigInt::from(rng.next() as i64 >> rng.below(62));
    for _ in 0..rng.below(5) {
        n = n * BigInt::from(rng.next() >> rng.below(60));
    }
    n
}

#[test]
fn math_matches_python() {
    let mut rng = Rng::new(14);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    let unary: &[(&str, fn(f64) -> RtResult<f64>)] = &[
        ("sqrt", m::sqrt),
        ("cbrt", m::cbrt),
        ("exp", m::exp),
        ("exp2", m::exp2),
        ("expm1", m::expm1),
        ("sin", m::sin),
        ("cos", m::cos),
        ("tan", m::tan),
        ("asin", m::asin),
        ("acos", m::acos),
        ("atan", m::atan),
        ("sinh", m::sinh),
        ("cosh", m::cosh),
        ("tanh", m::tanh),
        ("asinh", m::asinh),
        ("acosh", m::acosh),
        ("atanh", m::atanh),
        ("log1p", m::log1p),
        ("gamma", m::gamma),
        ("erf", m::erf),
        ("erfc", m::erfc),
        ("lgamma", m::lgamma),
    ];
    for i in 0..30000 {
        let x = arg(&mut rng);
        let y = arg(&mut rng);
        let (e, r) = match i % 24 {
            0..=5 => {
                let (name, func) = unary[rng.below(unary.len() as u64) as usize];
                (format!("math.{}({})", name, f(x)), rf(func(x)))
            }
            6 => (
                format!("math.log({})", f(x)),
                rf(m::log(&m::LogArg::Float(x), None)),
            ),
            7 => {
                let n = big(&mut rng) * BigInt::from(10).pow(rng.below(400) as u32);
                let base = m::LogArg::Float(y);
                (
                    format!("math.log({}, {})", n, f(y)),
                    rf(m::log(&m::LogArg::Int(n), Some(&base))),
                )
            }
            8 => {
                let n = big(&mut rng) * BigInt::from(7).pow(rng.below(500) as u32);
                if rng.below(2) == 0 {
                    (format!("math.log2({})", n), rf(m::log2(&m::LogArg::Int(n))))
                } else {
                    (
                        format!("math.log10({})", n),
                        rf(m::log10(&m::LogArg::Int(n))),
                    )
                }
            }
            9 => (
                format!("math.log2({})", f(x)),
                rf(m::log2(&m::LogArg::Float(x))),
            ),
            10 => (
                format!("math.log10({})", f(x)),
                rf(m::log10(&m::LogArg::Float(x))),
            ),
            11 => (format!("math.pow({}, {})", f(x), f(y)), rf(m::pow(x, y))),
            12 => (format!("math.fmod({}, {})", f(x), f(y)), rf(m::fmod(x, y))),
            13 => (
                format!("math.atan2({}, {})", f(x), f(y)),
                rf(m::atan2(x, y)),
            ),
            14 => (
                format!("math.remainder({}, {})", f(x), f(y)),
                rf(m::remainder(x, y)),
            ),
            15 => {
                let n = rng.below(6) as usize;
                let v: Vec<f64> = (0..n).map(|_| arg(&mut rng)).collect();
                (
                    format!(
                        "math.hypot({})",
                        v.iter().map(|x| f(*x)).collect::<Vec<_>>().join(", ")
                    ),
                    repr_f64(m::hypot(&v)),
                )
            }
            16 => {
                let n = rng.below(20) as usize;
                let v: Vec<f64> = (0..n)
                    .map(|_| {
                        if rng.below(30) == 0 {
                            arg(&mut rng)
                        } else {
                            (rng.range(-1000, 1000) as f64) * 10f64.powi(rng.range(-20, 20) as i32)
                        }
                    })
                    .collect();
                (
                    format!(
                        "math.fsum([{}])",
                        v.iter().map(|x| f(*x)).collect::<Vec<_>>().join(", ")
                    ),
                    rf(m::fsum(v.iter().copied())),
                )
            }
            17 => {
                let which = rng.below(3);
                let r = match which {
                    0 => m::floor(x),
                    1 => m::ceil(x),
                    _ => m::trunc(x),
                };
                (
                    format!(
                        "math.{}({})",
                        ["floor", "ceil", "trunc"][which as usize],
                        f(x)
                    ),
                    show(r, |v| v.to_string()),
                )
            }
            18 => {
                let (rel, abs) = (
                    *rng.pick(&[1e-9, 0.1, 0.0, -1.0]),
                    *rng.pick(&[0.0, 1e-3, 5.0, -0.5]),
                );
                let y = if rng.below(2) == 0 {
                    x * (1.0 + 1e-10 * rng.range(-20, 20) as f64)
                } else {
                    y
                };
                (
                    format!(
                        "math.isclose({}, {}, rel_tol={}, abs_tol={})",
                        f(x),
                        f(y),
                        f(rel),
                        f(abs)
                    ),
                    show(m::isclose(x, y, rel, abs), b),
                )
            }
            19 => {
                let e = BigInt::from(rng.range(-1200, 1200))
                    * BigInt::from(if rng.below(20) == 0 { 1i64 << 40 } else { 1 });
                (format!("math.ldexp({}, {})", f(x), e), rf(m::ldexp(x, &e)))
            }
            20 => {
                let which = rng.below(3);
                match which {
                    0 => {
                        let (a, e) = m::frexp(x);
                        (
                            format!("math.frexp({})", f(x)),
                            format!("({}, {})", repr_f64(a), e),
                        )
                    }
                    1 => {
                        let (a, c) = m::modf(x);
                        (
                            format!("math.modf({})", f(x)),
                            format!("({}, {})", repr_f64(a), repr_f64(c)),
                        )
                    }
                    _ => (
                        format!("math.degrees({}), math.radians({})", f(x), f(y)),
                        format!("({}, {})", repr_f64(m::degrees(x)), repr_f64(m::radians(y))),
                    ),
                }
            }
            21 => {
                let n = BigInt::from(rng.range(-3, 400));
                (
                    format!("math.factorial({})", n),
                    show(m::factorial(&n), |v| v.to_string()),
                )
            }
            22 => {
                let n = BigInt::from(rng.range(-2, 60));
                let k = BigInt::from(rng.range(-2, 70));
                if rng.below(2) == 0 {
                    (
                        format!("math.comb({}, {})", n, k),
                        show(m::comb(&n, &k), |v| v.to_string()),
                    )
                } else if rng.below(5) == 0 {
                    (
                        format!("math.perm({})", n),
                        show(m::perm(&n, None), |v| v.to_string()),
                    )
                } else {
                    (
                        format!("math.perm({}, {})", n, k),
                        show(m::perm(&n, Some(&k)), |v| v.to_string()),
                    )
                }
            }
            _ => {
                let v: Vec<BigInt> = (0..rng.below(4))
                    .map(|_| big(&mut rng) * BigInt::from(rng.range(-6, 6)))
                    .collect();
                let list = v
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                match rng.below(3) {
                    0 => (format!("math.gcd({})", list), m::gcd(&v).to_string()),
                    1 => (format!("math.lcm({})", list), m::lcm(&v).to_string()),
                    _ => {
                        let n = big(&mut rng) * big(&mut rng) * BigInt::from(rng.range(-1, 5));
                        (
                            format!("math.isqrt({})", n),
                            show(m::isqrt(&n), |v| v.to_string()),
                        )
                    }
                }
            }
        };
        got.push(r);
        inputs.push(e);
    }
    let want = py(PY, &inputs.join("\n"));
    check("math", &inputs, &got, &want);
}

#[test]
fn special_functions_dense() {
    // erf/erfc/gamma/lgamma/cbrt/asinh/acosh/atanh on a dense sweep of their interesting ranges.
    let mut rng = Rng::new(18);
    let fns: &[(&str, fn(f64) -> RtResult<f64>)] = &[
        ("erf", m::erf),
        ("erfc", m::erfc),
        ("gamma", m::gamma),
        ("lgamma", m::lgamma),
        ("cbrt", m::cbrt),
        ("asinh", m::asinh),
        ("acosh", m::acosh),
        ("atanh", m::atanh),
    ];
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for i in 0..16000 {
        let (name, func) = fns[i % fns.len()];
        let x =
            (rng.next() as f64 / u64::MAX as f64 - 0.5) * *rng.pick(&[2.0, 8.0, 16.0, 60.0, 400.0]);
        got.push(rf(func(x)));
        inputs.push(format!("math.{}({})", name, f(x)));
    }
    let want = py(PY, &inputs.join("\n"));
    check("special functions", &inputs, &got, &want);
}
