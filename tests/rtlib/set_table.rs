use crate::common::*;
use cpjit::rtlib::hash::hash_i64;
use cpjit::rtlib::set_table::SetTable;
use std::convert::Infallible;

fn eq(a: &i64, b: &i64) -> Result<bool, Infallible> {
    Ok(a == b)
}

fn key(rng: &mut Rng) -> i64 {
    match rng.below(6) {
        0 | 1 => rng.range(-20, 60),
        2 => rng.range(0, 40) * 8,
        3 => rng.range(-10, 10) * 64 + rng.range(0, 2),
        4 => (1i64 << 61) - 1 + rng.range(-5, 5),
        _ => rng.range(-1000, 1000) * 1024 + rng.range(-1, 1),
    }
}

fn keys(rng: &mut Rng) -> Vec<i64> {
    (0..rng.range(0, 30)).map(|_| key(rng)).collect()
}

fn from_literal(ks: &[i64]) -> SetTable<i64> {
    let mut t = SetTable::new();
    for &k in ks {
        t.add(k, hash_i64(k), eq).unwrap();
    }
    t
}

fn list(t: &SetTable<i64>) -> String {
    format!(
        "[{}]",
        t.iter()
            .map(|(k, _)| k.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
}

const PY: &str = r#"
import sys
for case in sys.stdin.read().split('\n'):
    s = set()
    out = []
    for op in case.split(';'):
        if not op: continue
        o, *a = op.split(' ')
        a = [int(x) for x in a if x]
        if o == 'a': s.add(a[0])
        elif o == 'd': s.discard(a[0])
        elif o == 'p': out.append(str(s.pop()) if s else 'E')
        elif o == 'u': s.update(a)
        elif o == 'U': s.update(set(a))
        elif o == 'D': s.update(dict.fromkeys(a))
        elif o == 'c': s = s.copy()
        elif o == 'C': s.clear()
        elif o == 'n': s = set(a)
    out.append(str(list(s)))
    print(' '.join(out))
"#;

#[test]
fn set_order_matches_python() {
    let mut rng = Rng::new(10);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for _ in 0..1500 {
        let mut s = SetTable::new();
        let mut ops = Vec::new();
        let mut out = Vec::new();
        for _ in 0..rng.range(1, 80) {
            match rng.below(20) {
                0..=7 => {
                    let k = key(&mut rng);
                    s.add(k, hash_i64(k), eq).unwrap();
                    ops.push(format!("a {}", k));
                }
                8..=11 => {
                    // Prefer present keys so deletions happen.
                    let present: Vec<i64> = s.iter().map(|(k, _)| *k).collect();
                    let k = if !present.is_empty() && rng.below(4) != 0 {
                        *rng.pick(&present)
                    } else {
                        key(&mut rng)
                    };
                    s.discard(&k, hash_i64(k), eq).unwrap();
                    ops.push(format!("d {}", k));
                }
                12 => {
                    out.push(match s.pop() {
                        Some((k, _)) => k.to_string(),
                        None => "E".into(),
                    });
                    ops.push("p".into());
                }
                13 | 14 => {
                    let ks = keys(&mut rng);
                    for &k in &ks {
                        s.add(k, hash_i64(k), eq).unwrap();
                    }
                    ops.push(format!(
                        "u {}",
                        ks.iter()
                            .map(|k| k.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    ));
                }
                15 => {
                    let ks = keys(&mut rng);
                    s.merge(&from_literal(&ks), eq).unwrap();
                    ops.push(format!(
                        "U {}",
                        ks.iter()
                            .map(|k| k.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    ));
                }
                16 => {
                    let ks = keys(&mut rng);
                    // dict.fromkeys keeps first-insertion order of distinct keys.
                    let mut distinct: Vec<i64> = Vec::new();
                    for &k in &ks {
                        if !distinct.contains(&k) {
                            distinct.push(k);
                        }
                    }
                    s.reserve_for_update(distinct.len());
                    for &k in &distinct {
                        s.add(k, hash_i64(k), eq).unwrap();
                    }
                    ops.push(format!(
                        "D {}",
                        ks.iter()
                            .map(|k| k.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    ));
                }
                17 => {
                    s = s.copy();
                    ops.push("c".into());
                }
                18 => {
                    if rng.below(3) == 0 {
                        s.clear();
                        ops.push("C".into());
                    }
                }
                _ => {
                    let ks = keys(&mut rng);
                    s = from_literal(&ks);
                    ops.push(format!(
                        "n {}",
                        ks.iter()
                            .map(|k| k.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    ));
                }
            }
        }
        out.push(list(&s));
        got.push(out.join(" "));
        inputs.push(ops.join(";"));
    }
    let want = py(PY, &inputs.join("\n"));
    check("set order", &inputs, &got, &want);
}

#[test]
fn literal_example() {
    let t = from_literal(&[3, 1, 2, 100, 33, -5]);
    let want = py("print(list({3, 1, 2, 100, 33, -5}))", "");
    assert_eq!(list(&t), want[0]);
}

const PY_OPS: &str = r#"
import sys
for case in sys.stdin.read().split('\n'):
    op, la, lr, lb = case.split('|')
    la, lr, lb = ([int(x) for x in l.split(' ') if x] for l in (la, lr, lb))
    a = set(la)
    for x in lr: a.discard(x)
    b = set(lb)
    if op == 'i': r = a & b
    elif op == 'I': r = a.intersection(lb)
    elif op == 'd': r = a - b
    elif op == 'D': a -= b; r = a
    elif op == 'L': a.difference_update(lb); r = a
    elif op == 'x': r = a ^ b
    elif op == 'X': a ^= b; r = a
    elif op == 'u': r = a | b
    elif op == 'F': r = a.difference(dict.fromkeys(lb))
    print(list(r))
"#;

#[test]
fn set_algebra_order_matches_python() {
    use cpjit::rtlib::set_ops::*;
    let mut rng = Rng::new(11);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    let join = |v: &[i64]| {
        v.iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for _ in 0..3000 {
        let op = *rng.pick(&['i', 'I', 'd', 'D', 'L', 'x', 'X', 'u', 'F']);
        let scale = *rng.pick(&[3u64, 10, 40, 120]);
        let la: Vec<i64> = (0..rng.below(scale)).map(|_| key(&mut rng)).collect();
        let lr: Vec<i64> = la.iter().copied().filter(|_| rng.below(3) == 0).collect();
        let lb: Vec<i64> = (0..rng.below(scale * 2)).map(|_| key(&mut rng)).collect();
        let mut a = from_literal(&la);
        for &x in &lr {
            a.discard(&x, hash_i64(x), eq).unwrap();
        }
        let b = from_literal(&lb);
        let items = |l: &[i64]| -> Vec<Result<(i64, i64), Infallible>> {
            l.iter().map(|&k| Ok((k, hash_i64(k)))).collect()
        };
        let r = match op {
            'i' => intersection(&a, &b, eq).unwrap(),
            'I' => intersection_iter(&a, items(&lb), eq).unwrap(),
            'd' => difference(&a, &b, eq).unwrap(),
            'D' => {
                difference_update(&mut a, &b, eq).unwrap();
                a
            }
            'L' => {
                difference_update_iter(&mut a, items(&lb), eq).unwrap();
                a
            }
            'x' => symmetric_difference(&a, &b, eq).unwrap(),
            'X' => {
                let bi: Vec<(i64, i64)> = b.iter().map(|(k, h)| (*k, h)).collect();
                symmetric_difference_update(&mut a, bi, eq).unwrap();
                a
            }
            'u' => union(&a, &b, eq).unwrap(),
            _ => {
                let mut distinct: Vec<i64> = Vec::new();
                for &k in &lb {
                    if !distinct.contains(&k) {
                        distinct.push(k);
                    }
                }
                match difference_dict(&a, distinct.len(), |k, _| Ok(distinct.contains(k)), eq)
                    .unwrap()
                {
                    Some(r) => r,
                    None => {
                        let mut r = a.copy();
                        difference_update_iter(&mut r, items(&distinct), eq).unwrap();
                        r
                    }
                }
            }
        };
        got.push(list(&r));
        inputs.push(format!("{}|{}|{}|{}", op, join(&la), join(&lr), join(&lb)));
    }
    let want = py(PY_OPS, &inputs.join("\n"));
    check("set algebra order", &inputs, &got, &want);
}
