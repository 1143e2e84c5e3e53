use crate::common::*;
use cpjit::rtlib::complexops::*;
use cpjit::rtlib::float_repr::{repr_complex, repr_f64};
use cpjit::rtlib::format_spec::format_complex;
use cpjit::rtlib::RtResult;

fn show<T>(r: RtResult<T>, fmt: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => fmt(v),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

fn c(z: Complex) -> String {
    format!(
        "complex(float('{}'), float('{}'))",
        pyfloat(z.0),
        pyfloat(z.1)
    )
}

fn part(rng: &mut Rng) -> f64 {
    match rng.below(5) {
        0 => *rng.pick(&[
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.0,
            0.5,
            f64::INFINITY,
            f64::NAN,
            1e300,
            -3.0,
        ]),
        1 => rng.range(-5, 5) as f64,
        _ => (rng.range(-100000, 100000) as f64) / 1000.0,
    }
}

#[test]
fn complex_ops_match_python() {
    let mut rng = Rng::new(19);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    let specs = [
        "", ".2f", "10.3e", "<30", "^25.1g", "+", "-", " ", "#", "z.1f", "08", "=10", "x", ",.2f",
        "_", "n", ".0", ".3", "*>40", "G", ".10E",
    ];
    for i in 0..12000 {
        let a = (part(&mut rng), part(&mut rng));
        let b = if rng.below(3) == 0 {
            (rng.range(-4, 4) as f64, 0.0)
        } else {
            (part(&mut rng), part(&mut rng))
        };
        let (e, r) = match i % 4 {
            0 => (
                format!("{} / {}", c(a), c(b)),
                show(c_div(a, b), |z| repr_complex(z.0, z.1)),
            ),
            1 => (
                format!("{} ** {}", c(a), c(b)),
                show(c_pow(a, b), |z| repr_complex(z.0, z.1)),
            ),
            2 => (format!("abs({})", c(a)), show(c_abs(a), repr_f64)),
            _ => {
                let s = *rng.pick(&specs);
                (
                    format!("format({}, '{}')", c(a), s),
                    show(format_complex(a.0, a.1, s, "complex"), |t| {
                        format!("'{}'", t)
                    }),
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
    check("complex ops", &inputs, &got, &want);
}
