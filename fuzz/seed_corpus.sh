#!/bin/sh
# Seeds fuzz/corpus/{parse,compile} with the installed CPython standard library's .py files
# (files under 64 KiB; libFuzzer's default -max_len is derived from the corpus), and
# fuzz/corpus/pyc with cpjit's own cache files (`cpjit compile`) for the stdlib's modules under
# 16 KiB (about 400; their .pyc files stay under run.sh's 32 KiB -max_len for pyc), compiled in a
# copy so the installed stdlib gets no __pycache__ entries.
# CPJIT (default: the release build in ../target) is the cpjit that writes the .pyc files.
set -e
cd "$(dirname "$0")"
lib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
for t in parse compile; do
    mkdir -p corpus/$t
    find "$lib" -name '*.py' -size -64k -not -path '*/site-packages/*' | while read -r f; do
        cp "$f" "corpus/$t/$(echo "$f" | md5sum | cut -c1-16).py"
    done
done
ls corpus/parse | wc -l
cpjit=${CPJIT:-../target/release/cpjit}
tmp=$(mktemp -d)
find "$lib" -name '*.py' -size -16k -not -path '*/site-packages/*' -not -path '*/test*' \
    -not -path '*/idlelib/*' -not -path '*/lib2to3/*' | while read -r f; do
    cp "$f" "$tmp/m$(echo "$f" | md5sum | cut -c1-12).py"
done
"$cpjit" compile -q "$tmp" || true
mkdir -p corpus/pyc
for f in "$tmp"/__pycache__/*.pyc; do
    cp "$f" "corpus/pyc/$(basename "$f" .cpjit-311.pyc).pyc"
done
rm -rf "$tmp"
ls corpus/pyc | wc -l
