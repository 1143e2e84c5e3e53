class Typed:
    def __init__(self, name, typ):
        self.name = name
        self.typ = typ
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 0)
    def __set__(self, obj, value):
        if not isinstance(value, self.typ):
            raise TypeError(f"{self.name} must be {self.typ.__name__}")
        obj.__dict__[self.name] = value
class Item:
    qty = Typed("qty", int)
    price = Typed("price", float)
i = Item()
print(i.qty, i.price)
i.qty = 3
i.price = 2.5
print(i.qty * i.price, type(Item.qty).__name__)
try:
    i.qty = "many"
except TypeError as e:
    print("TypeError:", e)
