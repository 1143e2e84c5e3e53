#!/usr/bin/env python3
"""Run the 54 pyperformance scripts of issue 13 once each under python3 and a cpjit binary (one
loop through the pyperf shim) and print `NAME: pass` or `NAME: FAIL <reason>` for each, with the
count at the end. A quick status board for working down the failures; the timed, checked run is
`/work/shared/bench/compare --check` (tools/bench_compare.sh --all).

usage: tools/pyperf_status.py [--bin target/release/cpjit] [--timeout S] [NAME...]
"""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(os.environ.get("CPJIT_SHARED", ROOT.parent / "shared"))
if not (SHARED / "bench").is_dir():
    SHARED = pathlib.Path("/work/shared")

# Issue 13's list: the pyperformance 1.14.0 scripts CPython 3.11 runs on these machines.
NAMES = """2to3 argparse async_generators async_tree asyncio_tcp barnes_hut base64 bpe_tokeniser chaos
comprehensions concurrent_imap coroutines decimal_factorial decimal_pi deepcopy deltablue docutils
fannkuch float gc_collect gc_traversal generators go hexiom json_dumps json_loads logging mdp
meteor_contest nbody networkx nqueens pathlib pickle pidigits pprint pyflate python_startup raytrace
regex_compile regex_dna regex_effbot regex_v8 richards richards_super scimark spectral_norm
sqlite_synth sympy telco typing_runtime_protocols unpack_sequence xml_etree yaml""".split()


def run(cmd, script, timeout):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SHARED / "pyperf_shim")
    try:
        p = subprocess.run(cmd + [str(script), "--shim-loops=1"], env=env, capture_output=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout"
    return p.returncode, p.stdout, p.stderr


def reason(code, err):
    lines = err.decode("utf-8", "replace").strip().splitlines()
    tail = lines[-1] if lines else f"exit {code}"
    return tail[:160]


def main():
    args = sys.argv[1:]
    binary = str(ROOT / "target/release/cpjit")
    timeout = 300.0
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--bin":
            binary = args.pop(0)
        elif opt == "--timeout":
            timeout = float(args.pop(0))
        else:
            sys.exit(f"unknown option {opt}")
    names = args or NAMES
    dest = ROOT / "target/pyperformance"
    subprocess.run([str(SHARED / "bench/fetch-pyperformance"), str(dest)], check=True,
                   stdout=subprocess.DEVNULL)
    passed = 0
    for name in names:
        script = dest / f"bm_{name}" / "run_benchmark.py"
        wc, wout, werr = run(["python3"], script, timeout)
        if wc != 0:
            print(f"{name}: python3 failed: {reason(wc, werr)}", flush=True)
            continue
        gc, gout, gerr = run([binary], script, timeout)
        if gc is None:
            print(f"{name}: FAIL timeout after {timeout:.0f}s", flush=True)
        elif gc != 0:
            print(f"{name}: FAIL {reason(gc, gerr)}", flush=True)
        elif gout != wout:
            print(f"{name}: FAIL output differs", flush=True)
        else:
            passed += 1
            print(f"{name}: pass", flush=True)
    print(f"{passed}/{len(names)} pass")


if __name__ == "__main__":
    main()
