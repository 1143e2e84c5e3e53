//! A Rust panic never aborts cpjit: it becomes `SystemError: cpjit internal error: <message>`
//! with a Python traceback (exit status 1 when uncaught), and a caught one leaves the VM usable.
//! `_cpjit.panic(msg)` is cpjit's debugging hook that panics on purpose.

use std::process::Command;

fn cpjit(src: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args(["-c", src])
        .output()
        .expect("run cpjit");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn uncaught_panic_is_a_system_error_with_traceback() {
    let (st, out, err) =
        cpjit("import _cpjit\ndef f():\n    _cpjit.panic('boom')\nprint('before')\nf()\n");
    assert_eq!(st, 1, "{err}");
    assert_eq!(out, "before\n");
    let expected_head = "Traceback (most recent call last):\n  File \"<string>\", line 5, in <module>\n  \
                         File \"<string>\", line 3, in f\nSystemError: cpjit internal error: boom (at src/";
    assert!(err.starts_with(expected_head), "{err}");
    // Only the Python report: no "thread ... panicked" line from Rust's default hook.
    assert_eq!(err.lines().count(), 4, "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn caught_panic_leaves_the_vm_usable() {
    // The panic happens two Python frames deep inside a built-in (sorted's key function): the
    // frames, recursion depth and roots are restored, so deep recursion still reaches the limit
    // at the same depth and later calls work.
    let src = "\
import _cpjit
def key(x):
    def inner():
        _cpjit.panic('in key')
    inner()
for i in range(50):
    try:
        sorted([3, 1, 2], key=key)
    except SystemError as e:
        msg = str(e)
print(msg.split(' (at ')[0])
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 900)
print(sorted([3, 1, 2]))
";
    let (st, out, err) = cpjit(src);
    assert_eq!(
        (st, out.as_str(), err.as_str()),
        (0, "cpjit internal error: in key\nTrue\n[1, 2, 3]\n", "")
    );
}

#[test]
fn sandbox_counts_internal_errors() {
    let o = cpjit::vm::run::run_sandboxed(
        b"import _cpjit\ntry:\n    _cpjit.panic()\nexcept SystemError:\n    pass\n",
        10_000,
    );
    assert_eq!((o.status, o.internal_errors), (0, 1));
}
