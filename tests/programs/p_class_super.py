class Base:
    def __init__(self, x):
        self.x = x
        print("Base init", x)
    def val(self):
        return self.x
class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print("Mid init", y)
    def val(self):
        return super().val() * 10 + self.y
class Top(Mid):
    def __init__(self):
        super(Top, self).__init__(1, 2)
    def val(self):
        return Base.val(self) + super().val()
t = Top()
print(t.val(), t.x, t.y)
class M:
    @classmethod
    def make(cls):
        return cls.__name__
class N(M):
    @classmethod
    def make(cls):
        return "N:" + super().make()
print(N.make(), M.make())
