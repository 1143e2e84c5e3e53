use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;
use cpjit::rtlib::intops::*;
use cpjit::rtlib::RtResult;
use num_bigint::BigInt;

fn show<T>(r: RtResult<T>, fmt: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => fmt(v),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

fn int(rng: &mut Rng) -> BigInt {
    match rng.below(4) {
        0 => BigInt::from(rng.range(-10, 10)),
        1 => BigInt::from(rng.next() as i64),
        _ => {
            let mut n = BigInt::from(rng.next() as i64 >> rng.below(63));
            for _ in 0..rng.below(4) {
                n = n * BigInt::from(rng.next());
            }
            n
        }
    }
}

#[test]
fn int_ops_match_python() {
    let mut rng = Rng::new(15);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for i in 0..12000 {
        let a = int(&mut rng);
        let b = int(&mut rng);
        let (e, r) = match i % 7 {
            0 => (
                format!("({}) // ({})", a, b),
                show(floordiv(&a, &b), |v| v.to_string()),
            ),
            1 => (
                format!("({}) % ({})", a, b),
                show(modulo(&a, &b), |v| v.to_string()),
            ),
            2 => (
                format!("divmod({}, {})", a, b),
                show(divmod(&a, &b), |(q, r)| format!("({}, {})", q, r)),
            ),
            3 => {
                let b = BigInt::from(rng.range(-40, 40));
                let a = if rng.below(2) == 0 {
                    BigInt::from(rng.range(-5, 5))
                } else {
                    a
                };
                (
                    format!("({}) ** ({})", a, b),
                    show(pow(&a, &b), |v| match v {
                        PowResult::Int(n) => n.to_string(),
                        PowResult::Float(x) => repr_f64(x),
                    }),
                )
            }
            4 => {
                let m = if rng.below(10) == 0 {
                    BigInt::from(0)
                } else {
                    int(&mut rng)
                };
                (
                    format!("pow({}, {}, {})", a, b, m),
                    show(pow_mod(&a, &b, &m), |v| v.to_string()),
                )
            }
            5 => {
                let n = BigInt::from(rng.range(-3, 200));
                (
                    format!("({}) << ({})", a, n),
                    show(lshift(&a, &n), |v| v.to_string()),
                )
            }
            _ => {
                let n = BigInt::from(rng.range(-3, 300));
                (
                    format!("({}) >> ({})", a, n),
                    show(rshift(&a, &n), |v| v.to_string()),
                )
            }
        };
        got.push(r);
        inputs.push(e);
    }
    let want = py(
        "import sys\nfor l in sys.stdin.read().split('\\n'):\n  try: print(repr(eval(l)))\n  except Exception as e: print(type(e).__name__, e)",
        &inputs.join("\n"),
    );
    check("int ops", &inputs, &got, &want);
}
