#!/usr/bin/env python3
"""Records CPython 3.11's compile-time errors for tests/golden/compile_errors/cases.py (snippets
separated by `# ---` lines) into cases.expected: one line per snippet, `OK` if it compiles, else
`Kind: msg @ lineno:offset-end_lineno:end_offset`; and the SyntaxWarnings of warnings.py into
warnings.expected (`lineno: SyntaxWarning: msg`).
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
    # SyntaxWarnings of warnings.py, in order, as the default filter shows them.
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        compile((d / "warnings.py").read_text(), "warnings.py", "exec")
    lines = [f"{w.lineno}: {w.category.__name__}: {w.message}" for w in caught]
    (d / "warnings.expected").write_text("\n".join(lines) + "\n")
    print(f"recorded {len(lines)} warnings")


if __name__ == "__main__":
    main()
