//! What `cpjit bench` runs each script with: cpjit in each mode (`--modes`), and other Pythons
//! (`--vs COMMAND`), with version-manager shims resolved to the interpreter they start.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A cpjit mode: the plain interpreter, the default specializing one, or with the JIT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Off,
    Spec,
    Jit,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Off, Mode::Spec, Mode::Jit];

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Off => "off",
            Mode::Spec => "spec",
            Mode::Jit => "jit",
        }
    }

    /// The options selecting the mode; explicit, so CPJIT_* variables in the environment can't
    /// change what is measured.
    pub fn flags(self) -> &'static [&'static str] {
        match self {
            Mode::Off => &["--specialize=off", "--jit=off"],
            Mode::Spec => &["--specialize=on", "--jit=off"],
            Mode::Jit => &["--specialize=on", "--jit=on"],
        }
    }
}

/// One implementation: a column of the results.
#[derive(Clone, Debug)]
pub struct Implementation {
    /// `off`, `spec`, `jit`, or the `--vs` command as given.
    pub name: String,
    /// Program and options; the script (or `-c pass`) is appended.
    pub argv: Vec<String>,
    /// For cpjit, its mode (which also means `--stats=json` works).
    pub mode: Option<Mode>,
    /// For `--vs`: what the command resolved to, when it was a shim.
    pub resolved_from: Option<String>,
    /// `sys.version` (first word) and `sys.implementation.name`, as the interpreter reports them.
    pub version: Option<String>,
}

/// cpjit in `mode`, run as `exe`.
pub fn cpjit(exe: &Path, mode: Mode) -> Implementation {
    let mut argv = vec![exe.display().to_string()];
    argv.extend(mode.flags().iter().map(|s| s.to_string()));
    Implementation {
        name: mode.name().to_string(),
        argv,
        mode: Some(mode),
        resolved_from: None,
        version: Some(format!("cpjit {}", env!("CARGO_PKG_VERSION"))),
    }
}

/// `name` looked up on PATH, as a shell would (a name with a slash is taken as a path).
pub fn which(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// A version-manager shim (pyenv, asdf, mise: a shell script in a `shims` directory) rather than
/// an interpreter: each start through it costs tens of milliseconds of shell and manager code.
fn is_shim(p: &Path) -> bool {
    if p.components().any(|c| c.as_os_str() == "shims") {
        return true;
    }
    let mut head = [0u8; 2];
    std::fs::File::open(p)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|_| &head == b"#!")
}

const PROBE: &str = "import sys; print(sys.executable); \
                     print(sys.implementation.name, sys.version.split()[0])";

/// The `--vs COMMAND` implementation: COMMAND split on whitespace, its program found on PATH and,
/// when that is a shim, replaced by the interpreter the shim runs (`sys.executable`).
pub fn other(command: &str) -> Result<Implementation, String> {
    let words: Vec<&str> = command.split_whitespace().collect();
    let Some(&program) = words.first() else {
        return Err("--vs: expected a command".into());
    };
    let Some(found) = which(program) else {
        return Err(format!("--vs {command}: command not found: {program}"));
    };
    let out = Command::new(&found)
        .args(&words[1..])
        .args(["-c", PROBE])
        .output()
        .map_err(|e| format!("--vs {command}: cannot run {}: {e}", found.display()))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("no message");
        return Err(format!(
            "--vs {command}: `{program} -c ...` failed ({}): {last}",
            out.status
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let executable = lines.next().unwrap_or("").trim().to_string();
    let version = lines.next().map(|s| s.trim().to_string());
    let mut argv = vec![found.display().to_string()];
    let mut resolved_from = None;
    if is_shim(&found) && !executable.is_empty() && Path::new(&executable).is_file() {
        resolved_from = Some(found.display().to_string());
        argv[0] = executable;
    }
    argv.extend(words[1..].iter().map(|s| s.to_string()));
    Ok(Implementation {
        name: command.to_string(),
        argv,
        mode: None,
        resolved_from,
        version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_by_name() {
        assert_eq!(Mode::parse("jit"), Some(Mode::Jit));
        assert_eq!(Mode::parse("on"), None);
        assert!(Mode::Off.flags().contains(&"--specialize=off"));
    }

    #[test]
    fn shell_scripts_are_shims() {
        let dir = std::env::temp_dir().join(format!("cpjit-shim-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("py");
        std::fs::write(&script, "#!/bin/sh\nexec true\n").unwrap();
        assert!(is_shim(&script));
        let binary = which("sh").unwrap().canonicalize().unwrap();
        assert!(!is_shim(&binary), "{binary:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn unknown_vs_command_is_an_error() {
        let e = other("no-such-python-xyz").unwrap_err();
        assert!(e.contains("command not found"), "{e}");
    }
}
