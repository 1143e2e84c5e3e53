#!/bin/sh
# Runs one libFuzzer target (parse, compile or pyc) built by fuzz/build.sh on its corpus (seed it
# with fuzz/seed_corpus.sh) until it has made RUNS executions (default 10,000,000). Inputs are
# capped at 1 KiB (libFuzzer's -max_len) to keep executions fast, 32 KiB for pyc (a cache file is
# a whole module); a crash, a panic (libfuzzer-sys turns it into an abort) or an input that runs
# longer than 60 s is saved under fuzz/artifacts/TARGET/.
# Extra arguments go to libFuzzer.
set -e
cd "$(dirname "$0")"
t=${1:?usage: fuzz/run.sh parse|compile|pyc [RUNS] [libFuzzer options]}
runs=${2:-10000000}
shift; [ $# -gt 0 ] && shift
mkdir -p "artifacts/$t" "corpus/$t"
max_len=1024
[ "$t" = pyc ] && max_len=32768
exec "target/$(rustc -vV | sed -n 's/^host: //p')/release/$t" "corpus/$t" \
    -max_len=$max_len -timeout=60 -runs="$runs" -print_final_stats=1 \
    -artifact_prefix="artifacts/$t/" "$@"
