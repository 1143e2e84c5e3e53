for f in [lambda: pow(1j, 2, 3), lambda: "%f" % 1j, lambda: "%d" % 1j, lambda: "%s|%r" % (1j, 2j), lambda: 0j ** 1j,
          lambda: 0j ** 0j, lambda: (1e308+1e308j) * (1e308+1e308j), lambda: complex("1e999+1e999j"), lambda: complex(" "),
          lambda: complex("1+2j ", ), lambda: complex("(1)"), lambda: complex("  j  "), lambda: complex("1.j"), lambda: complex(".5j"),
          lambda: complex("-1.5e-3J"), lambda: complex("+inf"), lambda: complex("\u0661+\u0662j"), lambda: complex("1\u00a0"),
          lambda: (1j).real.__class__, lambda: complex.conjugate(1j), lambda: complex.conjugate(1), lambda: 1j.__format__("x"),
          lambda: format(1j, "010"), lambda: format(1+1j, "^20.3e"), lambda: [1j, 1] == [1j, 1.0], lambda: {1: "a"}[1 + 0j],
          lambda: 2 ** 1j, lambda: (-1) ** 0.5, lambda: (-1.0) ** 0.5, lambda: (-8.0) ** -0.5, lambda: 1j.__class__.__name__,
          lambda: True + 1j, lambda: 1j * True, lambda: -(0j), lambda: +(-0.0-0j), lambda: complex(1j, 1j), lambda: complex(-0.0, -0.0)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
