#!/usr/bin/env python3
"""Compares every instruction's full position (co_positions: line, end line, column, end column)
of cpjit (`cpjit dis --lines`) with CPython 3.11's, over the given files (default: the top-level
stdlib modules). Instructions CPython gives no column (only the RETURN_GENERATOR prefix) compare as
column 0, cpjit's representation. Usage: python3 tools/positions_stdlib_diff.py [MAX_SHOWN [FILES...]]
"""
import sys, subprocess, pathlib, dis, types, difflib, sysconfig
IGN = {"RESUME", "PRECALL", "CACHE", "NOP", "EXTENDED_ARG"}
def walk(co, out):
    out.append("== " + co.co_qualname)
    prev = None
    for ins in dis.get_instructions(co):
        n = ins.opname
        if n.startswith("POP_JUMP"): n = n.replace("_FORWARD","").replace("_BACKWARD","")
        if n in IGN: continue
        p = ins.positions
        if n in ("BINARY_SUBSCR","STORE_SUBSCR") and out[-1].endswith("BUILD_SLICE") and prev == 2:
            pos = "-" if p.lineno is None else f"{p.lineno}-{p.end_lineno}:{p.col_offset}-{p.end_col_offset}"
            out[-1] = pos + " " + ("BINARY_SLICE" if n == "BINARY_SUBSCR" else "STORE_SLICE"); continue
        prev = ins.arg
        pos = "-" if p.lineno is None else f"{p.lineno}-{p.end_lineno}:{p.col_offset if p.col_offset is not None else 0}-{p.end_col_offset if p.end_col_offset is not None else 0}"
        out.append(f"{pos} {n}")
    for c in co.co_consts:
        if isinstance(c, types.CodeType): walk(c, out)
files = [pathlib.Path(a) for a in sys.argv[2:]] or sorted(
    pathlib.Path(sysconfig.get_paths()["stdlib"]).glob("*.py"))
CPJIT = str(pathlib.Path(__file__).resolve().parent.parent / "target" / "debug" / "cpjit")
tot = ok = 0; shown = 0
for f in files:
    out = []
    try: walk(compile(f.read_bytes(), str(f), "exec"), out)
    except Exception: continue
    r = subprocess.run([CPJIT, "dis", "--lines", str(f)], capture_output=True, text=True)
    if r.returncode: continue
    def split(t):
        d = []
        for l in t:
            if l.startswith("== "): d.append([l])
            else: d[-1].append(l)
        return d
    for x, y in zip(split(out), split(r.stdout.splitlines())):
        tot += 1
        if x == y: ok += 1
        elif shown < (int(sys.argv[1]) if len(sys.argv) > 1 else 5):
            shown += 1
            print(f); print("\n".join(list(difflib.unified_diff(x, y, lineterm="", n=1))[:14]))
print(f"identical positions: {ok} of {tot} code objects")
