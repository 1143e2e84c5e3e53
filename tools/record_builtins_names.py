#!/usr/bin/env python3
"""Record `dir(builtins)` of CPython (python3, the oracle) into tests/golden/builtins_names.txt,
one name a line; tests/builtins_names.rs compares cpjit's `dir(builtins)` with it."""
import pathlib
import subprocess

out = pathlib.Path(__file__).resolve().parent.parent / "tests" / "golden" / "builtins_names.txt"
names = subprocess.run(
    ["python3", "-c", "import builtins; print('\\n'.join(sorted(dir(builtins))))"],
    capture_output=True, text=True, check=True,
).stdout
out.write_text(names)
print(f"{out}: {len(names.split())} names")
