//! The command line, as CPython's: `-c`, `-` (stdin), script arguments, exit statuses, and clear
//! errors for options cpjit does not have.

use std::io::Write;
use std::process::{Command, Stdio};

fn cpjit(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cpjit");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn command_and_stdin_programs() {
    let (st, out, _) = cpjit(&["-c", "import sys; print(sys.argv)", "x", "y"], "");
    assert_eq!((st, out.as_str()), (0, "['-c', 'x', 'y']\n"));
    let (st, out, err) = cpjit(&["-", "a"], "import sys\nprint(sys.argv)\n1/0\n");
    assert_eq!((st, out.as_str()), (1, "['-', 'a']\n"));
    assert!(err
        .ends_with("File \"<stdin>\", line 3, in <module>\nZeroDivisionError: division by zero\n"));
    let (st, _, _) = cpjit(&["-c", "raise SystemExit(7)"], "");
    assert_eq!(st, 7);
}

#[test]
fn bad_command_lines_fail_cleanly() {
    let (st, _, err) = cpjit(&["--jit", "x.py"], "");
    assert_eq!(st, 2);
    assert!(err.contains("JIT is not connected"), "{err}");
    let (st, _, err) = cpjit(&["--frobnicate"], "");
    assert_eq!(
        (st, err.as_str()),
        (
            2,
            "unknown option --frobnicate\nTry `cpjit -h' for more information.\n"
        )
    );
    let (st, _, err) = cpjit(&["-c"], "");
    assert_eq!(
        (st, err.as_str()),
        (2, "Argument expected for the -c option\n")
    );
    let (st, _, err) = cpjit(&["/nonexistent/x.py"], "");
    assert_eq!(st, 2);
    assert!(
        err.contains("can't open file '/nonexistent/x.py': [Errno 2] No such file or directory"),
        "{err}"
    );
    let (st, _, _) = cpjit(&[], "");
    assert_eq!(st, 2);
}
