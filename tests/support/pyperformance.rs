//! The pyperformance scripts, fetched by shared/bench/fetch-pyperformance (tests/pyperformance.rs,
//! tests/bench.rs).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The project's shared/ directory: beside the checkout (as CI lays it out) or /work/shared.
fn shared_dir(root: &Path) -> PathBuf {
    if let Some(d) = std::env::var_os("CPJIT_SHARED") {
        return PathBuf::from(d);
    }
    for c in [root.join("../shared"), PathBuf::from("/work/shared")] {
        if c.join("bench/fetch-pyperformance").is_file() {
            return c;
        }
    }
    panic!("shared/ not found beside the checkout; set CPJIT_SHARED");
}

/// Fetches the pyperformance scripts into target/pyperformance; returns that directory and the
/// pyperf shim's.
pub fn fetch_scripts() -> (PathBuf, PathBuf) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = shared_dir(&root);
    let dest = root.join("target/pyperformance");
    let st = Command::new(shared.join("bench/fetch-pyperformance"))
        .arg(&dest)
        .current_dir(&root)
        .status()
        .expect("run fetch-pyperformance");
    assert!(st.success(), "fetch-pyperformance failed");
    let shim = shared.join("pyperf_shim");
    (dest, shim)
}
