//! The JIT inside the VM (issue 9): deopt programs leave compiled code the way they must, visible
//! in `--stats=json`; no mapping is ever writable and executable at once; and a differential fuzz
//! test compares random terminating programs under the interpreter, `--jit=stress` and CPython.
//!
//! The deopt programs' output is checked against CPython's in every mode by tests/programs.rs
//! (they are tests/programs/jit_*.py); here each also runs with `--jit --stats=json`, with its
//! output compared again, and the exits it must cause are checked in the report.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cpjit() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cpjit"));
    c.env_remove("CPJIT_JIT")
        .env_remove("CPJIT_JIT_THRESHOLD")
        .env_remove("CPJIT_SPECIALIZE")
        .env_remove("CPJIT_STATS")
        .env("PYTHONHASHSEED", "0");
    c
}

fn programs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

/// The count at `path` in the `"jit"` member of a `--stats=json` report (`json`: the report's
/// line, or text holding it on a line of its own); panics naming what is missing.
fn jit_count(json: &str, path: &[&str]) -> u64 {
    let mut full = vec!["jit"];
    full.extend_from_slice(path);
    report_count(json, &full)
}

/// A count in the `--stats=json` report at `path` from its top (`["drains", "items"]`).
fn report_count(json: &str, path: &[&str]) -> u64 {
    let line = json
        .lines()
        .find(|l| l.contains("\"jit\":{"))
        .unwrap_or_else(|| panic!("no jit report in {json}"));
    let report: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    let mut at = &report;
    for key in path {
        at = at
            .get(key)
            .unwrap_or_else(|| panic!("{key} ({path:?}) not in {at}"));
    }
    at.as_u64()
        .unwrap_or_else(|| panic!("{path:?} is not a count: {at}"))
}

/// Runs tests/programs/NAME.py with `args`, checks stdout and status against the recorded
/// CPython expectation, and returns the `--stats=json` report.
fn run_program(name: &str, args: &[&str]) -> String {
    run_program_with(name, args, &[])
}

/// `run_program` with environment variables `env` set.
fn run_program_with(name: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let dir = programs();
    let out = cpjit()
        .envs(env.iter().copied())
        .args(args)
        .arg("--stats=json")
        .arg(format!("{name}.py"))
        .current_dir(&dir)
        .output()
        .unwrap();
    let want = std::fs::read(dir.join(format!("expected/{name}.out"))).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&want),
        "{name} {args:?}"
    );
    let status = std::fs::read_to_string(dir.join(format!("expected/{name}.status"))).unwrap();
    assert_eq!(
        out.status.code(),
        status.trim().parse().ok(),
        "{name} {args:?}"
    );
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = err
        .lines()
        .find(|l| l.contains("\"jit\":{"))
        .unwrap_or_else(|| panic!("{name}: no JSON report in {err}"));
    json.to_string()
}

#[test]
fn type_flips_in_hot_loops_exit_at_guards() {
    let j = run_program("jit_type_flip", &["--jit"]);
    assert!(jit_count(&j, &["regions"]) >= 2, "{j}");
    assert!(jit_count(&j, &["exits", "guard"]) > 0, "{j}");
    assert!(
        jit_count(&j, &["guard_exits_by_instruction", "BINARY_OP_ADD_INT"]) > 0,
        "{j}"
    );
    // A guard that keeps failing where the interpreter has re-specialized the instruction
    // (int -> float -> str -> Money at `t + x`) recompiles the region from the code as it is
    // now (`refreshed`), and a site flipping between int and float forms is compiled as
    // BINARY_OP_NUMERIC_FLOAT or as a step: the exits stay few.
    assert!(jit_count(&j, &["refreshed"]) > 0, "{j}");
    assert!(jit_count(&j, &["exits", "guard"]) < 1000, "{j}");
}

#[test]
fn generators_yielding_every_iteration_resume_into_compiled_code() {
    let j = run_program("jit_generator_yields", &["--jit"]);
    // `pairs`, which yields on every pass of a `for` loop, is resumed by `next` straight into its
    // compiled code (`eval::resume_generator`), so it stays compiled; `sparse` loops between its
    // yields. Yields leave compiled code with their value (no interpreter exit). The generator
    // expressions feeding sum/tuple/set are drained (`vm::ops::drain`): their compiled yields
    // hand each value over and go on in compiled code, one resume per generator.
    assert!(jit_count(&j, &["entries", "resumed"]) > 5_000, "{j}");
    assert!(jit_count(&j, &["exits", "yield"]) > 2_000, "{j}");
    assert!(report_count(&j, &["drains", "items"]) > 15_000, "{j}");
    assert_eq!(jit_count(&j, &["yield_bound"]), 0, "{j}");
}

#[test]
fn a_small_code_cache_evicts_the_oldest_regions() {
    let j = run_program("jit_code_cache", &["--jit", "--jit-code-limit", "32"]);
    assert!(jit_count(&j, &["evicted"]) > 0, "{j}");
    let j = run_program("jit_code_cache", &["--jit"]);
    assert_eq!(jit_count(&j, &["evicted"]), 0, "{j}");
}

#[test]
fn small_int_overflow_exits_to_big_ints() {
    let j = run_program("jit_int_overflow", &["--jit"]);
    assert!(
        jit_count(
            &j,
            &["guard_exits_by_instruction", "BINARY_OP_MULTIPLY_INT"]
        ) > 0,
        "{j}"
    );
    // Guards failing where the interpreter has not rewritten the instruction (an overflow does
    // not re-specialize it) throw the region away, to be recompiled later (with backoff) with
    // those instructions as steps.
    assert!(jit_count(&j, &["invalidated"]) > 0, "{j}");
}

#[test]
fn sites_flipping_between_int_and_generic_forms_stop_exiting() {
    // Out of refreshes, a site whose guard keeps failing where the specializer rewrote it is
    // demoted to a step (`driver::note_exit`): the sites of `compose` flipping between
    // BINARY_OP_MULTIPLY_INT and BINARY_OP exited 1236 times in this program before, 97 after.
    let j = run_program("jit_int_flip_sites", &["--jit"]);
    assert!(
        jit_count(&j, &["guard_exits_by_instruction", "BINARY_OP"]) < 400,
        "{j}"
    );
    assert!(jit_count(&j, &["refreshed_by", "exits"]) > 4, "{j}");
}

#[test]
fn burned_attribute_sites_respecialized_for_another_class_are_recompiled() {
    // The loop is entered once, so the driver's entry checks never look at it again: only the
    // stale runs of the sites' runtime functions (`driver::note_burned_slow`) recompile the
    // region (none without them).
    let j = run_program("jit_burned_respecialized", &["--jit"]);
    assert!(jit_count(&j, &["refreshed_by", "stale"]) >= 1, "{j}");
    let j = run_program("jit_burned_cache", &["--jit"]);
    assert!(jit_count(&j, &["regions"]) >= 4, "{j}");
}

#[test]
fn exceptions_raised_in_compiled_code_unwind_as_usual() {
    let j = run_program("jit_exceptions", &["--jit"]);
    assert!(jit_count(&j, &["exits", "raised"]) > 10, "{j}");
}

#[test]
fn rebinding_while_compiled_loops_run() {
    let j = run_program("jit_rebind", &["--jit"]);
    assert!(jit_count(&j, &["regions"]) >= 3, "{j}");
    assert!(jit_count(&j, &["exits", "call"]) > 0, "{j}");
}

#[test]
fn generators_and_closures_around_compiled_loops() {
    let j = run_program("jit_gen_closure", &["--jit"]);
    assert!(jit_count(&j, &["exits", "yield"]) > 0, "{j}");
    let calls = jit_count(&j, &["exits", "call"]);
    assert!(calls > 0, "{j}");
    // Every call exit is named by its calling instruction.
    let line = j.lines().find(|l| l.contains("\"jit\":{")).unwrap();
    let report: serde_json::Value = serde_json::from_str(line).unwrap();
    let by_op = report["jit"]["call_exits_by_instruction"]
        .as_object()
        .unwrap_or_else(|| panic!("no call exits by instruction: {j}"));
    assert!(!by_op.contains_key("?"), "{j}");
    let named: u64 = by_op.values().filter_map(|v| v.as_u64()).sum();
    assert_eq!(named, calls, "{j}");
}

#[test]
fn deep_recursion_through_compiled_functions() {
    let j = run_program("jit_recursion", &["--jit"]);
    // Calls are followed from region to region (by `_SWITCH` in compiled code, or in the
    // driver's loop), and RecursionError is raised in compiled code.
    let calls = jit_count(&j, &["exits", "call"]) + jit_count(&j, &["switched", "calls"]);
    assert!(calls > 1000, "{j}");
    assert!(jit_count(&j, &["switched", "returns"]) > 1000, "{j}");
    assert!(jit_count(&j, &["exits", "raised"]) >= 3, "{j}");
}

#[test]
fn collections_inside_compiled_loops() {
    let j = run_program("jit_gc_loop", &["--jit"]);
    assert!(jit_count(&j, &["exits", "eval_breaker"]) > 0, "{j}");
}

/// A region replaced (thrown away, or recompiled from a fresher snapshot) by nested code while an
/// outer activation that `_SWITCH` entered is still inside it: the region must outlive the outer
/// run. Before it did, this crashed at most thresholds from 3 up (the default 16 included), so it
/// runs at several; `retired` counts the regions kept alive that way.
#[test]
fn regions_replaced_while_running_stay_alive() {
    for threshold in ["5", "16", "50"] {
        let j = run_program(
            "jit_region_replaced",
            &["--jit-threshold", threshold, "--jit"],
        );
        // Replaced: thrown away, or recompiled from the re-specialized code.
        let replaced = jit_count(&j, &["invalidated"]) + jit_count(&j, &["refreshed"]);
        assert!(replaced > 0, "{threshold}: {j}");
        assert!(jit_count(&j, &["retired"]) > 0, "{threshold}: {j}");
        assert!(
            jit_count(&j, &["switched", "calls"]) > 100,
            "{threshold}: {j}"
        );
    }
}

/// What cpjit runs once at start-up (the frozen script building sys's structs, whose helper
/// loops past the threshold) is never compiled: an empty program under `--jit` compiles nothing.
#[test]
fn start_up_code_is_not_compiled() {
    let out = cpjit()
        .args(["-S", "--jit", "--stats=json", "-c", "pass"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(jit_count(&err, &["regions"]), 0, "{err}");
    // The JIT is back for the program itself (stress: its module code compiles at once).
    let out = cpjit()
        .args([
            "-S",
            "--jit=stress",
            "--stats=json",
            "-c",
            "import sys; print(sys.flags.optimize)",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0\n");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(jit_count(&err, &["regions"]) >= 1, "{err}");
}

#[test]
fn stress_compiles_at_the_first_entry() {
    let j = run_program("jit_recursion", &["--jit=stress"]);
    assert!(jit_count(&j, &["regions"]) >= 5, "{j}");
    let j = run_program("jit_gc_loop", &["--jit-threshold", "1", "--jit"]);
    assert!(jit_count(&j, &["regions"]) >= 5, "{j}");
}

/// A call site compiled for a Python function (`_SWITCH`) whose instruction the specializer
/// rewrote for a builtin goes on in compiled code after running what the instruction is now;
/// it used to leave for the interpreter at every such call (12k exits here).
#[test]
fn call_sites_rewritten_for_builtins_stay_in_compiled_code() {
    let j = run_program("jit_call_site_flips", &["--jit"]);
    let left = jit_count(&j, &["exits", "interpreter"]);
    assert!(left < 100, "{left} exits to the interpreter: {j}");
}

/// Instantiating a class with a Python `__init__` (CALL_ALLOC_AND_ENTER_INIT) switches into the
/// `__init__`'s compiled code and back in compiled code, the instance left as the call's result,
/// instead of a nested run of the interpreter per instance (entered at the function start and
/// returning from it); an `__init__` returning a value raises TypeError at the call, inside and
/// outside compiled code, as CPython's `type_call` does.
#[test]
fn class_instantiation_switches_into_init() {
    let j = run_program("jit_class_init", &["--jit"]);
    let switched = jit_count(&j, &["switched", "calls"]);
    assert!(switched > 5000, "{switched} calls switched: {j}");
    let returns = jit_count(&j, &["exits", "return"]);
    assert!(returns < 1000, "{returns} returns from compiled code: {j}");
}

/// Generic instructions call their runtime functions through shared call stubs (16-byte sites,
/// `jit::call_stub`) by default, and with the whole `GENERIC` stencil at each site with
/// `CPJIT_JIT_CALL_STUBS=0`: both run the programs as CPython does, and the stubs make the code
/// smaller.
#[test]
fn generic_calls_through_stubs_and_through_the_stencil() {
    let mut bytes = Vec::new();
    for stubs in ["0", "1"] {
        for name in ["classes_basic", "closures", "jit_burned_cache"] {
            let env = [("CPJIT_JIT_CALL_STUBS", stubs)];
            let j = run_program_with(name, &["--jit=stress"], &env);
            bytes.push(jit_count(&j, &["code_bytes"]));
        }
    }
    let (without, with) = bytes.split_at(3);
    for (a, b) in without.iter().zip(with) {
        assert!(b < a, "code bytes without stubs {without:?}, with {with:?}");
    }
}

/// Reads the maps of a cpjit process while it runs a compiled loop (with `--jit=stress`): some
/// anonymous mapping is executable (the region being run) and none is writable and executable at
/// once, then or at any of the reads.
#[test]
fn no_mapping_is_writable_and_executable() {
    let program = "
def spin(n):
    t = 0
    i = 0
    while i < n:
        t = t + i % 7
        i = i + 1
    return t
print('started', flush=True)
print(spin(400_000_000))
";
    let mut child = cpjit()
        .args(["--jit=stress", "-c", program])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 8];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    assert_eq!(&first, b"started\n");
    let maps_path = format!("/proc/{}/maps", child.id());
    let mut executable_anon = 0;
    let mut both = Vec::new();
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        let maps = std::fs::read_to_string(&maps_path).unwrap();
        for line in maps.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let perms = fields[1];
            if perms.contains('x') && fields.len() < 6 {
                executable_anon += 1;
            }
            if perms.contains('w') && perms.contains('x') {
                both.push(line.to_string());
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        executable_anon > 0,
        "no executable anonymous mapping (no compiled region?)"
    );
    assert!(both.is_empty(), "writable and executable: {both:?}");
}

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// Definitions the blocks of `random_program` beyond its first four functions use: Python
/// functions of 0-4 arguments, with defaults, keyword-only and `*args`, recursive (one deep enough
/// to hit RecursionError), closures; eight classes sharing and overriding methods and class
/// attributes (more than the polymorphic inline cache holds); values of mixed truth; sequences
/// and non-sequences; indices in and out of range; generators.
const FUZZ_PRELUDE: &str = r#"import sys

def c0():
    return 7

def c1(a):
    return a + 1

def c2(a, b):
    return a * 2 - b

def c3(a, b, c):
    return c1(a) + c2(b, c)

def c4(a, b, c, d):
    return (a - b) * (c + d) if d else c3(a, b, c)

def dflt(a, b=3, c=None):
    return a + b if c is None else a + b + c

def kw(a, *, k=1, m=0):
    return a * k - m

def star(*args):
    return len(args), args[-1:] if args else ()

def mixed(a, b=1, *rest, **kws):
    return a, b, len(rest), sorted(kws)

def rec(n, acc):
    if n <= 0:
        return acc
    return rec(n - 1, acc + n)

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)

def ping(n):
    return n if n <= 0 else pong(n - 1) + 1

def pong(n):
    return -n if n <= 0 else ping(n - 2) * 2

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def mk_closure(k):
    def inner(x):
        return x + k
    return inner

def mk_counter():
    n = 0
    def step(d=1):
        nonlocal n
        n += d
        return n
    return step

class K0:
    tag = 0
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v + self.tag
    def twice(self, x):
        return self.get() + x

class K1(K0):
    tag = 1

class K2(K0):
    tag = 2
    def get(self):
        return -self.v

class K3(K1):
    def twice(self, x, y=0):
        return x * 2 + y

class K4:
    tag = 4
    def __init__(self, v):
        self.v = v
        self.w = v * 3
    def get(self):
        return self.w
    def twice(self, x):
        return x

class K5(K4):
    pass

class K6:
    __slots__ = ('v',)
    tag = 6
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v * 10

class K7(K2, K4):
    def __init__(self, v):
        K2.__init__(self, v)
        self.w = 0

class Truth:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class K8(K0):
    @property
    def v(self):
        return self._v * 2
    @v.setter
    def v(self, x):
        self._v = x
    def __getattr__(self, name):
        if name == 'w':
            return -1
        raise AttributeError(name)

KS = [K0(1), K1(2), K2(3), K3(4), K4(5), K5(6), K6(7), K7(8), K8(9)]
KTYPES = [K0, K1, K2, K3, K4, K5, K6, K7, K8]
MIXED = [0, 1, -3, 0.0, 2.5, '', 'a', (), (0,), [], [0], {}, {1: 2}, None, True, False,
         1 << 80, Truth(True), Truth(False), Truth(2), Sized(0), Sized(3), Sized(-1), K0(0),
         range(0), range(3), b'', b'x', 0j]
SEQS = [(1, 2), [3, 4], (5, 6, 7), [8, 9, 10], (11,), [], (), 'ab', 'xyz', 5, None, 2.5,
        range(2), range(3), {1: 'a', 2: 'b'}, [(1, 2), (3, 4)], ((5, 6),), [[7], [8, 9]]]
IDXS = [0, 1, 2, -1, -2, -3, 3, 7, -8, True, 1 << 70, -(1 << 70), None, 1.0, '0']

def walk(n):
    if n > 0:
        yield n
        yield from walk(n - 1)

def fin(x):
    try:
        return c1(x)
    finally:
        x = None

def raiser(x):
    if x % 3 == 0:
        raise KeyError(x)
    return x

def catcher(x):
    try:
        return raiser(x)
    except KeyError as e:
        return -e.args[0]

def gsq(n):
    for k in range(n):
        yield k * k

def gfail(n, at):
    for k in range(n):
        if k == at:
            raise ValueError('gfail at %d' % k)
        yield k

def gfin(n, log):
    try:
        for k in range(n):
            yield k
    finally:
        log.append('fin')

def gdeleg(n):
    yield from gsq(n)
    r = yield from gret(n)
    yield r

def gret(n):
    yield n
    return n * 2

def gsend():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

def msg(e):
    # A RecursionError's suffix (" in comparison") depends on which operation of the frame at
    # the limit counts a level, which follows CPython's specializer too closely to compare.
    return '' if isinstance(e, RecursionError) else str(e)[:70]

def digest(out):
    d = 0
    for ch in repr(out):
        d = (d * 131 + ord(ch)) % 1000000007
    return d
"#;

/// Statements a block's loop body picks from: `{V}` is the loop's value of flipping type, `{F}`
/// the iteration at which it flips (where the mutating statements act).
const CALL_STMTS: &[&str] = &[
    "out.append(c0() + c1(i))",
    "out.append(c2({V}, i))",
    "out.append(c3(i, {V}, 2))",
    "out.append(c4({V}, i, 1, i % 3))",
    "out.append(c1(c1(c1({V}))))",
    "out.append(dflt({V}))",
    "out.append(dflt(i, {V}))",
    "out.append(dflt(i, c={V}))",
    "out.append(dflt(b=i, a={V}))",
    "out.append(kw({V}, k=i))",
    "out.append(kw(i, m={V}))",
    "out.append(kw(i, i))",
    "out.append(star(i, {V}))",
    "out.append(star())",
    "out.append(star(*SEQS[i % len(SEQS)]))",
    "out.append(mixed(i, {V}, 1, 2, x={V}))",
    "out.append(mixed(*SEQS[i % 5], **{'z': i}))",
    "out.append(c2(*SEQS[i % 5]))",
    "out.append(c2(i))",
    "out.append(c1(i, {V}))",
    "out.append(c3(a=i, b=1, c={V}))",
    "out.append(rec(i % 40, 0))",
    "out.append(rec({V}, 1) if i % 9 == 0 else 0)",
    "out.append(deep(i % 300))",
    "out.append(deep(5000) if i % 23 == 0 else i)",
    "out.append(deep(-1) if i % 31 == 0 else i)",
    "out.append(ping(i % 30) + pong(i % 7))",
    "out.append(fib(i % 12))",
    "out.append(cl(i) + cl2({V}))",
    "out.append(ctr() + ctr(i % 3))",
    "out.append(ctr({V}))",
    "out.append(lam(i) + lam({V}, 3))",
    "out.append(loc(i, 2))",
    "out.append(loc(i))",
    "out.append(KS[i % len(KS)].twice(i))",
    "out.append(KS[i % len(KS)].get())",
    "out.append(K0.twice(KS[i % 4], {V}))",
    "def inner(a, b=i):\n    return a * b\nout.append(inner(i % 5) + inner(2, 3))",
    "out.append(fin({V}))",
    "out.append(catcher(i) + raiser(i))",
    "out.append([f(i) for f in (c1, cl, lam, KS[i % len(KS)].twice)])",
    "out.append(c4(*(i, 1, 2, 3)) + c2(**{'a': i, 'b': 1}))",
    "out.append(list(map(c1, range(i % 5))))",
    "out.append(sorted(range(i % 6), key=lambda x: -x))",
    "out.append(rec(i % 30, 0) - rec(i % 7, {V}))",
    "if i == {F}:\n    loc.__defaults__ = (i,)",
    "if i == {F}:\n    loc.__code__ = c2.__code__",
    "if i == {F} + 1:\n    loc.__defaults__ = None",
];

const ATTR_STMTS: &[&str] = &[
    "out.append(o.v)",
    "out.append(o.get())",
    "out.append(o.tag)",
    "out.append(type(o).tag)",
    "out.append(o.w)",
    "out.append(o.twice(i))",
    "out.append(K0.tag + K1.tag + K3.tag)",
    "out.append(o.get() + o.v * o.tag)",
    "out.append(isinstance(o, K0))",
    "out.append(isinstance(o, (K1, K4)))",
    "out.append(isinstance(o, K3))",
    "out.append(isinstance(o, KTYPES[i % len(KTYPES)]))",
    "out.append(isinstance(x, int))",
    "out.append(isinstance(x, (str, bytes, list)))",
    "out.append(isinstance(x, bool) or isinstance(x, (float, (tuple, dict))))",
    "out.append(issubclass(type(o), K2))",
    "out.append(type(o) is K1)",
    "out.append(not x)",
    "out.append(1 if x else 0)",
    "out.append(not o)",
    "out.append(bool(x) == (not not x))",
    "out.append(type(x or i).__name__)",
    "out.append(type(x and o).__name__)",
    "if not x and i % 2:\n    out.append(i)",
    "while x and i % 5 == 0:\n    out.append('w')\n    break",
    "if i == {F}:\n    K1.tag = i",
    "if i == {F}:\n    K0.get = lambda self: self.v * 5",
    "if i == {F}:\n    del K2.get",
    "if i == {F}:\n    K4.tag = 'four'",
    "if i == {F}:\n    K6.tag = i * 2",
    "if i == {F}:\n    K0.tag = {V}",
    "if i == {F}:\n    K3.twice = K0.twice",
    "o.v = i",
    "o.extra = i",
    "o.tag = i",
    "out.append(getattr(o, 'extra', -1))",
    "o.v += 1",
];

const SEQ_STMTS: &[&str] = &[
    "a, b = t\nout.append((a, b))",
    "a, b, c = t\nout.append((c, b, a))",
    "a, *b = t\nout.append(b)",
    "(a, b), c = t\nout.append(a)",
    "for a, b in t:\n    out.append(b)",
    "a, b = b, a = t\nout.append(a)",
    "out.append(t[k])",
    "out.append(t[i % 5 - 2])",
    "out.append(t[-1])",
    "out.append(t[0] + t[1])",
    "out.append(t[1:])",
    "out.append(t[k:])",
    "for x in t:\n    out.append(x)\n    if x == 3:\n        break",
    "for x in t:\n    for y in t:\n        out.append((x, y))",
    "out.append(len(t))",
    "out.append(3 in t)",
    "out.append([*t, i])",
    "out.append((*t,) * 2)",
    "lst = list(range(i % 6))\nlst[k] = i\nout.append(lst)",
    "lst = [i, {V}, None]\nout.append(lst[k])",
    "tup = (i, {V}, None)\nout.append(tup[k])",
    "tup = (i, {V})\na, b = tup\nout.append(b)",
    "lst = [i, i + 1, i + 2]\na, b, c = lst\nout.append(a + b + c)",
    "out.append(t[k][0])",
    "out.append(t.index(2))",
    "out.append(t.count(1))",
    "out.append(list(t) + [k])",
    "out.append(tuple(t)[k])",
    "out.append(t[::k])",
    "lst = list(t)\nlst[k] = i\nout.append(lst)",
    "out.append(t[k] if isinstance(t, (tuple, list)) else t)",
];

const GEN_STMTS: &[&str] = &[
    "for x in gsq(i % 7):\n    out.append(x)",
    "out.append(sum(x * 2 for x in range(i % 9)))",
    "out.append(sum(x * {V} for x in range(i % 4)))",
    "out.append(list(x for x in t if x))",
    "out.append([x for x in gfail(5, i % 7)])",
    "for x in gfail(6, i % 8):\n    out.append(x)",
    "log = []\ng = gfin(5, log)\nfor x in g:\n    if x == i % 4:\n        break\ng.close()\nout.append(log)",
    "out.append(list(gdeleg(i % 4)))",
    "s = gsend()\nnext(s)\ns.send(i)\ns.send({V})\ns.send(None)",
    "it = iter(gsq(3))\nout.append(next(it, -1) + next(it, -1))",
    "out.append(max((x % 5 for x in range(i % 10 + 1)), default=-1))",
    "out.append(list(zip(gsq(i % 5), 'abcde')))",
    "out.append(list(enumerate(gsq(i % 4), {V})))",
    "out.append(any(x > 3 for x in gsq(i % 4)))",
    "out.append(sorted(gsq(i % 6), reverse=True))",
    "out.append(dict((x, x * x) for x in range(i % 4)))",
    "out.append(sum(a * b for a, b in zip(gsq(i % 5), range(9))))",
    "g = (x + i for x in t)\nout.append(next(g))\nout.append(list(g))",
    "g = gsq(4)\nfor x in g:\n    out.append(next(g, 'end'))",
    "out.append(list(c1(x) for x in gsq(i % 4)))",
    "out.append([y for y in (c2(x, i) for x in range(3))])",
    "out.append(sum(walk(i % 12)))",
    "g = gsq(5)\nnext(g)\ng.throw(ValueError('t'))",
    "g = gfin(4, out)\nnext(g)\ng.close()\nout.append(next(g, 'closed'))",
    "out.append(list(zip(walk(i % 4), gfail(9, i % 5))))",
    "out.append(list(walk({V} % 40))[:3])",
    "g = (c2(x, i) for x in range(3))\nout.append(sum(g))",
    "for x in walk(i % 5):\n    if x == 2:\n        break\n    out.append(x)",
];

/// One function of the prelude-using kinds (0 calls, 1 attributes and truth, 2 sequences, 3
/// generators): a hot loop whose body is a few statements drawn from the kind's list, each with
/// its exception caught and recorded (type and message), the function returning a digest of the
/// record.
fn prelude_block(rng: &mut Rng, name: &str, kind: u64, values: &[&str]) -> String {
    let n = 20 + rng.below(200);
    let flip = rng.below(n);
    let (a, b) = (rng.pick(values), rng.pick(values));
    let (s1, s2) = (1 + rng.below(7), 1 + rng.below(11));
    let loop_head = match rng.below(3) {
        0 => format!("    for i in range({n}):\n"),
        1 => format!("    i = -1\n    while i < {n} - 1:\n        i += 1\n"),
        _ => format!("    for i in gsq({n}):\n"),
    };
    let mut p = format!("def {name}():\n    out = []\n");
    let stmts = match kind {
        0 => {
            p += "    cl = mk_closure(3)\n    cl2 = mk_closure(0.5)\n    ctr = mk_counter()\n    \
                  lam = lambda x, y=2: x * y\n    def loc(a, b=1):\n        return a - b\n";
            CALL_STMTS
        }
        1 => ATTR_STMTS,
        2 => SEQ_STMTS,
        _ => GEN_STMTS,
    };
    p += &loop_head;
    p += &format!("        v = {a} if i < {flip} else {b}\n");
    match kind {
        1 => {
            p += &format!("        o = KS[(i * {s1}) % len(KS)]\n");
            p += &format!("        x = MIXED[(i * {s2}) % len(MIXED)]\n");
        }
        _ => {
            p += &format!("        t = SEQS[(i * {s1}) % len(SEQS)]\n");
            p += &format!("        k = IDXS[(i * {s2}) % len(IDXS)]\n");
        }
    }
    for _ in 0..3 + rng.below(6) {
        let stmt = stmts[rng.below(stmts.len() as u64) as usize]
            .replace("{V}", "v")
            .replace("{F}", &flip.to_string())
            .replace('\n', "\n            ");
        p += &format!(
            "        try:\n            {stmt}\n        except Exception as e:\n            \
             out.append(type(e).__name__ + ': ' + msg(e))\n"
        );
    }
    p += "    return len(out), digest(out), repr(out[-3:])[:150]\n\n";
    p += &format!(
        "for _ in range({}):\n    r = {name}()\nprint('{name}', r)\n",
        1 + rng.below(2)
    );
    p
}

/// A random terminating program: hot loops over values whose types flip, big ints, exceptions
/// caught inside and outside loops, calls, generators.
fn random_program(rng: &mut Rng) -> String {
    // Values stay small enough that no operation below can take long or need much memory
    // (strings are only concatenated, and cut).
    let values = [
        "i",
        "i * 3",
        "i - 7",
        "(1 << 46) + i",
        "(1 << 70) - i",
        "-(1 << 47) + i",
        "i / 4",
        "i * 0.5",
        "float(i)",
        "None if i % 2 else i",
        "True",
        "i % 3 == 0",
    ];
    let ops = ["+", "-", "*", "//", "%", "<", "==", "&", "|", ">>"];
    let mut p = String::from(FUZZ_PRELUDE);
    p += "\ndef g(n):\n    for k in range(n):\n        yield k * k\n\n";
    p += "def h(x, y=2):\n    return x * y if x is not None else y\n\n";
    // Attribute and method sites that see several classes (siblings, a __slots__ class, a
    // dict-backed instance), with a method rebound and an attribute deleted while loops run.
    p += "class P:\n    def __init__(self, x):\n        self.x = x\n        self.y = x * 2\n    \
          def m(self):\n        return self.x\n    @classmethod\n    def mk(cls, x):\n        \
          return cls(x)\n\n";
    p += "class Q(P):\n    def m(self):\n        return self.y\n\n";
    p += "class R(P):\n    pass\n\n";
    p += "class S:\n    __slots__ = ('x', 'y')\n    def __init__(self, x):\n        self.x = x\n        \
          self.y = -x\n    def m(self):\n        return self.x + 1\n\n";
    // Instantiation (CALL_ALLOC_AND_ENTER_INIT) of classes that flip, with an __init__ that
    // returns a value now and then (TypeError at the call) and one rebound while loops run.
    p +=
        "class B(P):\n    def __init__(self, x):\n        self.x = x\n        self.y = 1\n        \
          if x % 7 == 3:\n            return x\n\n";
    p += "OBJS = [P(1), Q(2), R(3), S(4), P(5), Q(6)]\nOBJS[4].__dict__['z'] = 0\n\n";
    for f in 0..4 {
        let n = 20 + rng.below(200);
        let flip = rng.below(n);
        let (a, b) = (rng.pick(&values), rng.pick(&values));
        let (op, op2) = (rng.pick(&ops), rng.pick(&ops));
        let loop_head = match rng.below(3) {
            0 => format!("    for i in range({n}):\n"),
            1 => format!("    i = -1\n    while i < {n} - 1:\n        i += 1\n"),
            _ => format!("    for i in g({n}):\n"),
        };
        p += &format!("def f{f}():\n    acc = 0\n    s = ''\n    out = []\n{loop_head}");
        p += &format!("        v = {a} if i < {flip} else {b}\n");
        p += &format!(
            "        try:\n            acc = acc {op} v\n        except Exception as e:\n            \
             out.append(type(e).__name__)\n            acc = {}\n",
            rng.below(9)
        );
        p += &format!(
            "        try:\n            out.append(h(v) {op2} i)\n        except Exception as e:\n            \
             out.append(type(e).__name__)\n"
        );
        let stride = 1 + rng.below(5);
        p += &format!(
            "        o = OBJS[(i * {stride}) % len(OBJS)]\n        try:\n            \
             out.append(o.m() + o.x)\n            o.y = i\n        except Exception as e:\n            \
             out.append(type(e).__name__)\n"
        );
        let cls = rng.pick(&[
            "P",
            "Q",
            "S",
            "B",
            "(P if i % 2 else S)",
            "OBJS[i % 6].__class__",
        ]);
        p += &format!(
            "        try:\n            out.append({cls}(i).m() + P.mk(i).x + Q.mk(i).m())\n        \
             except Exception as e:\n            out.append(type(e).__name__)\n"
        );
        match rng.below(5) {
            0 => p += &format!("        if i == {flip}:\n            Q.m = lambda self: self.x * 3\n"),
            3 => p += &format!(
                "        if i == {flip}:\n            P.__init__ = lambda self, x: setattr(self, 'x', -x)\n"
            ),
            1 => p += &format!(
                "        if i == {flip}:\n            try:\n                del OBJS[0].x\n            \
                 except AttributeError:\n                OBJS[0].x = i\n"
            ),
            _ => {}
        }
        p += "        if isinstance(acc, int) and abs(acc) > 10 ** 30:\n            acc = acc % 1000\n";
        p += "        s = (s + str(v))[-20:]\n";
        p += "        if isinstance(acc, float) and acc != acc:\n            acc = 0\n";
        p += "    return repr(acc)[:60], s, len(out), repr(out[-3:])[:120]\n\n";
        p += &format!(
            "for _ in range({}):\n    r{f} = f{f}()\nprint(r{f})\n",
            1 + rng.below(3)
        );
    }
    p += "try:\n    print(f0() == f0(), h(None), sum(g(50)))\nexcept Exception as e:\n    \
          print('error', type(e).__name__)\n";
    // Then two to four functions of the prelude's kinds (calls, attributes, sequences,
    // generators).
    for f in 4..6 + rng.below(3) {
        let kind = rng.below(4);
        p += &prelude_block(rng, &format!("f{f}"), kind, &values);
    }
    p
}

fn run_source(mut cmd: Command, src: &Path) -> Output {
    cmd.arg(src).output().expect("run program")
}

/// `random_program` for seeds JIT_FUZZ_FIRST (default 1) .. + JIT_FUZZ_PROGRAMS (default 40),
/// each run under python3, the interpreter and two JIT modes: stdout and exit status must match.
/// Campaigns: `JIT_FUZZ_FIRST=1000 JIT_FUZZ_PROGRAMS=300 cargo test --release --test jit_vm
/// differential_fuzz -- --nocapture`.
#[test]
fn differential_fuzz_interpreter_jit_cpython() {
    let dir = std::env::temp_dir().join(format!("cpjit-jit-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Campaigns run fresh seed ranges: seeds JIT_FUZZ_FIRST..JIT_FUZZ_FIRST+JIT_FUZZ_PROGRAMS-1.
    let env_u64 = |name: &str, default: u64| -> u64 {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let first = env_u64("JIT_FUZZ_FIRST", 1);
    let count = env_u64("JIT_FUZZ_PROGRAMS", 40);
    let mut failures = Vec::new();
    for seed in first..first + count {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (seed * 0x1000_0000_01B3));
        let src = random_program(&mut rng);
        let path = dir.join(format!("fuzz_{seed}.py"));
        std::fs::write(&path, &src).unwrap();
        let want = run_source(Command::new("python3"), &path);
        // Every generated program runs to its end under CPython (a generator bug that made
        // them all fail alike would otherwise pass unnoticed).
        assert!(
            want.status.success(),
            "python3 failed on {}:\n{}",
            path.display(),
            String::from_utf8_lossy(&want.stderr)
        );
        let mut interp = cpjit();
        interp.env("CPJIT_JIT", "off");
        let mut jit = cpjit();
        jit.args(["--jit=stress", "--specialize=stress"]);
        let mut jit_default = cpjit();
        jit_default.args(["--jit", "--jit-threshold", "2"]);
        for (mode, cmd) in [
            ("interpreter", interp),
            ("jit stress", jit),
            ("jit threshold 2", jit_default),
        ] {
            let got = run_source(cmd, &path);
            if got.stdout != want.stdout || got.status.code() != want.status.code() {
                failures.push(format!(
                    "seed {seed} ({mode}), {}:\n--- python3\n{}\n--- cpjit\n{}{}",
                    path.display(),
                    String::from_utf8_lossy(&want.stdout),
                    String::from_utf8_lossy(&got.stdout),
                    String::from_utf8_lossy(&got.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // JIT_FUZZ_KEEP keeps the programs (to time or reuse them).
    if std::env::var_os("JIT_FUZZ_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn runtime_function_guards_and_switched_calls() {
    let j = run_program("jit_runtime_fn_deopt", &["--jit"]);
    // Guards of the runtime functions (jit::ops) fail visibly: the Python call's exits at its
    // instruction, the others run the interpreter's miss path in compiled code...
    let report: serde_json::Value = serde_json::from_str(&j).unwrap();
    let count_in = |table: &str, op: &str| -> u64 {
        let t = &report["jit"][table];
        assert!(t.is_object(), "no {table} in {j}");
        t.get(op).map_or(0, |n| n.as_u64().unwrap())
    };
    assert!(
        count_in("guard_exits_by_instruction", "CALL_PY_EXACT_ARGS") > 0,
        "{j}"
    );
    for op in [
        "LOAD_ATTR_INSTANCE_VALUE",
        "BINARY_SUBSCR_LIST_INT",
        "STORE_SUBSCR_LIST_INT",
        "LOAD_GLOBAL_MODULE",
    ] {
        assert!(count_in("guard_misses_by_instruction", op) > 0, "{op}: {j}");
    }
    // ... and Python calls and returns continue from compiled code to compiled code.
    assert!(jit_count(&j, &["switched", "calls"]) > 100, "{j}");
    assert!(jit_count(&j, &["switched", "returns"]) > 100, "{j}");
}

/// `--perf-map` names every compiled piece in `/tmp/perf-<pid>.map` (`START SIZE NAME`, hex),
/// without overlaps within a region, so `perf report` can attribute samples to instructions.
#[test]
fn perf_map_names_compiled_pieces() {
    let program = "
def spin(n):
    t = 0
    for i in range(n):
        t += i % 7
    return t
print(spin(10000))
";
    let child = cpjit()
        .args(["--jit=stress", "--perf-map", "-c", program])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "29994\n");
    let path = format!("/tmp/perf-{pid}.map");
    let map = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    let mut spin = Vec::new();
    for line in map.lines() {
        let mut f = line.splitn(3, ' ');
        let start = u64::from_str_radix(f.next().unwrap(), 16).unwrap();
        let size = u64::from_str_radix(f.next().unwrap(), 16).unwrap();
        let name = f.next().unwrap();
        assert!(size > 0 && name.starts_with("cpjit:"), "{line}");
        if name.starts_with("cpjit:spin:") {
            spin.push((start, size, name.to_string()));
        }
    }
    assert!(
        spin.iter().any(|(_, _, n)| n.ends_with("FOR_ITER_RANGE")),
        "{map}"
    );
    spin.sort();
    for w in spin.windows(2) {
        assert!(w[0].0 + w[0].1 <= w[1].0, "overlap: {w:?}");
    }
}

/// Sites flipping between int and float operands (bm_barnes_hut's shape) are compiled in a form
/// covering both once the specializer has rewritten them: before, the guards of the form the
/// region was compiled with failed at every int operand (26k guard exits in this program, the
/// region's other entries keeping the ratio that invalidates it out of reach).
#[test]
fn int_float_flips_stop_leaving_compiled_code() {
    let j = run_program("jit_numeric_flip", &["--jit"]);
    assert!(jit_count(&j, &["refreshed"]) > 0, "{j}");
    assert!(jit_count(&j, &["exits", "guard"]) < 1000, "{j}");
}

/// Compiled generator code resumed by `next` that leaves the frame to the interpreter after the
/// resume (a guard failing, an exception raised and caught or escaping, a deopt in a function it
/// called, a re-raise whose traceback must name the generator's frame once): the resumes enter
/// compiled code before the loop starts, which takes over where it left (`HANDOVER`).
#[test]
fn compiled_generators_leave_to_the_interpreter_after_a_resume() {
    let j = run_program("jit_generator_handover", &["--jit"]);
    assert!(jit_count(&j, &["entries", "resumed"]) > 500, "{j}");
    assert!(jit_count(&j, &["exits", "yield"]) > 100, "{j}");
    assert!(jit_count(&j, &["exits", "raised"]) > 10, "{j}");
    assert!(jit_count(&j, &["exits", "guard"]) > 10, "{j}");
}
