//! The results of a `cpjit bench` run as one document: every sample, the summaries derived from
//! them, the implementations and the environment. `--json` writes it; the table, the chart and
//! `--compare` read it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::impls::Implementation;
use super::run::{ScriptResult, Status};
use super::stats::{self, Interval};

/// Bumped when the layout changes incompatibly.
pub const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Report {
    pub cpjit_bench: u32,
    pub environment: Value,
    pub settings: Settings,
    pub implementations: Vec<ImplInfo>,
    /// Start-up of each implementation: `-c pass`.
    pub startup: ScriptReport,
    pub scripts: Vec<ScriptReport>,
    /// Per implementation: the geometric mean of its speedups over the baseline, over the scripts
    /// where both ran and printed the reference output.
    pub geomean: Vec<Geomean>,
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Settings {
    pub runs: usize,
    pub warmup: usize,
    pub loops: usize,
    /// The implementation speedups are relative to.
    pub baseline: String,
    pub bootstrap_resamples: usize,
    pub bootstrap_seed: u64,
    pub confidence: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct ImplInfo {
    pub name: String,
    pub command: Vec<String>,
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub resolved_from: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct ScriptReport {
    pub name: String,
    #[serde(default)]
    pub path: Option<String>,
    /// One per implementation, in `implementations` order.
    pub results: Vec<CellReport>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct SpeedupInterval {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct CellReport {
    pub implementation: String,
    /// `ok`, `failed` or `differs`.
    pub status: String,
    #[serde(default)]
    pub message: Option<String>,
    /// Wall time of every timed run, seconds.
    pub times: Vec<f64>,
    /// Peak RSS of every timed run, KiB.
    pub rss_kb: Vec<u64>,
    pub median: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Median time of the baseline / median time of this: above 1 is faster.
    pub speedup: Option<SpeedupInterval>,
    pub peak_rss_kb: Option<u64>,
    /// This implementation's start-up median as a fraction of this median.
    pub startup_share: Option<f64>,
    pub stats: Option<StatsSummary>,
    /// The whole `--stats=json` report.
    #[serde(default)]
    pub raw_stats: Option<Value>,
}

/// The figures of cpjit's `--stats=json` report a table shows.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
pub struct StatsSummary {
    /// Executions of specialized instructions whose guards passed, over all their executions.
    pub specialization_hit_rate: Option<f64>,
    pub jit_compile_ms: Option<f64>,
    pub jit_regions: Option<u64>,
    pub jit_code_bytes: Option<u64>,
    /// Guard failures in compiled code (side exits back to the interpreter).
    pub jit_guard_exits: Option<u64>,
    /// Every exit from compiled code (returns, calls, guards, ...).
    pub jit_exits: Option<u64>,
}

impl CellReport {
    pub fn ok(&self) -> bool {
        self.status == "ok"
    }
}

/// The summary of a `--stats=json` report (see `vm::adaptive::Stats::json` and the JIT's members
/// in `jit::driver`).
pub fn summarize_stats(v: &Value) -> StatsSummary {
    let (mut hits, mut misses) = (0u64, 0u64);
    if let Some(ops) = v["instructions"].as_object() {
        for o in ops.values() {
            hits += o["hits"].as_u64().unwrap_or(0);
            misses += o["misses"].as_u64().unwrap_or(0);
        }
    }
    let jit = &v["jit"];
    let exits = jit["exits"]
        .as_object()
        .map(|m| m.values().filter_map(Value::as_u64).sum());
    StatsSummary {
        specialization_hit_rate: (hits + misses > 0).then(|| hits as f64 / (hits + misses) as f64),
        jit_compile_ms: jit["compile_ns"].as_u64().map(|ns| ns as f64 / 1e6),
        jit_regions: jit["regions"].as_u64(),
        jit_code_bytes: jit["code_bytes"].as_u64(),
        jit_guard_exits: jit["exits"]["guard"].as_u64(),
        jit_exits: exits,
    }
}

fn impl_info(i: &Implementation) -> ImplInfo {
    ImplInfo {
        name: i.name.clone(),
        command: i.argv.clone(),
        mode: i.mode.map(|m| m.name().to_string()),
        resolved_from: i.resolved_from.clone(),
        version: i.version.clone(),
    }
}

fn interval(i: Interval) -> SpeedupInterval {
    SpeedupInterval {
        value: i.value,
        low: i.low,
        high: i.high,
    }
}

/// Summaries of one script's cells; `startup`: each implementation's start-up median.
fn script_report(
    s: &ScriptResult,
    impls: &[Implementation],
    baseline: usize,
    startup: Option<&[Option<f64>]>,
) -> ScriptReport {
    let base_times = &s.cells[baseline].times;
    let results = s
        .cells
        .iter()
        .zip(impls)
        .enumerate()
        .map(|(i, (c, imp))| {
            let (status, message) = match &c.status {
                Status::Ok => ("ok", None),
                Status::Failed(m) => ("failed", Some(m.clone())),
                Status::Differs(m) => ("differs", Some(m.clone())),
            };
            let median = stats::median(&c.times);
            let mm = stats::min_max(&c.times);
            let rss: Vec<f64> = c.rss_kb.iter().map(|&k| k as f64).collect();
            CellReport {
                implementation: imp.name.clone(),
                status: status.to_string(),
                message,
                times: c.times.clone(),
                rss_kb: c.rss_kb.clone(),
                median,
                min: mm.map(|m| m.0),
                max: mm.map(|m| m.1),
                // The baseline against itself is 1 exactly (resampling it twice would invent an
                // interval).
                speedup: if i == baseline {
                    median.map(|_| SpeedupInterval {
                        value: 1.0,
                        low: 1.0,
                        high: 1.0,
                    })
                } else {
                    stats::ratio_of_medians(base_times, &c.times).map(interval)
                },
                peak_rss_kb: stats::median(&rss).map(|k| k.round() as u64),
                startup_share: match (startup.and_then(|st| st[i]), median) {
                    (Some(st), Some(m)) if m > 0.0 => Some(st / m),
                    _ => None,
                },
                stats: c.stats.as_ref().map(summarize_stats),
                raw_stats: c.stats.clone(),
            }
        })
        .collect();
    ScriptReport {
        name: s.name.clone(),
        path: s.path.as_ref().map(|p| p.display().to_string()),
        results,
    }
}

/// Geometric mean of each implementation's speedups over the scripts where it and the baseline
/// both ran cleanly.
pub fn geomeans(scripts: &[ScriptReport], impls: &[ImplInfo], baseline: usize) -> Vec<Geomean> {
    impls
        .iter()
        .enumerate()
        .filter_map(|(i, imp)| {
            let ratios: Vec<f64> = scripts
                .iter()
                .filter(|s| s.results[baseline].ok() && s.results[i].ok())
                .filter_map(|s| s.results[i].speedup.map(|x| x.value))
                .collect();
            stats::geomean(&ratios).map(|g| Geomean {
                implementation: imp.name.clone(),
                speedup: g,
                scripts: ratios.len(),
            })
        })
        .collect()
}

#[derive(Serialize, Deserialize, Clone, Debug)]
pub struct Geomean {
    pub implementation: String,
    pub speedup: f64,
    pub scripts: usize,
}

/// The baseline of speedups: the plain interpreter (`off`) when it was run, else the first.
pub fn baseline_index(impls: &[Implementation]) -> usize {
    impls
        .iter()
        .position(|i| i.mode == Some(super::impls::Mode::Off))
        .unwrap_or(0)
}

/// Puts the run's results together.
pub fn build(
    impls: &[Implementation],
    startup: &ScriptResult,
    scripts: &[ScriptResult],
    settings: Settings,
    environment: Value,
) -> Report {
    let baseline = baseline_index(impls);
    let startup = script_report(startup, impls, baseline, None);
    let startup_medians: Vec<Option<f64>> = startup
        .results
        .iter()
        .map(|c| if c.ok() { c.median } else { None })
        .collect();
    let scripts: Vec<ScriptReport> = scripts
        .iter()
        .map(|s| script_report(s, impls, baseline, Some(&startup_medians)))
        .collect();
    let implementations: Vec<ImplInfo> = impls.iter().map(impl_info).collect();
    let geomean = geomeans(&scripts, &implementations, baseline);
    Report {
        cpjit_bench: FORMAT,
        environment,
        settings,
        implementations,
        startup,
        scripts,
        geomean,
    }
}

impl Report {
    pub fn baseline(&self) -> usize {
        self.implementations
            .iter()
            .position(|i| i.name == self.settings.baseline)
            .unwrap_or(0)
    }

    pub fn any_problem(&self) -> bool {
        std::iter::once(&self.startup)
            .chain(&self.scripts)
            .any(|s| s.results.iter().any(|c| !c.ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stats_summary_reads_the_report_fields() {
        let v = json!({
            "mode": "on",
            "instructions": {
                "LOAD_ATTR_SLOT": {"specialized": 1, "hits": 90, "misses": 5, "deopts": 0},
                "BINARY_OP_ADD_INT": {"specialized": 1, "hits": 0, "misses": 5, "deopts": 1}
            },
            "jit": {"regions": 3, "code_bytes": 4096, "compile_ns": 2500000,
                    "exits": {"return": 10, "call": 4, "guard": 2, "eval_breaker": 0,
                              "interpreter": 1, "raised": 0}}
        });
        let s = summarize_stats(&v);
        assert_eq!(s.specialization_hit_rate, Some(0.9));
        assert_eq!(s.jit_compile_ms, Some(2.5));
        assert_eq!(s.jit_regions, Some(3));
        assert_eq!(s.jit_code_bytes, Some(4096));
        assert_eq!(s.jit_guard_exits, Some(2));
        assert_eq!(s.jit_exits, Some(17));
        let off = summarize_stats(&json!({"mode": "off", "instructions": {}}));
        assert_eq!(off, StatsSummary::default());
    }
}
