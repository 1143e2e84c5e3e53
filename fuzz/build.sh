#!/bin/sh
# Builds the libFuzzer targets on the stable toolchain, without cargo-fuzz: the same flags
# `cargo fuzz build -s none` passes (SanitizerCoverage through LLVM's sancov-module pass, inline
# 8-bit counters, PC table, comparison tracing, `--cfg fuzzing`), plus debug assertions and
# overflow checks, as cargo-fuzz's default build has. No AddressSanitizer: cpjit's `unsafe` is
# confined to object layout, GC and JIT memory; a memory error there shows as a crash (SIGSEGV),
# which libFuzzer also catches, but a read that happens to land in mapped memory goes unseen.
#
# `--target` keeps the flags off build scripts (build.rs runs Cranelift to make the stencils).
# Binaries: fuzz/target/x86_64-unknown-linux-gnu/release/{parse,compile}. Run one with
#   fuzz/target/x86_64-unknown-linux-gnu/release/parse fuzz/corpus/parse -runs=10000000
set -e
cd "$(dirname "$0")"
target=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares \
-Cllvm-args=-sanitizer-coverage-stack-depth \
--cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
    exec cargo build --release --target "$target" --bins "$@"
