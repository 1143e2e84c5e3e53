x, y = 3, 4.5
name = "World"
print(f"x={x} y={y} sum={x + y}")
print(f"{name!r} {name!s} {name:>10} {name:<10}| {name:^11}|")
print(f"{x:05d} {y:.3f} {y:10.2f}| {1234567:,} {0.25:.1%} {255:x} {255:#X} {255:b}")
print(f"{'nested'} {[1, 2][0]} {dict(a=1)['a']} {x if x > 2 else y}")
print(f"{{braces}} {x!r:>5}")
w = 8
print(f"{y:{w}.2f}|")
print(f"{1e10:g} {1.5e-7:g} {123.456:e} {0.1:.20f}")
print("{} {} {}".format(1, "two", 3.0), "{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>8.3f}|{:<6}|{:^6}|".format(3.14159, "ab", "cd"))
print("{0[1]} {1.real}".format([5, 6], 7))
print(format(42, "08b"), format(3.5, "e"), format("s", "3"))
