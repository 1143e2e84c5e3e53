//! `cpjit bench --compare OLD.json NEW.json`: for every script and implementation in both files,
//! the change of the median time, its bootstrap interval, and whether it is significant (a
//! Mann-Whitney U test on the two sets of run times at the 5% level, and an interval that
//! excludes no change).

use super::model::Report;
use super::report::fmt_time;
use super::stats;

/// Significance level.
const ALPHA: f64 = 0.05;

/// One compared pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub script: String,
    pub implementation: String,
    pub old_median: f64,
    pub new_median: f64,
    /// new / old median, with an interval.
    pub ratio: stats::Interval,
    pub p: f64,
    pub verdict: &'static str,
}

/// Reads a `cpjit bench --json` file.
pub fn load(path: &str) -> Result<Report, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let r: Report = serde_json::from_str(&text)
        .map_err(|e| format!("{path}: not a `cpjit bench --json` file: {e}"))?;
    if r.cpjit_bench != super::model::FORMAT {
        return Err(format!(
            "{path}: format {} (this cpjit reads format {})",
            r.cpjit_bench,
            super::model::FORMAT
        ));
    }
    Ok(r)
}

/// Pairs up the scripts and implementations present (and timed) in both reports.
pub fn changes(old: &Report, new: &Report) -> Vec<Change> {
    let mut out = Vec::new();
    let mut startup_old = old.startup.clone();
    let mut startup_new = new.startup.clone();
    startup_old.name = "start-up (-c pass)".into();
    startup_new.name = startup_old.name.clone();
    let olds = std::iter::once(&startup_old).chain(&old.scripts);
    for os in olds {
        let ns = if os.name == startup_old.name {
            Some(&startup_new)
        } else {
            new.scripts.iter().find(|s| s.name == os.name)
        };
        let Some(ns) = ns else { continue };
        for oc in &os.results {
            let Some(nc) = ns
                .results
                .iter()
                .find(|c| c.implementation == oc.implementation)
            else {
                continue;
            };
            let (Some(om), Some(nm)) = (stats::median(&oc.times), stats::median(&nc.times)) else {
                continue;
            };
            let Some(ratio) = stats::ratio_of_medians(&nc.times, &oc.times) else {
                continue;
            };
            let p = stats::mann_whitney_p(&oc.times, &nc.times).unwrap_or(1.0);
            let significant = p < ALPHA && (ratio.high < 1.0 || ratio.low > 1.0);
            let verdict = match (significant, nm < om) {
                (false, _) => "no significant change",
                (true, true) => "faster",
                (true, false) => "slower",
            };
            out.push(Change {
                script: os.name.clone(),
                implementation: oc.implementation.clone(),
                old_median: om,
                new_median: nm,
                ratio,
                p,
                verdict,
            });
        }
    }
    out
}

/// The smallest two-sided p the exact Mann-Whitney test can give for n and m runs: 2 / C(n+m, n).
fn min_p(n: usize, m: usize) -> f64 {
    let mut arrangements = 1.0;
    for k in 0..n.min(m) {
        arrangements = arrangements * (n + m - k) as f64 / (k + 1) as f64;
    }
    (2.0 / arrangements).min(1.0)
}

fn pct(r: f64) -> String {
    format!("{:+.1}%", (r - 1.0) * 100.0)
}

/// The comparison as text.
pub fn render(old: &Report, new: &Report, old_path: &str, new_path: &str) -> String {
    let cs = changes(old, new);
    let mut rows: Vec<Vec<String>> = vec![[
        "script",
        "impl",
        "old median",
        "new median",
        "change",
        "95% interval",
        "p",
        "verdict",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()];
    let mut last = String::new();
    for c in &cs {
        let label = if c.script != last {
            c.script.clone()
        } else {
            String::new()
        };
        last = c.script.clone();
        rows.push(vec![
            label,
            c.implementation.clone(),
            fmt_time(c.old_median),
            fmt_time(c.new_median),
            pct(c.ratio.value),
            format!("{} .. {}", pct(c.ratio.low), pct(c.ratio.high)),
            format!("{:.3}", c.p),
            c.verdict.to_string(),
        ]);
    }
    let mut out = format!(
        "cpjit bench --compare: {old_path} ({} runs) -> {new_path} ({} runs)\n\
         change = new median / old median - 1 (negative is faster); significant when the \
         Mann-Whitney p < {ALPHA} and the interval excludes 0\n\n",
        old.settings.runs, new.settings.runs
    );
    out += &super::report::render(&rows, |i| i < 2 || i == 7);
    if cs.is_empty() {
        out += "(no script and implementation in common)\n";
    }
    let (n, m) = (old.settings.runs, new.settings.runs);
    if min_p(n, m) >= ALPHA {
        out += &format!(
            "\nnote: with {n} and {m} run(s) no change can be significant at 5% \
             (the smallest p is {:.3}); use --runs 5 or more\n",
            min_p(n, m)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_p_by_run_counts() {
        assert!((min_p(3, 3) - 0.1).abs() < 1e-12);
        assert!((min_p(4, 4) - 2.0 / 70.0).abs() < 1e-12);
        assert!((min_p(5, 3) - 2.0 / 56.0).abs() < 1e-12);
        assert_eq!(min_p(1, 1), 1.0);
    }
}
