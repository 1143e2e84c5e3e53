//! Shared helpers: a seeded PRNG and a batch runner that feeds inputs to python3.

use std::io::Write;
use std::process::{Command, Stdio};

/// xorshift64*: deterministic, good enough to spread test inputs.
pub struct Rng(pub u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// A float with a mix of shapes: random bits, small decimals, integers, powers of ten, specials.
    pub fn float(&mut self) -> f64 {
        match self.below(8) {
            0 => f64::from_bits(self.next()),
            1 => (self.range(-100000, 100000) as f64) / 1000.0,
            2 => self.range(-1_000_000, 1_000_000) as f64,
            3 => {
                let e = self.range(-30, 30) as i32;
                (self.range(1, 99) as f64) * 10f64.powi(e)
            }
            4 => *self.pick(&[
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                0.5,
                2.5,
                1e16,
                1e-5,
                123456789012345678.0,
                5e-324,
                f64::MAX,
                0.125,
                1.0 / 3.0,
            ]),
            5 => (self.range(-999, 999) as f64) + 0.5,
            6 => (self.next() as f64 / u64::MAX as f64) * 10f64.powi(self.range(-8, 20) as i32),
            _ => f64::from_bits(self.next() >> self.below(12)),
        }
    }
}

/// Run `script` under python3 with `input` on stdin; return stdout lines. The script reads
/// `sys.stdin` itself. Panics with stderr on failure.
pub fn py(script: &str, input: &str) -> Vec<String> {
    py_env(script, input, &[])
}

/// Like [`py`], with extra environment variables.
pub fn py_env(script: &str, input: &str, env: &[(&str, &str)]) -> Vec<String> {
    let mut child = Command::new("python3")
        .envs(env.iter().copied())
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 must be installed (the oracle)");
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_string();
    let writer = std::thread::spawn(move || {
        stdin.write_all(data.as_bytes()).unwrap();
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|s| s.to_string())
        .collect()
}

/// Python float literal that reproduces `x` exactly (via float.fromhex).
pub fn pyfloat(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else {
        format!("{:e}", x)
    }
}

/// Compare two equal-length lists; report up to 10 mismatches with their inputs.
pub fn check(what: &str, inputs: &[String], got: &[String], want: &[String]) {
    // RTLIB_DUMP=dir writes python's answers there, to inspect what a test covers.
    if let Ok(dir) = std::env::var("RTLIB_DUMP") {
        let name: String = what.chars().filter(|c| c.is_alphanumeric()).collect();
        std::fs::write(format!("{}/{}.txt", dir, name), want.join("\n")).unwrap();
    }
    assert_eq!(
        got.len(),
        want.len(),
        "{}: python returned {} lines for {} inputs",
        what,
        want.len(),
        got.len()
    );
    let mut bad = Vec::new();
    for i in 0..got.len() {
        if got[i] != want[i] {
            bad.push(format!(
                "  input {:?}: got {:?}, python {:?}",
                inputs[i], got[i], want[i]
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{}: {} of {} differ:\n{}",
        what,
        bad.len(),
        got.len(),
        bad.into_iter()
            .take(if std::env::var("RTLIB_ALL").is_ok() {
                usize::MAX
            } else {
                10
            })
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Python's `ascii(s)` for a str (quote choice and escapes as CPython).
pub fn py_ascii(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        let n = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c)
            }
            _ if n < 0x20 || (0x7f..0x100).contains(&n) => out.push_str(&format!("\\x{:02x}", n)),
            _ if n >= 0x10000 => out.push_str(&format!("\\U{:08x}", n)),
            _ if n >= 0x100 => out.push_str(&format!("\\u{:04x}", n)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}
