//! `cpjit bench`: the table, JSON and chart it writes (the chart rendered by resvg), a script that
//! fails or prints something else in one mode, `--compare`, and argument errors. Tiny scripts and
//! one or two runs: nothing here depends on how fast anything is.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/pyperformance.rs"]
mod support;

fn tmpdir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `cpjit bench ARGS`, without the environment's PYTHONPATH: cpjit bench brings its own pyperf.
fn bench(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .arg("bench")
        .args(args)
        .env_remove("PYTHONPATH")
        .output()
        .expect("run cpjit bench");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn read_json(p: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// The result of `script` under `imp` in a --json report.
fn cell<'a>(j: &'a serde_json::Value, script: &str, imp: &str) -> &'a serde_json::Value {
    let s = j["scripts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == script)
        .unwrap_or_else(|| panic!("no script {script}"));
    s["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["implementation"] == imp)
        .unwrap_or_else(|| panic!("no {imp} for {script}"))
}

/// Renders an SVG to PNG with resvg; returns the PNG's size and the pixmap.
fn render(svg: &str, png: &Path) -> resvg::tiny_skia::Pixmap {
    let tree =
        resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).expect("SVG parses");
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.save_png(png).expect("write PNG");
    pixmap
}

const LOOP: &str =
    "def f(n):\n    t = 0\n    for i in range(n):\n        t += i * 2\n    return t\n\
                    for _ in range(20):\n    r = f(2000)\nprint(r)\n";

/// A pyperformance-style script: runs only with a `pyperf` module on the path.
const PYPERF_SCRIPT: &str = "import pyperf\n\ndef work(n):\n    return sum(i * i for i in range(n))\n\n\
    if __name__ == '__main__':\n    runner = pyperf.Runner()\n    runner.metadata['description'] = 'x'\n    \
    runner.argparser.add_argument('--size', type=int, default=300)\n    \
    args = runner.parse_args()\n    runner.bench_func('squares', work, args.size)\n";

#[test]
fn writes_table_json_and_a_chart_that_renders() {
    let d = tmpdir("all");
    let plain = d.join("loop.py");
    std::fs::write(&plain, LOOP).unwrap();
    let bm = d.join("bm_squares");
    std::fs::create_dir_all(&bm).unwrap();
    std::fs::write(bm.join("run_benchmark.py"), PYPERF_SCRIPT).unwrap();
    let (json, svg, html) = (d.join("r.json"), d.join("r.svg"), d.join("r.html"));
    let (st, out, err) = bench(&[
        "--runs",
        "2",
        "--vs",
        "python3",
        "--json",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        plain.to_str().unwrap(),
        bm.join("run_benchmark.py").to_str().unwrap(),
    ]);
    assert_eq!(st, 0, "stdout:\n{out}\nstderr:\n{err}");
    // Piped: no progress display.
    assert_eq!(err, "");
    for word in [
        "start-up (-c pass)",
        "loop",
        "squares",
        "off",
        "spec",
        "jit",
        "python3",
        "1 (baseline)",
        "geomean speedup over off",
    ] {
        assert!(out.contains(word), "{word:?} missing from:\n{out}");
    }

    let j = read_json(&json);
    assert_eq!(j["settings"]["runs"], 2);
    assert_eq!(j["settings"]["baseline"], "off");
    assert!(j["environment"]["cpu"].is_string());
    assert!(j["environment"]["build_profile"].is_string());
    for script in ["loop", "squares"] {
        for imp in ["off", "spec", "jit", "python3"] {
            let c = cell(&j, script, imp);
            assert_eq!(c["status"], "ok", "{script} {imp}: {c}");
            assert_eq!(c["times"].as_array().unwrap().len(), 2);
            assert!(c["peak_rss_kb"].as_u64().unwrap() > 0);
            let s = &c["speedup"];
            if imp == "off" {
                assert_eq!(
                    (s["low"].as_f64(), s["high"].as_f64()),
                    (Some(1.0), Some(1.0))
                );
            }
            assert!(s["low"].as_f64().unwrap() <= s["value"].as_f64().unwrap());
            assert!(s["value"].as_f64().unwrap() <= s["high"].as_f64().unwrap());
        }
    }
    // cpjit's statistics: the JIT compiled the loop; the specializer ran in spec and jit.
    let jit = &cell(&j, "loop", "jit")["stats"];
    assert!(jit["jit_regions"].as_u64().unwrap() >= 1, "{jit}");
    assert!(jit["jit_code_bytes"].as_u64().unwrap() > 0, "{jit}");
    assert!(jit["jit_compile_ms"].as_f64().is_some(), "{jit}");
    let spec = &cell(&j, "loop", "spec")["stats"];
    let hits = spec["specialization_hit_rate"].as_f64().unwrap();
    assert!(hits > 0.0 && hits <= 1.0, "{spec}");
    assert!(spec["jit_regions"].is_null());
    assert!(cell(&j, "loop", "python3")["stats"].is_null());
    // python3 is timed as the interpreter itself, never through a version-manager shim.
    let py = j["implementations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "python3")
        .unwrap();
    let exe = py["command"][0].as_str().unwrap();
    assert!(!exe.contains("/shims/"), "{py}");
    let head = std::fs::read(exe).unwrap();
    assert!(!head.starts_with(b"#!"), "{exe} is a script");
    // Start-up: measured for every implementation.
    for c in j["startup"]["results"].as_array().unwrap() {
        assert_eq!(c["status"], "ok", "{c}");
        assert!(c["median"].as_f64().unwrap() > 0.0);
    }
    assert!(cell(&j, "loop", "jit")["startup_share"].as_f64().unwrap() > 0.0);

    // The chart renders, at its declared size, and is not blank: white background, bars in the
    // first two legend colours.
    let text = std::fs::read_to_string(&svg).unwrap();
    let png = d.join("r.png");
    let pixmap = render(&text, &png);
    assert!(pixmap.width() >= 600 && pixmap.height() >= 400);
    let decoded = resvg::tiny_skia::Pixmap::load_png(&png).unwrap();
    assert_eq!(
        (decoded.width(), decoded.height()),
        (pixmap.width(), pixmap.height())
    );
    let px = decoded.pixels();
    let non_white = px
        .iter()
        .filter(|p| (p.red(), p.green(), p.blue()) != (255, 255, 255))
        .count();
    assert!(
        non_white > px.len() / 100,
        "only {non_white} non-white pixels"
    );
    for (r, g, b) in [(0x44, 0x77, 0xaa), (0xee, 0x66, 0x77)] {
        assert!(
            px.iter()
                .any(|p| (p.red(), p.green(), p.blue()) == (r, g, b)),
            "no #{r:02x}{g:02x}{b:02x} bar"
        );
    }
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg") && page.contains("squares"));
}

/// Reads how it was started (sys.orig_argv): fails under --jit, prints something else under the
/// default mode than under --specialize=off.
const MODE_DEPENDENT: &str = "import sys\n\
    if '--jit=on' in sys.orig_argv:\n    raise RuntimeError('broken under the JIT')\n\
    print('off' if '--specialize=off' in sys.orig_argv else 'specializing')\n";

#[test]
fn a_script_failing_or_differing_in_one_mode_is_reported_and_the_rest_kept() {
    let d = tmpdir("fail");
    let bad = d.join("moody.py");
    std::fs::write(&bad, MODE_DEPENDENT).unwrap();
    let good = d.join("loop.py");
    std::fs::write(&good, LOOP).unwrap();
    let (json, svg) = (d.join("r.json"), d.join("r.svg"));
    let (st, out, err) = bench(&[
        "--runs=1",
        "--warmup=0",
        "--json",
        json.to_str().unwrap(),
        "--svg",
        svg.to_str().unwrap(),
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(st, 1, "stdout:\n{out}\nstderr:\n{err}");
    assert!(out.contains("FAILED"), "{out}");
    assert!(out.contains("DIFFERS"), "{out}");
    assert!(out.contains("RuntimeError: broken under the JIT"), "{out}");
    let j = read_json(&json);
    assert_eq!(cell(&j, "moody", "off")["status"], "ok");
    assert_eq!(
        cell(&j, "moody", "off")["times"].as_array().unwrap().len(),
        1
    );
    let spec = cell(&j, "moody", "spec");
    assert_eq!(spec["status"], "differs");
    assert!(
        spec["message"].as_str().unwrap().contains("line 1"),
        "{spec}"
    );
    assert_eq!(spec["times"].as_array().unwrap().len(), 1);
    let jit = cell(&j, "moody", "jit");
    assert_eq!(jit["status"], "failed");
    assert!(
        jit["message"].as_str().unwrap().contains("exit status 1"),
        "{jit}"
    );
    assert!(jit["times"].as_array().unwrap().is_empty());
    // The other script's results are whole, and only it counts in the geomeans.
    for imp in ["off", "spec", "jit"] {
        assert_eq!(cell(&j, "loop", imp)["status"], "ok");
    }
    let geomean_scripts = |imp: &str| {
        j["geomean"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["implementation"] == imp)
            .unwrap()["scripts"]
            .clone()
    };
    assert_eq!(geomean_scripts("off"), 2);
    assert_eq!(geomean_scripts("spec"), 1);
    assert_eq!(geomean_scripts("jit"), 1);
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(
        chart.contains(">fail<") && chart.contains(">diff<"),
        "{chart}"
    );
}

#[test]
fn a_run_past_the_timeout_fails_and_the_rest_is_kept() {
    let d = tmpdir("timeout");
    let forever = d.join("forever.py");
    std::fs::write(&forever, "while True:\n    pass\n").unwrap();
    let quick = d.join("quick.py");
    std::fs::write(&quick, "print(sum(range(100)))\n").unwrap();
    let json = d.join("r.json");
    let (st, out, err) = bench(&[
        "--modes=off",
        "--runs=1",
        "--warmup=0",
        "--timeout=0.5",
        "--json",
        json.to_str().unwrap(),
        forever.to_str().unwrap(),
        quick.to_str().unwrap(),
    ]);
    assert_eq!(st, 1, "{out}{err}");
    let j = read_json(&json);
    let c = cell(&j, "forever", "off");
    assert_eq!(c["status"], "failed");
    assert!(
        c["message"]
            .as_str()
            .unwrap()
            .contains("timed out after 0.5 s"),
        "{c}"
    );
    assert_eq!(cell(&j, "quick", "off")["status"], "ok");
}

#[test]
fn compare_reports_change_and_significance() {
    let d = tmpdir("compare");
    let script = d.join("loop.py");
    std::fs::write(&script, LOOP).unwrap();
    let old = d.join("old.json");
    let (st, out, err) = bench(&[
        "--modes",
        "off,jit",
        "--runs",
        "4",
        "--warmup",
        "0",
        "--json",
        old.to_str().unwrap(),
        script.to_str().unwrap(),
    ]);
    assert_eq!(st, 0, "{out}{err}");
    // OLD and NEW: the same file, with fixed times for `loop` under jit: halved in NEW, so the
    // four runs of each side are apart (an exact p of 2/70); off's times are left as they ran.
    let mut j = read_json(&old);
    let set_jit_times = |j: &mut serde_json::Value, times: [f64; 4]| {
        for s in j["scripts"].as_array_mut().unwrap() {
            for c in s["results"].as_array_mut().unwrap() {
                if c["implementation"] == "jit" {
                    c["times"] = serde_json::json!(times);
                }
            }
        }
    };
    set_jit_times(&mut j, [1.0, 1.1, 1.2, 1.3]);
    std::fs::write(&old, serde_json::to_string(&j).unwrap()).unwrap();
    set_jit_times(&mut j, [0.5, 0.55, 0.6, 0.65]);
    let new = d.join("new.json");
    std::fs::write(&new, serde_json::to_string(&j).unwrap()).unwrap();
    let (st, out, err) = bench(&["--compare", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(st, 0, "{err}");
    let line = |imp: &str| -> String {
        out.lines()
            .skip_while(|l| !l.starts_with("loop"))
            .find(|l| l.split_whitespace().any(|w| w == imp))
            .unwrap_or_else(|| panic!("no {imp} line for loop in:\n{out}"))
            .to_string()
    };
    assert!(
        line("jit").contains("-50.0%") && line("jit").ends_with("faster"),
        "{out}"
    );
    assert!(line("off").contains("+0.0%"), "{out}");
    assert!(line("off").ends_with("no significant change"), "{out}");
    assert!(out.contains("start-up (-c pass)"), "{out}");
    // Four runs a side can reach p = 2/70: no warning about too few runs.
    assert!(!out.contains("no change can be significant"), "{out}");
}

#[test]
fn argument_errors_exit_2_with_a_message() {
    let d = tmpdir("args");
    let script = d.join("ok.py");
    std::fs::write(&script, "pass\n").unwrap();
    let s = script.to_str().unwrap();
    let missing = d.join("missing.py");
    let missing = missing.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["--modes", "off,turbo", s], "unknown mode 'turbo'"),
        (&[missing], "missing.py: no such file"),
        (&[], "expected at least one FILE"),
        (&["--runs", "zero", s], "--runs: expected an integer"),
        (&["--timeout", "-1", s], "--timeout: expected seconds"),
        (&["--vs", "no-such-python-cpjit", s], "command not found"),
        (&["--frob", s], "unknown option --frob"),
        (&["--json", "/no/such/dir/x.json", s], "does not exist"),
        (&["--compare", "a.json"], "expected two files"),
        (&["--compare", s, s], "not a `cpjit bench --json` file"),
    ];
    for (args, want) in cases {
        let (st, out, err) = bench(args);
        assert_eq!(st, 2, "{args:?}: {out}{err}");
        assert!(err.starts_with("cpjit bench: "), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: want {want:?} in {err}");
        assert_eq!(out, "", "{args:?}");
    }
    let (st, out, _) = bench(&["--help"]);
    assert_eq!(st, 0);
    assert!(out.contains("--compare OLD.json NEW.json"));
}

/// Must-hold 1 of issue 11 on real pyperformance scripts (a quick few of those cpjit runs), with
/// cpjit's own pyperf stand-in and `--vs python3`: every implementation runs each cleanly, and
/// the table, JSON and chart come out.
#[test]
fn pyperformance_scripts_against_python3() {
    let (dest, _) = support::fetch_scripts();
    let d = tmpdir("pyperformance");
    let (json, svg) = (d.join("r.json"), d.join("r.svg"));
    let names = ["deltablue", "richards", "unpack_sequence", "gc_traversal"];
    let scripts: Vec<String> = names
        .iter()
        .map(|n| {
            dest.join(format!("bm_{n}/run_benchmark.py"))
                .display()
                .to_string()
        })
        .collect();
    let (json_opt, svg_opt) = (
        format!("--json={}", json.display()),
        format!("--svg={}", svg.display()),
    );
    let mut args = vec!["--runs=1", "--vs=python3", &json_opt, &svg_opt];
    args.extend(scripts.iter().map(String::as_str));
    let (st, text, err) = bench(&args);
    assert_eq!(st, 0, "{text}{err}");
    let j = read_json(&json);
    for n in names {
        assert!(text.contains(n), "{n} missing from:\n{text}");
        for imp in ["off", "spec", "jit", "python3"] {
            assert_eq!(cell(&j, n, imp)["status"], "ok", "{n} {imp}");
        }
    }
    let chart = std::fs::read_to_string(&svg).unwrap();
    let pixmap = render(&chart, &d.join("r.png"));
    assert!(pixmap.width() >= 600 && pixmap.height() >= 400);
}
