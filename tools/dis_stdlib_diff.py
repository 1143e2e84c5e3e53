#!/usr/bin/env python3
"""Compares cpjit's bytecode with CPython 3.11's for every module of the installed standard library
(test packages excluded), using the normalized listing of tools/record_dis.py (`cpjit dis --golden`).

Usage: python3 tools/dis_stdlib_diff.py [--limit N] [--verbose]
Prints a summary and the code objects that differ. Frozenset constants are compared with their
elements sorted (CPython's order depends on string hashing).
"""
import argparse
import importlib.util
import pathlib
import re
import subprocess
import sysconfig

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("record_dis", ROOT / "tools" / "record_dis.py")
record_dis = importlib.util.module_from_spec(spec)
spec.loader.exec_module(record_dis)


def sort_frozensets(text):
    return re.sub(r"frozenset\(\{([^(){}]*)\}\)",
                  lambda m: "frozenset({" + ", ".join(sorted(m.group(1).split(", "))) + "})", text)


def split(text):
    objs, order = {}, []
    cur = None
    for line in text.splitlines():
        if line.startswith("== "):
            cur = line
            order.append(cur)
            objs.setdefault(cur, [])
        elif cur is not None:
            objs[cur].append(line)
    return order, objs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=100000)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--cpjit", default=str(ROOT / "target" / "debug" / "cpjit"))
    args = ap.parse_args()
    stdlib = pathlib.Path(sysconfig.get_paths()["stdlib"])
    files = sorted(p for p in stdlib.rglob("*.py")
                   if "/test/" not in str(p) and "/tests/" not in str(p)
                   and "site-packages" not in str(p))[:args.limit]
    stats = {"identical": 0, "differ": 0, "cpjit_error": 0, "python_error": 0}
    for f in files:
        out = []
        try:
            record_dis.walk(compile(f.read_bytes(), f.name, "exec"), out)
        except Exception:
            stats["python_error"] += 1
            continue
        r = subprocess.run([args.cpjit, "dis", "--golden", str(f)], capture_output=True, text=True)
        if r.returncode != 0:
            stats["cpjit_error"] += 1
            print(f"ERROR {f}: {r.stderr.strip().splitlines()[-1:]}")
            continue
        expected = sort_frozensets("\n".join(out) + "\n")
        got = sort_frozensets(r.stdout)
        if expected == got:
            stats["identical"] += 1
            continue
        stats["differ"] += 1
        o1, d1 = split(expected)
        _, d2 = split(got)
        bad = [q for q in o1 if d1.get(q) != d2.get(q)]
        print(f"DIFF {f}: {len(bad)} of {len(o1)} code objects: {bad[:3]}")
        if args.verbose:
            import difflib
            for q in bad[:3]:
                print("\n".join(difflib.unified_diff(d1[q], d2.get(q, []), q, q, lineterm="")))
    print(stats)


if __name__ == "__main__":
    main()
