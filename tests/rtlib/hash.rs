use crate::common::*;
use cpjit::rtlib::hash::*;
use num_bigint::BigInt;

#[derive(Clone)]
enum H {
    Int(BigInt),
    Float(f64),
    Str(String),
    Bool(bool),
    Tuple(Vec<H>),
    FrozenSet(Vec<H>),
}

impl H {
    fn lit(&self) -> String {
        match self {
            H::Int(n) => n.to_string(),
            H::Float(x) => format!("float('{}')", pyfloat(*x)),
            H::Str(s) => format!(
                "'{}'",
                s.chars()
                    .map(|c| format!("\\U{:08x}", c as u32))
                    .collect::<String>()
            ),
            H::Bool(b) => if *b { "True" } else { "False" }.into(),
            H::Tuple(v) => format!(
                "({}{})",
                v.iter().map(|h| h.lit()).collect::<Vec<_>>().join(", "),
                if v.len() == 1 { "," } else { "" }
            ),
            H::FrozenSet(v) => format!(
                "frozenset([{}])",
                v.iter().map(|h| h.lit()).collect::<Vec<_>>().join(", ")
            ),
        }
    }
    fn hash(&self, secret: &HashSecret) -> i64 {
        match self {
            H::Int(n) => hash_bigint(n),
            H::Float(x) => hash_f64(*x, 0),
            H::Str(s) => hash_str_with(secret, s),
            H::Bool(b) => hash_bool(*b),
            H::Tuple(v) => hash_tuple(v.iter().map(|h| h.hash(secret))),
            H::FrozenSet(v) => {
                // Distinct elements only, as the set holds them (values here never collide
                // across types except by equality, which the generator avoids).
                let mut seen: Vec<String> = Vec::new();
                let mut hs = Vec::new();
                for h in v {
                    let l = h.lit();
                    if !seen.contains(&l) {
                        seen.push(l);
                        hs.push(h.hash(secret));
                    }
                }
                hash_frozenset(hs)
            }
        }
    }
}

fn gen(rng: &mut Rng, depth: u32) -> H {
    match rng.below(if depth > 1 { 4 } else { 6 }) {
        0 => {
            let mut n = BigInt::from(rng.next() as i64 >> rng.below(64));
            for _ in 0..rng.below(3) {
                n = n * BigInt::from(rng.next());
            }
            H::Int(n)
        }
        1 => {
            let x = rng.float();
            H::Float(if x.is_nan() { 1.5 } else { x })
        }
        2 => {
            let n = rng.below(12);
            H::Str(
                (0..n)
                    .map(|_| match rng.below(4) {
                        0 => char::from_u32(rng.range(0x20, 0x7e) as u32).unwrap(),
                        1 => char::from_u32(rng.range(0xa0, 0xff) as u32).unwrap(),
                        2 => char::from_u32(rng.range(0x100, 0xd7ff) as u32).unwrap(),
                        // U+F0800..U+F0FFF stand for lone surrogates in cpjit's strs
                        // (rtlib::surrogate): not the characters python3 would hash.
                        _ => char::from_u32(rng.range(0x10000, 0x10ffff) as u32)
                            .filter(|&c| !cpjit::rtlib::surrogate::is_standin(c))
                            .unwrap_or('x'),
                    })
                    .collect(),
            )
        }
        3 => H::Bool(rng.below(2) == 0),
        4 => H::Tuple((0..rng.below(5)).map(|_| gen(rng, depth + 1)).collect()),
        _ => H::FrozenSet(
            (0..rng.below(6))
                .map(|_| H::Int(BigInt::from(rng.range(-1000, 1000) * 1000 + 7)))
                .collect(),
        ),
    }
}

#[test]
fn hashes_match_python() {
    let mut rng = Rng::new(8);
    let vals: Vec<H> = (0..6000).map(|_| gen(&mut rng, 0)).collect();
    let inputs: Vec<String> = vals.iter().map(|h| h.lit()).collect();
    let script = "import sys\nfor l in sys.stdin.read().split('\\n'): print(hash(eval(l)))";
    for seed in [0u32, 12345] {
        let secret = HashSecret::from_seed(seed);
        let got: Vec<String> = vals.iter().map(|h| h.hash(&secret).to_string()).collect();
        let want = py_env(
            script,
            &inputs.join("\n"),
            &[("PYTHONHASHSEED", &seed.to_string())],
        );
        check(&format!("hash seed {}", seed), &inputs, &got, &want);
    }
    // Integral floats hash like the equal int; specials.
    for x in [
        1.0f64,
        -1.0,
        2f64.powi(61),
        2f64.powi(61) - 2f64.powi(9),
        1e300,
        -0.0,
    ] {
        if x.fract() == 0.0 && x.abs() < 1e20 {
            assert_eq!(hash_f64(x, 0), hash_bigint(&BigInt::from(x as i64)));
        }
    }
    assert_eq!(hash_f64(f64::INFINITY, 0), 314159);
    assert_eq!(hash_i64(-1), -2);
}

#[test]
fn bytes_hash_matches_python() {
    let mut rng = Rng::new(9);
    let data: Vec<Vec<u8>> = (0..2000)
        .map(|_| (0..rng.below(40)).map(|_| rng.next() as u8).collect())
        .collect();
    let inputs: Vec<String> = data
        .iter()
        .map(|d| d.iter().map(|b| format!("{:02x}", b)).collect())
        .collect();
    let secret = HashSecret::from_seed(77);
    let got: Vec<String> = data
        .iter()
        .map(|d| hash_bytes_with(&secret, d).to_string())
        .collect();
    let want = py_env(
        "import sys\nfor l in sys.stdin.read().split('\\n'): print(hash(bytes.fromhex(l)))",
        &inputs.join("\n"),
        &[("PYTHONHASHSEED", "77")],
    );
    check("hash(bytes)", &inputs, &got, &want);
}
