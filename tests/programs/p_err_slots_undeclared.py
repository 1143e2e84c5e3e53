class Base:
    __slots__ = ("a",)


class Child(Base):
    __slots__ = ("b",)

    def __init__(self):
        self.a = 1
        self.b = 2


c = Child()
print(c.a, c.b, hasattr(c, "__dict__"))
del c.b
print(hasattr(c, "b"))
c.c = 3
