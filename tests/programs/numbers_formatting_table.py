rows = [("alpha", 1.5, 10), ("beta", 22.25, 200), ("gamma", 333.125, 3000)]
print(f"{'name':<8}|{'value':>10}|{'count':>6}")
print("-" * 26)
for name, v, c in rows:
    print(f"{name:<8}|{v:>10.2f}|{c:>6,d}")
print(f"{sum(r[1] for r in rows):>19.3f}")
for x in [0.5, 1.5, 2.5, 1.005, 123.456e5, 1e-7, -0.0]:
    print(f"{x:e} {x:.1f} {x:g} {x:.3g} {x!r}")
