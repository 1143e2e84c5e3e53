class C:
    a = 1
    def m(self):
        return "m"
c = C()
print(getattr(c, "a"), getattr(c, "m")(), getattr(c, "zz", None))
setattr(c, "b", 2)
print(c.b, hasattr(c, "b"), hasattr(c, "nope"), hasattr(C, "m"))
delattr(c, "b")
print(hasattr(c, "b"))
try:
    getattr(c, "zz")
except AttributeError as e:
    print("AttributeError:", e)
print(callable(c.m), callable(C), callable(c), callable(None), callable(print))
print(len([1, 2]), len("héllo"), len({1: 2}), len(range(5, 10)), len(b"ab"), len({1, 2, 2}))
fn = getattr(str, "upper")
print(fn("abc"), getattr([1, 2], "__len__")())
print(isinstance(getattr(c, "__class__"), type), vars(c) if hasattr(c, "__dict__") else None)
