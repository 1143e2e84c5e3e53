//! `sys.path` at start-up, in CPython's order: the script's directory (`''` for `-c` and stdin,
//! the working directory for `-m`, nothing under `-I`), `PYTHONPATH` (not under `-E`), the
//! stdlib's zip entry (absent on disk, listed as CPython lists it), the stdlib, `lib-dynload`,
//! then what `site` adds (not under `-S`): the user site-packages (not under `-s` or with
//! PYTHONNOUSERSITE) and the installation's site-packages, each followed by the directories its
//! `.pth` files name.
//!
//! cpjit does not import `site` at start-up (it would cost every script the import of `os` and
//! friends); it adds the same directories itself. `.pth` lines starting with `import` (executable
//! hooks) are not run.

use crate::vm::discovery::StdlibInfo;
use crate::vm::run::Options;

pub fn build(opts: &Options, first: Option<String>, stdlib: Option<&StdlibInfo>) -> Vec<String> {
    let mut path = Vec::new();
    if let Some(f) = first {
        path.push(f);
    }
    if !opts.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            path.extend(pp.split(':').filter(|s| !s.is_empty()).map(String::from));
        }
    }
    let Some(info) = stdlib else {
        return path;
    };
    let prefix = info.prefix();
    path.push(format!("{prefix}/lib/python311.zip"));
    path.push(info.stdlib.clone());
    path.push(format!("{}/lib-dynload", info.stdlib));
    if opts.no_site {
        return path;
    }
    let user_site_off = opts.no_user_site
        || (!opts.ignore_environment
            && std::env::var_os("PYTHONNOUSERSITE").is_some_and(|v| !v.is_empty()));
    if !user_site_off {
        if let Some(user) = user_site(opts) {
            add_site_dir(&mut path, &user);
        }
    }
    if let Some(p) = &info.purelib {
        add_site_dir(&mut path, p);
    }
    path
}

/// `site.getusersitepackages()`: `$PYTHONUSERBASE` or `~/.local`, then lib/python3.11/site-packages.
fn user_site(opts: &Options) -> Option<String> {
    let base = match std::env::var("PYTHONUSERBASE") {
        Ok(b) if !b.is_empty() && !opts.ignore_environment => b,
        _ => format!("{}/.local", std::env::var("HOME").ok()?),
    };
    let dir = format!("{base}/lib/python3.11/site-packages");
    std::path::Path::new(&dir).is_dir().then_some(dir)
}

/// `site.addsitedir`: the directory, then the existing directories its `.pth` files list (in
/// file-name order), skipping comments, `import` lines and duplicates.
fn add_site_dir(path: &mut Vec<String>, dir: &str) {
    if !std::path::Path::new(dir).is_dir() || path.iter().any(|p| p == dir) {
        return;
    }
    path.push(dir.to_string());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut pth: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "pth")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    pth.sort();
    for f in pth {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for line in text.lines() {
            let line = line.trim_end();
            if line.is_empty()
                || line.starts_with('#')
                || line.starts_with("import ")
                || line.starts_with("import\t")
            {
                continue;
            }
            let p = std::path::Path::new(dir).join(line);
            let p = p.display().to_string();
            if std::path::Path::new(&p).exists() && !path.contains(&p) {
                path.push(p);
            }
        }
    }
}
