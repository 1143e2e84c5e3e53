#!/usr/bin/env bash
# Instruction counts (callgrind, load-independent) of the attribute-heavy workloads: the
# method_calls kernel scaled down 100x and pyperformance's richards, chaos, go and float (one
# loop, through the pyperf shim), for CPython 3.11 (`python3 -S`) and each cpjit binary given.
# Start-up (an empty program) is subtracted from every figure.
#   usage: tools/attr_icount.sh CPJIT_BINARY...
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${CPJIT_SHARED:-$ROOT/../shared}
[ -d "$SHARED/bench" ] || SHARED=/work/shared
PP=$("$SHARED/bench/fetch-pyperformance" "$ROOT/target/pyperformance")
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
sed 's/15_000_000/150_000/' "$SHARED/bench/kernels/method_calls.py" > $T/method_calls.py
echo pass > $T/empty.py
cnt() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs/ {gsub(",","",$4); print $4}'; }
PY=$(python3 -c 'import sys; print(sys.executable)')
for BIN in python "$@"; do
  if [ $BIN = python ]; then run() { PYTHONPATH=$SHARED/pyperf_shim cnt "$PY" -S "$@"; }; else run() { PYTHONPATH=$SHARED/pyperf_shim cnt "$BIN" "$@"; }; fi
  e=$(run $T/empty.py)
  line="$BIN"
  for w in method_calls richards chaos go float; do
    if [ $w = method_calls ]; then f=$T/method_calls.py; else f=$PP/bm_$w/run_benchmark.py; fi
    c=$(run $f)
    line="$line $w=$(python3 -c "print(f'{($c-$e)/1e6:.1f}M')")"
  done
  echo "$line"
done
