#!/usr/bin/env python3
"""Call-level fuzzer: calls every built-in callable with generated argument lists and checks that
cpjit raises the exception type CPython (python3, the oracle) raises, never panics and never hangs.

What is called (enumerated under python3, deduplicated by identity):
  * every callable name in `builtins` (functions, types, exception classes);
  * every callable attribute (methods, dunders, `__new__`, `__init__`, class methods) of every type
    in `builtins` and of NoneType, ellipsis and NotImplementedType;
  * every public callable of the native modules math, sys, time and random.
EXCLUDED below names what is never called and why (side effects outside the process, unbounded
waits, interpreter-wide state changes). Each generated call is also tried once under python3 with a
2 GB address-space limit and a 1 s timer; a call that runs out of memory or time there (a huge
allocation, an unbounded computation) is left out of the program, with the reason written into it.

Arguments: 0-5 positionals and sometimes 1-2 keywords, drawn from POOL (None, bools, small and big
ints, floats incl. nan/inf, complex, str, bytes, bytearray, tuples, lists, dicts, sets, ranges,
types, built-in and Python functions, instances of a user class and of subclasses of built-ins,
iterators, generators, exceptions, ...). Values are built fresh for every call.

A generated program prints one line per call, `INDEX OUTCOME`, OUTCOME being `ok`, the exception's
type name, `missing` (the callable does not exist) or `PANIC` (cpjit's internal-error SystemError).

usage:
  tools/call_fuzz.py gen SEED COUNT > prog.py   program for one seed (to stdout)
  tools/call_fuzz.py gen-gc SEED COUNT          the same with GC_POOL's arguments too (values whose
                                                dunders run Python code), for GC-stress runs
  tools/call_fuzz.py bless                      (re)writes tests/call_fuzz/seed_*.py + .expected
                                                and gc_seed_*.py
                                                (the short seed set tests/call_fuzz.rs runs)
  tools/call_fuzz.py campaign FIRST LAST COUNT [CPJIT]
                                                seeds FIRST..LAST, COUNT calls each: generate,
                                                record under python3, run cpjit, report
                                                mismatches grouped by callable
"""
import collections
import os
import pathlib
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "call_fuzz"
CI_SEEDS = range(1, 7)
CI_COUNT = 1500
# GC-stress seeds: cpjit under CPJIT_GC_STRESS=1 must give the outcomes cpjit gives without it
# (and no crash or internal error); a collection at every safepoint makes each call slow.
GC_SEEDS = range(101, 103)
GC_COUNT = 400
MODULES = ["math", "sys", "time", "random"]

# Never called, with the reason.
EXCLUDED = {
    "input": "reads standard input",
    "open": "touches the file system",
    "print": "writes to the standard output the harness reports on",
    "exit": "ends the process (site's Quitter)",
    "quit": "ends the process (site's Quitter)",
    "help": "interactive pager",
    "license": "interactive pager on standard output",
    "copyright": "writes to the standard output",
    "credits": "writes to the standard output",
    "breakpoint": "starts the pdb debugger",
    "__loader__": "CPython's import machinery (importlib's BuiltinImporter; load_module() with "
    "no name hangs): its outcomes are import-system state, issue 13",
    "__import__": "imports modules named by pool strings: the outcome depends on which standard "
    "modules exist (issue 13), not on the built-in",
    "sys.exit": "ends the process",
    "sys.setrecursionlimit": "interpreter-wide state: later calls would see a tiny limit",
    "sys.settrace": "interpreter-wide state: installs a trace function",
    "sys.setprofile": "interpreter-wide state: installs a profile function",
    "sys.addaudithook": "interpreter-wide state: the hook runs on every later audit event",
    "sys.set_asyncgen_hooks": "interpreter-wide state",
    "sys.set_coroutine_origin_tracking_depth": "interpreter-wide state",
    "sys.setdlopenflags": "interpreter-wide state (dynamic loader)",
    "sys.setswitchinterval": "interpreter-wide state (thread switching)",
    "sys.displayhook": "writes to the standard output and sets builtins._",
    "sys.breakpointhook": "starts the pdb debugger",
    "sys.activate_stack_trampoline": "perf-map support, interpreter-wide state",
    "sys.deactivate_stack_trampoline": "perf-map support, interpreter-wide state",
    "time.sleep": "waits (unbounded with pool values such as 2**64)",
}


def excluded_reason(expr):
    if expr in EXCLUDED:
        return EXCLUDED[expr]
    mod, _, name = expr.partition(".")
    if mod == "sys" and name.startswith("__"):
        return "the original of the hook sys.%s (CPython keeps it to restore the hook)" % name.strip("_")
    if mod in MODULES and name.startswith("_"):
        return "private CPython implementation detail of the module"
    return None


# The argument pool: source expressions (fresh value per evaluation).
PRELUDE = '''\
import math, sys, time, random
class U:
    def __repr__(self):
        return "U()"
class MyInt(int):
    pass
class MyStr(str):
    pass
class MyList(list):
    pass
class MyDict(dict):
    pass
class MyExc(ValueError):
    pass
def fn(x=None, *a, **k):
    return x
def gen():
    yield 1
    yield 2
def churn():
    return len([[i] * 3 for i in range(3)] + [str(churn)])
class G:
    """Every dunder calls churn(): a Python call (a safepoint) that allocates."""
    def __init__(self, n=1):
        self.n = n
    def __hash__(self):
        churn(); return self.n
    def __eq__(self, o):
        churn(); return isinstance(o, G) and o.n == self.n
    def __lt__(self, o):
        churn(); return isinstance(o, G) and self.n < o.n
    def __index__(self):
        churn(); return self.n
    def __float__(self):
        churn(); return float(self.n)
    def __repr__(self):
        churn(); return "G(%d)" % self.n
    def __format__(self, spec):
        churn(); return "G" + spec
    def __len__(self):
        churn(); return 2
    def __getitem__(self, i):
        churn()
        if i >= 2:
            raise IndexError(i)
        return G(i)
    def __iter__(self):
        churn(); return iter([G(0), G(1), G(2)])
    def __call__(self, *a, **k):
        churn(); return G(len(a))
class GMap:
    def keys(self):
        churn(); return [G(1), G(2)]
    def __getitem__(self, k):
        churn(); return G(k.n + 1)
def ggen():
    for i in range(3):
        churn()
        yield G(i)
def gpairs():
    for i in range(3):
        churn()
        yield (G(i), [G(i + 1)])
'''
POOL = [
    "None", "True", "False", "0", "1", "-1", "2", "7", "-3", "2**64", "-10**30",
    "0.0", "-0.0", "2.5", "float('nan')", "float('inf')", "float('-inf')", "(1+2j)",
    "''", "'abc'", "'a b\\tc\\n'", "'\\xe9\\u20ac\\U0001d11e'", "'12'", "'utf-8'", "' '",
    "b''", "b'ab c'", "bytearray(b'xy')",
    "()", "(1, 'a')", "[]", "[3, 1, 2]", "[1, [2]]", "{}", "{'a': 1, 2: 'b'}",
    "set()", "{1, 2}", "frozenset({3})", "range(3)", "range(-2, 5, 2)",
    "int", "str", "object", "type", "len", "fn", "U", "U()",
    "MyInt(3)", "MyStr('s')", "MyList([1])", "MyDict(k=1)", "MyExc('e')", "ValueError('x')",
    "slice(1, 2)", "iter([1, 2])", "gen()", "...", "NotImplemented",
]
# Extra values for the GC-stress seeds (gc_seed_N.py, drawn from POOL + GC_POOL): their dunders
# run Python code that allocates, so under CPJIT_GC_STRESS a built-in that holds a value only in
# Rust while one runs sees it freed. Appended after POOL so the plain seeds' indices stay.
GC_POOL = [
    "G(1)", "G(3)", "[G(2), G(0), G(1)]", "(G(1), G(2))", "{G(1): G(2)}", "{G(3)}",
    "ggen()", "gpairs()", "GMap()", "[(G(1), G(2)), (G(3), G(4))]", "iter([G(1), G(2)])",
]
ALL_POOL = POOL + GC_POOL
KWNAMES = ["key", "reverse", "default", "start", "sep", "end", "base", "encoding", "errors",
           "x", "n", "maxsplit", "k", "strict", "object", "args"]

RUNNER = '''
def run(calls):
    lines = []
    for i, label, target, argidx, kw in calls:
        try:
            f = target()
        except (AttributeError, NameError):
            lines.append("%d missing" % i)
            continue
        try:
            args = [V[j]() for j in argidx]
            kwargs = {k: V[j]() for k, j in kw}
            f(*args, **kwargs)
            r = "ok"
        except BaseException as e:
            r = type(e).__name__
            if r == "SystemError" and "cpjit internal error" in str(e):
                r = "PANIC"
        lines.append("%d %s" % (i, r))
        if len(lines) == 100:
            sys.__stdout__.write("\\n".join(lines) + "\\n")
            sys.__stdout__.flush()
            lines = []
    sys.__stdout__.write("".join(l + "\\n" for l in lines))
'''


def enumerate_callables():
    import builtins
    seen = set()
    keep = []
    out = []
    skipped = []

    def add(expr, obj):
        key = id(obj)
        # Class methods come back as a fresh bound method on every attribute access: identify
        # them by the class whose dict defines them.
        if hasattr(obj, "__self__") and isinstance(obj.__self__, type) and not isinstance(obj, type):
            owner = next((c for c in obj.__self__.__mro__ if obj.__name__ in c.__dict__), None)
            key = ("classmethod", obj.__name__, id(owner))
        if key in seen:
            return
        seen.add(key)
        keep.append(obj)
        r = excluded_reason(expr)
        if r:
            skipped.append((expr, r))
        else:
            out.append(expr)

    types = []
    for name in sorted(dir(builtins)):
        obj = getattr(builtins, name)
        if callable(obj):
            add(name, obj)
        if isinstance(obj, type) and not excluded_reason(name):
            types.append((name, obj))
    types += [("type(None)", type(None)), ("type(...)", type(...)),
              ("type(NotImplemented)", type(NotImplemented))]
    for tname, t in types:
        for a in sorted(dir(t)):
            try:
                v = getattr(t, a)
            except AttributeError:
                continue
            if callable(v):
                add(f"{tname}.{a}", v)
    for m in MODULES:
        mod = __import__(m)
        for a in sorted(dir(mod)):
            v = getattr(mod, a)
            if callable(v):
                add(f"{m}.{a}", v)
    return out, skipped


class _Timeout(BaseException):
    pass


def _alarm(*_):
    raise _Timeout


def probe_namespace():
    ns = {}
    exec(PRELUDE, ns)
    ns["V"] = [eval("lambda: " + p, ns) for p in ALL_POOL]
    return ns


def probe(ns, target_src, argidx, kw):
    """Tries one call under python3; returns why it must be left out, or None."""
    f = eval(target_src, ns)
    args = [ns["V"][j]() for j in argidx]
    kwargs = {k: ns["V"][j]() for k, j in kw}
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 1.0)
    t = time.perf_counter()
    reason = None
    try:
        f(*args, **kwargs)
    except _Timeout:
        reason = "took over 1 s in CPython"
    except MemoryError:
        reason = "MemoryError in CPython under a 2 GB address-space limit (huge allocation)"
    except BaseException:
        pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    dt = time.perf_counter() - t
    if reason is None and dt > 0.2:
        reason = f"took {dt:.2f} s in CPython"
    return reason


def call_text(target, argidx, kw):
    parts = [ALL_POOL[j] for j in argidx] + [f"{k}={ALL_POOL[j]}" for k, j in kw]
    return f"{target}({', '.join(parts)})"


def static_left_out(target, argidx):
    """Calls the probe cannot stop: CPython's big-int power loops in C without checking for
    signals, so `7 ** 2**64` would hang the generator (and is unbounded in CPython too)."""
    if "pow" in target and POOL.index("2**64") in argidx:
        return "a power with exponent 2**64: unbounded big-int computation (in CPython too)"
    return None


def generate(seed, count, gc=False):
    """One seed's program; `gc`: arguments also from GC_POOL (the GC-stress seeds)."""
    callables, skipped = enumerate_callables()
    rng = random.Random(seed)
    npool = len(ALL_POOL) if gc else len(POOL)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, hard))
    ns = probe_namespace()
    lines = [f"# Generated by tools/call_fuzz.py {'gen-gc' if gc else 'gen'} {seed} {count}: "
             "do not edit.",
             f"# {len(callables)} callables; never called (reason):"]
    lines += [f"#   {e}: {r}" for e, r in skipped]
    lines.append(f"from {POOL_MODULE} import *")
    lines.append("CALLS = [")
    left_out = []
    devnull = open(os.devnull, "w")
    for i in range(count):
        target = rng.choice(callables)
        n = rng.choices(range(6), weights=[3, 5, 5, 3, 1, 1])[0]
        argidx = tuple(rng.randrange(npool) for _ in range(n))
        kw = ()
        if rng.random() < 0.2:
            names = rng.sample(KWNAMES, rng.choice([1, 1, 2]))
            kw = tuple((k, rng.randrange(npool)) for k in names)
        reason = static_left_out(target, argidx)
        if reason:
            left_out.append(f"# left out: call {i}, {call_text(target, argidx, kw)}: {reason}")
            continue
        old = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = devnull
        try:
            reason = probe(ns, target, argidx, kw)
        finally:
            sys.stdout, sys.stderr = old
        text = call_text(target, argidx, kw)
        if reason:
            left_out.append(f"# left out: call {i}, {text}: {reason}")
            continue
        lines.append(f"    ({i}, {text!r}, lambda: {target}, {argidx!r}, {kw!r}),")
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    lines.append("]")
    lines += left_out
    lines.append("run(CALLS)")
    return "\n".join(lines)


POOL_MODULE = "call_fuzz_pool"


def pool_module_source():
    """The module every generated program imports: the argument pool and the runner."""
    lines = ['"""Generated by tools/call_fuzz.py: the call fuzzer\'s argument pool and runner."""']
    lines.append(PRELUDE)
    lines.append("V = [")
    lines += [f"    lambda: {p}," for p in ALL_POOL]
    lines.append("]")
    lines.append(RUNNER)
    return "\n".join(lines) + "\n"


def write_pool(d):
    (pathlib.Path(d) / f"{POOL_MODULE}.py").write_text(pool_module_source())


def run_python3(path):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    p = subprocess.run(["python3", str(path)], capture_output=True, env=env, timeout=600,
                       stdin=subprocess.DEVNULL, cwd=path.parent)
    if p.returncode != 0:
        raise SystemExit(f"python3 failed on {path}: {p.stderr.decode()[-2000:]}")
    return p.stdout.decode()


def bless():
    GOLDEN.mkdir(exist_ok=True)
    write_pool(GOLDEN)
    for seed in CI_SEEDS:
        py = GOLDEN / f"seed_{seed}.py"
        py.write_text(generate(seed, CI_COUNT) + "\n")
        (GOLDEN / f"seed_{seed}.expected").write_text(run_python3(py))
        print(f"{py.name}: recorded")
    for seed in GC_SEEDS:
        py = GOLDEN / f"gc_seed_{seed}.py"
        py.write_text(generate(seed, GC_COUNT, gc=True) + "\n")
        print(f"{py.name}: written (tests/call_fuzz.rs runs it with and without GC stress)")


def labels_of(src):
    out = {}
    for line in src.splitlines():
        if line.startswith("    (") and ", lambda: " in line:
            i, rest = line[5:].split(", ", 1)
            out[int(i)] = eval(rest.split(", lambda: ")[0])
    return out


def campaign(first, last, count, cpjit):
    total = 0
    bad = collections.Counter()
    examples = {}
    panics = hangs = crashed = 0
    t0 = time.time()
    with tempfile.TemporaryDirectory() as d:
        write_pool(d)
        for seed in range(first, last + 1):
            py = pathlib.Path(d) / f"seed_{seed}.py"
            # Generated in a child process: a probe call that crashes CPython itself must not
            # end the campaign.
            g = subprocess.run([sys.executable, __file__, "gen", str(seed), str(count)],
                               capture_output=True, text=True)
            if g.returncode != 0:
                print(f"seed {seed}: python3 crashed while probing calls (exit {g.returncode}); "
                      "seed left out")
                continue
            src = g.stdout
            py.write_text(src + "\n")
            try:
                exp = dict(l.split(" ", 1) for l in run_python3(py).splitlines())
            except subprocess.TimeoutExpired:
                print(f"seed {seed}: python3 itself timed out; seed left out of the campaign")
                continue
            try:
                p = subprocess.run([cpjit, str(py)], capture_output=True, timeout=300,
                                   stdin=subprocess.DEVNULL, cwd=d,
                                   env=dict(os.environ, PYTHONHASHSEED="0"))
                out = p.stdout.decode(errors="replace")
                if p.returncode != 0:
                    crashed += 1
                    print(f"seed {seed}: CRASH, exit {p.returncode}: {p.stderr[-300:]!r}")
            except subprocess.TimeoutExpired as e:
                hangs += 1
                out = (e.stdout or b"").decode(errors="replace")
                print(f"seed {seed}: TIMEOUT after {len((out or '').splitlines())} results")
            got = dict(l.split(" ", 1) for l in out.splitlines() if " " in l)
            labels = labels_of(src)
            for i, e in exp.items():
                total += 1
                g = got.get(i, "<no result>")
                if g == "PANIC":
                    panics += 1
                if g != e:
                    name = labels[int(i)].split("(")[0]
                    bad[(name, e, g)] += 1
                    examples.setdefault((name, e, g), labels[int(i)])
            print(f"seed {seed}: {len(exp)} calls, {sum(bad.values())} mismatches so far, "
                  f"{time.time() - t0:.0f} s", flush=True)
    print(f"\n{total} calls, {sum(bad.values())} mismatches, {panics} panics, {hangs} timeouts, "
          f"{crashed} crashed programs")
    for (name, e, g), n in sorted(bad.items(), key=lambda x: -x[1]):
        print(f"{n:6} {name}: python3 {e}, cpjit {g}   e.g. {examples[(name, e, g)]}")


def crashes(first, last, count, cpjit):
    """Finds the calls that crash or hang cpjit (each reported, then skipped)."""
    with tempfile.TemporaryDirectory() as d:
        write_pool(d)
        for seed in range(first, last + 1):
            src = generate(seed, count)
            start = 0
            while True:
                py = pathlib.Path(d) / "p.py"
                py.write_text(src.rsplit("\nrun(CALLS)", 1)[0] + "\n" + f"""
for c in CALLS:
    if c[0] >= {start}:
        sys.stderr.write("%d\\n" % c[0]); sys.stderr.flush()
        run([c])
""")
                try:
                    p = subprocess.run([cpjit, str(py)], capture_output=True, timeout=20,
                                       stdin=subprocess.DEVNULL, cwd=d)
                    rc, err = p.returncode, p.stderr
                except subprocess.TimeoutExpired as e:
                    rc, err = "timeout", e.stderr or b""
                if rc == 0:
                    break
                nums = [l for l in err.decode(errors="replace").splitlines() if l.isdigit()]
                if not nums:
                    print(f"seed {seed}: exit {rc} before any call: {err[-500:]}")
                    break
                i = int(nums[-1])
                print(f"seed {seed} call {i}: exit {rc}: {labels_of(src)[i]}", flush=True)
                start = i + 1


def main():
    a = sys.argv[1:]
    if a[:1] == ["gen"]:
        print(generate(int(a[1]), int(a[2])))
    elif a[:1] == ["gen-gc"]:
        print(generate(int(a[1]), int(a[2]), gc=True))
    elif a[:1] == ["bless"]:
        bless()
    elif a[:1] == ["campaign"]:
        cpjit = a[4] if len(a) > 4 else str(ROOT / "target" / "release" / "cpjit")
        campaign(int(a[1]), int(a[2]), int(a[3]), cpjit)
    elif a[:1] == ["crashes"]:
        cpjit = a[4] if len(a) > 4 else str(ROOT / "target" / "release" / "cpjit")
        crashes(int(a[1]), int(a[2]), int(a[3]), cpjit)
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
