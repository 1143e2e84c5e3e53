#!/usr/bin/env bash
# Whole-program comparison of cpjit with CPython (BENCHMARKS.md, "Whole programs"): fetches the
# pyperformance scripts (pinned version, from the Python package registry) into
# target/pyperformance, builds the release binary, and runs /work/shared/bench/compare over the 15
# pyperformance scripts of issue 8 and the shared kernels under CPython 3.11 (`python3 -S`),
# cpjit (specializing, the default) and cpjit --specialize=off, checking that the outputs agree.
#   usage: tools/bench_compare.sh [ARGS]   (ARGS go to compare; default --runs 3 --loops 5)
#          JIT=1 tools/bench_compare.sh      (columns CPython, settle, cpjit --jit, cpjit)
set -uo pipefail
cd "$(dirname "$0")/.."
BENCH=${BENCH:-/work/shared/bench}
pp=$("$BENCH/fetch-pyperformance" target/pyperformance) || exit 1
cargo build --release || exit 1
# CPython reads its standard library from the .pyc files its installer wrote; cpjit gets the
# same: its own cache files (__pycache__/*.cpjit-311.pyc, beside CPython's), written once here
# because PYTHONDONTWRITEBYTECODE (set on these machines) keeps runs from writing them. Without
# this every run of a script importing e.g. random recompiles ~25 modules (~250M instructions).
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
./target/release/cpjit compile -q "$stdlib" "$BENCH/../pyperf_shim" >/dev/null 2>&1
scripts=()
for b in nbody richards float spectral_norm fannkuch nqueens chaos go deltablue richards_super \
    unpack_sequence pidigits meteor_contest barnes_hut gc_traversal; do
    scripts+=("$pp/bm_$b/run_benchmark.py")
done
scripts+=("$BENCH"/kernels/*.py)
date -u '+%Y-%m-%d %H:%M UTC'
lscpu | grep 'Model name'
uptime
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--runs 3 --loops 5)
# compare exits 1 if any script fails or differs; the table is still the result.
# JIT=1: the JIT against the specializing interpreter and CPython (issue 9, must-hold 5).
# compare runs the implementations in the order given, every round, and on these machines the
# process right after CPython runs slower (bm_pidigits 5%: the same cpjit binary in two columns
# after CPython, 0.800 s then 0.761 s; BENCHMARKS.md, issue 9, sixteenth session). So a
# `settle` run of the interpreter, not compared, takes that place, and the two compared columns
# each follow a cpjit run. SETTLE=0 leaves it out.
if [ -n "${JIT:-}" ]; then
    impls=(--impl "cpython=python3 -S")
    [ "${SETTLE:-1}" != 0 ] && impls+=(--impl "settle=./target/release/cpjit -S")
    impls+=(--impl "jit=./target/release/cpjit -S --jit"
        --impl "cpjit=./target/release/cpjit -S")
else
    impls=(--impl "cpython=python3 -S" --impl "cpjit=./target/release/cpjit -S"
        --impl "off=./target/release/cpjit -S --specialize=off")
fi
"$BENCH/compare" --check "${args[@]}" "${impls[@]}" "${scripts[@]}"
status=$?
uptime
exit $status
