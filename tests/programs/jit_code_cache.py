# Many compiled functions: under a small code cache (`--jit-code-limit`, tests/jit_vm.rs) the
# oldest regions are evicted and compiled again when they warm up, with the same results.
src = "\n".join(
    f"def f{i}(n):\n    s = 0\n    for j in range(n):\n        s += j * {i} % 7\n    return s\n"
    for i in range(200)
)
exec(src)
total = 0
for r in range(4):
    for i in range(200):
        total += globals()[f"f{i}"](30 + r)
print(total)
print(f0(10), f199(10))
