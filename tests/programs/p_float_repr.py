vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e-5, 123456789.123, 1 / 3, 2 / 3, 1e22, 1e23, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(float("1.5"), float("-2e3"), float("  3.25 "), float(7))
print(1.5.is_integer(), (2.0).is_integer(), 3.75.as_integer_ratio())
print(float.hex(1.0) if hasattr(float, "hex") else "nohex")
print(100.0, 1e100, 12345678901234567890.0, 0.000001, 0.0000001)
