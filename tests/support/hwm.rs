//! Peak resident memory as a process reports it: cpjit prints its VmHWM line (from
//! /proc/self/status) at exit when CPJIT_REPORT_HWM is set; CPython runs a prelude that prints
//! it (tests/gc_rss.rs, tests/pyperformance.rs).

use std::process::Command;

/// Runs `cmd` and returns the VmHWM (KiB) it reported on stderr.
pub fn reported_hwm_kb(mut cmd: Command) -> u64 {
    let out = cmd.output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{cmd:?} failed: {err}");
    let line = err
        .lines()
        .rev()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or_else(|| panic!("{cmd:?} reported no VmHWM: {err}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}
