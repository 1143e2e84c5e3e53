//! Finding CPython 3.11's standard library, which cpjit runs as its own (nothing of it is copied
//! into this repository; it is read at run time).
//!
//! Order: `CPJIT_STDLIB` (a directory holding `os.py`), else the CPython 3.11 found on PATH
//! (`python3.11`, then `python3` when it is 3.11). Asking that interpreter costs a process start
//! (~50 ms through a pyenv shim), so the answer is remembered in a small cache file keyed by the
//! interpreter's path and modification time; a cached directory that no longer holds `os.py` is
//! ignored and looked up again.

use std::path::{Path, PathBuf};

/// Where the standard library lives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StdlibInfo {
    /// The directory of `os.py` (CPython's `sysconfig.get_path('stdlib')`).
    pub stdlib: String,
    /// Site-packages of the same installation (`sysconfig.get_path('purelib')`), if any.
    pub purelib: Option<String>,
    /// How it was found, for `cpjit -VV`: "CPJIT_STDLIB" or the interpreter (its
    /// `sys.executable`, past any pyenv shim).
    pub source: String,
}

impl StdlibInfo {
    /// `sys.prefix`: the installation root (`<prefix>/lib/python3.11`).
    pub fn prefix(&self) -> String {
        Path::new(&self.stdlib)
            .parent()
            .and_then(|p| p.parent())
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    }
}

/// Why no standard library was found (shown when a stdlib module is imported, and by -VV).
pub fn not_found_reason() -> String {
    "no CPython 3.11 standard library found: set CPJIT_STDLIB to its directory (the one holding \
     os.py) or put python3.11 on PATH"
        .to_string()
}

fn holds_stdlib(dir: &str) -> bool {
    Path::new(dir).join("os.py").is_file()
}

/// Finds the standard library (see the module comment). `use_env` is false under -E/-I.
pub fn find(use_env: bool) -> Option<StdlibInfo> {
    if use_env {
        if let Some(d) = std::env::var_os("CPJIT_STDLIB") {
            let d = d.to_string_lossy().to_string();
            if holds_stdlib(&d) {
                let site = Path::new(&d).join("site-packages");
                return Some(StdlibInfo {
                    purelib: site.is_dir().then(|| site.display().to_string()),
                    stdlib: d,
                    source: "CPJIT_STDLIB".into(),
                });
            }
        }
    }
    for name in ["python3.11", "python3"] {
        let Some(exe) = which(name) else { continue };
        if let Some(info) = cached(&exe) {
            return Some(info);
        }
        if let Some(info) = ask(&exe) {
            store(&exe, &info);
            return Some(info);
        }
    }
    None
}

/// The first executable `name` on PATH.
fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn cache_file() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("cpjit").join("stdlib-3.11"))
}

/// The key a cache entry is valid for: the interpreter's path and modification time.
fn key_of(exe: &Path) -> Option<String> {
    let mtime = std::fs::metadata(exe).ok()?.modified().ok()?;
    let secs = mtime.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    Some(format!("{}\t{}", exe.display(), secs))
}

/// Cache format: one entry per line, `exe \t mtime \t real interpreter \t stdlib \t purelib`
/// (purelib may be empty).
fn cached(exe: &Path) -> Option<StdlibInfo> {
    let key = key_of(exe)?;
    let text = std::fs::read_to_string(cache_file()?).ok()?;
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() == 5 && format!("{}\t{}", f[0], f[1]) == key && holds_stdlib(f[3]) {
            return Some(StdlibInfo {
                stdlib: f[3].to_string(),
                purelib: (!f[4].is_empty()).then(|| f[4].to_string()),
                source: f[2].to_string(),
            });
        }
    }
    None
}

/// Writes the entry for `exe` (replacing an older one for the same interpreter), atomically: a
/// temporary file renamed over the cache, so a concurrent reader never sees half a file.
fn store(exe: &Path, info: &StdlibInfo) {
    let (Some(file), Some(key)) = (cache_file(), key_of(exe)) else {
        return;
    };
    let prefix = format!("{}\t", exe.display());
    let mut lines: Vec<String> = std::fs::read_to_string(&file)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with(&prefix) && l.split('\t').count() == 5)
        .map(String::from)
        .collect();
    lines.push(format!(
        "{key}\t{}\t{}\t{}",
        info.source,
        info.stdlib,
        info.purelib.as_deref().unwrap_or("")
    ));
    let Some(dir) = file.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = dir.join(format!(".stdlib-3.11.{}", std::process::id()));
    if std::fs::write(&tmp, lines.join("\n") + "\n").is_ok()
        && std::fs::rename(&tmp, &file).is_err()
    {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Asks the interpreter `exe` for its version and paths; None unless it is CPython 3.11.
fn ask(exe: &Path) -> Option<StdlibInfo> {
    const PROBE: &str = "import sys, sysconfig\n\
        print(sys.implementation.name, *sys.version_info[:2])\n\
        print(sys.executable)\n\
        print(sysconfig.get_path('stdlib'))\n\
        print(sysconfig.get_path('purelib'))";
    let out = std::process::Command::new(exe)
        .args(["-I", "-S", "-c", PROBE])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let mut lines = text.lines();
    if lines.next()? != "cpython 3 11" {
        return None;
    }
    let real = lines.next()?.to_string();
    let stdlib = lines.next()?.to_string();
    let purelib = lines
        .next()
        .map(String::from)
        .filter(|p| Path::new(p).is_dir());
    holds_stdlib(&stdlib).then(|| StdlibInfo {
        stdlib,
        purelib,
        // A pyenv shim names the real interpreter this way.
        source: real,
    })
}
