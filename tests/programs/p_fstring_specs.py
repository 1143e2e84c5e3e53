x, y, name = 3.14159, 42, "bob"
print(f"{x:.2f} {x:10.3f}| {x:<10.1f}| {x:^10.2f}| {x:+.1e} {x:%}")
print(f"{y:5d}|{y:<5d}|{y:^5d}|{y:05d}|{y:x}|{y:X}|{y:o}|{y:b}|{y:#x}|{y:#o}|{y:#b}")
print(f"{name!r} {name:>8} {name:*^9} {name.upper()}")
print(f"{1234567.891:,.2f} {1234567:_} {-5:+d} {5:+d} {5: d}")
print(f"{'nested ' + name}", f"{y * 2 = }", f"{x=:.1f}")
w = 12
p = 3
print(f"{x:{w}.{p}f}|")
print(f"{{braces}} {y}%")
print(f"{0.000012345:g} {123456789.0:g} {1e-10:.3g} {100:e}")
print(f"{[1, 2]} {(1,)} {dict(a=1)} {None} {True}")
print(f"{y:>+8.2f}|{-y:=8d}|{y:c}")
