#!/usr/bin/env python3
"""Compare code objects in CPython 3.11's layout between python3 and cpjit, module by module.

For each standard-library module (or each FILE given), both implementations compile the source and
print, for every code object: co_code, co_linetable, co_exceptiontable, co_positions(),
co_lines(), then `dis.dis` of the module (addresses stripped). Prints the modules that differ and
how many are identical.

usage: python3 tools/dis_layout_diff.py [--cpjit PATH] [-v] [FILE ...]
       (default: every top-level .py file of python3's standard library)
"""
import argparse
import os
import pathlib
import subprocess
import sys
import sysconfig

DUMP = r'''
import sys, dis, io, re
def walk(co, out):
    out.append("== " + co.co_qualname)
    for k in ("co_code", "co_linetable", "co_exceptiontable"):
        try:
            out.append(k + " " + getattr(co, k).hex())
        except Exception as e:
            out.append(k + " ERR " + type(e).__name__ + ": " + str(e))
    out.append("positions " + repr(list(co.co_positions())))
    out.append("lines " + repr(list(co.co_lines())))
    for c in co.co_consts:
        if hasattr(c, "co_qualname"):
            walk(c, out)
for f in sys.argv[1:]:
    print("#### " + f)
    try:
        co = compile(open(f, encoding="utf-8").read(), f, "exec")
    except Exception as e:
        print("compile ERR", type(e).__name__)
        continue
    out = []
    walk(co, out)
    s = io.StringIO()
    try:
        dis.dis(co, file=s)
    except Exception as e:
        s.write("dis ERR " + repr(e))
    out.append(re.sub(r" at 0x[0-9a-f]+", "", s.getvalue()))
    print("\n".join(out))
'''


def dump(cmd, files):
    # A fixed hash seed, as tests/programs run with: frozenset constants print in hash order.
    env = dict(os.environ, PYTHONHASHSEED="0")
    r = subprocess.run(cmd + ["-c", DUMP] + files, capture_output=True, text=True,
                       errors="replace", env=env)
    per = {}
    cur = None
    for line in r.stdout.splitlines():
        if line.startswith("#### "):
            cur = line[5:]
            per[cur] = []
        elif cur is not None:
            per[cur].append(line)
    return per


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cpjit", default=str(pathlib.Path(__file__).resolve().parent.parent
                                           / "target" / "release" / "cpjit"))
    ap.add_argument("-v", action="store_true", help="show each module's first differing line")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(str(p) for p in pathlib.Path(sysconfig.get_paths()["stdlib"]).glob("*.py"))
    py = dump([sys.executable], files)
    cj = dump([a.cpjit], files)
    same = 0
    for f in files:
        x, y = py.get(f), cj.get(f)
        if x is not None and x == y:
            same += 1
            continue
        print("differs:", f)
        if a.v and x and y:
            for u, v in zip(x, y):
                if u != v:
                    print("  python3:", u[:200])
                    print("  cpjit:  ", v[:200])
                    break
    print(f"{same} of {len(files)} modules identical")
    return 0 if same == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
