//! The text table `cpjit bench` prints, and the HTML page of `--html`.

use super::model::{CellReport, Report, ScriptReport};

/// `812.3 ms`, `1.204 s`, `950 us`.
pub fn fmt_time(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.3} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} us", s * 1e6)
    }
}

fn fmt_opt<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map(f).unwrap_or_else(|| "-".into())
}

const HEADER: [&str; 12] = [
    "script",
    "impl",
    "median",
    "min - max",
    "speedup (95% CI)",
    "start-up",
    "peak RSS",
    "JIT ms",
    "regions",
    "code KiB",
    "spec hits",
    "guard exits",
];

fn row(script: &str, c: &CellReport, baseline: bool) -> Vec<String> {
    let stats = c.stats.clone().unwrap_or_default();
    let mut r = vec![
        script.to_string(),
        c.implementation.clone(),
        fmt_opt(c.median, fmt_time),
        match (c.min, c.max) {
            (Some(a), Some(b)) => format!("{} - {}", fmt_time(a), fmt_time(b)),
            _ => "-".into(),
        },
        if baseline && c.median.is_some() {
            "1 (baseline)".into()
        } else {
            fmt_opt(c.speedup, |s| {
                format!("{:.2}x ({:.2}-{:.2})", s.value, s.low, s.high)
            })
        },
        fmt_opt(c.startup_share, |s| format!("{:.0}%", s * 100.0)),
        fmt_opt(c.peak_rss_kb, |k| format!("{:.1} MiB", k as f64 / 1024.0)),
        fmt_opt(stats.jit_compile_ms, |m| format!("{m:.2}")),
        fmt_opt(stats.jit_regions, |n| n.to_string()),
        fmt_opt(stats.jit_code_bytes, |b| {
            format!("{:.1}", b as f64 / 1024.0)
        }),
        fmt_opt(stats.specialization_hit_rate, |h| {
            format!("{:.1}%", h * 100.0)
        }),
        fmt_opt(stats.jit_guard_exits, |n| n.to_string()),
    ];
    match c.status.as_str() {
        "ok" => {}
        "failed" => {
            for cell in r.iter_mut().skip(2) {
                *cell = String::new();
            }
            r[2] = "FAILED".into();
        }
        _ => r[2] = format!("DIFFERS {}", r[2]),
    }
    r
}

/// Rows as aligned columns: those for which `left` holds padded on the right, others on the left.
pub fn render(rows: &[Vec<String>], left: impl Fn(usize) -> bool) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            let pad = width[i] - c.chars().count();
            if left(i) {
                line += c;
                line += &" ".repeat(pad);
            } else {
                line += &" ".repeat(pad);
                line += c;
            }
            line += "  ";
        }
        out += line.trim_end();
        out.push('\n');
    }
    out
}

/// Who ran: `off, spec, jit: cpjit 0.1.0 (release build)`, then one line per other.
fn implementations(r: &Report) -> String {
    let mut out = String::new();
    let modes: Vec<String> = r
        .implementations
        .iter()
        .filter_map(|i| {
            let flag = match i.mode.as_deref()? {
                "off" => "--specialize=off",
                "spec" => "specializing, the default",
                _ => "--jit",
            };
            Some(format!("{} ({flag})", i.name))
        })
        .collect();
    if !modes.is_empty() {
        out += &format!(
            "  cpjit {} ({} build): {}\n",
            r.environment["cpjit_version"].as_str().unwrap_or("?"),
            r.environment["build_profile"].as_str().unwrap_or("?"),
            modes.join(", ")
        );
    }
    for i in r.implementations.iter().filter(|i| i.mode.is_none()) {
        out += &format!("  {}: {}", i.name, i.command.join(" "));
        if let Some(v) = &i.version {
            out += &format!(" ({v})");
        }
        if let Some(shim) = &i.resolved_from {
            out += &format!(", resolved from the shim {shim}");
        }
        out.push('\n');
    }
    out
}

fn script_rows(s: &ScriptReport, baseline: usize, rows: &mut Vec<Vec<String>>) {
    for (i, c) in s.results.iter().enumerate() {
        let label = if i == 0 { s.name.as_str() } else { "" };
        rows.push(row(label, c, i == baseline));
    }
}

/// The whole text report.
pub fn table(r: &Report) -> String {
    let b = r.baseline();
    let mut out = format!(
        "cpjit bench: {} timed run(s) after {} warm-up per script and implementation, loops {}\n\
         speedup = median time of {} / median time, with a {:.0}% bootstrap interval; above 1 is faster\n\
         start-up = the implementation's `-c pass` median as a share of the script's\n",
        r.settings.runs,
        r.settings.warmup,
        r.settings.loops,
        r.settings.baseline,
        r.settings.confidence * 100.0
    );
    out += &implementations(r);
    out += &format!("  machine: {}\n\n", super::env::describe(&r.environment));
    let mut rows = vec![HEADER.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    let mut startup = r.startup.clone();
    startup.name = "start-up (-c pass)".into();
    script_rows(&startup, b, &mut rows);
    for s in &r.scripts {
        script_rows(s, b, &mut rows);
    }
    out += &render(&rows, |i| i < 2);
    if !r.geomean.is_empty() {
        let g: Vec<String> = r
            .geomean
            .iter()
            .filter(|g| g.implementation != r.settings.baseline)
            .map(|g| {
                format!(
                    "{} {:.2}x ({} scripts)",
                    g.implementation, g.speedup, g.scripts
                )
            })
            .collect();
        if !g.is_empty() {
            out += &format!(
                "\ngeomean speedup over {}: {}\n",
                r.settings.baseline,
                g.join(", ")
            );
        }
    }
    let problems: Vec<String> = std::iter::once(&r.startup)
        .chain(&r.scripts)
        .flat_map(|s| {
            s.results.iter().filter(|c| !c.ok()).map(move |c| {
                format!(
                    "  {} under {}: {} ({})",
                    s.name,
                    c.implementation,
                    c.status,
                    c.message.as_deref().unwrap_or("")
                )
            })
        })
        .collect();
    if !problems.is_empty() {
        out += "\nproblems (other results kept; left out of the geomean):\n";
        out += &problems.join("\n");
        out.push('\n');
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A page with the chart and the table, readable on its own.
pub fn html(r: &Report, svg: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>cpjit bench</title>\n<style>body{{font-family:sans-serif;margin:2em}}\
         pre{{font-size:13px;background:#f6f6f6;padding:1em;overflow-x:auto}}</style>\n\
         </head>\n<body>\n<h1>cpjit bench</h1>\n{svg}\n<pre>{}</pre>\n</body>\n</html>\n",
        escape(&table(r))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_pick_their_unit() {
        assert_eq!(fmt_time(1.2345), "1.234 s");
        assert_eq!(fmt_time(0.0123), "12.3 ms");
        assert_eq!(fmt_time(0.000_25), "250 us");
    }

    #[test]
    fn columns_align() {
        let t = render(
            &[
                vec!["a".into(), "b".into(), "1".into()],
                vec!["long".into(), "".into(), "100".into()],
            ],
            |i| i < 2,
        );
        assert_eq!(t, "a     b    1\nlong     100\n");
    }
}
