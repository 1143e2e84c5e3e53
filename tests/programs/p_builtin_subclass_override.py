class B(bytes):
    pass
b = B(b"hi")
print(b, type(b).__name__, len(b), b + b"!", b[0], b == b"hi", list(b), b.decode())
class F(frozenset):
    pass
f = F([1, 2])
print(f, len(f), 1 in f, type(f).__name__, hash(f) == hash(frozenset([1, 2])), F())
class S(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def __init__(self, v):
        self.orig = v
s = S("ab")
print(s, s.orig, s.lower(), S.__name__, isinstance(s, str))
class L(list):
    def append(self, x):
        print("append", x)
        super().append(x * 10)
l = L()
l.append(1)
l.extend([2])
print(l, len(l))
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
d = D()
d["a"] = 1
print(d["a"], d, d.get("a"))
class N(int):
    def __add__(self, o):
        return N(int(self) + int(o) + 100)
    def __eq__(self, o):
        return True
    __hash__ = int.__hash__
print(N(1) + 1, 1 + N(1), N(1) == 5, hash(N(3)))
class LenL(list):
    def __len__(self):
        return 42
print(len(LenL([1])), bool(LenL()))
