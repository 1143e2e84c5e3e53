//! Running the benchmarks: every script under every implementation in fresh processes, the
//! implementations interleaved within each round (and the order rotated from round to round) so
//! drift of a shared machine hits all of them alike; outputs checked against a reference.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use super::impls::Implementation;
use super::proc;

/// How one script fared under one implementation.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Ok,
    /// A run exited non-zero (or by a signal): no times kept after it.
    Failed(String),
    /// Ran, but printed something other than the reference implementation.
    Differs(String),
}

/// One script under one implementation.
#[derive(Clone, Debug)]
pub struct Cell {
    /// Wall time of each timed run, in seconds.
    pub times: Vec<f64>,
    /// Peak RSS of each timed run, in KiB.
    pub rss_kb: Vec<u64>,
    pub status: Status,
    /// cpjit's `--stats=json` report from the first warm-up run.
    pub stats: Option<serde_json::Value>,
    first_stdout: Option<Vec<u8>>,
    /// A later run printed something else than the first.
    unstable: bool,
}

impl Cell {
    pub fn new(status: Status) -> Cell {
        Cell {
            times: Vec::new(),
            rss_kb: Vec::new(),
            status,
            stats: None,
            first_stdout: None,
            unstable: false,
        }
    }
}

/// A script (or the start-up pseudo-script) and its cells, one per implementation.
#[derive(Clone, Debug)]
pub struct ScriptResult {
    pub name: String,
    /// `None` for the start-up measurement (`-c pass`).
    pub path: Option<PathBuf>,
    pub cells: Vec<Cell>,
}

/// The run parameters.
pub struct Plan<'a> {
    pub impls: &'a [Implementation],
    pub runs: usize,
    pub warmup: usize,
    pub loops: usize,
    /// Compare outputs against the reference implementation.
    pub check: bool,
    /// Directory holding the pyperf stand-in.
    pub shim_dir: &'a Path,
    /// A run taking longer is killed and counts as failed.
    pub timeout: Option<std::time::Duration>,
}

/// The label of a script: `bm_NAME/run_benchmark.py` -> NAME; else the file's stem.
pub fn script_name(path: &Path) -> String {
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
    if file.as_deref() == Some("run_benchmark.py") {
        if let Some(dir) = path.parent().and_then(|d| d.file_name()) {
            let d = dir.to_string_lossy();
            return d.strip_prefix("bm_").unwrap_or(&d).to_string();
        }
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Whether the script imports pyperf (a pyperformance script), so it needs the stand-in.
pub fn uses_pyperf(source: &str) -> bool {
    let first_module = |rest: &str| -> bool {
        rest.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '.')
            .next()
            == Some("pyperf")
    };
    source.lines().any(|l| {
        let l = l.trim_start();
        l.strip_prefix("import ").is_some_and(first_module)
            || l.strip_prefix("from ").is_some_and(first_module)
    })
}

/// Progress on stderr when it is a terminal: which script, which implementation, run k of n,
/// elapsed time. Silent otherwise.
pub struct Progress {
    enabled: bool,
    start: Instant,
    scripts: usize,
}

impl Progress {
    pub fn new(scripts: usize) -> Progress {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            start: Instant::now(),
            scripts,
        }
    }

    fn show(&self, index: usize, script: &str, imp: &str, what: &str) {
        if self.enabled {
            let mut e = std::io::stderr().lock();
            let _ = write!(
                e,
                "\r\x1b[2K[{}/{}] {script} · {imp} · {what} · {:.1} s",
                index + 1,
                self.scripts,
                self.start.elapsed().as_secs_f64()
            );
            let _ = e.flush();
        }
    }

    pub fn finish(&self) {
        if self.enabled {
            eprint!("\r\x1b[2K");
        }
    }
}

/// Why a run failed, in one line: the last line of stderr, else how it ended.
fn failure(o: &proc::Outcome, timeout: Option<std::time::Duration>) -> String {
    if let (true, Some(t)) = (o.timed_out, timeout) {
        return format!("timed out after {} s (--timeout)", t.as_secs_f64());
    }
    let err = String::from_utf8_lossy(&o.stderr);
    let how = match (o.code, o.signal) {
        (Some(c), _) => format!("exit status {c}"),
        (None, Some(s)) => format!("killed by signal {s}"),
        _ => "ended abnormally".to_string(),
    };
    match err.lines().rev().find(|l| !l.trim().is_empty()) {
        Some(l) => format!("{how}: {}", l.trim()),
        None => how,
    }
}

/// The last line of stderr that parses as a JSON object: `--stats=json`'s report, without the
/// instructions that never ran (the report lists every specialized instruction).
fn stats_report(stderr: &[u8]) -> Option<serde_json::Value> {
    let text = String::from_utf8_lossy(stderr);
    let mut v = text
        .lines()
        .rev()
        .filter(|l| l.starts_with('{'))
        .find_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.is_object())?;
    if let Some(ops) = v["instructions"].as_object_mut() {
        ops.retain(|_, o| {
            o.as_object()
                .is_some_and(|m| m.values().any(|n| n.as_u64() != Some(0)))
        });
    }
    Some(v)
}

fn command(
    imp: &Implementation,
    args: &[String],
    plan: &Plan,
    pyperf: bool,
    stats: bool,
) -> Command {
    let mut cmd = Command::new(&imp.argv[0]);
    cmd.args(&imp.argv[1..]);
    if stats {
        cmd.arg("--stats=json");
    }
    cmd.args(args);
    for var in [
        "CPJIT_SPECIALIZE",
        "CPJIT_JIT",
        "CPJIT_JIT_THRESHOLD",
        "CPJIT_JIT_DUMP",
        "CPJIT_STATS",
        "CPJIT_REPORT_HWM",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("CPJIT_BENCH_LOOPS", plan.loops.to_string());
    if pyperf {
        let mut path = plan.shim_dir.as_os_str().to_owned();
        if let Some(old) = std::env::var_os("PYTHONPATH").filter(|p| !p.is_empty()) {
            path.push(":");
            path.push(old);
        }
        cmd.env("PYTHONPATH", path);
    }
    cmd
}

/// Runs one script (`args`: the script's path, or `-c pass`) under every implementation.
pub fn bench_script(
    name: &str,
    path: Option<&Path>,
    args: &[String],
    pyperf: bool,
    plan: &Plan,
    progress: &Progress,
    index: usize,
) -> ScriptResult {
    let n = plan.impls.len();
    let mut cells: Vec<Cell> = (0..n).map(|_| Cell::new(Status::Ok)).collect();
    let rounds = plan.warmup + plan.runs;
    for round in 0..rounds {
        let warm = round < plan.warmup;
        for k in 0..n {
            // Rotate which implementation goes first, round by round.
            let i = (k + round) % n;
            let imp = &plan.impls[i];
            let cell = &mut cells[i];
            if cell.status != Status::Ok {
                continue;
            }
            let what = if warm {
                format!("warm-up {}/{}", round + 1, plan.warmup)
            } else {
                format!("run {}/{}", round - plan.warmup + 1, plan.runs)
            };
            progress.show(index, name, &imp.name, &what);
            // The first warm-up run of a cpjit script reports --stats (counting slows the VM,
            // so timed runs never do).
            let stats = round == 0 && warm && imp.mode.is_some() && path.is_some();
            let mut cmd = command(imp, args, plan, pyperf, stats);
            let o = match proc::run(&mut cmd, plan.timeout) {
                Ok(o) => o,
                Err(e) => {
                    cell.status = Status::Failed(format!("cannot run {}: {e}", imp.argv[0]));
                    continue;
                }
            };
            if !o.success() {
                cell.status = Status::Failed(failure(&o, plan.timeout));
                continue;
            }
            if stats {
                cell.stats = stats_report(&o.stderr);
            }
            match &cell.first_stdout {
                None => cell.first_stdout = Some(o.stdout.clone()),
                Some(first) => cell.unstable |= *first != o.stdout,
            }
            if !warm {
                cell.times.push(o.wall.as_secs_f64());
                cell.rss_kb.push(o.max_rss_kb);
            }
        }
    }
    if plan.check {
        check_outputs(&mut cells, plan.impls);
    }
    ScriptResult {
        name: name.to_string(),
        path: path.map(Path::to_path_buf),
        cells,
    }
}

/// Marks cells whose output differs from the reference: the first implementation (in the order
/// given) that ran without failing. Times are kept; reports set the cell apart.
fn check_outputs(cells: &mut [Cell], impls: &[Implementation]) {
    let Some(r) = cells.iter().position(|c| c.status == Status::Ok) else {
        return;
    };
    let reference = cells[r].first_stdout.clone().unwrap_or_default();
    let ref_name = impls[r].name.clone();
    for cell in cells.iter_mut() {
        if cell.status != Status::Ok {
            continue;
        }
        let out = cell.first_stdout.as_deref().unwrap_or_default();
        if out != reference.as_slice() {
            cell.status = Status::Differs(first_difference(&reference, out, &ref_name));
        } else if cell.unstable {
            cell.status = Status::Differs("output changed from run to run".into());
        }
    }
}

/// Where `got` first departs from `want`, in one line.
pub fn first_difference(want: &[u8], got: &[u8], ref_name: &str) -> String {
    let (w, g) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    let (wl, gl): (Vec<&str>, Vec<&str>) = (w.lines().collect(), g.lines().collect());
    let clip = |s: &str| -> String {
        if s.chars().count() > 60 {
            format!("{}...", s.chars().take(57).collect::<String>())
        } else {
            s.to_string()
        }
    };
    for i in 0..wl.len().max(gl.len()) {
        match (wl.get(i), gl.get(i)) {
            (Some(a), Some(b)) if a == b => continue,
            (Some(a), Some(b)) => {
                return format!(
                    "stdout line {}: {ref_name} printed {:?}, this printed {:?}",
                    i + 1,
                    clip(a),
                    clip(b)
                )
            }
            (Some(a), None) => return format!("stdout ends before line {} ({:?})", i + 1, clip(a)),
            (None, Some(b)) => return format!("stdout has an extra line {}: {:?}", i + 1, clip(b)),
            (None, None) => break,
        }
    }
    "stdout differs (line endings or invalid UTF-8)".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_scripts() {
        assert_eq!(
            script_name(Path::new("x/bm_nbody/run_benchmark.py")),
            "nbody"
        );
        assert_eq!(script_name(Path::new("kernels/fib.py")), "fib");
    }

    #[test]
    fn pyperf_detection() {
        assert!(uses_pyperf("import os\nimport pyperf\n"));
        assert!(uses_pyperf("from pyperf import Runner\n"));
        assert!(!uses_pyperf(
            "import pyperformance_helpers\nx = 'import pyperf'\n"
        ));
    }

    #[test]
    fn differences_name_the_line() {
        let d = first_difference(b"a\nb\n", b"a\nc\n", "off");
        assert_eq!(d, "stdout line 2: off printed \"b\", this printed \"c\"");
        assert!(first_difference(b"a\n", b"a\nz\n", "off").contains("extra line 2"));
    }

    #[test]
    fn stats_line_is_found_after_other_stderr() {
        let v = stats_report(
            b"warning\n{\"mode\":\"on\",\"instructions\":{\"A\":{\"hits\":0,\"misses\":0},\
              \"B\":{\"hits\":2,\"misses\":0}}}\n",
        )
        .unwrap();
        assert_eq!(v["mode"], "on");
        // Instructions that never ran are dropped.
        assert!(v["instructions"].get("A").is_none());
        assert_eq!(v["instructions"]["B"]["hits"], 2);
        assert!(stats_report(b"{not json\n").is_none());
    }
}
