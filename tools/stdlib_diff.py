#!/usr/bin/env python3
"""Differential test of cpjit's front end against CPython over the installed standard library.

For every .py file under the stdlib (site-packages excluded) and each mode:
  tokens         `cpjit tokenize FILE`          vs `python3 -m tokenize FILE`
  ast            `cpjit ast FILE`               vs ast.dump(ast.parse(src))
  ast-positions  `cpjit ast --positions FILE`   vs ast.dump(ast.parse(src), include_attributes=True)

The expected outputs are computed in this one python process; cpjit runs as a subprocess per file,
two at a time. Files CPython itself cannot tokenize/parse are skipped (and counted). Writes
tests/stdlib_diff/differences.md with every differing file and its first differing line.

usage: stdlib_diff.py [--mode tokens|ast|ast-positions]... [--check] [--cpjit PATH] [FILE...]
"""

import argparse
import ast
import concurrent.futures
import io
import os
import subprocess
import sys
import sysconfig
import threading
import tokenize
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODES = ["tokens", "ast", "ast-positions"]
THRESHOLDS = {"tokens": 99.0, "ast": 99.5, "ast-positions": 97.0}
REPORT = os.path.join(ROOT, "tests", "stdlib_diff", "differences.md")

# tokenize.py and ast are pure computation here, but the GIL makes two python threads no faster
# than one; the lock keeps them from interleaving while cpjit subprocesses run in parallel.
PY_LOCK = threading.Lock()


def stdlib_files():
    base = sysconfig.get_paths()["stdlib"]
    out = []
    for root, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d != "site-packages")
        for f in sorted(files):
            if f.endswith(".py"):
                out.append(os.path.join(root, f))
    return base, out


def expected_tokens(path):
    """What `python3 -m tokenize path` prints (tokenize.main's format), or None if it fails."""
    with open(path, "rb") as f:
        try:
            toks = list(tokenize.tokenize(f.readline))
        except Exception:
            return None
    buf = io.StringIO()
    for t in toks:
        r = "%d,%d-%d,%d:" % (t.start + t.end)
        buf.write("%-20s%-15s%-15r\n" % (r, tokenize.tok_name[t.type], t.string))
    return buf.getvalue()


def expected_ast(path):
    """(dump, dump with positions), or None if CPython cannot parse the file."""
    with open(path, "rb") as f:
        src = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(src, filename=path)
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return None
    return ast.dump(tree) + "\n", ast.dump(tree, include_attributes=True) + "\n"


def first_difference(want, got):
    w, g = want.splitlines(), got.splitlines()
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else "<end of output>"
        b = g[i] if i < len(g) else "<end of output>"
        if a != b:
            # Show where the line starts to differ (an ast dump is one long line).
            j = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            lo = max(0, j - 60)
            where = "" if lo == 0 else " col %d" % (j + 1)
            pre = "" if lo == 0 else "..."
            return "line %d%s: expected `%s`, got `%s`" % (
                i + 1, where, clip(pre + a[lo:j + 100]), clip(pre + b[lo:j + 100]))
    return "outputs differ in whitespace at the end"


def clip(s, n=160):
    s = s.replace("`", "'")
    return s if len(s) <= n else s[:n] + "..."


def run_cpjit(cpjit, args):
    try:
        p = subprocess.run([cpjit] + args, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "cpjit timed out"
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, "cpjit exited %d: %s" % (p.returncode, clip(err[-1] if err else "(no message)"))
    return out, None


def check_file(path, modes, cpjit):
    """Returns {mode: ("skip"|"equal"|"differ", reason)}."""
    res = {}
    with PY_LOCK:
        toks = expected_tokens(path) if "tokens" in modes else None
        asts = expected_ast(path) if ("ast" in modes or "ast-positions" in modes) else None
    for mode in modes:
        if mode == "tokens":
            want, args = toks, ["tokenize", path]
        elif mode == "ast":
            want, args = asts and asts[0], ["ast", path]
        else:
            want, args = asts and asts[1], ["ast", "--positions", path]
        if want is None:
            res[mode] = ("skip", None)
            continue
        got, err = run_cpjit(cpjit, args)
        if err is not None:
            res[mode] = ("differ", err)
        elif got == want:
            res[mode] = ("equal", None)
        else:
            res[mode] = ("differ", first_difference(want, got))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", action="append", choices=MODES, help="restrict to a mode (repeatable)")
    ap.add_argument("--check", action="store_true", help="exit 1 unless every mode run meets its threshold")
    ap.add_argument("--cpjit", help="cpjit binary (default: target/release/cpjit, else target/debug/cpjit)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--report", default=REPORT, help="where to write the differences (markdown)")
    ap.add_argument("files", nargs="*", help="only these files (default: the whole stdlib)")
    a = ap.parse_args()
    modes = a.mode or MODES
    cpjit = a.cpjit or os.environ.get("CPJIT")
    if not cpjit:
        for prof in ("release", "debug"):
            c = os.path.join(ROOT, "target", prof, "cpjit")
            if os.path.exists(c):
                cpjit = c
                break
    if not cpjit or not os.path.exists(cpjit):
        sys.exit("stdlib_diff: no cpjit binary; run `cargo build --release` or pass --cpjit")
    base, files = stdlib_files()
    if a.files:
        files = [os.path.abspath(f) for f in a.files]

    stats = {m: {"equal": 0, "differ": 0, "skip": 0} for m in modes}
    diffs = {m: [] for m in modes}
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        results = ex.map(lambda p: (p, check_file(p, modes, cpjit)), files)
        for path, res in results:
            for m, (status, reason) in res.items():
                stats[m][status] += 1
                if status == "differ":
                    diffs[m].append((os.path.relpath(path, base), reason))

    ok = True
    lines = ["# cpjit vs CPython over the standard library", "",
             "Generated by `python3 tools/stdlib_diff.py`%s; stdlib: `%s`." % (
                 "" if a.mode is None else " " + " ".join("--mode " + m for m in modes), base), ""]
    for m in modes:
        s = stats[m]
        compared = s["equal"] + s["differ"]
        pct = 100.0 * s["equal"] / compared if compared else 0.0
        passed = pct >= THRESHOLDS[m]
        ok = ok and passed
        summary = "%-14s compared %d, equal %d, differing %d, skipped %d: %.2f%% (threshold %.1f%%)" % (
            m, compared, s["equal"], s["differ"], s["skip"], pct, THRESHOLDS[m])
        print(summary)
        lines += ["## %s" % m, "", summary.split(None, 1)[1], ""]
        for rel, reason in sorted(diffs[m]):
            lines.append("- `%s`: %s" % (rel, reason))
        lines.append("")
    if a.files:
        # A partial run prints its differences instead of replacing the committed report.
        for m in modes:
            for rel, reason in sorted(diffs[m]):
                print("%s: %s: %s" % (m, rel, reason))
    else:
        os.makedirs(os.path.dirname(a.report), exist_ok=True)
        with open(a.report, "w") as f:
            f.write("\n".join(lines))
    if a.check and not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
