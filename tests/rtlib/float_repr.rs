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
