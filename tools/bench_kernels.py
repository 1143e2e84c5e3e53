#!/usr/bin/env python3
"""Run the VM benchmark kernels (benches/vm_kernels/*.py) under this Python, the same way
`cargo bench --bench vm` runs them under cpjit: compile each file once, then time executing the
module code in a fresh globals dict; print min and median per run and the kernel's `result`.

usage: python3 tools/bench_kernels.py [--runs N] [KERNEL.py ...]
"""
import argparse
import pathlib
import statistics
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
KERNELS = HERE.parent / "benches" / "vm_kernels"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("kernels", nargs="*")
    a = ap.parse_args()
    files = [pathlib.Path(k) for k in a.kernels] or sorted(KERNELS.glob("*.py"))
    print("%s %s" % (sys.implementation.name, sys.version.split()[0]))
    print("%-16s %10s %10s  %s" % ("kernel", "min ms", "median ms", "result"))
    for f in files:
        code = compile(f.read_text(), f.name, "exec")
        g = {}
        exec(code, g)  # warm-up run; also gives the result to compare with cpjit's
        times = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            exec(code, {})
            times.append(time.perf_counter() - t0)
        r = repr(g["result"])
        print("%-16s %10.3f %10.3f  %s" % (f.stem, min(times) * 1e3, statistics.median(times) * 1e3,
                                          r if len(r) <= 40 else r[:37] + "..."))


if __name__ == "__main__":
    main()
