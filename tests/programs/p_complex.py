a = 3 + 4j
b = complex(1, -2)
print(a, b, a + b, a - b, a * b, a / b)
print(a.real, a.imag, abs(a), a.conjugate())
print(1j * 1j, 2j, -1j, complex(0, 0), complex(2))
print(repr(1 + 0j), repr(-0.5j), (1 + 2j) == (1 + 2j), a ** 2)
print(complex("1+2j"), type(a))
print(0j, 1.5 + 2.25j, (2 + 0j) * 3)
