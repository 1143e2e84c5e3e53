//! Statistics of `cpjit bench`: medians, a bootstrap confidence interval for the ratio of two
//! medians, the geometric mean, and a rank test for `--compare`.
//!
//! The bootstrap uses its own small generator (SplitMix64) with a fixed seed, so the same samples
//! always give the same interval, across runs, machines and versions of any crate.

/// Resamples drawn for a bootstrap interval.
pub const RESAMPLES: usize = 2000;
/// The seed of every bootstrap: intervals are reproducible.
pub const SEED: u64 = 0x00c0_ffee_5eed_2026;

/// The median; `None` for no samples. An even count averages the two middle values.
pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Smallest and largest sample.
pub fn min_max(xs: &[f64]) -> Option<(f64, f64)> {
    let min = xs.iter().copied().min_by(f64::total_cmp)?;
    let max = xs.iter().copied().max_by(f64::total_cmp)?;
    Some((min, max))
}

/// The `q`-quantile (0..=1) of sorted values, interpolating linearly between neighbours.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    let pos = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and fixed forever, unlike a library's
/// default generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is below 2^-50 for the sizes used here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// A point estimate with a confidence interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

fn resample_median(xs: &[f64], rng: &mut Rng, buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    buf.extend((0..xs.len()).map(|_| xs[rng.below(xs.len())]));
    median(buf).expect("non-empty")
}

/// `median(num) / median(den)` with a 95% percentile-bootstrap interval: both sample sets are
/// resampled independently `RESAMPLES` times. As a speedup over a baseline, pass the baseline's
/// times as `num`. `None` if either set is empty or a median is not positive.
pub fn ratio_of_medians(num: &[f64], den: &[f64]) -> Option<Interval> {
    let value = median(num)? / median(den)?;
    if !value.is_finite() || value <= 0.0 {
        return None;
    }
    let mut rng = Rng::new(SEED);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut ratios: Vec<f64> = (0..RESAMPLES)
        .map(|_| resample_median(num, &mut rng, &mut a) / resample_median(den, &mut rng, &mut b))
        .collect();
    ratios.sort_by(f64::total_cmp);
    Some(Interval {
        value,
        low: quantile_sorted(&ratios, 0.025),
        high: quantile_sorted(&ratios, 0.975),
    })
}

/// Geometric mean of positive values; `None` for none.
pub fn geomean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() || xs.iter().any(|&x| x <= 0.0 || !x.is_finite()) {
        return None;
    }
    Some((xs.iter().map(|x| x.ln()).sum::<f64>() / xs.len() as f64).exp())
}

/// Two-sided p-value of the Mann-Whitney U test that `a` and `b` come from the same
/// distribution: exact (by counting rank arrangements) when there are no ties and at most 40
/// samples, else the normal approximation with a tie correction. `None` if a set is empty.
pub fn mann_whitney_p(a: &[f64], b: &[f64]) -> Option<f64> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return None;
    }
    // Ranks of the pooled samples (ties get the mean of their ranks).
    let mut pooled: Vec<(f64, bool)> = a
        .iter()
        .map(|&x| (x, true))
        .chain(b.iter().map(|&x| (x, false)))
        .collect();
    pooled.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut rank_sum_a = 0.0;
    let mut ties = Vec::new();
    let mut i = 0;
    while i < pooled.len() {
        let mut j = i;
        while j + 1 < pooled.len() && pooled[j + 1].0 == pooled[i].0 {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for p in &pooled[i..=j] {
            if p.1 {
                rank_sum_a += rank;
            }
        }
        if j > i {
            ties.push((j - i + 1) as f64);
        }
        i = j + 1;
    }
    let u = rank_sum_a - (n * (n + 1)) as f64 / 2.0;
    let (nf, mf) = (n as f64, m as f64);
    let mean = nf * mf / 2.0;
    if ties.is_empty() && n + m <= 40 {
        // counts[k]: arrangements of n ranks among n + m whose U is k.
        let dist = u_distribution(n, m);
        let total: f64 = dist.iter().sum();
        let dev = (u - mean).abs();
        let tail: f64 = dist
            .iter()
            .enumerate()
            .filter(|&(k, _)| (k as f64 - mean).abs() >= dev - 1e-9)
            .map(|(_, c)| c)
            .sum();
        return Some((tail / total).min(1.0));
    }
    let nt = nf + mf;
    let tie_term: f64 = ties.iter().map(|t| t * t * t - t).sum::<f64>() / (nt * (nt - 1.0));
    let var = nf * mf / 12.0 * ((nt + 1.0) - tie_term);
    if var <= 0.0 {
        return Some(1.0);
    }
    let z = ((u - mean).abs() - 0.5).max(0.0) / var.sqrt();
    Some((2.0 * normal_sf(z)).min(1.0))
}

/// The null distribution of U for sizes n and m: element k counts the arrangements with U = k.
fn u_distribution(n: usize, m: usize) -> Vec<f64> {
    // f[i][j][k]: arrangements of i a's and j b's with U = k (U counts (a, b) pairs with b < a).
    let max_u = n * m;
    let mut prev: Vec<Vec<f64>> = vec![vec![0.0; max_u + 1]; m + 1];
    for row in prev.iter_mut() {
        row[0] = 1.0;
    }
    for _ in 1..=n {
        let mut cur: Vec<Vec<f64>> = vec![vec![0.0; max_u + 1]; m + 1];
        cur[0][0] = 1.0;
        for j in 1..=m {
            for k in 0..=max_u {
                // The largest element is an a (it beats all j b's) or a b.
                let from_a = if k >= j { prev[j][k - j] } else { 0.0 };
                cur[j][k] = from_a + cur[j - 1][k];
            }
        }
        prev = cur;
    }
    prev.swap_remove(m)
}

/// Upper tail of the standard normal distribution (Abramowitz and Stegun 7.1.26; error < 1.5e-7).
fn normal_sf(z: f64) -> f64 {
    let x = z / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erfc = poly * (-x * x).exp();
    erfc / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.5]), Some(7.5));
        assert_eq!(median(&[]), None);
        assert_eq!(min_max(&[3.0, 9.0, 1.0]), Some((1.0, 9.0)));
    }

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile_sorted(&v, 0.0), 1.0);
        assert_eq!(quantile_sorted(&v, 1.0), 5.0);
        assert_eq!(quantile_sorted(&v, 0.5), 3.0);
        assert!((quantile_sorted(&v, 0.1) - 1.4).abs() < 1e-12);
    }

    #[test]
    fn splitmix_matches_reference_values() {
        // First outputs of SplitMix64 seeded with 0 (the reference implementation's).
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
    }

    #[test]
    fn ratio_interval_of_constant_samples_is_a_point() {
        let i = ratio_of_medians(&[2.0, 2.0, 2.0], &[1.0, 1.0]).unwrap();
        assert_eq!((i.value, i.low, i.high), (2.0, 2.0, 2.0));
    }

    #[test]
    fn ratio_interval_on_fixed_samples() {
        let base = [1.00, 1.02, 0.98, 1.01, 0.99];
        let fast = [0.50, 0.52, 0.49, 0.51, 0.50];
        let i = ratio_of_medians(&base, &fast).unwrap();
        assert_eq!(i.value, 1.0 / 0.5);
        // The interval holds the estimate and lies within the extreme ratios the samples allow.
        assert!(i.low <= i.value && i.value <= i.high, "{i:?}");
        assert!(i.low >= 0.98 / 0.52 && i.high <= 1.02 / 0.49, "{i:?}");
        assert!(i.high > i.low, "{i:?}");
        // Seeded: the same samples give the same interval.
        assert_eq!(ratio_of_medians(&base, &fast), Some(i));
        // Wider spread, wider interval.
        let noisy = [0.40, 0.62, 0.45, 0.58, 0.50];
        let j = ratio_of_medians(&base, &noisy).unwrap();
        assert!(j.high - j.low > i.high - i.low, "{i:?} {j:?}");
        assert_eq!(ratio_of_medians(&[], &fast), None);
    }

    #[test]
    fn geomean_of_ratios() {
        assert!((geomean(&[2.0, 8.0]).unwrap() - 4.0).abs() < 1e-12);
        assert!((geomean(&[0.5, 2.0]).unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(geomean(&[]), None);
        assert_eq!(geomean(&[1.0, 0.0]), None);
    }

    #[test]
    fn mann_whitney_exact_and_approximate() {
        // Completely separated 5 vs 5: the two most extreme of C(10,5) = 252 arrangements.
        let a = [1.0, 2.0, 3.0, 4.0, 5.0];
        let b = [6.0, 7.0, 8.0, 9.0, 10.0];
        let p = mann_whitney_p(&a, &b).unwrap();
        assert!((p - 2.0 / 252.0).abs() < 1e-12, "{p}");
        // Interleaved samples: no evidence of a difference.
        let c = [1.0, 3.0, 5.0, 7.0, 9.0];
        let d = [2.0, 4.0, 6.0, 8.0, 10.0];
        assert!(mann_whitney_p(&c, &d).unwrap() > 0.5);
        // Three against three, separated: 2 / C(6,3) = 0.1, not significant at 5%.
        let p3 = mann_whitney_p(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]).unwrap();
        assert!((p3 - 0.1).abs() < 1e-12, "{p3}");
        // Ties use the normal approximation: identical samples give p = 1.
        assert_eq!(
            mann_whitney_p(&[1.0, 1.0, 1.0], &[1.0, 1.0, 1.0]),
            Some(1.0)
        );
        assert!(mann_whitney_p(&[1.0, 1.0, 2.0, 2.0], &[3.0, 3.0, 4.0, 4.0]).unwrap() < 0.1);
        assert_eq!(mann_whitney_p(&[], &[1.0]), None);
    }

    #[test]
    fn normal_tail() {
        assert!((normal_sf(0.0) - 0.5).abs() < 1e-6);
        assert!((normal_sf(1.959_964) - 0.025).abs() < 1e-6);
    }
}
