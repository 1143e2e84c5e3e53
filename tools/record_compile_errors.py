#!/usr/bin/env python3
"""Records CPython 3.11's compile-time errors for tests/golden/compile_errors/cases.py (snippets
separated by `# ---` lines) into cases.expected: one line per snippet, `OK` if it compiles, else
`Kind: msg @ lineno:offset-end_lineno:end_offset`.
Run: python3 tools/record_compile_errors.py   (python3 must be CPython 3.11)
"""
import pathlib
import sys


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("record_compile_errors.py needs CPython 3.11")
    d = pathlib.Path(__file__).resolve().parent.parent / "tests" / "golden" / "compile_errors"
    cases = (d / "cases.py").read_text().split("# ---\n")
    out = []
    for src in cases:
        try:
            compile(src, "case.py", "exec")
            out.append("OK")
        except SyntaxError as e:
            out.append(f"{type(e).__name__}: {e.msg} @ {e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset}")
    (d / "cases.expected").write_text("\n".join(out) + "\n")
    print(f"recorded {len(out)} cases")


if __name__ == "__main__":
    main()
