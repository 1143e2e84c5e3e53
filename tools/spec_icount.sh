#!/usr/bin/env bash
# Instruction counts (callgrind, load-independent) of the shared kernels, scaled down ~100x so they
# finish under valgrind: CPython 3.11 (`python3 -S`) vs cpjit with specialization off and on.
# Start-up (an empty program) is subtracted from every figure.
#   usage: tools/spec_icount.sh [CPJIT_BINARY]
# OTHER="--jit" (any cpjit options) replaces the specialization-off column with that configuration.
set -euo pipefail
BIN=${1:-$(dirname "$0")/../target/release/cpjit}
KERNELS=${KERNELS:-$(dirname "$0")/../../shared/bench/kernels}
[ -d "$KERNELS" ] || KERNELS=/work/shared/bench/kernels
PY=$(python3 -c 'import sys; print(sys.executable)')
T=$(mktemp -d)
python3 - "$KERNELS" "$T" <<'PY'
import sys, pathlib
src, dst = map(pathlib.Path, sys.argv[1:])
subs = {'bigint.py': [('fact(15000)', 'fact(1500)'), ('250_000', '25_000')],
        'closures_gen.py': [('15_000_000', '150_000')], 'dict_str.py': [('4_000_000', '40_000')],
        'fib.py': [('fib(35)', 'fib(24)')], 'float_loop.py': [('mandel(640, 60)', 'mandel(64, 60)')],
        'int_loop.py': [('15_000_000', '150_000')], 'list_sieve.py': [('range(110)', 'range(1)')],
        'method_calls.py': [('15_000_000', '150_000')]}
for name, pairs in subs.items():
    s = (src / name).read_text()
    for a, b in pairs:
        assert a in s, (name, a)
        s = s.replace(a, b)
    (dst / name).write_text(s)
(dst / 'empty.py').write_text('pass\n')
PY
cnt() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs/ {gsub(",","",$4); print $4}'; }
OTHER=${OTHER:---specialize=off}
bp=$(cnt "$PY" -S "$T/empty.py"); bc=$(cnt "$BIN" "$T/empty.py")
printf '| kernel | CPython | cpjit %s | cpjit on | %s/on | on/CPython | %s/CPython |\n|---|---:|---:|---:|---:|---:|---:|\n' "$OTHER" "$OTHER" "$OTHER"
for f in bigint closures_gen dict_str fib float_loop int_loop list_sieve method_calls; do
    a=$(cnt "$PY" -S "$T/$f.py"); b=$(cnt "$BIN" $OTHER "$T/$f.py"); c=$(cnt "$BIN" "$T/$f.py")
    python3 -c "a,b,c=$a-$bp,$b-$bc,$c-$bc; print(f'| $f | {a/1e6:.1f}M | {b/1e6:.1f}M | {c/1e6:.1f}M | {b/c:.3f} | {c/a:.3f} | {b/a:.3f} |')"
done
rm -rf "$T"
