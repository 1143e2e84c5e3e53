//! The chart of `--svg` and `--html`: for each script a group of bars, one per implementation
//! other than the baseline, giving its speedup over the baseline on a log scale (bars grow up from
//! 1 when faster, down when slower), error bars from the bootstrap interval, and one dashed line
//! per implementation at its geometric mean. Title, legend and notes make it readable on its own.

use std::fmt::Write;

use super::model::Report;

/// Paul Tol's "bright" qualitative palette: distinct, and readable by colour-blind readers.
const COLORS: [&str; 7] = [
    "#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb",
];

const LEFT: f64 = 78.0;
const RIGHT: f64 = 24.0;
const BOTTOM: f64 = 120.0;
const PLOT_H: f64 = 300.0;
/// Where the legend starts; one line per implementation, then the plot.
const LEGEND_Y: f64 = 90.0;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Ticks for a log axis over [lo, hi]: 1-2-5 steps, or finer ones when the range is narrow.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let pick = |steps: &[f64]| -> Vec<f64> {
        let mut out = Vec::new();
        let (k0, k1) = (lo.log10().floor() as i32 - 1, hi.log10().ceil() as i32 + 1);
        for k in k0..=k1 {
            for s in steps {
                let t = s * 10f64.powi(k);
                if t >= lo * (1.0 - 1e-9) && t <= hi * (1.0 + 1e-9) {
                    out.push(t);
                }
            }
        }
        out
    };
    let coarse = pick(&[1.0, 2.0, 5.0]);
    if coarse.len() >= 3 {
        return coarse;
    }
    pick(&[1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0])
}

fn fmt_tick(t: f64) -> String {
    let s = format!("{t:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}x")
}

/// The chart as an SVG document.
pub fn chart(r: &Report) -> String {
    let b = r.baseline();
    let shown: Vec<usize> = (0..r.implementations.len()).filter(|&i| i != b).collect();
    let groups = r.scripts.len().max(1);
    let bars = shown.len().max(1) as f64;
    let plot_w = (groups as f64 * (bars * 12.0 + 18.0)).max(640.0);
    // Groups spread over the width, bars centred in each.
    let group_w = plot_w / groups as f64;
    let bar_w = (group_w * 0.6 / bars).clamp(10.0, 28.0);
    let top = LEGEND_Y + 18.0 * shown.len() as f64 + 10.0;
    let width = LEFT + plot_w + RIGHT;
    let height = top + PLOT_H + BOTTOM;

    // The range: every shown value and interval, and 1.
    let (mut lo, mut hi) = (1.0f64, 1.0f64);
    for s in &r.scripts {
        for &i in &shown {
            if let Some(sp) = s.results[i].speedup {
                lo = lo.min(sp.low.min(sp.value));
                hi = hi.max(sp.high.max(sp.value));
            }
        }
    }
    for g in &r.geomean {
        lo = lo.min(g.speedup);
        hi = hi.max(g.speedup);
    }
    let (lo, hi) = (lo / 1.15, hi * 1.15);
    let y = |v: f64| top + PLOT_H * (hi.ln() - v.ln()) / (hi.ln() - lo.ln());

    let mut o = String::new();
    let _ = writeln!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" \
         font-size=\"12\">"
    );
    let _ = writeln!(
        o,
        "<rect x=\"0\" y=\"0\" width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>"
    );
    let base_name = &r.settings.baseline;
    let startup: Vec<String> = r
        .startup
        .results
        .iter()
        .filter_map(|c| {
            c.median
                .map(|m| format!("{} {}", c.implementation, super::report::fmt_time(m)))
        })
        .collect();
    let _ = writeln!(
        o,
        "<text x=\"{LEFT}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">cpjit bench: \
         speedup over {}</text>",
        esc(&describe_impl(r, b))
    );
    let notes = [
        format!(
            "Higher is faster (log scale). Bar: median wall time of {} / median time, {} runs each.",
            base_name, r.settings.runs
        ),
        format!(
            "Error bars: {:.0}% bootstrap interval. Dashed lines: geometric means.",
            r.settings.confidence * 100.0
        ),
        format!("Start-up (-c pass): {}", startup.join(", ")),
    ];
    for (k, n) in notes.iter().enumerate() {
        let _ = writeln!(
            o,
            "<text x=\"{LEFT}\" y=\"{}\" fill=\"#444\">{}</text>",
            42 + 16 * k,
            esc(n)
        );
    }
    // Legend.
    for (k, &i) in shown.iter().enumerate() {
        let name = &r.implementations[i].name;
        let g = r
            .geomean
            .iter()
            .find(|g| &g.implementation == name)
            .map(|g| format!(" (geomean {:.2}x)", g.speedup))
            .unwrap_or_default();
        let label = format!("{}{g}", describe_impl(r, i));
        let ly = LEGEND_Y + 18.0 * k as f64;
        let _ = writeln!(
            o,
            "<rect x=\"{LEFT}\" y=\"{ly:.1}\" width=\"12\" height=\"12\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            COLORS[k % COLORS.len()],
            LEFT + 18.0,
            ly + 10.5,
            esc(&label)
        );
    }
    // Axis, grid and ticks.
    for t in log_ticks(lo, hi) {
        let ty = y(t);
        let (stroke, w) = if (t - 1.0).abs() < 1e-9 {
            ("#000", 1.2)
        } else {
            ("#ddd", 1.0)
        };
        let _ = writeln!(
            o,
            "<line x1=\"{LEFT}\" y1=\"{ty:.1}\" x2=\"{:.1}\" y2=\"{ty:.1}\" stroke=\"{stroke}\" \
             stroke-width=\"{w}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT + plot_w,
            LEFT - 6.0,
            ty + 4.0,
            fmt_tick(t)
        );
    }
    let _ = writeln!(
        o,
        "<line x1=\"{LEFT}\" y1=\"{top:.1}\" x2=\"{LEFT}\" y2=\"{:.1}\" stroke=\"#000\"/>",
        top + PLOT_H
    );
    let _ = writeln!(
        o,
        "<text transform=\"translate(18 {:.1}) rotate(-90)\" text-anchor=\"middle\">speedup over {} \
         (1 = same)</text>",
        top + PLOT_H / 2.0,
        esc(base_name)
    );
    // Bars.
    let one = y(1.0);
    for (gi, s) in r.scripts.iter().enumerate() {
        let gx = LEFT + gi as f64 * group_w + (group_w - shown.len() as f64 * bar_w) / 2.0;
        for (k, &i) in shown.iter().enumerate() {
            let c = &s.results[i];
            let x = gx + k as f64 * bar_w;
            let color = COLORS[k % COLORS.len()];
            let Some(sp) = c.speedup.filter(|_| c.status != "failed") else {
                let what = if c.status == "failed" { "fail" } else { "n/a" };
                let _ = writeln!(
                    o,
                    "<text transform=\"translate({:.1} {:.1}) rotate(-90)\" font-size=\"10\" \
                     fill=\"#b00\">{what}</text>",
                    x + bar_w / 2.0 + 3.0,
                    one - 4.0
                );
                continue;
            };
            let (top, bottom) = if sp.value >= 1.0 {
                (y(sp.value), one)
            } else {
                (one, y(sp.value))
            };
            let opacity = if c.ok() { "1" } else { "0.35" };
            let _ = writeln!(
                o,
                "<rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{color}\" \
                 fill-opacity=\"{opacity}\"><title>{} under {}: {:.2}x ({:.2}-{:.2})</title></rect>",
                x + 1.0,
                bar_w - 2.0,
                (bottom - top).max(0.5),
                esc(&s.name),
                esc(&c.implementation),
                sp.value,
                sp.low,
                sp.high
            );
            let cx = x + bar_w / 2.0;
            let _ = writeln!(
                o,
                "<path d=\"M{cx:.1} {:.1}V{:.1}M{:.1} {:.1}H{:.1}M{:.1} {:.1}H{:.1}\" stroke=\"#222\" \
                 stroke-width=\"1\" fill=\"none\"/>",
                y(sp.high),
                y(sp.low),
                cx - 3.0,
                y(sp.high),
                cx + 3.0,
                cx - 3.0,
                y(sp.low),
                cx + 3.0
            );
            if !c.ok() {
                let _ = writeln!(
                    o,
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\" \
                     fill=\"#b00\">diff</text>",
                    top - 4.0
                );
            }
        }
        let lx = gx + shown.len() as f64 * bar_w / 2.0;
        let _ = writeln!(
            o,
            "<text transform=\"translate({lx:.1} {:.1}) rotate(-35)\" text-anchor=\"end\">{}</text>",
            top + PLOT_H + 14.0,
            esc(&s.name)
        );
    }
    // Geometric means.
    for (k, &i) in shown.iter().enumerate() {
        let name = &r.implementations[i].name;
        if let Some(g) = r.geomean.iter().find(|g| &g.implementation == name) {
            let gy = y(g.speedup);
            let _ = writeln!(
                o,
                "<line x1=\"{LEFT}\" y1=\"{gy:.1}\" x2=\"{:.1}\" y2=\"{gy:.1}\" stroke=\"{}\" \
                 stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
                LEFT + plot_w,
                COLORS[k % COLORS.len()]
            );
        }
    }
    let _ = writeln!(
        o,
        "<text x=\"{LEFT}\" y=\"{:.1}\" fill=\"#666\" font-size=\"11\">{}</text>",
        height - 12.0,
        esc(&super::env::describe(&r.environment))
    );
    o.push_str("</svg>\n");
    o
}

/// `jit (cpjit --jit)`, `python3 (cpython 3.11.9)`.
fn describe_impl(r: &Report, i: usize) -> String {
    let imp = &r.implementations[i];
    match imp.mode.as_deref() {
        Some("off") => format!("{} (cpjit --specialize=off)", imp.name),
        Some("spec") => format!("{} (cpjit, specializing)", imp.name),
        Some("jit") => format!("{} (cpjit --jit)", imp.name),
        _ => match &imp.version {
            Some(v) => format!("{} ({v})", imp.name),
            None => imp.name.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_range() {
        assert_eq!(log_ticks(0.4, 12.0), vec![0.5, 1.0, 2.0, 5.0, 10.0]);
        // A narrow range gets finer steps.
        let t = log_ticks(0.9, 1.6);
        assert!(t.len() >= 3 && t.contains(&1.0), "{t:?}");
        assert_eq!(fmt_tick(1.25), "1.25x");
        assert_eq!(fmt_tick(10.0), "10x");
    }
}
