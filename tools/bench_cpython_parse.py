#!/usr/bin/env python3
"""CPython's parse throughput on the file benches/parse.rs uses, measured the same way.

Times `ast.parse(src)` and `compile(src, f, 'exec', ast.PyCF_ONLY_AST)` (tokenize + parse to AST;
the first also converts the C AST to Python objects, the second too — both return an ast.Module)
over N runs, after warm-up; prints best and median in ms and lines/s.

usage: python3 tools/bench_cpython_parse.py [FILE] [-n N]
"""

import argparse
import ast
import os
import sysconfig
import statistics
import time



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=os.path.join(sysconfig.get_path("stdlib"), "_pydecimal.py"))
    ap.add_argument("-n", type=int, default=20)
    a = ap.parse_args()
    with open(a.file, "rb") as f:
        src = f.read()
    lines = src.count(b"\n")
    name = os.path.basename(a.file)
    for label, fn in [
        ("ast.parse", lambda: ast.parse(src, name)),
        ("compile(PyCF_ONLY_AST)", lambda: compile(src, name, "exec", ast.PyCF_ONLY_AST)),
    ]:
        for _ in range(3):
            fn()
        times = []
        for _ in range(a.n):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        best, med = min(times), statistics.median(times)
        print("cpython %s: %d lines, best %.2f ms (%.0f lines/s), median %.2f ms (%.0f lines/s)" % (
            label, lines, best * 1e3, lines / best, med * 1e3, lines / med))


if __name__ == "__main__":
    main()
