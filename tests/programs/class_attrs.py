class Config:
    debug = False
    items = []
    def add(self, x):
        self.items.append(x)
a, b = Config(), Config()
a.add(1); b.add(2)
print(Config.items, a.items is b.items, a.debug)
a.debug = True
print(a.debug, b.debug, Config.debug)
class Meta:
    """Doc string."""
    x = 1
    y = x + 1
    z = [i for i in range(3)]
print(Meta.x, Meta.y, Meta.z, Meta.__name__, Meta.__qualname__)
class Outer:
    class Inner:
        v = 5
    def get(self):
        return self.Inner.v
print(Outer().get(), Outer.Inner.__qualname__)
print(type(Config.add).__name__, type(a.add).__name__)
m = a.add
m(3)
print(Config.items, m.__self__ is a, m.__func__ is Config.add)
class WithSlotsLike:
    __slots__ = ("a",)
print(WithSlotsLike.__slots__)
