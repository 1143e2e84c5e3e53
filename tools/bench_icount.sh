#!/usr/bin/env bash
# Instruction counts (valgrind callgrind, "Collected") of each VM kernel run as a whole process under
# python3 and under target/release/cpjit, minus the count of an empty program (start-up and
# shut-down), so the figures are the kernel's own work. Not affected by machine load.
#   usage: tools/bench_icount.sh [KERNEL.py ...]   (default: benches/vm_kernels/*.py)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x target/release/cpjit ] || cargo build --release
count() {  # count CMD... -> instructions executed
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
empty=$(mktemp --suffix=.py)
trap 'rm -f "$empty"' EXIT
# python3 may be a shim script (pyenv); count the real interpreter.
py=$(python3 -c "import sys; print(sys.executable)")
py0=$(count "$py" "$empty")
cj0=$(count target/release/cpjit "$empty")
printf '%-16s %16s %16s %8s\n' kernel "python3 instr" "cpjit instr" ratio
for f in "${@:-benches/vm_kernels/*.py}"; do
    for k in $f; do
        pyn=$(( $(count "$py" "$k") - py0 ))
        cj=$(( $(count target/release/cpjit "$k") - cj0 ))
        printf '%-16s %16d %16d %8.2f\n' "$(basename "$k" .py)" "$pyn" "$cj" \
            "$(echo "$cj / $pyn" | bc -l)"
    done
done
printf '(empty program: python3 %d, cpjit %d instructions)\n' "$py0" "$cj0"
