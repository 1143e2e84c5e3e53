vals = [0.0, -0.0, 1.5, -2.25, 1e-7, 123456.789, 1e21, 3.0e-320, 2 / 3]
for v in vals:
    print(f"{v} {v!r} {v:.3f} {v:g} {v:e} {v:10.4} {v:.0%}")
print(f"{float('inf'):f} {float('nan'):e} {float('-inf'):g} {1.0:.10g}")
print("%.2f %5.1e %g %G" % (2.675, 12345.6789, 1e-5, 1e-20))
print(str(1e15), str(1e16), str(123456789012345.6), repr(0.30000000000000004))
print(round(1e15 + 0.3, 1), 1e15 + 0.3, 2.5e-5 * 4)
