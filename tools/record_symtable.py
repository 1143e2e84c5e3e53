#!/usr/bin/env python3
"""Records python3's symbol tables for tests/golden/symtable/*.py into *.symtable files, in the format
of `cpjit symtable`: one line per scope (`TYPE NAME line N [nested] [params=[...]]`) and per symbol
(sorted by name: its resolved scope, then its DEF_* flags), children indented under their parent.
Run: python3 tools/record_symtable.py   (python3 must be CPython 3.11)
"""
import pathlib
import symtable
import sys

SCOPES = {0: "UNKNOWN", 1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}
FLAGS = ["DEF_GLOBAL", "DEF_LOCAL", "DEF_PARAM", "DEF_NONLOCAL", "USE", "DEF_FREE",
         "DEF_FREE_CLASS", "DEF_IMPORT", "DEF_ANNOT", "DEF_COMP_ITER"]


def dump(t, indent, out):
    pad = "  " * indent
    extra = " nested" if t.is_nested() else ""
    if t.get_type() == "function":
        extra += " params=[" + ", ".join(t.get_parameters()) + "]"
    out.append(f"{pad}{t.get_type()} {t.get_name()} line {t.get_lineno()}{extra}")
    child_names = {c.get_name() for c in t.get_children()}
    for sym in sorted(t.get_symbols(), key=lambda s: s.get_name()):
        flags = sym._Symbol__flags
        props = [SCOPES[sym._Symbol__scope]]
        props += [name for bit, name in enumerate(FLAGS) if flags & (1 << bit)]
        if sym.get_name() in child_names:
            props.append("namespace")
        out.append(f"{pad}  {sym.get_name()}: {' '.join(props)}")
    for c in t.get_children():
        dump(c, indent + 1, out)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("record_symtable.py needs CPython 3.11")
    root = pathlib.Path(__file__).resolve().parent.parent / "tests" / "golden" / "symtable"
    for py in sorted(root.glob("*.py")):
        out = []
        dump(symtable.symtable(py.read_text(), py.name, "exec"), 0, out)
        py.with_suffix(".symtable").write_text("\n".join(out) + "\n")
        print(f"recorded {py.with_suffix('.symtable').name}")


if __name__ == "__main__":
    main()
