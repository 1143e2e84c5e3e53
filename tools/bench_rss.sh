#!/usr/bin/env bash
# Peak RSS (/usr/bin/time -f %M, KiB) of the 15 pyperformance scripts cpjit runs, under CPython 3.11
# (`python3 -S`, the interpreter pyenv's shim resolves to) and cpjit, with the pyperf shim and
# --shim-loops=3, side by side with the ratio.
# usage: tools/bench_rss.sh [CPJIT] [SCRIPT ...]   (default: target/release/cpjit, all 15)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${CPJIT_SHARED:-$ROOT/../shared}
[ -x "$SHARED/bench/fetch-pyperformance" ] || SHARED=/work/shared
CPJIT=${1:-$ROOT/target/release/cpjit}
shift || true
SCRIPTS=${*:-nbody richards float spectral_norm fannkuch nqueens chaos deltablue go barnes_hut meteor_contest pidigits richards_super unpack_sequence gc_traversal}
DEST=$ROOT/target/pyperformance
"$SHARED/bench/fetch-pyperformance" "$DEST" >/dev/null
PY=$(python3 -c 'import sys; print(sys.executable)')
export PYTHONPATH=$SHARED/pyperf_shim
peak() { { /usr/bin/time -f %M "$@" >/dev/null; } 2>&1 | tail -1; }
printf '%-16s %10s %10s %6s\n' script cpython_kb cpjit_kb ratio
for b in $SCRIPTS; do
  s=$DEST/bm_$b/run_benchmark.py
  c=$(peak "$PY" -S "$s" --shim-loops=3)
  j=$(peak "$CPJIT" "$s" --shim-loops=3)
  awk -v b="$b" -v c="$c" -v j="$j" 'BEGIN { printf "%-16s %10s %10s %6.2f\n", b, c, j, j / c }'
done
