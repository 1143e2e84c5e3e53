//! The bytecode cache (`__pycache__/<name>.cpjit-311.pyc`): hits, invalidation, corrupt files
//! ignored and rewritten, concurrent writers, `-B` / PYTHONDONTWRITEBYTECODE, `cpjit compile`,
//! and the serializer's round trip over the standard library.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cpjit::bytecode::serialize;
use cpjit::vm::modules::pyc_cache::{self, Invalidation, SourceStamp};

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("cpjit-pyc-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Run {
    status: i32,
    timed_out: bool,
    stdout: String,
    stderr: String,
}

/// Runs cpjit in `dir` with PYTHONDONTWRITEBYTECODE unset (these machines set it), no site.
fn cpjit_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cpjit"));
    c.current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env_remove("CPJIT_STATS")
        .args(if args.first() == Some(&"compile") {
            &[][..]
        } else {
            &["-S"][..]
        })
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("run cpjit");
    // Mutated bytecode may loop forever: give each run a deadline.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut timed_out = false;
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            timed_out = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        status: out.status.code().unwrap_or(-1),
        timed_out,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn cpjit(dir: &Path, args: &[&str]) -> Run {
    cpjit_env(dir, args, &[])
}

/// The `"pyc"` member of `--stats=json`: (hits, compiled, written, rejected).
fn pyc_stats(r: &Run) -> (u64, u64, u64, u64) {
    let line = r
        .stderr
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no stats JSON in {:?}", r.stderr));
    let v: serde_json::Value = serde_json::from_str(line).expect("stats JSON");
    let p = &v["pyc"];
    let g = |k: &str| p[k].as_u64().unwrap_or_else(|| panic!("pyc.{k} in {line}"));
    (g("hits"), g("compiled"), g("written"), g("rejected"))
}

const MODULE: &str = "\
import sys
BIG = 10 ** 40
CONSTS = (None, True, False, ..., 1.5, -2.25, 3j, b'\\x00bytes', 'str\u{e9}', frozenset({1, 2}),
          -BIG, 2 ** 70, -(2 ** 70))

class C:
    def __init__(self, x):
        self.x = x
    def total(self, *args, **kw):
        try:
            return sum(a * self.x for a in args) + len(kw)
        except TypeError as e:
            return str(e)
        finally:
            pass

def closure(n):
    def inner(k):
        nonlocal n
        n += k
        return n
    return inner

def gen(n):
    for i in range(n):
        if i % 2:
            yield i
        else:
            continue

def run():
    c = C(3)
    f = closure(10)
    f(5)
    print('module', c.total(1, 2, 3, a=1), f(1), list(gen(7)), CONSTS[-3:], CONSTS[4:9],
          {k: v for k, v in zip('ab', [1, 2])}, [x for x in CONSTS if x is None], BIG + 1)
";

const EXPECTED: &str = "module 19 16 [1, 3, 5] (-10000000000000000000000000000000000000000, \
1180591620717411303424, -1180591620717411303424) (1.5, -2.25, 3j, b'\\x00bytes', 'str\u{e9}') \
{'a': 1, 'b': 2} [None] 10000000000000000000000000000000000000001\n";

/// A directory with `mod_a.py` (MODULE) and `main.py` importing it.
fn project(name: &str) -> TempDir {
    let d = TempDir::new(name);
    std::fs::write(d.0.join("mod_a.py"), MODULE).unwrap();
    std::fs::write(d.0.join("main.py"), "import mod_a\nmod_a.run()\n").unwrap();
    d
}

fn cache_file(d: &TempDir) -> PathBuf {
    d.0.join("__pycache__").join("mod_a.cpjit-311.pyc")
}

#[test]
fn second_import_loads_from_the_cache() {
    let d = project("hit");
    let r1 = cpjit(&d.0, &["--stats=json", "main.py"]);
    assert_eq!(
        (r1.status, r1.stdout.as_str()),
        (0, EXPECTED),
        "{}",
        r1.stderr
    );
    let (h, c, w, _) = pyc_stats(&r1);
    assert_eq!((h, c, w), (0, 1, 1));
    assert!(cache_file(&d).is_file());
    let r2 = cpjit(&d.0, &["--stats=json", "main.py"]);
    assert_eq!(
        (r2.status, r2.stdout.as_str()),
        (0, EXPECTED),
        "{}",
        r2.stderr
    );
    assert_eq!(pyc_stats(&r2), (1, 0, 0, 0), "second run compiled");
    // The text form too, and the tag is sys.implementation.cache_tag.
    let r3 = cpjit(
        &d.0,
        &[
            "--stats",
            "-c",
            "import sys, mod_a; print(sys.implementation.cache_tag)",
        ],
    );
    assert_eq!(r3.stdout, "cpjit-311\n");
    assert!(
        r3.stderr
            .contains("pyc: hits 1 compiled 0 written 0 rejected 0"),
        "{}",
        r3.stderr
    );
}

/// A module whose functions are looked into before they run, and run in every way a frame can
/// be pushed, for `lazily_decoded_code_objects_behave_as_compiled`.
const LAZY_MODULE: &str = r#"
import inspect
def documented(a, b=2, *c, d, **e):
    "The docstring."
    return a
def undocumented(x):
    return "not a docstring"
class Point:
    "A point."
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def norm(self, scale=1):
        return (self.x * self.x + self.y * self.y) * scale
    @property
    def twice(self):
        return self.x * 2
def counter(n):
    def step(k):
        nonlocal n
        n += k
        return n
    return step
def gen(n):
    for i in range(n):
        yield i * i
async def coro():
    return 7
def unused(q):
    return [q for _ in range(3)]
def report():
    print(documented.__doc__, undocumented.__doc__, Point.__doc__, Point.norm.__doc__)
    print(inspect.signature(documented), documented.__code__.co_varnames)
    print(undocumented.__code__.co_consts, unused.__code__.co_names)
    print(len(list(unused.__code__.co_positions())) > 0, counter.__code__.co_consts[1].co_name)
    p = Point(1, 2)
    total = 0
    for i in range(300):
        p = p + Point(i, 1)
        total += p.norm() + p.norm(2) + p.twice + counter(i)(1)
    print(p.x, p.y, total, sum(gen(50)), list(map(lambda v: v + 1, range(3))))
    c = coro()
    try:
        c.send(None)
    except StopIteration as e:
        print("coro", e.value)
    flags = gen.__code__.replace(co_flags=gen.__code__.co_flags)
    print(flags.co_name, type(flags).__name__)
"#;

#[test]
fn lazily_decoded_code_objects_behave_as_compiled() {
    // Functions of a module read from its cache file are decoded when first run or looked into
    // (`CodeObject::lazy`): docstrings, signatures, code attributes and every kind of call give
    // what the compiled module gives, in every mode, from the cache as from the source.
    let d = TempDir::new("lazy");
    std::fs::write(d.0.join("lz.py"), LAZY_MODULE).unwrap();
    std::fs::write(d.0.join("main.py"), "import lz\nlz.report()\n").unwrap();
    let want = Command::new("python3")
        .current_dir(&d.0)
        .args(["-S", "-B", "main.py"])
        .output()
        .expect("python3");
    let want = String::from_utf8_lossy(&want.stdout).into_owned();
    assert!(want.contains("coro 7"), "{want}");
    let first = cpjit(&d.0, &["--stats=json", "main.py"]);
    assert_eq!(first.stdout, want, "{}", first.stderr);
    let cached = d.0.join("__pycache__").join("lz.cpjit-311.pyc");
    let bytes = std::fs::read(&cached).expect("lz's cache file written");
    for mode in [
        &["--specialize=off"][..],
        &[],
        &["--jit=stress"],
        &["--jit"],
    ] {
        let args: Vec<&str> = mode
            .iter()
            .copied()
            .chain(["--stats=json", "main.py"])
            .collect();
        let r = cpjit(&d.0, &args);
        assert_eq!(r.stdout, want, "{mode:?}: {}", r.stderr);
        // (The standard library's modules may be hits too.)
        assert!(pyc_stats(&r).0 >= 1, "{mode:?}: read from the cache");
        assert_eq!(
            std::fs::read(&cached).unwrap(),
            bytes,
            "{mode:?}: rewritten"
        );
    }
}

#[test]
fn editing_the_source_invalidates() {
    let d = project("edit");
    assert_eq!(cpjit(&d.0, &["main.py"]).stdout, EXPECTED);
    // A change of size.
    let src = d.0.join("mod_a.py");
    std::fs::write(&src, MODULE.replace("'module'", "'edited module'")).unwrap();
    let r = cpjit(&d.0, &["--stats=json", "main.py"]);
    assert_eq!(r.stdout, format!("edited {EXPECTED}"));
    assert_eq!(pyc_stats(&r), (0, 1, 1, 1));
    // Same size, another mtime.
    std::fs::write(&src, MODULE.replace("'module'", "'MODULE'")).unwrap();
    let f = std::fs::File::options().write(true).open(&src).unwrap();
    f.set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    drop(f);
    let r = cpjit(&d.0, &["--stats=json", "main.py"]);
    assert_eq!(r.stdout, EXPECTED.replacen("module", "MODULE", 1));
    assert_eq!(pyc_stats(&r), (0, 1, 1, 1));
    let r = cpjit(&d.0, &["--stats=json", "main.py"]);
    assert_eq!(pyc_stats(&r), (1, 0, 0, 0));
}

#[test]
fn dont_write_bytecode_writes_nothing() {
    let d = project("nowrite");
    let r = cpjit(&d.0, &["-B", "--stats=json", "main.py"]);
    assert_eq!(r.stdout, EXPECTED);
    assert_eq!(pyc_stats(&r).2, 0);
    assert!(!d.0.join("__pycache__").exists());
    let r = cpjit_env(
        &d.0,
        &[
            "--stats=json",
            "-c",
            "import sys, mod_a; print(sys.flags.dont_write_bytecode)",
        ],
        &[("PYTHONDONTWRITEBYTECODE", "1")],
    );
    assert_eq!(r.stdout, "1\n");
    assert_eq!(pyc_stats(&r), (0, 1, 0, 0));
    // sys.dont_write_bytecode reflects the variable and is read at each write.
    let r = cpjit_env(
        &d.0,
        &["--stats=json", "-c", "import sys; print(sys.dont_write_bytecode); sys.dont_write_bytecode = True; import mod_a"],
        &[],
    );
    assert_eq!(r.stdout, "False\n");
    assert_eq!(pyc_stats(&r), (0, 1, 0, 0));
    assert!(!d.0.join("__pycache__").exists());
    // -E ignores the variable; nothing set: written.
    let r = cpjit_env(
        &d.0,
        &["-E", "main.py"],
        &[("PYTHONDONTWRITEBYTECODE", "1")],
    );
    assert_eq!(r.stdout, EXPECTED);
    assert!(cache_file(&d).is_file());
}

#[test]
fn unwritable_cache_directory_means_no_cache() {
    let d = project("unwritable");
    // A file where the directory would go: creating it and writing in it both fail.
    std::fs::write(d.0.join("__pycache__"), "not a directory").unwrap();
    for _ in 0..2 {
        let r = cpjit(&d.0, &["--stats=json", "main.py"]);
        assert_eq!((r.status, r.stdout.as_str()), (0, EXPECTED));
        assert_eq!(pyc_stats(&r), (0, 1, 0, 0));
    }
    assert_eq!(
        std::fs::read_to_string(d.0.join("__pycache__")).unwrap(),
        "not a directory"
    );
}

/// A valid cache file for MODULE, built in-process.
fn valid_pyc(path: &Path) -> (Vec<u8>, Vec<u8>, SourceStamp, String) {
    let src = std::fs::read(path).unwrap();
    let stamp = SourceStamp::of(path).unwrap();
    let filename = path.to_string_lossy().to_string();
    let code = cpjit::vm::run::compile_source(&src, &filename).unwrap();
    let pyc = pyc_cache::encode(&code, &src, stamp, Invalidation::Timestamp);
    assert!(pyc_cache::decode(&pyc, &src, stamp, &filename).is_ok());
    (pyc, src, stamp, filename)
}

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

fn mutate(rng: &mut Rng, bytes: &mut [u8], from: usize) {
    for _ in 0..1 + rng.below(3) {
        let i = from + rng.below(bytes.len() - from);
        let v = match rng.below(3) {
            0 => bytes[i] ^ (1 << rng.below(8)),
            1 => rng.next() as u8,
            _ => [0, 0xFF, 0x7F, 0x80][rng.below(4)],
        };
        bytes[i] = v;
    }
}

#[test]
fn truncated_and_flipped_files_are_rejected_in_process() {
    let d = project("inproc");
    let (pyc, src, stamp, filename) = valid_pyc(&d.0.join("mod_a.py"));
    for n in 0..pyc.len() {
        assert!(
            pyc_cache::decode(&pyc[..n], &src, stamp, &filename).is_err(),
            "truncation at {n} accepted"
        );
    }
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for _ in 0..3000 {
        let mut b = pyc.clone();
        mutate(&mut rng, &mut b, 0);
        if b != pyc {
            assert!(pyc_cache::decode(&b, &src, stamp, &filename).is_err());
        }
    }
    // Past the checksum: the payload's own validation must reject or accept without panicking,
    // and whatever it accepts passes `validate`.
    let payload = &pyc[32..];
    let mut accepted = 0;
    for _ in 0..5000 {
        let mut b = payload.to_vec();
        mutate(&mut rng, &mut b, 0);
        if let Ok(co) = serialize::deserialize(&b, &filename) {
            serialize::validate(&co).unwrap();
            // Written again (always in canonical form) it reads back the same: the reader's
            // two ways to take positions (the bytes as they are when canonical, decoded and
            // re-encoded otherwise) agree.
            // (The positions only: a mutated float constant may be a NaN, unequal to itself.)
            let again = serialize::deserialize(&serialize::serialize(&co), &filename).unwrap();
            assert!(
                again.positions == co.positions,
                "re-serialized positions differ"
            );
            accepted += 1;
        }
    }
    for n in 0..payload.len() {
        assert!(serialize::deserialize(&payload[..n], &filename).is_err());
    }
    // Some mutants are harmless (a changed constant or name), most are not.
    assert!(accepted > 0 && accepted < 5000, "{accepted}");
}

/// Writes `bytes` as mod_a's cache file and runs main.py.
fn run_with_cache_file(d: &TempDir, bytes: &[u8]) -> Run {
    std::fs::create_dir_all(d.0.join("__pycache__")).unwrap();
    std::fs::write(cache_file(d), bytes).unwrap();
    cpjit(&d.0, &["--stats=json", "main.py"])
}

#[test]
fn corrupt_files_recompile_and_are_rewritten() {
    let d = project("corrupt");
    assert_eq!(cpjit(&d.0, &["main.py"]).stdout, EXPECTED);
    let good = std::fs::read(cache_file(&d)).unwrap();
    let mut rng = Rng(0xC0FF_EE00_1234_5678);
    let mut cases: Vec<Vec<u8>> = Vec::new();
    for n in [0, 1, 3, 4, 16, 31, 32, 33, good.len() / 2, good.len() - 1] {
        cases.push(good[..n].to_vec());
    }
    let mut wrong_magic = good.clone();
    wrong_magic[0] ^= 0x55;
    cases.push(wrong_magic);
    for _ in 0..12 {
        let mut b = good.clone();
        mutate(&mut rng, &mut b, 0);
        cases.push(b);
    }
    for (k, b) in cases.iter().enumerate() {
        let r = run_with_cache_file(&d, b);
        assert_eq!(
            (r.status, r.stdout.as_str()),
            (0, EXPECTED),
            "case {k}: {}",
            r.stderr
        );
        if *b != good {
            assert_eq!(pyc_stats(&r), (0, 1, 1, 1), "case {k}");
        }
        // Rewritten: the next run hits.
        assert_eq!(std::fs::read(cache_file(&d)).unwrap(), good, "case {k}");
    }
}

/// Runs main.py with up to `want` mutants of `d`'s good cache file that `pick` (given the
/// mutated payload and mod_a's file name) selects, each with its checksum recomputed so that it
/// passes the checksum: every run ends normally or with a Python exception, never a panic or
/// crash. Gives the runs and the number of mutants tried.
fn run_fixed_checksum_mutants(
    d: &TempDir,
    seed: u64,
    want: usize,
    pick: impl Fn(&[u8], &str) -> bool,
) -> (Vec<Run>, usize) {
    assert_eq!(cpjit(&d.0, &["main.py"]).stdout, EXPECTED);
    let good = std::fs::read(cache_file(d)).unwrap();
    let filename = d.0.join("mod_a.py").to_string_lossy().to_string();
    let mut rng = Rng(seed);
    let (mut runs, mut tries) = (Vec::new(), 0);
    while runs.len() < want && tries < 50_000 {
        tries += 1;
        let mut b = good.clone();
        mutate(&mut rng, &mut b, 32);
        if b == good || !pick(&b[32..], &filename) {
            continue;
        }
        let sum = serialize::checksum(&b[32..]).to_le_bytes();
        b[24..32].copy_from_slice(&sum);
        let r = run_with_cache_file(d, &b);
        assert!(
            r.status == 0 || r.status == 1 || r.timed_out,
            "status {}: {}",
            r.status,
            r.stderr
        );
        assert!(
            !r.stderr.contains("internal error") && !r.stderr.contains("panicked"),
            "{}",
            r.stderr
        );
        runs.push(r);
    }
    (runs, tries)
}

#[test]
fn mutated_payloads_with_a_fixed_checksum_never_crash() {
    // What the validator accepts must run (or raise a Python exception).
    let d = project("fixsum");
    let (runs, tries) = run_fixed_checksum_mutants(&d, 0xFEED_FACE_0BAD_F00D, 25, |p, f| {
        serialize::deserialize(p, f).is_ok()
    });
    assert!(
        runs.len() >= 10,
        "only {} accepted mutants in {tries}",
        runs.len()
    );
}

#[test]
fn invalid_nested_bodies_raise_when_first_run() {
    // Nested code objects' bodies are decoded and validated when first run: a body damaged
    // behind a recomputed checksum passes the import and raises SystemError (or runs, if the
    // damage is harmless) when its function is first called.
    let d = project("lazybad");
    let (runs, tries) = run_fixed_checksum_mutants(&d, 0x1A2B_3C4D_5E6F_7081, 12, |p, f| {
        let payload: std::rc::Rc<[u8]> = p.to_vec().into();
        serialize::deserialize(p, f).is_err() && serialize::deserialize_lazy(&payload, f).is_ok()
    });
    let raised = runs
        .iter()
        .filter(|r| r.stderr.contains("SystemError: code object '"))
        .count();
    assert!(
        runs.len() >= 10 && raised >= 5,
        "{} runs, {raised} raised, {tries} tries",
        runs.len()
    );
}

#[test]
fn concurrent_imports_never_leave_a_corrupt_file() {
    let d = TempDir::new("concurrent");
    // A module big enough that writing it takes a while.
    let mut big = String::new();
    for i in 0..3000 {
        big += &format!("def f{i}(x):\n    return x + {i}\n");
    }
    big += "TOTAL = sum(f(1) for f in [f0, f1, f2999])\n";
    std::fs::write(d.0.join("big.py"), &big).unwrap();
    let cache = d.0.join("__pycache__").join("big.cpjit-311.pyc");
    for round in 0..4 {
        let _ = std::fs::remove_file(&cache);
        let kids: Vec<_> = (0..4)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_cpjit"))
                    .current_dir(&d.0)
                    .env_remove("PYTHONDONTWRITEBYTECODE")
                    .args(["-S", "-c", "import big; print(big.TOTAL)"])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for k in kids {
            let out = k.wait_with_output().unwrap();
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                "3003\n",
                "round {round}"
            );
        }
        let bytes = std::fs::read(&cache).unwrap();
        let src = big.as_bytes();
        let stamp = SourceStamp::of(&d.0.join("big.py")).unwrap();
        assert!(pyc_cache::decode(&bytes, src, stamp, "big.py").is_ok());
        // No temporary files left behind.
        let names: Vec<_> = std::fs::read_dir(d.0.join("__pycache__"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }
}

#[test]
fn compile_subcommand_precompiles_trees() {
    let d = TempDir::new("compileall");
    std::fs::create_dir_all(d.0.join("pkg/sub")).unwrap();
    std::fs::write(d.0.join("pkg/__init__.py"), "X = 1\n").unwrap();
    std::fs::write(d.0.join("pkg/sub/__init__.py"), "").unwrap();
    std::fs::write(d.0.join("pkg/sub/leaf.py"), "def f():\n    return 42\n").unwrap();
    std::fs::write(d.0.join("top.py"), "import pkg.sub.leaf\nY = 2\n").unwrap();
    let r = cpjit(&d.0, &["compile", "-q", "pkg", "top.py"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    for p in [
        "pkg/__pycache__/__init__.cpjit-311.pyc",
        "pkg/sub/__pycache__/__init__.cpjit-311.pyc",
        "pkg/sub/__pycache__/leaf.cpjit-311.pyc",
        "__pycache__/top.cpjit-311.pyc",
    ] {
        assert!(d.0.join(p).is_file(), "{p} missing");
    }
    let r = cpjit(
        &d.0,
        &[
            "--stats=json",
            "-c",
            "import top, pkg; print(pkg.sub.leaf.f(), pkg.X, top.Y)",
        ],
    );
    assert_eq!(r.stdout, "42 1 2\n", "{}", r.stderr);
    assert_eq!(pyc_stats(&r), (4, 0, 0, 0));
    // Checked-hash files survive a touch that changes only the mtime.
    let r = cpjit(
        &d.0,
        &[
            "compile",
            "-q",
            "--invalidation-mode",
            "checked-hash",
            "top.py",
        ],
    );
    assert_eq!(r.status, 0);
    let f = std::fs::File::options()
        .write(true)
        .open(d.0.join("top.py"))
        .unwrap();
    f.set_modified(std::time::SystemTime::now() + Duration::from_secs(7))
        .unwrap();
    drop(f);
    let r = cpjit(&d.0, &["--stats=json", "-B", "-c", "import top"]);
    assert_eq!(pyc_stats(&r), (4, 0, 0, 0));
    // A syntax error: reported, status 1, other files still compiled.
    std::fs::write(d.0.join("pkg/bad.py"), "def (:\n").unwrap();
    std::fs::write(d.0.join("pkg/good.py"), "Z = 3\n").unwrap();
    let r = cpjit(&d.0, &["compile", "pkg"]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("*** Error compiling"), "{}", r.stdout);
    assert!(r.stdout.contains("Compiling '") && r.stdout.contains("good.py"));
    assert!(d.0.join("pkg/__pycache__/good.cpjit-311.pyc").is_file());
    assert!(!d.0.join("pkg/__pycache__/bad.cpjit-311.pyc").exists());
}

#[test]
fn magic_number_follows_the_opcode_table_and_format() {
    use cpjit::bytecode::opcode::{OperandKind, OPCODES};
    let m = serialize::magic();
    assert_eq!(m, serialize::magic_of(OPCODES, serialize::FORMAT_VERSION));
    assert_ne!(
        m,
        serialize::magic_of(OPCODES, serialize::FORMAT_VERSION + 1)
    );
    let edits: [fn(&mut cpjit::bytecode::opcode::OpInfo); 5] = [
        |i| i.cache += 1,
        |i| i.number ^= 0x40,
        |i| i.name = "RENAMED",
        |i| i.operand = OperandKind::Raw,
        |i| i.stack = |_a, _j| (9, 9),
    ];
    for (k, edit) in edits.iter().enumerate() {
        let mut t = OPCODES.to_vec();
        edit(&mut t[2]);
        assert_ne!(
            serialize::magic_of(&t, serialize::FORMAT_VERSION),
            m,
            "edit {k}"
        );
    }
    let mut fewer = OPCODES.to_vec();
    fewer.pop();
    assert_ne!(serialize::magic_of(&fewer, serialize::FORMAT_VERSION), m);
    // Written files carry it.
    let d = project("magic");
    let (pyc, ..) = valid_pyc(&d.0.join("mod_a.py"));
    assert_eq!(pyc[..4], m.to_le_bytes());
}

/// `co` with every nested code object's body decoded (`serialize::decode_body`).
fn decode_all(co: &cpjit::bytecode::code::CodeObject) -> cpjit::bytecode::code::CodeObject {
    use cpjit::bytecode::code::ConstValue;
    let mut full = serialize::decode_body(co).expect("a valid body");
    for c in &mut full.consts {
        if let ConstValue::Code(inner) = c {
            *c = ConstValue::Code(std::rc::Rc::new(decode_all(inner)));
        }
    }
    full
}

#[test]
fn round_trip_over_the_standard_library() {
    let Some(info) = cpjit::vm::discovery::find(true) else {
        eprintln!("no CPython 3.11 standard library found: skipped");
        return;
    };
    let root = PathBuf::from(&info.stdlib);
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [
        root.clone(),
        root.join("json"),
        root.join("email"),
        root.join("asyncio"),
    ] {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "py") {
                files.push(p);
            }
        }
    }
    files.sort();
    let (mut checked, mut bytes) = (0, 0);
    for p in &files {
        let src = std::fs::read(p).unwrap();
        let filename = p.to_string_lossy().to_string();
        let Ok(code) = cpjit::vm::run::compile_source(&src, &filename) else {
            continue;
        };
        serialize::validate(&code).unwrap_or_else(|e| panic!("{filename}: {e}"));
        let b = serialize::serialize(&code);
        bytes += b.len();
        let back =
            serialize::deserialize(&b, &filename).unwrap_or_else(|e| panic!("{filename}: {e}"));
        assert!(back == code, "{filename}: round trip differs");
        // Read lazily, then every body decoded, it is the same code object; written again
        // undecoded (the bodies copied as read), the same bytes.
        let payload: std::rc::Rc<[u8]> = b.clone().into();
        let lazy = serialize::deserialize_lazy(&payload, &filename)
            .unwrap_or_else(|e| panic!("{filename}: {e}"));
        assert_eq!(
            serialize::serialize(&lazy),
            b,
            "{filename}: lazy round trip differs"
        );
        assert!(
            decode_all(&lazy) == code,
            "{filename}: lazy decoding differs"
        );
        checked += 1;
    }
    eprintln!("{checked} modules, {bytes} bytes serialized");
    assert!(checked >= 150, "only {checked} stdlib modules compiled");
}

#[test]
fn dash_m_runs_modules_and_package_mains_from_the_cache() {
    let d = TempDir::new("dash-m");
    std::fs::create_dir_all(d.0.join("pkg")).unwrap();
    std::fs::write(d.0.join("pkg/__init__.py"), "print('init', __name__)\n").unwrap();
    std::fs::write(
        d.0.join("pkg/__main__.py"),
        "import sys\nfrom . import helper\nprint('main', __name__, __package__, helper.twice(21), sys.argv[1:])\n",
    )
    .unwrap();
    std::fs::write(
        d.0.join("pkg/helper.py"),
        "def twice(x):\n    return 2 * x\n",
    )
    .unwrap();
    std::fs::write(
        d.0.join("tool.py"),
        "import sys\nprint('tool', __name__, sys.argv[0].rsplit('/', 1)[-1], sys.argv[1:])\n",
    )
    .unwrap();
    let pkg_out = "init pkg\nmain __main__ pkg 42 ['x']\n";
    let tool_out = "tool __main__ tool.py ['a', 'b']\n";
    // First runs compile and write every module (the -m main module included, as runpy's
    // loader does); second runs load them all from the cache.
    let r = cpjit(&d.0, &["--stats=json", "-m", "pkg", "x"]);
    assert_eq!((r.status, r.stdout.as_str()), (0, pkg_out), "{}", r.stderr);
    assert_eq!(pyc_stats(&r), (0, 3, 3, 0), "first -m pkg run");
    let r = cpjit(&d.0, &["--stats=json", "-m", "tool", "a", "b"]);
    assert_eq!((r.status, r.stdout.as_str()), (0, tool_out), "{}", r.stderr);
    assert_eq!(pyc_stats(&r), (0, 1, 1, 0), "first -m tool run");
    for name in [
        "pkg/__pycache__/__main__",
        "pkg/__pycache__/helper",
        "__pycache__/tool",
    ] {
        assert!(
            d.0.join(format!("{name}.cpjit-311.pyc")).is_file(),
            "{name}"
        );
    }
    let r = cpjit(&d.0, &["--stats=json", "-m", "pkg", "x"]);
    assert_eq!((r.status, r.stdout.as_str()), (0, pkg_out), "{}", r.stderr);
    assert_eq!(pyc_stats(&r), (3, 0, 0, 0), "second -m pkg run compiled");
    let r = cpjit(&d.0, &["--stats=json", "-m", "tool", "a", "b"]);
    assert_eq!((r.status, r.stdout.as_str()), (0, tool_out), "{}", r.stderr);
    assert_eq!(pyc_stats(&r), (1, 0, 0, 0), "second -m tool run compiled");
    // Editing the main module recompiles it.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(d.0.join("tool.py"), "print('edited', __name__)\n").unwrap();
    let r = cpjit(&d.0, &["--stats=json", "-m", "tool"]);
    assert_eq!(r.stdout, "edited __main__\n", "{}", r.stderr);
    // The stale file is rejected (counted) and rewritten.
    assert_eq!(pyc_stats(&r), (0, 1, 1, 1), "edited -m module");
}

/// The `"frozen_pyc"` member of `--stats=json`: (hits, compiled, written, rejected).
fn frozen_stats(r: &Run) -> (u64, u64, u64, u64) {
    let line = r.stderr.lines().rev().find(|l| l.starts_with('{')).unwrap();
    let v: serde_json::Value = serde_json::from_str(line).expect("stats JSON");
    let p = &v["frozen_pyc"];
    let g = |k: &str| {
        p[k].as_u64()
            .unwrap_or_else(|| panic!("frozen_pyc.{k} in {line}"))
    };
    (g("hits"), g("compiled"), g("written"), g("rejected"))
}

#[test]
fn frozen_modules_run_from_their_own_cache() {
    // Frozen modules (Python source inside the binary) are cached beside the executable, under
    // PYTHONDONTWRITEBYTECODE too; other test processes share the directory, so only what holds
    // whatever they do is asserted.
    let d = TempDir::new("frozen");
    // `os` runs posix's three frozen parts, each from its own file (they once shared one, and
    // every run compiled all three).
    let prog = "import itertools, os; print(list(itertools.pairwise('abcd')))";
    let want = "[('a', 'b'), ('b', 'c'), ('c', 'd')]\n";
    let run = || {
        cpjit_env(
            &d.0,
            &["--stats=json", "-c", prog],
            &[("PYTHONDONTWRITEBYTECODE", "1")],
        )
    };
    assert_eq!(run().stdout, want);
    let r = run();
    assert_eq!(r.stdout, want);
    let (hits, compiled, _, _) = frozen_stats(&r);
    assert!(hits >= 1 && compiled == 0, "{:?}", frozen_stats(&r));
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_cpjit"));
    let file = exe
        .parent()
        .unwrap()
        .join("cpjit-frozen/itertools.cpjit-311.pyc");
    let good = std::fs::read(&file).unwrap();
    for bad in [&good[..good.len() / 2], b"garbage".as_slice(), &[][..]] {
        std::fs::write(&file, bad).unwrap();
        assert_eq!(run().stdout, want);
        assert_eq!(std::fs::read(&file).unwrap(), good, "rewritten");
    }
}

/// Cache files whose bytecode passes validation (indices, jump targets, stack depths) but breaks
/// what the compiler guarantees about the values on the stack, which only a damaged or hand-made
/// file can: a SystemError naming the instruction, or (NULL) its repr, never a panic or a crash.
/// Each case was found by `mutated_payloads_with_a_fixed_checksum_never_crash` with more seeds.
#[test]
fn hand_made_operands_raise_system_error() {
    use cpjit::bytecode::code::{CodeObject, ConstValue};
    use cpjit::bytecode::opcode::Opcode;
    /// Points the LOAD_CONST just before the first `op` at constant `None` instead.
    fn none_before(co: &mut CodeObject, op: Opcode) {
        let none = co
            .consts
            .iter()
            .position(|c| *c == ConstValue::None)
            .unwrap();
        let at = (0..co.code.len())
            .find(|&i| CodeObject::decode(co.code[i]).0 == Some(op))
            .unwrap();
        let load = (0..at)
            .rev()
            .find(|&i| CodeObject::decode(co.code[i]).0 == Some(Opcode::LOAD_CONST))
            .unwrap();
        co.code[load] = CodeObject::encode(Opcode::LOAD_CONST, none as u32);
    }
    type Edit = fn(&mut CodeObject);
    let cases: [(&str, Edit, &str); 3] = [
        (
            "d = {'a': 1, 'b': 2}\n",
            |co| none_before(co, Opcode::BUILD_CONST_KEY_MAP),
            "SystemError: bad BUILD_CONST_KEY_MAP keys argument",
        ),
        (
            "def f():\n    pass\n",
            |co| none_before(co, Opcode::MAKE_FUNCTION),
            "SystemError: malformed bytecode: MAKE_FUNCTION operands",
        ),
        (
            // print(NULL): the argument's LOAD_CONST made a PUSH_NULL.
            "print(repr(12345))\n",
            |co| {
                let k = co
                    .consts
                    .iter()
                    .position(|c| matches!(c, ConstValue::Int(i) if *i == 12345.into()))
                    .unwrap();
                let at = (0..co.code.len())
                    .find(|&i| co.code[i] == CodeObject::encode(Opcode::LOAD_CONST, k as u32))
                    .unwrap();
                co.code[at] = CodeObject::encode(Opcode::PUSH_NULL, 0);
            },
            "<NULL>",
        ),
    ];
    for (k, (src, edit, want)) in cases.into_iter().enumerate() {
        let d = TempDir::new(&format!("handmade{k}"));
        let path = d.0.join("mod_h.py");
        std::fs::write(&path, src).unwrap();
        std::fs::write(d.0.join("main.py"), "import mod_h\n").unwrap();
        let stamp = SourceStamp::of(&path).unwrap();
        let filename = path.to_string_lossy().to_string();
        let mut code = cpjit::vm::run::compile_source(src.as_bytes(), &filename).unwrap();
        edit(&mut code);
        serialize::validate(&code).unwrap_or_else(|e| panic!("case {k}: {e}"));
        let pyc = pyc_cache::encode(&code, src.as_bytes(), stamp, Invalidation::Timestamp);
        std::fs::create_dir_all(d.0.join("__pycache__")).unwrap();
        std::fs::write(d.0.join("__pycache__").join("mod_h.cpjit-311.pyc"), pyc).unwrap();
        for mode in ["--jit=off", "--jit=stress"] {
            let r = cpjit(&d.0, &[mode, "main.py"]);
            let out = format!("{}{}", r.stdout, r.stderr);
            assert!(out.contains(want), "case {k} {mode}: {out}");
            assert!(
                !out.contains("internal error") && (r.status == 0 || r.status == 1),
                "case {k} {mode}: status {}: {out}",
                r.status
            );
        }
    }
}
