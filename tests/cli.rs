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
    let (st, _, err) = cpjit(&["--jit=fast", "x.py"], "");
    assert_eq!(
        (st, err.as_str()),
        (2, "cpjit: --jit: expected on, off or stress, not 'fast'\n")
    );
    let (st, _, err) = cpjit(&["--jit-threshold", "-3", "x.py"], "");
    assert_eq!(
        (st, err.as_str()),
        (
            2,
            "cpjit: --jit-threshold: expected a non-negative integer, not '-3'\n"
        )
    );
    let (st, _, err) = cpjit(&["--jit-threshold"], "");
    assert_eq!(
        (st, err.as_str()),
        (2, "cpjit: --jit-threshold: expected a value\n")
    );
    let (st, out, _) = cpjit(
        &["--jit", "--jit-threshold=1", "-c", "print(sum(range(9)))"],
        "",
    );
    assert_eq!((st, out.as_str()), (0, "36\n"));
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

/// python3 run the same way, for differential checks of the command line.
fn python3(args: &[&str], dir: &std::path::Path) -> (i32, String, String) {
    let out = Command::new("python3")
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .output()
        .expect("run python3");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn cpjit_in(args: &[&str], dir: &std::path::Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .output()
        .expect("run cpjit");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn stdlib_is_discovered_and_shown_by_vv() {
    let (st, out, _) = cpjit(&["-VV"], "");
    assert_eq!(st, 0);
    assert!(out.contains("standard library: /"), "{out}");
    // The same directory CPython reports for itself.
    let dir = std::env::temp_dir();
    let (_, want, _) = python3(
        &[
            "-c",
            "import sysconfig; print(sysconfig.get_path('stdlib'))",
        ],
        &dir,
    );
    assert!(out.contains(want.trim()), "{out} vs {want}");
    // CPJIT_STDLIB pointing nowhere useful falls back to the PATH search; an empty PATH and no
    // CPJIT_STDLIB means no stdlib, and importing one of its modules says so.
    let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args(["-c", "import collections"])
        .env("PATH", "")
        .env_remove("CPJIT_STDLIB")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("no CPython 3.11 standard library found"),
        "{err}"
    );
}

#[test]
fn sys_path_and_flags_as_cpython() {
    let dir = std::env::temp_dir();
    for flags in [
        &[][..],
        &["-I"][..],
        &["-S"][..],
        &["-s"][..],
        &["-E"][..],
        &["-I", "-S"][..],
    ] {
        let mut a: Vec<&str> = flags.to_vec();
        a.extend(["-c", "import sys; print(sys.path); print(sys.flags.isolated, sys.flags.no_site, sys.flags.ignore_environment, sys.flags.no_user_site)"]);
        let want = python3(&a, &dir);
        let got = cpjit_in(&a, &dir);
        assert_eq!(got.1, want.1, "flags {flags:?}");
    }
}

#[test]
fn dash_m_runs_a_module_as_main() {
    let dir = std::env::temp_dir().join(format!("cpjit_dash_m_{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("pkg/__init__.py"), "print('pkg init')\n").unwrap();
    std::fs::write(
        dir.join("pkg/__main__.py"),
        "import sys\nprint('main of', __name__, __package__, sys.argv[1:])\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("tool.py"),
        "import sys\nprint(__name__, sys.argv[0].rsplit('/', 1)[-1], sys.argv[1:], sys.path[0] != '')\n",
    )
    .unwrap();
    for args in [
        &["-m", "tool", "x"][..],
        &["-m", "pkg", "a", "b"][..],
        &["-m", "nosuchmod"][..],
    ] {
        let want = python3(args, &dir);
        let got = cpjit_in(args, &dir);
        assert_eq!((got.0, &got.1), (want.0, &want.1), "{args:?}: {}", got.2);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn c_extensions_give_a_clear_import_error() {
    let dir = std::env::temp_dir().join(format!("cpjit_so_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("fastthing.cpython-311-x86_64-linux-gnu.so"),
        b"\x7fELF",
    )
    .unwrap();
    let (st, out, err) = cpjit_in(
        &["-c", "try:\n import fastthing\nexcept ImportError as e:\n print(type(e).__name__, e.name)\n raise"],
        &dir,
    );
    assert_eq!(st, 1);
    // ModuleNotFoundError, as from a CPython built without the module (fallbacks catch it).
    assert_eq!(out.trim(), "ModuleNotFoundError fastthing");
    assert!(
        err.contains("cannot load C extension module 'fastthing'")
            && err.contains("fastthing.cpython-311-x86_64-linux-gnu.so")
            && err.contains("cpjit runs Python code only and cannot load C extensions"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-X` options are recorded in `sys._xoptions` whatever their name, as CPython records them;
/// `int_max_str_digits` also sets the limit.
#[test]
fn x_options_in_sys_xoptions() {
    let code = "import sys; print(sys._xoptions, sys.flags.int_max_str_digits)";
    let args = [
        "-X",
        "faulthandler",
        "-Xint_max_str_digits=1000",
        "-X",
        "foo=bar",
        "-c",
        code,
    ];
    let (st, out, err) = cpjit(&args, "");
    assert_eq!(
        (st, out.as_str(), err.as_str()),
        (
            0,
            "{'faulthandler': True, 'int_max_str_digits': '1000', 'foo': 'bar'} 1000\n",
            ""
        )
    );
}

#[test]
fn a_reader_closing_the_pipe_early_is_no_crash() {
    // `cpjit stencils | head -1`: the dump is megabytes; the reader leaves after one line.
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args(["stencils"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cpjit");
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Runs `program` (a Python source) under `bin` with `stdin` piped in (all of it written before
/// the child reads: a regular file, so every read returns what it asks for, as in CPython) and
/// the given environment changes; returns (status, stdout bytes).
fn run_with_stdin(bin: &str, program: &str, stdin: &[u8], unbuffered: bool) -> (i32, Vec<u8>) {
    let dir = std::env::temp_dir().join(format!("cpjit_stdin_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join(format!("input_{}", bin.len()));
    std::fs::write(&input, stdin).unwrap();
    let mut cmd = Command::new(bin);
    cmd.arg("-c")
        .arg(program)
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONUNBUFFERED")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(std::fs::File::open(&input).unwrap())
        .stderr(Stdio::piped());
    if unbuffered {
        cmd.env("PYTHONUNBUFFERED", "1");
    }
    let out = cmd.output().expect("run");
    let _ = std::fs::remove_file(&input);
    (out.status.code().unwrap_or(-1), out.stdout)
}

/// sys.stdin, sys.stdin.buffer and input() read one stream of bytes as CPython's do, the text
/// layer's read-ahead (8192-byte chunks through read1) included: the same program on the same
/// input prints the same bytes under python3 and cpjit, with stdout's text and buffer layers
/// interleaved as CPython's buffering orders them (with and without PYTHONUNBUFFERED).
#[test]
fn stdin_layers_match_python3() {
    const PROGRAM: &str = r#"
import sys
out = sys.stdout
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.buffer.readline()))
print(repr(sys.stdin.buffer.read(5)), repr(sys.stdin.buffer.read1(3)))
print(repr(sys.stdin.readline(4)), repr(sys.stdin.readline()))
print(repr(input()), repr(input("prompt> ")))
print(repr(sys.stdin.read(3)))
for i, line in enumerate(sys.stdin.buffer):
    out.buffer.write(b"%d %r\n" % (i, line))
    if i == 2:
        break
print(repr(sys.stdin.buffer.peek(1)[:8]), repr(next(iter(sys.stdin))))
lines = sys.stdin.readlines(100)
print(len(lines), repr(lines[-1]))
b = bytearray(6)
print(sys.stdin.buffer.readinto(b), b)
print(len(sys.stdin.buffer.readlines()), repr(sys.stdin.buffer.read()), repr(sys.stdin.read()))
try:
    input()
except EOFError as e:
    print("EOFError", e)
out.write("a"); out.buffer.write(b"b"); print("c")
"#;
    let mut data = Vec::new();
    for i in 0..2500 {
        data.extend_from_slice(format!("line {i} h\u{e9}llo \u{20ac}\n").as_bytes());
    }
    let bin = env!("CARGO_BIN_EXE_cpjit");
    for unbuffered in [false, true] {
        let (st_py, out_py) = run_with_stdin("python3", PROGRAM, &data, unbuffered);
        let (st, out) = run_with_stdin(bin, PROGRAM, &data, unbuffered);
        assert_eq!(st_py, 0, "python3 failed");
        assert_eq!(
            (st, String::from_utf8_lossy(&out)),
            (st_py, String::from_utf8_lossy(&out_py)),
            "unbuffered: {unbuffered}"
        );
    }
    // Size arguments as CPython converts them: None, negative, past Py_ssize_t, past memory.
    const SIZES: &str = r#"
import sys
ms = [("text.read", sys.stdin.read), ("text.readline", sys.stdin.readline),
      ("text.readlines", sys.stdin.readlines), ("buf.read", sys.stdin.buffer.read),
      ("buf.read1", sys.stdin.buffer.read1), ("buf.readline", sys.stdin.buffer.readline),
      ("buf.peek", sys.stdin.buffer.peek), ("buf.readlines", sys.stdin.buffer.readlines)]
for name, m in ms:
    for n in (None, "3", 1.5, 2, -5, -2**70, 2**63, 2**70, 2**62):
        try:
            r = m(n)
            print(name, n, "ok", repr(r)[:20])
        except Exception as e:
            print(name, n, type(e).__name__, e)
"#;
    for unbuffered in [false, true] {
        let (_, out_py) = run_with_stdin("python3", SIZES, &data, unbuffered);
        let (_, out) = run_with_stdin(bin, SIZES, &data, unbuffered);
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&out_py)
        );
    }
    // Small input through a pipe, all of it there before the program reads.
    let (st, out, _) = cpjit(
        &[
            "-c",
            "import sys\nfor l in sys.stdin.buffer: sys.stdout.buffer.write(l.upper())\n",
        ],
        "ab\ncd\n",
    );
    assert_eq!((st, out.as_str()), (0, "AB\nCD\n"));
}
