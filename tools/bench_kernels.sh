#!/usr/bin/env bash
# The VM kernels under CPython (tools/bench_kernels.py) and under cpjit (criterion, in-process),
# one after the other. See BENCHMARKS.md, "VM kernels".
set -euo pipefail
cd "$(dirname "$0")/.."
python3 tools/bench_kernels.py "$@"
cargo bench --bench vm
