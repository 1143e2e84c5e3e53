use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;

#[test]
fn repr_matches_python() {
    let mut rng = Rng::new(1);
    let xs: Vec<f64> = (0..20000).map(|_| rng.float()).collect();
    let inputs: Vec<String> = xs.iter().map(|x| pyfloat(*x)).collect();
    let want = py(
        "import sys\nfor l in sys.stdin: print(repr(float(l)))",
        &inputs.join("\n"),
    );
    let got: Vec<String> = xs.iter().map(|x| repr_f64(*x)).collect();
    check("repr(float)", &inputs, &got, &want);
}

#[test]
fn complex_repr_matches_python() {
    use cpjit::rtlib::float_repr::repr_complex;
    let mut rng = Rng::new(16);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for _ in 0..5000 {
        let pick = |rng: &mut Rng| {
            if rng.below(3) == 0 {
                *rng.pick(&[0.0, -0.0, 1.0, f64::NAN, f64::INFINITY, -2.5])
            } else {
                rng.float()
            }
        };
        let (re, im) = (pick(&mut rng), pick(&mut rng));
        got.push(repr_complex(re, im));
        inputs.push(format!("{} {}", pyfloat(re), pyfloat(im)));
    }
    let want = py(
        "import sys\nfor l in sys.stdin.read().split('\\n'):\n  a, b = l.split()\n  print(repr(complex(float(a), float(b))))",
        &inputs.join("\n"),
    );
    check("repr(complex)", &inputs, &got, &want);
}

#[test]
fn bytes_repr_matches_python() {
    use cpjit::rtlib::strmethods::repr_bytes;
    let mut rng = Rng::new(17);
    let data: Vec<Vec<u8>> = (0..3000)
        .map(|_| {
            (0..rng.below(12))
                .map(|_| {
                    if rng.below(2) == 0 {
                        *rng.pick(&[b'\'', b'"', b'\\', b'a', b'\n', 0, 0x7f, 0x80, 0xff])
                    } else {
                        rng.next() as u8
                    }
                })
                .collect()
        })
        .collect();
    let inputs: Vec<String> = data
        .iter()
        .map(|d| d.iter().map(|b| format!("{:02x}", b)).collect())
        .collect();
    let got: Vec<String> = data.iter().map(|d| repr_bytes(d)).collect();
    let want = py(
        "import sys\nfor l in sys.stdin.read().split('\\n'): print(repr(bytes.fromhex(l)))",
        &inputs.join("\n"),
    );
    check("repr(bytes)", &inputs, &got, &want);
}
