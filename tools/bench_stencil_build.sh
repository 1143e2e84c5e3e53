#!/usr/bin/env bash
# A/B cost of the stencil step on a clean release build. "with": this tree as is. "without": the
# same tree with build.rs replaced by a copy of the tables it generated and no [build-dependencies],
# so the crate compiled is identical and only Cranelift + the stencil compilation are gone.
# usage: tools/bench_stencil_build.sh [WORKDIR]   (default /tmp/cpjit-stencil-ab)
#        PROFILE=dev tools/bench_stencil_build.sh   measures `cargo build` instead of --release
set -euo pipefail
if [ "${PROFILE:-release}" = dev ]; then flag=(); dir=debug; else flag=(--release); dir=release; fi
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/cpjit-stencil-ab}
rm -rf "$work" && mkdir -p "$work/with" "$work/without"
git -C "$repo" archive HEAD | tar -x -C "$work/with"
git -C "$repo" archive HEAD | tar -x -C "$work/without"
cp "$repo/Cargo.lock" "$work/with/" 2>/dev/null || true
cp "$repo/Cargo.lock" "$work/without/" 2>/dev/null || true
cd "$work/with"
/usr/bin/time -f "with:    %e s wall, %U s user" cargo build "${flag[@]}" -q
mkdir -p "$work/without/pregenerated"
cp target/$dir/build/cpjit-*/out/*.rs "$work/without/pregenerated/"
cd "$work/without"
cat > build.rs <<'RS'
fn main() {
    let out = std::env::var("OUT_DIR").unwrap();
    for f in ["stencils_x86_64.rs", "stencils_aarch64.rs"] {
        std::fs::copy(format!("pregenerated/{f}"), format!("{out}/{f}")).unwrap();
    }
}
RS
python3 - <<'PY'
s = open("Cargo.toml").read()
i = s.find("[build-dependencies]")
j = s.find("\n[", i + 5)
open("Cargo.toml", "w").write(s[:i] + s[j + 1:])
PY
/usr/bin/time -f "without: %e s wall, %U s user" cargo build "${flag[@]}" -q
