use crate::common::*;
use cpjit::rtlib::float_repr::repr_f64;
use cpjit::rtlib::listsort::list_sort;

/// Each line: direction, the comparison that raises (-1: none), the floats. Prints whether the
/// sort raised, how many comparisons ran, and the list afterwards.
const PY: &str = r#"
import sys
class K:
    __slots__ = ('v',)
    def __init__(s, v): s.v = v
    def __lt__(s, o):
        global cnt
        cnt += 1
        if cnt == limit: raise ValueError
        return s.v < o.v
for line in sys.stdin.read().split('\n'):
    rev, limit, *vals = line.split(' ')
    limit = int(limit); cnt = 0
    lst = [K(float(v)) for v in vals if v]
    try:
        lst.sort(reverse=rev == 'r')
        err = 'ok'
    except ValueError:
        err = 'err'
    print(err, cnt, ' '.join(repr(k.v) for k in lst))
"#;

fn show(v: &[f64]) -> String {
    v.iter().map(|x| repr_f64(*x)).collect::<Vec<_>>().join(" ")
}

#[test]
fn sort_matches_python() {
    let mut rng = Rng::new(20);
    let mut inputs = Vec::new();
    let mut got = Vec::new();
    for _ in 0..2000 {
        let n = match rng.below(4) {
            0 => rng.below(10),
            1 => rng.below(70),
            2 => rng.below(300),
            _ => rng.below(1200),
        } as usize;
        // Runs, duplicates and NaNs (an inconsistent order) exercise galloping and merging.
        let mut v: Vec<f64> = Vec::with_capacity(n);
        while v.len() < n {
            match rng.below(5) {
                0 => {
                    let start = rng.range(-50, 50) as f64;
                    let step = *rng.pick(&[1.0, -1.0, 0.0, 2.0]);
                    for i in 0..rng.below(40) {
                        v.push(start + step * i as f64);
                    }
                }
                1 if rng.below(3) == 0 => v.push(f64::NAN),
                _ => v.push(rng.range(-100, 100) as f64 / 4.0),
            }
        }
        v.truncate(n);
        let reverse = rng.below(3) == 0;
        let limit: i64 = if rng.below(4) == 0 {
            rng.range(1, (n as i64 * 3).max(2))
        } else {
            -1
        };
        inputs.push(format!(
            "{} {} {}",
            if reverse { "r" } else { "f" },
            limit,
            show(&v)
        ));
        let mut cnt: i64 = 0;
        let r = list_sort(&mut v, reverse, |a: &f64, b: &f64| {
            cnt += 1;
            if cnt == limit {
                return Err(());
            }
            Ok(a < b)
        });
        got.push(format!(
            "{} {} {}",
            if r.is_ok() { "ok" } else { "err" },
            cnt,
            show(&v)
        ));
    }
    let want = py(PY, &inputs.join("\n"));
    check("list.sort", &inputs, &got, &want);
}
