#!/usr/bin/env python3
"""Record the expected behaviour of tests/programs/*.py from CPython (python3, the oracle).

For each NAME.py, runs `python3 NAME.py` with tests/programs as the working directory and writes
expected/NAME.out (stdout), expected/NAME.err (stderr, with the program directory stripped from
traceback file names: see portable()) and expected/NAME.status (exit status).
tests/programs.rs runs the same command with cpjit and compares byte for byte.

usage: tools/record_programs.py [NAME ...]   (default: every program)
"""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "programs"


def portable(err):
    """CPython 3.11 names the main script by its absolute path in tracebacks and warnings, which
    would tie the expectations to the checkout they were recorded in. Strip the program directory
    so `File "/.../tests/programs/NAME.py"` is recorded as `File "NAME.py"` (the path as given on
    the command line, which is what cpjit prints)."""
    return err.replace(('File "' + str(ROOT) + "/").encode(), b'File "')


def record(path):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    # Pinned (tests/programs.rs sets the same), not inherited: the machine these were recorded
    # on sets it, and a program's output order against its child processes depends on it.
    env["PYTHONUNBUFFERED"] = "1"
    p = subprocess.run(
        ["python3", path.name], cwd=ROOT, capture_output=True, env=env, timeout=120
    )
    exp = ROOT / "expected"
    exp.mkdir(exist_ok=True)
    (exp / (path.stem + ".out")).write_bytes(p.stdout)
    (exp / (path.stem + ".err")).write_bytes(portable(p.stderr))
    (exp / (path.stem + ".status")).write_text(f"{p.returncode}\n")
    return p.returncode


def main():
    names = sys.argv[1:]
    if any(n.startswith("-") for n in names):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    paths = [ROOT / (n if n.endswith(".py") else n + ".py") for n in names] if names else sorted(ROOT.glob("*.py"))
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        sys.exit("no such program in tests/programs: " + ", ".join(missing))
    for path in paths:
        rc = record(path)
        print(f"{path.name}: exit {rc}")


if __name__ == "__main__":
    main()
