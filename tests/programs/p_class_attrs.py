class C:
    shared = []
    n = 0
    def __init__(self):
        C.n += 1
        self.id = C.n
a, b = C(), C()
a.shared.append(1)
print(b.shared, C.n, a.id, b.id)
a.n = 100
print(a.n, b.n, C.n)
print(hasattr(a, "id"), getattr(a, "missing", "dflt"))
setattr(a, "extra", 5)
print(a.extra, "extra" in a.__dict__, sorted(a.__dict__))
delattr(a, "extra")
print(hasattr(a, "extra"))
C.new_attr = "cls"
print(b.new_attr, C.__name__)
class D(C):
    n = -1
print(D.n, D.shared is C.shared)
