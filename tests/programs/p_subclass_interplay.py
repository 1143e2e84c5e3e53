class B(bytes):
    pass
b = B(b"ab,c")
print(b.upper(), b.split(b","), b.hex(), b.decode(), b"x" in B(b"xy"), len(b), b.find(b"c"), type(b.upper()).__name__)
class I(int):
    pass
i = I(5)
print(i.__add__(2), (2).__add__(i), i.to_bytes(2, "big"), I.from_bytes(b"\x01", "big"), type(I.from_bytes(b"\x01", "big")).__name__)
class F(float):
    pass
f = F(2.5)
print(f.__mul__(2), complex(f), complex(i, f), f + 1j, 1j * i, hash(F(1.0)) == hash(1 + 0j))
class S(str):
    pass
print(S("abc").translate({97: "X"}), str.maketrans(S("a"), S("b")), S("{x}").format_map({"x": 1}))
class D(dict):
    pass
d = D(a=1, b=2)
print(sorted(d.keys() & {"a"}), list(reversed(d)), d.keys().isdisjoint(["z"]))
print(range(I(3)), range(10**20)[I(2)], bytes(I(2)), bytearray(B(b"q")))
print(5 in range(I(10)), I(3) in range(10**20), 2.5j + I(1), (1j).__rmul__(F(2.0)), -F(1.5) ** 0.5, abs(complex(I(3), I(4))))
print(B(b"a,b").split(B(b",")), b"abc".find(B(b"c")), b"-".join([B(b"x"), b"y"]), B(b"x") in b"xyz", int(B(b"12")), float(B(b"1.5")))
print(str.maketrans({S("a"): "b"}), "a".translate(D({97: "z"})), I(10).__divmod__(3), I(7).__round__(-1), hash(range(I(3))) == hash(range(3)))
