z = 3 + 4j
print(hash(z), hash(1+0j) == hash(1), hash(2.5j), hash(complex(-1, -1)))
print(z == 3+4j, z != 3, (3+0j) == 3, 3 == (3+0j), (2**60+0j) == 2**60, 1.5 == (1.5+0j))
print(bool(0j), bool(1j), bool(-0.0+0j), not z)
print(complex("  (1.5-2.5J)  "), complex("-j"), complex("1e3"), complex(" 2_0j "), complex("inf-nanj"))
print(complex(1+2j, 3+4j), complex(1.5, 2j), complex(2j), complex(True, False), complex(imag=2))
print(-z, +z, abs(-3-4j), z.conjugate(), z.real, z.imag, (1j).imag)
print(z ** 0.5, z ** -1, 2 ** z, z ** z, (0j) ** 0, 1j ** 2, (1+1j) ** 101)
print(z / 2, 1 / z, z * 1.5, z - True, z + 10**20)
print(format(z, ".2f"), f"{z:>20}", f"{1j:g}", "{:e}".format(z), str(-0j), repr(complex(-0.0, -0.0)))
print({z: 1}[3+4j], sum([1j, 2, 3.5]), [1j, 2j].index(2j), 1j in {1j})
print((-8) ** (1/3), (-2.0) ** 0.5, pow(-8, 0.5))
for bad in ["1+", "abc", "1+2jj", "(1+2j", "1__2", "", "j1"]:
    try:
        complex(bad)
    except ValueError as e:
        print("VE", e)
for f in [lambda: 1j < 2j, lambda: 1j >= 1, lambda: 1j // 2, lambda: 1j % 2, lambda: 1 / 0j,
          lambda: 0j ** -1, lambda: complex([]), lambda: complex(1, "2"), lambda: complex("1", 2),
          lambda: complex(1, []), lambda: int(1j), lambda: float(2j), lambda: (1e200+1e200j) ** 100,
          lambda: abs(complex(1e308, 1e308)), lambda: divmod(1j, 2), lambda: round(1j), lambda: ~1j,
          lambda: sorted([1j, 2j]), lambda: complex(x=1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(type(1j).__name__, isinstance(1j, complex), complex.__name__, 1j.__complex__())
print(f"{2-3j!r:>12}|{1.5j:.3}|{complex(1, 2):+.1f}", "%s %r" % (1j, -1j), str(complex("nan+infj")))
total = 0j
for k in range(1, 6):
    total += complex(k, -k) / k
print(total, total == 5 - 5j, sorted([3j, 1j, 2j], key=abs))
print(1j < 2j)
