#!/usr/bin/env python3
"""Records what python3 reports for each invalid program in tests/syntax_errors/*.py.

Also writes tests/syntax_errors/expected_render.txt: what `python3 FILE` prints to stderr.
Writes tests/syntax_errors/expected.tsv: one line per file with the exception type, lineno, offset,
end_lineno, end_offset (empty when CPython gives none) and message, as `compile(src, name, 'exec')`
raises them. Re-run to re-record (the test reads this file; nothing in it is written by hand).

usage: python3 tools/record_syntax_errors.py
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "tests", "syntax_errors")


def field(v):
    return "" if v is None else str(v)


def main():
    rows = []
    for name in sorted(os.listdir(DIR)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(DIR, name), "rb") as f:
            src = f.read()
        try:
            compile(src, name, "exec")
        except SyntaxError as e:
            rows.append([name, type(e).__name__, field(e.lineno), field(e.offset),
                         field(e.end_lineno), field(e.end_offset), e.msg])
            continue
        except MemoryError:
            rows.append([name, "MemoryError", "", "", "", "", ""])
            continue
        sys.exit("record_syntax_errors: %s compiles without error; every case must be invalid" % name)
    # What `python3 FILE` prints to stderr, with the directory replaced by <DIR>.
    import subprocess
    render = []
    for r in rows:
        p = subprocess.run([sys.executable, r[0]], cwd=DIR, capture_output=True, text=True)
        render.append("=== %s\n%s" % (r[0], p.stderr.replace(DIR, "<DIR>")))
    with open(os.path.join(DIR, "expected_render.txt"), "w", encoding="utf-8") as f:
        f.write("".join(render))
    out = os.path.join(DIR, "expected.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# file\ttype\tlineno\toffset\tend_lineno\tend_offset\tmsg (recorded by tools/record_syntax_errors.py)\n")
        for r in rows:
            f.write("\t".join(x.replace("\t", "\\t").replace("\n", "\\n") for x in r) + "\n")
    print("recorded %d cases in %s" % (len(rows), os.path.relpath(out, ROOT)))


if __name__ == "__main__":
    main()
