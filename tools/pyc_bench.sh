#!/bin/sh
# Importing a generated 10,000-line module: compiled from source vs loaded from the bytecode cache
# (__pycache__/gen10k.cpjit-311.pyc), as instructions counted by callgrind (load-independent).
# Each figure is a whole `cpjit -S -B -c "import gen10k"` process minus an empty one (`-c pass`).
# Usage: tools/pyc_bench.sh [path/to/cpjit]   (default target/release/cpjit)
set -eu
CPJIT=$(realpath "${1:-target/release/cpjit}")
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 - "$DIR/gen10k.py" <<'PY'
import sys
out = []
i = 0
while len(out) <= 10000 - 17:
    out += [
        f"def func_{i}(a, b=2, *args, key=None, **kw):",
        f"    total = {i}",
        f"    for x in range(a):",
        f"        if x % 3 == 0 and key is not None:",
        f"            total += x * b - len(args)",
        f"        elif x in (1, 2, 3):",
        f"            total -= {i}.5",
        f"    return [y ** 2 for y in args if y] or {{'k': total, 'i': {i}}}",
        f"",
        f"class Class_{i}:",
        f"    attr = ('name_{i}', {i * 7}, {i}.25, b'x{i}')",
        f"    def method(self, v):",
        f"        try:",
        f"            return f'{{self.attr[0]}}:{{v!r}}' + str(func_{i}(v))",
        f"        except (ValueError, TypeError) as e:",
        f"            raise RuntimeError('bad') from e",
        f"",
    ]
    i += 1
while len(out) < 10000:
    out.append(f"CONST_{len(out)} = {len(out)}")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
count() {
    (cd "$DIR" && env -u PYTHONDONTWRITEBYTECODE valgrind --tool=callgrind \
        --callgrind-out-file=/dev/null "$CPJIT" -S -B -c "$1" 2>&1) |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
}
base=$(count "pass")
(cd "$DIR" && env -u PYTHONDONTWRITEBYTECODE "$CPJIT" -S -B -c "import gen10k; print(gen10k.Class_3().method(4))")
compiled=$(count "import gen10k")
"$CPJIT" compile -q "$DIR/gen10k.py"
ls "$DIR/__pycache__/gen10k.cpjit-311.pyc" >/dev/null
cached=$(count "import gen10k")
echo "lines $(wc -l < "$DIR/gen10k.py"), source $(wc -c < "$DIR/gen10k.py") bytes, cache file $(wc -c < "$DIR/__pycache__/gen10k.cpjit-311.pyc") bytes"
echo "empty process: $base instructions"
echo "import, compiled from source: $((compiled - base))"
echo "import, loaded from the cache: $((cached - base))"
echo "ratio: $(python3 -c "print(round(($compiled - $base) / ($cached - $base), 1))")"
