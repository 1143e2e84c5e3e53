//! The machine and build a benchmark ran on, recorded in `--json` output and shown in reports.

use serde_json::{json, Value};

/// The first `model name` (x86) or `CPU part`/`Hardware` line of /proc/cpuinfo.
fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    for key in ["model name", "Hardware", "CPU part"] {
        if let Some(v) = info
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_once(':'))
        {
            return v.1.trim().to_string();
        }
    }
    std::env::consts::ARCH.to_string()
}

fn read_trimmed(path: &str) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
}

/// FNV-1a over the host's stencils (names, code, holes): two builds with the same hash copy and
/// patch the same machine code.
pub fn stencil_hash() -> Option<String> {
    let arch = crate::jit::stencils::Arch::host()?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for s in arch.stencils() {
        eat(s.name.as_bytes());
        eat(&[0xff]);
        eat(s.code);
        for hole in s.holes {
            eat(format!("{hole:?}").as_bytes());
        }
    }
    Some(format!("{h:016x}"))
}

/// The build profile of this cpjit: what a reader needs to know before trusting a number.
pub fn profile() -> &'static str {
    if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    }
}

/// Everything about the environment, as JSON.
pub fn environment() -> Value {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    json!({
        "cpu": cpu_model(),
        "cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "arch": std::env::consts::ARCH,
        "kernel": read_trimmed("/proc/sys/kernel/osrelease"),
        "load_average": read_trimmed("/proc/loadavg")
            .and_then(|l| l.split_whitespace().next().map(str::to_string)),
        "cpjit_version": env!("CARGO_PKG_VERSION"),
        "build_profile": profile(),
        "stencil_hash": stencil_hash(),
        "unix_time": seconds,
    })
}

/// One line for reports: `cpu (N CPUs, load L at the start), Linux kernel, cpjit V (profile),
/// stencils HASH`.
pub fn describe(env: &Value) -> String {
    let s = |k: &str| env[k].as_str().unwrap_or("?").to_string();
    format!(
        "{} ({} CPUs, load average {} at the start), Linux {}, cpjit {} ({} build), stencils {}",
        s("cpu"),
        env["cpus"].as_u64().unwrap_or(0),
        s("load_average"),
        s("kernel"),
        s("cpjit_version"),
        s("build_profile"),
        s("stencil_hash")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_names_the_build() {
        let e = environment();
        assert_eq!(e["cpjit_version"], env!("CARGO_PKG_VERSION"));
        assert!(!e["cpu"].as_str().unwrap().is_empty());
        if crate::jit::stencils::Arch::host().is_some() {
            let h = e["stencil_hash"].as_str().unwrap();
            assert_eq!(h.len(), 16);
            assert_eq!(stencil_hash().as_deref(), Some(h));
        }
        assert!(describe(&e).contains(env!("CARGO_PKG_VERSION")));
    }
}
