//! Robustness: random bytes and random mutations of valid Python never panic or hang the parser,
//! the compiler or the VM (whatever compiles is run with a step budget), and deep nesting ends in
//! CPython's clean errors (never a native stack overflow).

use cpjit::syntax::error::SyntaxErrorKind;
use cpjit::syntax::parser::parse_module;
use cpjit::vm::run::run_sandboxed;
use std::time::{Duration, Instant};

/// Calls plus backward jumps a fuzz program may make before it is stopped.
const STEP_BUDGET: u64 = 20_000;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const SNIPPETS: &[&str] = &[
    "def f(a, b=1, *args, c, **kw):\n    return a + b * c ** 2\n",
    "class C(B, metaclass=M):\n    x: int = 1\n    async def g(self):\n        async with a as b:\n            await b\n",
    "x = [i for i in range(10) if i % 2]\ny = {k: v for k, v in d.items()}\n",
    "try:\n    pass\nexcept* (A, B) as e:\n    raise X from e\nfinally:\n    del x[0], y.z\n",
    "match p:\n    case [1, *r] | {'k': v, **kw} if v: pass\n    case Point(x=0) as pt: pass\n",
    "print(f\"{a!r:>{w}} {b=} {{c}}\", 'x' 'y', b'z', 1_000, 0x1f, 1.5e-3j)\n",
    "with (open(a) as f, open(b) as g):\n    lambda x, /, y=2: (yield from x)\n",
    "@dec\ndef g():\n    global a\n    nonlocal b\n    while (n := next(it)) is not None:\n        a[1:2, ::3] += -n\n",
    "from . import (a, b as c)\nimport os.path as p\nassert x, 'msg'\n",
    // Programs that run (and some that would never stop): the VM's share of the fuzzing.
    "i = 0\nwhile True:\n    try:\n        i += 1\n    except BaseException:\n        pass\n",
    "def f(n):\n    return f(n - 1) + f(n - 2) if n > 1 else n\nprint(f(40), [x * 2 for x in range(9)])\n",
    "class A:\n    def __init__(self, v): self.v = v\n    def __add__(self, o): return A(self.v + o.v)\nprint((A(1) + A(2)).v, {1: 'a'}.get(2), 'x'.join('abc'))\n",
    "def g():\n    yield from range(3)\nfor x in iter(int, 1):\n    s = sum(g()) * [x][0]\n",
];

const PIECES: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "=", "==", "\n", "    ", "\t", "'", "\"", "\"\"\"",
    "f'{", "}", "\\", "#", "lambda", "if", "else", "for", "in", "not", "*", "**", "@", "->", ":=",
    "yield", "await", "async", "match", "case", "0x", "1e", "\u{e9}", "\r\n", ";", ".", "...",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = v.len();
        match rng.below(6) {
            0 => v.truncate(rng.below(len + 1)),
            1 => {
                let i = rng.below(len + 1);
                let p = PIECES[rng.below(PIECES.len())].as_bytes();
                v.splice(i..i, p.iter().copied());
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(8)).min(len);
                v.drain(i..j);
            }
            3 => {
                let other = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes();
                let i = rng.below(len + 1);
                let a = rng.below(other.len());
                let b = (a + rng.below(other.len() - a + 1)).min(other.len());
                v.splice(i..i, other[a..b].iter().copied());
            }
            4 if len > 0 => {
                let i = rng.below(len);
                v[i] = rng.next() as u8;
            }
            _ => {
                let i = rng.below(len + 1);
                let j = (i + rng.below(20)).min(len);
                let dup: Vec<u8> = v[i..j].to_vec();
                v.splice(j..j, dup);
            }
        }
    }
    v
}

/// Whatever runs, runs with every instruction specialized at its first execution (and the
/// specialized forms' guards and deopts exercised as often as possible).
fn stress_specializer() {
    use cpjit::vm::adaptive::{configure, Mode, Settings};
    configure(Settings {
        mode: Mode::Stress,
        stats: None,
    });
    cpjit::specialize::install();
}

#[test]
fn fuzz_no_panic_no_hang() {
    stress_specializer();
    // CPJIT_FUZZ_SEED / CPJIT_FUZZ_CASES / CPJIT_FUZZ_SECS run a longer campaign locally.
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let mut rng = Rng(env("CPJIT_FUZZ_SEED", 0x9e37_79b9_7f4a_7c15) | 1);
    let max_cases = env("CPJIT_FUZZ_CASES", 10_000) as usize;
    let budget = Duration::from_secs(env("CPJIT_FUZZ_SECS", 15));
    let start = Instant::now();
    // A large real file to mutate: the stdlib's _pydecimal.py of the CPython 3.11 on PATH (the
    // oracle every machine has; no CPython source is kept in this repository).
    let stdlib = std::process::Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_path('stdlib'))",
        ])
        .output()
        .expect("python3 on PATH");
    let stdlib = String::from_utf8_lossy(&stdlib.stdout).trim().to_string();
    let big = std::fs::read(format!("{stdlib}/_pydecimal.py")).expect("the stdlib's _pydecimal.py");
    let big = &big[..20_000];
    let mut cases = 0;
    let (mut ran, mut stopped) = (0usize, 0usize);
    while cases < max_cases && start.elapsed() < budget {
        let input: Vec<u8> = match cases % 5 {
            0 => (0..rng.below(200)).map(|_| rng.next() as u8).collect(),
            1 => (0..rng.below(60))
                .flat_map(|_| PIECES[rng.below(PIECES.len())].bytes())
                .collect(),
            2 => mutate(&mut rng, big),
            _ => {
                let s = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes();
                mutate(&mut rng, s)
            }
        };
        let t = Instant::now();
        // Whatever parses is compiled too (symtable, codegen, flow-graph passes), on the big stack
        // the compiler uses for deeply nested input.
        let r = std::panic::catch_unwind(|| {
            if let Ok(module) = parse_module(&input, "<fuzz>") {
                cpjit::compile::with_big_stack(|| {
                    cpjit::compile::compile_module(&module, "<fuzz>").is_ok()
                })
            } else {
                false
            }
        });
        assert!(
            r.is_ok(),
            "parser or compiler panicked on {:?}",
            String::from_utf8_lossy(&input)
        );
        // What compiles also runs: output discarded, at most STEP_BUDGET calls + backward jumps.
        if matches!(r, Ok(true)) {
            let out = std::panic::catch_unwind(|| run_sandboxed(&input, STEP_BUDGET));
            match out {
                Ok(o) => {
                    ran += 1;
                    stopped += o.budget_exhausted as usize;
                    assert_eq!(
                        o.internal_errors,
                        0,
                        "the VM panicked (internal error) on {:?}",
                        String::from_utf8_lossy(&input)
                    );
                    assert!(
                        o.status == 0 || o.status == 1 || o.budget_exhausted,
                        "exit status {} for {:?}",
                        o.status,
                        String::from_utf8_lossy(&input)
                    );
                }
                Err(_) => panic!("the VM panicked on {:?}", String::from_utf8_lossy(&input)),
            }
        }
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "slow parse, compile or run: {:?}",
            String::from_utf8_lossy(&input)
        );
        cases += 1;
    }
    println!(
        "fuzz: {cases} cases ({ran} compiled and ran, {stopped} stopped by the step budget) in {:?}",
        start.elapsed()
    );
    assert!(ran > 0, "no case compiled, so the VM was never exercised");
    assert!(
        cases >= max_cases.min(1000),
        "only {cases} cases ran in the budget"
    );
}

/// The budget stops loops that catch everything and deep call trees; a finite program is not
/// stopped.
#[test]
fn step_budget_stops_runaway_programs() {
    stress_specializer();
    for src in [
        "while True:\n    try:\n        pass\n    except BaseException:\n        pass\n",
        "while True:\n    try:\n        x = 1\n    finally:\n        continue\n",
        "def f(n):\n    return f(n - 1) + f(n - 2) if n > 1 else n\nf(60)\n",
        "def g():\n    while True:\n        yield 1\ntry:\n    sum(g())\nexcept:\n    pass\n",
        "print(5 in iter(int, 1))\n",
        "x = list(iter(int, 1))\n",
        // Loops closed by POP_JUMP_IF_NOT_NONE / POP_JUMP_IF_NONE / JUMP_IF_*_OR_POP.
        "x = 1\nwhile x is not None:\n    pass\n",
        "def f():\n    x = None\n    while x is None:\n        pass\nf()\n",
        "x = 1\nwhile x < 2 or x:\n    pass\n",
    ] {
        let o = run_sandboxed(src.as_bytes(), 10_000);
        assert!(o.budget_exhausted && o.status == 1, "{src:?}: {o:?}");
    }
    let o = run_sandboxed(
        b"s = 0\nfor i in range(100):\n    s += i\nassert s == 4950\n",
        10_000,
    );
    assert_eq!((o.status, o.budget_exhausted), (0, false));
    let o = run_sandboxed(b"raise SystemExit(3)\n", 10_000);
    assert_eq!((o.status, o.budget_exhausted), (3, false));
}

#[test]
fn valid_snippets_parse() {
    for s in SNIPPETS {
        if let Err(e) = parse_module(s.as_bytes(), "<snippet>") {
            panic!("{s:?}: {}", e.render());
        }
    }
}

fn err_of(src: String) -> (SyntaxErrorKind, String) {
    match parse_module(src.as_bytes(), "<deep>") {
        Ok(_) => panic!("parsed"),
        Err(e) => (e.kind, e.msg),
    }
}

/// python3 says: "too many nested parentheses" (tokenizer, 200 levels), "too many levels of
/// indentation" (100), MemoryError for 10,000 unary minus or `not` (pegen's MAXSTACK 6000).
#[test]
fn deep_nesting_errors_cleanly() {
    let (k, m) = err_of(format!("{}{}\n", "(".repeat(10_000), ")".repeat(10_000)));
    assert_eq!(
        (k, m.as_str()),
        (SyntaxErrorKind::SyntaxError, "too many nested parentheses")
    );
    let (k, m) = err_of(format!("{}\n", "[".repeat(10_000)));
    assert_eq!(
        (k, m.as_str()),
        (SyntaxErrorKind::SyntaxError, "too many nested parentheses")
    );
    let mut ifs = String::new();
    for i in 0..10_000 {
        ifs.push_str(&" ".repeat(i));
        ifs.push_str("if x:\n");
    }
    ifs.push_str(&" ".repeat(10_000));
    ifs.push_str("pass\n");
    let (k, m) = err_of(ifs);
    assert_eq!(
        (k, m.as_str()),
        (
            SyntaxErrorKind::IndentationError,
            "too many levels of indentation"
        )
    );
    let (k, _) = err_of(format!("{}1\n", "-".repeat(10_000)));
    assert_eq!(k, SyntaxErrorKind::MemoryError);
    let (k, _) = err_of(format!("{}1\n", "not ".repeat(10_000)));
    assert_eq!(k, SyntaxErrorKind::MemoryError);
    let (k, _) = err_of(format!("{}1\n", "lambda:".repeat(10_000)));
    assert_eq!(k, SyntaxErrorKind::MemoryError);
    // The exact limits python3 3.11 has (found by bisection with compile()): one level more
    // is MemoryError, below it parses (CPython then fails only later, in the compiler).
    for (unit, last_ok) in [("-", 5969), ("not ", 5969), ("~", 5969), ("lambda:", 2984)] {
        let ok = format!("{}1\n", unit.repeat(last_ok));
        assert!(
            parse_module(ok.as_bytes(), "<deep>").is_ok(),
            "{unit:?} x {last_ok}"
        );
        let (k, _) = err_of(format!("{}1\n", unit.repeat(last_ok + 1)));
        assert_eq!(
            k,
            SyntaxErrorKind::MemoryError,
            "{unit:?} x {}",
            last_ok + 1
        );
    }
}
