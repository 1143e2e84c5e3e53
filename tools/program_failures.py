#!/usr/bin/env python3
"""Run tests/programs/*.py through a cpjit binary and summarise the mismatches with the recorded
python3 expectations (tools/record_programs.py) as `NAME: reason` lines, one per failing program.

usage: tools/program_failures.py [--bin target/release/cpjit] [--write] [PREFIX]
  --write   write tests/programs/known_failures.txt (otherwise print to stdout)
"""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROG = ROOT / "tests" / "programs"


def first_diff(exp, got):
    e = exp.decode("utf-8", "replace").splitlines()
    g = got.decode("utf-8", "replace").splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<missing>"
        b = g[i] if i < len(g) else "<missing>"
        if a != b:
            return f"line {i + 1}: expected {a.strip()[:70]!r}, got {b.strip()[:90]!r}"
    return "trailing bytes differ"


def check(binary, name):
    exp = PROG / "expected"
    out = (exp / f"{name}.out").read_bytes()
    err = (exp / f"{name}.err").read_bytes()
    status = int((exp / f"{name}.status").read_text().strip())
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONHASHSEED"] = "0"
    try:
        p = subprocess.run([binary, f"{name}.py"], cwd=PROG, capture_output=True, env=env, timeout=60)
    except subprocess.TimeoutExpired:
        return "timed out after 60 s"
    if p.returncode not in (0, 1, 2, 3) and p.returncode != status:
        tail = p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["<no stderr>"]
        return f"exit {p.returncode}: {tail[0][:120]}"
    # As tests/programs.rs: the recorder strips the program directory from traceback file names.
    p.stderr = p.stderr.replace(('File "%s/' % PROG).encode(), b'File "')
    if p.stdout != out:
        # A cpjit error usually explains a stdout mismatch better than the stdout line itself.
        if p.returncode != status and p.stderr:
            tail = p.stderr.decode("utf-8", "replace").strip().splitlines()[-1]
            return f"stdout {first_diff(out, p.stdout)}; cpjit error: {tail[:120]}"
        return "stdout " + first_diff(out, p.stdout)
    if p.stderr != err:
        return "stderr " + first_diff(err, p.stderr)
    if p.returncode != status:
        return f"exit status {p.returncode}, expected {status}"
    return None


def main():
    args = sys.argv[1:]
    binary = str(ROOT / "target" / "release" / "cpjit")
    write = False
    prefix = ""
    while args:
        a = args.pop(0)
        if a == "--bin":
            binary = args.pop(0)
        elif a == "--write":
            write = True
        else:
            prefix = a
    names = sorted(p.stem for p in PROG.glob("*.py") if p.stem.startswith(prefix))
    lines = []
    passed = 0
    for n in names:
        r = check(binary, n)
        if r is None:
            passed += 1
        else:
            lines.append(f"{n}: {r}")
    text = "\n".join(lines) + ("\n" if lines else "")
    if write:
        (PROG / "known_failures.txt").write_text(text)
    else:
        sys.stdout.write(text)
    print(f"{passed} of {len(names)} programs pass", file=sys.stderr)


if __name__ == "__main__":
    main()
