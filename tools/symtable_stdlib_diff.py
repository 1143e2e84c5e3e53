#!/usr/bin/env python3
"""Compares `cpjit symtable` with python3's symtable module (format of tools/record_symtable.py) for
every module of the installed standard library (test packages excluded).
Usage: python3 tools/symtable_stdlib_diff.py [--limit N]
"""
import argparse
import difflib
import importlib.util
import pathlib
import subprocess
import symtable
import sysconfig

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("record_symtable", ROOT / "tools" / "record_symtable.py")
record_symtable = importlib.util.module_from_spec(spec)
spec.loader.exec_module(record_symtable)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=100000)
    ap.add_argument("--cpjit", default=str(ROOT / "target" / "debug" / "cpjit"))
    args = ap.parse_args()
    stdlib = pathlib.Path(sysconfig.get_paths()["stdlib"])
    files = sorted(p for p in stdlib.rglob("*.py")
                   if "/test/" not in str(p) and "/tests/" not in str(p)
                   and "site-packages" not in str(p))[:args.limit]
    same = differ = 0
    for f in files:
        try:
            out = []
            record_symtable.dump(symtable.symtable(f.read_text(), f.name, "exec"), 0, out)
        except Exception:
            continue
        r = subprocess.run([args.cpjit, "symtable", str(f)], capture_output=True, text=True)
        if r.stdout == "\n".join(out) + "\n":
            same += 1
        else:
            differ += 1
            print(f"DIFF {f}")
            print("\n".join(list(difflib.unified_diff(out, r.stdout.splitlines(), lineterm="", n=0))[:12]))
    print(f"identical: {same}, differ: {differ}")


if __name__ == "__main__":
    main()
