//! Code objects in CPython 3.11's layout (`bytecode::cpython_layout`): the opcode numbers and
//! inline-cache counts it writes are python3's, and for a few standard-library modules every code
//! object's `co_code`, `co_linetable`, `co_exceptiontable`, `co_positions()`, `co_lines()` and
//! the module's `dis.dis` listing are python3's byte for byte (`tools/dis_layout_diff.py`, which
//! also runs over the whole standard library).

use std::path::Path;
use std::process::Command;

use cpjit::bytecode::cpython_layout::CPYTHON_311_OPCODES;

#[test]
fn opcode_numbers_and_caches_are_python3s() {
    let out = Command::new("python3")
        .args([
            "-c",
            "import opcode\nfor n, v in sorted(opcode.opmap.items(), key=lambda x: x[1]):\n    \
             print(n, v, opcode._inline_cache_entries[v])",
        ])
        .output()
        .expect("python3 (the oracle) is needed");
    let want = String::from_utf8(out.stdout).unwrap();
    let have: String = CPYTHON_311_OPCODES
        .iter()
        .map(|(n, v, c)| format!("{n} {v} {c}\n"))
        .collect();
    assert_eq!(have, want);
}

#[test]
fn stdlib_modules_match_python3() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .arg("-c")
        .arg("import sysconfig; print(sysconfig.get_paths()['stdlib'])")
        .output()
        .expect("python3 (the oracle) is needed");
    let stdlib = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let mods = [
        "argparse",
        "contextlib",
        "json/decoder",
        "string",
        "base64",
        "functools",
        "os",
        "shutil",
        "asyncio/tasks",
        "heapq",
    ];
    let files: Vec<String> = mods.iter().map(|m| format!("{stdlib}/{m}.py")).collect();
    let out = Command::new("python3")
        .arg(root.join("tools/dis_layout_diff.py"))
        .arg("--cpjit")
        .arg(env!("CARGO_BIN_EXE_cpjit"))
        .arg("-v")
        .args(&files)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
