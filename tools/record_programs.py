#!/usr/bin/env python3
"""Record the expected behaviour of tests/programs/*.py from CPython (python3, the oracle).

For each NAME.py, runs `python3 NAME.py` with tests/programs as the working directory and writes
expected/NAME.out (stdout), expected/NAME.err (stderr) and expected/NAME.status (exit status).
tests/programs.rs runs the same command with cpjit and compares byte for byte.

usage: tools/record_programs.py [NAME ...]   (default: every program)
"""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "programs"


def record(path):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    p = subprocess.run(
        ["python3", path.name], cwd=ROOT, capture_output=True, env=env, timeout=120
    )
    # CPython prints the script's absolute path in tracebacks; keep recordings checkout-independent.
    prefix = (str(ROOT) + "/").encode()
    stdout = p.stdout.replace(prefix, b"<DIR>/")
    stderr = p.stderr.replace(prefix, b"<DIR>/")
    exp = ROOT / "expected"
    exp.mkdir(exist_ok=True)
    (exp / (path.stem + ".out")).write_bytes(stdout)
    (exp / (path.stem + ".err")).write_bytes(stderr)
    (exp / (path.stem + ".status")).write_text(f"{p.returncode}\n")
    return p.returncode


def main():
    names = sys.argv[1:]
    paths = [ROOT / (n if n.endswith(".py") else n + ".py") for n in names] if names else sorted(ROOT.glob("*.py"))
    for path in paths:
        rc = record(path)
        print(f"{path.name}: exit {rc}")


if __name__ == "__main__":
    main()
