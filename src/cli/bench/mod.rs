//! `cpjit bench`: runs scripts under cpjit in each mode and under other Pythons, in fresh
//! processes, interleaved, and reports wall time, speedups with bootstrap intervals, peak memory,
//! start-up and cpjit's own statistics as a table, JSON, an SVG chart or an HTML page; and
//! `cpjit bench --compare OLD.json NEW.json`.
//!
//! Files: `impls` (what runs), `run` (running and checking), `proc` (one measured process),
//! `stats`, `model` (the results document), `report` (table, HTML), `svg`, `compare`, `env`, and
//! `pyperf.py`, the stand-in that lets pyperformance's scripts run unmodified.

mod compare;
mod env;
mod impls;
mod model;
mod proc;
mod report;
mod run;
pub mod stats;
mod svg;

use std::path::{Path, PathBuf};

use impls::{Implementation, Mode};

/// The pyperf stand-in, written next to nothing else in a temporary directory for each run.
const PYPERF: &str = include_str!("pyperf.py");

pub const USAGE: &str = "\
usage: cpjit bench [OPTIONS] FILE...
       cpjit bench --compare OLD.json NEW.json

Runs each FILE (a script, or a pyperformance bm_*/run_benchmark.py) in fresh processes under cpjit
in each mode and under other Pythons, interleaved, and prints median and min-max wall time, the
speedup over the plain interpreter with a 95% bootstrap interval, peak RSS, each implementation's
start-up (`-c pass`) and cpjit's --stats (JIT compile time, regions, code size, specialization hit
rate, guard exits). A run that fails or prints something else than the first implementation is
reported as such; the other results are kept. Exit status 1 if any did.

options:
  --modes LIST   cpjit modes, comma-separated (default off,spec,jit):
                   off   --specialize=off: the plain interpreter, the baseline of speedups
                   spec  the default: PEP 659 specialization
                   jit   --jit: specialization and the copy-and-patch JIT
  --vs COMMAND   also run another Python, e.g. --vs python3 --vs pypy3 (repeatable); a
                 version-manager shim is resolved to the interpreter it starts
  --runs N       timed runs per script and implementation (default 5)
  --warmup N     untimed runs before them (default 1; cpjit's first one reports --stats)
  --loops N      times a pyperformance script runs its benchmark per process (default 1)
  --json PATH    write every sample, the summaries and the environment
  --svg PATH     write the chart (speedups, log scale, intervals, geomeans)
  --html PATH    write a page with the chart and the table
  --timeout S    kill a run after S seconds and count it as failed (default 600; 0: never)
  --no-check     do not compare outputs between implementations
  --compare OLD.json NEW.json
                 per script and implementation: change of the median time, its interval and
                 significance (Mann-Whitney U), between two --json files
";

/// A usage error: message and exit status 2.
fn usage_error(msg: &str) -> i32 {
    eprintln!("cpjit bench: {msg}\nTry `cpjit bench --help' for more information.");
    2
}

#[derive(Debug)]
struct Options {
    files: Vec<PathBuf>,
    modes: Vec<Mode>,
    vs: Vec<String>,
    runs: usize,
    warmup: usize,
    loops: usize,
    json: Option<PathBuf>,
    svg: Option<PathBuf>,
    html: Option<PathBuf>,
    check: bool,
    /// Seconds; 0 for none.
    timeout: f64,
    compare: Option<(String, String)>,
    help: bool,
}

fn parse_count(opt: &str, v: &str, min: usize) -> Result<usize, String> {
    match v.parse::<usize>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(format!(
            "{opt}: expected an integer of at least {min}, not '{v}'"
        )),
    }
}

fn parse_modes(v: &str) -> Result<Vec<Mode>, String> {
    let mut modes = Vec::new();
    for m in v.split(',').map(str::trim).filter(|m| !m.is_empty()) {
        let Some(mode) = Mode::parse(m) else {
            return Err(format!(
                "--modes: unknown mode '{m}' (expected off, spec or jit)"
            ));
        };
        if !modes.contains(&mode) {
            modes.push(mode);
        }
    }
    Ok(modes)
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        files: Vec::new(),
        modes: Mode::ALL.to_vec(),
        vs: Vec::new(),
        runs: 5,
        warmup: 1,
        loops: 1,
        json: None,
        svg: None,
        html: None,
        check: true,
        timeout: 600.0,
        compare: None,
        help: false,
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        i += 1;
        if a == "-h" || a == "--help" {
            o.help = true;
            continue;
        }
        if a == "--no-check" {
            o.check = false;
            continue;
        }
        if a == "--compare" {
            match (args.get(i), args.get(i + 1)) {
                (Some(old), Some(new)) => {
                    o.compare = Some((old.clone(), new.clone()));
                    i += 2;
                }
                _ => return Err("--compare: expected two files, OLD.json NEW.json".into()),
            }
            continue;
        }
        if a == "--" {
            o.files.extend(args[i..].iter().map(PathBuf::from));
            break;
        }
        if !a.starts_with("--") {
            o.files.push(PathBuf::from(a));
            continue;
        }
        // `--opt VALUE` or `--opt=VALUE`.
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (a, None),
        };
        const VALUED: [&str; 9] = [
            "--modes",
            "--vs",
            "--runs",
            "--warmup",
            "--loops",
            "--json",
            "--svg",
            "--html",
            "--timeout",
        ];
        if !VALUED.contains(&name) {
            return Err(format!("unknown option {a}"));
        }
        let value = match inline {
            Some(v) => v,
            None => {
                let Some(v) = args.get(i) else {
                    return Err(format!("{name}: expected a value"));
                };
                i += 1;
                v.clone()
            }
        };
        match name {
            "--modes" => o.modes = parse_modes(&value)?,
            "--vs" => o.vs.push(value),
            "--runs" => o.runs = parse_count(name, &value, 1)?,
            "--warmup" => o.warmup = parse_count(name, &value, 0)?,
            "--loops" => o.loops = parse_count(name, &value, 1)?,
            "--json" => o.json = Some(PathBuf::from(value)),
            "--svg" => o.svg = Some(PathBuf::from(value)),
            "--timeout" => {
                o.timeout = match value.parse::<f64>() {
                    Ok(t) if t >= 0.0 && t.is_finite() => t,
                    _ => return Err(format!("--timeout: expected seconds, not '{value}'")),
                }
            }
            _ => o.html = Some(PathBuf::from(value)),
        }
    }
    Ok(o)
}

/// Checks that an output file can be created before spending minutes on the runs.
fn check_output(opt: &str, path: &Option<PathBuf>) -> Result<(), String> {
    if let Some(p) = path {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(format!(
                "{opt} {}: directory {} does not exist",
                p.display(),
                dir.display()
            ));
        }
    }
    Ok(())
}

/// A temporary directory holding the pyperf stand-in, removed when dropped.
struct ShimDir(PathBuf);

impl ShimDir {
    fn create() -> std::io::Result<ShimDir> {
        let dir = std::env::temp_dir().join(format!("cpjit-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("pyperf.py"), PYPERF)?;
        Ok(ShimDir(dir))
    }
}

impl Drop for ShimDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn write_file(what: &str, path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{what} {}: {e}", path.display()))
}

/// `cpjit bench ARGS`; returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let o = match parse_args(args) {
        Ok(o) => o,
        Err(e) => return usage_error(&e),
    };
    if o.help {
        print!("{USAGE}");
        return 0;
    }
    if let Some((old, new)) = &o.compare {
        if !o.files.is_empty() {
            return usage_error("--compare takes no scripts");
        }
        return match (compare::load(old), compare::load(new)) {
            (Ok(a), Ok(b)) => {
                crate::write_stdout(&compare::render(&a, &b, old, new));
                0
            }
            (Err(e), _) | (_, Err(e)) => usage_error(&e),
        };
    }
    if o.files.is_empty() {
        return usage_error("expected at least one FILE to run");
    }
    for f in &o.files {
        if !f.is_file() {
            return usage_error(&format!("{}: no such file", f.display()));
        }
    }
    if o.modes.is_empty() && o.vs.is_empty() {
        return usage_error("--modes: expected at least one mode (or a --vs command)");
    }
    for (opt, p) in [("--json", &o.json), ("--svg", &o.svg), ("--html", &o.html)] {
        if let Err(e) = check_output(opt, p) {
            return usage_error(&e);
        }
    }
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("cpjit bench: cannot find the cpjit executable: {e}");
            return 1;
        }
    };
    let mut impls: Vec<Implementation> = o.modes.iter().map(|&m| impls::cpjit(&exe, m)).collect();
    for v in &o.vs {
        match impls::other(v) {
            Ok(i) => impls.push(i),
            Err(e) => return usage_error(&e),
        }
    }
    let shim = match ShimDir::create() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cpjit bench: cannot write the pyperf stand-in: {e}");
            return 1;
        }
    };
    let plan = run::Plan {
        impls: &impls,
        runs: o.runs,
        warmup: o.warmup,
        loops: o.loops,
        check: o.check,
        shim_dir: &shim.0,
        timeout: (o.timeout > 0.0).then(|| std::time::Duration::from_secs_f64(o.timeout)),
    };
    let progress = run::Progress::new(o.files.len() + 1);
    let environment = env::environment();
    let startup_args = vec!["-c".to_string(), "pass".to_string()];
    let startup = run::bench_script("start-up", None, &startup_args, false, &plan, &progress, 0);
    let mut scripts = Vec::new();
    for (k, f) in o.files.iter().enumerate() {
        let source = std::fs::read(f).unwrap_or_default();
        let pyperf = run::uses_pyperf(&String::from_utf8_lossy(&source));
        let name = run::script_name(f);
        let args = vec![f.display().to_string()];
        scripts.push(run::bench_script(
            &name,
            Some(f),
            &args,
            pyperf,
            &plan,
            &progress,
            k + 1,
        ));
    }
    progress.finish();
    let baseline = model::baseline_index(&impls);
    let settings = model::Settings {
        runs: o.runs,
        warmup: o.warmup,
        loops: o.loops,
        baseline: impls[baseline].name.clone(),
        bootstrap_resamples: stats::RESAMPLES,
        bootstrap_seed: stats::SEED,
        confidence: 0.95,
    };
    let report = model::build(&impls, &startup, &scripts, settings, environment);
    crate::write_stdout(&report::table(&report));
    let mut status = if report.any_problem() { 1 } else { 0 };
    let chart = (o.svg.is_some() || o.html.is_some()).then(|| svg::chart(&report));
    let mut outputs: Vec<(&str, &PathBuf, String)> = Vec::new();
    if let Some(p) = &o.json {
        let text = serde_json::to_string_pretty(&report).expect("report serializes") + "\n";
        outputs.push(("--json", p, text));
    }
    if let (Some(p), Some(c)) = (&o.svg, &chart) {
        outputs.push(("--svg", p, c.clone()));
    }
    if let (Some(p), Some(c)) = (&o.html, &chart) {
        outputs.push(("--html", p, report::html(&report, c)));
    }
    for (what, path, text) in outputs {
        if let Err(e) = write_file(what, path, &text) {
            eprintln!("cpjit bench: {e}");
            status = 1;
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_in_both_spellings() {
        let o = parse_args(&strings(&[
            "--modes=off,jit",
            "--runs",
            "3",
            "--vs",
            "python3",
            "--json=x.json",
            "a.py",
        ]))
        .unwrap();
        assert_eq!(o.modes, vec![Mode::Off, Mode::Jit]);
        assert_eq!(o.runs, 3);
        assert_eq!(o.vs, vec!["python3"]);
        assert_eq!(o.json, Some(PathBuf::from("x.json")));
        assert_eq!(o.files, vec![PathBuf::from("a.py")]);
    }

    #[test]
    fn bad_options_are_errors() {
        let e = |a: &[&str]| parse_args(&strings(a)).unwrap_err();
        assert!(e(&["--modes", "fast"]).contains("unknown mode 'fast'"));
        assert!(e(&["--runs", "0"]).contains("at least 1"));
        assert!(e(&["--runs"]).contains("expected a value"));
        assert!(e(&["--frobnicate"]).contains("unknown option"));
        assert!(e(&["--compare", "a.json"]).contains("two files"));
    }
}
