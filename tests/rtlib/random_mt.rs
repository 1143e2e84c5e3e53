use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;
use cpjit::rtlib::random_mt::Random;
use cpjit::rtlib::RtResult;
use num_bigint::BigInt;

fn show<T>(r: RtResult<T>, f: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(e) => format!("{:?} {}", e.kind, e.msg),
    }
}

const PY: &str = r#"
import sys, random
for line in sys.stdin.read().split('\n'):
    seed, *ops = line.split(';')
    r = random.Random(int(seed))
    out = []
    for op in ops:
        try:
            out.append(repr(eval(op)))
        except Exception as e:
            out.append(type(e).__name__ + ' ' + str(e))
    print(' | '.join(out))
"#;

#[test]
fn random_matches_python() {
    let mut rng = Rng::new(21);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for _ in 0..1500 {
        let seed = match rng.below(4) {
            0 => BigInt::from(rng.range(-5, 100)),
            1 => BigInt::from(rng.next()),
            _ => BigInt::from(rng.next()) * BigInt::from(rng.next()) * BigInt::from(rng.next()),
        };
        let mut r = Random::with_seed(&seed);
        let mut ops = Vec::new();
        let mut out = Vec::new();
        for _ in 0..rng.range(1, 12) {
            let (op, res) = match rng.below(12) {
                0 => ("r.random()".to_string(), repr_f64(r.random())),
                1 => {
                    let k = rng.range(-1, 100);
                    (
                        format!("r.getrandbits({})", k),
                        show(r.getrandbits(k), |v| v.to_string()),
                    )
                }
                2 => {
                    let a = BigInt::from(rng.range(-20, 1000));
                    (
                        format!("r.randrange({})", a),
                        show(r.randrange(&a, None, &BigInt::from(1)), |v| v.to_string()),
                    )
                }
                3 => {
                    let a = BigInt::from(rng.range(-50, 50));
                    let b = BigInt::from(rng.range(-50, 50)) * BigInt::from(rng.range(1, 1 << 40));
                    let s = BigInt::from(*rng.pick(&[1, 1, 2, -3, 0, 7]));
                    (
                        format!("r.randrange({}, {}, {})", a, b, s),
                        show(r.randrange(&a, Some(&b), &s), |v| v.to_string()),
                    )
                }
                4 => {
                    let a = BigInt::from(rng.range(-10, 10));
                    let b = BigInt::from(rng.range(-10, 30));
                    (
                        format!("r.randint({}, {})", a, b),
                        show(r.randint(&a, &b), |v| v.to_string()),
                    )
                }
                5 => {
                    let n = rng.below(12) as usize;
                    (
                        format!("r.choice(range({}))", n),
                        show(r.choice_index(n), |v| v.to_string()),
                    )
                }
                6 => {
                    let n = rng.below(30) as usize;
                    let mut v: Vec<usize> = (0..n).collect();
                    r.shuffle(&mut v);
                    (
                        format!("(lambda x: (r.shuffle(x), x)[1])(list(range({})))", n),
                        format!("{:?}", v),
                    )
                }
                7 => {
                    let n = rng.below(200) as usize;
                    let k = rng.range(-1, 40);
                    (
                        format!("r.sample(range({}), {})", n, k),
                        show(r.sample_indices(n, k), |v| format!("{:?}", v)),
                    )
                }
                8 => (
                    "r.uniform(-2.5, 10)".to_string(),
                    repr_f64(r.uniform(-2.5, 10.0)),
                ),
                9 => {
                    let k = rng.below(6) as usize;
                    (
                        format!("r.choices(range(7), k={})", k),
                        format!("{:?}", r.choices_indices(7, k)),
                    )
                }
                10 => {
                    let w = [1.0, 0.5, 3.0, 0.0];
                    let cum: Vec<f64> = w
                        .iter()
                        .scan(0.0, |s, x| {
                            *s += x;
                            Some(*s)
                        })
                        .collect();
                    (
                        format!("r.choices(range(4), {:?}, k=3)", w),
                        show(r.choices_weighted(4, &cum, 3), |v| format!("{:?}", v)),
                    )
                }
                _ => ("r.gauss(1.0, 2.0)".to_string(), repr_f64(r.gauss(1.0, 2.0))),
            };
            ops.push(op);
            out.push(res);
        }
        inputs.push(format!("{};{}", seed, ops.join(";")));
        got.push(out.join(" | "));
    }
    let want = py(PY, &inputs.join("\n"));
    check("random", &inputs, &got, &want);
}

#[test]
fn str_and_float_seeds_match_python() {
    let seeds = ["", "hello", "é日本", "a much longer seed string that spans more than one sha block of input data.................................................................................................."];
    let mut got = Vec::new();
    let mut inputs = Vec::new();
    for s in seeds {
        let mut r = Random::with_seed(&BigInt::from(0));
        r.seed_bytes(s.as_bytes());
        got.push(format!(
            "{} {}",
            repr_f64(r.random()),
            r.getrandbits(70).unwrap()
        ));
        inputs.push(format!(
            "'{}'",
            s.chars()
                .map(|c| format!("\\U{:08x}", c as u32))
                .collect::<String>()
        ));
    }
    for x in [1.5f64, -2.25, 1e100] {
        let mut r = Random::with_seed(&BigInt::from(0));
        r.seed_hash(cpjit::rtlib::hash::hash_f64(x, 0));
        got.push(format!(
            "{} {}",
            repr_f64(r.random()),
            r.getrandbits(70).unwrap()
        ));
        inputs.push(format!("float('{}')", pyfloat(x)));
    }
    let want = py(
        "import sys, random\nfor l in sys.stdin.read().split('\\n'):\n  r = random.Random(eval(l))\n  print(repr(r.random()), r.getrandbits(70))",
        &inputs.join("\n"),
    );
    check("random string seeds", &inputs, &got, &want);
}
