#!/bin/sh
# Seeds fuzz/corpus/{parse,compile} with the installed CPython standard library's .py files
# (files under 64 KiB; libFuzzer's default -max_len is derived from the corpus).
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
