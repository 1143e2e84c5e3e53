class P:
    __slots__ = ("x",)
p = P()
p.x = 1
p.y = 2
