//! The specializer fires where it should: known loops are run with `--stats=json` and the
//! counts of the specialized instructions they must use are checked (PEP 659 must-holds).

use std::process::Command;

fn stats(mode: &str, program: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args([
            &format!("--specialize={mode}"),
            "--stats=json",
            "-c",
            program,
        ])
        .output()
        .expect("run cpjit");
    assert!(
        out.status.success(),
        "cpjit failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `field` of instruction `name` in the JSON report (`"NAME":{"specialized":..,"hits":..}`).
fn count(json: &str, name: &str, field: &str) -> u64 {
    let key = format!("\"{name}\":{{");
    let at = json
        .find(&key)
        .unwrap_or_else(|| panic!("{name} not in {json}"));
    let obj = &json[at + key.len()..];
    let obj = &obj[..obj.find('}').unwrap()];
    let f = format!("\"{field}\":");
    let v = &obj[obj
        .find(&f)
        .unwrap_or_else(|| panic!("{field} not in {obj}"))
        + f.len()..];
    v.split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

const INT_LOOP: &str = "
def f(n):
    total = 0
    i = 0
    while i < n:
        total = total + i
        i += 1
    return total
print(f(100000))
";

#[test]
fn int_loop_uses_binary_op_add_int() {
    let (out, json) = stats("on", INT_LOOP);
    assert_eq!(out.trim(), "4999950000");
    let hits = count(&json, "BINARY_OP_ADD_INT", "hits");
    // Two additions per iteration (`total + i`, `i += 1`), minus the warm-up executions.
    assert!(
        (199_990..=200_000).contains(&hits),
        "BINARY_OP_ADD_INT hits {hits}"
    );
    assert!(count(&json, "COMPARE_OP_INT_JUMP", "hits") >= 99_990);
    assert_eq!(count(&json, "BINARY_OP_ADD_INT", "deopts"), 0);
}

const METHODS: &str = "
class Counter:
    def __init__(self, step):
        self.value = 0
        self.step = step
    def bump(self):
        self.value += self.step
        return self
counters = [Counter(k % 5 + 1) for k in range(10)]
def run(n):
    for i in range(n):
        c = counters[i % 10]
        c.bump()
        m = c.bump
        m()
        if len(counters) != 10:
            raise SystemExit
    return sum(c.value for c in counters)
print(run(20000))
";

#[test]
fn method_loop_uses_attribute_and_call_specializations() {
    let (out, json) = stats("on", METHODS);
    assert_eq!(out.trim(), "120000");
    // self.value and self.step in bump (2 loads per call, 40k calls).
    assert!(count(&json, "LOAD_ATTR_INSTANCE_VALUE", "hits") >= 79_900);
    assert!(count(&json, "STORE_ATTR_INSTANCE_VALUE", "hits") >= 39_000);
    assert!(count(&json, "LOAD_METHOD_WITH_VALUES", "hits") >= 19_900);
    assert!(count(&json, "CALL_PY_EXACT_ARGS", "hits") >= 19_900);
    assert!(count(&json, "CALL_BOUND_METHOD_EXACT_ARGS", "hits") >= 19_900);
    assert!(count(&json, "LOAD_GLOBAL_BUILTIN", "hits") >= 19_900);
    assert!(count(&json, "CALL_LEN", "hits") >= 19_900);
    assert!(count(&json, "BINARY_SUBSCR_LIST_INT", "hits") >= 19_900);
    assert!(count(&json, "FOR_ITER_RANGE", "hits") >= 19_900);
}

const FLIP: &str = "
def add(a, b):
    return a + b
r = [add(i, 1) for i in range(1000)] + [add(i * 0.5, 1.0) for i in range(1000)]
print(len(r))
";

#[test]
fn type_flip_deopts_and_respecializes() {
    let (out, json) = stats("on", FLIP);
    assert_eq!(out.trim(), "2000");
    assert!(count(&json, "BINARY_OP_ADD_INT", "misses") >= 1);
    assert_eq!(count(&json, "BINARY_OP_ADD_INT", "deopts"), 1);
    assert!(count(&json, "BINARY_OP_ADD_FLOAT", "hits") >= 900);
}

#[test]
fn specialize_off_rewrites_nothing_and_stress_everything() {
    let (_, json) = stats("off", INT_LOOP);
    assert!(!json.contains("\"attempts\""), "{json}");
    assert_eq!(count(&json, "BINARY_OP_ADD_INT", "hits"), 0);
    let (out, json) = stats("stress", INT_LOOP);
    assert_eq!(out.trim(), "4999950000");
    assert!(count(&json, "BINARY_OP_ADD_INT", "hits") >= 199_998);
}

#[test]
fn stats_text_and_bad_options() {
    let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args(["--stats", "-c", INT_LOOP])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("BINARY_OP_ADD_INT: specialized"), "{err}");
    for bad in ["--specialize=sometimes", "--stats=xml"] {
        let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
            .args([bad, "-c", "pass"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("cpjit: "));
    }
}

#[test]
fn dis_adaptive_shows_quickened_code() {
    let dir = std::env::temp_dir().join(format!("cpjit-dis-adaptive-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("prog.py");
    std::fs::write(&file, INT_LOOP).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args(["dis", "--adaptive"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("4999950000\n"), "{text}");
    assert!(text.contains("BINARY_OP_ADD_INT"), "{text}");
    assert!(text.contains("COMPARE_OP_INT_JUMP"), "{text}");
    let plain = Command::new(env!("CARGO_BIN_EXE_cpjit"))
        .args(["dis"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("_INT"));
    let _ = std::fs::remove_dir_all(&dir);
}
